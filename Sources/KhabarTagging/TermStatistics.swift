/// Document frequencies of stemmed n-grams over a corpus: the "IDF" side of key-phrase TF-IDF.
///
/// A term is 1–3 consecutive content words of one sentence, each stemmed by the analyzer, joined
/// by one space ("مكتب عام"); `Tagger.documentTerms(title:body:)` gives a document's terms.
/// Terms are stored under 64-bit keys (`key(_:)`: FNV-1a per stem, folded), so the tagger never
/// builds n-gram strings, and in an open-addressing table so a lookup is one memory access; a
/// 10,000-article corpus takes a few megabytes. The caller persists the value (`Codable`) and
/// adds documents as they arrive.
public struct TermStatistics: Sendable, Codable, Equatable {
    public var documentCount: Int
    private var table = CountTable()

    public init() {
        documentCount = 0
    }

    /// Number of distinct terms held.
    public var termCount: Int { table.count }

    /// Counts one document; `terms` are its distinct stemmed n-grams (see the type's summary).
    public mutating func add(document terms: Set<String>) {
        add(documentKeys: Set(terms.map(Self.key)))
    }

    /// Counts one document given as term keys (`Tagger.documentTermKeys`).
    public mutating func add(documentKeys keys: Set<UInt64>) {
        documentCount += 1
        for k in keys { table.increment(k, by: 1) }
    }

    /// Counts one article, analyzing it with `tagger`.
    public mutating func add(title: String, body: String, tagger: Tagger = Tagger()) {
        add(documentKeys: tagger.documentTermKeys(title: title, body: body))
    }

    public func documentFrequency(_ term: String) -> Int {
        documentFrequency(key: Self.key(term))
    }

    @inline(__always)
    public func documentFrequency(key: UInt64) -> Int {
        Int(table.count(of: key))
    }

    /// Drops terms seen in fewer than `minimum` documents (they then count as unseen; for
    /// minimum 2 the IDF of a rare term barely moves, and most n-grams occur once).
    public mutating func prune(minimumDocumentFrequency minimum: Int) {
        var t = CountTable()
        table.forEach { k, c in if Int(c) >= minimum { t.increment(k, by: c) } }
        table = t
    }

    /// Adds the counts of another corpus.
    public mutating func merge(_ other: TermStatistics) {
        documentCount += other.documentCount
        other.table.forEach { k, c in table.increment(k, by: c) }
    }

    /// The key under which a term string is stored: FNV-1a of each stem, folded left to right.
    public static func key(_ term: String) -> UInt64 {
        var key: UInt64 = 0
        for (i, stem) in term.split(separator: " ").enumerated() {
            let h = stemHash(String(stem))
            key = i == 0 ? h : appendTermKey(key, h)
        }
        return key
    }

    public static func == (a: TermStatistics, b: TermStatistics) -> Bool {
        guard a.documentCount == b.documentCount, a.table.count == b.table.count else { return false }
        var same = true
        a.table.forEach { k, c in if same && b.table.count(of: k) != c { same = false } }
        return same
    }

    // Compact coding: two parallel arrays sorted by key, so equal statistics encode equally.
    enum CodingKeys: String, CodingKey { case documentCount, keys, counts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentCount = try c.decode(Int.self, forKey: .documentCount)
        let keys = try c.decode([UInt64].self, forKey: .keys)
        let counts = try c.decode([Int32].self, forKey: .counts)
        guard keys.count == counts.count else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: c,
                                                   debugDescription: "keys and counts differ in length")
        }
        for (k, n) in zip(keys, counts) { table.increment(k, by: n) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentCount, forKey: .documentCount)
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(table.count)
        table.forEach { pairs.append(($0, $1)) }
        pairs.sort { $0.0 < $1.0 }
        try c.encode(pairs.map(\.0), forKey: .keys)
        try c.encode(pairs.map(\.1), forKey: .counts)
    }
}

/// UInt64 → Int32 counts, open addressing with linear probing. Two parallel arrays with the
/// same layout: `slots` (full key + count, for updates and coding) and `probe`, one 8-byte word
/// per slot (40-bit key fingerprint + 24-bit saturated count) that lookups read, so the hot table
/// is half the size. Key 0 is stored as 1 (a one-in-2^64 merge, harmless for frequencies).
struct CountTable: Sendable {
    struct Slot: Sendable {
        var key: UInt64 = 0
        var count: Int32 = 0
    }
    private var slots: [Slot] = []
    private var probe: [UInt64] = []
    private(set) var count = 0

    @inline(__always) private static func index(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: k) & mask
    }

    @inline(__always) private static func fingerprint(_ k: UInt64) -> UInt64 {
        let f = k >> 24
        return (f == 0 ? 1 : f) << 24
    }

    @inline(__always) private static func packed(_ k: UInt64, _ n: Int32) -> UInt64 {
        fingerprint(k) | UInt64(min(max(n, 0), 0xFF_FFFF))
    }

    @inline(__always) func count(of key: UInt64) -> Int32 {
        if probe.isEmpty { return 0 }
        let k = key == 0 ? 1 : key
        let fp = Self.fingerprint(k)
        return probe.withUnsafeBufferPointer { p in
            let mask = p.count - 1
            var i = Self.index(k, mask)
            while true {
                let v = p[i]
                if v == 0 { return 0 }
                if v & ~0xFF_FFFF == fp { return Int32(v & 0xFF_FFFF) }
                i = (i + 1) & mask
            }
        }
    }

    mutating func increment(_ key: UInt64, by n: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = key == 0 ? 1 : key
        let mask = slots.count - 1
        var i = Self.index(k, mask)
        let fp = Self.fingerprint(k)
        // Keys with the same fingerprint share a slot: the lookup cannot tell them apart anyway.
        while slots[i].key != 0 && slots[i].key != k && probe[i] & ~0xFF_FFFF != fp { i = (i + 1) & mask }
        if slots[i].key == 0 {
            slots[i].key = k
            count += 1
        }
        slots[i].count += n
        probe[i] = Self.packed(slots[i].key, slots[i].count)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: max(1024, old.count * 2))
        probe = [UInt64](repeating: 0, count: slots.count)
        count = 0
        let mask = slots.count - 1
        for s in old where s.key != 0 {
            var i = Self.index(s.key, mask)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = s
            probe[i] = Self.packed(s.key, s.count)
            count += 1
        }
    }

    func forEach(_ body: (UInt64, Int32) -> Void) {
        for s in slots where s.key != 0 { body(s.key, s.count) }
    }
}
