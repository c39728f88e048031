import Foundation
import KhabarArabic
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Testing

@testable import KhabarPipeline
import KhabarTestSupport

@Suite(.scratch) struct SearchTextVersionTests {
    @Test func anEmptyDatabaseAdoptsTheAnalyzerAnOlderOneIsStale() async throws {
        let empty = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("e.sqlite").path)
        #expect(try await SearchTextVersion.check(empty) == .current)
        #expect(try await empty.setting(SearchTextVersion.key) == String(Analyzer.version))

        // Articles stored before versions were recorded: stale, reported as version 1.
        let old = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("o.sqlite").path)
        _ = try await old.upsert([AnalysisStage().prepare(ArticleDraft(
            id: "v-1", title: "عنوان تجريبي", body: "نص تجريبي قصير.", url: "https://example.com/v-1",
            published: Date(timeIntervalSince1970: 1_700_000_000), source: SourceDraft(name: "نشرة")))])
        #expect(try await SearchTextVersion.check(old) == .stale(stored: 0))
        #expect(SearchTextVersion.advice(0).contains("analyzer version 1"))
        #expect(try await old.setting(SearchTextVersion.key) == nil)   // not adopted: its text is old
        try await SearchTextVersion.markCurrent(old)
        #expect(try await SearchTextVersion.check(old) == .current)
    }
}
