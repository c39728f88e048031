import Foundation
import KhabarArabic

/// Computes an article's `Signature` (the fingerprint stage). A value, safe to share.
///
/// Why stems everywhere (simhash, terms and shingles): a wire copy lightly edited by an outlet
/// changes clitics and spelling (وقال/قال, أمريكا/أميركا after normalization is the same word), and
/// the stem is the form that survives those edits.
public struct Fingerprinter: Sendable {
    public let analyzer: Analyzer
    /// How many body stems a signature keeps (the most frequent ones). (128 raises SemEval dev
    /// Pearson 0.430 → 0.449, whose bodies have ~100 distinct stems, but doubles the related
    /// index's term memory and the merge work per candidate, and the clusterer reads these too;
    /// see bench/stories/EVAL.md.)
    public var bodyTermLimit = 64
    /// How many of the body's first stems (after the wrappers: a dateline is not the lead) make
    /// its lead, `Signature.leadTerms`: a headline's length (ANT dev titles: median 7, upper
    /// quartile 8 stems). News puts what happened first; the lead is the headline of an item
    /// without a title and a second one otherwise.
    public var leadTermLimit = 8
    /// Wrappers left out of the signature, and courtesy words left out of the shingles.
    public var boilerplate = Boilerplate.standard

    public init(analyzer: Analyzer = .standard) {
        self.analyzer = analyzer
    }

    /// `entityKinds`: the kind of each entity, aligned with `entities` (empty: not known).
    public func signature(title: String, body: String, entities: [String], entityKinds: [EntityKind] = []) -> Signature {
        signature(titleAnalysis: analyzer.analyze(title), bodyAnalysis: analyzer.analyze(body), entities: entities,
                  entityKinds: entityKinds)
    }

    /// The same, reusing the analyses the pipeline already made (they must come from an analyzer
    /// with the same stopwords and stemmer for signatures to be comparable).
    public func signature(titleAnalysis: Analysis, bodyAnalysis: Analysis, entities: [String],
                          entityKinds: [EntityKind] = []) -> Signature {
        // Wrappers (datelines, trailers, share bars) are not the text; courtesy words are text
        // but an edited copy drops them, so the shingles skip them too.
        let tm = boilerplate.termMarks(titleAnalysis), bm = boilerplate.termMarks(bodyAnalysis)
        let titleKeys = Self.keys(titleAnalysis.stems, tm, below: 2)
        let bodyKeys = Self.keys(bodyAnalysis.stems, bm, below: 2)

        let titleTerms = Self.counts(titleKeys, limit: .max)
        let bodyTerms = Self.counts(bodyKeys, limit: bodyTermLimit)
        let leadTerms = Self.counts(Array(bodyKeys.prefix(max(0, leadTermLimit))), limit: .max)

        // SimHash over all stems of title and body, weight 1 + ln tf.
        var tf: [UInt64: Int] = [:]
        tf.reserveCapacity(titleKeys.count + bodyKeys.count)
        for k in titleKeys { tf[k, default: 0] += 1 }
        for k in bodyKeys { tf[k, default: 0] += 1 }
        // Summed in key order: float addition is not associative and dictionary order changes
        // from process to process, and the SimHash is stored.
        var acc = [Float](repeating: 0, count: 64)
        for k in tf.keys.sorted() {
            let w = 1 + Float(log(Double(tf[k]!)))
            let h = mix64(k)
            for bit in 0..<64 {
                acc[bit] += (h >> UInt64(bit)) & 1 == 1 ? w : -w
            }
        }
        var simhash: UInt64 = 0
        for bit in 0..<64 where acc[bit] > 0 { simhash |= 1 << UInt64(bit) }

        let shingleKeys = bodyKeys.isEmpty ? Self.keys(titleAnalysis.stems, tm, below: 1)
            : Self.keys(bodyAnalysis.stems, bm, below: 1)
        let shingles = Self.shingles(shingleKeys)

        var seen = Set<String>()
        var ents: [String] = [], kinds: [EntityKind] = []
        let withKinds = entityKinds.count == entities.count
        for (i, e) in entities.enumerated() where seen.insert(e).inserted {
            ents.append(e)
            if withKinds { kinds.append(entityKinds[i]) }
        }
        return Signature(simhash: simhash, titleTerms: titleTerms, bodyTerms: bodyTerms, leadTerms: leadTerms, shingles: shingles,
                         entities: ents, entityKinds: kinds, tokenCount: titleAnalysis.tokens.count + bodyAnalysis.tokens.count)
    }

    /// Keys of the stems whose mark is under `below`; all of them when that leaves none (a text
    /// that is nothing but wrapper is still some text).
    static func keys(_ stems: [String], _ marks: [UInt8], below: UInt8) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(stems.count)
        for (i, s) in stems.enumerated() where marks[i] < below { out.append(termKey(s)) }
        return out.isEmpty ? stems.map(termKey) : out
    }

    /// FNV-1a 64 of the stem's UTF-8 bytes: stable across runs, processes and platforms.
    public static func termKey(_ stem: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in stem.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Term frequencies of `keys`, the `limit` most frequent (ties: first seen first), sorted by key.
    static func counts(_ keys: [UInt64], limit: Int) -> [WeightedTerm] {
        var index: [UInt64: Int] = [:]
        var list: [(key: UInt64, n: Int, first: Int)] = []
        for (i, k) in keys.enumerated() {
            if let j = index[k] { list[j].n += 1 } else {
                index[k] = list.count
                list.append((k, 1, i))
            }
        }
        if list.count > limit {
            list.sort { $0.n != $1.n ? $0.n > $1.n : $0.first < $1.first }
            list.removeLast(list.count - limit)
        }
        return list.sorted { $0.key < $1.key }.map { WeightedTerm(key: $0.key, weight: Float($0.n)) }
    }

    /// Sorted unique 32-bit hashes of consecutive stem triples (one shingle for 1–2 stems).
    static func shingles(_ keys: [UInt64]) -> [UInt32] {
        if keys.isEmpty { return [] }
        var out: [UInt32] = []
        if keys.count < 3 {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in keys { h = mix64(h ^ k) }
            out.append(UInt32(truncatingIfNeeded: h >> 32))
        } else {
            out.reserveCapacity(keys.count - 2)
            for i in 0..<(keys.count - 2) {
                let h = mix64(keys[i] ^ rotl(keys[i + 1], 21) ^ rotl(keys[i + 2], 42))
                out.append(UInt32(truncatingIfNeeded: h >> 32))
            }
        }
        out.sort()
        var w = 0
        for i in 0..<out.count where i == 0 || out[i] != out[w - 1] {
            out[w] = out[i]
            w += 1
        }
        out.removeLast(out.count - w)
        return out
    }
}

@inline(__always) func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// SplitMix64's finalizer: spreads FNV keys (whose high bits are weak for short inputs) over all bits.
@inline(__always) func mix64(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// Number of shared values of two sorted unique arrays.
func sortedIntersectionCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
    var i = 0, j = 0, n = 0
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            while i < pa.count && j < pb.count {
                let x = pa[i], y = pb[j]
                if x == y { n += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
            }
        }
    }
    return n
}
