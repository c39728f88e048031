/// The one Arabic normalizer (matching form). Used for queries, gazetteer aliases, stopword lists.
///
/// Presentation forms (U+FB50–FDFF, U+FE70–FEFF) are folded as NFKC does (ﻻ → لا, ﷲ → الله);
/// harakat U+064B–U+065F, U+0610–U+061A, superscript alef U+0670, Quranic marks U+06D6–U+06ED
/// and tatweel U+0640 are dropped, as are format controls (zero-width, bidi, BOM, ALM, soft
/// hyphen); أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, ک → ك, ی → ي; Arabic-Indic and Persian
/// digits → ASCII; letters are lowercased (ASCII, Latin-1 and every other cased script).
/// Spaces, punctuation and symbols are kept as they are.
public enum ArabicNormalizer {
    public static func normalize(_ text: String) -> String {
        withUTF8(text) { p, n in normalizeBytes(p, n) } ?? text
    }
}

/// One word token: normalized form plus where it came from in the ORIGINAL string.
public struct Token: Sendable, Hashable {
    public let text: String   // normalized form
    public let start: Int     // UTF-8 byte offset into the original string
    public let end: Int       // UTF-8 byte offset, exclusive
    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

public struct Analysis: Sendable {
    public var tokens: [Token]   // every word token in order, stopwords included
    public var terms: [String]   // normalized tokens minus stopwords, in order
    public var stems: [String]   // stems aligned 1:1 with terms
    /// `WordKey` of each token's normalized text, aligned 1:1 with `tokens` (computed during the
    /// scan: consumers look words up by key without reading their text).
    public var keys: [UInt64]
}

/// Tokenizer, stopword filter and light stemmer over one normalization.
///
/// A word is a maximal run of letters and digits (any script), split where Arabic letters meet
/// ASCII letters or digits (لـCNN → ل cnn, و20 → و 20, 2018م → 2018 م); harakat, tatweel and
/// format controls inside it do not split it. Token offsets are UTF-8 byte offsets into the
/// original string and cover the word's trailing harakat.
public struct Analyzer: Sendable {
    /// Raised whenever a change gives existing text other tokens, stems or spelled forms: text
    /// stored by an older version must be analyzed again (`khabar reprocess --stage analyze`) for
    /// queries to match it (or, for spelled forms, to rank it as they should).
    /// 2: Arabic letters and ASCII letters or digits written together are two words.
    /// 3: the Urdu and Kurdish heh, kaf and yeh shapes (ھ ہ ۃ ۀ ە ڪ ے) fold as their Arabic letters.
    /// 4: the search text keeps the spelled forms (`spelledForm`: a final ى or ة as written).
    /// 5: words whose ال is their own (ألعاب، ألغام، إلهام …) keep it under a proclitic and alone
    /// (وألمانيا was مانيا, ألعاب عاب beside الألعاب's العاب).
    /// 6: ة written ت before a pronoun stems as ة (استقالته as استقالة, زيارتهم as زيارة, سياراته
    /// as سيارات), and protected names keep their ان، ين، ون، ات، ية (حمدان is no longer حمد).
    public static let version = 6

    /// Built-in stopwords (`StopwordsData.swift`) and protected words (`ProtectedWordsData.swift`
    /// and the names of `ProtectedNamesData.swift`).
    public static let standard = Analyzer(
        stopwords: parseWordList(stopwordsData),
        protectedWords: parseWordList(protectedWordsData).union(parseWordList(protectedNamesData)))

    private let stopwords: ByteSet
    private let protected: ByteSet
    /// The stopwords as written, harakat and tatweel dropped but hamza, ى and ة kept.
    private let writtenStopwords: Set<String>

    /// Both sets are normalized here, so they may be written with hamza, ة, harakat.
    public init(stopwords: Set<String>, protectedWords: Set<String>) {
        self.stopwords = ByteSet(stopwords.map(ArabicNormalizer.normalize))
        self.protected = ByteSet(protectedWords.map(ArabicNormalizer.normalize))
        // as written, and as written without hamza on alef (او، انه، اليه): a word typed so may be
        // either, and stays a stopword; إمام, آلية or علي as typed cannot be one
        self.writtenStopwords = Set(stopwords.flatMap { [Self.asWritten($0), Self.asWritten($0, foldingAlef: true)] })
    }

    /// Whether `surface` (a word as written) is one of the stopwords as they are written. Folding
    /// makes some names and nouns one word with a stopword: علي (a name) and على, إمام and أمام,
    /// أثر and إثر, آلية and إليه. The index cannot tell them apart, but a query can: a word
    /// typed as علي is a word the reader wants found, not a preposition to drop.
    public func isStopwordAsWritten(_ surface: String) -> Bool {
        writtenStopwords.contains(Self.asWritten(surface))
    }

    /// `s` without what the normalizer drops (harakat, tatweel, format controls: the scalar
    /// classes of ScalarClass.swift), its letters kept as written; with `foldingAlef`, أ إ آ ٱ
    /// are folded to ا as the normalizer folds them, and only they.
    static func asWritten(_ s: String, foldingAlef: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            let cls = classifyScalar(c.value)
            let kind = classKind(cls)
            if kind == kindDropMark || kind == kindControl { continue }
            if foldingAlef, kind == kindWord, classScalar(cls) == 0x0627 { out.append("\u{0627}"); continue }
            out.append(c)
        }
        return String(out)
    }

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        withUTF8(text) { p, n in
            tokens.reserveCapacity(n / 8 + 1)
            scanWords(p, n) { w, wn, s, e in
                tokens.append(Token(text: makeString(w, wn), start: s, end: e))
            }
        }
        return tokens
    }

    /// `tokenize` plus the `WordKey` of each token, aligned 1:1.
    public func keyedTokens(_ text: String) -> (tokens: [Token], keys: [UInt64]) {
        var tokens: [Token] = []
        var keys = KeyBuffer()
        withUTF8(text) { p, n in
            tokens.reserveCapacity(n / 8 + 1)
            keys.reserve(n / 8 + 1)
            scanWords(p, n) { w, wn, s, e in
                tokens.append(Token(text: makeString(w, wn), start: s, end: e))
                keys.append(WordKey.ofPadded(w, wn))
            }
        }
        return (tokens, keys.finish())
    }

    public func isStopword(_ normalizedToken: String) -> Bool {
        stopwords.contains(normalizedToken)
    }

    /// Input already normalized; returns it unchanged when no rule applies, and for any token
    /// that is not made only of Arabic letters (Latin words, numbers).
    public func stem(_ normalizedToken: String) -> String {
        withUTF8(normalizedToken) { p, n in
            guard let r = lightStem(p, n, protected: protected) else { return normalizedToken }
            return makeStemString(p, r)
        }
    }

    public func analyze(_ text: String) -> Analysis {
        var tokens: [Token] = []
        var terms: [String] = []
        var stems: [String] = []
        var keys = KeyBuffer()
        let stopwords = self.stopwords
        let protected = self.protected
        withUTF8(text) { p, n in
            tokens.reserveCapacity(n / 8 + 1)
            keys.reserve(n / 8 + 1)
            terms.reserveCapacity(n / 12 + 1)
            stems.reserveCapacity(n / 12 + 1)
            scanWords(p, n) { w, wn, s, e in
                let word = makeString(w, wn)
                tokens.append(Token(text: word, start: s, end: e))
                keys.append(WordKey.ofPadded(w, wn))
                if isSingleLetter(w, wn) || stopwords.contains(w, wn) { return }
                terms.append(word)
                if let r = lightStem(w, wn, protected: protected) {
                    stems.append(makeStemString(w, r))
                } else {
                    stems.append(word)
                }
            }
        }
        return Analysis(tokens: tokens, terms: terms, stems: stems, keys: keys.finish())
    }
}

@inline(__always) func makeString(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
}

/// One scalar that is not an ASCII digit (tokens hold only letters, digits and kept marks).
@inline(__always) func isSingleLetter(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    switch n {
    case 1: return p[0] > 0x39            // a–z (digits 0–9 are 0x30–0x39)
    case 2: return p[0] >= 0xC0           // one two-byte scalar
    case 3: return p[0] >= 0xE0
    case 4: return p[0] >= 0xF0
    default: return false
    }
}

/// Parses a word-list data file: one entry per line; blank lines and lines starting with # are
/// skipped; surrounding spaces are trimmed.
func parseWordList(_ data: String) -> Set<String> {
    var out = Set<String>()
    for line in data.split(separator: "\n", omittingEmptySubsequences: true) {
        let word = line.trimmingPrefix(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
        var w = Substring(word)
        while let last = w.last, last == " " || last == "\t" || last == "\r" { w = w.dropLast() }
        if w.isEmpty || w.hasPrefix("#") { continue }
        out.insert(String(w))
    }
    return out
}

/// The token keys of one scan, appended through a raw buffer (an array append costs its
/// uniqueness and capacity bookkeeping per token) and copied into an array once at the end.
struct KeyBuffer {
    var base: UnsafeMutablePointer<UInt64>? = nil
    var count = 0
    var capacity = 0

    mutating func reserve(_ n: Int) {
        if n > capacity { grow(n) }
    }

    @inline(never) mutating func grow(_ n: Int) {
        let cap = max(n, capacity * 2, 16)
        let nb = UnsafeMutablePointer<UInt64>.allocate(capacity: cap)
        if let b = base {
            nb.update(from: b, count: count)
            b.deallocate()
        }
        base = nb
        capacity = cap
    }

    @inline(__always) mutating func append(_ k: UInt64) {
        if count == capacity { grow(count + 1) }
        base.unsafelyUnwrapped[count] = k
        count += 1
    }

    /// The keys as an array; frees the buffer.
    mutating func finish() -> [UInt64] {
        guard let b = base else { return [] }
        let out = Array(UnsafeBufferPointer(start: b, count: count))
        b.deallocate()
        base = nil
        count = 0
        capacity = 0
        return out
    }
}
