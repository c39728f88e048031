import Foundation
import KhabarModel
import KhabarPipeline
import KhabarSQLite
import KhabarStorage
import KhabarTagging
import Testing
import KhabarTestSupport

@Suite(.scratch) struct CorpusStatisticsTests {
    func store(articles n: Int) async throws -> SQLiteStore {
        let dir = try temporaryDirectory()
        let store = try SQLiteStore(path: dir.appendingPathComponent("k.sqlite").path)
        let drafts = (0..<n).map { i in
            ArticleDraft(id: "a\(i)", title: "أسعار النفط ترتفع في اليوم \(i)",
                         body: "ارتفعت أسعار النفط في الأسواق العالمية. وقال محللون إن أسعار النفط قد تواصل الصعود \(i).",
                         url: "https://stats.example/\(i)", published: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)),
                         source: SourceDraft(name: "مصدر"))
        }
        _ = try await store.upsert(drafts.map { PreparedArticle(draft: $0, indexed: nil, stage: .stored) })
        return store
    }

    @Test func aGrowingSampleIsRebuiltOnceTheStoreMayHaveDoubled() async throws {
        let store = try await store(articles: 6)
        let tagger = Tagger()
        let corpus = CorpusStatistics(sampleSize: 50, minimumDocuments: 5, refreshEvery: 1_000)
        await corpus.refreshIfStale(from: store, tagger: tagger)
        #expect(corpus.current?.documentCount == 6)
        let more = (6..<16).map { i in
            ArticleDraft(id: "a\(i)", title: "عنوان \(i)", body: "نص الخبر رقم \(i) عن أسعار النفط.",
                         url: "https://stats.example/\(i)", published: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)),
                         source: SourceDraft(name: "مصدر"))
        }
        _ = try await store.upsert(more.map { PreparedArticle(draft: $0, indexed: nil, stage: .stored) })
        // fewer analyzed than the sample holds: not yet
        corpus.noteAnalyzed(4)
        await corpus.refreshIfStale(from: store, tagger: tagger)
        #expect(corpus.current?.documentCount == 6)
        // as many as it holds: the store may have doubled, well before refreshEvery
        corpus.noteAnalyzed(2)
        await corpus.refreshIfStale(from: store, tagger: tagger)
        #expect(corpus.current?.documentCount == 16)
    }

    @Test func statisticsComeFromTheNewestStoredArticlesOnceThereAreEnough() async throws {
        let small = try await store(articles: 12)
        let tagger = Tagger()
        let strict = CorpusStatistics(sampleSize: 10, minimumDocuments: 20)
        await strict.refreshIfStale(from: small, tagger: tagger)
        #expect(strict.current == nil, "too few articles: no statistics")

        let sampled = CorpusStatistics(sampleSize: 10, minimumDocuments: 5, refreshEvery: 100)
        await sampled.refreshIfStale(from: small, tagger: tagger)
        let stats = try #require(sampled.current)
        #expect(stats.documentCount == 10)
        // "أسعار النفط" is in every sampled article: its document frequency is the sample size.
        #expect(stats.documentFrequency(key: TermStatistics.key(tagger.documentTerms(title: "", body: "أسعار النفط")
            .first { $0.contains(" ") } ?? "")) == 10)
        // Not stale yet: a second call keeps the value without reading the store again.
        await sampled.refreshIfStale(from: small, tagger: tagger)
        #expect(sampled.current == stats)
    }
}
