import Foundation
import KhabarModel
import KhabarStorage
import KhabarTagging

/// Corpus document frequencies for key-phrase TF-IDF (`Tagger.tags(..., statistics:)`) and the
/// surnames learned from the corpus (`TermStatistics.add(title:body:tagger:)`), taken from the
/// newest stored articles and refreshed as the corpus grows.
///
/// A sample of the newest `sampleSize` articles is enough for IDF (it tells common n-grams from
/// rare ones) and keeps the refresh cheap (≈ 0.2 ms per article, names included); it is rebuilt after
/// `refreshEvery` more articles were analyzed or `maxAge` passed. Below `minimumDocuments` stored
/// articles there are no statistics and key phrases rank by frequency and position alone.
public final class CorpusStatistics: @unchecked Sendable {
    public let sampleSize: Int
    public let minimumDocuments: Int
    public let refreshEvery: Int
    public let maxAge: TimeInterval
    private let lock = NSLock()
    private var statistics: TermStatistics?
    private var refreshedAt = Date.distantPast
    private var analyzedSince = 0
    private var refreshing = false

    public init(sampleSize: Int = 2_000, minimumDocuments: Int = 200, refreshEvery: Int = 5_000, maxAge: TimeInterval = 3_600) {
        self.sampleSize = sampleSize
        self.minimumDocuments = minimumDocuments
        self.refreshEvery = refreshEvery
        self.maxAge = maxAge
    }

    /// The statistics now (nil until the store held enough articles).
    public var current: TermStatistics? {
        lock.withLock { statistics }
    }

    /// Counts analyzed articles toward the next refresh.
    public func noteAnalyzed(_ n: Int) {
        lock.withLock { analyzedSince += n }
    }

    /// Rebuilds from the store when stale; one rebuild at a time, and a failure keeps the old value.
    ///
    /// While the sample is smaller than `sampleSize` (a new installation, a first import), it is
    /// stale as soon as the store may hold twice the articles it was made from, or the minimum:
    /// waiting `refreshEvery` articles tagged the first 5,000 of a first import of ANT dev with
    /// no statistics at all. (A re-tag after that import still changes the tags of 1,501 of its
    /// 9,697 articles, 1,946 before: the newest articles, the sample, change as the store grows.)
    public func refreshIfStale(from store: any ArticleStore, tagger: Tagger) async {
        let stale = lock.withLock {
            let sampled = statistics?.documentCount ?? 0
            let growing = sampled < sampleSize && analyzedSince >= max(minimumDocuments, sampled)
            let due = !refreshing && (growing || analyzedSince >= refreshEvery || Date().timeIntervalSince(refreshedAt) >= maxAge)
            if due { refreshing = true }
            return due
        }
        guard stale else { return }
        var fresh: TermStatistics?
        if let sample = try? await newest(store) , sample.count >= minimumDocuments {
            var stats = TermStatistics()
            for article in sample {
                stats.add(title: article.title, body: article.body, tagger: tagger)
            }
            fresh = stats
        }
        lock.withLock {
            if let fresh { statistics = fresh }
            refreshedAt = Date()
            analyzedSince = 0
            refreshing = false
        }
    }

    func newest(_ store: any ArticleStore) async throws -> [Article] {
        var out: [Article] = []
        var cursor: ArticleCursor?
        repeat {
            let page = try await store.articles(ArticleQuery(limit: min(500, sampleSize - out.count), before: cursor))
            out += page.articles
            cursor = page.next
        } while cursor != nil && out.count < sampleSize
        return out
    }
}
