import Foundation
import KhabarArabic
import KhabarModel
import KhabarStorage
import KhabarTagging

/// Arabic-aware search: analyzes the query with the one analyzer, asks the store's index, and cuts
/// highlighted snippets from the original text. Shared by `/search`, `/api/search` and
/// `khabar search`.
public struct SearchEngine: Sendable {
    public let index: any SearchIndex
    public let analyzer: Analyzer
    /// Longer queries are cut to this many words: enough for any headline, bounded for FTS5.
    public static let maxWords = 32

    /// Other spellings of names, by normalized word (`SpellingVariants`).
    public let variants: SpellingVariants

    public init(index: any SearchIndex, analyzer: Analyzer = .standard, variants: SpellingVariants = SpellingVariants()) {
        self.index = index
        self.analyzer = analyzer
        self.variants = variants
    }

    public struct Filters: Sendable {
        public var sourceID: Int64?
        public var from: Date?
        public var to: Date?
        public var limit: Int
        public var offset: Int

        public init(sourceID: Int64? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 20, offset: Int = 0) {
            self.sourceID = sourceID
            self.from = from
            self.to = to
            self.limit = limit
            self.offset = offset
        }
    }

    public struct Result: Sendable {
        public var hit: SearchHit
        /// Pieces of the original body around the best-matching passage; `true` marks a match.
        public var snippet: [(text: String, match: Bool)]
    }

    public struct Response: Sendable {
        public var query: String
        public var words: [SearchWord]
        public var total: Int
        public var partialMatch: Bool
        public var results: [Result]
    }

    /// The words of a query: non-stopword tokens, or every token when the query is only stopwords.
    /// A word that is a stopword only once folded (علي, إمام as typed) is a word like any other.
    /// Each keeps its spelled form (ى or ي, ة or ه as typed), so that articles writing it so rank first.
    public func words(of text: String) -> [SearchWord] {
        let text = Self.head(text, characters: 4_000)
        let analysis = analyzer.analyze(text)
        var seen = Set<String>()
        var words: [SearchWord] = []
        var chosen = analysis.tokens
        let utf8 = Array(text.utf8)
        if analysis.tokens.count > analysis.terms.count {
            // the analyzer's terms plus the folded-stopword words, in query order
            let kept = Set(analysis.terms)
            chosen = analysis.tokens.filter { token in
                if kept.contains(token.text) { return true }
                guard analyzer.isStopword(token.text) else { return false }   // a single letter
                let surface = String(decoding: utf8[token.start..<token.end], as: UTF8.self)
                return !analyzer.isStopwordAsWritten(surface)
            }
        }
        let source = chosen.isEmpty ? analysis.tokens : chosen
        for token in source where seen.insert(token.text).inserted {
            var spellings = variants[token.text]
            if let other = otherHamzaSeat(String(decoding: utf8[token.start..<token.end], as: UTF8.self)),
               other != token.text, !spellings.contains(other) {
                spellings.append(other)
            }
            words.append(SearchWord(exact: token.text, stem: analyzer.stem(token.text),
                                    variants: spellings.map { SearchWord.Spelling(exact: $0, stem: analyzer.stem($0)) },
                                    spelled: analyzer.spelledForm(of: token, in: text)))
            if words.count == Self.maxWords { break }
        }
        return words
    }

    /// At most `characters` characters of `text`, cut at the last space before the limit when
    /// it is longer, so that no half word is searched for.
    static func head(_ text: String, characters: Int) -> String {
        guard text.count > characters else { return text }
        let head = text.prefix(characters)
        guard let space = head.lastIndex(where: \.isWhitespace) else { return String(head) }
        return String(head[..<space])
    }

    /// The word as written, its hamza seated on و written on ي or the other way round, folded:
    /// outlets spell one word both ways (مسؤول / مسئول، شؤون / شئون), and folding keeps the seats
    /// apart (و، ي). Nil when the word has neither seat.
    func otherHamzaSeat(_ surface: String) -> String? {
        let waw: Unicode.Scalar = "\u{0624}", ya: Unicode.Scalar = "\u{0626}"
        let scalars = surface.unicodeScalars
        let swap: (Unicode.Scalar, Unicode.Scalar)
        if scalars.contains(waw) { swap = (waw, ya) } else if scalars.contains(ya) { swap = (ya, waw) } else { return nil }
        var other = String.UnicodeScalarView()
        for c in scalars { other.append(c == swap.0 ? swap.1 : c) }
        return analyzer.tokenize(String(other)).first?.text
    }

    public func search(_ text: String, filters: Filters = Filters()) async throws -> Response {
        let words = words(of: text)
        guard !words.isEmpty else {
            return Response(query: text, words: [], total: 0, partialMatch: false, results: [])
        }
        let results = try await index.search(SearchQuery(
            words: words, sourceID: filters.sourceID, from: filters.from, to: filters.to,
            limit: filters.limit, offset: filters.offset))
        // the index has already made a wire item and its copies one hit (`SearchIndex`)
        return Response(
            query: text, words: words, total: results.total, partialMatch: results.partialMatch,
            results: results.hits.map { hit in
                Result(hit: hit, snippet: snippet(hit.article.body, words: words))
            })
    }

    /// The passage of about `window` words that matches the most query words, cut from the
    /// original text (harakat, hamza and all), with the matching words marked. Among passages
    /// matching as many query words, the one with more of them written as the query spells them
    /// (علي the name, not على, for the query علي), then the one with more distinct matching forms,
    /// then the earlier. (Counting forms alone chose four forms of إيران over a passage with both
    /// ترامب and إيران.)
    public func snippet(_ text: String, words: [SearchWord], window: Int = 28) -> [(text: String, match: Bool)] {
        let groups = words.map { (exact: Set($0.exactForms), stems: Set($0.stemForms)) }
        let tokens = analyzer.tokenize(text)
        guard !tokens.isEmpty else { return [] }
        // the query word each token matches (-1: none), and whether it is written as the query spells it
        var spelled = [Bool](repeating: false, count: tokens.count)
        let word: [Int] = tokens.enumerated().map { i, token in
            var stem: String? = nil
            for (g, group) in groups.enumerated() {
                if group.exact.contains(token.text) {
                    if let form = words[g].spelled { spelled[i] = analyzer.spelledForm(of: token, in: text) == form }
                    return g
                }
                if stem == nil { stem = analyzer.stem(token.text) }
                if group.stems.contains(stem!) { return g }
            }
            return -1
        }
        let matches = word.map { $0 >= 0 }
        var bestStart = 0
        var bestScore = -1
        var start = 0
        while start < tokens.count {
            var forms = Set<String>()
            var words = Set<Int>()
            var spelledWords = Set<Int>()
            for i in start..<min(tokens.count, start + window) where matches[i] {
                forms.insert(tokens[i].text)
                words.insert(word[i])
                if spelled[i] { spelledWords.insert(word[i]) }
            }
            // at most 32 words, so spelled ones never outweigh one more word, nor forms (at most
            // `window`) a spelled word
            let score = words.count * 1_000_000 + spelledWords.count * 10_000 + forms.count * 100 - start / 50  // earlier passages on ties
            if score > bestScore {
                bestScore = score
                bestStart = start
            }
            start += max(1, window / 4)
        }
        let end = min(tokens.count, bestStart + window)
        let utf8 = Array(text.utf8)
        var pieces: [(String, Bool)] = []
        var cursor = bestStart == 0 ? 0 : tokens[bestStart].start
        func plain(_ from: Int, _ to: Int) {
            if to > from { pieces.append((String(decoding: utf8[from..<to], as: UTF8.self), false)) }
        }
        if bestStart > 0 { pieces.append(("… ", false)) }
        for i in bestStart..<end {
            let token = tokens[i]
            if matches[i] {
                plain(cursor, token.start)
                pieces.append((String(decoding: utf8[token.start..<token.end], as: UTF8.self), true))
                cursor = token.end
            }
        }
        if end < tokens.count {
            plain(cursor, tokens[end - 1].end)
            pieces.append((" …", false))
        } else {
            plain(cursor, utf8.count)  // the closing punctuation of the text
        }
        // Newlines inside a snippet read as a space.
        return pieces.map { ($0.0.replacingOccurrences(of: "\n", with: " "), $0.1) }
    }
}

/// Spellings of one name that Arabic writes several ways (ترامب/ترمب، أمريكا/أميركا، بوتين/بوتن),
/// from the gazetteer: a query for one finds the others. Only one-word names are used, only those
/// that alone name their entity (no alias that needs context, no nisba), and only a word that
/// belongs to a single entity: the variants of a word two entities share would mix them.
public struct SpellingVariants: Sendable {
    private var byWord: [String: [String]] = [:]

    public init() {}

    public init(gazetteer: Gazetteer, analyzer: Analyzer = .standard) {
        var owners: [String: Set<String>] = [:]
        var sets: [String: [String]] = [:]
        for entity in gazetteer.entities {
            var words: [String] = []
            for alias in entity.aliasDetails where alias.form == .name && !alias.contextual {
                let tokens = analyzer.tokenize(alias.text)
                guard tokens.count == 1, !words.contains(tokens[0].text) else { continue }
                words.append(tokens[0].text)
            }
            guard words.count > 1 else { continue }
            sets[entity.id] = words
            for w in words { owners[w, default: []].insert(entity.id) }
        }
        for (word, ids) in owners where ids.count == 1 {
            byWord[word] = sets[ids.first!]!.filter { $0 != word }
        }
    }

    /// The other spellings of normalized word `word` (empty when it has none).
    public subscript(_ word: String) -> [String] { byWord[word] ?? [] }
}
