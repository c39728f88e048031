import KhabarArabic

// Entity matching over the analyzer's normalized tokens, before stopwords and stemming.
//
// One left-to-right pass: at each token, the first-token index (keyed by a hash of the
// normalized word) is probed with the word itself and with the word minus its proclitics (و ف,
// then ب ل ك; a fused لل is read as ال: للأمم → الأمم). An 8 KB bit filter rejects almost every
// reading with one memory read, so a word costs a couple of multiply–xorshift steps and no
// allocation unless some alias starts the same way. The longest alias wins; at equal length the
// reading without stripping wins. Then a resolution pass
// picks one entity per match:
//
//   1. an ambiguous ("?") alias backed by a local cue (a title before a surname, وكالة before an
//      agency, brackets or a dateline dash around an outlet, مدينة before a place) — it beats an
//      ordinary reading of the same words, so "(الفرنسية)" is AFP;
//   2. an ordinary alias; between two ordinary readings (عمان = Oman or Amman) the one whose
//      related country or capital the text also names unambiguously wins, else the first listed
//      (countries before their namesake cities);
//   3. an ambiguous alias whose entity (or its capital/country) the text names unambiguously
//      elsewhere (عباس after محمود عباس) — not for "??" aliases, which are everyday words
//      (اليوم، الهلال) and need their own cue every time.
//   Otherwise the match is dropped. Nisba readings are dropped after a language word (اللغة
//   الفرنسية) and when the written word ends in ى (اليمنى "right-hand" is not اليمني).

/// A fast, stable 64-bit hash of a byte string (8-byte chunks, multiply–xorshift). Stable across
/// runs and versions: term keys built from it are persisted in `TermStatistics`.
@inline(__always) func wordHash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    while i + 8 <= n {
        h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        i += 8
    }
    if i < n {
        var t: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { t |= UInt64(p[i]) << shift; shift += 8; i += 1 }
        h = (h ^ t) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
    }
    return h
}

func wordHash(_ s: String) -> UInt64 {
    let n = s.utf8.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { buf in
        _ = copyUTF8(s, buf.baseAddress!, n)
        return wordHash(buf.baseAddress!, n)
    }
}

/// `wordHash` of "ال" followed by the bytes `p[0..<n]` (the word after a fused لل: للأمم → الأمم).
func fusedHash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 4) { buf in
        let b = buf.baseAddress!
        b[0] = 0xD8; b[1] = 0xA7; b[2] = 0xD9; b[3] = 0x84
        (b + 4).update(from: p, count: n)
        return wordHash(b, n + 4)
    }
}

/// The matcher's key of a word: its length, first 8 and last 8 bytes, mixed (two loads, no loop;
/// words longer than 16 bytes that differ only in the middle share a key, and every key hit is
/// checked byte by byte). Reads `p[0..<8]` even for shorter words, so `p` must have 8 readable
/// bytes (the matcher's scratch buffers do).
@inline(__always) func fastKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var a = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    var b: UInt64 = 0
    if n >= 8 {
        b = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    } else {
        a &= n == 0 ? 0 : (UInt64.max >> UInt64(64 - 8 * n))
    }
    var k = (a ^ (UInt64(truncatingIfNeeded: n) << 58)) &* 0x9E37_79B9_7F4A_7C15
    k ^= b &* 0xC2B2_AE3D_27D4_EB4F
    k ^= k >> 29
    k &*= 0xBF58_476D_1CE4_E5B9
    k ^= k >> 32
    return k
}

/// `fastKey` of bytes held in an array (copied to a padded buffer).
func fastKey(_ bytes: [UInt8]) -> UInt64 {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 8) { buf in
        let p = buf.baseAddress!
        p.initialize(repeating: 0, count: bytes.count + 8)
        bytes.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: bytes.count) }
        return fastKey(p, bytes.count)
    }
}

struct Candidate: Sendable {
    let entity: Int32
    let form: MentionForm
    let contextual: Bool
    var strict = false
}

struct AliasEntry: Sendable {
    let first: [UInt8]        // normalized first word, UTF-8
    let rest: [[UInt8]]       // normalized further words, UTF-8
    var candidates: [Candidate]
}

/// The aliases that share a first word, longest first.
struct AliasGroup: Sendable {
    let first: [UInt8]
    let entries: [AliasEntry]
    let restCounts: [Int]     // entries[k].rest.count, kept inline for the scan
    let secondKeys: [UInt64]  // fastKey of entries[k].rest[0] (0 when single-word)
}

/// Alias lookup structures of a gazetteer; immutable once built.
final class AliasIndex: Sendable {
    /// Entries grouped by the reverse hash of their first word, each group longest first.
    let groups: [AliasGroup]
    /// Open-addressing table: hash → group index + 1 (0 = empty).
    let slotKeys: [UInt64]
    let slotGroups: [Int32]
    let slotMask: Int
    /// Per entity, the fields the hot paths read (copying an `Entity` costs a dozen retains).
    let ids: [String]
    let names: [String]
    let types: [EntityType]
    let isCapital: [Bool]
    /// Blocked Bloom filter over first-word keys: two bits in one 64-bit word of 8 KB, so a word
    /// that starts no alias is rejected with one memory read: almost every word of a text is rejected here
    /// with one memory read, before any dictionary lookup.
    let filter: [UInt64]
    static let filterBits: UInt64 = 1 << 16
    let byID: [String: Int]
    /// Per entity: its country and (for countries) its capital — used for disambiguation.
    let related: [[Int32]]
    /// Per entity: index of its country, or -1.
    let countryIndex: [Int32]

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
                let cand = Candidate(entity: Int32(i), form: a.form, contextual: a.contextual, strict: a.strict)
                if var entry = byKey[key] {
                    if let j = entry.candidates.firstIndex(where: { $0.entity == Int32(i) }) {
                        // Same entity twice under one spelling: keep the least restrictive reading.
                        let old = entry.candidates[j]
                        let form: MentionForm = (old.form == .name || a.form == .name) ? .name : old.form
                        entry.candidates[j] = Candidate(entity: old.entity, form: form,
                                                        contextual: old.contextual && a.contextual,
                                                        strict: old.strict && a.strict)
                    } else {
                        entry.candidates.append(cand)
                    }
                    byKey[key] = entry
                } else {
                    byKey[key] = AliasEntry(first: Array(first.utf8), rest: toks.dropFirst().map { Array($0.utf8) },
                                            candidates: [cand])
                    order.append(key)
                }
            }
        }
        var byFirst: [UInt64: [AliasEntry]] = [:]
        var firstOrder: [UInt64] = []
        for key in order {
            let e = byKey[key]!
            let h = fastKey(e.first)
            if byFirst[h] == nil { firstOrder.append(h) }
            byFirst[h, default: []].append(e)
        }
        var groups: [AliasGroup] = []
        var size = 64
        while size < firstOrder.count * 3 { size <<= 1 }
        var slotKeys = [UInt64](repeating: 0, count: size)
        var slotGroups = [Int32](repeating: 0, count: size)
        var filter = [UInt64](repeating: 0, count: Int(Self.filterBits / 64))
        for h in firstOrder {
            let sorted = byFirst[h]!.sorted { $0.rest.count > $1.rest.count }
            groups.append(AliasGroup(first: sorted[0].first, entries: sorted, restCounts: sorted.map(\.rest.count),
                                     secondKeys: sorted.map { e in e.rest.first.map(fastKey) ?? 0 }))
            var i = Self.slot(h, size - 1)
            while slotGroups[i] != 0 { i = (i + 1) & (size - 1) }
            slotKeys[i] = h
            slotGroups[i] = Int32(groups.count)
            filter[Self.filterWord(h)] |= Self.filterMask(h)
        }
        self.filter = filter
        self.groups = groups
        self.slotKeys = slotKeys
        self.slotGroups = slotGroups
        self.slotMask = size - 1
        self.ids = entities.map(\.id)
        self.names = entities.map(\.name)
        self.types = entities.map(\.type)
        self.isCapital = entities.map { $0.kind == "capital" }
        self.byID = byID
        self.related = related
        self.countryIndex = countryIndex
    }
}

extension AliasIndex {
    @inline(__always) static func filterWord(_ k: UInt64) -> Int { Int(truncatingIfNeeded: k) & Int(filterBits / 64 - 1) }
    @inline(__always) static func filterMask(_ k: UInt64) -> UInt64 { (1 << ((k >> 20) & 63)) | (1 << ((k >> 26) & 63)) }
    @inline(__always) static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h >> 32) & mask }
}

/// A match before resolution: a token range and the entities its words can name.
struct RawMatch {
    var firstToken: Int
    var tokenCount: Int
    var start: Int
    var end: Int
    var candidates: [Candidate]
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
    let gazetteer: Gazetteer
    var index: AliasIndex { gazetteer.index }

    // MARK: phase 1 — raw matches

    /// Hashes of a normalized word and of its clitic-stripped tails, from one reverse walk.
    struct WordHashes {
        var h0: UInt64 = 0            // whole word
        var h1: UInt64 = 0            // minus one letter (و ف ب ل ك)
        var h2: UInt64 = 0            // minus two letters (و/ف + ب/ل/ك)
        var hll: UInt64 = 0           // after لل / ولل / فلل, read as ال + tail
        var ok1 = false, ok2 = false
        var llStrip = 0               // bytes stripped for hll; 0: no such reading
    }

    /// Keys of a word copied to `p` (with room for 8 more bytes after it and for the fused
    /// reading at `p + 128`).
    @inline(__always)
    static func wordKeys(_ p: UnsafeMutablePointer<UInt8>, _ nb: Int) -> WordHashes {
        var r = WordHashes()
        r.h0 = fastKey(p, nb)
        if nb >= 6 && p[0] >= 0xD8 && p[0] <= 0xDB {
            // letters 0…2 are two bytes each in a normalized Arabic word
            let conj = p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81)                          // و ف
            let l0 = (p[0] == 0xD8 && p[1] == 0xA8) || (p[0] == 0xD9 && (p[1] == 0x84 || p[1] == 0x83))  // ب ل ك
            let l1 = nb >= 8 && ((p[2] == 0xD8 && p[3] == 0xA8) || (p[2] == 0xD9 && (p[3] == 0x84 || p[3] == 0x83)))
            let lam0 = p[0] == 0xD9 && p[1] == 0x84, lam1 = p[2] == 0xD9 && p[3] == 0x84
            r.ok1 = conj || l0
            r.ok2 = conj && l1
            if lam0 && lam1 && nb >= 8 { r.llStrip = 4 }
            else if conj && lam1 && nb >= 10 && p[4] == 0xD9 && p[5] == 0x84 { r.llStrip = 6 }
            if r.ok1 { r.h1 = fastKey(p + 2, nb - 2) }
            if r.ok2 { r.h2 = fastKey(p + 4, nb - 4) }
            if r.llStrip > 0 && nb - r.llStrip + 4 <= 120 {
                let f = p + 128
                f[0] = 0xD8; f[1] = 0xA7; f[2] = 0xD9; f[3] = 0x84        // ال + tail
                (f + 4).update(from: p + r.llStrip, count: nb - r.llStrip)
                r.hll = fastKey(f, nb - r.llStrip + 4)
            } else {
                r.llStrip = 0
            }
        }
        return r
    }

    /// The longest entry of `group` longer than `longerThan` words that matches at token `i`
    /// when the first word is read as its bytes from `strip` on (after "ال" when `fused`).
    /// `other` is scratch space for the following words.
    @inline(__always)
    func probe(_ group: AliasGroup, _ word: UnsafeBufferPointer<UInt8>, strip: Int, fused: Bool,
               longerThan: Int, _ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ text: TextBytes,
               _ other: UnsafeMutablePointer<UInt8>) -> AliasEntry? {
        let tailCount = word.count - strip
        let sameFirst = group.first.withUnsafeBufferPointer { f -> Bool in
            if f.count != tailCount + (fused ? 4 : 0) { return false }
            var o = 0
            if fused {
                if f[0] != 0xD8 || f[1] != 0xA7 || f[2] != 0xD9 || f[3] != 0x84 { return false }   // ال
                o = 4
            }
            for k in 0..<tailCount where f[o + k] != word[strip + k] { return false }
            return true
        }
        if !sameFirst { return nil }
        var next: UInt64? = nil
        for (k, restCount) in group.restCounts.enumerated() {
            if 1 + restCount <= longerThan { return nil }
            if restCount == 0 { return group.entries[k] }
            if next == nil {
                guard i + 1 < tokens.count else { continue }
                let n = copyUTF8(tokens[i + 1].text, other, Self.scratchHalf - 8)
                next = n < 0 ? 0 : fastKey(other, n)
            }
            if group.secondKeys[k] == next! && restMatches(group.entries[k].rest, tokens, i, text, other) {
                return group.entries[k]
            }
        }
        return nil
    }

    static let scratchHalf = 256

    /// All longest alias matches, left to right, non-overlapping.
    func rawMatches(_ tokenArray: [Token], _ text: TextBytes) -> [RawMatch] {
        var out: [RawMatch] = []
        let index = self.index
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Self.scratchHalf) { scratch in
            let wordBuf = scratch.baseAddress!, other = wordBuf + Self.scratchHalf
            tokenArray.withUnsafeBufferPointer { tokens in
                index.filter.withUnsafeBufferPointer { filter in
                    let n = tokens.count
                    var i = 0
                    while i < n {
                        // String.utf8 copied out in one go: per-byte access to small strings is slow.
                        let nb = copyUTF8(tokens[i].text, wordBuf, 120)
                        if nb <= 0 { i += 1; continue }
                        let word = UnsafeBufferPointer(start: wordBuf, count: nb)
                        let wh = Self.wordKeys(wordBuf, nb)
                        @inline(__always) func may(_ k: UInt64) -> Bool {
                            let m = AliasIndex.filterMask(k)
                            return filter[AliasIndex.filterWord(k)] & m == m
                        }
                        let p0 = may(wh.h0), p1 = wh.ok1 && may(wh.h1), p2 = wh.ok2 && may(wh.h2)
                        let pll = wh.llStrip > 0 && may(wh.hll)
                        if !(p0 || p1 || p2 || pll) { i += 1; continue }

                        var best: AliasEntry? = nil
                        var bestStrip = 0
                        var bestFused = false
                        // The whole word first: a stripped reading must be strictly longer to win.
                        for r in 0..<4 {
                            let (ok, h, strip, fused) = r == 0 ? (p0, wh.h0, 0, false) : r == 1 ? (p1, wh.h1, 2, false)
                                : r == 2 ? (p2, wh.h2, 4, false) : (pll, wh.hll, wh.llStrip, true)
                            guard ok else { continue }
                            // every group under this key (different long words may share one)
                            var slot = AliasIndex.slot(h, index.slotMask)
                            while index.slotGroups[slot] != 0 {
                                if index.slotKeys[slot] == h {
                                    let longer = best.map { 1 + $0.rest.count } ?? 0
                                    if let e = probe(index.groups[Int(index.slotGroups[slot]) - 1], word, strip: strip,
                                                     fused: fused, longerThan: longer, tokens, i, text, other) {
                                        best = e
                                        bestStrip = strip
                                        bestFused = fused
                                    }
                                }
                                slot = (slot + 1) & index.slotMask
                            }
                        }
                        if let e = best {
                            let len = 1 + e.rest.count
                            let first = tokens[i]
                            let startOffset = (bestFused || bestStrip == 0)
                                ? first.start : skipLetters(text, from: first.start, to: first.end, count: bestStrip / 2)
                            out.append(RawMatch(firstToken: i, tokenCount: len, start: startOffset,
                                                end: tokens[i + len - 1].end, candidates: e.candidates))
                            i += len
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        return out
    }

    /// Do tokens after `i` spell `rest`, separated only by spaces or in-name punctuation?
    func restMatches(_ rest: [[UInt8]], _ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ text: TextBytes,
                     _ other: UnsafeMutablePointer<UInt8>) -> Bool {
        if i + rest.count >= tokens.count { return false }
        for (k, w) in rest.enumerated() {
            let t = tokens[i + 1 + k]
            let n = copyUTF8(t.text, other, Self.scratchHalf)
            if n != w.count { return false }
            for b in 0..<n where other[b] != w[b] { return false }
            if !isNameGap(text, tokens[i + k].end, t.start) { return false }
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
    func skipLetters(_ text: TextBytes, from start: Int, to end: Int, count: Int) -> Int {
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

    func resolve(_ raws: [RawMatch], _ tokens: [Token], _ text: TextBytes) -> [ResolvedMention] {
        if raws.isEmpty { return [] }
        let index = self.index
        let types = index.types
        let cues = gazetteer.cues
        let blockers = gazetteer.cueHashes.nisbaBlockers
        // Per candidate (flattened): 0 dropped, 1 ordinary, 2 contextual without local cue,
        // 3 contextual with a local cue.
        var status: [UInt8] = []
        status.reserveCapacity(raws.count + 8)
        var strong = Set<Int32>()
        for r in raws {
            var ordinaryCount = 0
            var ordinaryEntity: Int32 = -1
            var nisbaBlocked: Bool? = nil
            for c in r.candidates {
                var st: UInt8 = c.contextual ? 2 : 1
                if c.form == .nisba {
                    if nisbaBlocked == nil {
                        nisbaBlocked = endsWithAlefMaqsura(text, tokens[r.firstToken + r.tokenCount - 1])
                            || (r.firstToken > 0
                                && !hardBreak(text, tokens[r.firstToken - 1].end, tokens[r.firstToken].start)
                                && Self.anyReading(tokens[r.firstToken - 1].text, in: blockers))
                    }
                    if nisbaBlocked! { st = 0 }
                }
                if st == 2 && localCue(types[Int(c.entity)], c.strict, r, tokens, text, cues) { st = 3 }
                if st == 1 || st == 3 { ordinaryCount += 1; ordinaryEntity = c.entity }
                status.append(st)
            }
            if ordinaryCount == 1 { strong.insert(ordinaryEntity) }
        }
        let related = index.related
        @inline(__always) func relatedStrong(_ e: Int32) -> Bool {
            for x in related[Int(e)] where strong.contains(x) { return true }
            return false
        }

        var out: [ResolvedMention] = []
        out.reserveCapacity(raws.count)
        var si = 0
        for r in raws {
            var best: Candidate? = nil
            var bestScore = -1
            for c in r.candidates {
                let st = status[si]
                si += 1
                var score: Int
                switch st {
                case 3: score = 30
                case 1: score = 20
                case 2:
                    // everyday words ("??") need their own cue, every time
                    if c.strict { continue }
                    if strong.contains(c.entity) || (types[Int(c.entity)] != .person && relatedStrong(c.entity)) {
                        score = 10
                    } else { continue }
                default: continue
                }
                if r.candidates.count > 1 {
                    if strong.contains(c.entity) { score += 2 } else if relatedStrong(c.entity) { score += 1 }
                }
                if score > bestScore { bestScore = score; best = c }
            }
            guard let c = best else { continue }
            let k = Int(c.entity)
            out.append(ResolvedMention(
                mention: EntityMention(entityID: index.ids[k], name: index.names[k], type: types[k], start: r.start,
                                       end: r.end, metonym: c.form == .metonym, form: c.form),
                entity: Int(c.entity), firstToken: r.firstToken, tokenCount: r.tokenCount,
                contextual: c.contextual))
        }
        return out
    }

    /// Is the word, or the word minus a proclitic, in `set`?
    static func anyReading(_ word: String, in set: HashSet64) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buf in
            let n = copyUTF8(word, buf.baseAddress!, 64)
            guard n > 0 else { return false }
            let p = buf.baseAddress!
            if set.contains(wordHash(p, n)) { return true }
            guard n > 6, p[0] >= 0xD8 else { return false }
            let conj = p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81)
            let prep = { (k: Int) in (p[k] == 0xD8 && p[k + 1] == 0xA8) || (p[k] == 0xD9 && (p[k + 1] == 0x84 || p[k + 1] == 0x83)) }
            if (conj || prep(0)) && set.contains(wordHash(p + 2, n - 2)) { return true }
            if conj && n > 8 && prep(2) && set.contains(wordHash(p + 4, n - 4)) { return true }
            return false
        }
    }

    /// Does the context right around the match support an ambiguous reading of `entity`?
    func localCue(_ type: EntityType, _ strict: Bool, _ r: RawMatch, _ tokens: [Token], _ text: TextBytes, _ cues: CueWords) -> Bool {
        let i = r.firstToken
        func previous(_ k: Int) -> [String]? {     // clitic-stripped forms of the k-th word before
            let j = i - k
            guard j >= 0 else { return nil }
            for m in j..<i where hardBreak(text, tokens[m].end, tokens[m + 1].start) { return nil }
            return cueForms(tokens[j].text)
        }
        switch type {
        case .person:
            for k in 1...4 {
                guard let forms = previous(k) else { break }
                if forms.contains(where: cues.personTitles.contains) { return true }
            }
            return false
        case .outlet:
            if bracketed(text, r.start, r.end) { return true }
            if let forms = previous(1),
               forms.contains(where: { cues.outletCues.contains($0) || (!strict && cues.citations.contains($0)) }) { return true }
            return false
        case .organization:
            if let forms = previous(1), forms.contains(where: cues.organizationCues.contains) { return true }
            return false
        case .place, .country:
            if let forms = previous(1), forms.contains(where: cues.placeCues.contains) { return true }
            return false
        }
    }

    /// The word and its clitic-stripped forms (و ف, then ب ل ك; never ال), for words of more
    /// than three letters.
    func cueForms(_ word: String) -> [String] {
        var out = [word]
        let u = Array(word.utf8)
        guard u.count > 6, u[0] >= 0xD8, u[0] <= 0xDB else { return out }
        var k = 0
        if u[0] == 0xD9 && (u[1] == 0x88 || u[1] == 0x81) {
            k = 2
            out.append(String(decoding: u[k...], as: UTF8.self))
        }
        if u.count - k > 6 && ((u[k] == 0xD8 && u[k + 1] == 0xA8) || (u[k] == 0xD9 && (u[k + 1] == 0x84 || u[k + 1] == 0x83))) {
            out.append(String(decoding: u[(k + 2)...], as: UTF8.self))
        }
        return out
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
        let opens: Set<UInt32> = [0x28, 0x5B, 0xAB, 0x22, 0x201C, 0x201D, 0x27, 0x2039, 0xFD3E, 0xFD3F]
        let closes: Set<UInt32> = [0x29, 0x5D, 0xBB, 0x22, 0x201D, 0x201C, 0x27, 0x203A, 0xFD3F, 0xFD3E]
        let dashes: Set<UInt32> = [0x2D, 0x2013, 0x2014, 0x0640, 0x2F]
        if opens.contains(before) && closes.contains(after) { return true }
        let lineEdgeAfter = after == 0x0A || after == 0x0D || after == 0x3A || k >= text.n
        let lineEdgeBefore = before == 0x0A || before == 0x0D || i == 0
        if dashes.contains(before) && (lineEdgeAfter || dashes.contains(after) || after == 0x28) { return true }
        if lineEdgeBefore && (dashes.contains(after) || after == 0x3A) { return true }
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

/// Copies the UTF-8 of `s` to `buf`; its length, or -1 when longer than `capacity`.
/// (Bulk copy: per-byte or `withContiguousStorageIfAvailable` access to a small string costs
/// several times more, and 90 % of words are small strings.)
@inline(__always) func copyUTF8(_ s: String, _ buf: UnsafeMutablePointer<UInt8>, _ capacity: Int) -> Int {
    let n = s.utf8.count
    if n > capacity { return -1 }
    if n > 0 { _ = UnsafeMutableBufferPointer(start: buf, count: n).initialize(from: s.utf8) }
    return n
}

/// Byte equality of two strings (String == compares canonical equivalence, which is slow for
/// Arabic and not what we mean: both sides are already normalized).
func sameBytes(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    if n != b.utf8.count { return false }
    return a.utf8.elementsEqual(b.utf8)
}

/// Open-addressing set of 64-bit hashes (`wordHash` of normalized words).
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private let mask: Int

    init<S: Sequence>(_ words: S) where S.Element == String {
        let list = Array(words)
        var size = 16
        while size < list.count * 4 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for w in list { insert(wordHash(w)) }
    }

    private mutating func insert(_ h0: UInt64) {
        let h = h0 == 0 ? 1 : h0
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[i] != 0 && slots[i] != h { i = (i + 1) & mask }
        slots[i] = h
    }

    @inline(__always) func contains(_ h0: UInt64) -> Bool {
        let h = h0 == 0 ? 1 : h0
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let v = slots[i]
            if v == h { return true }
            if v == 0 { return false }
            i = (i + 1) & mask
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
