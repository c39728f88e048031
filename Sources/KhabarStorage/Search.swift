import Foundation
import KhabarModel

/// A search over the pre-analyzed index. The caller analyzes the query text with the same analyzer
/// that produced `IndexedText`, so both sides agree on tokens.
///
/// The query's syntax, read by the caller (`SearchEngine`): every clause must match (plain
/// adjacency is AND), a clause matches when any of its terms does (`a OR b`), and no excluded term
/// may match (`-a`, `-"a b"`). If no document matches every clause, backends fall back to matching
/// any clause (`SearchResults.partialMatch`); the exclusions hold either way.
public struct SearchQuery: Sendable, Equatable {
    /// What a document must match: every clause, or (as a fallback, when none matches all) any.
    public var clauses: [SearchClause]
    /// What a document must not match: any of these removes it.
    public var excluded: [SearchTerm]
    public var sourceID: Int64?
    /// Only articles carrying the tag of this slug (`article_tags`).
    public var tag: String?
    public var from: Date?
    public var to: Date?
    public var limit: Int
    public var offset: Int

    public init(clauses: [SearchClause], excluded: [SearchTerm] = [], sourceID: Int64? = nil, tag: String? = nil,
                from: Date? = nil, to: Date? = nil, limit: Int = 20, offset: Int = 0) {
        self.clauses = clauses
        self.excluded = excluded
        self.sourceID = sourceID
        self.tag = tag
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }

    /// Every word a clause of its own: a document must match each word (in either form).
    public init(words: [SearchWord], sourceID: Int64? = nil, tag: String? = nil, from: Date? = nil, to: Date? = nil,
                limit: Int = 20, offset: Int = 0) {
        self.init(clauses: words.map { SearchClause([.word($0)]) }, sourceID: sourceID, tag: tag, from: from, to: to,
                  limit: limit, offset: offset)
    }

    /// The words the query looks for, in order, every term of every clause (not the excluded
    /// ones): whose spelled forms rank the hits (`SearchWord.spelled`).
    public var words: [SearchWord] { clauses.flatMap { $0.terms.flatMap(\.words) } }

    /// The words typed apart as one phrase, when there are two or more and every clause is one
    /// word (no quotes, no OR): hits that write them side by side and in order rank first after
    /// the spelled forms, on both backends. A reader who types صفقة القرن means the phrase; bm25
    /// alone put articles that have صفقة and القرن far apart above two of the three that have it.
    public var adjacency: SearchTerm? {
        guard clauses.count >= 2, clauses.count <= 6 else { return nil }
        var words: [SearchWord] = []
        for clause in clauses {
            guard clause.terms.count == 1, case let .word(w) = clause.terms[0] else { return nil }
            words.append(w)
        }
        return .phrase(words)
    }

    /// A hit's score when something besides bm25 ranks it: the spelled words it writes, then
    /// one half for writing the words side by side (`adjacency`), then its bm25 score (≥ 0)
    /// mapped into [0, 0.5), so that scores fall as the hits' order does.
    public static func score(spelledWords: Int, adjacent: Bool, bm25: Double) -> Double {
        let s = max(0, bm25)
        return Double(spelledWords) + (adjacent ? 0.5 : 0) + 0.5 * s / (1 + s)
    }

    /// The query as a backend's boolean expression: each clause its terms joined by `or` (in
    /// parentheses), the clauses joined by `and` (`all`) or by `or` (the partial fallback), then
    /// `andNot` and the excluded terms joined by `or`. `term` writes one term in the backend's
    /// syntax; both backends share this shape so they agree on what matches.
    public func booleanExpression(all: Bool, and: String, or: String, andNot: String, _ term: (SearchTerm) -> String) -> String {
        let positive = clauses.map { "(" + $0.terms.map(term).joined(separator: or) + ")" }.joined(separator: all ? and : or)
        guard !excluded.isEmpty else { return positive }
        return "(\(positive))" + andNot + "(" + excluded.map(term).joined(separator: or) + ")"
    }
}

/// One clause of a query: a document matches it when it matches any of its terms (`ترامب OR بايدن`).
public struct SearchClause: Sendable, Hashable {
    public var terms: [SearchTerm]
    public init(_ terms: [SearchTerm]) { self.terms = terms }
}

/// What a query looks for (or excludes): a word, or a quoted phrase.
public enum SearchTerm: Sendable, Hashable {
    /// Any of the word's exact forms or stems (`SearchWord`).
    case word(SearchWord)
    /// The words adjacent and in this order, each in one of its exact forms (its normalized form
    /// or a variant, never its stem), within the title or within the body. Every word typed is a
    /// position, stopwords included: the exact fields index every token (`IndexedText`), so
    /// "وزير في الحكومة" needs its في. A quoted single word is a phrase of one: its exact forms,
    /// without the stem's other endings.
    case phrase([SearchWord])

    public var words: [SearchWord] {
        switch self {
        case let .word(w): [w]
        case let .phrase(ws): ws
        }
    }

    /// At most this many token sequences stand for one phrase (`sequences`).
    public static let maxSequences = 64

    /// The token sequences a phrase matches: every choice of one exact form per word, in order,
    /// the first `maxSequences` of them (further positions keep only their first form once the
    /// product would exceed it, so the phrase as typed is always there). Both backends match
    /// exactly these, so they agree on hits (FTS5 has no OR inside a phrase; a tsquery could
    /// say it, but then it would say more than SQLite does). A word is one sequence per form.
    public var sequences: [[String]] {
        var out: [[String]] = [[]]
        for word in words {
            let forms = out.count * word.exactForms.count <= Self.maxSequences ? word.exactForms : [word.exact]
            out = out.flatMap { prefix in forms.map { prefix + [$0] } }
        }
        return out
    }
}

public struct SearchWord: Sendable, Hashable {
    public var exact: String
    public var stem: String
    /// Other forms of the same word, normalized, each with its stem: a document matches the word
    /// when it has any of them. Other spellings of the same name (ترمب for ترامب, أميركا for
    /// أمريكا), the other hamza seat (مسئول for مسؤول), and for an excluded word the word with a
    /// proclitic (بروسيا for روسيا: `SearchEngine`).
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
    /// The other matching articles folded into this hit (`SearchIndex`), by sequence number,
    /// ascending: a page lists them under it ("و N نسخ أخرى").
    public var copies: [Int64]

    public init(article: Article, score: Double, copies: [Int64] = []) {
        self.article = article
        self.score = score
        self.copies = copies
    }
}

public struct SearchResults: Sendable {
    /// Hits: matching articles, each group of copies counted once.
    public var total: Int
    public var hits: [SearchHit]
    /// True when no article matched every clause and the hits match only some of them.
    public var partialMatch: Bool
    /// The matching articles folded into another's hit: `total + folded` articles matched.
    public var folded: Int

    public init(total: Int, hits: [SearchHit], partialMatch: Bool, folded: Int = 0) {
        self.total = total
        self.hits = hits
        self.partialMatch = partialMatch
        self.folded = folded
    }
}

/// Full-text search over stored articles: first the articles that write the most query words as
/// the query spells them (`SearchWord.spelled`: ى or ي, ة or ه at the end), then BM25 (or the
/// backend's rank) with the title boosted and exact forms above stems. Both backends order by the
/// same count; a hit's `score` falls as the list does.
/// Copies under one headline are one hit, grouped before the page is cut: counted once in
/// `total`, ranked by the best of them, shown as the primary when the primary matches and writes
/// as many of the spelled words as any copy, the others named in `copies` and counted in `folded`.
/// A group is a primary and its near-duplicates (`duplicateOf`) that carry the primary's title,
/// and an outlet's repeats (the same title and body stored again, see "Repeats"). A copy under a
/// headline of its own (an outlet that rewrote the wire item's title, or dated it another day) is
/// a hit of its own: folded, it was a matching article the reader could not see (the query
/// "وزير الخارجية الروسي" on ANT dev counted 60 hits of 65 articles and said nothing of the 5).
public protocol SearchIndex: Sendable {
    func search(_ query: SearchQuery) async throws -> SearchResults
}
