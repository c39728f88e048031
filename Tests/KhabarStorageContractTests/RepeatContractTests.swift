import Foundation
import KhabarModel
import KhabarStorage
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
    static func fill(_ store: any KhabarStore) async throws -> [String: Int64] {
        func article(_ id: String, title: String, body: String, source: String, at: TimeInterval) -> PreparedArticle {
            var item = annotated(id, tags: [("russia", "روسيا"), ("usa", "أمريكا")], published: at, source: source)
            item.draft.title = title
            item.draft.body = body
            item.indexed = IndexedText(titleExact: title, titleStems: title, bodyExact: body, bodyStems: body)
            return item
        }
        let title = "يوفنتوس يتعادل مع روما", body = "تعادل يوفنتوس مع روما في الدوري"
        let outcomes = try await store.upsert([
            article("a", title: title, body: body, source: "سكاي", at: 1_700_000_000),
            article("b", title: title, body: body, source: "سكاي", at: 1_700_000_000),
            article("c", title: title, body: body, source: "فرانس", at: 1_700_000_060),
            article("d", title: title, body: body + " الإيطالي", source: "سكاي", at: 1_700_000_120),
            article("e", title: "روما يفرض التعادل على يوفنتوس", body: body, source: "العربية", at: 1_700_000_180),
            article("f", title: title, body: body.replacingOccurrences(of: "مع", with: "مع فريق"), source: "سكاي", at: 1_700_000_000),
        ])
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
        let seqs = try await Self.fill(store)
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
