import Foundation
import KhabarModel
import KhabarPostgres
@testable import KhabarSQLite
import KhabarStorage
import Logging
import Testing
import KhabarTestSupport

/// An outlet's article stored twice (same title and body, another address: ANT dev has 96 such
/// pairs) is listed and counted once, on both backends; both stay stored. Another outlet's copy
/// of the same text is no repeat, and a copy under another headline is a search hit of its own.
@Suite(.scratch) struct RepeatContractTests {
    /// a: the article; b: a's repeat (same outlet, title, body; another URL); c: another outlet's
    /// copy under a's headline; d: the outlet's other article under the same title (no copy of
    /// a); e: a copy of a under a headline of its own; f: the outlet's near-duplicate copy of a
    /// under its title (a repeat too). All tagged "russia" and "usa", all in one story.
    static let title = "يوفنتوس يتعادل مع روما", body = "تعادل يوفنتوس مع روما في الدوري"

    static func article(_ id: String, title: String, body: String, source: String, at: TimeInterval) -> PreparedArticle {
        var item = annotated(id, tags: [("russia", "روسيا"), ("usa", "أمريكا")], published: at, source: source)
        item.draft.title = title
        item.draft.body = body
        item.indexed = IndexedText(titleExact: title, titleStems: title, bodyExact: body, bodyStems: body)
        return item
    }

    static let articles = [
        article("a", title: title, body: body, source: "سكاي", at: 1_700_000_000),
        article("b", title: title, body: body, source: "سكاي", at: 1_700_000_000),
        article("c", title: title, body: body, source: "فرانس", at: 1_700_000_060),
        article("d", title: title, body: body + " الإيطالي", source: "سكاي", at: 1_700_000_120),
        article("e", title: "روما يفرض التعادل على يوفنتوس", body: body, source: "العربية", at: 1_700_000_180),
        article("f", title: title, body: body.replacingOccurrences(of: "مع", with: "مع فريق"), source: "سكاي", at: 1_700_000_000),
    ]

    static func fill(_ store: any KhabarStore) async throws -> [String: Int64] {
        let outcomes = try await store.upsert(articles)
        let ids = ["a", "b", "c", "d", "e", "f"]
        var seqs: [String: Int64] = [:]
        for (id, outcome) in zip(ids, outcomes) { seqs[id] = try #require(outcome.seq) }
        let a = try #require(seqs["a"])
        try await store.recordClustering(ids.map { id in
            StoryPlacement(seq: seqs[id]!, storyID: a, duplicateOf: id == "a" || id == "d" ? nil : a)
        })
        return seqs
    }

    @Test(arguments: Backend.allCases)
    func aRepeatIsListedAndCountedOnceAndStaysStored(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        try await Self.expectListedOnce(store, seqs: try await Self.fill(store))
    }

    /// What `fill` stored, as every list and count shows it: b and f leave a single a.
    static func expectListedOnce(_ store: any KhabarStore, seqs: [String: Int64]) async throws {
        #expect(try await store.articleCount() == 6)
        #expect(try await store.article(id: "b") != nil)   // its own page still opens
        // every article for the pipeline, each once for the lists
        #expect(try await store.articles(ArticleQuery(limit: 10)).articles.count == 6)
        let listed = try await store.articles(ArticleQuery(limit: 10, skipsRepeats: true)).articles.map(\.id)
        #expect(listed == ["e", "d", "c", "a"], "\(listed)")
        let sky = try #require(try await store.sources().first { $0.name == "سكاي" })
        #expect(sky.articleCount == 2)
        #expect(try await store.articles(ArticleQuery(sourceID: sky.id, limit: 10, skipsRepeats: true)).articles.map(\.id) == ["d", "a"])
        // a page of one, then the next: the repeat never fills a place
        let first = try await store.articles(ArticleQuery(sourceID: sky.id, limit: 1, skipsRepeats: true))
        let next = try #require(first.next)
        #expect(try await store.articles(ArticleQuery(sourceID: sky.id, limit: 1, before: next, skipsRepeats: true)).articles.map(\.id) == ["a"])
        // tags
        #expect(try await store.tag(slug: "russia")?.articleCount == 4)
        let tagged = try await store.articles(tagged: "russia", query: ArticleQuery(limit: 10, skipsRepeats: true)).articles.map(\.id)
        #expect(tagged == ["e", "d", "c", "a"], "\(tagged)")
        let top = try await store.topTags(from: Date(timeIntervalSince1970: 1_699_000_000), to: Date(timeIntervalSince1970: 1_701_000_000), limit: 5)
        #expect(top.map(\.articleCount) == [4, 4])
        let together = try await store.cooccurringTags(with: "russia", limit: 5)
        #expect(together.map(\.together) == [4] && together.map(\.tag.articleCount) == [4])
        // the story
        let story = try #require(try await store.story(id: seqs["a"]!))
        #expect(story.articleCount == 4 && story.sourceCount == 3)
        #expect(try await store.storyArticles(id: story.id).map(\.id) == ["a", "c", "d", "e"])
        let results = try await store.search(SearchQuery(words: [SearchWord(exact: "يوفنتوس", stem: "يوفنتوس")]))
        #expect(results.total == 3 && results.folded == 3, "\(results.total) \(results.folded)")
    }

    /// Sending the same articles again (a second import, a feed that repeats its items) changes
    /// nothing: the same articles are repeats, counted and listed once.
    @Test(arguments: Backend.allCases)
    func storingTheSameArticlesAgainKeepsTheirRepeats(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await Self.fill(store)
        let again = try await store.upsert(Self.articles)
        #expect(again.map(\.seq) == ["a", "b", "c", "d", "e", "f"].map { seqs[$0] })
        try await Self.expectListedOnce(store, seqs: seqs)
        // stored again under a title of its own (no repeat), then as it was: a repeat again
        var changed = Self.articles[1]
        changed.draft.title = "روما ويوفنتوس يتقاسمان النقاط"
        #expect(try await store.upsert([changed]).first == .updated(seq: seqs["b"]!))
        let n = try await store.sources().first { $0.name == "سكاي" }?.articleCount
        #expect(n == 3, "\(String(describing: n))")
        _ = try await store.upsert([Self.articles[1]])
        try await Self.expectListedOnce(store, seqs: seqs)
    }

    /// A batch large enough for PostgreSQL's one-statement insert holding an article and its
    /// repeat: the repeat is known once the batch is stored.
    @Test(arguments: Backend.allCases)
    func aRepeatInALargeBatchIsKnownOnceStored(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let others = (1...8).map { i in
            Self.article("other\(i)", title: "خبر رقم \(i) عن الطقس", body: "نص الخبر رقم \(i) عن الطقس", source: "سكاي",
                         at: 1_700_000_000 + Double(i) * 60)
        }
        let outcomes = try await store.upsert([Self.articles[0]] + others + [Self.articles[1]])
        #expect(outcomes.allSatisfy { if case .inserted = $0 { true } else { false } })
        #expect(try await store.sources().first { $0.name == "سكاي" }?.articleCount == 9)
        let listed = try await store.articles(ArticleQuery(limit: 20, skipsRepeats: true)).articles.map(\.id)
        #expect(listed.count == 9 && !listed.contains("b"), "\(listed)")
    }

    /// Removing an outlet makes another outlet's copy of its article the copy of its next primary:
    /// when that is the copy's own outlet's article under the same title, the copy is a repeat.
    @Test(arguments: Backend.allCases)
    func aCopyWhosePrimaryGoesRepeatsItsOutletsOwn(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let outcomes = try await store.upsert([
            Self.article("own", title: Self.title, body: Self.body, source: "سكاي", at: 1_700_000_000),
            Self.article("wire", title: Self.title, body: Self.body + " حسب الوكالة", source: "الوكالة", at: 1_700_000_060),
            Self.article("copy", title: Self.title, body: Self.body + " والتفاصيل", source: "سكاي", at: 1_700_000_120),
        ])
        let seqs = try outcomes.map { try #require($0.seq) }
        try await store.recordClustering([
            StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
            StoryPlacement(seq: seqs[1], storyID: seqs[0], duplicateOf: nil),
            StoryPlacement(seq: seqs[2], storyID: seqs[0], duplicateOf: seqs[1], alsoDuplicateOf: [seqs[0]]),
        ])
        #expect(try await store.sources().first { $0.name == "سكاي" }?.articleCount == 2)
        let agency = try #require(try await store.sources().first { $0.name == "الوكالة" })
        #expect(try await store.removeSource(id: agency.id))
        #expect(try await store.article(id: "copy")?.duplicateOf == seqs[0])
        #expect(try await store.sources().first { $0.name == "سكاي" }?.articleCount == 1)
        #expect(try await store.story(id: seqs[0])?.articleCount == 1)
        #expect(try await store.storyArticles(id: seqs[0]).map(\.id) == ["own"])
    }

    /// An article whose title changes stops being the article its outlet's later ones repeat:
    /// they are listed and counted, its story counts them, and search shows them; its title back,
    /// they are repeats again.
    @Test(arguments: Backend.allCases)
    func theArticlesRepeatedFollowTheirText(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await Self.fill(store)
        var retitled = Self.articles[0]
        retitled.draft.title = "تعادل مثير في قمة الدوري الإيطالي"
        #expect(try await store.upsert([retitled]).first == .updated(seq: seqs["a"]!))
        let sky = try #require(try await store.sources().first { $0.name == "سكاي" })
        #expect(sky.articleCount == 4)
        let listed = try await store.articles(ArticleQuery(sourceID: sky.id, limit: 10, skipsRepeats: true)).articles.map(\.id)
        #expect(listed == ["d", "f", "b", "a"], "\(listed)")
        #expect(try await store.tag(slug: "usa")?.articleCount == 6)
        #expect(try await store.story(id: seqs["a"]!)?.articleCount == 6)
        #expect(try await store.storyArticles(id: seqs["a"]!).count == 6)
        _ = try await store.upsert([Self.articles[0]])
        try await Self.expectListedOnce(store, seqs: seqs)
    }

    /// A store written before repeats were stored (its articles have no `repeat_of`, its story
    /// counted a repeat) gains them when it is next opened, on both backends.
    @Test(arguments: Backend.allCases)
    func aStoreFromBeforeStoredRepeatsGainsThemAtOpen(backend: Backend) async throws {
        switch backend {
        case .sqlite:
            let store = try #require(try await backend.makeStore() as? SQLiteStore)
            let seqs = try await Self.fill(store)
            try await store.pool.write { db in
                try db.execute(sql: """
                    DROP INDEX articles_repeats;
                    ALTER TABLE articles DROP COLUMN repeat_of;
                    CREATE INDEX articles_text_key ON articles (seq, source_id, title, duplicate_of);
                    UPDATE stories SET article_count = 6;
                    DELETE FROM grdb_migrations WHERE identifier = 'v9: stored repeats';
                    """)
            }
            let reopened = try SQLiteStore(path: store.path)
            #expect(reopened.appliedMigrations == ["v9: stored repeats"])
            try await Self.expectListedOnce(reopened, seqs: seqs)
        case .postgres:
            guard let url = try await PostgresTestDatabase.freshURLOrSkip() else { return }
            let store = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
            let seqs = try await Self.fill(store)
            try await store.execute(unsafeSQL: "ALTER TABLE articles DROP COLUMN repeat_of")
            try await store.execute(unsafeSQL: "UPDATE stories SET article_count = 6")
            try await store.execute(unsafeSQL: "DELETE FROM khabar_migrations WHERE identifier = 'v8: stored repeats'")
            await store.shutdown()
            let reopened = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
            try await Self.expectListedOnce(reopened, seqs: seqs)
            await reopened.shutdown()
        }
    }

    /// Search folds only copies under the primary's headline, and the outlet's repeats, and says
    /// which it folded: the copy under its own headline is a hit.
    @Test(arguments: Backend.allCases)
    func searchFoldsCopiesUnderOneHeadlineAndSaysWhich(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await Self.fill(store)
        let results = try await store.search(SearchQuery(words: [SearchWord(exact: "يوفنتوس", stem: "يوفنتوس")]))
        #expect(results.total == 3 && results.folded == 3, "\(results.total) \(results.folded)")
        let hits = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.article.id, $0) })
        #expect(Set(hits.keys) == ["a", "d", "e"])   // d: its own text, no copy of a
        #expect(hits["a"]?.copies == ["b", "c", "f"].map { seqs[$0]! })
        #expect(hits["e"]?.copies == [])
    }
}
