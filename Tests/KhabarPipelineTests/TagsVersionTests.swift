import Foundation
import KhabarModel
import KhabarSQLite
import KhabarStorage
import KhabarTagging
import Testing

@testable import KhabarPipeline
import KhabarTestSupport

@Suite(.scratch) struct TagsVersionTests {
    @Test func anEmptyDatabaseAdoptsTheTaggerOtherTagsAreStale() async throws {
        let empty = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("e.sqlite").path)
        #expect(try await TagsVersion.check(empty) == .current)
        #expect(try await empty.setting(TagsVersion.key) == TagsVersion.current)
        #expect(TagsVersion.current.hasPrefix("\(Tagger.rulesVersion)/") && Gazetteer.standardDigest.count == 16)

        // Articles tagged before stamps were recorded: stale, and not adopted.
        let old = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("o.sqlite").path)
        _ = try await old.upsert([AnalysisStage().prepare(ArticleDraft(
            id: "t-1", title: "عنوان تجريبي", body: "نص تجريبي قصير.", url: "https://example.com/t-1",
            published: Date(timeIntervalSince1970: 1_700_000_000), source: SourceDraft(name: "نشرة")))])
        #expect(try await TagsVersion.check(old) == .stale(stored: nil))
        #expect(try await old.setting(TagsVersion.key) == nil)
        try await TagsVersion.markCurrent(old)
        #expect(try await TagsVersion.check(old) == .current)

        // Older rules, or other gazetteer data: stale, and the advice says which.
        try await old.setSetting(TagsVersion.key, value: "1/\(Gazetteer.standardDigest)")
        #expect(try await TagsVersion.check(old) == .stale(stored: "1/\(Gazetteer.standardDigest)"))
        #expect(TagsVersion.advice("1/\(Gazetteer.standardDigest)").contains("rules version 1"))
        try await old.setSetting(TagsVersion.key, value: "\(Tagger.rulesVersion)/0123456789abcdef")
        #expect(TagsVersion.advice("\(Tagger.rulesVersion)/0123456789abcdef").contains("other gazetteer data"))
        #expect(TagsVersion.advice(nil).contains("khabar reprocess --stage tags"))
        #expect(TagsVersion.advice(nil).contains("khabar reprocess --stage stories"))
    }
}
