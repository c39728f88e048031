import Foundation
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Testing

@testable import KhabarPipeline
import KhabarTestSupport

@Suite(.scratch) struct ExportTests {
    /// Export writes the import format, so an installation moves between databases without loss.
    @Test func exportThenImportReproducesEveryArticle() async throws {
        let dir = try temporaryDirectory()
        let source = try SQLiteStore(path: dir.appendingPathComponent("a.sqlite").path)
        _ = try await makeImporter(source).run(paths: [fixtures.appendingPathComponent("articles.jsonl").path])
        // an article with no link of its own is stored under a placeholder URL, which export leaves out
        let unlinked = dir.appendingPathComponent("unlinked.jsonl")
        try Data(#"{"id":"no-link","title":"خبر بلا رابط","body":"نص قصير لخبر بلا رابط","source":"وكالة محلية","published":"2024-05-01T08:00:00Z"}"#.utf8)
            .write(to: unlinked)
        #expect(try await makeImporter(source).run(paths: [unlinked.path]).imported == 1)
        let exported = dir.appendingPathComponent("export.jsonl.gz").path
        let writer = try LineWriter(path: exported)
        #expect(try await exportArticles(source, to: writer) == 6)
        try writer.close()

        let target = try SQLiteStore(path: dir.appendingPathComponent("b.sqlite").path)
        let summary = try await makeImporter(target).run(paths: [exported])
        #expect(summary.imported == 6 && summary.failed == 0)
        let before = try await source.articles(ArticleQuery(limit: 100)).articles
        let after = try await target.articles(ArticleQuery(limit: 100)).articles
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) {
            #expect(a.id == b.id && a.title == b.title && a.body == b.body && a.summary == b.summary)
            #expect(a.author == b.author && a.url == b.url && a.published == b.published)
            #expect(a.category == b.category && a.categoryAr == b.categoryAr)
            #expect(a.source.name == b.source.name && a.source.domain == b.source.domain)
        }
        // Written in storage order, read back in it: the same order, so the same stories.
        for store in [source, target] { try await StoryStage(store: store, owner: "test", logger: Logger(label: "test")).run() }
        let sourceOrder = try await source.articles(afterSeq: 0, limit: 100)
        let targetOrder = try await target.articles(afterSeq: 0, limit: 100)
        #expect(sourceOrder.map(\.id) == targetOrder.map(\.id))
        func storyMates(_ articles: [Article]) -> [String: [String]] {
            let byStory = Dictionary(grouping: articles.filter { $0.storyID != nil }, by: { $0.storyID! })
            return Dictionary(uniqueKeysWithValues: articles.map { a in (a.id, (a.storyID.flatMap { byStory[$0] } ?? []).map(\.id).sorted()) })
        }
        #expect(storyMates(sourceOrder) == storyMates(targetOrder))
        #expect(try await source.articles(afterSeq: sourceOrder[1].seq, limit: 2).map(\.id) == sourceOrder[2...3].map(\.id))
        // Importing the export into the original changes nothing.
        let again = try await makeImporter(source).run(paths: [exported])
        #expect(again.unchanged == 6)
        #expect(try await target.article(id: "no-link")?.url == ArticleDraft.placeholderURL(id: "no-link"))
    }
}
