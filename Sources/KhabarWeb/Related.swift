import Foundation
import KhabarModel
import KhabarStorage
import KhabarStories

/// A web node's (or the CLI's) related-articles index, kept fresh from the database.
///
/// The index lives in memory (`RelatedIndex`: posting lists over signature terms) and follows the
/// clustering stage's output through `cluster_seq`: every node polls only what was placed since it
/// last looked, so any number of web nodes can share one PostgreSQL without talking to each other.
/// A request triggers a catch-up at most once per `interval`; concurrent requests share it.
public final class RelatedService: Sendable {
    public let index: RelatedIndex
    let store: any ArticleStore & StoryStore
    let follower: Follower
    public let interval: TimeInterval

    public init(store: any ArticleStore & StoryStore, parameters: RelatedParameters = .standard, interval: TimeInterval = 1,
                cacheSeconds: TimeInterval = 30) {
        self.cacheSeconds = cacheSeconds
        self.store = store
        self.index = RelatedIndex(parameters: parameters)
        self.follower = Follower()
        self.interval = interval
    }

    /// Catches up with the clustering stage unless that was done less than `interval` ago.
    public func ensureFresh() async throws {
        try await follower.catchUp(store: store, index: index, interval: interval)
    }

    /// Loads everything placed so far, now.
    public func load() async throws {
        try await follower.catchUp(store: store, index: index, interval: 0)
    }

    /// Resolved lists of recently shown articles, for `cacheSeconds` (the same article is asked
    /// for by many readers; bodies are dropped from the cached copies).
    let cache = ResultCache()
    public let cacheSeconds: TimeInterval

    final class ResultCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: (at: Date, value: ResolvedRelated)] = [:]

        func get(_ key: String, maxAge: TimeInterval) -> ResolvedRelated? {
            lock.lock()
            defer { lock.unlock() }
            guard let hit = entries[key], Date().timeIntervalSince(hit.at) < maxAge else { return nil }
            return hit.value
        }

        func put(_ key: String, _ value: ResolvedRelated) {
            lock.lock()
            defer { lock.unlock() }
            if entries.count >= 4096 { entries.removeAll(keepingCapacity: true) }
            entries[key] = (Date(), value)
        }
    }

    /// The related lists of a stored article, with the articles resolved (missing ones dropped).
    ///
    /// `notAfter`: only articles published at or before it are listed
    /// (`RelatedIndex.related(to:limit:notAfter:)`). The site passes the bound of its lists
    /// (`Site.listedUntil()`), so a misdated article is left out here as everywhere; `khabar
    /// related` passes none and shows what is stored.
    public func related(to article: Article, limit: Int = 10, notAfter: Date? = nil) async throws -> ResolvedRelated {
        // bounded lists are cached apart from unbounded ones; a cached bound is at most
        // `cacheSeconds` behind the clock, so an article reaching it is listed that much later
        let key = "\(article.seq)/\(limit)" + (notAfter == nil ? "" : "/listed")
        if cacheSeconds > 0, let hit = cache.get(key, maxAge: cacheSeconds) { return hit }
        let value = try await compute(article, limit: limit, notAfter: notAfter)
        if cacheSeconds > 0 { cache.put(key, value.withoutBodies) }
        return value
    }

    func compute(_ article: Article, limit: Int, notAfter: Date? = nil) async throws -> ResolvedRelated {
        try await ensureFresh()
        guard let list = index.related(to: article.seq, limit: limit, notAfter: notAfter) else { return ResolvedRelated() }
        let seqs = ([list.readAlso].compactMap { $0 } + list.similar + list.sameStory).map(\.seq)
        let articles = Dictionary(try await store.articles(seqs: Array(Set(seqs))).map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        func resolve(_ items: [ScoredArticle]) -> [(article: Article, score: Double)] {
            items.compactMap { item in articles[item.seq].map { ($0, item.score) } }
        }
        return ResolvedRelated(readAlso: list.readAlso.flatMap { resolve([$0]).first },
                               similar: resolve(list.similar), sameStory: resolve(list.sameStory))
    }

    actor Follower {
        var lastClusterSeq: Int64 = 0
        var lastCheck = Date.distantPast
        var running: Task<Void, any Error>?

        /// One catch-up at a time: callers arriving while one runs wait for it instead of
        /// fetching the same rows again.
        func catchUp(store: any StoryStore, index: RelatedIndex, interval: TimeInterval) async throws {
            if let running {
                try await running.value
                return
            }
            guard Date().timeIntervalSince(lastCheck) >= interval else { return }
            let task = Task { try await self.fetch(store: store, index: index) }
            running = task
            defer { running = nil }
            try await task.value
        }

        func fetch(store: any StoryStore, index: RelatedIndex) async throws {
            while true {
                let changes = try await store.clusterChanges(afterClusterSeq: lastClusterSeq, limit: 5_000)
                guard let last = changes.last else { break }
                var entries: [RelatedEntry] = []
                entries.reserveCapacity(changes.count)
                for record in changes {
                    guard let signature = try? Signature(decoding: record.signature) else { continue }
                    entries.append(RelatedEntry(seq: record.seq, published: record.published, source: record.source,
                                                title: record.title, storyID: record.storyID,
                                                duplicateOf: record.duplicateOf, alsoDuplicateOf: record.alsoDuplicateOf,
                                                signature: signature))
                }
                index.upsert(entries)
                lastClusterSeq = last.clusterSeq ?? lastClusterSeq
                if changes.count < 5_000 { break }
            }
            lastCheck = Date()
        }
    }
}

/// Related lists with their articles.
public struct ResolvedRelated: Sendable {
    public var readAlso: (article: Article, score: Double)?
    public var similar: [(article: Article, score: Double)] = []
    public var sameStory: [(article: Article, score: Double)] = []

    /// The same lists with the articles' bodies dropped (lists show title, outlet and date).
    var withoutBodies: ResolvedRelated {
        func strip(_ pair: (article: Article, score: Double)) -> (article: Article, score: Double) {
            var article = pair.article
            article.body = ""
            article.summary = nil
            return (article, pair.score)
        }
        return ResolvedRelated(readAlso: readAlso.map(strip), similar: similar.map(strip), sameStory: sameStory.map(strip))
    }

    public init(readAlso: (article: Article, score: Double)? = nil, similar: [(article: Article, score: Double)] = [],
                sameStory: [(article: Article, score: Double)] = []) {
        self.readAlso = readAlso
        self.similar = similar
        self.sameStory = sameStory
    }
}

/// The JSON shape of `khabar related` and `/api/articles/{id}/related` (DESIGN.md §5).
public struct RelatedJSON: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var id: String
        public var title: String
        public var source: String
        public var published: String
        public var score: Double

        init(_ pair: (article: Article, score: Double)) {
            id = pair.article.id
            title = pair.article.title
            source = pair.article.source.name
            published = DateParsing.iso8601(pair.article.published)
            score = (pair.score * 10_000).rounded() / 10_000
        }
    }

    public var id: String
    public var readAlso: Item?
    public var similar: [Item]
    public var sameStory: [Item]

    public init(id: String, related: ResolvedRelated) {
        self.id = id
        readAlso = related.readAlso.map(Item.init)
        similar = related.similar.map(Item.init)
        sameStory = related.sameStory.map(Item.init)
    }
}
