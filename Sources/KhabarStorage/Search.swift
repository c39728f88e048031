import Foundation
import KhabarModel

/// A search over the pre-analyzed index. The caller analyzes the query text with the same analyzer
/// that produced `IndexedText`, so both sides agree on tokens.
public struct SearchQuery: Sendable, Equatable {
    /// One entry per query word: its normalized form and its stem. A document must match every word
    /// (in either form); if none does, backends fall back to matching any word.
    public var words: [SearchWord]
    public var sourceID: Int64?
    public var from: Date?
    public var to: Date?
    public var limit: Int
    public var offset: Int

    public init(words: [SearchWord], sourceID: Int64? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 20, offset: Int = 0) {
        self.words = words
        self.sourceID = sourceID
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }
}

public struct SearchWord: Sendable, Hashable {
    public var exact: String
    public var stem: String
    /// Other spellings of the same name (ترمب for ترامب, أميركا for أمريكا), normalized, each
    /// with its stem: a document matches the word when it has any of them.
    public var variants: [Spelling]
    /// The word as the query spells its last letter where normalization folds two letters into
    /// one (ى or ي, ة or ه): set when `exact` ends in ي or ه. It finds nothing the exact form does
    /// not; it ranks a document that writes the word so (its `IndexedText` spelled fields) above
    /// those that match the word only through the fold or by its stem: علي the name above على the
    /// preposition (see `SearchIndex`).
    public var spelled: String?

    public struct Spelling: Sendable, Hashable {
        public var exact: String
        public var stem: String
        public init(exact: String, stem: String) {
            self.exact = exact
            self.stem = stem
        }
    }

    public init(exact: String, stem: String, variants: [Spelling] = [], spelled: String? = nil) {
        self.exact = exact
        self.stem = stem
        self.variants = variants
        self.spelled = spelled
    }

    /// The exact forms a match may take: the word's, then its variants'.
    public var exactForms: [String] { [exact] + variants.map(\.exact) }
    /// The stems a match may take, without repeats.
    public var stemForms: [String] {
        var out = [stem]
        for v in variants where !out.contains(v.stem) { out.append(v.stem) }
        return out
    }
}

public struct SearchHit: Sendable {
    /// Without tags and attribution; `duplicateOf` is set.
    public var article: Article
    /// Higher is better; comparable only within one result list.
    public var score: Double

    public init(article: Article, score: Double) {
        self.article = article
        self.score = score
    }
}

public struct SearchResults: Sendable {
    public var total: Int
    public var hits: [SearchHit]
    /// True when no article matched every word and the hits match only some of them.
    public var partialMatch: Bool

    public init(total: Int, hits: [SearchHit], partialMatch: Bool) {
        self.total = total
        self.hits = hits
        self.partialMatch = partialMatch
    }
}

/// Full-text search over stored articles: first the articles that write the most query words as
/// the query spells them (`SearchWord.spelled`: ى or ي, ة or ه at the end), then BM25 (or the
/// backend's rank) with the title boosted and exact forms above stems. Both backends order by the
/// same count; a hit's `score` falls as the list does.
/// A wire item and its copies (articles sharing `duplicateOf ?? seq`) are one hit, grouped before
/// the page is cut: counted once in `total`, ranked by the best of them, shown as the primary when
/// the primary matches and writes as many of the spelled words as any copy.
public protocol SearchIndex: Sendable {
    func search(_ query: SearchQuery) async throws -> SearchResults
}
