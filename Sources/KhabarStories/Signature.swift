/// One term of a signature: a stable 64-bit key of a stem and its weight (raw term frequency;
/// IDF is applied by whoever holds corpus statistics).
public struct WeightedTerm: Sendable, Hashable, Codable {
    public var key: UInt64
    public var weight: Float
    public init(key: UInt64, weight: Float) {
        self.key = key
        self.weight = weight
    }
}

/// What kind of thing an entity of a signature is, from the tagger's tag type.
///
/// Why the kind travels with the id: a country (with its capital and metonyms, الكرملين → روسيا)
/// is named by nearly every article on its affairs, so two articles sharing only a country may
/// report two different events of one day (a coach sacked and an earthquake, both in Japan),
/// while a person, an organization or a place says far more about what an article reports.
public enum EntityKind: UInt8, Sendable, Hashable, Codable {
    /// Not recorded (signatures stored by format versions 1 and 2): counted like a specific entity.
    case unknown = 0
    case country = 1
    case person = 2
    case organization = 3
    case place = 4
    case other = 5

    /// The kind of a tag type as the tagger writes it (`Tag.type`: country, person, …).
    public init(tagType: String) {
        switch tagType {
        case "country": self = .country
        case "person": self = .person
        case "organization": self = .organization
        case "place": self = .place
        default: self = .other
        }
    }

    /// Says where, not what: a country.
    public var isBroad: Bool { self == .country }
}

/// Everything stories/related need about one article, computed once at ingest and stored as bytes.
///
/// `titleTerms` and `bodyTerms` are sorted by key (so two signatures meet in one merge pass);
/// `shingles` are sorted and unique. The value is a pure function of the text and the entity ids,
/// so it can be recomputed at any time (`khabar reprocess`).
public struct Signature: Sendable, Hashable {
    /// SimHash-64 over the stems of title and body, weighted by 1 + ln tf.
    public var simhash: UInt64
    /// Stem keys of the title with their frequency, sorted by key.
    public var titleTerms: [WeightedTerm]
    /// The `Fingerprinter.bodyTermLimit` most frequent body stems with their frequency, sorted by key.
    public var bodyTerms: [WeightedTerm]
    /// The body's first `Fingerprinter.leadTermLimit` stems (wrappers such as the dateline left
    /// out) with their frequency there, sorted by key: the lead, a second headline. Empty in
    /// signatures stored by format version 1.
    public var leadTerms: [WeightedTerm]
    /// Sorted, unique 32-bit hashes of the word 3-shingles of the body (of the title when the body
    /// is empty); the full set, for containment.
    public var shingles: [UInt32]
    /// Entity ids, salience order.
    public var entities: [String]
    /// The kind of each entity, aligned with `entities`; empty when not recorded (format versions
    /// 1 and 2), which counts every entity as specific, as those versions did.
    public var entityKinds: [EntityKind]
    /// Word tokens of title and body, stopwords included.
    public var tokenCount: Int

    public init(simhash: UInt64, titleTerms: [WeightedTerm], bodyTerms: [WeightedTerm], leadTerms: [WeightedTerm] = [],
                shingles: [UInt32], entities: [String], entityKinds: [EntityKind] = [], tokenCount: Int) {
        self.simhash = simhash
        self.titleTerms = titleTerms
        self.bodyTerms = bodyTerms
        self.leadTerms = leadTerms
        self.shingles = shingles
        self.entities = entities
        self.entityKinds = entityKinds.count == entities.count ? entityKinds : []
        self.tokenCount = tokenCount
    }

    /// The kind of the entity at `i` (`unknown` when kinds are not recorded).
    @inline(__always) public func kind(at i: Int) -> EntityKind {
        i < entityKinds.count ? entityKinds[i] : .unknown
    }
}

/// Why bytes could not be decoded into a `Signature`.
public enum SignatureDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case badMagic
    case unsupportedVersion(UInt8)
    case truncated(at: Int)
    case invalid(String)

    public var description: String {
        switch self {
        case .badMagic: return "signature bytes do not start with the \"KS\" magic"
        case .unsupportedVersion(let v): return "signature format version \(v) is not supported (this build reads 1 to 3)"
        case .truncated(let at): return "signature bytes end early (at byte \(at))"
        case .invalid(let why): return "invalid signature bytes: \(why)"
        }
    }
}

// MARK: - encoding

// Layout, version 3 (all integers little-endian; "varint" is unsigned LEB128):
//   "K" "S" version(3)
//   simhash u64
//   tokenCount varint
//   titleTerms: count varint, then per term key u64, weight f32
//   bodyTerms:  same
//   leadTerms:  same (absent in version 1, which is still read: its leadTerms are empty)
//   shingles: count varint, then first value and the gaps between sorted values as varints
//   entities: count varint, then per id byte length varint + UTF-8 bytes
//   entity kinds: count varint (0 or the entities' count), then one byte per entity (`EntityKind`)
//     (absent in versions 1 and 2, which are still read: their kinds are empty)
// Why gaps: a median article has ~150 shingles; gaps of sorted 32-bit hashes take ~3.5 bytes
// instead of 4, and keys of terms are random so they stay fixed-width.

extension Signature {
    static let formatVersion: UInt8 = 3

    /// Compact, versioned, little-endian bytes (see the layout above).
    public func encoded() -> [UInt8] { encoded(version: Self.formatVersion) }

    /// The bytes of a given format version (1 drops `leadTerms`, 1 and 2 drop `entityKinds`; tests
    /// write old bytes with it).
    func encoded(version: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + 12 * (titleTerms.count + bodyTerms.count + leadTerms.count) + 4 * shingles.count
                            + entities.reduce(0) { $0 + $1.utf8.count + 1 })
        out.append(0x4B); out.append(0x53); out.append(version)
        putU64(&out, simhash)
        putVarint(&out, UInt64(max(0, tokenCount)))
        for terms in version == 1 ? [titleTerms, bodyTerms] : [titleTerms, bodyTerms, leadTerms] {
            putVarint(&out, UInt64(terms.count))
            for t in terms {
                putU64(&out, t.key)
                putU32(&out, t.weight.bitPattern)
            }
        }
        putVarint(&out, UInt64(shingles.count))
        var prev: UInt32 = 0
        for (i, s) in shingles.enumerated() {
            putVarint(&out, UInt64(i == 0 ? s : s &- prev))
            prev = s
        }
        putVarint(&out, UInt64(entities.count))
        for e in entities {
            let u = Array(e.utf8)
            putVarint(&out, UInt64(u.count))
            out.append(contentsOf: u)
        }
        if version >= 3 {
            putVarint(&out, UInt64(entityKinds.count))
            for k in entityKinds { out.append(k.rawValue) }
        }
        return out
    }

    /// Decodes `encoded()` bytes; throws `SignatureDecodingError` on anything else.
    public init(decoding bytes: some Collection<UInt8>) throws {
        var r = ByteReader(Array(bytes))
        guard try r.u8() == 0x4B, try r.u8() == 0x53 else { throw SignatureDecodingError.badMagic }
        let version = try r.u8()
        guard (1...Self.formatVersion).contains(version) else { throw SignatureDecodingError.unsupportedVersion(version) }
        let simhash = try r.u64()
        let tokenCount = try r.count(limit: Int(Int32.max))
        var lists: [[WeightedTerm]] = []
        for _ in 0..<(version == 1 ? 2 : 3) {
            let n = try r.count(limit: r.remaining / 12)
            var terms: [WeightedTerm] = []
            terms.reserveCapacity(n)
            for _ in 0..<n {
                let key = try r.u64()
                let w = Float(bitPattern: try r.u32())
                guard w.isFinite else { throw SignatureDecodingError.invalid("term weight is not finite") }
                terms.append(WeightedTerm(key: key, weight: w))
            }
            lists.append(terms)
        }
        let ns = try r.count(limit: r.remaining)
        var shingles: [UInt32] = []
        shingles.reserveCapacity(ns)
        var prev: UInt64 = 0
        for i in 0..<ns {
            let v = try r.varint()
            let value = i == 0 ? v : prev + v
            guard value <= UInt64(UInt32.max), i == 0 || v > 0 else {
                throw SignatureDecodingError.invalid("shingles are not sorted 32-bit values")
            }
            shingles.append(UInt32(value))
            prev = value
        }
        let ne = try r.count(limit: r.remaining)
        var entities: [String] = []
        for _ in 0..<ne {
            let len = try r.count(limit: r.remaining)
            let slice = try r.bytes(len)
            guard let s = String(validating: slice, as: UTF8.self) else {
                throw SignatureDecodingError.invalid("entity id is not UTF-8")
            }
            entities.append(s)
        }
        var kinds: [EntityKind] = []
        if version >= 3 {
            let nk = try r.count(limit: r.remaining)
            guard nk == 0 || nk == ne else { throw SignatureDecodingError.invalid("\(nk) entity kinds for \(ne) entities") }
            for _ in 0..<nk {
                let b = try r.u8()
                guard let k = EntityKind(rawValue: b) else { throw SignatureDecodingError.invalid("entity kind \(b) is unknown") }
                kinds.append(k)
            }
        }
        guard r.remaining == 0 else { throw SignatureDecodingError.invalid("\(r.remaining) trailing bytes") }
        self.init(simhash: simhash, titleTerms: lists[0], bodyTerms: lists[1], leadTerms: version == 1 ? [] : lists[2], shingles: shingles,
                  entities: entities, entityKinds: kinds, tokenCount: tokenCount)
    }
}

@inline(__always) private func putU64(_ out: inout [UInt8], _ v: UInt64) {
    for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
}

@inline(__always) private func putU32(_ out: inout [UInt8], _ v: UInt32) {
    for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
}

@inline(__always) private func putVarint(_ out: inout [UInt8], _ v: UInt64) {
    var v = v
    while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}

private struct ByteReader {
    let b: [UInt8]
    var i = 0
    init(_ b: [UInt8]) { self.b = b }
    var remaining: Int { b.count - i }

    mutating func u8() throws -> UInt8 {
        guard i < b.count else { throw SignatureDecodingError.truncated(at: i) }
        defer { i += 1 }
        return b[i]
    }
    mutating func u32() throws -> UInt32 {
        guard remaining >= 4 else { throw SignatureDecodingError.truncated(at: b.count) }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(b[i + k]) << (8 * UInt32(k)) }
        i += 4
        return v
    }
    mutating func u64() throws -> UInt64 {
        guard remaining >= 8 else { throw SignatureDecodingError.truncated(at: b.count) }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        i += 8
        return v
    }
    mutating func varint() throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw SignatureDecodingError.invalid("varint longer than 64 bits") }
            v |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return v }
            shift += 7
        }
    }
    /// A varint count that cannot exceed `limit` (guards allocations against corrupt bytes).
    mutating func count(limit: Int) throws -> Int {
        let at = i
        let v = try varint()
        guard v <= UInt64(max(0, limit)) else {
            throw SignatureDecodingError.invalid("count \(v) at byte \(at) exceeds the bytes left")
        }
        return Int(v)
    }
    mutating func bytes(_ n: Int) throws -> ArraySlice<UInt8> {
        guard remaining >= n else { throw SignatureDecodingError.truncated(at: b.count) }
        defer { i += n }
        return b[i..<(i + n)]
    }
}
