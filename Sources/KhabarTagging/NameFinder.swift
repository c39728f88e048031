import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Rule-based finder of people and organizations the gazetteer does not know, in one linear pass
// over the analyzer's tokens after the gazetteer matcher (word lists: Data/NamesData.swift).
//
// People:
//   - a title or role (الرئيس، وزير، اللاعب، المتحدث …), then its complement — definite words,
//     gazetteer mentions, organizations, a few listed words (وزير الخارجية الفرنسي، المتحدث
//     باسم الجيش العقيد …) — then a name-like word;
//   - a given name (محمد، جون، ليونيل …); a given name that is also a common word (أمل، سعيد، على)
//     only when another given name or a particle (بن، أبو، عبد) follows;
//   - a reporting verb (قال، أضاف …) right before a name-like word that a punctuation mark, a
//     nisba or a title closes within three words (قال سيمون هول، المسؤول …);
//   - a definite nisba adjective right before a name-like word (الأرجنتيني ليونيل ميسي).
//   The name runs over the following name-like words (at most four words in all).
// Organizations:
//   - a head noun in the construct state with its complement (وزارة الخارجية، شركة …، حزب …);
//   - a definite institution noun with a nisba adjective (الحكومة السودانية، الجيش اللبناني).
//
// A name-like word is neither a stopword, a generic word, a listed common word (not-name), a
// number nor a definite word, has at least three letters (two when it is a given name), and does
// not start like an imperfect verb (ي ت ن) unless it is a given name. Nothing crosses
// punctuation, and nothing overlaps a gazetteer mention.

struct NameFlag {
    static let title: UInt16 = 1
    static let complement: UInt16 = 2
    static let given: UInt16 = 4
    static let ambiguousGiven: UInt16 = 8
    static let particle: UInt16 = 16
    static let orgHead: UInt16 = 32
    static let orgHeadAl: UInt16 = 64
    static let report: UInt16 = 128
    static let notName: UInt16 = 256
    static let group: UInt16 = 512
    static let orgAdjective: UInt16 = 1024
    static let teamCue: UInt16 = 2048
    static let subjectCue: UInt16 = 4096
    /// A given name of another language (with `given`): no word in ال follows it as its family name.
    static let foreign: UInt16 = 8192
    /// A title that relates its person to another (نجل، زوجة، زميل …) or heads a compound title
    /// (نائب رئيس …): never a surname between a given name and a role (with `title`).
    static let relation: UInt16 = 16384
    /// An honorific that precedes a name (الملك، الشيخ، القديس): institutions are named after
    /// the person it opens (مركز الملك عبدالله، مستشفى الشيخ خليفة).
    static let honorific: UInt16 = 32768
    /// A word the name lists give as a name's: a given name, sure or not, or a particle.
    static let listedName: UInt16 = given | ambiguousGiven | particle

    /// The lists of the names data (`list|words` lines) and the flag each sets.
    static let lists: [String: UInt16] = [
        "title": title, "complement": complement, "given": given, "given-foreign": given | foreign,
        "given?": ambiguousGiven, "particle": particle,
        "org-head": orgHead, "org-head-al": orgHeadAl, "report": report, "not-name": notName, "group": group,
        "org-adjective": orgAdjective, "team-cue": teamCue, "subject-cue": subjectCue, "relation": relation,
        "honorific": honorific,
    ]
}

/// A name found by the rules: tokens `first..<first+count` of the text, read without the first
/// token's proclitics (`strip` bytes).
struct FoundName: Equatable {
    var first: Int
    var count: Int
    var type: EntityType
    var strip: Int8
    /// A people group (العرب): a demonym, never a tag.
    var group = false
    /// Can become a tag: not a group, and not an institution known by a country's nisba or a
    /// generic adjective (الحكومة السودانية، المجلس التشريعي), which say which country, not which body.
    var taggable: Bool { !group && !descriptive && !givenOnly && !weak && !lineage }
    /// Found only by its position (after قال, after إن, in a list after another name): good
    /// enough for a mention, too often a common word for a tag.
    var weak = false
    /// A person named by a given name alone (يوسف): a mention, but too vague for a tag.
    var givenOnly = false
    var descriptive = false
    /// A bare surname learned from the corpus (LearnedNames.swift); always weak.
    var learned = false
    /// بن / بنت and the names after it, or a family's name after آل, right after a person the
    /// gazetteer names: the rest of that person's name (الملك سلمان بن عبدالعزيز آل سعود). No
    /// mention and no tag of its own, but its words are the person's, no key phrase.
    var lineage = false
    /// Keys of the name's words combined, and of its last word (set by `find`).
    var key: UInt64 = 0
    var lastKey: UInt64 = 0
}

final class NameFinder: Sendable {
    static let standard = NameFinder(data: namesData, generic: Gazetteer.standard.cues.generic)

    /// Word key → `NameFlag` bits.
    let flags: HashMap64
    let analyzer: Analyzer
    /// Lines of the data that could not be read (the integrity test asserts there are none).
    let problems: [String]
    /// Keys of the org heads of list `org-head-generic` (شركة، مركز، بنك …): heads of the kind of
    /// body many are, so that a head and a common noun say what one does (شركة الطيران).
    let genericHeads: Set<UInt64>
    /// Military ranks and professional titles (the data's `rank` list): they end an
    /// organization's name after more than its head (`organizationEnd`).
    let ranks: Set<UInt64>
    /// Sure given names that are also an adjective or a past verb (the data's `given-word` list:
    /// نادر، فريدة، أشرف …): alone, read as that word where the sentence does (`readsAsWord`).
    let givenWords: Set<UInt64>
    /// Given names that are also a noun a definite word often follows in construct (the data's
    /// `given-noun` list: رضا، أسماء، فتح …): with such a word, a noun phrase (`isConstructOfGivenNoun`).
    let givenNouns: Set<UInt64>

    init(data: String, generic: Set<String>, analyzer: Analyzer = .standard) {
        var table: [String: UInt16] = [:]
        var problems: [String] = []
        var genericHeads: Set<UInt64> = [], ranks: Set<UInt64> = [], givenWords: [String] = [], givenNouns: [String] = []
        for w in generic { table[w, default: 0] |= NameFlag.notName }
        for (n, f) in GazetteerParser.lines(data) {
            guard f.count == 2 else { problems.append("names:\(n): expected list|words"); continue }
            // (a rank sets no flag of its own: the words are titles of the title lists; nor does
            // a given word or noun, a given name of the given lists)
            let isGeneric = f[0] == "org-head-generic", isRank = f[0] == "rank", isGivenWord = f[0] == "given-word"
            let isGivenNoun = f[0] == "given-noun"
            guard let flag = isGeneric ? NameFlag.orgHead : isRank || isGivenWord || isGivenNoun ? 0 : NameFlag.lists[f[0]] else {
                problems.append("names:\(n): unknown list \(f[0])"); continue
            }
            for w in GazetteerParser.list(f[1]) {
                let t = analyzer.tokenize(w)
                guard t.count == 1 else { problems.append("names:\(n): not one word: \(w)"); continue }
                if isRank { ranks.insert(wordKey(t[0].text)); continue }
                if isGivenWord { givenWords.append(t[0].text); continue }
                if isGivenNoun { givenNouns.append(t[0].text); continue }
                table[t[0].text, default: 0] |= flag
                if isGeneric { genericHeads.insert(wordKey(t[0].text)) }
            }
        }
        self.genericHeads = genericHeads
        self.ranks = ranks
        // An ambiguous given name is not an unambiguous one.
        for (w, v) in table where v & NameFlag.ambiguousGiven != 0 { table[w] = v & ~NameFlag.given }
        for w in givenWords where (table[w] ?? 0) & NameFlag.given == 0 {
            problems.append("names: given-word \(w) is no sure given name (list given)")
        }
        for w in givenNouns where (table[w] ?? 0) & (NameFlag.given | NameFlag.ambiguousGiven) == 0 {
            problems.append("names: given-noun \(w) is no given name (lists given, given?)")
        }
        self.givenWords = Set(givenWords.map(wordKey))
        self.givenNouns = Set(givenNouns.map(wordKey))
        flags = HashMap64(table.map { (wordKey($0.key), $0.value) })
        self.analyzer = analyzer
        self.problems = problems
    }

    /// Is `word` (normalized; its first `strip` bytes a proclitic) a generic org head?
    func isGenericHead(_ word: String, strip: Int) -> Bool {
        Self.strippedKey(word, strip: strip).map(genericHeads.contains) ?? false
    }

    /// What the finder knows of one token: lexical fields, a function of the word alone (read
    /// once per thread and word, `readWords`), then contextual ones set by `find`. Packed into 16
    /// bytes: the lexical fields but `flags` in one 64-bit word (`lexical`), which `WordMemo`
    /// keeps as it is, so a memo hit is two loads and two stores.
    struct Word {
        /// lastLetter 0–15, shape 16–27, letters 28–35, strip 36–43, aliasReadings 44–51, the
        /// nine lexical flags 52–60.
        var lexical: UInt64 = 0
        var flags: UInt16 = 0        // of the word as written, else of its reading minus proclitics
        var context: UInt8 = 0       // the five contextual flags

        @inline(__always) private func field(_ shift: UInt64, _ width: UInt64) -> UInt64 {
            (lexical >> shift) & ((1 << width) - 1)
        }
        @inline(__always) private mutating func setField(_ shift: UInt64, _ width: UInt64, _ v: UInt64) {
            let mask: UInt64 = ((1 << width) - 1) << shift
            lexical = (lexical & ~mask) | ((v << shift) & mask)
        }
        @inline(__always) private func bit(_ n: UInt64) -> Bool { lexical & (1 << n) != 0 }
        @inline(__always) private mutating func setBit(_ n: UInt64, _ b: Bool) {
            lexical = b ? lexical | (1 << n) : lexical & ~(1 << n)
        }
        @inline(__always) private func ctx(_ n: UInt8) -> Bool { context & (1 << n) != 0 }
        @inline(__always) private mutating func setCtx(_ n: UInt8, _ b: Bool) {
            context = b ? context | (1 << n) : context & ~(1 << n)
        }

        // lexical
        /// Its last two bytes.
        var lastLetter: UInt16 { get { UInt16(truncatingIfNeeded: field(0, 16)) } set { setField(0, 16, UInt64(newValue)) } }
        /// `Shape` bits (12 at most).
        var shape: UInt16 {
            get { UInt16(truncatingIfNeeded: field(16, 12)) }
            set { precondition(newValue < 1 << 12, "NameFinder.Word: Shape has outgrown 12 bits"); setField(16, 12, UInt64(newValue)) }
        }
        /// Letters, counted up to 255 (the rules test small counts).
        var letters: Int16 {
            get { Int16(field(28, 8)) }
            set { setField(28, 8, UInt64(min(max(Int(newValue), 0), 255))) }
        }
        /// Proclitic bytes left out by the reading that gave `flags`.
        var strip: Int8 { get { Int8(truncatingIfNeeded: field(36, 8)) } set { setField(36, 8, UInt64(UInt8(bitPattern: newValue))) } }
        /// For the gazetteer matcher: which readings of the word are the first word of some
        /// alias (`Matcher.Readings`), or, for a word the matcher reads the general way (longer
        /// than 15 bytes), `Matcher.Readings.general` when one of its readings may be (else 0).
        var aliasReadings: UInt8 { get { UInt8(truncatingIfNeeded: field(44, 8)) } set { setField(44, 8, UInt64(newValue)) } }
        /// ال… (after proclitics), or a fused لل…
        var definite: Bool { get { bit(52) } set { setBit(52, newValue) } }
        /// Starts with ي ت ن.
        var imperfect: Bool { get { bit(53) } set { setBit(53, newValue) } }
        var digitOrLatin: Bool { get { bit(54) } set { setBit(54, newValue) } }
        /// Starts with ب or ل (as written).
        var preposition: Bool { get { bit(55) } set { setBit(55, newValue) } }
        /// سي… ست… سن…
        var future: Bool { get { bit(56) } set { setBit(56, newValue) } }
        /// Read as ف + ال… (فاليري could be a name).
        var faAl: Bool { get { bit(57) } set { setBit(57, newValue) } }
        /// Starts with و (as written, more than three letters).
        var conjunction: Bool { get { bit(58) } set { setBit(58, newValue) } }
        /// و / ف + ي ت ن …
        var conjImperfect: Bool { get { bit(59) } set { setBit(59, newValue) } }
        /// An analyzer stopword (as written).
        var stopword: Bool { get { bit(60) } set { setBit(60, newValue) } }

        // contextual
        /// Inside a gazetteer mention.
        var covered: Bool { get { ctx(0) } set { setCtx(0, newValue) } }
        /// The first token of a definite nisba mention.
        var nisba: Bool { get { ctx(1) } set { setCtx(1, newValue) } }
        /// Punctuation between this token and the previous one.
        var breakBefore: Bool { get { ctx(2) } set { setCtx(2, newValue) } }
        /// Right after a gazetteer person's mention.
        var afterPerson: Bool { get { ctx(3) } set { setCtx(3, newValue) } }
        /// Inside a gazetteer person, organization or outlet.
        var coveredBody: Bool { get { ctx(4) } set { setCtx(4, newValue) } }
        /// Written و + bare ا or و (وارنر، واتسون، وولف), without a pronoun at its end: after a
        /// foreign given name, a surname rather than و + a word (`nameEnd`).
        var wawSurname: Bool { get { ctx(5) } set { setCtx(5, newValue) } }
    }

    /// What the rules test of a word's spelling (`Word.shape`), read once per word.
    struct Shape {
        static let surname: UInt16 = 1        // `surnameShaped`
        static let family: UInt16 = 2         // `familyShaped`
        static let startsWithWaw: UInt16 = 4  // و…
        static let waw: UInt16 = 8            // the word و
        static let with: UInt16 = 16          // مع
        static let closesName: UInt16 = 32    // words that end a subject after a reporting verb (قال المالكي إن …، أشار السقاف إلى …)
        static let verb: UInt16 = 64          // كان كانت قد لم لن لا هو (`verbLike`)
        static let nameHead: UInt16 = 128     // عبد ابو
        static let link: UInt16 = 256         // بن ابن فان
        static let every: UInt16 = 512        // كل وكل لكل
        static let min: UInt16 = 1024         // من

        /// The listed words' bits, by word key (comparing Arabic strings with `==` checks
        /// normalization scalar by scalar: far slower than a key).
        static let listed: HashMap64 = {
            var pairs: [(UInt64, UInt16)] = []
            func add(_ words: [String], _ bit: UInt16) { for w in words { pairs.append((wordKey(w), bit)) } }
            add(["و"], waw)
            add(["مع"], with)
            add(["ان", "انه", "انها", "الي", "في", "بان", "لـ"], closesName)
            add(["كان", "كانت", "قد", "لم", "لن", "لا", "هو"], verb)
            add(["عبد", "ابو"], nameHead)
            add(["بن", "ابن", "فان"], link)
            add(["كل", "وكل", "لكل"], every)
            add(["من"], min)
            return HashMap64(pairs)
        }()

        /// The bits of the word `p[0..<m]` (key `key`).
        static func of(_ p: UnsafePointer<UInt8>, _ m: Int, _ key: UInt64) -> UInt16 {
            var s = listed.value(key)
            if NameFinder.surnameShaped(p, m) { s |= surname }
            if NameFinder.familyShaped(p, m) { s |= family }
            if m >= 2 && p[0] == 0xD9 && p[1] == 0x88 { s |= startsWithWaw }
            return s
        }
    }

    /// Names in `tokens` of `text` outside the gazetteer mentions `known`, in order, each with its
    /// `key` (its words' keys combined). `keys`: the tokens' `WordKey`s (`Analysis.keys`), aligned
    /// 1:1 — the word as written is looked up by its key, never re-read.
    /// `index`: the gazetteer's alias index (for the words' `aliasReadings`, shared with the
    /// matcher); `learned`: surnames learned from the corpus, whose bare occurrences are found
    /// too; `evidence`: given the words as read and the names the rules found, to learn names from.
    func find(_ tokens: [Token], _ keys: [UInt64], _ bytes: TextBytes, known: [ResolvedMention], index: AliasIndex,
              learned: LearnedNames? = nil, evidence: ((_ words: [Word], _ found: [FoundName]) -> Void)? = nil) -> [FoundName] {
        let n = tokens.count
        if n == 0 { return [] }
        precondition(keys.count == n, "NameFinder.find: one key per token")
        // The words' lexical fields, read once per thread and word (`lexicon`), then the gap
        // before each token (punctuation?).
        var words = TaggingMemo.current.lexicon(tokens, keys, self, index, take: true)
        var any = false
        tokens.withUnsafeBufferPointer { buf in
            words.withUnsafeMutableBufferPointer { out in
                var prevEnd = buf[0].end
                if out[0].flags != 0 { any = true; Self.hamzaBelowGiven(&out[0], buf[0], bytes) }
                for i in 1..<n {
                    let start = buf[i].start
                    var b = prevEnd
                    while b < start {
                        let c = bytes[b]
                        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { b += 1; continue }
                        if c == 0xC2 && b + 1 < start && bytes[b + 1] == 0xA0 { b += 2; continue }
                        if c == 0xE2 && b + 2 < start && bytes[b + 1] == 0x80 && bytes[b + 2] >= 0x8B && bytes[b + 2] <= 0x8F { b += 3; continue }
                        out[i].breakBefore = true
                        break
                    }
                    prevEnd = buf[i].end
                    if out[i].flags != 0 { any = true; Self.hamzaBelowGiven(&out[i], buf[i], bytes) }
                    if out[i].conjunction { out[i].wawSurname = Self.wawSurname(buf[i], bytes) }
                }
            }
        }
        // fields read in place: copying a mention retains and releases its strings
        for j in known.indices {
            let first = known[j].firstToken, end = first + known[j].tokenCount
            let type = known[j].mention.type
            for k in first..<min(n, end) { words[k].covered = true }
            if known[j].mention.form == .nisba && first < n { words[first].nisba = true }
            if type == .person && end < n { words[end].afterPerson = true }
            if type == .person || type == .organization || type == .outlet {
                for k in first..<min(n, end) { words[k].coveredBody = true }
            }
        }
        var found: [FoundName] = []
        // Nothing to start a name: a nisba mention is the only cue left.
        if any || words.contains(where: { $0.nisba }) { found = scan(tokens, keys, &words, bytes) }
        // ب / ل + a verbal noun is no first name (النظام السوري باستخدام غاز، المرشح لامتلاك استاد)
        found.removeAll { $0.type == .person && !isGiven(words[$0.first]) && Self.prepositionAndVerbalNoun(tokens[$0.first].text) }
        // بن / بنت alone names no one: what should follow it is no name's (محمد بن أبي إن …)
        found.removeAll { $0.type == .person && $0.count == 1 && Self.isLineageLink(keys[$0.first]) }
        // a word written with tanween (ً ٌ ٍ) is an indefinite noun or adjective, no name's: a
        // name ends before it (معاذ حرقاً، نادرٌ القوى، دعاءً رمضانياً)
        for k in found.indices.reversed() {
            let f = found[k]
            guard let cut = (f.first..<(f.first + f.count)).first(where: { Self.hasTanween(tokens[$0], bytes) }) else { continue }
            if cut == f.first { found.remove(at: k) } else { found[k].count = cut - f.first }
        }
        // a given name that is also an adjective or a verb, alone, is that word where the
        // sentence reads it so (ظبي نادر، تجربة فريدة، أشرف على)
        for k in found.indices.reversed() where found[k].type == .person && found[k].count == 1
            && readsAsWord(tokens, keys, words, bytes, found[k].first, found) {
            found.remove(at: k)
        }
        // بن / بنت and a name right after a found name go on with it: the name finder reads a
        // lineage only so far (تركي بن محمد بن فهد + بن عبدالعزيز), a given name alone (الإمام
        // زهير + بن أبي سلمى), or a body's head and the first name of the person it is named
        // after (مدرسة حسان + بن ثابت; not a longer body's name, which ends before a person:
        // جمعية الثقافة والفنون بجدة عمر + بن محمد)
        for k in found.indices.dropFirst().reversed() {
            let f = found[k], i = f.first
            guard f.type == .person, f.count >= 2, !words[i].breakBefore, Self.isLineageLink(keys[i]) else { continue }
            let p = found[k - 1]
            guard p.first + p.count == i, !p.group, p.type == .person || p.type == .organization && p.count == 2 else { continue }
            found[k - 1].count += f.count
            found[k - 1].givenOnly = false
            found[k - 1].weak = p.weak && f.weak
            found.remove(at: k)
        }
        // بن / بنت right after a person the gazetteer names carries on that person's lineage (الملك
        // عبد الله الثاني بن الحسين، الملك سلمان بن عبدالعزيز), and so does آل with the family's
        // name (… بن عبدالعزيز آل سعود): no second person
        for k in found.indices where found[k].type == .person {
            let i = found[k].first
            if words[i].breakBefore { continue }
            if words[i].afterPerson && Self.isLineageLink(keys[i]) {
                found[k].lineage = true
            } else if i > 1 && keys[i - 1] == Self.familyKey && !words[i - 1].breakBefore
                        && (words[i - 1].afterPerson || k > 0 && found[k - 1].lineage && found[k - 1].first + found[k - 1].count == i - 1) {
                found[k].lineage = true
            }
        }
        // بن / بنت and the father's name right after a word no list knows is that word's person:
        // a given name the lists lack (مطلق بن حمد المريشد، رميح بن …), where the rules found the
        // lineage alone. Not after a verb (imperfect), a stopword, a definite word or a name found.
        for k in found.indices where found[k].type == .person && !found[k].lineage && found[k].count >= 2 {
            let i = found[k].first, h = i - 1
            guard h >= 0, Self.isLineageLink(keys[i]), !words[i].breakBefore, !(k > 0 && found[k - 1].first + found[k - 1].count > h) else { continue }
            let x = words[h]
            guard !x.covered, !x.definite, !x.stopword, !x.digitOrLatin, !x.imperfect, x.letters >= 3,
                  x.flags == 0 || x.flags & (NameFlag.ambiguousGiven | NameFlag.notName) == NameFlag.ambiguousGiven else { continue }
            found[k].first = h
            found[k].count += 1
            found[k].strip = x.strip
            found[k].weak = false
        }
        // و before a name no list knows, right after a whole name (a gazetteer person's, or one
        // found of two words or more that is no given name alone): the conjunction of a list, no
        // letter of the name (أليكسيس سانشيز وروميلو لوكاكو، كريم بنزيمة وإيسكو، ترامب ومون). After
        // a given name alone it is the surname's own (آشلي وليامز), and so is و before a bare ا or
        // و (نيك باتون وولش; وادي is a valley).
        for k in found.indices where found[k].type == .person && found[k].strip == 0 {
            let i = found[k].first
            guard i > 0, words[i].conjunction, !words[i].wawSurname, words[i].strip == 0, words[i].flags == 0, !words[i].breakBefore,
                  words[i].afterPerson || k > 0 && found[k - 1].type == .person && found[k - 1].first + found[k - 1].count == i
                    && found[k - 1].count >= 2 && !found[k - 1].givenOnly && !found[k - 1].weak else { continue }
            found[k].strip = 2
            words[i].strip = 2
        }
        evidence?(words, found)
        for k in found.indices {
            let f = found[k]
            var h = readingKey(tokens, keys, words, f.first)
            for j in (f.first + 1)..<(f.first + f.count) { h = appendTermKey(h, keys[j]) }
            found[k].key = h
            found[k].lastKey = readingKey(tokens, keys, words, f.first + f.count - 1)
            if f.type == .person && f.count == 1 && isGiven(words[f.first]) { found[k].givenOnly = true }
            // a compound given name alone (عبد الرحمن، صلاح الدين) or a father's given name without
            // the person's own (بن حمد): as vague as a given name, thousands of people share it.
            // (بن before a surname is a surname, بن دغر، بن شرقي, or the given name Ben, بن ديفيز.)
            if f.type == .person && f.count == 2
                && (found[k].key == appendTermKey(Self.abdKey, keys[f.first + 1]) || keys[f.first + 1] == Self.dinKey
                    || (words[f.first].shape & Shape.link != 0 && isGiven(words[f.first + 1]))) {
                found[k].givenOnly = true
            }
        }
        learned?.findBare(tokens, keys, words, &found)
        return found
    }

    /// Does the given name at `i`, found alone, read as the adjective or verb it also is (the
    /// data's `given-word` list)? As an adjective right after an indefinite noun it qualifies
    /// (ظبي نادر، تجربة فريدة، أداء ممتاز): a word no list knows, without ال, not part of a found
    /// name, no imperfect verb (a word in ة is a noun: تجربة), and not a noun in ة before a
    /// masculine name, which is the construct state (عائلة نادر, Nader's family). As a verb right
    /// before على or على + a pronoun (أشرف على تدريبهم، حافظ عليها): على as the text writes it,
    /// with final ى (علي is the name Ali).
    private func readsAsWord(_ tokens: [Token], _ keys: [UInt64], _ words: [Word], _ bytes: TextBytes,
                             _ i: Int, _ found: [FoundName]) -> Bool {
        let w = words[i]
        guard givenWords.contains(w.strip == 0 ? keys[i] : Self.bareKey(tokens[i], w)) else { return false }
        if i + 1 < tokens.count && !words[i + 1].breakBefore
            && (Self.isPrepositionAla(tokens[i + 1], bytes) || Self.alaPronounKeys.contains(keys[i + 1])) { return true }
        let h = i - 1
        guard w.strip == 0, h >= 0, !w.breakBefore else { return false }
        let x = words[h]
        let nounInTa = x.lastLetter == 0xD987
        guard !x.definite, !x.covered, !x.stopword, !x.digitOrLatin, x.flags == 0, !x.imperfect || nounInTa, x.letters >= 2,
              !(nounInTa && w.lastLetter != 0xD987) else { return false }
        return !found.contains { $0.first <= h && h < $0.first + $0.count }
    }

    /// Is word `w` (token `t`), read without its proclitics, a given name that is also an
    /// adjective or a verb (the data's `given-word` list)?
    func isGivenWord(_ t: Token, _ w: Word) -> Bool { givenWords.contains(Self.bareKey(t, w)) }

    /// Keys of على with a pronoun: عليه، عليها، عليهم، عليهما، عليهن.
    private static let alaPronounKeys: Set<UInt64> = Set(["عليه", "عليها", "عليهم", "عليهما", "عليهن"].map {
        wordKey(ArabicNormalizer.normalize($0))
    })

    /// Is the word ب or ل + a verbal noun of the derived forms: است… (استخدام), ا?ت… (امتلاك،
    /// اجتماع), ان… (انسحاب), or اC Cا C… (إطلاق، إنهاء)? Foreign names after ب / ل read
    /// otherwise (باولو، لافروف، لاري).
    static func prepositionAndVerbalNoun(_ word: String) -> Bool {
        withUTF8Copy(word) { prepositionAndVerbalNoun($0, $1) }
    }

    /// The same of the UTF-8 `p[0..<m]`, read by scalars: ب or ل, ا, and a noun of five letters
    /// or more after the preposition whose third is ت (است…، اCت…), second ن or fourth ا.
    static func prepositionAndVerbalNoun(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        var s: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
        var count = 0, i = 0
        let t = TextBytes(p: p, n: m)
        while i < m {
            let (v, len) = decode(t, i)
            switch count {
            case 0: s.0 = v
            case 1: s.1 = v
            case 2: s.2 = v
            case 3: s.3 = v
            case 4: s.4 = v
            default: break
            }
            count += 1
            i += len
        }
        guard count >= 6, s.0 == 0x0628 || s.0 == 0x0644, s.1 == 0x0627 else { return false }
        return s.3 == 0x062A || s.2 == 0x0646 || s.4 == 0x0627
    }

    /// Does token `t` end with a tanween (U+064B–U+064D: D9 8B–D9 8D) in the text: on its last
    /// letter (نادرٌ، دعاءً) or around a final ا (حرقاً، حرقًا)? A mark inside a word is a typing
    /// slip (الإٍسلامية), not the ending of an indefinite word.
    static func hasTanween(_ t: Token, _ bytes: TextBytes) -> Bool {
        var e = t.end, alef = false
        while e - 2 >= t.start {
            let a = bytes[e - 2], b = bytes[e - 1]
            if a == 0xD9 && b >= 0x8B && b <= 0x8D { return true }
            if a == 0xD9 && b >= 0x8E && b <= 0x92 { e -= 2; continue }            // another mark
            if a == 0xD8 && b == 0xA7 && !alef { alef = true; e -= 2; continue }    // ا
            return false
        }
        return false
    }

    /// A given name written with إل, أل or آل (إلياس، إليسا، ألكسندر) is no ال + …: the article's
    /// alif carries no hamza, but normalization makes إلياس الياس, the spelling of اليأس (despair).
    /// Read from the text's bytes, only for a word the given-name lists know that reads as definite.
    @inline(__always) static func hamzaBelowGiven(_ w: inout Word, _ t: Token, _ bytes: TextBytes) {
        guard w.definite && w.strip == 0 && w.flags & (NameFlag.given | NameFlag.ambiguousGiven) != 0 else { return }
        let alif = bytes.letter(at: t.start)   // إ أ آ, then ل
        if (alif == 0xD8A5 || alif == 0xD8A3 || alif == 0xD8A2) && bytes.letter(at: t.start + 2) == 0xD984 {
            w.definite = false
        }
    }

    /// The key of token `i`'s reading that gave its flags: the word minus `strip` proclitic bytes
    /// (only found names need it: read here, not kept per word).
    func readingKey(_ tokens: [Token], _ keys: [UInt64], _ words: [Word], _ i: Int) -> UInt64 {
        let strip = Int(words[i].strip)
        if strip == 0 { return keys[i] }
        return Self.strippedKey(tokens[i].text, strip: strip) ?? keys[i]
    }

    /// The key of `text` without its first `strip` bytes (proclitics read off); nil when nothing
    /// is left.
    static func strippedKey(_ text: String, strip: Int) -> UInt64? {
        withUTF8Copy(text) { p, n in strip < n ? wordKey(p + strip, n - strip) : nil }
    }

    /// Each token's lexical fields (a `Word` whose contextual fields are unset), through this
    /// thread's `WordMemo`: read from the word the first time, copied after. `index`: the
    /// gazetteer's, for `Word.aliasReadings`.
    func readWords(_ tokens: [Token], _ keys: [UInt64], _ index: AliasIndex,
                   _ memo: UnsafeMutablePointer<WordMemo.Entry>) -> [Word] {
        let n = tokens.count
        precondition(keys.count == n, "NameFinder.readWords: one key per token")
        let table = flags
        return tokens.withUnsafeBufferPointer { buf in keys.withUnsafeBufferPointer { kb in
            [Word](unsafeUninitializedCapacity: n) { out, count in
                // First every token's entry copied, hit or not, with no branch on the outcome: the
                // loads are independent, so their cache misses overlap. The tokens whose entry
                // held another word are listed, then read.
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { missed in
                    var m = 0
                    for i in 0..<n {
                        let k = kb[i]
                        let entry = (memo + WordMemo.slot(k)).pointee
                        (out.baseAddress! + i).initialize(to: entry.word)
                        missed[m] = Int32(truncatingIfNeeded: i)
                        m &+= entry.holds(k) ? 0 : 1
                    }
                    count = n
                    let reader = WordBits.TokenReader(buf)
                    for j in 0..<m {
                        let i = Int(missed[j])
                        let k = kb[i]
                        var w = Word()
                        let wholeFlags = table.value(k)
                        let packed = reader.packed(i)
                        if let pw = packed {
                            if !pw.hasASCII {
                                // the usual case: an Arabic word in two registers, read there
                                readPacked(pw, wholeFlags, &w)
                            }
                            withUnsafeBytes(of: (pw.lo, pw.hi)) { raw in
                                let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                                if pw.hasASCII { read(p, pw.count, wholeFlags, &w, packed: pw) }
                                w.shape = Shape.of(p, pw.count, k)
                            }
                        } else {
                            withUTF8Copy(buf[i].text) { p, m in
                                read(p, m, wholeFlags, &w, packed: nil)
                                w.shape = Shape.of(p, m, k)
                            }
                        }
                        w.stopword = analyzer.isStopword(buf[i].text)
                        w.aliasReadings = packed.map { Matcher.Readings.starts($0, index) }
                            ?? Matcher.Readings.startsLong(buf[i].text, index)
                        (memo + WordMemo.slot(k)).pointee = WordMemo.Entry(key: k, word: w)
                        out[i] = w
                    }
                }
            }
        } }
    }

    /// `read` for a packed word of Arabic letters only (no ASCII byte): the same fields, read
    /// from the word's bits in registers (every byte tested lies in its first eight, but the last
    /// letter), the proclitic readings keyed by shifting the bits.
    /// `wholeFlags`: the table's flags of the word as written.
    @inline(__always) private func readPacked(_ pw: PackedWord, _ wholeFlags: UInt16, _ w: inout Word) {
        let lo = pw.lo, m = pw.count
        // bytes k, k+1 as a little-endian pair (k ≤ 6): ي is D9 8A → 0x8AD9
        @inline(__always) func pair(_ k: Int) -> UInt16 { UInt16(truncatingIfNeeded: lo >> UInt64(8 * k)) }
        // ال (D8 A7 D9 84) at byte o (o ≤ 4)
        @inline(__always) func isAl(_ o: Int) -> Bool {
            o + 4 <= m && UInt32(truncatingIfNeeded: lo >> UInt64(8 * o)) == 0x84D9_A7D8
        }
        let givenAny = NameFlag.given | NameFlag.ambiguousGiven
        w.letters = Int16(m / 2)
        w.digitOrLatin = false
        var f = wholeFlags
        var strip = 0
        let p0 = pair(0)
        // proclitic readings: minus و/ف, then minus ب/ل/ك
        let o = m > 6 && (p0 == 0x88D9 || p0 == 0x81D9) ? 2 : 0
        if f == 0 && o > 0 {
            let g = flags.value(pw.dropFirst(o).key)
            if g != 0 { f = g; strip = o }
        }
        // ف + ال… only when the word as written is no given name (فاليري، فالح)
        var definite = isAl(0) || (isAl(o) && f & givenAny == 0)
        let po = pair(o)
        if m - o > 6 && (po == 0xA8D8 || po == 0x84D9 || po == 0x83D9) {
            let o2 = o + 2
            if isAl(o2) && f & givenAny == 0 { definite = true }
            if f == 0 {
                let g = flags.value(pw.dropFirst(o2).key)
                if g != 0 { f = g; strip = o2 }
            }
            // fused لل: للرئيس is ل + الرئيس
            if po == 0x84D9 && pair(o2) == 0x84D9 && m - o2 > 4 {
                definite = true
                if f == 0 {
                    let g = flags.value(pw.dropFirst(o2 + 2).prefixedWithAl().key)
                    if g != 0 { f = g; strip = o }
                }
            }
        }
        // a given name is read as written or minus و/ف only (بشير is no ب + شير)
        if strip > o { f &= ~givenAny }
        w.faAl = !isAl(0) && o > 0 && p0 == 0x81D9 && isAl(o) && f == 0
        w.conjunction = o > 0 && p0 == 0x88D9
        // و / ف + an imperfect verb (وتعني، ويقول)
        if o > 0 && strip == 0 && m - o >= 4 && (po == 0x8AD9 || po == 0x86D9 || po == 0xAAD8) {
            w.conjImperfect = true
        }
        w.flags = f
        w.strip = Int8(strip)
        let p2 = pair(2)
        // ب / ل + a consonant: a preposition before a noun; ب / ل + ا و ي is as often a name
        w.preposition = strip == 0 && m > 6 && (p0 == 0xA8D8 || p0 == 0x84D9)
            && !(p2 == 0xA7D8 || p2 == 0x88D9 || p2 == 0x8AD9)
        // س + imperfect prefix: a future verb (سيشارك)
        w.future = m > 6 && p0 == 0xB3D8 && (p2 == 0x8AD9 || p2 == 0x86D9 || p2 == 0xAAD8)
        w.lastLetter = m >= 2 ? UInt16(pw[m - 2]) << 8 | UInt16(pw[m - 1]) : 0
        w.definite = definite
        let ps = pair(strip)
        w.imperfect = m - strip >= 2 && (ps == 0x8AD9 || ps == 0x86D9 || ps == 0xAAD8)
    }

    /// Fills the lexical fields of `w` from the normalized word `p[0..<m]`.
    private func read(_ p: UnsafePointer<UInt8>, _ m: Int, _ wholeFlags: UInt16, _ w: inout Word, packed: PackedWord?) {
        if let pw = packed, !pw.hasASCII {
            // normalized Arabic: every letter is two bytes
            w.letters = Int16(clamping: m / 2)
            w.digitOrLatin = false
        } else {
            countLetters(p, m, &w)
        }
        readFlags(p, m, wholeFlags, &w, packed: packed)
    }

    private func countLetters(_ p: UnsafePointer<UInt8>, _ m: Int, _ w: inout Word) {
        var letters = 0, digitOrLatin = false
        var k = 0
        while k < m {
            let c = p[k]
            if c < 0x80 {
                if (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { digitOrLatin = true }
                k += 1
            } else if c >= 0xF0 { k += 4 } else if c >= 0xE0 { k += 3 } else { k += 2 }
            letters += 1
        }
        w.letters = Int16(clamping: letters)
        w.digitOrLatin = digitOrLatin
    }

    /// `wholeFlags`: the flags of `p[0..<m]` as written.
    private func readFlags(_ p: UnsafePointer<UInt8>, _ m: Int, _ wholeFlags: UInt16, _ w: inout Word, packed: PackedWord?) {
        @inline(__always) func isAl(_ o: Int) -> Bool {
            o + 4 <= m && spellsAl(p + o)
        }
        @inline(__always) func key(_ o: Int) -> UInt64 {
            if let pw = packed, o < 8 { return pw.dropFirst(o).key }
            return wordKey(p + o, m - o)
        }
        var f = wholeFlags
        var strip = 0
        // proclitic readings: minus و/ف, then minus ب/ل/ك
        var o = 0
        if m > 6 && p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81) { o = 2 }
        if f == 0 && o > 0 {
            let g = flags.value(key(o))
            if g != 0 { f = g; strip = o }
        }
        // ف + ال… only when the word as written is no given name (فاليري، فالح)
        var definite = isAl(0) || (isAl(o) && f & (NameFlag.given | NameFlag.ambiguousGiven) == 0)
        if m - o > 6 && ((p[o] == 0xD8 && p[o + 1] == 0xA8) || (p[o] == 0xD9 && (p[o + 1] == 0x84 || p[o + 1] == 0x83))) {
            let o2 = o + 2
            if isAl(o2) && f & (NameFlag.given | NameFlag.ambiguousGiven) == 0 { definite = true }
            if f == 0 {
                let g = flags.value(key(o2))
                if g != 0 { f = g; strip = o2 }
            }
            // fused لل: للرئيس is ل + الرئيس
            if p[o] == 0xD9 && p[o + 1] == 0x84 && p[o2] == 0xD9 && p[o2 + 1] == 0x84 && m - o2 > 4 {
                definite = true
                if f == 0 {
                    // ال + the word after لل (m ≤ 15 and o2 + 2 ≥ 4 when packed: at most 11 bytes)
                    let key = packed.map { $0.dropFirst(o2 + 2).prefixedWithAl().key } ?? Self.fusedLamKey(p, o2, m)
                    let g = flags.value(key)
                    if g != 0 { f = g; strip = o }
                }
            }
        }
        // a given name is read as written or minus و/ف only (بشير is no ب + شير)
        if strip > o { f &= ~(NameFlag.given | NameFlag.ambiguousGiven) }
        w.faAl = !isAl(0) && o > 0 && p[1] == 0x81 && isAl(o) && f == 0
        w.conjunction = o > 0 && p[1] == 0x88
        // و / ف + an imperfect verb (وتعني، ويقول)
        if o > 0 && strip == 0 && m - o >= 4 && ((p[o] == 0xD9 && (p[o + 1] == 0x8A || p[o + 1] == 0x86)) || (p[o] == 0xD8 && p[o + 1] == 0xAA)) {
            w.conjImperfect = true
        }
        w.flags = f
        w.strip = Int8(strip)
        // ب / ل + a consonant: a preposition before a noun (بشبهة، لتسميم); ب / ل + ا و ي is as
        // often a name (بوش، لافروف، ليونيل)
        w.preposition = strip == 0 && m > 6 && ((p[0] == 0xD8 && p[0 + 1] == 0xA8) || (p[0] == 0xD9 && p[1] == 0x84))
            && !((p[2] == 0xD8 && p[3] == 0xA7) || (p[2] == 0xD9 && (p[3] == 0x88 || p[3] == 0x8A)))
        // س + imperfect prefix: a future verb (سيشارك)
        w.future = m > 6 && p[0] == 0xD8 && p[1] == 0xB3 && ((p[2] == 0xD9 && (p[3] == 0x8A || p[3] == 0x86)) || (p[2] == 0xD8 && p[3] == 0xAA))
        w.lastLetter = m >= 2 ? UInt16(p[m - 2]) << 8 | UInt16(p[m - 1]) : 0
        w.definite = definite
        let s = strip
        w.imperfect = m - s >= 2 && ((p[s] == 0xD9 && (p[s + 1] == 0x8A || p[s + 1] == 0x86)) || (p[s] == 0xD8 && p[s + 1] == 0xAA))
    }

    /// Key of "ا" + `p[o2..<m]` (لل… read as ل + ال…), for a word too long to be packed (kept out
    /// of line: its stack buffer would cost every call of `readFlags` a stack-protector check).
    @inline(never) private static func fusedLamKey(_ p: UnsafePointer<UInt8>, _ o2: Int, _ m: Int) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: m + 4) { buf -> UInt64 in
            let q = buf.baseAddress!
            q[0] = 0xD8; q[1] = 0xA7
            for i in o2..<m { q[i - o2 + 2] = p[i] }
            return wordKey(q, m - o2 + 2)
        }
    }

    /// Can a word that is no given name be a name on its own (a surname after a title)? Not when it
    /// ends like an adjective, an accusative or a feminine noun (ـي، ـا، ـة: عربي، محببا، مالية)
    /// or a nisba plural (ـيين، ـيون: عراقيين).
    fileprivate static func surnameShaped(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard m >= 6 else { return true }
        let u = p + (m - 6)
        let last = (u[4], u[5])
        if last == (0xD9, 0x8A) || last == (0xD8, 0xA7) || last == (0xD9, 0x87) { return false }   // ي ا ه
        // يين يون: a nisba plural
        if last == (0xD9, 0x86) && u[0] == 0xD9 && u[1] == 0x8A && u[2] == 0xD9 && (u[3] == 0x8A || u[3] == 0x88) {
            return false
        }
        return true
    }

    /// Can a word that is no given name start a person's name? Not a preposition + noun (بضرورة،
    /// لحضور), an accusative (وسيطا) or a feminine noun (متحدثة، جميلة).
    private func canStart(_ w: Word) -> Bool {
        if isGiven(w) { return true }
        if w.preposition { return false }
        return w.lastLetter != 0xD8A7 && w.lastLetter != 0xD987
    }

    /// Can a definite word be a family name (المالكي، السقاف)? Not a feminine noun or a plural
    /// (الصحيفة، التوصيات، المسؤولون، المسلمين).
    fileprivate static func familyShaped(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard m >= 4 else { return false }
        let u = p + (m - 4)
        if u[2] == 0xD9 && u[3] == 0x87 { return false }                                   // ـة
        if u[2] == 0xD9 && u[3] == 0x86 && u[0] == 0xD9 && (u[1] == 0x8A || u[1] == 0x88) { return false }  // ـين ـون
        if u[2] == 0xD8 && u[3] == 0xAA && u[0] == 0xD8 && u[1] == 0xA7 { return false }   // ـات
        return true
    }

    /// Does word `w` read as a verb after a subject (يقول، سينتقل، كان، قد …)?
    private func verbLike(_ w: Word) -> Bool {
        if w.imperfect || w.future { return !isGiven(w) }
        if w.flags & NameFlag.report != 0 { return true }
        return w.shape & Shape.verb != 0
    }

    /// Is the token على, the preposition, as the text writes it (final ى, after و / ف or not)?
    /// The name علي is written with ي; على + a given name (على مارك …) is no name. Read from the
    /// text's bytes, which keep the letter the normalized word has lost.
    @inline(__always) private static func isPrepositionAla(_ t: Token, _ bytes: TextBytes) -> Bool {
        var a = t.start
        let n = t.end - t.start
        guard t.end <= bytes.n, n == 6 || n == 8 else { return false }
        if n == 8 {
            let conjunction = bytes.letter(at: a)   // و ف
            guard conjunction == 0xD988 || conjunction == 0xD981 else { return false }
            a += 2
        }
        // ع ل ى
        return bytes.letter(at: a) == 0xD8B9 && bytes.letter(at: a + 2) == 0xD984 && bytes.letter(at: a + 4) == 0xD989
    }

    /// Is token `t` (seven letters) ال + a plural of the shape فعالي (التعازي، المباني)?
    static func isFaaliPlural(_ t: Token) -> Bool {
        withUTF8Copy(t.text) { p, m in m == 14 && WordForms.letter(p, m, 8) == WordForms.alef }
    }

    /// Is token `t`, after و / ف if any, a fused لل (ل + ال: للتنس، وللتجارة)? No name word is
    /// written so. (ب / ك + ال are not tested: foreign surnames start so too — بالوتيلي،
    /// كالين، كالانتاري — and Turkish and Iranian ones follow Arabic given names.)
    static func fusedLamAl(_ t: Token) -> Bool {
        withUTF8Copy(t.text) { p, n in
            let first = WordForms.letter(p, n, 0)
            let o = first == WordForms.waw || first == WordForms.fa ? 2 : 0
            return n >= o + 6 && WordForms.letter(p, n, o) == WordForms.lam && WordForms.letter(p, n, o + 2) == WordForms.lam
        }
    }

    /// Does the token start with the two letters `b0 b1`, `b2 b3` (UTF-8) as written? Read only
    /// where a rule needs it: ال after a foreign given name (a surname may read as a proclitic +
    /// ال — بالوتا، والدن — but one in ال is a noun: كيم الحدود), في for a word read as ف + an
    /// imperfect verb.
    static func starts(_ t: Token, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> Bool {
        var u = t.text.utf8.makeIterator()
        return u.next() == b0 && u.next() == b1 && u.next() == b2 && u.next() == b3
    }

    /// After a title, a name whose first word the lexical reading rejects but the text's spelling
    /// or the words around it allow, of two words or more: the end of the name at `j`, or nil.
    ///   - علي, the given name, which normalization spells as the preposition على (a listed common
    ///     word): not when the text writes على (final ى), and only in a text that writes ى at all;
    ///   - a foreign given name that starts like an imperfect verb with a long vowel after its ي
    ///     (يا… يو…: ياري، يوريس), closed after its surname by punctuation, a function word or a verb
    ///     (اللاعب يواصل تدريباته is no name: the word after it is no surname).
    private func titleNameEnd(_ tokens: [Token], _ words: [Word], _ bytes: TextBytes, _ j: Int) -> Int? {
        let w = words[j]
        if w.covered || w.definite || w.digitOrLatin || words[j + 1].breakBefore || !nameLike(tokens, words, j + 1) { return nil }
        if w.flags & NameFlag.ambiguousGiven != 0 && w.flags & NameFlag.notName != 0 && w.strip == 0 {
            guard !Self.isPrepositionAla(tokens[j], bytes) && Self.writesAlifMaqsura(bytes) else { return nil }
            let e = nameEnd(tokens, words, j)
            return e - j >= 2 ? e : nil
        }
        // (not before a given name: then the word is the title's complement, a club: مدافع يونايتد كريس …)
        if w.flags == 0 && w.imperfect && w.letters >= 4 && w.strip == 0 && !w.conjImperfect
            && words[j + 1].flags & NameFlag.given == 0 && Self.yaLongVowel(tokens[j], bytes) {
            let e = nameEnd(tokens, words, j)
            guard e - j >= 2 else { return nil }
            // its surname no accusative, feminine noun or noun with a pronoun (…ا …ة …ه …ت:
            // يواجه خطرا، يواصل تدريباته)
            let last = words[e - 1]
            guard !last.imperfect && last.lastLetter != 0xD8A7 && last.lastLetter != 0xD987 && last.lastLetter != 0xD8AA else { return nil }
            if e < tokens.count && !(words[e].breakBefore || words[e].stopword || verbLike(words[e])
                                 || words[e].flags & NameFlag.notName != 0
                                 || words[e].shape & (Shape.closesName | Shape.waw | Shape.startsWithWaw) != 0) { return nil }
            return e
        }
        return nil
    }

    /// Is there a colon or a quote mark (: " « » “ ”) between token `i` and the one before it?
    private static func colonOrQuoteBefore(_ tokens: [Token], _ i: Int, _ bytes: TextBytes) -> Bool {
        guard i > 0 else { return false }
        var b = tokens[i - 1].end
        let end = min(tokens[i].start, bytes.n)
        while b < end {
            if bytes[b] == 0x3A || quoteMark(bytes, b, end).length > 0 { return true }
            b += 1
        }
        return false
    }

    /// The quotation mark at byte `b` (before `end`), if any: its length in bytes (0: none) and
    /// whether it opens (" « “) or closes (" » ”) a quote; " does both.
    @inline(__always) private static func quoteMark(_ bytes: TextBytes, _ b: Int, _ end: Int) -> (length: Int, opens: Bool, closes: Bool) {
        let c = bytes[b]
        if c == 0x22 { return (1, true, true) }
        if c == 0xC2 && b + 1 < end && (bytes[b + 1] == 0xAB || bytes[b + 1] == 0xBB) {
            return (2, bytes[b + 1] == 0xAB, bytes[b + 1] == 0xBB)
        }
        if c == 0xE2 && b + 2 < end && bytes[b + 1] == 0x80 && (bytes[b + 2] == 0x9C || bytes[b + 2] == 0x9D) {
            return (3, bytes[b + 2] == 0x9C, bytes[b + 2] == 0x9D)
        }
        return (0, false, false)
    }

    /// Does the text write ى anywhere? Only then does علي as written tell the name from the
    /// preposition (many texts write every final ى as ي). Read where a rule needs it (rare).
    private static func writesAlifMaqsura(_ bytes: TextBytes) -> Bool {
        var b = 0
        while b + 1 < bytes.n {
            if bytes[b] == 0xD9 && bytes[b + 1] == 0x89 { return true }
            b += 1
        }
        return false
    }

    /// Does the token end in ت and a pronoun (تها، تهم، تهما، تهن)?
    static func endsWithTaPronoun(_ t: Token) -> Bool {
        var u = t.text.utf8.reversed().makeIterator()
        // the letters from the end, as (second byte, first byte)
        func letter() -> (UInt8?, UInt8?) { (u.next(), u.next()) }
        let alef: (UInt8?, UInt8?) = (0xA7, 0xD8), ha: (UInt8?, UInt8?) = (0x87, 0xD9)
        let mim: (UInt8?, UInt8?) = (0x85, 0xD9), nun: (UInt8?, UInt8?) = (0x86, 0xD9), ta: (UInt8?, UInt8?) = (0xAA, 0xD8)
        var l = letter()
        if l == alef {
            l = letter()                                  // تها or تهما
            if l == mim { l = letter() }
        } else if l == mim || l == nun {
            l = letter()
        } else {
            return false
        }
        return l == ha && letter() == ta
    }

    /// Does the (normalized) token end in ها?
    private static func endsWithHa(_ t: Token) -> Bool {
        var u = t.text.utf8.reversed().makeIterator()
        return u.next() == 0xA7 && u.next() == 0xD8 && u.next() == 0x87 && u.next() == 0xD9
    }

    /// Does the token start with يا or يو as the text writes it (not يأ / يؤ, the hamza of a verb
    /// the normalized word has lost: يأمر، يؤكد)?
    private static func yaLongVowel(_ t: Token, _ bytes: TextBytes) -> Bool {
        guard bytes.letter(at: t.start) == 0xD98A else { return false }   // ي
        let vowel = bytes.letter(at: t.start + 2)   // ا و
        return vowel == 0xD8A7 || vowel == 0xD988
    }

    /// After the given name at `s`, is the next word a surname that a list reads as a title, the
    /// person's role following it (غادة والي وزيرة …، إبراهيم أمين السيد)? Not a title that relates
    /// the person to another or heads a compound title (كيت زوجة الأمير، أحمد نائب رئيس …).
    private func surnameBeforeRole(_ words: [Word], _ s: Int) -> Bool {
        guard isGiven(words[s]), s + 2 < words.count else { return false }
        let x = words[s + 1], y = words[s + 2]
        guard !x.breakBefore && !x.covered && !x.definite && x.strip == 0 && x.letters >= 3 && !x.stopword
            && !x.imperfect && !x.future && x.lastLetter != 0xD8A7 else { return false }
        guard x.flags & NameFlag.title != 0 && x.flags & (NameFlag.relation | NameFlag.complement | NameFlag.notName
            | NameFlag.report | NameFlag.orgHead | NameFlag.orgHeadAl) == 0 else { return false }
        return !y.breakBefore && !y.covered && y.flags & NameFlag.title != 0
    }

    /// Do words `s` and `s + 1` read as two given names that are also common words (جميلة جميل،
    /// عمر شاكر، رابح صقر): both written bare, no stopword or listed non-name, two different words,
    /// the first neither inside a gazetteer name nor right after a word that could be a name's: a
    /// break, a stopword or a listed word that is no given name comes before it (غاريث بيل أمل
    /// يونايتد: بيل ends the name before it).
    private func twoAmbiguousGiven(_ tokens: [Token], _ words: [Word], _ s: Int) -> Bool {
        guard s + 1 < words.count else { return false }
        let w = words[s], x = words[s + 1]
        guard x.flags & NameFlag.ambiguousGiven != 0, x.flags & NameFlag.notName == 0, w.flags & NameFlag.notName == 0,
              w.strip == 0, x.strip == 0, !w.stopword, !x.stopword, !w.covered, !x.covered, !w.definite, !x.definite,
              tokens[s].text != tokens[s + 1].text else { return false }
        if s == 0 || words[s].breakBefore { return true }
        let p = words[s - 1]
        return !isGiven(p) && !p.covered && (p.stopword || p.flags != 0)
    }

    /// Is word `s` a family name with ال that a person's title follows, in apposition (سامي الجابر
    /// رئيس الهلال، أمل الحسن وزيرة …): the given name before it, though also a common word, starts
    /// a name. A family word only (no listed word, no stopword, written without a proclitic).
    private func familyNameBeforeTitle(_ words: [Word], _ s: Int) -> Bool {
        guard s + 1 < words.count else { return false }
        let x = words[s], y = words[s + 1]
        guard x.definite && x.strip == 0 && !x.covered && x.letters >= 5 && x.shape & Shape.family != 0 && !x.stopword,
              x.flags == 0 else { return false }
        // (a title in the construct state, or a relation: رئيس النادي، نجل الرئيس; الطريق الرئيس is
        // "the main road")
        return !y.breakBefore && !y.covered && !y.definite && y.flags & NameFlag.title != 0
            && y.flags & (NameFlag.notName | NameFlag.report) == 0
    }

    /// Does a lone quotation mark (" « “) open before token `j`?
    private static func opensQuote(_ tokens: [Token], _ bytes: TextBytes, _ j: Int) -> Bool {
        var b = tokens[j - 1].end, quotes = 0
        let end = tokens[j].start
        while b < end {
            let c = bytes[b]
            if c == 0x20 || c == 0x09 { b += 1; continue }
            let q = quoteMark(bytes, b, end)
            guard q.opens else { return false }
            quotes += 1
            b += q.length
        }
        return quotes == 1
    }

    /// Does a quotation mark (" » ”) come first between token `e - 1` and token `e`?
    private static func closesQuote(_ tokens: [Token], _ bytes: TextBytes, _ e: Int) -> Bool {
        var b = tokens[e - 1].end
        let end = e < tokens.count ? tokens[e].start : bytes.n
        while b < end && (bytes[b] == 0x20 || bytes[b] == 0x09) { b += 1 }
        guard b < end else { return false }
        return quoteMark(bytes, b, end).closes
    }

    /// The end of a name of one to three words in quotes at `j` (after a title), or nil: its
    /// words name-like (they may start like a verb or end in ـا: the quotes say they are a
    /// name), the quotes closed right after it. A given name, or two words or more after a
    /// definite title (الإمبراطور "…"): after a construct title the quotes more often hold its
    /// complement, an organization (مراسل "…").
    private func quotedNameEnd(_ tokens: [Token], _ words: [Word], _ bytes: TextBytes, _ j: Int, afterDefinite: Bool) -> Int? {
        var e = j
        while e < tokens.count && e - j < 3 && (e == j || !words[e].breakBefore) && nameLike(tokens, words, e, loose: true)
                && !words[e].preposition && !words[e].conjunction { e += 1 }
        guard e > j, Self.closesQuote(tokens, bytes, e) else { return nil }
        guard isGiven(words[j]) || (e - j >= 2 && afterDefinite) else { return nil }
        // its last word a given name or shaped like a surname (not "… مجانية")
        let last = words[e - 1]
        guard isGiven(last) || (last.shape & Shape.surname != 0 && last.lastLetter != 0xD8AA) else { return nil }
        return e
    }

    private func isGiven(_ w: Word) -> Bool { w.flags & (NameFlag.given | NameFlag.ambiguousGiven) != 0 }

    /// Can word `j` be part of a person's name? (`loose`: also a word that starts like an
    /// imperfect verb — نجاد، تريباثي — where the position says it is a subject.)
    private func nameLike(_ tokens: [Token], _ words: [Word], _ j: Int, loose: Bool = false) -> Bool {
        var w = words[j]
        if loose && w.letters >= 4 { w.imperfect = false }
        if w.covered || w.digitOrLatin || w.definite { return false }
        if w.flags & (NameFlag.notName | NameFlag.title | NameFlag.orgHead | NameFlag.orgHeadAl | NameFlag.report) != 0 {
            return false
        }
        if isGiven(w) { return w.letters >= 2 }
        // سي… ست… سن… is a future verb (سيزور، ستبدأ) unless it ends in ـا, as no bare future verb
        // does and foreign names often do (سيلفا، ستيرا) — but not in ـها, a noun with its pronoun
        // (سيطرتها)
        if w.letters < 3 || w.imperfect { return false }
        if w.future && (w.lastLetter != 0xD8A7 || Self.endsWithHa(tokens[j])) { return false }
        // و / ف + an imperfect verb (ويقول، فيكون); but ف + ي … of five letters or more, where a
        // name stands, is as often a foreign name (فيليبو، فيرسلاين) as a verb
        if w.conjImperfect && (w.conjunction || w.letters < 5 || !Self.starts(tokens[j], 0xD9, 0x81, 0xD9, 0x8A)) { return false }
        if w.flags & NameFlag.particle != 0 { return false }
        // a noun whose ة is written ت before a pronoun (منافستها، حكومتهم): no name ends so
        if w.letters >= 5 && Self.endsWithTaPronoun(tokens[j]) { return false }
        return !w.stopword
    }

    /// Can a definite word, as written, be a family name (العتيبي، الفرا)?
    private func familyName(_ x: Word) -> Bool {
        x.definite && x.strip == 0 && !x.covered && x.letters >= 4 && x.shape & Shape.family != 0
            && x.flags & (NameFlag.notName | NameFlag.title | NameFlag.group | NameFlag.orgHeadAl) == 0 && !x.stopword
    }

    /// End (exclusive) of a person's name that starts at `i`.
    private func nameEnd(_ tokens: [Token], _ words: [Word], _ i: Int) -> Int {
        let n = tokens.count
        var j = i + 1
        let arabicGiven = words[i].flags & (NameFlag.given | NameFlag.ambiguousGiven) != 0
        let foreignGiven = words[i].flags & NameFlag.foreign != 0
        // (four words at most, seven in a lineage, after بن / ابن: فهد بن ناصر بن سالم العمري)
        var longest = 4
        while j < n && j - i < longest && !words[j].breakBefore && !words[j].covered {
            let w = words[j]
            if w.flags & NameFlag.particle != 0 && !w.definite {
                if w.shape & Shape.link != 0 { longest = 7 }
                // بن / أبو / عبد … joins the next word; after بن, any given name of the lists, علي
                // too, which elsewhere may be the preposition (حمد بن علي العطية)
                if j + 1 < n && !words[j + 1].breakBefore && !words[j + 1].covered
                    && (nameLike(tokens, words, j + 1) || words[j + 1].definite
                        || w.shape & Shape.link != 0 && isGiven(words[j + 1])) {
                    j += 2
                    continue
                }
                // … and a compound's head with its word: a kunya or an عبد name is a name whatever
                // its word says elsewhere (علي بن أبي طالب: طالب is also "demanded")
                if j + 2 < n && words[j + 1].flags & NameFlag.particle != 0 && Self.compoundHeadKeys.contains(wordKey(tokens[j + 1].text))
                    && !words[j + 1].breakBefore && !words[j + 2].breakBefore && !words[j + 1].covered && !words[j + 2].covered
                    && !words[j + 2].stopword && !words[j + 2].digitOrLatin && words[j + 2].letters >= 3 {
                    j += 3
                    continue
                }
                break
            }
            if w.faAl && w.letters >= 5 && !words[j].stopword {
                // فاليري، فالنتين: a name word, not ف + ال (which does not continue a name)
                j += 1
                continue
            }
            if w.definite {
                // a family name with ال right after a given name, a compound one (عبد الله الفهيد،
                // أبو بكر البغدادي) or a particle (عمر البشير، عبد الله), never ل + ال (كارلو للتنس،
                // ماهر للتجارة). After a compound, not a feminine word (مدينة الملك عبد الله
                // الرياضية), nor a nisba after an honorific: the name is an institution's (مطار
                // الملك عبد العزيز الدولي; الأمير عبد الله الفيصل stays a person)
                if Self.fusedLamAl(tokens[j]) { break }
                let prev = words[j - 1]
                let compoundGiven = j - 2 == i && words[i].shape & Shape.nameHead != 0 && words[i].flags & NameFlag.particle != 0
                    && w.lastLetter != 0xD987
                    && !(i > 0 && words[i - 1].flags & NameFlag.honorific != 0 && w.lastLetter == 0xD98A)
                // and one after the father's name, after بن / بنت (محمد بن أحمد الحفظي), or a nisba
                // after the father's given name right after the person's (عبدالله سعيد الحارثي; not
                // another word, which is as often what the sentence says next: حضرت إلهام شاهين
                // الحفل), also a father's name no list knows if the nisba is written ال + five
                // letters or more (أحمد ذباح الشمري; not ب + ال: بشار ضرب بالكيمياوي); and a clan's
                // nisba before the tribe's (فهد بن ناصر بن سالم العمري القحطاني). Neither is an
                // institution's adjective (مطار الأمير محمد بن عبدالعزيز الدولي) nor a plural of the
                // shape ال + فعالي (… بن سعود التعازي), which only looks like a nisba. (Read only
                // when the rules before have not taken the word.)
                func familyAfterFather() -> Bool {
                    guard j - 2 >= i, w.strip == 0, w.flags & NameFlag.orgAdjective == 0 else { return false }
                    let afterFather = w.shape & Shape.family != 0 && !prev.definite && prev.flags & NameFlag.particle == 0
                        && (j - 2 == i && arabicGiven && !foreignGiven && w.lastLetter == 0xD98A
                            && (isGiven(prev) || prev.flags == 0 && w.letters >= 5 && Self.starts(tokens[j], 0xD8, 0xA7, 0xD9, 0x84))
                            || Self.isLineageLink(wordKey(tokens[j - 2].text)))
                    let secondNisba = prev.definite && prev.strip == 0 && prev.lastLetter == 0xD98A
                        && w.lastLetter == 0xD98A && w.letters >= 5
                        && w.flags & NameFlag.group == 0 && prev.flags & NameFlag.orgAdjective == 0
                    return (afterFather || secondNisba) && !(w.letters == 7 && Self.isFaaliPlural(tokens[j]))
                }
                if w.letters >= 4 && w.flags & (NameFlag.notName | NameFlag.title) == 0
                    && (j - 1 == i && arabicGiven && !(foreignGiven && !isGiven(w) && Self.starts(tokens[j], 0xD8, 0xA7, 0xD9, 0x84))
                        || compoundGiven || prev.flags & NameFlag.particle != 0 || familyAfterFather())
                    && !words[j].stopword {
                    j += 1
                    continue
                }
                break
            }
            if !nameLike(tokens, words, j) { break }
            // after a family name with ال that follows a given name (سالم العتيبي), an indefinite word
            // is what the sentence says next (… العتيبي حفل الافتتاح), not a name; after عبد / بن
            // + ال… it is the surname (عبد العزيز بوتفليقة)
            if j - 1 > i && words[j - 1].definite && words[j - 2].flags & NameFlag.particle == 0 && !isGiven(w) { break }
            // a third word in ـا (an accusative: … هارتمان كتابا جديدا) ends the name
            if j - i >= 2 && w.lastLetter == 0xD8A7 && !isGiven(w) { break }
            // a given name read minus و starts the next person (… عبد الرزاق ومهاتير محمد)
            if w.conjunction && w.strip > 0 && isGiven(w) { break }
            // بشبهة، لتسميم، وصفه: a preposition or a conjunction ends the name; but right after a
            // foreign given name, و written before a bare ا or و opens the surname (جون وارنر،
            // إيما واتسون، توم وولف), where و + a word is most often written otherwise (كيم ومون،
            // يوليا وأبوها)
            if !isGiven(w) && (w.preposition || w.conjunction && !(j - 1 == i && foreignGiven && w.wawSurname)) { break }
            j += 1
        }
        return j
    }

    /// End of an organization whose head is at `i` (construct state): its complement, or `i` when
    /// there is none.
    private func organizationEnd(_ tokens: [Token], _ words: [Word], _ i: Int) -> Int {
        let n = tokens.count
        var j = i + 1
        // (a government is its leader's, never named after one: حكومة المهندس إبراهيم محلب)
        var governmentHead: Bool? = nil
        func government() -> Bool {
            if governmentHead == nil { governmentHead = Self.bareKey(tokens[i], words[i]) == Self.governmentKey }
            return governmentHead!
        }
        while j < n && j - i <= 5 && !words[j].breakBefore {
            let w = words[j]
            if w.coveredBody { break }      // نادي ريفر بليت: the gazetteer names the club
            if w.covered {
                // a place, a country or its nisba inside the name (حزب التجمع المصري)
                j += 1
                continue
            }
            if w.digitOrLatin && w.letters >= 2 {
                // a number names the body right after its head (قناة 13), after a place it names
                // (قناة فرنسا 24) or written onto the word before (ليفل39); after more of the name
                // it is what the sentence counts (جمعية الثقافة والفنون 13، مجلس الوزراء 50)
                if j > i + 1, !words[j - 1].covered, tokens[j].start > tokens[j - 1].end,
                   let b = tokens[j].text.utf8.first, b >= 0x30 && b <= 0x39 { break }
                j += 1
                continue
            }
            if w.flags & (NameFlag.notName | NameFlag.title | NameFlag.report) != 0 && !(w.definite && w.flags & NameFlag.notName == 0) {
                break
            }
            // a rank after more of the name than its head opens the person the body speaks
            // through (وزارة الداخلية اللواء منصور التركي، وزارة العمل والدكتور …), and so does
            // one right after a government
            if w.definite && w.flags & NameFlag.title != 0 && isRank(tokens[j], w) && (j > i + 1 || government()) {
                break
            }
            // and a rank that is no title elsewhere (الفريق, also "the team") before its complement
            // or a given name (هيئة الأركان العامة الفريق أول ركن …)
            if w.definite && j > i + 1 && j + 1 < n && !words[j + 1].breakBefore && isRank(tokens[j], w)
                && words[j + 1].flags & (NameFlag.complement | NameFlag.given) != 0 {
                break
            }
            if w.definite {
                if w.letters < 4 || words[j].stopword { break }
                j += 1
                continue
            }
            // the name of the person the body is named after, after its head and an honorific or
            // a rank (مستشفى الدكتور سليمان فقيه، مركز الملك سلمان للإغاثة), read as the name
            // finder reads a name, so that it ends before what the sentence says next (مستشفى
            // الدكتور سليمان الحبيب فرعا جديدا)
            if j == i + 2, words[i + 1].definite,
               words[i + 1].flags & NameFlag.honorific != 0 || words[i + 1].flags & NameFlag.title != 0 && isRank(tokens[i + 1], words[i + 1]),
               w.flags & NameFlag.particle != 0 || nameLike(tokens, words, j), !government() {
                j = max(j + 1, nameEnd(tokens, words, j))
                continue
            }
            if j == i + 1 || words[j - 1].definite == false {
                // a proper name as the complement (شركة توتال، صحيفة صن)
                if w.letters >= 2 && !w.imperfect && !words[j].stopword
                    && w.flags & NameFlag.particle == 0 {
                    j += 1
                    continue
                }
            }
            break
        }
        return j
    }

    /// The key of word `w` (token `t`) with its proclitics (`Word.strip`) read off.
    private static func bareKey(_ t: Token, _ w: Word) -> UInt64 {
        w.strip == 0 ? wordKey(t.text) : strippedKey(t.text, strip: Int(w.strip)) ?? 0
    }

    /// Is word `w` (token `t`) a rank of the names data once its proclitics are read off?
    private func isRank(_ t: Token, _ w: Word) -> Bool { ranks.contains(Self.bareKey(t, w)) }

    private static let governmentKey = wordKey(ArabicNormalizer.normalize("حكومة"))

    /// Keys of عن and of قوله / قولها / قول + ه / ها (عن فلان قوله …).
    private static let anKey = wordKey("عن")
    private static let abdKey = wordKey("عبد")
    /// أبو / أبي / أبا and عبد: the heads of a kunya or an عبد name, whose word follows.
    private static let compoundHeadKeys: Set<UInt64> = Set(["ابو", "ابي", "ابا", "عبد"].map { wordKey($0) })
    /// Heads of state institutions every country has (`scan`, organizations).
    private static let institutionHeads: Set<UInt64> = Set(["وزارة", "مجلس", "هيئة", "محكمة", "مفوضية", "مديرية", "دائرة",
                                                            "إدارة", "لجنة", "مصلحة", "نيابة", "سلطة", "اتحاد"]
        .map { wordKey(ArabicNormalizer.normalize($0)) })
    private static let dinKey = wordKey("الدين")
    private static let binKey = wordKey("بن"), bintKey = wordKey("بنت")
    /// Is the word with key `key` بن or بنت, which links a given name to the father's?
    static func isLineageLink(_ key: UInt64) -> Bool { key == binKey || key == bintKey }
    private static let familyKey = wordKey(ArabicNormalizer.normalize("آل"))
    private static let sayingKeys: (UInt64, UInt64, UInt64, UInt64, UInt64) =
        (wordKey("قوله"), wordKey("قولها"), wordKey("قول"), wordKey("ه"), wordKey("ها"))

    /// Is token `t` written و + bare ا or و, without a pronoun at its end (`Word.wawSurname`)?
    /// Not when it ends in ا (an accusative or a dual verb: واثقا، واعتبرا), nor و + و… in ت or
    /// ء (a verb or a plural: ووافقت، ووكلاء).
    static func wawSurname(_ t: Token, _ bytes: TextBytes) -> Bool {
        let second = bytes.letter(at: t.start + 2)
        guard bytes.letter(at: t.start) == 0xD988 && (second == 0xD8A7 || second == 0xD988) else { return false }
        let last = bytes.letter(at: Tagger.writtenEnd(bytes, t) - 2)
        if last == 0xD8A7 || second == 0xD988 && (last == 0xD8AA || last == 0xD8A1) { return false }
        return !Tagger.endsInPronoun(bytes, t)
    }

    /// Does a word of saying (قوله، قولها; قول ه as a text with clitics apart writes it) start at `e`?
    private static func saying(_ keys: [UInt64], _ words: [Word], _ e: Int) -> Bool {
        guard e < keys.count && !words[e].breakBefore else { return false }
        let (a, b, c, h, ha) = sayingKeys
        let k = keys[e]
        if k == a || k == b { return true }
        return k == c && e + 1 < keys.count && !words[e + 1].breakBefore && (keys[e + 1] == h || keys[e + 1] == ha)
    }

    private func scan(_ tokens: [Token], _ keys: [UInt64], _ words: inout [Word], _ bytes: TextBytes) -> [FoundName] {
        let n = tokens.count
        var out: [FoundName] = []
        var i = 0
        func addPerson(_ s: Int) -> Int {
            if !canStart(words[s]) { return s + 1 }
            var e = nameEnd(tokens, words, s)
            if e == s + 1 && surnameBeforeRole(words, s) { e = s + 2 }
            if e - s == 1 && !isGiven(words[s]) && words[s].shape & Shape.surname == 0 { return s + 1 }
            var f = FoundName(first: s, count: e - s, type: .person, strip: words[s].strip)
            f.givenOnly = e - s == 1 && isGiven(words[s])
            out.append(f)
            return e
        }
        // where the last person found ends (-2: none), kept in step with `out`
        var lastFound = -2
        var outCount = 0
        while i < n {
            if out.count != outCount {
                outCount = out.count
                lastFound = out.last.map { $0.type == .person && !$0.group ? $0.first + $0.count : -2 } ?? -2
            }
            // fast path: a word no rule below can use (no flags, no gazetteer mention, not after a
            // person found or named) is passed over without being read
            if words[i].flags == 0 && !words[i].covered && !words[i].afterPerson && lastFound != i
                && !(i > 0 && (lastFound == i - 1 || words[i - 1].afterPerson)) {
                i += 1
                continue
            }
            let w = words[i]
            // a list of people: "… ، و روي ماكاي" / "… وروي ماكاي" after a person
            if lastFound == i || (i > 0 && lastFound == i - 1 && words[i - 1].shape & Shape.waw != 0) || w.afterPerson
                || (i > 0 && words[i - 1].afterPerson && words[i - 1].shape & Shape.waw != 0),
               !w.covered, i + 1 < n, !words[i + 1].breakBefore, nameLike(tokens, words, i), canStart(w),
               nameLike(tokens, words, i + 1) || (isGiven(w) && familyName(words[i + 1])), w.flags == 0 || isGiven(w) {
                // (a given name may have its family name in ال: … وسعيد الفرا)
                // (after a colon or a quote mark, only a given name: there the text goes on to what
                // was said, واينستين: إطلاق سراح …، وقال كلوب: "أعتقد أننا …"; a list of credits
                // after a colon names people by their given names, بطولة: ناصر القصبي …)
                let coordinated = w.shape & Shape.startsWithWaw != 0   // و…
                    || (i > 0 && words[i - 1].shape & Shape.waw != 0)
                    || w.breakBefore && (isGiven(w) || !Self.colonOrQuoteBefore(tokens, i, bytes))
                if coordinated {
                    let before = out.count
                    // weak, but for a given name with its family name in ال, which the given-name rule
                    // finds as it is (… ومحمد العتيبي)
                    let strong = isGiven(w) && familyName(words[i + 1])
                    i = addPerson(i)
                    if out.count > before && !strong { out[out.count - 1].weak = true }
                    continue
                }
            }
            if w.covered {
                // a definite nisba right before a name (الأرجنتيني ليونيل ميسي)
                if w.nisba && w.definite, i + 1 < n, !words[i + 1].breakBefore, !words[i + 1].covered,
                   nameLike(tokens, words, i + 1), words[i + 1].strip == 0, canStart(words[i + 1]) {
                    let e = nameEnd(tokens, words, i + 1)
                    // one word: a given name, or a surname closed by punctuation, و or مع (الكندي نيستور و …)
                    let closed = e >= n || words[e].breakBefore || words[e].shape & Shape.waw != 0
                        || words[e].shape & Shape.with != 0
                    if e - i - 1 >= 2 || isGiven(words[i + 1]) || (closed && words[i + 1].shape & Shape.surname != 0) {
                        out.append(FoundName(first: i + 1, count: e - i - 1, type: .person, strip: 0))
                        i = e
                        continue
                    }
                }
                i += 1
                continue
            }
            let f = w.flags
            if f == 0 { i += 1; continue }
            if keys[i] == Self.anKey, i + 2 < n, !words[i + 1].breakBefore, words[i + 1].strip == 0,
               nameLike(tokens, words, i + 1), canStart(words[i + 1]) {
                // نقلت الوكالة عن فلان قوله …: the source quoted, a given name or a surname-shaped
                // word or a name of two words or more, with قوله right after it
                let s = i + 1
                var e = s + 1
                while e < n && e - s < 3 && !words[e].breakBefore && !words[e].covered && !Self.saying(keys, words, e)
                        && nameLike(tokens, words, e) && !words[e].preposition && !words[e].conjunction { e += 1 }
                if Self.saying(keys, words, e), e - s >= 2 || isGiven(words[s]) || words[s].shape & Shape.surname != 0 {
                    var f = FoundName(first: s, count: e - s, type: .person, strip: 0, weak: !isGiven(words[s]))
                    f.givenOnly = e - s == 1 && isGiven(words[s])
                    out.append(f)
                    i = e
                    continue
                }
            }
            if w.shape & Shape.every != 0, i + 2 < n, words[i + 1].shape & Shape.min != 0, !words[i + 1].breakBefore,
               !words[i + 2].breakBefore, nameLike(tokens, words, i + 2), canStart(words[i + 2]) {
                // كل من فلان وفلان: a list of people. The first of two words or more, or a given
                // name, closed by punctuation or و (كل من شارك في … is no name)
                let s = i + 2, e = nameEnd(tokens, words, s)
                // not a dual or plural in the construct state (كل من منطقتي …), nor an adverb after a
                // verb (كل من ارتقى روحيا)
                if isGiven(words[s]) || (e - s >= 2 && words[s].lastLetter != 0xD98A && words[e - 1].lastLetter != 0xD8A7),
                   e >= n || words[e].breakBefore || words[e].shape & (Shape.waw | Shape.startsWithWaw) != 0 {
                    var f = FoundName(first: s, count: e - s, type: .person, strip: words[s].strip, weak: !isGiven(words[s]))
                    f.givenOnly = e - s == 1
                    out.append(f)
                    i = e
                    continue
                }
            }
            if f & NameFlag.group != 0 {
                out.append(FoundName(first: i, count: 1, type: .person, strip: w.strip, group: true))
                i += 1
                continue
            }
            if f & NameFlag.orgHead != 0 && !w.definite {
                let e = organizationEnd(tokens, words, i)
                if e > i + 1 {
                    // a ministry, council, court or authority named by its field alone (وزارة الصحة،
                    // مجلس النواب، محكمة الاستئناف) is every country's: a mention, no tag. (A party or
                    // front so named is one group: جيش الإسلام، تيار المستقبل.)
                    let generic = Self.institutionHeads.contains(readingKey(tokens, keys, words, i))
                        && (i + 1..<e).allSatisfy { words[$0].definite && !words[$0].covered }
                    out.append(FoundName(first: i, count: e - i, type: .organization, strip: w.strip, descriptive: generic))
                    i = e
                    continue
                }
            }
            if f & NameFlag.orgHeadAl != 0 && w.definite {
                // up to two definite adjectives, then a nisba mention
                var j = i + 1
                while j < n && j - i <= 3 && !words[j].breakBefore && !words[j].covered && words[j].definite { j += 1 }
                if i + 1 < n && !words[i + 1].breakBefore && !words[i + 1].covered && words[i + 1].flags & NameFlag.orgAdjective != 0 {
                    // المجلس التشريعي، البنك المركزي (and a nisba after it: البنك المركزي المصري)
                    var e = i + 2
                    while e < n && words[e].covered && !words[e].breakBefore && !words[e].nisba { e += 1 }
                    if e < n && words[e].nisba && e == i + 2 && !words[e].breakBefore { e += 1 }
                    out.append(FoundName(first: i, count: e - i, type: .organization, strip: w.strip, descriptive: true))
                    i = e
                    continue
                }
                if j < n && j - i <= 3 && !words[j].breakBefore && words[j].nisba {
                    var e = j + 1
                    while e < n && words[e].covered && !words[e].breakBefore && !words[e].nisba { e += 1 }
                    out.append(FoundName(first: i, count: e - i, type: .organization, strip: w.strip, descriptive: true))
                    i = e
                    continue
                }
            }
            if f & NameFlag.title != 0 {
                // skip the complement: definite words, gazetteer mentions, organizations, listed words
                var j = i + 1
                var steps = 0
                // the complement holds adjectives only (definite words, nisbas): no organization,
                // person or listed word
                var adjectives = true
                while j < n && steps < 6 && !words[j].breakBefore {
                    let x = words[j]
                    // an organization (a head noun and its complement) inside the title's complement
                    if x.flags & NameFlag.orgHead != 0 && !x.definite {
                        let e = organizationEnd(tokens, words, j)
                        if e > j + 1 {
                            out.append(FoundName(first: j, count: e - j, type: .organization, strip: x.strip))
                            j = e
                            steps += 1
                            adjectives = false
                            continue
                        }
                    }
                    if x.covered || x.definite || x.flags & (NameFlag.complement | NameFlag.title) != 0 {
                        if x.definite && x.stopword { break }
                        if x.covered ? !x.nisba : !x.definite { adjectives = false }
                        j += 1
                        steps += 1
                        continue
                    }
                    break
                }
                if j < n && !words[j].breakBefore && nameLike(tokens, words, j) {
                    i = addPerson(j)
                    continue
                }
                // the name right after the title and its adjectives (not after a named person or an
                // organization: … عمر البشير يأمر …، لمركز الأبحاث "…")
                if adjectives && j + 1 < n && !words[j].breakBefore, let e = titleNameEnd(tokens, words, bytes, j) {
                    out.append(FoundName(first: j, count: e - j, type: .person, strip: words[j].strip))
                    i = e
                    continue
                }
                if adjectives && j + 1 < n && words[j].breakBefore && Self.opensQuote(tokens, bytes, j),
                   let e = quotedNameEnd(tokens, words, bytes, j, afterDefinite: w.definite) {
                    // the name in quotes after its title (الإمبراطور "هوانغ لي")
                    out.append(FoundName(first: j, count: e - j, type: .person, strip: words[j].strip))
                    i = e
                    continue
                }
                i = max(i + 1, j)
                continue
            }
            if f & NameFlag.particle != 0 && !w.definite && w.strip == 0, i + 1 < n, !words[i + 1].breakBefore, !words[i + 1].covered {
                // a name that opens with عبد / أبو (عبد الكريم …، أبو القاسم …) or a foreign particle
                // before a surname (فان باستن)
                let head = w.shape & Shape.nameHead != 0
                let x = words[i + 1]
                if head && (x.definite && x.letters >= 4 && x.flags & NameFlag.notName == 0 || nameLike(tokens, words, i + 1))
                    || !head && w.shape & Shape.link == 0 && nameLike(tokens, words, i + 1) && words[i + 1].shape & Shape.surname != 0 {
                    var e = i + 2
                    if e < n && !words[e].breakBefore && (nameLike(tokens, words, e) || words[e].definite && words[e].shape & Shape.family != 0 && words[e].flags & NameFlag.notName == 0 && !words[e].stopword) {
                        e = nameEnd(tokens, words, e - 1) > e ? nameEnd(tokens, words, e - 1) : e + 1
                    }
                    out.append(FoundName(first: i, count: e - i, type: .person, strip: 0))
                    i = e
                    continue
                }
            }
            if f & NameFlag.given != 0 && w.letters >= 2 {
                // a given name that reads as ال + … (الياس is also اليأس, despair, and الفريد the
                // unique one, once normalized; إلياس and ألفريد as written are not definite): a name
                // only before a name-like word
                if w.definite && !(i + 1 < n && !words[i + 1].breakBefore && nameLike(tokens, words, i + 1)) {
                    i += 1
                    continue
                }
                i = addPerson(i)
                continue
            }
            if f & NameFlag.ambiguousGiven != 0, i + 1 < n, !words[i + 1].breakBefore, !words[i + 1].covered,
               !Self.isPrepositionAla(tokens[i], bytes) {
                let x = words[i + 1]
                if twoAmbiguousGiven(tokens, words, i) {
                    // (the name runs on from the second: جميلة جميل، فهد سعيد محمد الرقباني)
                    let e = max(i + 2, nameEnd(tokens, words, i + 1))
                    out.append(FoundName(first: i, count: e - i, type: .person, strip: 0))
                    i = e
                    continue
                }
                if (x.flags & NameFlag.given != 0 && x.flags & NameFlag.notName == 0 && x.strip == 0)
                    || (x.flags & NameFlag.particle != 0 && !x.definite && i + 2 < n && !words[i + 2].breakBefore)
                    || familyNameBeforeTitle(words, i + 1) {
                    i = addPerson(i)
                    continue
                }
            }
            if f & NameFlag.teamCue != 0, i + 1 < n, !words[i + 1].breakBefore, nameLike(tokens, words, i + 1),
               canStart(words[i + 1]),
               words[i + 1].flags & (NameFlag.given | NameFlag.ambiguousGiven | NameFlag.title | NameFlag.relation) == 0 {
                // مباراة بنفيكا، ضد بوتافوغو: a team (not a person or a title: ضد فيصل القاسم، ضد ولي العهد)
                var e = i + 2
                while e < n && e - i <= 3 && !words[e].breakBefore && nameLike(tokens, words, e) { e += 1 }
                out.append(FoundName(first: i + 1, count: e - i - 1, type: .organization, strip: words[i + 1].strip))
                i = e
                continue
            }
            if f & NameFlag.subjectCue != 0, i + 2 < n, !words[i + 1].breakBefore, !words[i + 1].covered,
               nameLike(tokens, words, i + 1), canStart(words[i + 1]) {
                // إن / أن / كان + a name + a verb (أن تيفيز سينتقل …، كان كافو …)
                let e = nameEnd(tokens, words, i + 1)
                if e < n, !words[e].breakBefore, e - i - 1 >= 2 || isGiven(words[i + 1]) || words[i + 1].shape & Shape.surname != 0,
                   verbLike(words[e]) {
                    out.append(FoundName(first: i + 1, count: e - i - 1, type: .person, strip: words[i + 1].strip, weak: true))
                    i = e
                    continue
                }
            }
            if f & NameFlag.report != 0, i + 2 < n, !words[i + 1].breakBefore, words[i + 1].definite,
               !words[i + 1].covered, words[i + 1].strip == 0, words[i + 1].letters >= 5,
               words[i + 1].flags & (NameFlag.notName | NameFlag.title | NameFlag.orgHead | NameFlag.orgHeadAl | NameFlag.group) == 0,
               words[i + 2].breakBefore || words[i + 2].shape & Shape.closesName != 0, words[i + 1].shape & Shape.family != 0,
               !words[i + 1].stopword, !Self.fusedLamAl(tokens[i + 1]) {
                // قال المالكي إن …: a family name as the subject (not ل + ال: وختم للجميع; ب + ال,
                // وتابع بالقول إن, is `isCommonWordAlone`'s, as بالوتيلي is written so too)
                out.append(FoundName(first: i + 1, count: 1, type: .person, strip: 0, weak: true))
                i += 2
                continue
            }
            if f & NameFlag.report != 0, i + 1 < n, !words[i + 1].breakBefore, nameLike(tokens, words, i + 1, loose: true),
               canStart(words[i + 1]), !Self.isConstructPlural(tokens[i + 1].text) {
                let e = nameEnd(tokens, words, i + 1)
                if words[i + 1].imperfect && !isGiven(words[i + 1]) {
                    // نجاد / تريباثي: closed by punctuation or إن / من / في …
                    guard e >= n || words[e].breakBefore || words[e].shape & Shape.closesName != 0 || words[e].stopword else {
                        i += 1
                        continue
                    }
                }
                // one word that is no given name: shaped like a surname, or ending in ـي (كونتي، راخوي,
                // which could be an adjective) closed by punctuation or إن / إلى / في …
                if e - i - 1 == 1 && !isGiven(words[i + 1]) && words[i + 1].shape & Shape.surname == 0
                    && !(words[i + 1].lastLetter == 0xD98A && words[i + 1].letters >= 4
                         && (e >= n || words[e].breakBefore || words[e].shape & Shape.closesName != 0)) { i += 2; continue }
                // a word after a reporting verb is its subject: a name unless it is a listed common
                // word (مصدر، شهود …), which nameLike has excluded
                out.append(FoundName(first: i + 1, count: e - i - 1, type: .person, strip: words[i + 1].strip,
                                     weak: !isGiven(words[i + 1])))
                i = e
                continue
            }
            i += 1
        }
        // Latin letters spelled out are an acronym, not a person: a name of two words or more,
        // each of at most two letters (ام دي from «1ام دي بي», إف بي), is dropped.
        out.removeAll { f in
            f.type == .person && f.count >= 2 && (f.first..<(f.first + f.count)).allSatisfy {
                Int(words[$0].letters) - ($0 == f.first ? Int(f.strip) / 2 : 0) <= 2   // strip: bytes
            }
        }
        return out
    }
}

extension NameFinder {
    /// A participle's sound plural in the construct state (مسؤولو الوزارة، منظمو المهرجان، مشجعو
    /// النادي): م, a consonant, at least five letters, a final و. After a reporting verb it is the
    /// subject, but no name, though it ends as surnames in ـو do (ماركو، مارسيلو start with ما).
    static func isConstructPlural(_ word: String) -> Bool {
        let u = Array(word.unicodeScalars)
        guard u.count >= 5, u[0] == "\u{0645}", u[u.count - 1] == "\u{0648}" else { return false }
        return !["\u{0627}", "\u{0648}", "\u{064A}"].contains(u[1])
    }
}

extension Matcher {
    /// `NameFinder.standard.find` with this matcher's alias index, without the names that are a
    /// stadium's (`afterStadium`: ستاد الأمير فيصل بن فهد).
    func foundNames(_ tokens: [Token], _ keys: [UInt64], _ text: TextBytes, known: [ResolvedMention],
                    learned: LearnedNames?) -> [FoundName] {
        var found = NameFinder.standard.find(tokens, keys, text, known: known, index: index, learned: learned)
        found.removeAll { afterStadium($0.first, tokens, text) }
        return found
    }
}

extension Tagger {
    /// The names `NameFinder` finds in `text` around the gazetteer mentions `resolved`, as mentions
    /// with `found` set: the surface as written (without a stripped proclitic or harakat) as name,
    /// the slug of its normalized form as id. `entity` is -1.
    /// `keys`: the tokens' `WordKey`s (`Analysis.keys`); `statistics`: the corpus' learned
    /// surnames, whose bare occurrences are found too, and its word forms, by which a person of
    /// one word that the corpus writes as a common word is left out (`isCommonWordAlone`), and so
    /// is a person of common words only (`isCommonPhrase`) and an organization that is a noun and
    /// its adjective (`isKindOfBody`).
    func foundMentions(_ text: String, _ tokens: [Token], _ keys: [UInt64], _ resolved: [ResolvedMention],
                       statistics: TermStatistics? = nil) -> [ResolvedMention] {
        if tokens.isEmpty { return [] }
        let m = matcher     // read here: a closure that uses `self` copies it (a dozen retains)
        return withTextBytes(text) { bytes -> [ResolvedMention] in
            var found = m.foundNames(tokens, keys, bytes, known: resolved, learned: statistics?.learnedNames)
            found.removeAll(where: \.lineage)
            if let statistics {
                found.removeAll {
                    Self.isCommonWordAlone($0, tokens, statistics) || Self.isCommonPhrase($0, tokens, statistics)
                        || Self.isKindOfBody($0, tokens, statistics)
                }
            }
            if let st = statistics, st.wordFormDocuments >= TermStatistics.minimumWordFormDocuments {
                found = found.map { Self.foundCore(of: $0, tokens, st, text: text) }
            }
            var out: [ResolvedMention] = []
            out.reserveCapacity(found.count)
            for f in found {
                let start = Self.spanStart(f, tokens, bytes)
                let end = tokens[f.first + f.count - 1].end
                // a fused لل written ال, as tags show it (للجيش اليمني: الجيش اليمني, one id with
                // the name found without the preposition)
                let name = NameFinder.fusedLamAl(tokens[f.first]) ? cleanText(bytes, start, end, dropLeadingConjunction: true)
                    : Self.surface(bytes, start, end)
                let m = EntityMention(entityID: Self.foundSlug(f.group ? Self.groupInYn(name) : name, f.type), name: name,
                                      type: f.type, start: start, end: end,
                                      metonym: false, form: f.group ? .demonym : .name, found: true)
                out.append(ResolvedMention(mention: m, entity: f.taggable ? -1 : -2, firstToken: f.first,
                                           tokenCount: f.count, contextual: false))
            }
            return out
        }
    }

    /// A found person or organization of two words or more cut as its tag reads it (`nameCore`,
    /// `organizationCore`: مديرية باقم بمحافظة صعدة → مديرية باقم، بافل دوروف مؤسس → بافل
    /// دوروف). Where the tag rules read no name at all, the name stays as found: they are strict
    /// enough to lose names a mention should keep (تيبو كورتوا، بنك الجزيرة).
    static func foundCore(of f: FoundName, _ tokens: [Token], _ statistics: TermStatistics, text: String) -> FoundName {
        guard f.count >= 2, !f.group, !f.learned, f.type == .person || f.type == .organization else { return f }
        let words = f.first..<(f.first + f.count)
        let core = f.type == .person ? nameCore(tokens, words, strip: Int(f.strip), statistics, text: text)
            : organizationCore(tokens, words, strip: Int(f.strip), statistics, text: text)
        if core.isEmpty { return f }
        var out = f
        out.first = core.lowerBound
        out.count = core.count
        if core.lowerBound != f.first { out.strip = 0 }
        return out
    }

    /// A people's name in its sound plural, with ين for ون (المسلمون → المسلمين): the two cases of
    /// one group, which get one id.
    static func groupInYn(_ name: String) -> String {
        var u = Array(name.utf8)
        guard u.count >= 8, u[u.count - 4] == 0xD9, u[u.count - 3] == 0x88, u[u.count - 2] == 0xD9,
              u[u.count - 1] == 0x86 else { return name }
        u[u.count - 3] = 0x8A    // و → ي
        return String(decoding: u, as: UTF8.self)
    }

    /// A person or an organization found as one word, no listed name (neither given name nor
    /// particle) nor a learned surname, that the corpus writes as a common word (after قال, after a
    /// title, in a list, after ضد or فريق: وقال باحثون، رئيس جهاز، لاعب كرة قدم، وذكر التقرير، ضد
    /// متظاهرين، فريق قوي): a word without the article
    /// that it also writes with ال in three documents or more, an eighth as many as without
    /// (باحثون: العلماء، الباحثون; surnames are hardly ever so written: كلوب، كونتي never, خان
    /// twice in ANT dev), or no name's word by its forms (`WordForms.nameWord` .foreign: a verb,
    /// a noun with its pronoun); a word with ال that it also writes without it in three documents
    /// or more, a quarter as many as with it (التقرير: تقرير; a family name seldom stands without
    /// its article: المالكي 119 with, 8 without), unless that is a listed given name (الناصر); a
    /// preposition + ال on a word it writes with ال in three documents or more (بالقول); an
    /// organization that is a construct plural in ي (ضد مقاتلي: `WordForms.isConstructPluralInYa`).
    static func isCommonWordAlone(_ f: FoundName, _ tokens: [Token], _ statistics: TermStatistics) -> Bool {
        guard f.type == .person || f.type == .organization, f.count == 1, !f.group, !f.learned,
              f.first < tokens.count else { return false }
        return isCommonWord(tokens[f.first], strip: Int(f.strip), statistics, organization: f.type == .organization)
    }

    /// A person found as two words or more of which each is a common word by the test of
    /// `isCommonWordAlone`: a noun phrase the rules read as a name after a verb or in a list (سجل
    /// سعر سهم …، مقابل سلة من العملات، ضربات جوية، حفيد مؤسس، رياض الأطفال). A name has at
    /// least one word of its own: a listed given name (محمد صلاح), or a surname the corpus seldom
    /// writes with ال (طارق رمضان) or without it (رياض الخولي). A given name that is also a
    /// noun, with its complement, is such a phrase too (رضا الجمهور: `isConstructOfGivenNoun`).
    static func isCommonPhrase(_ f: FoundName, _ tokens: [Token], _ statistics: TermStatistics) -> Bool {
        guard f.type == .person, f.count >= 2, !f.group, !f.learned, f.first + f.count <= tokens.count else { return false }
        if isConstructOfGivenNoun(f, tokens, statistics) { return true }
        for k in f.first..<(f.first + f.count)
        where !isCommonWord(tokens[k], strip: k == f.first ? Int(f.strip) : 0, statistics, organization: false) { return false }
        return true
    }

    /// A person found as two words, a given name that is also a noun or a verb (names data
    /// `given-noun`: رضا satisfaction, أسماء names, فتح opening, رائد pioneer, حافظ kept) and a
    /// definite common word (one the corpus also writes bare, as `formsAlsoBare` reads it): the
    /// noun and its complement, or the verb and its object (رضا الجمهور، أسماء الشركات، فتح
    /// المعبر، رائد الأعمال، وحافظ المنتخب). Not with a nisba in ـي after it, a family name's
    /// shape (رضا الشهري), nor with الله (فتح الله، سيف الله), nor after a title (اللواء رياض …).
    static func isConstructOfGivenNoun(_ f: FoundName, _ tokens: [Token], _ statistics: TermStatistics) -> Bool {
        let finder = NameFinder.standard
        guard f.count == 2, f.first + 1 < tokens.count,
              let head = NameFinder.strippedKey(tokens[f.first].text, strip: Int(f.strip)),
              finder.givenNouns.contains(head), tokens[f.first + 1].text != "الله" else { return false }
        if f.first > 0 && finder.flags.value(wordKey(tokens[f.first - 1].text)) & NameFlag.title != 0 { return false }
        return withUTF8Copy(tokens[f.first + 1].text) { p, m in
            guard m >= 8, WordForms.plainArticleEnd(p, m) == 4, !(p[m - 2] == 0xD9 && p[m - 1] == 0x8A) else { return false }
            return WordForms.formsAlsoBare(p, m, statistics, finder) != nil
        }
    }

    /// Is the token (its first `strip` bytes a proclitic) a common word by the corpus' forms (see
    /// `isCommonWordAlone`)?
    private static func isCommonWord(_ t: Token, strip: Int, _ statistics: TermStatistics, organization: Bool) -> Bool {
        let finder = NameFinder.standard
        return withUTF8Copy(t.text) { p0, m0 in
            let s = min(strip, m0), p = p0 + s, m = m0 - s
            if finder.flags.value(wordKey(p, m)) & NameFlag.listedName != 0 { return false }
            if WordForms.plainArticleEnd(p, m) == 4 { return WordForms.formsAlsoBare(p, m, statistics, finder) != nil }
            // a preposition + ال (بالقول، للجميع) on a word the corpus writes with ال (القول), as
            // `nameWord` reads it; not a foreign name so written (بالوتيلي: الوتيلي never)
            if WordForms.articleEnd(p, m) != nil { return WordForms.nameWord(p, m, statistics, finder) == .foreign }
            guard let forms = statistics.forms(of: wordKey(p, m)) else { return false }
            return forms.definite >= 3 && 8 * forms.definite >= forms.bare
                || WordForms.nameWord(p, m, statistics, finder) == .foreign
                || organization && WordForms.isConstructPluralInYa(p, m, statistics)
        }
    }

    /// An organization found as two words that are a noun and its adjective, neither with the
    /// article: a kind of body, no body's name (منظمة إرهابية، محكمة تركية، حكومة ائتلافية، مجمع
    /// سكني، مركز انتخابي: "a terrorist organization", "a Turkish court"). The adjective is a
    /// nisba that agrees with the noun (ـية after a noun in ة, ـي after one without), and the
    /// corpus writes it with the article in both genders, twice each at least (الإرهابي and
    /// الإرهابية), as it writes adjectives. A name of two such words keeps its place: حكومة دبي
    /// (no agreement), جبهة قانية، مستشفى بلجرشي (the corpus has no adjective of both genders).
    static func isKindOfBody(_ f: FoundName, _ tokens: [Token], _ statistics: TermStatistics) -> Bool {
        guard f.type == .organization, f.count == 2, f.first + 1 < tokens.count,
              statistics.wordFormDocuments >= TermStatistics.minimumWordFormDocuments else { return false }
        /// Does the word end in the folded letter pair `b0 b1` (ه is ة folded, ي also ى)?
        @inline(__always) func ends(_ p: UnsafePointer<UInt8>, _ m: Int, _ b0: UInt8, _ b1: UInt8, at k: Int = 0) -> Bool {
            m >= k + 2 && p[m - k - 2] == b0 && p[m - k - 1] == b1
        }
        let feminineNoun: Bool? = withUTF8Copy(tokens[f.first].text) { p0, m0 in
            let s = min(Int(f.strip), m0), p = p0 + s, m = m0 - s
            guard m >= 6, WordForms.articleEnd(p, m) == nil else { return nil }
            return ends(p, m, 0xD9, 0x87)                                    // ة
        }
        guard let feminine = feminineNoun else { return false }
        return withUTF8Copy(tokens[f.first + 1].text) { p, m in
            guard m >= 8, WordForms.articleEnd(p, m) == nil else { return false }
            let stem: Int
            if ends(p, m, 0xD9, 0x87) && ends(p, m, 0xD9, 0x8A, at: 2) {    // ـية
                guard feminine else { return false }
                stem = m - 4
            } else if ends(p, m, 0xD9, 0x8A) {                               // ـي
                guard !feminine else { return false }
                stem = m - 2
            } else {
                return false
            }
            // the stem with ي and with يه (ية folded), each written with the article
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stem + 4) { buf in
                let q = buf.baseAddress!
                q.initialize(from: p, count: stem)
                (q + stem).initialize(to: 0xD9)
                (q + stem + 1).initialize(to: 0x8A)
                (q + stem + 2).initialize(to: 0xD9)
                (q + stem + 3).initialize(to: 0x87)
                guard let masculineForms = statistics.forms(of: wordKey(q, stem + 2)),
                      let feminineForms = statistics.forms(of: wordKey(q, stem + 4)) else { return false }
                return masculineForms.definite >= 2 && feminineForms.definite >= 2
            }
        }
    }

    /// Gazetteer and found mentions in text order.
    func mentionsWithFound(_ text: String, _ tokens: [Token], _ keys: [UInt64], _ resolved: [ResolvedMention],
                           statistics: TermStatistics? = nil) -> [ResolvedMention] {
        let extra = foundMentions(text, tokens, keys, resolved, statistics: statistics)
        if extra.isEmpty { return resolved }
        var out: [ResolvedMention] = []
        out.reserveCapacity(resolved.count + extra.count)
        var a = 0, b = 0
        while a < resolved.count || b < extra.count {
            if b >= extra.count || (a < resolved.count && resolved[a].firstToken <= extra[b].firstToken) {
                out.append(resolved[a]); a += 1
            } else {
                out.append(extra[b]); b += 1
            }
        }
        return out
    }

    /// Text of bytes start..<end without harakat, tatweel and controls, spaces collapsed.
    static func surface(_ bytes: TextBytes, _ start: Int, _ end: Int) -> String {
        cleanText(bytes, start, end, dropLeadingConjunction: false)
    }

    /// What the tag pass needs of the found names of one text: their token spans and keys, no
    /// strings (names are spelled out only for the tags that are made).
    struct FoundInText {
        var names: [FoundName] = []
        var keys: [UInt64] = []

        /// The spans as mentions, for masking key-phrase candidates. Not a learned surname: it is
        /// no tag alone, and it stays a key-phrase candidate as any bare surname the finder misses.
        var masks: [ResolvedMention] {
            names.filter { !$0.learned }.map {
                ResolvedMention(mention: EntityMention(entityID: "", name: "", type: $0.type, start: 0, end: 0,
                                                       metonym: false, form: .name, found: true),
                                entity: -1, firstToken: $0.first, tokenCount: $0.count, contextual: false)
            }
        }
    }

    /// The analysis' token keys (computed when an analysis made by hand has none).
    func keyArray(_ a: Analysis) -> [UInt64] {
        a.keys.count == a.tokens.count ? a.keys : Matcher.keys(a.tokens)
    }

    /// `keys`: the tokens' `WordKey`s (`Analysis.keys`); `learned`: surnames learned from the corpus.
    func foundNames(_ text: String, _ tokens: [Token], _ keys: [UInt64], _ resolved: [ResolvedMention],
                    learned: LearnedNames? = nil) -> FoundInText {
        if tokens.isEmpty { return FoundInText() }
        var r = FoundInText()
        let m = matcher     // read here: a closure that uses `self` copies it (a dozen retains)
        withTextBytes(text) { bytes in
            r.names = m.foundNames(tokens, keys, bytes, known: resolved, learned: learned)
        }
        r.keys = keys
        return r
    }

    /// What an article tells about names (LearnedNames.swift), from analyses made with this
    /// tagger's analyzer: the name finder's reading of title and body, without learned names.
    func nameEvidence(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis) -> NameEvidence {
        var e = NameEvidence()
        let index = matcher.index     // read here: a closure that uses `self` copies it (a dozen retains)
        for (text, a) in [(title, titleAnalysis), (body, bodyAnalysis)] where !a.tokens.isEmpty {
            let keys = keyArray(a)
            let resolved = resolvedMentions(text, a.tokens, keys)
            withTextBytes(text) { bytes in
                _ = NameFinder.standard.find(a.tokens, keys, bytes, known: resolved, index: index) { words, found in
                    LearnedNames.collect(a.tokens, keys, words, found, resolved, into: &e)
                }
            }
        }
        return e
    }

    /// Tags for found people (of two words or more) and organizations that are salient — in the
    /// title, or named at least twice in the body (a person's surname alone counts: ليونيل ميسي …
    /// ميسي) — at most `limit`,
    /// title first, then by count, then by first position. Names equal to a tag in `taken` are
    /// skipped. Score: 3 for the title plus log₂(1 + body count), like gazetteer entities but
    /// without lead or spread (found names rank after them). Display: the first occurrence as
    /// written (title first).
    /// `statistics`: with word forms, a person's name is cut before its first word that is no
    /// part of a name (`WordForms.isForeignToName`: يوليا سكريبال رفضت → يوليا سكريبال), and
    /// words before the given name are left out (انتظار أحمد جاسم); fewer than two words left,
    /// no tag. `aliasSpans`: the title's and the body's raw gazetteer matches.
    func foundTags(title: String, titleTokens: [Token], titleFound: FoundInText,
                   body: String, bodyTokens: [Token], bodyFound: FoundInText,
                   taken: [Tag], limit: Int, statistics: TermStatistics? = nil,
                   aliasSpans: (title: [RawMatch], body: [RawMatch])) -> [FoundTag] {
        // (one full name in the body qualifies only with its surname in the title; a lineage is
        // its person's, no name of its own)
        let bodyNames = bodyFound.names.contains(where: \.lineage) ? bodyFound.names.filter { !$0.lineage } : bodyFound.names
        guard limit > 0, titleFound.names.contains(where: { $0.taggable || $0.learned }) || bodyNames.count >= 2
                || bodyNames.count == 1 && bodyNames[0].type == .person && bodyNames[0].count >= 2
                    && (bodyNames[0].first + 1..<bodyNames[0].first + bodyNames[0].count)
                        .contains(where: { titleFound.keys.contains(bodyFound.keys[$0]) }) else { return [] }
        struct Acc {
            var key: UInt64; var surname: UInt64; var title = 0; var body = 0; var first: Int; var inTitle: Bool; var index: Int; var single: Bool
            /// Named in the body by its full name, in the title by its surname alone.
            var surnameTitle = false
        }
        var acc: [Acc] = []
        for (pass, found) in [titleFound, bodyFound].enumerated() {
            // a learned surname (weak) only counts for a full name (below)
            for (order, f) in found.names.enumerated() where f.taggable || f.learned {
                var k = acc.firstIndex(where: { $0.key == f.key }) ?? -1
                if k < 0 {
                    acc.append(Acc(key: f.key, surname: f.type == .person && f.count >= 2 ? f.lastKey : 0,
                                   first: pass * 100_000 + order, inTitle: pass == 0, index: order,
                                   single: f.type == .person && f.count == 1))
                    k = acc.count - 1
                }
                if pass == 0 { acc[k].title += 1 } else { acc[k].body += 1 }
            }
        }
        // a surname found alone (المدرب ميندوزا) counts for the full name (كارلوس ميندوزا)
        // (appended, not `[Bool](repeating:count:)`: see `reservedArray`)
        var merged = reservedArray(of: Bool.self, acc.count)
        for k in acc.indices {
            var m = false
            if acc[k].surname == 0,
               let full = acc.indices.first(where: { acc[$0].surname != 0 && acc[$0].surname == acc[k].key }) {
                acc[full].title += acc[k].title
                m = true
            }
            merged.append(m)
        }
        // a one-word person (a surname after a title, or a word after قال) is a tag only through
        // its full name: alone it is too often a common word
        acc = acc.indices.filter { !merged[$0] && !acc[$0].single }.map { acc[$0] }
        // a surname alone in the body (besides its occurrences inside the full name)
        for k in acc.indices where acc[k].surname != 0 {
            var alone = 0
            for key in bodyFound.keys where key == acc[k].surname { alone += 1 }
            acc[k].body = max(acc[k].body, alone)
        }
        // a full name in the body whose surname the title names alone where the finder reads no
        // name (a headline naming a coach by his surname, its report by his full name): the title's,
        // when the name starts with a listed given name and the corpus tells its last word is a
        // surname: the name finder read it as one in a document or more, or it is in no more than
        // one document, and it is no common word (`nameWord` .unknown: no verb, no noun written
        // with ال). (Without these, the title's جديدتين made "جائزتين جديدتين" a person.)
        if let st = statistics, st.wordFormDocuments >= TermStatistics.minimumWordFormDocuments {
            let finder = NameFinder.standard
            for k in acc.indices where acc[k].surname != 0 && acc[k].title == 0 {
                let f = bodyFound.names[acc[k].index]
                let words = f.first..<(f.first + f.count)
                // (the name as its tag reads it: خوان كارانو قائمة is خوان كارانو)
                guard words.dropFirst().contains(where: { titleFound.keys.contains(bodyFound.keys[$0]) }) else { continue }
                let core = Self.nameCore(bodyTokens, words, strip: Int(f.strip), st, text: body)
                // (the surname heads the title or follows a title or a stopword there: رندة كعدي
                // in the title is someone else than خليل كعدي in the body)
                let surnameKey = bodyFound.keys[core.upperBound - 1]
                guard core.count >= 2, titleFound.keys.indices.contains(where: { i in
                    titleFound.keys[i] == surnameKey && (i == 0 || finder.flags.value(titleFound.keys[i - 1]) & NameFlag.title != 0
                        || finder.analyzer.isStopword(titleTokens[i - 1].text))
                }) else { continue }
                let given = withUTF8Copy(bodyTokens[core.lowerBound].text) { p, m in
                    let s = core.lowerBound == f.first ? min(Int(f.strip), m) : 0
                    return finder.flags.value(wordKey(p + s, m - s)) & (NameFlag.given | NameFlag.ambiguousGiven) != 0
                }
                if !given { continue }
                let surname = bodyTokens[core.upperBound - 1], ha = Self.endsInWrittenHa(body, surname)
                let kind = withUTF8Copy(surname.text) { p, m in WordForms.nameWord(p, m, st, finder, writtenHa: ha) }
                if kind == .unknown, st.names.named(surnameKey) > 0 || st.forms(of: surnameKey).map(WordForms.seen) ?? 0 <= 1 {
                    acc[k].title = 1
                    acc[k].surnameTitle = true
                }
            }
        }
        let ranked = acc.filter { $0.title > 0 || $0.body >= 2 }
            .sorted { ($0.title > 0 ? 1 : 0, $0.body, -$0.first) > ($1.title > 0 ? 1 : 0, $1.body, -$1.first) }
        var out: [FoundTag] = []
        for a in ranked where out.count < limit {
            let f = (a.inTitle ? titleFound : bodyFound).names[a.index]
            let tokens = a.inTitle ? titleTokens : bodyTokens
            var words = f.first..<(f.first + f.count)
            if let st = statistics, st.wordFormDocuments >= TermStatistics.minimumWordFormDocuments {
                if f.type == .person {
                    words = Self.nameCore(tokens, words, strip: Int(f.strip), st, text: a.inTitle ? title : body)
                    if words.count < 2 { continue }
                    if Self.isEverydayPair(tokens, words, strip: words.lowerBound == f.first ? Int(f.strip) : 0, st) { continue }
                    if Self.startsWithBornVerb(tokens, words, strip: words.lowerBound == f.first ? Int(f.strip) : 0,
                                               texts: [titleTokens, bodyTokens]) { continue }
                    // a known person's one-word name (صلاح، رونالدو) the context left unresolved,
                    // and a word after it that is no part of a name (a verb, a common noun: صلاح
                    // مهدد، رونالدو ركلة): the person and the next word, no name of its own
                    if words.count == 2, Self.startsWithKnownPerson(words, a.inTitle ? aliasSpans.title : aliasSpans.body, gazetteer.index),
                       [.common, .foreign].contains(withUTF8Copy(tokens[words.lowerBound + 1].text, { p, m in
                           WordForms.nameWord(p, m, st, NameFinder.standard,
                                              writtenHa: Self.endsInWrittenHa(a.inTitle ? title : body, tokens[words.lowerBound + 1])) })) {
                        continue
                    }
                } else if f.type == .organization {
                    words = Self.organizationCore(tokens, words, strip: Int(f.strip), st, text: a.inTitle ? title : body)
                    if words.isEmpty { continue }
                }
            }
            if f.type == .organization && isFrontLine(tokens, words, strip: Int(f.strip)) { continue }
            let name = withTextBytes(a.inTitle ? title : body) { bytes in
                Self.surface(bytes, words.lowerBound == f.first ? Self.spanStart(f, tokens, bytes) : tokens[words.lowerBound].start,
                             tokens[words.upperBound - 1].end)
            }
            let slug = Self.foundSlug(name, f.type)
            if taken.contains(where: { $0.slug == slug }) || out.contains(where: { $0.tag.slug == slug }) { continue }
            // a known entity's name that the context left unresolved (مواجهة زيدان: the coach, not
            // a club the finder read after a team cue) is no name of its own: a gazetteer alias
            // spans its words in the text's raw matches
            if (a.inTitle ? aliasSpans.title : aliasSpans.body).contains(where: { $0.firstToken == words.lowerBound && $0.tokenCount == words.count }) {
                continue
            }
            var score = log2(1 + Double(a.body))
            if a.title > 0 { score += 3 }
            out.append(FoundTag(tag: Tag(name: name, slug: slug, type: f.type.rawValue, score: (score * 1000).rounded() / 1000, found: true),
                                repeated: a.body >= 2 || a.surnameTitle))
        }
        return out
    }

    /// Is the two-word name `words` of `tokens` a given name that is an everyday word too and a
    /// common noun after it (عزة الوطن "the homeland's glory", رضا المواطن, رائد فضاء "a space
    /// pioneer")? The first word the corpus writes as a common noun (`WordForms.isCommonNoun`:
    /// العزة، الرضا، الرائد); the second no listed name, not shaped as a family name (a nisba in
    /// ي, a word in ة: الشهري، عودة), in ten documents or more, and a word with ال that the corpus
    /// also writes without it in three documents or more, a quarter as many as with it (الفضاء،
    /// الأطفال), or a bare word it writes as a common noun (طفل، موقع). A family name seldom
    /// stands without its article (رضا الفردان); رائد صلاح is two listed names. Over ANT dev and
    /// SaudiNewsNet this dropped 18 such tags and 4 real names (سماح حديد، نادر المولد).
    /// `strip`: proclitic bytes of the first word.
    static func isEverydayPair(_ tokens: [Token], _ words: Range<Int>, strip: Int, _ statistics: TermStatistics) -> Bool {
        guard words.count == 2 else { return false }
        let finder = NameFinder.standard
        let firstCommon = withUTF8Copy(tokens[words.lowerBound].text) { p0, m0 -> Bool in
            let s = min(strip, m0), p = p0 + s, m = m0 - s
            guard let forms = statistics.forms(of: wordKey(p, m)) else { return false }
            return WordForms.isCommonNoun(forms)
        }
        guard firstCommon else { return false }
        return withUTF8Copy(tokens[words.lowerBound + 1].text) { p, m -> Bool in
            // (a nisba and a word in ة are family names' shapes: الشهري، العمراني، الزواوي، عودة)
            let last = WordForms.letter(p, m, m - 2)
            if finder.flags.value(wordKey(p, m)) & NameFlag.listedName != 0 || last == WordForms.ya || last == WordForms.ha { return false }
            if WordForms.plainArticleEnd(p, m) == 4 {
                return WordForms.formsAlsoBare(p, m, statistics, finder).map { WordForms.seen($0) >= 10 } ?? false
            }
            guard let forms = statistics.forms(of: wordKey(p, m)) else { return false }
            return WordForms.isCommonNoun(forms) && WordForms.seen(forms) >= 10
        }
    }

    /// Does `words` of `tokens` start with ولد (the first word's `strip` proclitic bytes aside)
    /// that no name of `texts` puts after a given name? The particle of Maghrebi names (جمال ولد
    /// عباس) opens a name alone only where the text gave the full name (… ولد عباس); elsewhere
    /// ولد is the verb "was born" (ولد نجيب محفوظ في …، ولد طفل).
    static func startsWithBornVerb(_ tokens: [Token], _ words: Range<Int>, strip: Int, texts: [[Token]]) -> Bool {
        // ولد: D9 88 D9 84 D8 AF
        func isWalad(_ t: Token, strip: Int = 0) -> Bool {
            t.text.utf8.count == strip + 6 && t.text.utf8.dropFirst(strip).elementsEqual([0xD9, 0x88, 0xD9, 0x84, 0xD8, 0xAF])
        }
        guard words.count >= 2, isWalad(tokens[words.lowerBound], strip: strip) else { return false }
        let next = wordKey(tokens[words.lowerBound + 1].text)
        let finder = NameFinder.standard
        for text in texts where text.count >= 3 {
            for i in 1..<(text.count - 1) where isWalad(text[i]) && wordKey(text[i + 1].text) == next
                && finder.flags.value(wordKey(text[i - 1].text)) & (NameFlag.given | NameFlag.ambiguousGiven) != 0 {
                return false
            }
        }
        return true
    }

    /// The id and tag slug of a name the gazetteer does not know: a person's spellings share one.
    static func foundSlug(_ name: String, _ type: EntityType) -> String {
        type == .person ? personSlug(name) : slug(name)
    }

    /// A found name's tag, and whether the body names it twice or more (its full name, or its
    /// surname alone besides), or the body by its full name and the title by its surname: such a
    /// name may take the slot of an entity named in passing (`withinSlots`).
    struct FoundTag {
        var tag: Tag
        var repeated: Bool
    }

    /// Does a gazetteer alias of one word, a person's, start `words` in `raws`?
    static func startsWithKnownPerson(_ words: Range<Int>, _ raws: [RawMatch], _ index: AliasIndex) -> Bool {
        raws.contains { r in
            r.firstToken == words.lowerBound && r.tokenCount == 1 && r.candidates.contains { index.types[Int($0.entity)] == .person }
        }
    }

    /// The words of a found person's name `words` that are its name (`WordForms.NameWord`):
    /// without the words before it that are no part of a name (استخدمت غاز، وسيد محمد طهراني:
    /// `WordForms.isForeignLead`; خسائر فادحة، انتقادات حادة: a noun the corpus writes with the
    /// article, `WordForms.isCommonNoun`, or a frequent word it writes with it at all, مقابل،
    /// `WordForms.isFrequentCommonWord`, that the name lists do not give), cut before a word
    /// that is no part of a name, or before a common word after a full name (two words besides
    /// particles: رامي عياش أغنية); the word after بن، أبو … is always the name's. Empty when
    /// what is left is no name: one word, a particle at the end, or, once cut, a particle and a
    /// given name (عبد الحليم بسرعة → عبد الحليم), or when no word of it reads as a name's
    /// (`NameWord.name`: a listed name, a word with the article alone) and it is either what is left after such leading words or a word and common nouns
    /// after it (فرض رسوم جمركية).
    /// `strip`: proclitic bytes of the first word.
    /// `text`: what `tokens` were read from, to tell a written ه (a pronoun: منصبه) from a ة.
    static func nameCore(_ tokens: [Token], _ words: Range<Int>, strip: Int, _ statistics: TermStatistics,
                         text: String) -> Range<Int> {
        let finder = NameFinder.standard
        // each word read once (the lead, the cut and the check of what is left may ask again)
        var kinds = [WordForms.NameWord?](repeating: nil, count: words.count)
        func kind(_ i: Int) -> WordForms.NameWord {
            if let k = kinds[i - words.lowerBound] { return k }
            let writtenHa = Tagger.endsInWrittenHa(text, tokens[i])
            let k = withUTF8Copy(tokens[i].text) { p, m in
                let s = i == words.lowerBound ? min(strip, m) : 0
                return WordForms.nameWord(p + s, m - s, statistics, finder, writtenHa: writtenHa)
            }
            kinds[i - words.lowerBound] = k
            return k
        }
        func particle(_ i: Int) -> Bool {
            finder.flags.value(wordKey(tokens[i].text)) & NameFlag.particle != 0
        }
        func foreignLead(_ i: Int) -> Bool {
            kind(i) == .foreign || withUTF8Copy(tokens[i].text) { p, m in
                let s = i == words.lowerBound ? min(strip, m) : 0
                return WordForms.isForeignLead(p + s, m - s, statistics, finder)
            }
        }
        // a noun the corpus writes with the article (إهداء، انتقادات، إرسال): no first name
        func commonLead(_ i: Int) -> Bool {
            kind(i) == .common && withUTF8Copy(tokens[i].text) { p, m in
                let s = i == words.lowerBound ? min(strip, m) : 0
                return WordForms.isBareCommonNoun(p + s, m - s, statistics)
                    || WordForms.isFrequentCommonWord(p + s, m - s, statistics)
            }
        }
        var start = words.lowerBound
        while start < words.upperBound && (foreignLead(start) || commonLead(start)) { start += 1 }
        var end = start
        var named = 0       // words of the name so far that are no particle
        while end < words.upperBound {
            if end > start && !particle(end - 1) {
                let k = kind(end)
                if k == .foreign || (k == .common && named >= 2) { break }
            }
            if !particle(end) { named += 1 }
            end += 1
        }
        let n = end - start
        let trimmed = n < words.count
        if n < 2 || particle(end - 1) || (trimmed && n == 2 && particle(start) && kind(end - 1) == .name) { return start..<start }
        // a given name and a word with ال whose bare form is a frequent common word the lists
        // give no name and the finder never read as a surname (شكري الاتفاق، شيرين الإعلان،
        // خضر العائلة): a noun phrase, no name, unless a person's title stands right before or
        // after it (الطبيب أشرف القدرة، أشرف القدرة، الناطق باسم …), or the corpus statistics have
        // the two words together in two documents or more (a phrase that recurs across reports is
        // a name; they count 2,000 documents a store samples)
        func title(_ k: Int) -> Bool { finder.flags.value(wordKey(tokens[k].text)) & NameFlag.title != 0 }
        if n == 2, kind(start) == .name, withUTF8Copy(tokens[end - 1].text, { p, m in
            WordForms.isCommonWordWithArticle(p, m, statistics, finder)
        }), !(start > 0 && title(start - 1)), !(end < tokens.count && title(end)) {
            let stems = finder.analyzer.analyze(tokens[start].text + " " + tokens[end - 1].text).stems
            if stems.count != 2 || statistics.documentFrequency(key: TermStatistics.key(stems.joined(separator: " "))) < 2 {
                return start..<start
            }
        }
        // a last word with ال after the father's name (فيصل بن سلمان + المعرض) that the corpus
        // writes bare as well, as it writes common nouns, and has not learned as a surname: what
        // the sentence says next (افتتح … المعرض), no family name (الشهري is learned, الفارس a
        // given name)
        if end - start >= 3, particle(end - 3) || end - 3 == start, !particle(end - 2),
           !withUTF8Copy(tokens[end - 2].text, { WordForms.articleEnd($0, $1) != nil }),
           withUTF8Copy(tokens[end - 1].text, { p, m in
               WordForms.formsAlsoBare(p, m, statistics, finder) != nil && !statistics.names.contains(wordKey(p, m))
           }) {
            end -= 1
        }
        // what is left after words that are no name holds no word that reads as a name's (حال
        // اضطراب داخلية، أحبطت هجمات إرهابية): the rest of a clause, no name
        if start > words.lowerBound && !(start..<end).contains(where: { kind($0) == .name }) { return start..<start }
        // a word the lists do not know, then only common words ending in a noun the corpus writes
        // with the article (فرض رسوم جمركية، مقابل سلة): a phrase, no name
        if kind(start) != .name, (start + 1..<end).allSatisfy({ kind($0) == .common }),
           withUTF8Copy(tokens[end - 1].text, { WordForms.isBareCommonNoun($0, $1, statistics) }) {
            return start..<start
        }
        return start..<end
    }

    /// Is the organization found at `words`, headed by جبهة, a front line rather than a front (a
    /// movement)? War reports name fronts by where they run: a place the gazetteer knows (جبهة
    /// الحديدة), a bare name (جبهة صرواح، جبهة كرش) or a direction (جبهة الساحل الغربي). Movements
    /// are named by what they stand for, in definite words (جبهة العمل الإسلامي), or are in the
    /// gazetteer (جبهة النصرة، جبهة البوليساريو).
    func isFrontLine(_ tokens: [Token], _ words: Range<Int>, strip: Int) -> Bool {
        guard words.count >= 2 else { return false }
        let head = tokens[words.lowerBound].text
        guard head.utf8.dropFirst(min(strip, head.utf8.count)).elementsEqual(Self.frontHead.utf8) else { return false }
        let complement = tokens[(words.lowerBound + 1)..<words.upperBound].map(\.text)
        if !complement[0].hasPrefix("ال") { return true }
        if complement.contains(where: { Self.directionWords.contains($0) }) { return true }
        let places = entityCandidates(named: complement.joined(separator: " "))
        return places.contains { [.place, .country].contains(gazetteer.index.types[$0.entity]) }
    }

    private static let frontHead = ArabicNormalizer.normalize("جبهة")
    private static let directionWords: Set<String> = Set(["الغربي", "الغربية", "الشرقي", "الشرقية", "الشمالي", "الشمالية",
                                                          "الجنوبي", "الجنوبية", "الساحل", "الحدودية"].map(ArabicNormalizer.normalize))

    /// The words of a found organization `words` that name it, read with the corpus' word forms
    /// (`WordForms`), or none when they are a description rather than a name:
    /// - a later word with ب or ك before it starts what is said of the organization: the name
    ///   ends before it (جامع النوري بالموصل، محكمة دوربان بشمال …), as it does before و + a bare
    ///   word (مسجد وسوق);
    /// - ل (or a fused لل) right after the head makes a description (مركز لتسجيل الناخبين، منظمة
    ///   للمساعدات الإنسانية), but after a name it is the name's own (شركة قطر للوقود، معهد
    ///   ماساتشوستس للتكنولوجيا);
    /// - a name that is the head noun alone, or ends in a bare word the corpus writes as a common
    ///   noun or adjective (`WordForms.isCommonNoun`), is a description (بنك سويسري، مستشفى أطفال،
    ///   محكمة أمريكية; a team cue's one word: فريق حظر الكيماوي، ضد أتباع غولن). A name ends in a
    ///   definite word (وزارة شؤون المرأة) or a proper name (شركة توتال، بنك إنجلترا);
    /// - a name that ends in an honorific (مركز الملك، مستشفى الشيخ) was cut before the person it
    ///   is named after, and a team cue's one word the corpus has often, with ال too (منتخب جيد),
    ///   or writes with ال at all (ضد هندوس: الهندوس), is a description.
    /// - with the text at hand, a bare word no name has (`WordForms.nameWord` .foreign: a verb, a
    ///   noun with its pronoun, ك too) ends the name, and so does a ل phrase after a head and
    ///   frequent definite common nouns (`WordForms.isCommonWordWithArticle`) alone;
    /// - a name that ends in a bare nisba written with أ, which normalizing makes look definite
    ///   (محكمة ألمانية، بنك طعام ألماني: المانيه), is a description too;
    /// - a generic head (`NameFinder.genericHeads`: شركة، مركز، بنك …) and one definite common
    ///   noun the corpus also has bare (شركة الطيران، مركز الشرطة، بنك الطعام، شبكة الإنترنت) is
    ///   what such a body does, no name; one named after a proper name (مدرسة الخنساء، مركز
    ///   البحرين: never bare) or with more words (صندوق الاستثمارات العامة) is one.
    /// `strip`: proclitic bytes of the first word. `text`: what `tokens` were read from (nil: the
    /// hamza is not looked at).
    static func organizationCore(_ tokens: [Token], _ words: Range<Int>, strip: Int, _ statistics: TermStatistics,
                                 text: String? = nil) -> Range<Int> {
        let none = words.lowerBound..<words.lowerBound
        var end = words.upperBound
        for k in (words.lowerBound + 1)..<words.upperBound {
            // the proclitic letters before the word or its article: does one end the name (ب ك,
            // or و / ف before a bare word), is one ل?
            let proclitic: (ends: Bool, lam: Bool) = withUTF8Copy(tokens[k].text) { p, m in
                var c = 0, bare = true
                if let e = WordForms.articleEnd(p, m) {
                    bare = false
                    // a fused لل (للوقود): ل + the article, its alef unwritten
                    let fused = WordForms.letter(p, m, e - 4) == WordForms.lam
                    c = fused ? e - 2 : e - 4
                    // after ب ك ل, only a word the corpus writes with the article (بالموصل; not
                    // كاليفورنيا، بالدو)
                    if WordForms.plainArticleEnd(p, m) == nil,
                       (statistics.forms(of: wordKey(p + e, m - e))?.definite ?? 0) < 2 { c = 0 }
                } else {
                    c = WordForms.procliticLength(p, m, statistics)
                }
                var ends = false, lam = false
                for o in stride(from: 0, to: c, by: 2) {
                    let l = WordForms.letter(p, m, o)
                    if l == WordForms.ba || l == WordForms.kaf { ends = true }
                    if l == WordForms.lam { lam = true }
                }
                // و / ف alone: before the article, one more word of the name (والمقاييس)
                if c > 0 && !lam && bare { ends = true }
                return (ends, lam)
            }
            if proclitic.lam && !proclitic.ends && k == words.lowerBound + 1 { return none }
            if proclitic.ends { end = k; break }
            guard let text else { continue }
            // what is said of the body ends its name: a bare word no name has (a noun with its
            // pronoun: صندوق سيارتك، شركة لتطويره; a verb), and ل after a head and frequent
            // definite common nouns alone, which are the whole name (وزارة المالية للتواصل; not
            // شركة قطر للوقود). Each reading needs the store's sample to hold the word's forms:
            // on ANT dev, حفرتها (no الحفرة) and للمرة after مجلس النواب (too few bare نواب) slip by.
            let said = withUTF8Copy(tokens[k].text) { p, m -> Bool in
                if WordForms.articleEnd(p, m) == nil {
                    let ha = Tagger.endsInWrittenHa(text, tokens[k])
                    // (a pronoun after ل or ب too: لتطويره; the verb readings only after the
                    // head's first word, which may be a place or a foreign name: حكومة نيكاراغوا)
                    let lead = WordForms.letter(p, m, 0)
                    return WordForms.hasPronounSuffix(p, m, statistics, writtenHa: ha)
                        || (lead == WordForms.lam || lead == WordForms.ba) && m >= 10
                            && WordForms.hasPronounSuffix(p + 2, m - 2, statistics, writtenHa: ha)
                        || k >= words.lowerBound + 2
                            && WordForms.nameWord(p, m, statistics, NameFinder.standard, writtenHa: ha) == .foreign
                }
                return proclitic.lam && k >= words.lowerBound + 2 && ((words.lowerBound + 1)..<k).allSatisfy { j in
                    withUTF8Copy(tokens[j].text) { WordForms.isCommonWordWithArticle($0, $1, statistics, NameFinder.standard) }
                }
            }
            if said { end = k; break }
        }
        if end - words.lowerBound < min(2, words.count) { return none }
        let last = end - 1
        // a name cut short before the person it is named after (مركز الملك، مستشفى الشيخ،
        // كنيسة القديس: the finder stops at the known person's name) is no name of its own
        if last > words.lowerBound, NameFinder.standard.flags.value(wordKey(tokens[last].text)) & NameFlag.honorific != 0 {
            return none
        }
        let hamzaLead = last > words.lowerBound && text.map { Tagger.startsWithHamzaAlef($0, tokens[last]) } == true
        if last == words.lowerBound + 1, !hamzaLead,
           NameFinder.standard.isGenericHead(tokens[words.lowerBound].text, strip: strip),
           withUTF8Copy(tokens[last].text, { WordForms.isGenericComplement($0, $1, statistics, NameFinder.standard) }) {
            return none
        }
        let description = withUTF8Copy(tokens[last].text) { p, m in
            let s = last == words.lowerBound ? min(strip, m) : 0
            // (or a bare feminine adjective in ـية, agreeing with a head noun in ة: محكمة أمريكية،
            // حكومة ائتلافية، شركة صينية; a name ends in a definite one, المحكمة الدستورية)
            return WordForms.isBareCommonNoun(p + s, m - s, statistics)
                || last > words.lowerBound && WordForms.articleEnd(p, m) == nil && WordForms.isFeminineNisba(p, m, from: 0)
                // (a team cue's one word that the corpus writes with ال at all: منتخب جيد، ضد هندوس،
                // فريق هوكي; `isFrequentCommonWord`'s words among them)
                || last == words.lowerBound && WordForms.isWrittenWithArticle(p + s, m - s, statistics)
                // (ألماني، ألمانية: أل + a nisba ending)
                || hamzaLead && (WordForms.isFeminineNisba(p, m, from: 0) || m >= 8 && WordForms.letter(p, m, m - 2) == WordForms.ya)
        }
        return description ? none : words.lowerBound..<end
    }

    /// Where a found name starts in the text: after its first word's stripped proclitic when the
    /// text has it as the normalized word does.
    static func spanStart(_ f: FoundName, _ tokens: [Token], _ bytes: TextBytes) -> Int {
        let start = tokens[f.first].start
        guard f.strip > 0 else { return start }
        let u = Array(tokens[f.first].text.utf8.prefix(Int(f.strip)))
        if start + u.count <= bytes.n && !(0..<u.count).contains(where: { bytes[start + $0] != u[$0] }) {
            return start + u.count
        }
        return start
    }
}
