import KhabarArabic

/// Document frequencies of stemmed n-grams over a corpus: the "IDF" side of key-phrase TF-IDF.
///
/// A term is 1–3 consecutive content words of one sentence, each stemmed by the analyzer, joined
/// by one space ("مكتب عام"); `Tagger.documentTerms(title:body:)` gives a document's terms.
/// Terms are stored under 64-bit keys (`key(_:)`: FNV-1a per stem, folded), so the tagger never
/// builds n-gram strings, and in an open-addressing table so a lookup is one memory access; a
/// 10,000-article corpus takes a few megabytes. The caller persists the value (`Codable`) and
/// adds documents as they arrive.
///
/// Articles added with `add(title:body:tagger:)` also teach names: the surnames the name finder
/// reads confidently in enough of the documents that contain them (LearnedNames.swift), whose
/// bare occurrences the tagger then finds as people. Statistics without learned names tag exactly
/// as no statistics do.
public struct TermStatistics: Sendable, Codable, Equatable {
    public var documentCount: Int
    private var table = CountTable()
    private(set) var names = LearnedNames()
    /// Documents whose word forms (with or without the article, `WordForms`) were counted:
    /// statistics made before they were counted have none, and `forms(of:)` then answers nil.
    public private(set) var wordFormDocuments = 0

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

    /// Counts one article, analyzing it with `tagger`: its terms and what it tells about names.
    public mutating func add(title: String, body: String, tagger: Tagger = Tagger()) {
        let ta = tagger.analyzer.analyze(title), ba = tagger.analyzer.analyze(body)
        var keys = tagger.documentTermKeys(title: title, body: body, titleAnalysis: ta, bodyAnalysis: ba)
        WordForms.add(ta.tokens, ta.keys, into: &keys)
        WordForms.add(ba.tokens, ba.keys, into: &keys)
        add(documentKeys: keys)
        wordFormDocuments += 1
        names.add(tagger.nameEvidence(title: title, body: body, titleAnalysis: ta, bodyAnalysis: ba))
    }

    /// Fewer documents than this with counted word forms: `forms(of:)` answers nil (too few to
    /// say a word is never written with the article).
    static let minimumWordFormDocuments = 500

    /// In how many documents the word (`key`: its `WordKey`, normalized as written) was written
    /// with the article before it (ال + word) and as it is; nil when too few documents had their
    /// word forms counted.
    func forms(of key: UInt64) -> (definite: Int, bare: Int)? {
        guard wordFormDocuments >= Self.minimumWordFormDocuments else { return nil }
        return (documentFrequency(key: WordForms.definiteKey(key)), documentFrequency(key: WordForms.bareKey(key)))
    }

    /// Thresholds of name learning; changing them re-derives the learned surnames.
    public var nameLearning: NameLearning {
        get { names.learning }
        set { names.learning = newValue }
    }

    /// Number of surnames learned (see `nameLearning`).
    public var learnedNameCount: Int { names.learnedCount }

    /// Documents in which the name finder read the word (normalized, as written) confidently as a
    /// surname, and documents containing it in a name-like reading.
    public func nameCounts(_ word: String) -> (named: Int, seen: Int) {
        let k = wordKey(ArabicNormalizer.normalize(word))
        return (names.named(k), names.seen(k))
    }

    /// Is the word (normalized, as written) a learned surname?
    public func isLearnedName(_ word: String) -> Bool {
        names.contains(wordKey(ArabicNormalizer.normalize(word)))
    }

    /// The learned names for the name finder (nil when there are none).
    var learnedNames: LearnedNames? { names.isEmpty ? nil : names }

    public func documentFrequency(_ term: String) -> Int {
        documentFrequency(key: Self.key(term))
    }

    @inline(__always)
    public func documentFrequency(key: UInt64) -> Int {
        Int(table.count(of: key))
    }

    /// Drops terms seen in fewer than `minimum` documents (they then count as unseen; for
    /// minimum 2 the IDF of a rare term barely moves, and most n-grams occur once). Name counts
    /// are kept.
    public mutating func prune(minimumDocumentFrequency minimum: Int) {
        var t = CountTable()
        table.forEach { k, c in if Int(c) >= minimum { t.increment(k, by: c) } }
        table = t
    }

    /// Adds the counts of another corpus (name counts too; the thresholds stay this value's).
    public mutating func merge(_ other: TermStatistics) {
        documentCount += other.documentCount
        wordFormDocuments += other.wordFormDocuments
        other.table.forEach { k, c in table.increment(k, by: c) }
        if other.names.hasCounts { names.merge(other.names) }
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
        a.documentCount == b.documentCount && a.wordFormDocuments == b.wordFormDocuments && a.table.sameCounts(b.table) && a.names == b.names
    }

    // Compact coding: two parallel arrays sorted by key, so equal statistics encode equally. Name
    // counts (`names`: the same for `named` and `seen`, and the thresholds) only when there are
    // some or the thresholds are not the defaults, so statistics without them encode as before
    // names were learned, and old encodings decode as statistics without names.
    // `wordFormDocuments` likewise only when some were counted.
    enum CodingKeys: String, CodingKey { case documentCount, keys, counts, names, wordFormDocuments }
    enum NameCodingKeys: String, CodingKey { case namedKeys, namedCounts, seenKeys, seenCounts, learning }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentCount = try c.decode(Int.self, forKey: .documentCount)
        table = try CountTable(decoding: c, .keys, .counts)
        wordFormDocuments = try c.decodeIfPresent(Int.self, forKey: .wordFormDocuments) ?? 0
        if c.contains(.names) {
            let nc = try c.nestedContainer(keyedBy: NameCodingKeys.self, forKey: .names)
            names = LearnedNames(named: try CountTable(decoding: nc, .namedKeys, .namedCounts),
                                 seen: try CountTable(decoding: nc, .seenKeys, .seenCounts),
                                 learning: try nc.decode(NameLearning.self, forKey: .learning))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentCount, forKey: .documentCount)
        try table.encode(to: &c, .keys, .counts)
        if wordFormDocuments > 0 { try c.encode(wordFormDocuments, forKey: .wordFormDocuments) }
        if names.hasCounts || names.learning != NameLearning() {
            var nc = c.nestedContainer(keyedBy: NameCodingKeys.self, forKey: .names)
            try names.named.encode(to: &nc, .namedKeys, .namedCounts)
            try names.seen.encode(to: &nc, .seenKeys, .seenCounts)
            try nc.encode(names.learning, forKey: .learning)
        }
    }
}

extension CountTable {
    /// Reads a table coded as two parallel arrays under `keys` and `counts`.
    init<K: CodingKey>(decoding c: KeyedDecodingContainer<K>, _ keys: K, _ counts: K) throws {
        self.init()
        let ks = try c.decode([UInt64].self, forKey: keys)
        let ns = try c.decode([Int32].self, forKey: counts)
        guard ks.count == ns.count else {
            throw DecodingError.dataCorruptedError(forKey: counts, in: c, debugDescription: "keys and counts differ in length")
        }
        for (k, n) in zip(ks, ns) { increment(k, by: n) }
    }

    /// Writes the table as two parallel arrays sorted by key, so equal tables encode equally.
    func encode<K: CodingKey>(to c: inout KeyedEncodingContainer<K>, _ keys: K, _ counts: K) throws {
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(count)
        forEach { pairs.append(($0, $1)) }
        pairs.sort { $0.0 < $1.0 }
        try c.encode(pairs.map(\.0), forKey: keys)
        try c.encode(pairs.map(\.1), forKey: counts)
    }

    /// The same keys with the same counts.
    func sameCounts(_ other: CountTable) -> Bool {
        guard count == other.count else { return false }
        var same = true
        forEach { k, c in if same && other.count(of: k) != c { same = false } }
        return same
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
