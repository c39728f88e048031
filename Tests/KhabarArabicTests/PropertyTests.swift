import Foundation
import Testing
@testable import KhabarArabic

/// Texts written for the property tests: harakat, tatweel, controls, Latin, digits,
/// presentation forms, emoji, mixed punctuation.
let sampleTexts: [String] = [
    "كَتَبَ الطالبُ الدرسَ في المدرسةِ",
    "وَقَالَ الوَزِيرُ إِنَّ الحُكُومَةَ سَتَدْعَمُ المُزَارِعِينَ",
    "بـــالـــحـــكـــومـــة والوزارات \u{200F}لواشنطن\u{200F} وبموسكو",
    "WE CONNECT PEOPLE — كوفيد-19 في ٢٠١٨ و۱۴۰۲",
    "«الأرمن» و«الآرمن»، أرمينيا/آرمينيا؛ هل هي نفسها؟",
    "ﻻ إله إلا ﷲ ﻣﺮﺣﺒﺎ ﺑﻜﻢ",
    "👍🏽 رائع! café, ÉLYSÉE, Straße, e\u{0301}",
    "مر\u{200C}حبا \u{202B}خبر عاجل\u{202C} \u{2067}نص\u{2069}",
    "الساعة 10:30 صباحاً (بتوقيت غرينتش) https://example.com/a?b=1",
    "قرأ\u{06D6}ت الآية\u{06DD}٣ ۞ وَٱلْأَرْضِ",
    "",
    "   \n\t ",
    String(repeating: "ب", count: 3000) + " " + String(repeating: "كَ", count: 500),
]

@Suite("Tokenizer properties")
struct TokenizerPropertyTests {
    @Test("offsets slice the original word back, harakat included")
    func offsetsSliceOriginal() {
        let text = "كَتَبَ الطالبُ، ثُمَّ ذَهَبَ"
        let slices = Analyzer.standard.tokenize(text).map { slice(text, $0) }
        #expect(slices == ["كَتَبَ", "الطالبُ", "ثُمَّ", "ذَهَبَ"])
        let t2 = "\u{200F}مـحـمـد\u{200F} و WE"
        #expect(Analyzer.standard.tokenize(t2).map { slice(t2, $0) } == ["مـحـمـد", "و", "WE"])
    }

    @Test("offsets are ordered scalar boundaries and normalize back to the token", arguments: sampleTexts)
    func offsetsAreConsistent(_ text: String) {
        let utf8 = Array(text.utf8)
        var last = 0
        for tok in Analyzer.standard.tokenize(text) {
            #expect(tok.start >= last && tok.start < tok.end && tok.end <= utf8.count)
            last = tok.end
            // Both offsets sit on scalar boundaries (not on a UTF-8 continuation byte).
            #expect(utf8[tok.start] & 0xC0 != 0x80)
            #expect(tok.end == utf8.count || utf8[tok.end] & 0xC0 != 0x80)
            let original = slice(text, tok)
            // A presentation form can expand into several words; otherwise the slice
            // normalizes to exactly the token.
            if !original.unicodeScalars.contains(where: { (0xFB50...0xFEFE).contains($0.value) }) {
                #expect(ArabicNormalizer.normalize(original) == tok.text, "\(original.debugDescription)")
            }
        }
    }

    @Test("tokenize and analyze agree; stems align with terms", arguments: sampleTexts)
    func analyzeAgrees(_ text: String) {
        let a = Analyzer.standard.analyze(text)
        #expect(a.tokens == Analyzer.standard.tokenize(text))
        #expect(a.terms.count == a.stems.count)
        let expectedTerms = a.tokens.map(\.text).filter {
            !Analyzer.standard.isStopword($0) && !($0.unicodeScalars.count == 1 && !("0"..."9").contains($0))
        }
        #expect(a.terms == expectedTerms)
        #expect(a.stems == a.terms.map { Analyzer.standard.stem($0) })
    }

    @Test("a very long word and a long text")
    func longInput() {
        let word = String(repeating: "سلام", count: 5000)
        let toks = Analyzer.standard.tokenize("x " + word + " y")
        #expect(toks.map(\.text) == ["x", word, "y"])
        #expect(toks[1].start == 2 && toks[1].end == 2 + word.utf8.count)
    }

    @Test("concurrent use of the shared analyzer gives the same results")
    func concurrent() async {
        let expected = sampleTexts.map { Analyzer.standard.analyze($0).stems }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { sampleTexts.map { Analyzer.standard.analyze($0).stems } == expected }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

@Suite("Normalizer properties")
struct NormalizerPropertyTests {
    /// Scalars that exercise every rule, for generated strings.
    static let pool: [Unicode.Scalar] = {
        var v: [UInt32] = [0x20, 0x2D, 0x41, 0x5A, 0x61, 0x7A, 0x30, 0x39, 0xA0, 0xAD, 0xC9, 0xDF, 0xE9, 0x0301,
                           0x0391, 0x041C, 0x060C, 0x061C, 0x0640, 0x0670, 0x06D6, 0x06DD, 0x06DE, 0x06ED,
                           0x200B, 0x200C, 0x200F, 0x202B, 0x202C, 0x2067, 0x2069, 0xFEFF, 0x1F44D]
        v += Array(0x0610...0x061A) + Array(0x0621...0x064A) + Array(0x064B...0x065F)
        v += Array(0x0660...0x0669) + Array(0x06F0...0x06F9) + [0x0671, 0x067E, 0x06A9, 0x06AF, 0x06CC]
        v += [0xFB56, 0xFB8E, 0xFBFC, 0xFC00, 0xFC5E, 0xFDF2, 0xFDFA, 0xFDFB, 0xFDFC, 0xFE70, 0xFE8D,
              0xFEE3, 0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB]
        return v.compactMap(Unicode.Scalar.init)
    }()

    static func generated(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 24) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            return String(s)
        }
    }

    @Test("normalize is idempotent")
    func idempotent() {
        var inputs = sampleTexts + Self.generated(3000, seed: 42)
        inputs += GoldenTests.normalizeRows.map(\.input) + GoldenTests.tokenizeRows.map(\.input)
        inputs += (0xFB50...0xFEFF).compactMap { Unicode.Scalar(UInt32($0)).map { "ب" + String($0) + "ت" } }
        for s in inputs {
            let once = ArabicNormalizer.normalize(s)
            #expect(ArabicNormalizer.normalize(once) == once, "\(s.debugDescription)")
        }
    }

    @Test("tokens of the normalized text are the tokens of the text")
    func tokensStable() {
        for s in sampleTexts + Self.generated(2000, seed: 7) {
            let a = Analyzer.standard.tokenize(s).map(\.text)
            let b = Analyzer.standard.tokenize(ArabicNormalizer.normalize(s)).map(\.text)
            // normalize drops ۝ ۞ ۩, which split words in the tokenizer
            if !s.unicodeScalars.contains(where: { [0x06DD, 0x06DE, 0x06E9].contains($0.value) }) {
                #expect(a == b, "\(s.debugDescription)")
            }
        }
    }

    @Test("presentation forms fold as NFKC does (checked against Foundation)")
    func presentationFormsMatchNFKC() {
        var checked = 0
        for v in Array(UInt32(0xFB50)...0xFDFF) + Array(UInt32(0xFE70)...0xFEFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            let nfkc = s.precomposedStringWithCompatibilityMapping
            if nfkc == s { continue }                   // no compatibility mapping
            checked += 1
            var expected = ArabicNormalizer.normalize(nfkc)
            // A space plus harakat (isolated haraka forms) is dropped as a mark.
            if expected.allSatisfy({ $0 == " " }) { expected = "" }
            #expect(ArabicNormalizer.normalize(s) == expected, "U+\(String(v, radix: 16, uppercase: true))")
        }
        #expect(checked > 700)
    }

    @Test("normalize leaves plain and already normal text untouched")
    func untouched() {
        for s in ["", "abc 123", "السلام عليكم", "«خبر»، نعم؟ 👍", "straße"] {
            #expect(ArabicNormalizer.normalize(s) == s)
        }
    }

    @Test("hamza/madda variants normalize and stem identically")
    func variantPairs() {
        let a = Analyzer.standard
        for (x, y) in [("أرمينيا", "آرمينيا"), ("الأرمن", "الآرمن"), ("إيران", "ايران"), ("مؤتمر", "موتمر")] {
            let nx = ArabicNormalizer.normalize(x), ny = ArabicNormalizer.normalize(y)
            #expect(nx == ny)
            #expect(a.stem(nx) == a.stem(ny))
            #expect(a.analyze(x).stems == a.analyze(y).stems)
        }
    }
}

@Suite("Stemmer properties")
struct StemmerPropertyTests {
    static let prefixes = ["", "ال", "وال", "بال", "كال", "فال", "لل", "و", "وبال", "فبال", "وكال", "ولل", "فلل", "ب", "ل"]
    static let suffixes = ["", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "هم", "تها", "اتها", "يين"]
    static let bases = ["ب", "كت", "درس", "مدرس", "حكوم", "وزير", "وزاره", "وطن", "لبنان", "ال", "لل", "وو", "يه", "ها",
                        "ان", "امريك", "واشنطن", "الله", "ت", "قانون", "ي", "ه", "اتصال"]

    @Test("stems are never shorter than 2 letters (or than the token)")
    func stemLength() {
        let a = Analyzer.standard
        let bare = Analyzer(stopwords: [], protectedWords: [])
        var words = GoldenTests.stemRows.map(\.input)
        for p in Self.prefixes { for b in Self.bases { for s in Self.suffixes { words.append(p + b + s) } } }
        for w in words {
            for analyzer in [a, bare] {
                let stem = analyzer.stem(w)
                #expect(stem.unicodeScalars.count >= min(2, w.unicodeScalars.count), "\(w) → \(stem)")
                #expect(stem.unicodeScalars.count <= w.unicodeScalars.count, "\(w) → \(stem)")
            }
        }
    }

    @Test("every protected word and name stems to itself, also behind ال/وال/بال/لل/و")
    func protectedWords() {
        let a = Analyzer.standard
        let names = Set(parseWordList(protectedNamesData).map(ArabicNormalizer.normalize))
        let protected = Set(parseWordList(protectedWordsData).map(ArabicNormalizer.normalize)).union(names)
        #expect(protected.count >= 150)
        #expect(names.count >= 50)
        for w in protected {
            #expect(a.stem(w) == w, "\(w)")
            // Words that carry their own ال or start with ل take no second article.
            if w.hasPrefix("ال") || w.hasPrefix("ل") { continue }
            // (و + جهه is itself the protected وجهه.)
            for p in ["ال", "وال", "بال", "لل", "و"] where !protected.contains(p + w) {
                // a loan stem starting بال (بالست) reads as the proclitics وبال after و, as before
                if p == "و" && w.hasPrefix("بال") { continue }
                #expect(a.stem(p + w) == w, "\(p + w)")
            }
        }
    }

    @Test("forms of one word share one stem")
    func consistentGroups() {
        let a = Analyzer.standard
        let groups: [[String]] = [
            ["وزير", "الوزير", "والوزير", "للوزير", "بالوزير", "ووزير", "وزيرها", "وزيرة", "الوزيرة"],
            ["وزارة", "الوزارة", "بالوزارة", "للوزارة", "وزارتها", "الوزارات", "والوزارات"],
            ["الحكومة", "وبالحكومة", "للحكومة", "حكومات", "والحكومات", "فالحكومة", "حكومة"],
            ["الوطن", "وطن", "وطني", "الوطنية", "ووطن", "وطنها"],
            ["لبنان", "اللبناني", "اللبنانية", "لبنانيون"],
            ["أمريكي", "الأمريكية", "والأمريكية", "الأمريكيين"],
            ["وكالة", "الوكالة", "وكالات", "وكالتها", "للوكالة"],
            // ة written ت before a pronoun; a plural's ات before one; a ت of the word's own
            ["استقالة", "الاستقالة", "استقالته", "استقالتها", "والاستقالة"],
            ["زيارة", "الزيارة", "زيارته", "زيارتها", "زيارتهم", "وزيارته", "زيارتنا"],
            ["سيارة", "السيارة", "سيارات", "السيارات", "سياراته", "سيارته"],
            ["مباراة", "المباراة", "مباراته", "مباراتها", "للمباراة"],
            ["بيت", "البيت", "بيته", "بيتهم", "بيتنا"],
            ["وقت", "الوقت", "وقته", "وقتهم", "وقتنا"],
            ["نبات", "النبات", "نباتها", "النباتات"],
        ]
        for g in groups {
            let stems = Set(g.map { a.stem(ArabicNormalizer.normalize($0)) })
            #expect(stems.count == 1, "\(g) → \(stems)")
        }
    }

    @Test("without protected words the plain light10 rules apply")
    func bareLight10() {
        let bare = Analyzer(stopwords: [], protectedWords: [])
        #expect(bare.stem("واشنطن") == "اشنطن")
        #expect(bare.stem("الوزير") == "وزير")
        #expect(bare.stem("والوزير") == "وزير")
        #expect(bare.stem("وزير") == "زير")
        #expect(bare.stem("لبنان") == "لبن")
    }

    @Test("non-Arabic tokens are returned unchanged")
    func nonArabic() {
        for w in ["covid", "2018", "g20", "élysée", "москва", "كوفيد19", "x", ""] {
            #expect(Analyzer.standard.stem(w) == w)
        }
    }
}

@Suite("Spelled form properties")
struct SpelledFormPropertyTests {
    /// The spelled form differs from the folded token at most in its last letter (ى for ي, ة for
    /// ه), folds back to it, and exists exactly for the tokens whose folded form ends in ي or ه.
    @Test("spelled forms fold back to their token", arguments: [0, 1])
    func spelledFormsFoldBack(_ part: Int) {
        let analyzer = Analyzer.standard
        let texts = part == 0 ? sampleTexts + GoldenTests.spellRows.map(\.input)
                              : NormalizerPropertyTests.generated(3000, seed: 11)
                                + (0xFB50...0xFEFF).compactMap { Unicode.Scalar(UInt32($0)).map { "ب" + String($0) } }
        for text in texts {
            for token in analyzer.tokenize(text) {
                let spelled = analyzer.spelledForm(of: token, in: text)
                let foldable = token.text.hasSuffix("\u{064A}") || token.text.hasSuffix("\u{0647}")
                #expect((spelled != nil) == foldable, "\(text.debugDescription)")
                guard let spelled else { continue }
                #expect(ArabicNormalizer.normalize(spelled) == token.text, "\(text.debugDescription)")
                #expect(spelled.unicodeScalars.dropLast().elementsEqual(token.text.unicodeScalars.dropLast()))
            }
        }
    }

    /// Offsets that do not belong to the text (another text's token, past its end, inside a
    /// letter) give the folded form or nothing, never a crash.
    @Test("offsets from another text are safe")
    func foreignOffsets() {
        let analyzer = Analyzer.standard
        let text = "على"
        for (start, end) in [(0, 6), (0, 100), (5, 6), (1, 5), (6, 2), (-3, 4), (0, 0), (3, 3)] {
            for word in ["علي", "مدرسه", "كتاب", ""] {
                let spelled = analyzer.spelledForm(of: Token(text: word, start: start, end: end), in: text)
                if let spelled { #expect(ArabicNormalizer.normalize(spelled) == word) }
            }
        }
        #expect(analyzer.spelledForm(of: Token(text: "علي", start: 0, end: 6), in: "") == "علي")
        #expect(analyzer.spelledForm(of: Token(text: "علي", start: 0, end: 6), in: text) == "على")
    }
}

@Suite("ByteSet")
struct ByteSetTests {
    /// Every key is found, from a buffer and as a stem with ه appended; words that are no key
    /// (one letter more or less, another last or second letter) are not, whatever the prefilter
    /// lets through.
    @Test("finds its keys and only them")
    func keys() {
        let words = parseWordList(protectedWordsData).union(parseWordList(protectedNamesData))
            .union(parseWordList(stopwordsData)).map(ArabicNormalizer.normalize) + ["a", "ab", "abc", "و", "في"]
        let keys = Set(words)
        let set = ByteSet(keys)
        #expect(set.count == keys.count)
        var probes = Set<String>()
        for k in keys {
            #expect(set.contains(k), "\(k)")
            probes.insert(k + "ه"); probes.insert(k + "ا"); probes.insert(String(k.dropLast()))
            probes.insert(String(k.dropFirst())); probes.insert("ب" + k)
            probes.insert(String(k.dropLast()) + "ت"); probes.insert(String(k.dropLast()) + "ي")
        }
        for w in probes where !w.isEmpty {
            #expect(set.contains(w) == keys.contains(w), "\(w)")
            // the same word read as a stem with ه appended (the ة form of a protected word)
            guard w.hasSuffix("ه"), w.utf8.count >= 6 else { continue }
            let stem = Array(w.utf8.dropLast(2))
            let found = stem.withUnsafeBufferPointer { set.contains($0.baseAddress!, $0.count, tail: 0xD9, 0x87) }
            #expect(found == keys.contains(w), "\(w)")
        }
    }
}

@Suite("Word lists")
struct WordListTests {
    @Test("built-in stopwords: size, required entries, no place names")
    func stopwords() {
        let a = Analyzer.standard
        let list = Set(parseWordList(stopwordsData).map(ArabicNormalizer.normalize))
        #expect(list.count >= 250)
        for w in ["وفي", "وهو", "التي", "الذي", "الى", "إلى", "على", "عن", "ان", "أن", "إن", "كان", "قد", "لم", "لن",
                  "قال", "وقال", "أضاف", "وأضاف", "أوضح", "وأوضح", "أكد", "وأكد", "أشار", "وأشار", "تابع", "ذكر",
                  "اليوم", "أمس"] {
            #expect(a.isStopword(ArabicNormalizer.normalize(w)), "\(w)")
        }
        for w in ["جنوب", "شمال", "شرق", "غرب", "مصر", "سوريا", "واشنطن", "وزير", "حكومه", "رييس", "وكاله"] {
            #expect(!a.isStopword(w), "\(w)")
        }
        // Entries are single words.
        #expect(list.allSatisfy { !$0.contains(" ") })
    }

    @Test("custom analyzer normalizes its word lists")
    func customLists() {
        let a = Analyzer(stopwords: ["إلى", "ﷲ"], protectedWords: ["وَزِير"])
        #expect(a.isStopword("الي"))
        #expect(a.isStopword("الله"))
        #expect(!a.isStopword("في"))
        #expect(a.stem("وزير") == "وزير")
        #expect(a.stem("والوزير") == "وزير")
        #expect(a.analyze("ذهب إلى الوزير").terms == ["ذهب", "الوزير"])
    }
}

func slice(_ text: String, _ tok: Token) -> String {
    String(decoding: Array(text.utf8)[tok.start..<tok.end], as: UTF8.self)
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
