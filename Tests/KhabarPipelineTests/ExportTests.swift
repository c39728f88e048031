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
        let exported = dir.appendingPathComponent("export.jsonl.gz").path
        let writer = try LineWriter(path: exported)
        let encoder = JSONEncoder()
        for article in try await source.articles(ArticleQuery(limit: 100)).articles {
            try writer.write(line: try encoder.encode(ExportRecord(article)))
        }
        try writer.close()

        let target = try SQLiteStore(path: dir.appendingPathComponent("b.sqlite").path)
        let summary = try await makeImporter(target).run(paths: [exported])
        #expect(summary.imported == 5 && summary.failed == 0)
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
        #expect(again.unchanged == 5)
    }
}
