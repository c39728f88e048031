import Foundation
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Testing

@testable import KhabarPipeline

@Suite struct ExportTests {
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
        let encoder = JSONEncoder()
        for article in try await source.articles(ArticleQuery(limit: 100)).articles {
            try writer.write(line: try encoder.encode(ExportRecord(article)))
        }
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
        // Importing the export into the original changes nothing.
        let again = try await makeImporter(source).run(paths: [exported])
        #expect(again.unchanged == 6)
        #expect(try await target.article(id: "no-link")?.url == ArticleDraft.placeholderURL(id: "no-link"))
    }
}
