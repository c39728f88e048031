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

/// What only the SQLite backend has to prove; the shared behaviour is in KhabarStorageContractTests.
@Suite struct SQLiteStoreTests {
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
