import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Entity matching over the analyzer's normalized tokens, before stopwords and stemming.
//
// One left-to-right pass: at each token, the first-word index (keyed by `wordKey`, see
// WordKeys.swift) is probed with the word itself and with the word minus its proclitics (و ف,
// then ب ل ك; a fused لل is read as ال: للأمم → الأمم), only when proclitics are there. The keys
// come straight from the bits of the word's small string; an 8 KB Bloom filter of first words
// rejects almost every reading with one memory read, and a second filter of one-word aliases and
// (first, second) word pairs stops common first words (علي، هو) unless their partner follows. So a
// word costs a few register operations and no allocation. The longest alias wins; at equal length
// the reading without stripping wins. Then a resolution pass picks one entity per match:
//
//   1. an ambiguous ("?") alias backed by a local cue (a title before a surname, وكالة before an
//      agency, brackets or a dateline dash around an outlet, مدينة before a place) — it beats an
//      ordinary reading of the same words, so "(الفرنسية)" is AFP;
//   2. an ordinary alias; between two ordinary readings (عمان = Oman or Amman) the one the
//      harakat written on the words agree with wins (عمّان is Amman, عُمان Oman: the gazetteer's
//      vocalized aliases, `Vocalization`), then a country among a list of countries (مصر والأردن
//      وعمان), then the one the text (or, for a title, its body) names unambiguously, then the one
//      whose related country or capital it names, else the first listed (countries before their
//      namesake cities);
//   3. an ambiguous alias whose entity (or its capital/country) the text names unambiguously
//      elsewhere (عباس after محمود عباس) — not for "??" aliases, which are everyday words
//      (اليوم، الهلال) and need their own cue every time. An organization's also counts when the
//      text names another organization of its country (موناكو beside باريس سان جيرمان is the club).
//   A one-word organization right after an event noun (دورة برشلونة: the tennis open) is dropped,
//   and so is a cue-supported one inside a longer club name (نادي موناكو للسيارات); a person's
//   one-word surname after another person's Arabic given name (طارق صالح) or before الدين is a
//   namesake's (`isNamesake`). A club's country's masculine nisba after its name is a cue for it
//   (فالنسيا الإسباني), and a name two clubs or a club and a city share goes to the one whose
//   country's other bodies the text names (الأهلي، روما).
//   Otherwise the match is dropped. Nisba readings are dropped after a language word (اللغة
//   الفرنسية) and when the written word ends in ى (اليمنى "right-hand" is not اليمني).

struct Candidate: Sendable {
    let entity: Int32
    let form: MentionForm
    let contextual: Bool
    var strict = false
    var nisbaLike = false
}

struct AliasEntry: Sendable {
    let first: String         // normalized first word
    let rest: [String]        // normalized further words
    let restKeys: [UInt64]    // their word keys
    var candidates: [Candidate]
    /// Index in `candidates` of the first outlet, or -1 (set when the index is built).
    var firstOutlet: Int32 = -1
}

/// The aliases that share a first word, longest first.
final class AliasGroup: Sendable {
    let first: String
    let firstPacked: PackedWord?    // when it has at most 15 bytes
    let entries: [AliasEntry]

    init(first: String, firstPacked: PackedWord?, entries: [AliasEntry]) {
        self.first = first
        self.firstPacked = firstPacked
        self.entries = entries
    }
}

extension PackedWord: @unchecked Sendable {}

extension Matcher {
    /// The readings of a small word the scan tries, as bits (`NameFinder.Word.aliasReadings`).
    enum Readings {
        static let whole: UInt8 = 1
        static let minusOne: UInt8 = 2       // minus و ف ب ل ك
        static let minusTwo: UInt8 = 4       // minus و / ف, then ب ل ك
        static let fused: UInt8 = 8          // لل / ولل / فلل read as ال + rest (للأمم → الأمم)
        /// A word longer than 15 bytes some reading of which passes the first-word filter: the
        /// scan reads it the general way (`Matcher.readings`).
        static let general: UInt8 = 0x80

        /// The word minus one proclitic letter, minus two, and with لل read as ال + rest (with the
        /// bytes that reading leaves out), each nil when the word has no such reading. First
        /// letter in the low 16 bits: و D9 88, ف D9 81, ب D8 A8, ل D9 84, ك D9 83. A ك is read as
        /// "like" before four letters or more only: before three it is more often the word's own
        /// (كروس is Kroos, not ك + روس "Russians").
        @inline(__always)
        static func of(_ w: PackedWord) -> (PackedWord?, PackedWord?, PackedWord?, Int) {
            guard w.count >= 6 else { return (nil, nil, nil, 0) }
            let l0 = w.lo & 0xFFFF, l1 = (w.lo >> 16) & 0xFFFF
            let conj = l0 == 0x88D9 || l0 == 0x81D9
            guard conj || l0 == 0xA8D8 || l0 == 0x84D9 || (l0 == 0x83D9 && w.count >= 10) else { return (nil, nil, nil, 0) }
            var two: PackedWord? = nil
            if conj && w.count >= 8 && (l1 == 0xA8D8 || l1 == 0x84D9 || l1 == 0x83D9) { two = w.dropFirst(4) }
            var ll = 0
            if l0 == 0x84D9 && l1 == 0x84D9 && w.count >= 8 { ll = 4 }
            else if conj && l1 == 0x84D9 && w.count >= 10 && (w.lo >> 32) & 0xFFFF == 0x84D9 { ll = 6 }
            return (w.dropFirst(2), two, ll > 0 ? w.dropFirst(ll).prefixedWithAl() : nil, ll)
        }

        /// Which readings of `w` are the first word of some alias group of `index`.
        static func starts(_ w: PackedWord, _ index: AliasIndex) -> UInt8 {
            let (r1, r2, rf, _) = of(w)
            var bits: UInt8 = index.startsGroup(w) ? whole : 0
            if let r = r1, index.startsGroup(r) { bits |= minusOne }
            if let r = r2, index.startsGroup(r) { bits |= minusTwo }
            if let r = rf, index.startsGroup(r) { bits |= fused }
            return bits
        }

        /// `general` when some reading of `text` (a word the scan reads the general way) passes
        /// the first-word filter, else 0: the scan then passes over the word without copying and
        /// reading it again (most long words start no alias: بالإضافة، والمسؤولين).
        static func startsLong(_ text: String, _ index: AliasIndex) -> UInt8 {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * text.utf8.count + 16) { scratch in
                let empty = Reading(key: 0, strip: 0, fused: false, packed: nil)
                var rs = (empty, empty, empty, empty)
                let count = Matcher.readings(nil, { text }, scratch.baseAddress!, &rs)
                for r in 0..<count where index.mayStart((r == 0 ? rs.0 : r == 1 ? rs.1 : r == 2 ? rs.2 : rs.3).key) {
                    return general
                }
                return 0
            }
        }
    }
}

extension AliasIndex {
    /// Does the first-word filter let the key through (can it be the first word of an alias)?
    @inline(__always) func mayStart(_ k: UInt64) -> Bool {
        let m = Self.filterMask(k)
        return filter[Self.filterWord(k)] & m == m
    }

    /// Is the small word `w` the first word of an alias group?
    func startsGroup(_ w: PackedWord) -> Bool {
        // the first-word filter rejects most words with one read of a small table
        let k = w.key
        if !mayStart(k) { return false }
        var slot = Self.slot(k, flatMask)
        while true {
            let s = flat.slots[slot]
            if s.meta == 0 { return false }
            if Int(s.meta & 0xFF) == w.count && s.lo == w.lo && s.hi == w.hi { return true }
            slot = (slot + 1) & flatMask
        }
    }
}

/// Alias lookup structures of a gazetteer; immutable once built.
final class AliasIndex: @unchecked Sendable {
    /// Entries grouped by the key of their first word, each group longest first.
    let groups: [AliasGroup]
    /// Per entity, the fields the hot paths read (copying an `Entity` costs a dozen retains).
    let ids: [String]
    let names: [String]
    let types: [EntityType]
    let isCapital: [Bool]
    /// Whether a mention of the entity speaks of its country (`Tagger.rankEntities`): a place in
    /// it, or a party, movement or armed group of it (kind "movement": الحوثيون of اليمن), not a
    /// club, a company or a person.
    let speaksOfCountry: [Bool]
    /// A club or a league (kind "sport"; not a federation, whose short form الاتحاد is no club).
    let isSport: [Bool]
    /// Per entity, the key of its normalized name's first word (`Matcher.resolve`'s short forms).
    let firstNameWordKeys: [UInt64]
    /// Per entity, the first scalar of its normalized name (`Matcher.isNamesake`).
    let firstNameScalars: [Unicode.Scalar?]
    /// Blocked Bloom filter over first-word keys (two bits in one 64-bit word, 8 KB in all): a
    /// word that starts no alias is rejected with one memory read.
    let filter: [UInt64]
    static let filterBits: UInt64 = 1 << 16
    /// Second-stage filter: single-word aliases and (first, second) word pairs.
    let pairFilter: BloomFilter
    let byID: [String: Int]
    /// Per entity: its country and (for countries) its capital — used for disambiguation.
    let related: [[Int32]]
    /// Per entity: index of its country, or -1.
    let countryIndex: [Int32]

    /// The groups and their entries flattened for the scan: one 32-byte slot per group holds its
    /// first word, its entry range and what the scan tests of its first (longest) entry, and one
    /// 16-byte record per entry the same for the others, so a probe touches one or two cache lines
    /// and retains nothing.
    let flat: FlatAliases
    /// Every entry of every group, in group order, longest first within a group.
    let entries: [AliasEntry]

    struct Slot {
        var lo: UInt64 = 0           // the group's first word, packed; its key when longer than 15 bytes
        var hi: UInt64 = 0
        var second: UInt64 = 0       // second-word key of the group's first (longest) entry
        /// bits 0–7 the first word's byte count (0xFF: longer than 15), 8–31 the first entry,
        /// 32–55 the end of the group's entries, 56–63 the first entry's further word count;
        /// 0 for an empty slot.
        var meta: UInt64 = 0
    }

    /// Words after the first of entry `k`, the first entry of the group in `slot`.
    @inline(__always) func restCount(_ slot: Slot, _ k: Int) -> Int {
        let inline = Int(slot.meta >> 56)
        return k == Int((slot.meta >> 8) & 0xFF_FFFF) && inline != 255 ? inline : Int(flat.info[k].restCount)
    }

    struct EntryInfo {
        var secondKey: UInt64        // word key of the second word (0 for a one-word alias)
        var restCount: Int32         // words after the first
        var restStart: Int32         // its further words: restWords[restStart...]
    }

    let flatMask: Int

    struct FlatAliases {
        let slots: UnsafeMutablePointer<Slot>
        let info: UnsafeMutablePointer<EntryInfo>
        let region: UnsafeMutableRawPointer
    }

    /// Every entry's candidates in one block (entry k: `candidateRanges[k]`), so a match carries
    /// a buffer into it instead of retaining an array (whose header is a cold line).
    let candidateStore: UnsafeMutablePointer<Candidate>
    let candidateRanges: UnsafeMutablePointer<CandidateRange>
    /// An entry's candidates and its first outlet (`AliasEntry.firstOutlet`): one load per match.
    struct CandidateRange {
        var start: Int32
        var count: Int16
        var firstOutlet: Int16
    }
    /// Every entry's further words (entry k: `flat.info[k].restStart`, `restCount` of them), packed
    /// for a byte comparison that reads no string.
    let restWords: UnsafeMutablePointer<RestWord>
    struct RestWord {
        var key: UInt64
        var lo: UInt64
        var hi: UInt64
        var count: Int               // -1: longer than 15 bytes (compared as strings)
    }
    /// Per entity, its finer kind (`Entity.kind`).
    let kinds: [String?]
    /// The mark masks (`Vocalization.marks`) of the entities' vocalized aliases (عمّان), by
    /// entity: few entities have any.
    let vocalized: [Int32: [[UInt8]]]

    /// The candidates of entry `k` (valid while the index lives).
    @inline(__always) func candidates(_ k: Int) -> UnsafeBufferPointer<Candidate> {
        let r = candidateRanges[k]
        return UnsafeBufferPointer(start: candidateStore + Int(r.start), count: Int(r.count))
    }

    deinit {
        flat.region.deallocate()
        candidateStore.deallocate()
        candidateRanges.deallocate()
        restWords.deallocate()
    }

    /// Zeroed, cache-line-aligned memory for the flat tables.
    static func allocateRegion(_ bytes: Int) -> UnsafeMutableRawPointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 64), alignment: 64)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: max(bytes, 64))
        return p
    }

    init(entities: [Entity]) {
        var byID: [String: Int] = [:]
        for (i, e) in entities.enumerated() where byID[e.id] == nil { byID[e.id] = i }
        var related = [[Int32]](repeating: [], count: entities.count)
        var countryIndex = [Int32](repeating: -1, count: entities.count)
        for (i, e) in entities.enumerated() {
            if let c = e.country, let ci = byID[c] {
                countryIndex[i] = Int32(ci)
                related[i].append(Int32(ci))
                if e.kind == "capital" { related[ci].append(Int32(i)) }
            }
        }
        var byKey: [String: AliasEntry] = [:]
        var order: [String] = []
        for (i, e) in entities.enumerated() {
            for a in e.aliasDetails {
                let toks = Analyzer.standard.tokenize(a.text).map(\.text)
                guard let first = toks.first else { continue }
                let key = toks.joined(separator: " ")
                let cand = Candidate(entity: Int32(i), form: a.form, contextual: a.contextual, strict: a.strict,
                                     nisbaLike: a.nisbaLike)
                if var entry = byKey[key] {
                    if let j = entry.candidates.firstIndex(where: { $0.entity == Int32(i) }) {
                        // Same entity twice under one spelling: keep the least restrictive reading.
                        let old = entry.candidates[j]
                        let form: MentionForm = (old.form == .name || a.form == .name) ? .name : old.form
                        entry.candidates[j] = Candidate(entity: old.entity, form: form,
                                                        contextual: old.contextual && a.contextual,
                                                        strict: old.strict && a.strict,
                                                        nisbaLike: old.nisbaLike || a.nisbaLike)
                    } else {
                        entry.candidates.append(cand)
                    }
                    byKey[key] = entry
                } else {
                    let rest = Array(toks.dropFirst())
                    byKey[key] = AliasEntry(first: first, rest: rest, restKeys: rest.map { wordKey($0) }, candidates: [cand])
                    order.append(key)
                }
            }
        }
        var byFirst: [UInt64: [AliasEntry]] = [:]
        var firstOrder: [UInt64] = []
        for key in order {
            let e = byKey[key]!
            let h = wordKey(e.first)
            if byFirst[h] == nil { firstOrder.append(h) }
            byFirst[h, default: []].append(e)
        }
        var groups: [AliasGroup] = []
        var filter = [UInt64](repeating: 0, count: Int(Self.filterBits / 64))
        var pairKeys: [UInt64] = []
        for h in firstOrder {
            let sorted = byFirst[h]!.sorted { $0.rest.count > $1.rest.count }
            let first = sorted[0].first
            let packed: PackedWord? = first.utf8.count <= 15
                ? withUTF8Copy(first) { PackedWord($0, $1) } : nil
            groups.append(AliasGroup(first: first, firstPacked: packed, entries: sorted))
            filter[Self.filterWord(h)] |= Self.filterMask(h)
            // The second filter holds single-word aliases and the first two words of longer
            // ones, so a common first word (علي، هو، غير) is probed only before its partner.
            for e in sorted { pairKeys.append(e.restKeys.first.map { Self.pairKey(h, $0) } ?? h) }
        }
        var starts: [Int] = [0]
        var flatEntries: [AliasEntry] = []
        for g in groups {
            flatEntries += g.entries
            starts.append(flatEntries.count)
        }
        for k in flatEntries.indices {
            let c = flatEntries[k].candidates
            flatEntries[k].firstOutlet = Int32(c.firstIndex { entities[Int($0.entity)].type == .outlet } ?? -1)
        }
        self.entries = flatEntries
        let totalCandidates = flatEntries.reduce(0) { $0 + $1.candidates.count }
        candidateStore = .allocate(capacity: max(1, totalCandidates))
        candidateRanges = .allocate(capacity: max(1, flatEntries.count))
        var at = 0
        for (k, e) in flatEntries.enumerated() {
            (candidateStore + at).initialize(from: e.candidates, count: e.candidates.count)
            (candidateRanges + k).initialize(to: CandidateRange(start: Int32(at), count: Int16(e.candidates.count),
                                                                firstOutlet: Int16(e.firstOutlet)))
            at += e.candidates.count
        }
        // Open addressing on the first-word key, at most 2/3 full (kept small: a probe is a
        // cache miss whenever the table is out of cache).
        var flatSize = 64
        while flatSize * 2 < groups.count * 3 { flatSize <<= 1 }
        let slotBytes = flatSize * MemoryLayout<Slot>.stride
        let region = Self.allocateRegion(slotBytes + max(1, flatEntries.count) * MemoryLayout<EntryInfo>.stride)
        let slotTable = region.bindMemory(to: Slot.self, capacity: flatSize)
        for (g, group) in groups.enumerated() {
            let key = wordKey(group.first)
            var i = Self.slot(key, flatSize - 1)
            while slotTable[i].meta != 0 { i = (i + 1) & (flatSize - 1) }
            let w = group.firstPacked
            let e0 = flatEntries[starts[g]]
            slotTable[i] = Slot(lo: w?.lo ?? key, hi: w?.hi ?? 0, second: e0.restKeys.first ?? 0,
                                meta: UInt64(w?.count ?? 0xFF) | UInt64(starts[g]) << 8 | UInt64(starts[g + 1]) << 32
                                    | UInt64(min(e0.rest.count, 255)) << 56)
        }
        self.flatMask = flatSize - 1
        let info = (region + slotBytes).bindMemory(to: EntryInfo.self, capacity: max(1, flatEntries.count))
        let restStore = UnsafeMutablePointer<RestWord>.allocate(capacity: max(1, flatEntries.reduce(0) { $0 + $1.rest.count }))
        var restAt = 0
        for (k, e) in flatEntries.enumerated() {
            (info + k).initialize(to: EntryInfo(secondKey: e.restKeys.first ?? 0, restCount: Int32(e.rest.count),
                                                restStart: Int32(restAt)))
            for (m, w) in e.rest.enumerated() {
                let packed: PackedWord? = w.utf8.count <= 15 ? withUTF8Copy(w) { PackedWord($0, $1) } : nil
                (restStore + restAt).initialize(to: RestWord(key: e.restKeys[m], lo: packed?.lo ?? 0, hi: packed?.hi ?? 0,
                                                             count: packed?.count ?? -1))
                restAt += 1
            }
        }
        self.restWords = restStore
        self.flat = FlatAliases(slots: slotTable, info: info, region: region)
        self.pairFilter = BloomFilter(pairKeys)
        self.filter = filter
        self.groups = groups
        self.ids = entities.map(\.id)
        self.names = entities.map(\.name)
        self.types = entities.map(\.type)
        self.isCapital = entities.map { $0.kind == "capital" }
        self.speaksOfCountry = entities.map { $0.type == .place || ($0.type == .organization && $0.kind == "movement") }
        self.isSport = entities.map { $0.type == .organization && $0.kind == "sport" }
        let normalizedNames = entities.map { ArabicNormalizer.normalize($0.name) }
        self.firstNameScalars = normalizedNames.map { $0.unicodeScalars.first }
        self.firstNameWordKeys = normalizedNames.map { Tagger.nameWords($0).first ?? 0 }
        self.kinds = entities.map(\.kind)
        var vocalized: [Int32: [[UInt8]]] = [:]
        for (i, e) in entities.enumerated() {
            for a in e.aliasDetails where Vocalization.isVocalized(a.text) {
                vocalized[Int32(i), default: []].append(Vocalization.marks(a.text))
            }
        }
        self.vocalized = vocalized
        self.byID = byID
        self.related = related
        self.countryIndex = countryIndex
    }
}

extension AliasIndex {
    @inline(__always) static func filterWord(_ k: UInt64) -> Int { Int(truncatingIfNeeded: k) & Int(filterBits / 64 - 1) }
    @inline(__always) static func filterMask(_ k: UInt64) -> UInt64 { (1 << ((k >> 20) & 63)) | (1 << ((k >> 26) & 63)) }
    @inline(__always) static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h >> 32) & mask }
    /// Filter key of a word followed by another.
    @inline(__always) static func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var k = (a &* 0xD6E8_FEB8_6659_FD93) ^ ((b << 23) | (b >> 41))
        k ^= k >> 31
        return k &* 0x9E37_79B9_7F4A_7C15 ^ (k >> 28)
    }
}

/// A match before resolution: a token range and the entities its words can name.
struct RawMatch {
    var firstToken: Int
    var tokenCount: Int
    var start: Int
    var end: Int
    /// Into the index's candidate block (`AliasIndex.candidates`): valid while the index lives.
    var candidates: UnsafeBufferPointer<Candidate>
    /// Index in `candidates` of the first outlet, or -1.
    var outlet: Int32
}

/// A resolved mention plus the token range it covers (the tagger masks those tokens).
struct ResolvedMention {
    var mention: EntityMention
    var entity: Int
    var firstToken: Int
    var tokenCount: Int
    var contextual: Bool
}

// Normalized letters as UTF-8 (every Arabic letter of a normalized token is two bytes).
private let waw: (UInt8, UInt8) = (0xD9, 0x88)
private let feh: (UInt8, UInt8) = (0xD9, 0x81)
private let beh: (UInt8, UInt8) = (0xD8, 0xA8)
private let lam: (UInt8, UInt8) = (0xD9, 0x84)
private let kaf: (UInt8, UInt8) = (0xD9, 0x83)

/// The text's UTF-8 bytes, borrowed for the duration of a call.
struct TextBytes {
    let p: UnsafePointer<UInt8>
    let n: Int
    @inline(__always) subscript(_ i: Int) -> UInt8 { p[i] }

    /// The two-byte letter at byte `i` as one number, first byte high (ا = 0xD8A7, as
    /// `NameFinder.Word.lastLetter` holds letters); 0 past the end.
    @inline(__always) func letter(at i: Int) -> UInt16 {
        i >= 0 && i + 2 <= n ? UInt16(p[i]) << 8 | UInt16(p[i + 1]) : 0
    }
}

func withTextBytes<R>(_ text: String, _ body: (TextBytes) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable({ buf in
        body(TextBytes(p: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, n: buf.count))
    }) {
        return r
    }
    var copy = text
    return copy.withUTF8 { buf in body(TextBytes(p: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, n: buf.count)) }
}

struct Matcher {
    let compiled: CompiledGazetteer
    /// Stored, not computed from `compiled`: the hot paths read it per word, and a computed
    /// class reference is retained and released on every read.
    let index: AliasIndex

    init(compiled: CompiledGazetteer) {
        self.compiled = compiled
        self.index = compiled.index
    }

    // MARK: phase 1 — raw matches

    /// One reading of a word: the whole word, or the word minus proclitics (و ف, then ب ل ك), or
    /// the word after a fused لل read as ال + rest. `packed` holds its bytes when it has at most
    /// 15; otherwise they are `long[0..<longCount]`.
    struct Reading {
        var key: UInt64
        var strip: Int            // bytes of the original word left out
        var fused: Bool
        var packed: PackedWord?
        var long: UnsafePointer<UInt8>?
        var longCount = 0
    }

    /// The readings of a word (at most four), whole word first. `word` is the packed word when
    /// it is a small string; otherwise its bytes are copied to `scratch` (≥ 2 × its length + 8).
    @inline(__always)
    static func readings(_ packed: PackedWord?, _ string: () -> String, _ scratch: UnsafeMutablePointer<UInt8>,
                         _ out: inout (Reading, Reading, Reading, Reading)) -> Int {
        var count = 0
        @inline(__always) func add(_ r: Reading, _ out: inout (Reading, Reading, Reading, Reading), _ count: inout Int) {
            switch count {
            case 0: out.0 = r
            case 1: out.1 = r
            case 2: out.2 = r
            default: out.3 = r
            }
            count += 1
        }
        // first three letters (two bytes each in a normalized Arabic word)
        var b = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        let n: Int
        if let w = packed {
            n = w.count
            add(Reading(key: w.key, strip: 0, fused: false, packed: w), &out, &count)
            if n >= 6 { b = (w[0], w[1], w[2], w[3], w[4], w[5]) }
        } else {
            let s = string()
            n = s.utf8.count
            if n > 0 { _ = UnsafeMutableBufferPointer(start: scratch, count: n).initialize(from: s.utf8) }
            if n <= 15 {
                let w = PackedWord(scratch, n)
                add(Reading(key: w.key, strip: 0, fused: false, packed: w), &out, &count)
            } else {
                add(Reading(key: longKey(scratch, n), strip: 0, fused: false, packed: nil, long: scratch, longCount: n),
                    &out, &count)
            }
            if n >= 6 { b = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4], scratch[5]) }
        }
        guard n >= 6 && b.0 >= 0xD8 && b.0 <= 0xDB else { return count }
        let conj = b.0 == 0xD9 && (b.1 == 0x88 || b.1 == 0x81)                                      // و ف
        let l0 = (b.0 == 0xD8 && b.1 == 0xA8) || (b.0 == 0xD9 && (b.1 == 0x84 || b.1 == 0x83))       // ب ل ك
        let l1 = n >= 8 && ((b.2 == 0xD8 && b.3 == 0xA8) || (b.2 == 0xD9 && (b.3 == 0x84 || b.3 == 0x83)))
        let lam0 = b.0 == 0xD9 && b.1 == 0x84, lam1 = b.2 == 0xD9 && b.3 == 0x84
        var ll = 0
        if lam0 && lam1 && n >= 8 { ll = 4 }                                                      // لل
        else if conj && lam1 && n >= 10 && b.4 == 0xD9 && b.5 == 0x84 { ll = 6 }                  // ولل فلل
        @inline(__always) func tail(_ strip: Int, fused: Bool) -> Reading {
            if let w = packed {
                var t = w.dropFirst(strip)
                if fused { t = t.prefixedWithAl() }
                return Reading(key: t.key, strip: strip, fused: fused, packed: t)
            }
            var p = UnsafePointer(scratch + strip)
            var m = n - strip
            if fused {
                let f = scratch + n + 4                   // "ال" + tail after the copy
                f[0] = 0xD8; f[1] = 0xA7; f[2] = 0xD9; f[3] = 0x84
                (f + 4).update(from: scratch + strip, count: m)
                p = UnsafePointer(f)
                m += 4
            }
            if m <= 15 {
                let t = PackedWord(p, m)
                return Reading(key: t.key, strip: strip, fused: fused, packed: t)
            }
            return Reading(key: longKey(p, m), strip: strip, fused: fused, packed: nil, long: p, longCount: m)
        }
        if conj || l0 { add(tail(2, fused: false), &out, &count) }
        if conj && l1 { add(tail(4, fused: false), &out, &count) }
        if ll > 0 { add(tail(ll, fused: true), &out, &count) }
        return count
    }

    /// The longest entry (index into `index.entries`) of the group in `slot` longer than
    /// `longerThan` words that matches at token `i` when the first word is read as `reading`, or
    /// -1. The caller has checked that the slot holds the reading's first word.
    @inline(__always)
    func probe(_ slot: AliasIndex.Slot, _ reading: Reading, longerThan: Int,
               _ tokens: UnsafeBufferPointer<Token>, _ keys: UnsafeBufferPointer<UInt64>, _ i: Int, _ text: TextBytes) -> Int {
        let info = index.flat.info
        let lo = Int((slot.meta >> 8) & 0xFF_FFFF), hi = Int((slot.meta >> 32) & 0xFF_FFFF)
        let next: UInt64 = i + 1 < keys.count ? keys[i + 1] : 0
        for k in lo..<hi {
            // the group's first entry is in the slot itself (most groups have one)
            let restCount = index.restCount(slot, k)
            if 1 + restCount <= longerThan { return -1 }
            if restCount == 0 { return k }
            guard i + 1 < tokens.count else { continue }
            if (k == lo ? slot.second : info[k].secondKey) == next && restMatches(k, tokens, keys, i, text) {
                return k
            }
        }
        return -1
    }

    /// Probes every group under the reading's key (different long words may share one) and keeps
    /// the longest match in `best` (an entry index, -1 for none; `bestLength` its word count).
    /// `cache` remembers the slots of recently probed small words, and that a word has none (see
    /// `SlotCache`): a small word is the first word of at most one group, so a cached slot is the
    /// only one that can match.
    @inline(__always)
    func tryReading(_ reading: Reading, _ tokens: UnsafeBufferPointer<Token>, _ keys: UnsafeBufferPointer<UInt64>,
                    _ i: Int, _ text: TextBytes,
                    _ cache: UnsafeMutablePointer<SlotCache.Entry>,
                    _ best: inout Int, _ bestLength: inout Int, _ bestReading: inout Reading) {
        let f = index.flat
        let mask = index.flatMask
        let cached = cache + (Int(truncatingIfNeeded: reading.key >> 40) & (SlotCache.size - 1))
        if let w = reading.packed, cached.pointee.key == reading.key {
            let s = cached.pointee.slot
            if s.meta != 0 && Int(s.meta & 0xFF) == w.count && s.lo == w.lo && s.hi == w.hi {
                let e = probe(s, reading, longerThan: bestLength, tokens, keys, i, text)
                if e >= 0 {
                    best = e
                    bestLength = 1 + index.restCount(s, e)
                    bestReading = reading
                }
                return
            }
        }
        var slot = AliasIndex.slot(reading.key, mask)
        var found = false
        while true {
            let s = f.slots[slot]
            if s.meta == 0 { break }
            let count = Int(s.meta & 0xFF)
            let same: Bool
            if let w = reading.packed {
                same = count == w.count && s.lo == w.lo && s.hi == w.hi
                if same { cached.pointee = SlotCache.Entry(key: reading.key, slot: s); found = true }
            } else if count == 0xFF, s.lo == reading.key, let p = reading.long {
                let first = index.entries[Int((s.meta >> 8) & 0xFF_FFFF)].first
                same = first.utf8.count == reading.longCount && withUTF8Copy(first, { q, n in memcmp(p, q, n) == 0 })
            } else {
                same = false
            }
            if same {
                let e = probe(s, reading, longerThan: bestLength, tokens, keys, i, text)
                if e >= 0 {
                    best = e
                    bestLength = 1 + index.restCount(s, e)
                    bestReading = reading
                }
                // a small word is the first word of one group at most: no need to walk on
                if found { break }
            }
            slot = (slot + 1) & mask
        }
        // No group starts with this small word (the filters let it through): remember that as a
        // slot with the word and no entries.
        if let w = reading.packed, !found {
            cached.pointee = SlotCache.Entry(key: reading.key,
                                             slot: AliasIndex.Slot(lo: w.lo, hi: w.hi, second: 0, meta: UInt64(w.count)))
        }
    }

    /// Is the reading a one-word alias, or the start of a longer alias whose second word follows?
    @inline(__always)
    func secondStage(_ k: UInt64, _ pairs: BloomFilter, _ keys: UnsafeBufferPointer<UInt64>, _ i: Int) -> Bool {
        if pairs.mayContain(k) { return true }
        if i + 1 >= keys.count { return false }
        return pairs.mayContain(AliasIndex.pairKey(k, keys[i + 1]))
    }

    /// The `WordKey`s of tokens that come without them.
    static func keys(_ tokens: [Token]) -> [UInt64] { tokens.map { wordKey($0.text) } }

    /// All longest alias matches, left to right, non-overlapping. `keyArray` holds the tokens'
    /// `WordKey`s (`Analysis.keys`), aligned 1:1.
    func rawMatches(_ tokenArray: [Token], _ keyArray: [UInt64], _ text: TextBytes) -> [RawMatch] {
        precondition(keyArray.count == tokenArray.count, "one key per token")
        var out: [RawMatch] = []
        // about one match per dozen words in news text: room for most texts without regrowing
        out.reserveCapacity(tokenArray.count / 8 + 4)
        let index = self.index
        let memo = TaggingMemo.current
        let cache = memo.slotCache.entries(for: index)
        let wordArray = memo.lexicon(tokenArray, keyArray, NameFinder.standard, index)
        tokenArray.withUnsafeBufferPointer { tokens in
          keyArray.withUnsafeBufferPointer { keys in
           wordArray.withUnsafeBufferPointer { words in
            index.filter.withUnsafeBufferPointer { filter in
                let n = tokens.count
                let empty = Reading(key: 0, strip: 0, fused: false, packed: nil)
                var rs = (empty, empty, empty, empty)
                // for long words that may start an alias (few texts have one)
                var scratchSize = 0
                var scratch: UnsafeMutablePointer<UInt8>? = nil
                defer { scratch?.deallocate() }
                @inline(__always) func may(_ k: UInt64) -> Bool {
                    let m = AliasIndex.filterMask(k)
                    return filter[AliasIndex.filterWord(k)] & m == m
                }
                let reader = WordBits.TokenReader(tokens)
                let pairs = index.pairFilter
                var i = 0
                while i < n {
                    let here = i
                    // Second stage, only for words that start some alias: is it a one-word alias,
                    // or the start of a longer one whose second word comes next?
                    var best = -1
                    var bestLength = 0
                    var bestReading = empty
                    let bits = words[here].aliasReadings
                    // Most words start no alias under any reading (`Readings.starts`, memoized
                    // per word): passed over without being read.
                    if bits == 0 { i += 1; continue }
                    if bits & Readings.general == 0, let w = reader.packed(here) {
                        // A small word: the whole word, then the word minus one or two proclitic
                        // letters, then لل read as ال + rest, each only when it starts an alias.
                        // The whole word first: a stripped reading must be strictly longer to win.
                        let k0 = keys[here]
                        let (r1, r2, rf, ll) = Readings.of(w)
                        let w1 = r1 ?? w, w2 = r2 ?? w, wf = rf ?? w
                        var h0 = bits & Readings.whole != 0, h1 = bits & Readings.minusOne != 0
                        var h2 = bits & Readings.minusTwo != 0, hf = bits & Readings.fused != 0
                        if h0 && !secondStage(k0, pairs, keys, here) { h0 = false }
                        if h1 && !secondStage(w1.key, pairs, keys, here) { h1 = false }
                        if h2 && !secondStage(w2.key, pairs, keys, here) { h2 = false }
                        if hf && !secondStage(wf.key, pairs, keys, here) { hf = false }
                        if h0 { tryReading(Reading(key: k0, strip: 0, fused: false, packed: w), tokens, keys, i, text, cache, &best, &bestLength, &bestReading) }
                        if h1 { tryReading(Reading(key: w1.key, strip: 2, fused: false, packed: w1), tokens, keys, i, text, cache, &best, &bestLength, &bestReading) }
                        if h2 { tryReading(Reading(key: w2.key, strip: 4, fused: false, packed: w2), tokens, keys, i, text, cache, &best, &bestLength, &bestReading) }
                        if hf { tryReading(Reading(key: wf.key, strip: ll, fused: true, packed: wf), tokens, keys, i, text, cache, &best, &bestLength, &bestReading) }
                    } else {
                        // a long word (more than 15 bytes): copy it and read it the general way
                        let need = 2 * tokens[i].text.utf8.count + 16
                        if need > scratchSize {
                            scratch?.deallocate()
                            scratchSize = max(need, 64)
                            scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchSize)
                        }
                        let count = Self.readings(nil, { tokens[i].text }, scratch!, &rs)
                        for r in 0..<count {
                            let reading = r == 0 ? rs.0 : r == 1 ? rs.1 : r == 2 ? rs.2 : rs.3
                            if may(reading.key) && secondStage(reading.key, pairs, keys, here) {
                                tryReading(reading, tokens, keys, i, text, cache, &best, &bestLength, &bestReading)
                            }
                        }
                    }
                    if best >= 0 {
                        let len = bestLength
                        let first = tokens[i]
                        let startOffset = (bestReading.fused || bestReading.strip == 0)
                            ? first.start : Self.skipLetters(text, from: first.start, to: first.end, count: bestReading.strip / 2)
                        let range = index.candidateRanges[best]
                        out.append(RawMatch(firstToken: i, tokenCount: len, start: startOffset,
                                            end: tokens[i + len - 1].end,
                                            candidates: UnsafeBufferPointer(start: index.candidateStore + Int(range.start),
                                                                            count: Int(range.count)),
                                            outlet: Int32(range.firstOutlet)))
                        i += len
                    } else {
                        i += 1
                    }
                }
            }
           }
          }
        }
        return out
    }

    /// Do the tokens after `i` spell the further words of entry `k`, separated only by spaces or
    /// in-name punctuation?
    func restMatches(_ k: Int, _ tokens: UnsafeBufferPointer<Token>, _ keys: UnsafeBufferPointer<UInt64>,
                     _ i: Int, _ text: TextBytes) -> Bool {
        let info = index.flat.info[k]
        let n = Int(info.restCount)
        if i + n >= tokens.count { return false }
        let rest = index.restWords + Int(info.restStart)
        let reader = WordBits.TokenReader(tokens)
        for m in 0..<n {
            let j = i + 1 + m
            let r = rest[m]
            if keys[j] != r.key { return false }
            if r.count >= 0, let w = reader.packed(j) {
                if w.count != r.count || w.lo != r.lo || w.hi != r.hi { return false }
            } else if !sameBytes(tokens[j].text, index.entries[k].rest[m]) {
                return false
            }
            if !isNameGap(text, tokens[j - 1].end, tokens[j].start) { return false }
        }
        return true
    }

    /// A gap inside a multi-word name: up to 6 bytes of spaces, dots, hyphens, ZWNJ.
    func isNameGap(_ text: TextBytes, _ a: Int, _ b: Int) -> Bool {
        if b - a > 6 || b < a { return false }
        var i = a
        while i < b {
            let c = text[i]
            if c == 0x20 || c == 0x2E || c == 0x2D || c == 0x5F || c == 0x09 || c == 0x27 { i += 1; continue }
            if c == 0xC2 && i + 1 < b && text[i + 1] == 0xA0 { i += 2; continue }                // NBSP
            if c == 0xE2 && i + 2 < b && text[i + 1] == 0x80 && (text[i + 2] == 0x8C || text[i + 2] == 0x8F || text[i + 2] == 0x8E) {
                i += 3; continue                                                                // ZWNJ, LRM, RLM
            }
            return false
        }
        return true
    }

    /// Byte offset after `count` letters from `start` (harakat, tatweel and format controls
    /// between them do not count as letters).
    static func skipLetters(_ text: TextBytes, from start: Int, to end: Int, count: Int) -> Int {
        var i = start
        var seen = 0
        while i < end {
            let (v, len) = decode(text, i)
            if !isMarkOrControl(v) {
                if seen == count { return i }
                seen += 1
            }
            i += len
        }
        return start
    }

    // MARK: phase 2 — resolution

    /// `named`: entities another text of the article names (the body, for its title), which
    /// count as named unambiguously elsewhere where the same words have another reading:
    /// "الاتحاد الأوروبي يفتح إجراء" heading a report on الاتحاد الأوروبي لكرة القدم is UEFA.
    func resolve(_ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes, named: [Int32] = []) -> [ResolvedMention] {
        if raws.isEmpty { return [] }
        let index = self.index
        let types = index.types
        let cues = compiled.cues
        // Per candidate (flattened): 0 dropped, 1 ordinary, 2 contextual without local cue,
        // 3 contextual with a local cue.
        var status: [UInt8] = []
        status.reserveCapacity(raws.count + 8)
        var strong: [Int32] = []      // few entities per text: a scan beats hashing
        var strongBy: [Int32] = []    // per raw match, the entity it alone can name (-1)
        strongBy.reserveCapacity(raws.count)
        for (ri, r) in raws.enumerated() {
            var ordinaryCount = 0
            var ordinaryEntity: Int32 = -1
            var nisbaBlocked: Bool? = nil
            var idiom: Bool? = nil
            var event: Bool? = nil
            // ملعب الإمارات، ستاد الأمير فيصل بن فهد: the stadium's name, no mention (a place
            // stays one: استاد ويمبلي is the site, استاد القاهرة in Cairo; so does a club: ملعب
            // يوفنتوس is the club's ground)
            let stadium = afterStadium(r.firstToken, tokens, text)
            for c in r.candidates {
                var st: UInt8 = c.contextual ? 2 : 1
                let type = types[Int(c.entity)]
                if stadium && type != .place && !index.isSport[Int(c.entity)] { status.append(0); continue }
                if r.tokenCount == 1 && type == .organization {
                    // دورة برشلونة: the tennis open, not the club; a name with ال is no city's
                    // (بطولة الليغا is the league)
                    if event == nil {
                        let i = r.firstToken
                        event = i > 0 && !hardBreak(text, tokens[i - 1].end, tokens[i].start)
                            && cues.cueFlags(tokens[i - 1].text) & CueFlag.eventHead != 0 && !startsWithAl(r, text)
                    }
                    if event! { st = 0 }
                }
                if r.tokenCount == 1 && (type == .place || type == .country) {
                    // مسقط رأس: an idiom, not the place
                    if idiom == nil {
                        let next = r.firstToken + 1
                        idiom = next < tokens.count && !hardBreak(text, tokens[next - 1].end, tokens[next].start)
                            && cues.cueFlags(tokens[next].text) & CueFlag.placeIdiom != 0
                    }
                    if idiom! { st = 0 }
                }
                if r.tokenCount == 1 && type == .person
                    && isNamesake(r, Int(c.entity), raws, tokens, text) { st = 0 }
                if r.tokenCount == 2 && type == .person && isLineageOfAnother(r, tokens, text) { st = 0 }
                if c.form == .nisba || c.form == .demonym {
                    if nisbaBlocked == nil {
                        nisbaBlocked = endsWithAlefMaqsura(text, tokens[r.firstToken + r.tokenCount - 1])
                            || (r.firstToken > 0
                                && !hardBreak(text, tokens[r.firstToken - 1].end, tokens[r.firstToken].start)
                                && (cues.cueFlags(tokens[r.firstToken - 1].text) & CueFlag.nisbaBlocker != 0
                                    || isForeignSurname(r, tokens, text) || isFamilyNisba(r, tokens, text)))
                    }
                    if nisbaBlocked! { st = 0 }
                }
                // أبو العلا: a kunya, not the place an everyday-word alias names elsewhere in the text
                if st == 2 && type == .place && afterKunya(r, tokens, text) { st = 0 }
                if st == 2 && type == .organization && nisbaOfCountryFollows(ri, c.entity, raws, tokens, text) {
                    // فالنسيا الإسباني، الجزيرة الإماراتي: the club its country's nisba qualifies
                    st = 3
                } else if st == 2 && localCue(types[Int(c.entity)], c.strict, r, tokens, text, cues) {
                    // a cue opening a longer name is no support: نادي موناكو للسيارات is a club
                    // of its own, not the football club (a name with ال is no city's: لاعب
                    // الأهلي للمرة الثانية)
                    st = type == .organization && !startsWithAl(r, text) && namedOnWithLam(r, tokens, text) ? 0 : 3
                }
                if st == 1 || st == 3 { ordinaryCount += 1; ordinaryEntity = c.entity }
                status.append(st)
            }
            if ordinaryCount == 1 && !strong.contains(ordinaryEntity) { strong.append(ordinaryEntity) }
            // (a match that could also be a contextual reading names nothing unambiguously for
            // the short-form rule: two bare الاتحاد الأوروبي do not make each other the EU)
            strongBy.append(ordinaryCount == 1 && !r.candidates.contains(where: \.contextual) ? ordinaryEntity : -1)
        }
        /// Is entity `e` named unambiguously by a raw match other than `i`, or in `named`?
        func strongElsewhere(_ e: Int32, _ i: Int) -> Bool {
            for j in strongBy.indices where j != i && strongBy[j] == e { return true }
            return named.contains(e)
        }
        let related = index.related
        @inline(__always) func relatedStrong(_ e: Int32) -> Bool {
            for x in related[Int(e)] where strong.contains(x) { return true }
            return false
        }
        /// How many raw matches name one of `e`'s relatives unambiguously (the most named one's).
        func relatedCount(_ e: Int32) -> Int {
            var most = 0
            for x in related[Int(e)] {
                var n = 0
                for y in strongBy where y == x { n += 1 }
                most = max(most, n)
            }
            return most
        }
        /// Does the text name unambiguously another organization of organization `e`'s country
        /// (a club beside its league or a rival: موناكو after باريس سان جيرمان is the club)?
        let countryOf = index.countryIndex
        func siblingStrong(_ e: Int32) -> Bool {
            let c = countryOf[Int(e)]
            guard c >= 0, types[Int(e)] == .organization else { return false }
            for x in strong where x != e && types[Int(x)] == .organization && countryOf[Int(x)] == c { return true }
            return false
        }
        /// Does one-word match `r` start the name of another body the text names unambiguously
        /// (الاتحاد after الاتحاد السعودي لكرة القدم is the federation, not the club)?
        func shortFormOfStrong(_ r: RawMatch, _ e: Int32) -> Bool {
            guard r.tokenCount == 1 else { return false }
            let word = wordKey(String(Self.matchedWord(r, tokens)))
            let firstWords = index.firstNameWordKeys
            for x in strong where x != e && types[Int(x)] == .organization {
                if firstWords[Int(x)] == word { return true }
            }
            return false
        }
        /// The same among sport bodies: a club beside another club or the league of its country
        /// (مباراة النصر والهلال after الدوري السعودي), which no other reading of an everyday word
        /// has (رؤية الهلال beside a Saudi ministry is the crescent). A club competition (دوري
        /// أبطال آسيا) is no sibling: beside one, الاتحاد was the Etihad stadium and ليل the night.
        let isSport = index.isSport
        func sportSiblingStrong(_ e: Int32) -> Bool {
            let c = countryOf[Int(e)]
            guard c >= 0, isSport[Int(e)] else { return false }
            for x in strong where x != e && isSport[Int(x)] && countryOf[Int(x)] == c { return true }
            return false
        }
        /// Whether a sport body's one-word everyday name reads as no club at match `ri`: as a
        /// place there (`readsAsPlace`), or as a part of a government body's name there or
        /// elsewhere in the text (`followsGovernmentHead`: الشباب after وزارة الشباب والرياضة is the
        /// ministry's both times). Asked only where the club reading is in doubt.
        var describedWords: [Substring]? = nil
        func notAClub(_ ri: Int) -> Bool {
            if readsAsPlace(ri, raws, tokens, text, cues) || followsGovernmentHead(ri, raws, tokens, text, cues) { return true }
            if describedWords == nil {
                describedWords = raws.indices.filter { raws[$0].tokenCount == 1
                    && followsGovernmentHead($0, raws, tokens, text, cues) }
                    .map { Self.matchedWord(raws[$0], tokens) }
            }
            return describedWords!.contains(Self.matchedWord(raws[ri], tokens))
        }

        var out: [ResolvedMention] = []
        out.reserveCapacity(raws.count)
        var si = 0
        for (ri, r) in raws.enumerated() {
            var best: Candidate? = nil
            var bestScore = -1
            // between readings that score alike, the one whose relatives (its country) the text
            // names more often (الحزب الجمهوري in a report on Armenia that names الولايات المتحدة
            // once is Armenia's)
            var bestRelated = -1
            let first = si
            // between readings, the marks the text writes on the words (عمّان) and a list of
            // countries the match stands in (مصر والأردن وعمان) say which is meant
            let marked = r.candidates.count > 1 ? vocalVerdicts(r, text) : nil
            var listed: Bool? = nil
            for (ci, c) in r.candidates.enumerated() {
                let st = status[si]
                si += 1
                var score: Int
                switch st {
                case 3:
                    // a cue before the words says what kind of thing they name, not which: beside
                    // an ordinary reading of that kind it decides nothing (قادة الاتحاد الأوروبي
                    // are the EU's leaders, the cue قادة notwithstanding, not UEFA's)
                    let sameKind = zip(r.candidates, status[first..<(first + r.candidates.count)]).contains { o, ost in
                        ost == 1 && o.entity != c.entity && types[Int(o.entity)] == types[Int(c.entity)]
                    }
                    score = sameKind ? 15 : 30
                    // two clubs of one everyday name, both after a cue (لاعب الأهلي): the one of
                    // the country whose other clubs or league the text names
                    if c.strict && siblingStrong(c.entity) { score += 3 }
                case 1: score = 20
                case 2:
                    // everyday words ("??") need their own cue, except for a club or a body the
                    // same text names with one (النادي الأهلي … الأهلي), and then not as an
                    // adjective after a definite noun (البنك الأهلي، المجتمع الأهلي) nor as a noun
                    // an adjective makes another body's (الاتحاد الدولي، النصر الإماراتي)
                    if c.strict {
                        // (or, when the name is also another club's or a city's (الأهلي: Cairo's
                        // or Jeddah's; روما), the one whose country's other clubs or league the
                        // text names, and not the other's; never over a country's name or nisba,
                        // الاتحاد المصري does not make المصري the club, nor over a movement, whose
                        // country's other bodies say nothing of sport: الشباب in a Saudi report)
                        func bySibling() -> Bool {
                            r.candidates.count > 1 && siblingStrong(c.entity)
                                && !r.candidates.contains(where: { $0.entity != c.entity
                                    && (siblingStrong($0.entity) || types[Int($0.entity)] == .country
                                        || types[Int($0.entity)] == .organization && index.speaksOfCountry[Int($0.entity)]) })
                        }
                        guard types[Int(c.entity)] == .organization,
                              strong.contains(c.entity) || named.contains(c.entity) || bySibling()
                                || r.candidates.count == 1 && sportSiblingStrong(c.entity) && !shortFormOfStrong(r, c.entity)
                                    && !notAClub(ri),
                              !afterDefiniteWord(r, tokens, text), !beforeOtherAdjective(ri, c.entity, raws, tokens, text) else { continue }
                        score = 10
                        break
                    }
                    // (what the other text names supports the entity itself, not its relatives,
                    // and only against another reading of the same words: a headline's الاتحاد
                    // الأوروبي, not a headline's lone surname)
                    if strong.contains(c.entity) || (named.contains(c.entity) && r.candidates.count > 1)
                        || (types[Int(c.entity)] != .person && relatedStrong(c.entity)) || siblingStrong(c.entity) {
                        score = 10
                    } else { continue }
                default: continue
                }
                if r.candidates.count > 1 {
                    if st == 2 && (strong.contains(c.entity) || named.contains(c.entity) || siblingStrong(c.entity)) {
                        // a short form of a body the text names in full wins over an ordinary
                        // reading the text names nowhere else (الاتحاد الأوروبي after الاتحاد
                        // الأوروبي لكرة القدم is UEFA), not over one it names elsewhere (22)
                        score = 21
                    } else if strong.contains(c.entity) {
                        // (strong through this very match only, beside such a short form: 20)
                        if st != 1 || strongElsewhere(c.entity, ri)
                            || !r.candidates.contains(where: { $0.contextual && (strong.contains($0.entity) || named.contains($0.entity)
                                                                            || siblingStrong($0.entity)) }) {
                            score += 2
                        }
                    } else if st == 1 && named.contains(c.entity) {
                        // the title's reading the body names (عمان headlining a report from
                        // العاصمة الأردنية)
                        score += 2
                    } else if relatedStrong(c.entity) { score += 1 }
                    if types[Int(c.entity)] == .country {
                        if listed == nil { listed = inCountryList(ri, raws, strongBy, types, text) }
                        if listed! { score += 3 }
                    }
                    if let v = marked {
                        if v[ci] < 0 { continue }
                        if v[ci] > 0 { score += 10 }
                    }
                }
                if score > bestScore {
                    bestScore = score; best = c; bestRelated = -1
                } else if score == bestScore, let b = best, r.candidates.count > 1 {
                    if bestRelated < 0 { bestRelated = relatedCount(b.entity) }
                    let n = relatedCount(c.entity)
                    if n > bestRelated { best = c; bestRelated = n }
                }
            }
            guard let c = best else { continue }
            let k = Int(c.entity)
            var form = c.form
            if c.nisbaLike && form == .name && r.tokenCount == 1 && afterDefiniteWord(r, tokens, text) { form = .nisba }
            out.append(ResolvedMention(
                mention: EntityMention(entityID: index.ids[k], name: index.names[k], type: types[k], start: r.start,
                                       end: r.end, metonym: form == .metonym, form: form),
                entity: Int(c.entity), firstToken: r.firstToken, tokenCount: r.tokenCount,
                contextual: c.contextual))
        }
        return out
    }

    /// Is the one-word match `r` of person `e` the surname of someone else: the first half of a
    /// compound given name (صلاح الدين دميرتاش), a name beside بن / بنت (فيصل بن مشعل), or right
    /// after an Arabic given name of the name lists that is not the person's own (طارق صلاح، بهية
    /// الحريري، طارق صالح: its first letter is not that of the person's canonical name) nor
    /// another match's last word? A person's full
    /// name under one of its aliases is a longer match, read before. (Foreign given names are
    /// spelled too many ways to tell the person's own from another's: جون / جان إيف لودريان،
    /// والتر / فالتر شتاينماير.)
    func isNamesake(_ r: RawMatch, _ e: Int, _ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes) -> Bool {
        let i = r.firstToken
        if i + 1 < tokens.count, !hardBreak(text, tokens[i].end, tokens[i + 1].start),
           sameBytes(tokens[i + 1].text, Self.compoundSecond) { return true }
        // one name of someone else's lineage, بن / بنت on either side: الأمير مشعل بن ماجد، فيصل
        // بن مشعل، كوثر بن هنية. Not ابن, "son of" (ابن ميسي is Messi's son, ابن عم a cousin), nor
        // a hashtag that spells the whole name (#محمد_بن_سلمان بن عبدالعزيز).
        if i + 1 < tokens.count, !hardBreak(text, tokens[i].end, tokens[i + 1].start),
           NameFinder.isLineageLink(wordKey(tokens[i + 1].text)), !tokens[i].text.utf8.contains(0x5F) { return true }
        if i > 0, r.start == tokens[i].start, !hardBreak(text, tokens[i - 1].end, tokens[i].start),
           NameFinder.isLineageLink(wordKey(tokens[i - 1].text)) { return true }
        // (a proclitic on the surname joins it to the name before: كيم وترامب are two people)
        guard i > 0, r.start == tokens[i].start, !hardBreak(text, tokens[i - 1].end, tokens[i].start) else { return false }
        let f = NameFlag.self, flags = NameFinder.standard.flags, given = tokens[i - 1].text
        let gf = flags.value(wordKey(given)), g = gf & (f.given | f.ambiguousGiven | f.foreign)
        // (not a given name that is also a common word, على ترامب is "on Trump", unless a
        // person's title stands right before it: اللواء يحيى صلاح; never a stopword or a word of
        // a title's complement, الوزير على ترامب، المتحدث باسم أردوغان)
        guard g == f.given || g == f.ambiguousGiven && i > 1 && gf & (f.complement | f.notName) == 0
                && !hardBreak(text, tokens[i - 2].end, tokens[i - 1].start)
                && flags.value(wordKey(tokens[i - 2].text)) & f.title != 0 && !Analyzer.standard.isStopword(given),
              !raws.contains(where: { $0.firstToken + $0.tokenCount == i }) else { return false }
        return index.firstNameScalars[e] != given.unicodeScalars.first
    }

    /// Is match `r` a name that starts with بن / بنت (بن سلمان) right after a given name of the
    /// name lists: the lineage of that other person (الأمير فيصل بن سلمان)?
    func isLineageOfAnother(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let i = r.firstToken
        guard i > 0, r.start == tokens[i].start, NameFinder.isLineageLink(wordKey(tokens[i].text)),
              !hardBreak(text, tokens[i - 1].end, tokens[i].start) else { return false }
        return NameFinder.standard.flags.value(wordKey(tokens[i - 1].text)) & NameFlag.given != 0
    }

    private static let compoundSecond = ArabicNormalizer.normalize("الدين")
    private static let kunyaKeys: Set<UInt64> = Set(["أبو", "أبي", "أبا"].map { wordKey(ArabicNormalizer.normalize($0)) })

    /// Does match `r` follow أبو / أبي / أبا with nothing but space between (أبو العلا, a man's
    /// name, not the governorate)?
    func afterKunya(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let i = r.firstToken
        return i > 0 && !hardBreak(text, tokens[i - 1].end, tokens[i].start)
            && Self.kunyaKeys.contains(wordKey(tokens[i - 1].text))
    }

    /// Does the raw match right after match `ri`, in its sentence, read as the masculine singular
    /// nisba of the country of organization `e` (فالنسيا الإسباني، الجزيرة الإماراتي: the club;
    /// a city takes the feminine, مدينة فالنسيا الإسبانية, and a plural noun the plural, الشباب
    /// السعوديين)? Not for a name with ال that is no feminine word, which reads as a masculine
    /// noun with its adjective as well (الشباب السعودي "Saudi youth", الاتحاد السعودي the
    /// federation).
    func nisbaOfCountryFollows(_ ri: Int, _ e: Int32, _ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes) -> Bool {
        let country = index.countryIndex[Int(e)]
        guard country >= 0, ri + 1 < raws.count else { return false }
        let r = raws[ri], next = raws[ri + 1]
        let end = r.firstToken + r.tokenCount
        guard next.firstToken == end, next.tokenCount == 1, end < tokens.count,
              !hardBreak(text, tokens[end - 1].end, tokens[end].start),
              tokens[end].text.unicodeScalars.last == Self.ya,
              next.candidates.contains(where: { $0.entity == country && $0.form == .nisba }) else { return false }
        // (a definite name that is no feminine word: الشباب، الاتحاد، العين; the club's name, not
        // the text's word, says whether it has ال: للشباب has it, فالنسيا has not)
        let definite = index.names[Int(e)].hasPrefix("ال")
        return !(definite && tokens[end - 1].text.unicodeScalars.last != Self.ha)
    }

    private static let ya: Unicode.Scalar = "\u{064A}", ha: Unicode.Scalar = "\u{0647}"

    /// Is a one-word nisba without ال right after a foreign given name or name particle a
    /// surname (دانييلي دي روسي، ماركو روسي، فالنتينو روسي: Rossi, not a Russian)? An Arabic
    /// name's nisba surname is written with ال (محمد المصري), and a foreign one is not.
    func isForeignSurname(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        guard r.tokenCount == 1, r.firstToken > 0, !startsWithAl(r, text) else { return false }
        let before = tokens[r.firstToken - 1].text
        if Self.foreignParticles.contains(before) { return true }
        return NameFinder.standard.flags.value(wordKey(before)) & NameFlag.foreign != 0
    }

    /// Is a one-word masculine nisba with ال, written right after an Arabic given name of the
    /// name lists, that person's family name (اللواء منصور التركي، خليل المصري، سيف السويدي: no
    /// Turk, no Egyptian)? A family name keeps its masculine form after a woman's name too (هدى
    /// المصري); a feminine nisba describes (لطيفة التونسية) or names a body's country (وكالة
    /// تسنيم الإيرانية). A foreign given name takes its nationality after it as a description
    /// (رونالدو البرتغالي), and a proclitic on the nisba joins it to what came before (منصور
    /// والتركي are two). The given name is read inside its sentence, after a word: one that opens
    /// the sentence may be a verb (حافظ البرتغالي على لقبه), and after أبو the nisba is the
    /// kunya's (أبو حمزة البلجيكي).
    func isFamilyNisba(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let i = r.firstToken
        guard r.tokenCount == 1, i > 1, r.start == tokens[i].start, startsWithAl(r, text),
              tokens[i].text.unicodeScalars.last != Self.ha,
              !hardBreak(text, tokens[i - 2].end, tokens[i - 1].start),
              !Self.kunyaKeys.contains(wordKey(tokens[i - 2].text)) else { return false }
        let flags = NameFinder.standard.flags
        let f = flags.value(wordKey(tokens[i - 1].text))
        if f & NameFlag.foreign != 0 { return false }
        // (a given name that is also a common word, منصور، أمين، only after a person's title:
        // اللواء منصور التركي)
        return f & NameFlag.given != 0
            || f & NameFlag.ambiguousGiven != 0 && flags.value(wordKey(tokens[i - 2].text)) & NameFlag.title != 0
    }

    /// Does token `i` open a stadium's name: right after a `stadium` word (ستاد، ملعب, with or
    /// without its proclitic), over at most two titles or place nouns (ستاد الأمير فيصل بن فهد،
    /// ستاد مدينة الملك عبدالله)? The person, country or body in it is the stadium's name. Not in
    /// the idiom «الكرة في ملعب …» (the ball is in someone's court): الكرة in the three words
    /// before ملعب.
    func afterStadium(_ i: Int, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let cues = compiled.cues
        // (first the cheap test: one of the three words before ends as a stadium word does)
        let ends = cues.stadiumEnds
        guard (max(0, i - 3)..<i).contains(where: { k in
            CueHashes.lastTwoLetters(tokens[k].text).map { ends.contains($0) } ?? false
        }) else { return false }
        var j = i - 1, between = 0
        while j >= 0 && !hardBreak(text, tokens[j].end, tokens[j + 1].start) {
            let f = cues.cueFlags(tokens[j].text)
            if f & CueFlag.stadium != 0 {
                return !tokens[max(0, j - 3)..<j].contains { $0.text.hasSuffix(Self.ball) }
            }
            if between == 2 || f & (CueFlag.personTitle | CueFlag.place) == 0 { return false }
            between += 1
            j -= 1
        }
        return false
    }

    /// الكرة, normalized (ة → ه), with or without a proclitic (بالكرة).
    static let ball = ArabicNormalizer.normalize("الكرة")

    /// Does raw match `ri` read as a place rather than a club beside its siblings: after a
    /// `club-venue` word or a place noun, or with ب on it (في تورينو، ملعب تورينو، بميلانو)?
    func readsAsPlace(_ ri: Int, _ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes, _ cues: CueHashes) -> Bool {
        let r = raws[ri], i = r.firstToken
        if r.start > tokens[i].start, text[tokens[i].start] == 0xD8 && text[tokens[i].start + 1] == 0xA8 { return true }   // ب
        guard let f = cueFlags(before: r, 1, tokens, text, cues) else { return false }
        return f & (CueFlag.place | CueFlag.eventHead | CueFlag.clubVenue) != 0
    }

    /// Does raw match `ri` read as a part of a government body's name rather than a club: after a
    /// `government-head` word (وزارة الشباب والرياضة، ووزير الشباب)? (An adjective after the name
    /// is `beforeOtherAdjective`'s.)
    func followsGovernmentHead(_ ri: Int, _ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes, _ cues: CueHashes) -> Bool {
        (cueFlags(before: raws[ri], 1, tokens, text, cues) ?? 0) & CueFlag.governmentHead != 0
    }

    /// The word a one-word match names, without the proclitic its token carries.
    static func matchedWord(_ r: RawMatch, _ tokens: [Token]) -> Substring {
        let t = tokens[r.firstToken]
        let u = t.text.utf8
        return Substring(t.text.utf8.dropFirst(max(0, min(u.count, r.start - t.start))))
    }


    /// Particles of European surnames (دي روسي، فان دايك، فون دير لاين).
    static let foreignParticles: Set<String> = ["دي", "دو", "دا", "ديل", "دل", "فان", "فون", "دير"]

    /// Is the matched text written with ال (the span leaves other proclitics out)?
    func startsWithAl(_ r: RawMatch, _ text: TextBytes) -> Bool {
        r.end - r.start > 4 && spellsAl(text.p + r.start)
    }

    /// Is the match the middle of a club's longer name: نادي before it and ل + a definite noun
    /// after it in the same clause (نادي موناكو للسيارات، نادي دبي للصحافة; not فريق فالنسيا
    /// للمركز الرابع)?
    func namedOnWithLam(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let next = r.firstToken + r.tokenCount
        guard r.firstToken > 0, next < tokens.count, tokens[r.firstToken - 1].text.hasSuffix("نادي"),
              !hardBreak(text, tokens[next - 1].end, tokens[next].start) else { return false }
        return tokens[next].text.hasPrefix("لل")
    }

    /// Per candidate of `r`, what the marks written on its words say of it (`Vocalization`): -1
    /// a contradicted reading, else how many marks its vocalized spellings agree with. Nil when
    /// the words carry no marks, when no reading has a vocalized spelling, or when every reading
    /// is contradicted (then the marks decide nothing).
    func vocalVerdicts(_ r: RawMatch, _ text: TextBytes) -> [Int]? {
        let vocalized = index.vocalized
        guard !vocalized.isEmpty, Vocalization.hasMarks(text, r.start, r.end),
              r.candidates.contains(where: { vocalized[$0.entity] != nil }) else { return nil }
        let written = Vocalization.marks(UnsafeBufferPointer(start: text.p + r.start, count: r.end - r.start))
        var out: [Int] = []
        for c in r.candidates {
            guard let spellings = vocalized[c.entity] else { out.append(0); continue }
            var verdict = -1
            for s in spellings {
                if let a = Vocalization.agreement(written, s) { verdict = max(verdict, a) }
            }
            out.append(verdict)
        }
        return out.contains { $0 >= 0 } ? out : nil
    }

    /// Does match `i` stand in a list of countries: right beside a match that names a country
    /// unambiguously (`strongBy`), joined to it by و or a comma (مصر والأردن وعمان is Oman, though
    /// the list names Jordan, whose capital is also عمان)?
    func inCountryList(_ i: Int, _ raws: [RawMatch], _ strongBy: [Int32], _ types: [EntityType],
                       _ text: TextBytes) -> Bool {
        /// Only spaces and commas between byte offsets a and b, and a comma or a و right before b.
        func joined(_ a: Int, _ b: Int) -> Bool {
            guard a <= b else { return false }
            var end = b, linked = false
            if end - a >= 2 && text[end - 2] == 0xD9 && text[end - 1] == 0x88 { end -= 2; linked = true }
            var k = a
            while k < end {
                if text[k] == 0x20 { k += 1 } else if text[k] == 0x2C { k += 1; linked = true }
                else if k + 1 < end && text[k] == 0xD8 && text[k + 1] == 0x8C { k += 2; linked = true }
                else { return false }
            }
            return linked
        }
        let r = raws[i]
        if i > 0, strongBy[i - 1] >= 0, types[Int(strongBy[i - 1])] == .country,
           raws[i - 1].firstToken + raws[i - 1].tokenCount == r.firstToken, joined(raws[i - 1].end, r.start) {
            return true
        }
        if i + 1 < raws.count, strongBy[i + 1] >= 0, types[Int(strongBy[i + 1])] == .country,
           r.firstToken + r.tokenCount == raws[i + 1].firstToken, joined(r.end, raws[i + 1].start) {
            return true
        }
        return false
    }

    /// Is the word before the match, in the same clause, a definite noun or adjective (ال + at
    /// least three letters, not a function word such as الى، التي): الحكومة السعودية.
    func afterDefiniteWord(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> Bool {
        let i = r.firstToken
        guard i > 0, !hardBreak(text, tokens[i - 1].end, tokens[i].start) else { return false }
        let w = tokens[i - 1].text
        guard w.hasPrefix("ال"), w.unicodeScalars.count >= 5 else { return false }
        return !["الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الي", "الا", "الان", "الاول"].contains(w)
    }

    /// The preposition (ب ل ك, as the two-byte letter) written onto the match's first word before
    /// the span, if any: بالرياض ب، لوكالة ل. After an outlet noun ب says where, not which outlet
    /// ("موقع بالرياض" is a site in the city); ل onto an outlet's name says to whom something was
    /// said ("قال لوكالة فرانس برس").
    func writtenPreposition(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes) -> UInt16? {
        var p = tokens[r.firstToken].start
        while p + 1 < r.start {
            let letter = text.letter(at: p)
            if letter == Self.ba || letter == Self.lam || letter == 0xD983 { return letter }
            p += 2
        }
        return nil
    }
    static let ba: UInt16 = 0xD8A8, lam: UInt16 = 0xD984

    /// Is the word right after raw match `ri`, in the same clause, an adjective in ـي with the
    /// article that makes the match's noun another body's name (الاتحاد الدولي، الاتحاد العربي،
    /// النصر الإماراتي)? Not the nisba of `entity`'s own country: روما الإيطالي is the club.
    func beforeOtherAdjective(_ ri: Int, _ entity: Int32, _ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes) -> Bool {
        let r = raws[ri]
        let next = r.firstToken + r.tokenCount
        // (the article alone: a proclitic before it starts another phrase, ورحب الهلال بالبرازيلي فابيو)
        guard next < tokens.count, !hardBreak(text, tokens[next - 1].end, tokens[next].start),
              withUTF8Copy(tokens[next].text, { WordForms.articleEnd($0, $1) == 4 }), tokens[next].text.unicodeScalars.last == "\u{064A}"
        else { return false }
        let country = index.countryIndex[Int(entity)]
        if ri + 1 < raws.count, raws[ri + 1].firstToken == next, country >= 0,
           raws[ri + 1].candidates.contains(where: { Int($0.entity) == Int(country) && $0.form == .nisba }) {
            return false
        }
        return true
    }

    /// Does the context right around the match support an ambiguous reading of an entity of
    /// this type?
    func localCue(_ type: EntityType, _ strict: Bool, _ r: RawMatch, _ tokens: [Token], _ text: TextBytes,
                  _ cues: CueHashes) -> Bool {
        let i = r.firstToken
        func previous(_ k: Int) -> UInt16? { cueFlags(before: r, k, tokens, text, cues) }
        switch type {
        case .person:
            for k in 1...4 {
                guard let f = previous(k) else { break }
                if f & CueFlag.personTitle != 0 { return true }
            }
            return false
        case .outlet:
            if bracketedOutlet(r, tokens, text, cues) { return true }
            // ب written onto the name makes it no outlet's: "في أول موقع بالرياض" is a site in the
            // city, not the newspaper
            if writtenPreposition(r, tokens, text) == Self.ba { return false }
            if let f = previous(1), f & (CueFlag.outlet | (strict ? 0 : CueFlag.citation)) != 0 { return true }
            // "نقلا عن": a citation and its preposition before the name quote a source, even one
            // named by an everyday word (نقلا عن الأهرام)
            if previous(1) != nil, tokens[i - 1].text == "عن", let f = previous(2), f & CueFlag.citation != 0 { return true }
            return false
        case .organization:
            if let f = previous(1), f & CueFlag.organization != 0 { return true }
            return false
        case .place, .country:
            if let f = previous(1), f & CueFlag.place != 0 { return true }
            return false
        }
    }

    /// The cue flags of the `k`-th word before match `r`, in its sentence; nil past its start.
    func cueFlags(before r: RawMatch, _ k: Int, _ tokens: [Token], _ text: TextBytes, _ cues: CueHashes) -> UInt16? {
        let i = r.firstToken, j = i - k
        guard j >= 0 else { return nil }
        for m in j..<i where hardBreak(text, tokens[m].end, tokens[m + 1].start) { return nil }
        return cues.cueFlags(tokens[j].text)
    }

    /// Is an outlet's name set off as one (`bracketed`: brackets, quotes, a dateline's dash), and
    /// not after a place noun among the two words before it (العاصمة السعودية "الرياض" is the city
    /// in quotes, رئيس الجمهورية (الفرنسية) no agency)? The matcher's cue and the attribution's
    /// credit both read it.
    func bracketedOutlet(_ r: RawMatch, _ tokens: [Token], _ text: TextBytes, _ cues: CueHashes) -> Bool {
        guard bracketed(text, r.start, r.end) else { return false }
        for k in 1...2 {
            guard let f = cueFlags(before: r, k, tokens, text, cues) else { break }
            if f & CueFlag.place != 0 { return false }
        }
        return true
    }

    /// A sentence or clause boundary between two tokens: . ! ? ; : , ، ؛ ؟ or a line break.
    func hardBreak(_ text: TextBytes, _ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            let c = text[i]
            switch c {
            case 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x2C, 0x0A, 0x0D: return true
            case 0xD8 where i + 1 < b && (text[i + 1] == 0x8C || text[i + 1] == 0x9B || text[i + 1] == 0x9F): return true
            default: i += 1
            }
        }
        return false
    }

    /// Is the span wrapped in brackets or quotes, or set off as a dateline by a dash?
    func bracketed(_ text: TextBytes, _ start: Int, _ end: Int) -> Bool {
        // previous non-space scalar
        var i = start
        var before: UInt32 = 0x0A   // line start counts as a boundary
        while i > 0 {
            var j = i - 1
            while j > 0 && text[j] & 0xC0 == 0x80 { j -= 1 }
            let (v, _) = decode(text, j)
            if v == 0x20 || v == 0x09 || v == 0xA0 || isMarkOrControl(v) { i = j; continue }
            before = v
            break
        }
        var k = end
        var after: UInt32 = 0x0A
        while k < text.n {
            let (v, len) = decode(text, k)
            if v == 0x20 || v == 0x09 || v == 0xA0 || isMarkOrControl(v) { k += len; continue }
            after = v
            break
        }
        func isOpen(_ v: UInt32) -> Bool {
            switch v { case 0x28, 0x5B, 0xAB, 0x22, 0x201C, 0x201D, 0x27, 0x2039, 0xFD3E, 0xFD3F: return true; default: return false }
        }
        func isClose(_ v: UInt32) -> Bool {
            switch v { case 0x29, 0x5D, 0xBB, 0x22, 0x201D, 0x201C, 0x27, 0x203A, 0xFD3F, 0xFD3E: return true; default: return false }
        }
        func isDash(_ v: UInt32) -> Bool {
            switch v { case 0x2D, 0x2013, 0x2014, 0x0640, 0x2F: return true; default: return false }
        }
        if isOpen(before) && isClose(after) { return true }
        let lineEdgeAfter = after == 0x0A || after == 0x0D || after == 0x3A || k >= text.n
        let lineEdgeBefore = before == 0x0A || before == 0x0D || i == 0
        if isDash(before) && (lineEdgeAfter || isDash(after) || after == 0x28) { return true }
        if lineEdgeBefore && (isDash(after) || after == 0x3A) { return true }
        return false
    }

    /// Does the original word end in ى (before any trailing harakat)?
    func endsWithAlefMaqsura(_ text: TextBytes, _ t: Token) -> Bool {
        var i = t.end
        while i > t.start {
            var j = i - 1
            while j > t.start && text[j] & 0xC0 == 0x80 { j -= 1 }
            let (v, _) = decode(text, j)
            if isMarkOrControl(v) { i = j; continue }
            return v == 0x0649
        }
        return false
    }
}

/// A blocked Bloom filter over 64-bit keys: two bits in one 64-bit word.
struct BloomFilter: Sendable {
    private let words: [UInt64]
    private let mask: Int

    init(_ keys: [UInt64]) {
        var size = 64
        while size * 64 < keys.count * 16 { size <<= 1 }
        var w = [UInt64](repeating: 0, count: size)
        for k in keys { w[Int(truncatingIfNeeded: k) & (size - 1)] |= Self.bits(k) }
        words = w
        mask = size - 1
    }

    @inline(__always) static func bits(_ k: UInt64) -> UInt64 { (1 << ((k >> 20) & 63)) | (1 << ((k >> 26) & 63)) }

    @inline(__always) func mayContain(_ k: UInt64) -> Bool {
        let b = Self.bits(k)
        return words[Int(truncatingIfNeeded: k) & mask] & b == b
    }
}

/// Open-addressing map from 64-bit word keys to flags (0 when absent).
///
/// A small Bloom filter in front (a couple of KB, stays in L1) turns away almost every word
/// that is not in the map before the larger key table is touched (the probe of a table that
/// lives in L2 was the single hottest instruction of the key-phrase pass).
struct HashMap64: Sendable {
    /// Key and value side by side: a hit costs one cache line, not one per array.
    private struct Slot {
        var key: UInt64 = 0
        var value: UInt16 = 0
    }
    private var slots: [Slot]
    private let mask: Int
    private let filter: BloomFilter

    init(_ pairs: [(UInt64, UInt16)]) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for (k0, v) in pairs {
            let k = k0 == 0 ? 1 : k0
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
            slots[i].key = k
            slots[i].value |= v
        }
        filter = BloomFilter(pairs.map { $0.0 == 0 ? 1 : $0.0 })
    }

    @inline(__always) func value(_ k0: UInt64) -> UInt16 {
        let k = k0 == 0 ? 1 : k0
        if !filter.mayContain(k) { return 0 }
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let v = s[i].key
                if v == k { return s[i].value }
                if v == 0 { return 0 }
                i = (i + 1) & mask
            }
        }
    }
}

@inline(__always) func decode(_ t: TextBytes, _ i: Int) -> (UInt32, Int) {
    let b0 = t[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 < 0xE0, i + 1 < t.n { return ((UInt32(b0 & 0x1F) << 6) | UInt32(t[i + 1] & 0x3F), 2) }
    if b0 < 0xF0, i + 2 < t.n {
        return ((UInt32(b0 & 0x0F) << 12) | (UInt32(t[i + 1] & 0x3F) << 6) | UInt32(t[i + 2] & 0x3F), 3)
    }
    if i + 3 < t.n {
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(t[i + 1] & 0x3F) << 12) | (UInt32(t[i + 2] & 0x3F) << 6)
                | UInt32(t[i + 3] & 0x3F), 4)
    }
    return (UInt32(b0), 1)
}

/// Harakat, Quranic marks, superscript alef, tatweel and format controls (the scalars the
/// normalizer drops inside a word).
@inline(__always) func isMarkOrControl(_ v: UInt32) -> Bool {
    (v >= 0x064B && v <= 0x065F) || v == 0x0670 || v == 0x0640 || (v >= 0x0610 && v <= 0x061A)
        || (v >= 0x06D6 && v <= 0x06ED) || (v >= 0x200B && v <= 0x200F) || (v >= 0x202A && v <= 0x202E)
        || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF || v == 0x061C || v == 0x00AD
}
