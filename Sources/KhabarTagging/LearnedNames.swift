import KhabarArabic

// Surnames learned from the corpus, without supervision.
//
// The rules of NameFinder.swift find a person only next to a cue (a title, a given name, a
// reporting verb …); a story names جاك شيراك in full once, then says شيراك alone. Over a
// corpus the rules name the same people again and again, so the corpus itself tells which bare
// words are surnames: a word that the rules confidently read as a person's last word in at least
// `NameLearning.minimumDocuments` documents, and in at least `minimumShare` of the documents that
// contain it, is a learned surname, and its bare occurrences are found as people (weak: a mention
// and a title mention of the full name's tag, never a tag alone). The share keeps out the common
// words the rules sometimes read into a name (a word after a name, a given name's homograph).
//
// Confident: the last word of a person of two words or more that is neither weak (found by its
// position alone) nor a given name alone nor a given name that is also a common word and one
// word after it (رائد الفضاء, the astronaut: names data `given-word`), and the last word of a
// gazetteer person's mention of two words or more. The word must be one no list of the finder
// knows (flags 0), of three letters or more, not Latin or digits, and not definite unless it is
// shaped like a family name (البشير, five letters or more, read as written: not after عبد / أبو /
// بن, where it is the name's second half, عبد العزيز) — the words the bare pass probes.
//
// The counts ride on `TermStatistics` (built from the newest stored articles); the learned set is
// derived from them and kept in a hash map behind a Bloom filter of a few KB, so a text pays one
// filter test per candidate word.

/// Thresholds of name learning (see the summary of LearnedNames.swift).
///
/// Defaults, 2 documents and a half: chosen on one half of NewsFANE dev (by id) and checked on
/// the other. One document was too little there (half of what it added over two was wrong) and on
/// ANT dev (about one word in ten learned from a single document was a common word, a few in a
/// hundred of those learned from two); a share of 0.4 added nothing over a half, 0.25 mostly errors.
public struct NameLearning: Sendable, Codable, Equatable {
    /// Documents in which the rules must name the word confidently.
    public var minimumDocuments: Int
    /// Share of the documents containing the word (in any name-like reading) that name it
    /// confidently.
    public var minimumShare: Double

    public init(minimumDocuments: Int = 2, minimumShare: Double = 0.5) {
        self.minimumDocuments = minimumDocuments
        self.minimumShare = minimumShare
    }
}

/// What one document tells about names: the keys (as written) of its confidently named surnames,
/// and of every word the bare pass could probe (each reading: as written, minus و/ف, minus ب/ل/ك).
struct NameEvidence {
    var named = Set<UInt64>()
    var seen = Set<UInt64>()
}

/// Name counts of a corpus and the surnames learned from them.
struct LearnedNames: Sendable {
    /// Word key → documents naming it confidently.
    private(set) var named = CountTable()
    /// Word key → documents containing it in a name-like reading.
    private(set) var seen = CountTable()
    var learning = NameLearning() {
        didSet { if learning != oldValue { relearn() } }
    }
    /// The learned surnames (value 1), behind its Bloom filter.
    private var learned = HashMap64([])
    private(set) var learnedCount = 0

    var isEmpty: Bool { learnedCount == 0 }
    var hasCounts: Bool { named.count > 0 || seen.count > 0 }

    init() {}

    init(named: CountTable, seen: CountTable, learning: NameLearning) {
        self.named = named
        self.seen = seen
        self.learning = learning
        relearn()
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { learned.value(key) != 0 }

    func named(_ key: UInt64) -> Int { Int(named.count(of: key)) }
    func seen(_ key: UInt64) -> Int { Int(seen.count(of: key)) }

    /// Counts one document.
    mutating func add(_ e: NameEvidence) {
        for k in e.named { named.increment(k, by: 1) }
        for k in e.seen { seen.increment(k, by: 1) }
        // Only the document's words can change status; a rebuild is a pass over the named words.
        var changed = false
        for k in e.seen where named.count(of: k) > 0 && qualifies(k) != contains(k) { changed = true; break }
        if changed { relearn() }
    }

    mutating func merge(_ other: LearnedNames) {
        other.named.forEach { named.increment($0, by: $1) }
        other.seen.forEach { seen.increment($0, by: $1) }
        relearn()
    }

    /// The keys of the learned surnames.
    var keys: [UInt64] {
        var out: [UInt64] = []
        named.forEach { k, _ in if qualifies(k) { out.append(k) } }
        return out
    }

    private func qualifies(_ k: UInt64) -> Bool {
        let n = Int(named.count(of: k))
        guard n >= max(1, learning.minimumDocuments) else { return false }
        return Double(n) >= learning.minimumShare * Double(max(n, Int(seen.count(of: k))))
    }

    private mutating func relearn() {
        let k = keys
        learned = HashMap64(k.map { ($0, 1) })
        learnedCount = k.count
    }

    static func == (a: LearnedNames, b: LearnedNames) -> Bool {
        a.learning == b.learning && a.named.sameCounts(b.named) && a.seen.sameCounts(b.seen)
    }

    // MARK: the words

    /// Can the finder's word be a bare learned surname (and so is counted as seen)?
    @inline(__always) static func candidate(_ w: NameFinder.Word) -> Bool {
        w.flags == 0 && w.letters >= 3 && !w.digitOrLatin && (!w.definite || familyCandidate(w))
    }

    /// A definite word that can be a family name (البشير، السنيورة is not: ـة), as written (no
    /// proclitic), of five letters or more: counted and probed as written only.
    @inline(__always) static func familyCandidate(_ w: NameFinder.Word) -> Bool {
        w.definite && w.strip == 0 && w.letters >= 5 && w.shape & NameFinder.Shape.family != 0 && !w.stopword
    }

    /// A word's readings without proclitics, besides the word as written: minus و / ف (`key1`,
    /// stripping `strip1` bytes), then minus ب / ل / ك after it (`key2`) — each only when at
    /// least three letters are left; a key is 0 when there is no such reading.
    struct Stripped {
        var key1: UInt64 = 0, strip1: Int8 = 0
        var key2: UInt64 = 0, strip2: Int8 = 0
    }

    /// The stripped readings of a word.
    static func stripped(_ text: String) -> Stripped {
        WordBits.packed(text).map(stripped) ?? strippedLong(text)
    }

    /// The same for a packed word.
    @inline(__always) static func stripped(_ pw: PackedWord) -> Stripped {
        var r = Stripped()
        let (o, o2) = proclitics(pw.count, pw[0], pw[1], pw[2], pw[3])
        if o > 0 { r.key1 = pw.dropFirst(o).key; r.strip1 = Int8(o) }
        if o2 > 0 { r.key2 = pw.dropFirst(o2).key; r.strip2 = Int8(o2) }
        return r
    }

    /// The same for a word too long to be packed (kept out of line).
    @inline(never) static func strippedLong(_ text: String) -> Stripped {
        withUTF8Copy(text) { p, n in
            var r = Stripped()
            guard n > 6 else { return r }
            let (o, o2) = proclitics(n, p[0], p[1], p[2], p[3])
            if o > 0 { r.key1 = wordKey(p + o, n - o); r.strip1 = Int8(o) }
            if o2 > 0 { r.key2 = wordKey(p + o2, n - o2); r.strip2 = Int8(o2) }
            return r
        }
    }

    /// Bytes of a word's proclitics (`n` bytes, the first four `b0…b3`): و / ف (o), then
    /// ب / ل / ك after it (o2; 0 when none), each only when at least three letters are left.
    @inline(__always) private static func proclitics(_ n: Int, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> (Int, Int) {
        guard n > 6 else { return (0, 0) }
        let o = b0 == 0xD9 && (b1 == 0x88 || b1 == 0x81) ? 2 : 0
        let c0 = o == 0 ? b0 : b2, c1 = o == 0 ? b1 : b3
        let prep = (c0 == 0xD8 && c1 == 0xA8) || (c0 == 0xD9 && (c1 == 0x84 || c1 == 0x83))
        return (o, prep && n - o > 6 ? o + 2 : 0)
    }

    /// The evidence of one text: `words` and `found` as `NameFinder.find` made them (without
    /// learned names), `known` its gazetteer mentions. Seen: every reading of every candidate.
    static func collect(_ tokens: [Token], _ keys: [UInt64], _ words: [NameFinder.Word], _ found: [FoundName],
                        _ known: [ResolvedMention], into e: inout NameEvidence) {
        // The last word of a name of two words or more, when it can be a surname: a candidate, and
        // not a definite word after عبد / أبو / بن (the name's second half, عبد العزيز).
        func surname(_ last: Int) -> Bool {
            last < words.count && candidate(words[last])
                && !(words[last].definite && words[last - 1].flags & NameFlag.particle != 0)
        }
        for f in found where f.type == .person && f.count >= 2 && !f.weak && !f.group && !f.descriptive && !f.givenOnly {
            // (not after a given name that is also an adjective or a verb, two words in all: as
            // often that word and its complement, رائد الفضاء "astronaut", نادر الحدوث)
            if f.count == 2 && NameFinder.standard.isGivenWord(tokens[f.first], words[f.first]) { continue }
            let last = f.first + f.count - 1
            if surname(last) { e.named.insert(keys[last]) }
        }
        for m in known where m.mention.type == .person && m.mention.form == .name && m.tokenCount >= 2 {
            let last = m.firstToken + m.tokenCount - 1
            if surname(last) { e.named.insert(keys[last]) }
        }
        for i in words.indices where candidate(words[i]) {
            e.seen.insert(keys[i])
            if words[i].definite { continue }
            let r = stripped(tokens[i].text)
            if r.key1 != 0 { e.seen.insert(r.key1) }
            if r.key2 != 0 { e.seen.insert(r.key2) }
        }
    }

    /// `resolved` without the gazetteer people whose name runs on, after nothing but spaces, into
    /// a learned surname with ال as written: a namesake of theirs, someone whose first names
    /// theirs are (عبدالله بن عبدالعزيز الجربوع is not King Abdullah, حسني مبارك العصيمي not the
    /// Egyptian president, صالح المطلك not Ali Abdullah Saleh). The name finder then reads the
    /// whole name. A mention of one word only when that word is a listed given name: a surname
    /// alone is the person, and the word after it the sentence's next (وصف علاوي العبادي بأنه).
    func withoutNamesakes(_ resolved: [ResolvedMention], _ tokens: [Token], _ keys: [UInt64], _ bytes: TextBytes) -> [ResolvedMention] {
        if isEmpty { return resolved }
        let given = NameFlag.given | NameFlag.ambiguousGiven
        let table = learned   // (read once: each read of a stored table retains its storage)
        // (fields read in place: copying a mention retains its strings; a person's first)
        func namesake(_ k: Int) -> Bool {
            let first = resolved[k].firstToken, count = resolved[k].tokenCount, e = first + count
            guard e < tokens.count, e > 0, resolved[k].mention.type == .person, resolved[k].mention.form == .name,
                  table.value(keys[e]) != 0, NameFinder.starts(tokens[e], 0xD8, 0xA7, 0xD9, 0x84),
                  count >= 2 || NameFinder.standard.flags.value(keys[first]) & given != 0 else { return false }
            var b = tokens[e - 1].end
            while b < tokens[e].start { if bytes[b] != 0x20 { return false }; b += 1 }
            return true
        }
        guard resolved.indices.contains(where: namesake) else { return resolved }
        return resolved.indices.filter { !namesake($0) }.map { resolved[$0] }
    }

    /// Adds to `found` (in token order, keys set) the bare learned surnames among `words`:
    /// candidates outside the gazetteer mentions and the names found, each a weak one-word person
    /// keyed by its first learned reading (as written, minus و / ف, minus ب / ل / ك).
    func findBare(_ tokens: [Token], _ keys: [UInt64], _ words: [NameFinder.Word], _ found: inout [FoundName]) {
        if isEmpty { return }
        let table = learned
        var extra: [FoundName] = []
        var joins: [(found: Int, key: UInt64)] = []   // (applied after the pass: `found` stays read-only in it)
        tokens.withUnsafeBufferPointer { tb in words.withUnsafeBufferPointer { wb in
            let reader = WordBits.TokenReader(tb)
            var next = 0   // the first found name not ending before token i
            for i in 0..<wb.count {
                if wb[i].covered || !Self.candidate(wb[i]) { continue }
                // a definite word right after a definite word is its adjective (المسجد النبوي
                // الشريف، المصحف الشريف), no bare surname, unless that word is a title (الدكتور
                // الرميح), the second half of a compound given name (عبد الله الزهراني) or a
                // learned surname itself (الأحمدي الزهراني)
                if wb[i].definite && i > 0 && !wb[i].breakBefore && wb[i - 1].definite
                    && wb[i - 1].flags & (NameFlag.title | NameFlag.honorific) == 0
                    && !(i > 1 && wb[i - 2].flags & NameFlag.particle != 0) && table.value(keys[i - 1]) == 0 { continue }
                while next < found.count && found[next].first + found[next].count <= i { next += 1 }
                if next < found.count && found[next].first <= i { continue }
                var key = keys[i], strip: Int8 = 0
                if table.value(key) == 0 {
                    if wb[i].definite { continue }
                    let r = reader.packed(i).map(Self.stripped) ?? Self.strippedLong(tb[i].text)
                    if r.key1 != 0 && table.value(r.key1) != 0 {
                        (key, strip) = (r.key1, r.strip1)
                    } else if r.key2 != 0 && table.value(r.key2) != 0 {
                        (key, strip) = (r.key2, r.strip2)
                    } else {
                        continue
                    }
                }
                // a family name with ال, as written, right after a person the rules found whose
                // last word has none (but for the second half of عبد / أبو …: عبد العزيز) is that
                // person's: the rules join a family name only where its shape or the name before
                // it tells (a nisba after a given name), the corpus tells of the rest (اللواء
                // جمعان الغامدي، عبدالله سليم الرشيد، عبد المحسن بن عبد العزيز الفارس). Not after a
                // name found by its position alone, a people group, a lineage or a learned
                // surname (… الأسد العرب).
                let h = i - 1
                if strip == 0, wb[i].definite, h >= 0, !wb[i].breakBefore, next > 0, found[next - 1].first + found[next - 1].count == i,
                   found[next - 1].type == .person, !wb[h].definite || h > 0 && wb[h - 1].flags & NameFlag.particle != 0,
                   !found[next - 1].weak, !found[next - 1].group, !found[next - 1].lineage, !found[next - 1].learned,
                   NameFinder.starts(tb[i], 0xD8, 0xA7, 0xD9, 0x84) {   // (ال as written: لالانا is no ل + ال)
                    joins.append((next - 1, key))
                    continue
                }
                // an Arabic given name of the lists right before it, as written, is the person's
                // (منصور البلوي، فهد المرداسي): a full name, where a given name that is also a
                // common word starts none by itself; not على (a stopword), nor a name's last word
                if strip == 0, h >= 0, !wb[i].breakBefore, !wb[h].covered, wb[h].strip == 0, !wb[h].stopword,
                   wb[h].flags & (NameFlag.given | NameFlag.ambiguousGiven) != 0,
                   wb[h].flags & (NameFlag.foreign | NameFlag.notName) == 0,     // (المتحدث باسم ماي)
                   !(next > 0 && found[next - 1].first + found[next - 1].count == i),
                   !(next < found.count && found[next].first == h) {
                    var f = FoundName(first: h, count: 2, type: .person, strip: 0)
                    f.key = appendTermKey(keys[h], key)
                    f.lastKey = key
                    extra.append(f)
                    continue
                }
                var f = FoundName(first: i, count: 1, type: .person, strip: strip, weak: true)
                f.learned = true
                f.key = key
                f.lastKey = key
                extra.append(f)
            }
        } }
        for j in joins {
            found[j.found].count += 1
            found[j.found].key = appendTermKey(found[j.found].key, j.key)
            found[j.found].lastKey = j.key
            found[j.found].givenOnly = false
        }
        if extra.isEmpty { return }
        var out: [FoundName] = []
        out.reserveCapacity(found.count + extra.count)
        var a = 0, b = 0
        while a < found.count || b < extra.count {
            if b >= extra.count || (a < found.count && found[a].first < extra[b].first) {
                out.append(found[a]); a += 1
            } else {
                out.append(extra[b]); b += 1
            }
        }
        found = out
    }
}
