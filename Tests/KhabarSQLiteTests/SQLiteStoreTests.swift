import Foundation
import GRDB
import KhabarModel
import KhabarStorage
import Testing

@testable import KhabarSQLite

/// A fresh database file in its own temporary folder.
func temporaryDatabasePath() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("khabar.sqlite").path
}

func draft(_ id: String, title: String = "عنوان", body: String = "نص الخبر", url: String? = nil,
           published: Date? = Date(timeIntervalSince1970: 1_700_000_000), source: String = "مصدر") -> PreparedArticle {
    PreparedArticle(
        draft: ArticleDraft(id: id, title: title, body: body, url: url ?? "https://example.org/\(id)",
                            published: published, source: SourceDraft(name: source, domain: "example.org")),
        indexed: IndexedText(titleExact: title, titleStems: title, bodyExact: body, bodyStems: body),
        stage: .analyzed)
}

@Suite struct SQLiteStoreTests {
    @Test func insertThenUnchangedThenUpdated() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        let first = try await store.upsert([draft("a"), draft("b")])
        #expect(first.allSatisfy { if case .inserted = $0 { true } else { false } })
        let again = try await store.upsert([draft("a"), draft("b")])
        #expect(again.allSatisfy { if case .unchanged = $0 { true } else { false } })
        let changed = try await store.upsert([draft("a", title: "عنوان جديد")])
        #expect(changed == [.updated(seq: first[0].seq!)])
        #expect(try await store.article(id: "a")?.title == "عنوان جديد")
        #expect(try await store.articleCount() == 2)
    }

    @Test func sameURLUnderAnotherIDUpdatesTheStoredArticle() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        _ = try await store.upsert([draft("a", url: "https://example.org/x")])
        let outcome = try await store.upsert([draft("other-id", title: "تحديث", url: "https://example.org/x")])
        guard case .updated = outcome[0] else { Issue.record("expected update, got \(outcome)"); return }
        #expect(try await store.articleCount() == 1)
        // The stored id is kept so existing links keep working.
        #expect(try await store.article(id: "a")?.title == "تحديث")
        #expect(try await store.article(id: "other-id") == nil)
    }

    @Test func urlOwnedByAnotherArticleIsRejectedWithoutHarmingTheBatch() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        _ = try await store.upsert([draft("a"), draft("b")])
        let outcomes = try await store.upsert([draft("c"), draft("a", url: "https://example.org/b"), draft("d")])
        #expect(outcomes[0].seq != nil && outcomes[2].seq != nil)
        guard case let .rejected(reason) = outcomes[1] else { Issue.record("expected rejection"); return }
        #expect(reason.contains("https://example.org/b"))
        #expect(try await store.articleCount() == 4)
        #expect(try await store.article(id: "a")?.url == "https://example.org/a")
    }

    @Test func missingDateKeepsTheStoredDate() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        _ = try await store.upsert([draft("a", published: Date(timeIntervalSince1970: 1_600_000_000))])
        _ = try await store.upsert([draft("a", title: "جديد", published: nil)])
        #expect(try await store.article(id: "a")?.published == Date(timeIntervalSince1970: 1_600_000_000))
    }

    @Test func newestFirstKeysetPagination() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        // Two articles share a timestamp: the sequence number breaks the tie, nothing is skipped.
        var batch: [PreparedArticle] = []
        for i in 0..<7 {
            let seconds = TimeInterval(1_700_000_000 + (i / 2) * 60)
            let source = i % 2 == 0 ? "زوجي" : "فردي"
            batch.append(draft("p\(i)", published: Date(timeIntervalSince1970: seconds), source: source))
        }
        _ = try await store.upsert(batch)
        var seen: [String] = []
        var cursor: ArticleCursor?
        repeat {
            let page = try await store.articles(ArticleQuery(limit: 3, before: cursor))
            seen += page.articles.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == ["p6", "p5", "p4", "p3", "p2", "p1", "p0"])
        let sources = try await store.sources()
        #expect(sources.map(\.articleCount).sorted() == [3, 4])
        let even = try #require(sources.first { $0.name == "زوجي" })
        let evenPage = try await store.articles(ArticleQuery(sourceID: even.id, limit: 10))
        #expect(evenPage.articles.map(\.id) == ["p6", "p4", "p2", "p0"])
        #expect(evenPage.next == nil)
    }

    @Test func reopeningKeepsDataAndSchemaGuardsTheData() async throws {
        let path = try temporaryDatabasePath()
        do {
            let store = try SQLiteStore(path: path)
            _ = try await store.upsert([draft("a")])
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.articleCount() == 1)
        // The schema itself refuses rows without a source or with an empty title.
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at)
                    VALUES ('z', 'https://example.org/z', 't', 'b', 999, 0, '', 0, 0)
                    """)
            }
        }
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at)
                    VALUES ('z', 'https://example.org/z', '', 'b', 1, 0, '', 0, 0)
                    """)
            }
        }
    }

    @Test func aDatabaseFromANewerKhabarIsRefused() async throws {
        let path = try temporaryDatabasePath()
        do {
            let store = try SQLiteStore(path: path)
            try await store.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            }
        }
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            "\(error)".contains("newer khabar") && "\(error)".contains(path)
        }
    }

    @Test func unopenablePathNamesThePath() {
        #expect {
            _ = try SQLiteStore(path: "/nonexistent-folder-for-khabar/x.sqlite")
        } throws: { error in
            "\(error)".contains("/nonexistent-folder-for-khabar/x.sqlite")
        }
    }

    @Test func pragmasAreWALAndForeignKeys() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        let (mode, fk) = try await store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(fk == 1)
    }
}
