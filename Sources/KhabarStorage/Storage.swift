import Foundation
import KhabarModel

/// What happened to one draft handed to `ArticleStore.upsert`.
public enum UpsertOutcome: Sendable, Equatable {
    case inserted(seq: Int64)
    case updated(seq: Int64)
    case unchanged(seq: Int64)
    /// The draft could not be stored (for example its URL belongs to another article); the reason
    /// names the field. Nothing else in the batch is affected.
    case rejected(reason: String)

    public var seq: Int64? {
        switch self {
        case let .inserted(seq), let .updated(seq), let .unchanged(seq): seq
        case .rejected: nil
        }
    }
}

/// Text prepared by the analyzer for the search index: space-separated normalized tokens (exact
/// field) and stems (recall field), for title and body. Backends index these strings as they are,
/// so index time and query time always agree on tokens (DESIGN.md §2, house rule 6).
public struct IndexedText: Sendable, Hashable {
    public var titleExact: String
    public var titleStems: String
    public var bodyExact: String
    public var bodyStems: String

    public init(titleExact: String, titleStems: String, bodyExact: String, bodyStems: String) {
        self.titleExact = titleExact
        self.titleStems = titleStems
        self.bodyExact = bodyExact
        self.bodyStems = bodyStems
    }
}

/// A draft plus what the pipeline computed for it before storing.
public struct PreparedArticle: Sendable {
    public var draft: ArticleDraft
    public var indexed: IndexedText?
    public var stage: PipelineStage

    public init(draft: ArticleDraft, indexed: IndexedText?, stage: PipelineStage) {
        self.draft = draft
        self.indexed = indexed
        self.stage = stage
    }
}

/// Keyset pagination over articles, newest first.
public struct ArticleQuery: Sendable, Equatable {
    public var sourceID: Int64?
    public var limit: Int
    /// Only articles strictly older than this cursor.
    public var before: ArticleCursor?

    public init(sourceID: Int64? = nil, limit: Int = 30, before: ArticleCursor? = nil) {
        self.sourceID = sourceID
        self.limit = limit
        self.before = before
    }
}

/// A position in the newest-first order: publication time, then sequence number as tie-breaker.
public struct ArticleCursor: Sendable, Hashable, CustomStringConvertible {
    public var published: Date
    public var seq: Int64

    public init(published: Date, seq: Int64 = .max) {
        self.published = published
        self.seq = seq
    }

    /// `1525779000.123` style: epoch seconds, a dot, and the sequence number.
    public var description: String { "\(Int64(published.timeIntervalSince1970.rounded(.down))).\(seq)" }

    /// Parses either a cursor written by `description` or an ISO 8601 date / day (`2018-05-08`).
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", maxSplits: 1)
        if parts.count == 2, let seconds = Int64(parts[0]), let seq = Int64(parts[1]) {
            self.init(published: Date(timeIntervalSince1970: TimeInterval(seconds)), seq: seq)
            return
        }
        if let seconds = Int64(text) {
            self.init(published: Date(timeIntervalSince1970: TimeInterval(seconds)))
            return
        }
        guard let date = DateParsing.parse(text) else { return nil }
        self.init(published: date)
    }
}

/// One page of articles and where the next one starts.
public struct ArticlePage: Sendable {
    public var articles: [Article]
    public var next: ArticleCursor?

    public init(articles: [Article], next: ArticleCursor?) {
        self.articles = articles
        self.next = next
    }
}

/// What the store holds of an article, to decide whether a draft changes anything.
public struct StoredVersion: Sendable, Equatable {
    public var contentHash: String
    public var stage: PipelineStage

    public init(contentHash: String, stage: PipelineStage) {
        self.contentHash = contentHash
        self.stage = stage
    }
}

/// Articles: the write path used by the pipeline and the read path used by pages and the API.
public protocol ArticleStore: Sendable {
    /// Stores a batch atomically: either every accepted draft of the batch is committed, or none.
    /// The same id or canonical URL updates the stored article instead of creating a second one.
    func upsert(_ batch: [PreparedArticle]) async throws -> [UpsertOutcome]
    /// For each draft already stored (matched by id, else by URL): the stored content hash and stage,
    /// keyed by the draft's id. Lets the pipeline skip work for articles that have not changed.
    func storedVersions(of drafts: [ArticleDraft]) async throws -> [String: StoredVersion]
    func article(id: String) async throws -> Article?
    /// Replaces the search-index text of stored articles and marks them analyzed (`khabar reprocess`).
    func replaceIndexedText(_ batch: [(seq: Int64, indexed: IndexedText)]) async throws
    func articles(_ query: ArticleQuery) async throws -> ArticlePage
    func articleCount() async throws -> Int
}

/// Outlets.
public protocol SourceStore: Sendable {
    func sources() async throws -> [Source]
    func source(id: Int64) async throws -> Source?
}

/// Liveness of the backend, for `/healthz`.
public protocol HealthCheck: Sendable {
    func ping() async throws
}

/// Everything a web node or the pipeline needs from a backend.
public typealias KhabarStore = ArticleStore & SourceStore & FeedSourceStore & SearchIndex & HealthCheck

/// Sources that are polled, and the leases that keep two workers from fetching one feed at once.
public protocol FeedSourceStore: Sendable {
    /// Adds a feed (or returns the existing source with that feed URL): idempotent.
    func addFeedSource(feedURL: String, name: String?, domain: String?) async throws -> FeedSource
    func feedSources() async throws -> [FeedSource]
    func feedSource(id: Int64) async throws -> FeedSource?
    /// Removes the source and its articles; false when there was none.
    func removeSource(id: Int64) async throws -> Bool
    /// Leases up to `limit` enabled feeds whose next poll is due (or all of `only`), skipping feeds
    /// another worker holds a live lease on.
    func claimDueFeeds(owner: String, now: Date, lease: Double, limit: Int, only: Int64?) async throws -> [FeedSource]
    /// Stores the outcome of a poll and releases the lease, if `owner` still holds it.
    func recordFetch(sourceID: Int64, owner: String, record: FetchRecord) async throws
    /// Sets `key` to `value` only if it has no value yet; true when this call set it. Used for
    /// once-per-installation steps such as adding the default sources.
    func setSettingOnce(_ key: String, value: String) async throws -> Bool
}
