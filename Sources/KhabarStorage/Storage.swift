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
    /// The spelled forms (`Analyzer.spelledForm`) of the words whose normalized form ends in ي or
    /// ه, in order: the word with its last letter as written, ى or ي, ة or ه. Only ranking reads
    /// them (`SearchWord.spelled`); empty in text indexed before they were kept (analyzer version 4).
    public var titleSpelled: String
    public var bodySpelled: String

    public init(titleExact: String, titleStems: String, bodyExact: String, bodyStems: String,
                titleSpelled: String = "", bodySpelled: String = "") {
        self.titleExact = titleExact
        self.titleStems = titleStems
        self.bodyExact = bodyExact
        self.bodyStems = bodyStems
        self.titleSpelled = titleSpelled
        self.bodySpelled = bodySpelled
    }
}

/// A draft plus what the pipeline computed for it before storing.
public struct PreparedArticle: Sendable {
    public var draft: ArticleDraft
    public var indexed: IndexedText?
    /// Tags, attribution and signature; stored with the article when present.
    public var annotations: ArticleAnnotations?
    public var stage: PipelineStage

    public init(draft: ArticleDraft, indexed: IndexedText?, annotations: ArticleAnnotations? = nil, stage: PipelineStage) {
        self.draft = draft
        self.indexed = indexed
        self.annotations = annotations
        self.stage = stage
    }
}

// Repeats. An outlet sometimes publishes one article twice, under two addresses: the same title
// and the same body (ANT dev: 96 pairs, 94 of them Sky News Arabia's, `/technology/1045136` and
// `/technology/1045136-الصداع…`, most at the same minute), or the same title over a body the
// clustering stage found a near-duplicate of the first (`duplicateOf`: 10 more pairs, such as Al
// Arabiya's «يوفنتوس يتعادل مع روما» in two sections, one writing "2 / صفر", the other "2/صفر"). Both are stored: each address is the
// outlet's, an import or a feed sends both again, and each keeps its own page. A reader sees the
// article once, as a feed reader or a news site would: Miniflux and FreshRSS file a feed's entry
// once however often it comes back, FreshRSS can mark read on arrival an entry whose title the
// feed already gave, and Google News lists an outlet's article once under a story. So the lists (latest,
// an outlet's, a tag's, a story's, search), their feeds, and the counts shown beside them take
// the first one stored (the lowest `seq`) and leave out the later ones, its repeats; the other
// outlets' copies of a wire item are not repeats (each outlet credits it to itself) and stay listed.
// Each backend stores the rule's answer with the article (`repeat_of`: the first stored article it
// repeats), set when an article is stored, when its text or outlet changes (for the outlet's later
// articles under that title too) and when the clustering stage changes its primary. Read at query
// time, the rule took /tag/usa on ANT dev from 19 to 78 ms. In a story's list and figures an
// article is a repeat only when the article it repeats is in the same story.

/// Keyset pagination over articles, newest first.
public struct ArticleQuery: Sendable, Equatable {
    public var sourceID: Int64?
    public var limit: Int
    /// Only articles strictly older than this cursor.
    public var before: ArticleCursor?
    /// Only articles strictly newer than this cursor, and of those the `limit` nearest to it: the
    /// page that comes before a page starting at the cursor. Still returned newest first.
    public var after: ArticleCursor?
    /// Only articles published at or before this time (whole seconds, as
    /// `newestPublished(notAfter:)` reads it): lists pass over articles dated in the future.
    public var notAfter: Date?
    /// Leave out repeats: an article stored after another of the same outlet with the same title
    /// and body, or a near-duplicate copy of it under its title (see "Repeats" above). The site's lists set it; the pipeline reads every article.
    public var skipsRepeats: Bool

    public init(sourceID: Int64? = nil, limit: Int = 30, before: ArticleCursor? = nil, after: ArticleCursor? = nil,
                notAfter: Date? = nil, skipsRepeats: Bool = false) {
        self.sourceID = sourceID
        self.limit = limit
        self.before = before
        self.after = after
        self.notAfter = notAfter
        self.skipsRepeats = skipsRepeats
    }

    /// The query's bounds as the stores compare them: whole seconds and sequence numbers.
    public var keyset: Keyset {
        func key(_ c: ArticleCursor) -> Keyset.Key { Keyset.Key(seconds: Self.seconds(c.published), seq: c.seq) }
        return Keyset(before: before.map(key), after: after.map(key), notAfter: notAfter.map(Self.seconds))
    }

    /// A time as stored: whole epoch seconds, rounded down.
    public static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// A `notAfter` bound as the stores compare it: whole seconds, and no bound (`Int64.max`)
    /// for nil, so that a count reads the same SQL either way.
    public static func bound(_ notAfter: Date?) -> Int64 { notAfter.map(seconds) ?? .max }

    /// Bounds of a keyset page over (published, seq).
    public struct Keyset: Sendable {
        public struct Key: Sendable {
            public var seconds: Int64
            public var seq: Int64
        }

        public var before: Key?
        public var after: Key?
        public var notAfter: Int64?
        /// Rows are read oldest first (from `after` upwards) and the page is turned round.
        public var ascending: Bool { after != nil }
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

    /// The article's own position: a page that starts past it.
    public init(_ article: Article) {
        self.init(published: article.published, seq: article.seq)
    }

    /// `1525779000.123` style: epoch seconds, a dot, and the sequence number.
    public var description: String { "\(ArticleQuery.seconds(published)).\(seq)" }

    /// Parses either a cursor written by `description` or an ISO 8601 date / day (`2018-05-08`).
    /// Epoch seconds a cursor may hold: years 1 to 9999, as dates are written. Stores turn the
    /// time back into whole seconds, and `Int64.max` seconds does not survive the trip through
    /// `Double` (it stopped the server).
    public static let secondsRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    public init?(parsing text: String) {
        let parts = text.split(separator: ".", maxSplits: 1)
        if parts.count == 2, let seconds = Int64(parts[0]), let seq = Int64(parts[1]) {
            guard Self.secondsRange.contains(seconds) else { return nil }
            self.init(published: Date(timeIntervalSince1970: TimeInterval(seconds)), seq: seq)
            return
        }
        if let seconds = Int64(text) {
            guard Self.secondsRange.contains(seconds) else { return nil }
            self.init(published: Date(timeIntervalSince1970: TimeInterval(seconds)))
            return
        }
        guard let date = DateParsing.parse(text) else { return nil }
        self.init(published: date)
    }
}

/// One page of articles, newest first, and where the pages beside it start.
public struct ArticlePage: Sendable {
    public var articles: [Article]
    /// The `before` cursor of the next, older page; nil when none follows.
    public var next: ArticleCursor?
    /// The `after` cursor of the previous, newer page; nil when the store does not know of one.
    public var newer: ArticleCursor?

    public init(articles: [Article], next: ArticleCursor?, newer: ArticleCursor? = nil) {
        self.articles = articles
        self.next = next
        self.newer = newer
    }

    /// A page from rows fetched with `LIMIT limit + 1` in the query's order (`ArticleQuery.Keyset
    /// .ascending`): the extra row only says another page follows on that side, and the cursor
    /// points past the last row kept. Oldest-first rows are turned newest first.
    public init(fetched: [Article], limit: Int, ascending: Bool = false) {
        var articles = fetched
        var beyond: ArticleCursor?
        if articles.count > limit {
            articles.removeLast(articles.count - limit)
            beyond = articles.last.map(ArticleCursor.init)
        }
        if ascending {
            self.init(articles: articles.reversed(), next: nil, newer: beyond)
        } else {
            self.init(articles: articles, next: beyond)
        }
    }
}

/// What the store holds of an article, to decide whether a draft changes anything.
public struct StoredVersion: Sendable, Equatable {
    public var contentHash: String
    public var stage: PipelineStage
    /// The stored article's id: another than the draft's when the draft matched by URL.
    public var id: String

    public init(contentHash: String, stage: PipelineStage, id: String) {
        self.contentHash = contentHash
        self.stage = stage
        self.id = id
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
    /// Merges the pieces a search index accumulates as rows are written, so that a query reads
    /// fewer of them. `written`: the articles whose search text was just written; the work is
    /// bounded in proportion to it, so a feed refresh does a little and a bulk import leaves the
    /// index whole. Done in short steps of its own; queries find the same articles throughout.
    func compactSearchIndex(written: Int) async throws
    func articles(_ query: ArticleQuery) async throws -> ArticlePage
    func articleCount() async throws -> Int
    /// Replaces tags, attribution and signature of stored articles (`khabar reprocess --stage tags`);
    /// stage and story assignments stay.
    func replaceAnnotations(_ batch: [(seq: Int64, annotations: ArticleAnnotations)]) async throws
    /// Replaces the summaries of stored articles (`khabar reprocess` mending them: `SummaryText`);
    /// nothing else changes, the content hash included, so an import or a feed that sends the
    /// article again still finds it changed and stores it once more, with its summary mended.
    func replaceSummaries(_ batch: [(seq: Int64, summary: String?)]) async throws
    /// Stored articles by sequence number, in the order asked; unknown ones are left out.
    func articles(seqs: [Int64]) async throws -> [Article]
    /// Up to `limit` articles after sequence number `afterSeq`, in storage order (the order they
    /// were first stored, which story placement follows): what `khabar export` writes.
    func articles(afterSeq: Int64, limit: Int) async throws -> [Article]
    /// Publication time of the newest article published at or before `limit` (the "now" of a
    /// historical corpus; articles dated after the clock are misdated, not news).
    func newestPublished(notAfter limit: Date) async throws -> Date?
}

/// Tags: the tag pages, the API and the home page's top tags.
///
/// Counts take the bound the lists take (`ArticleQuery.notAfter`): a page that leaves out the
/// articles dated in the future counts without them too, or it says "5 news" over a list of 4.
public protocol TagStore: Sendable {
    /// The tag, its `articleCount` counting the articles published at or before `notAfter`
    /// (whole seconds; every article when nil); nil when no tag has the slug, whatever its count.
    /// Every count of this protocol and of `SourceStore` leaves repeats out (`skipsRepeats`).
    func tag(slug: String, notAfter: Date?) async throws -> TagInfo?
    /// Articles carrying the tag, newest first (keyset pagination as `articles(_:)`).
    func articles(tagged slug: String, query: ArticleQuery) async throws -> ArticlePage
    /// Tags on the most articles published in `from...to`, most first, then by slug; only those of
    /// `type` (a tag type: "person", "country" … "keyphrase") when it is given.
    func topTags(from: Date, to: Date, type: String?, limit: Int) async throws -> [TagInfo]
    /// The tags sharing the most articles with `slug` (at least two), most shared first, then by
    /// slug, of the articles published at or before `notAfter` (every article when nil): both
    /// `together` and each tag's `articleCount`.
    func cooccurringTags(with slug: String, limit: Int, notAfter: Date?) async throws -> [CooccurringTag]
    /// The names the tag's articles give it, most articles first (then the most recent, then by
    /// name): one person the gazetteer does not know is one tag whatever the spelling, and each
    /// article keeps its own (`ArticleTag.name`). The tag's `name` is the first of them; rows
    /// stored before articles kept their spelling count as the tag's name. Empty for no such tag.
    func tagSpellings(slug: String, limit: Int) async throws -> [String]
}

extension TagStore {
    /// Tags of every type on the most articles published in `from...to`.
    public func topTags(from: Date, to: Date, limit: Int) async throws -> [TagInfo] {
        try await topTags(from: from, to: to, type: nil, limit: limit)
    }
}

extension TagStore {
    /// The tag, counting every stored article (`khabar` commands, and a tag's existence).
    public func tag(slug: String) async throws -> TagInfo? { try await tag(slug: slug, notAfter: nil) }

    /// The tags sharing the most articles with `slug`, of every stored article.
    public func cooccurringTags(with slug: String, limit: Int) async throws -> [CooccurringTag] {
        try await cooccurringTags(with: slug, limit: limit, notAfter: nil)
    }
}

/// Stories and near-duplicates: the clustering stage's queue and results, and what web nodes read
/// to keep their related-articles index fresh.
public protocol StoryStore: Sendable {
    /// Analyzed articles waiting for the clustering stage, in sequence order.
    func pendingClustering(afterSeq: Int64, limit: Int) async throws -> [ClusterRecord]
    /// Clustered articles published in `from...to` (the clusterer's window when it resumes).
    func clusteredArticles(from: Date, to: Date) async throws -> [ClusterRecord]
    /// Stores placements, marks those articles clustered and refreshes the stories they touch.
    func recordClustering(_ placements: [StoryPlacement]) async throws
    /// Queues every placed article for placement again (back to analyzed), for `reprocess --stage
    /// stories`. Stories, story ids and copy links stay until the new placements replace them
    /// (a story none of whose articles is placed in it again goes with its last one), so a site
    /// reading the store meanwhile never finds it without stories: clearing them first left the
    /// home page and /api/stories empty for as long as the rebuild took.
    func resetClustering() async throws
    /// Clustered articles whose placement was written after `afterClusterSeq`, in that order.
    func clusterChanges(afterClusterSeq: Int64, limit: Int) async throws -> [ClusterRecord]
    func story(id: Int64) async throws -> Story?
    /// The story's articles, oldest first, without repeats (`ArticleQuery.skipsRepeats`); the
    /// story's stored `articleCount` counts them so too.
    func storyArticles(id: Int64) async throws -> [Article]
    /// Stories with an article published in `from...to` (`to` in whole seconds, as
    /// `ArticleQuery.notAfter` bounds a list), most recent first by the latest such article.
    ///
    /// A story whose later articles are dated past `to` (a feed two days off, a year 2099) is one
    /// of them by its earlier articles, and ranked by those: its stored `last` is the misdated
    /// date, and a window over the stored span left the story out until the clock caught up.
    /// The figures returned are the stored ones, counting every article: a caller that shows such
    /// a story (its `last` past `to`) reads its articles to count only those it lists.
    func stories(from: Date, to: Date, limit: Int) async throws -> [Story]
    /// A named lease (e.g. the clustering stage): true when `owner` holds it until `now + seconds`.
    func claimLease(_ name: String, owner: String, seconds: Double, now: Date) async throws -> Bool
    func releaseLease(_ name: String, owner: String) async throws
    /// Who holds lease `name` as recorded, expired or not; nil when nobody does.
    func leaseHolder(_ name: String) async throws -> String?
}

/// Outlets.
public protocol SourceStore: Sendable {
    /// Every outlet, most articles first, its `articleCount` counting the articles published at
    /// or before `notAfter` (whole seconds, as `ArticleQuery.notAfter`; every article when nil).
    func sources(notAfter: Date?) async throws -> [Source]
    /// The outlet, counted as `sources(notAfter:)` counts; nil when there is none.
    func source(id: Int64, notAfter: Date?) async throws -> Source?
}

extension SourceStore {
    /// Every outlet, counting every stored article (`khabar sources list`, the search page's list).
    public func sources() async throws -> [Source] { try await sources(notAfter: nil) }

    /// The outlet, counting every stored article.
    public func source(id: Int64) async throws -> Source? { try await source(id: id, notAfter: nil) }
}

/// Liveness of the backend, for `/healthz`.
public protocol HealthCheck: Sendable {
    func ping() async throws
}

/// Everything a web node or the pipeline needs from a backend.
public typealias KhabarStore = ArticleStore & SourceStore & FeedSourceStore & SearchIndex & HealthCheck & TagStore & StoryStore

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
    /// The owners of the feed leases live at `now`, each once.
    func feedLeaseHolders(now: Date) async throws -> [String]
    /// Ends every feed lease `owner` holds (a process that is gone); how many there were.
    func releaseFeedLeases(owner: String) async throws -> Int
    /// Sets `key` to `value` only if it has no value yet; true when this call set it. Used for
    /// once-per-installation steps such as adding the default sources.
    func setSettingOnce(_ key: String, value: String) async throws -> Bool
    /// The value of `key`, nil when it has none.
    func setting(_ key: String) async throws -> String?
    /// Sets `key` to `value`, replacing any value.
    func setSetting(_ key: String, value: String) async throws
}
