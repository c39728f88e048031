import Foundation
import GRDB
import KhabarModel
@testable import KhabarStorage
import Testing

@testable import KhabarSQLite
import KhabarTestSupport

/// A fresh database file in its own folder of the test's scratch directory.
func temporaryDatabasePath() throws -> String {
    let dir = try Scratch.makeDirectory()
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
@Suite(.scratch) struct SQLiteStoreTests {
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
        let (mode, fk, temp) = try await store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA temp_store"))
        }
        #expect(mode == "wal")
        #expect(fk == 1)
        #expect(temp == 2)   // MEMORY: the per-article savepoints' journals stay off the disk
    }

    /// A fresh store whose writer aborts the statement `when` names (a temporary trigger), to
    /// make one article of a batch fail midway.
    func storeRefusing(_ when: String) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        try await store.pool.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER refuse \(when) BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        }
        return store
    }

    /// An article whose savepoint rolls back takes the source row it created with it; the next
    /// article of that source in the same batch must not reuse the vanished id.
    @Test func aRejectedArticleTakesItsNewSourceWithIt() async throws {
        let store = try await storeRefusing("BEFORE INSERT ON articles WHEN NEW.title = 'مرفوض'")
        let outcomes = try await store.upsert([
            draft("a", title: "مرفوض", source: "مصدر جديد"),
            draft("b", title: "مقبول", source: "مصدر جديد"),
            draft("c", title: "مقبول أيضا", source: "مصدر جديد"),
        ])
        guard case .rejected(let reason) = outcomes[0] else { Issue.record("a: \(outcomes[0])"); return }
        #expect(reason.contains("refused by the test"))
        guard case .inserted = outcomes[1], case .inserted = outcomes[2] else { Issue.record("b, c: \(outcomes)"); return }
        #expect(try await store.articleCount() == 2)
        let sources = try await store.sources()
        #expect(sources.map(\.name) == ["مصدر جديد"])
        #expect(sources.first?.articleCount == 2)
        // search rows are written after the batch's savepoints: only the kept articles have one
        let indexed = try await store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search ORDER BY rowid")
        }
        let kept = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM articles ORDER BY seq") }
        #expect(indexed == kept)
        let found = try await store.search(SearchQuery(words: [SearchWord(exact: "مقبول", stem: "مقبول")]))
        #expect(Set(found.hits.map(\.article.id)) == ["b", "c"])
        let refused = try await store.search(SearchQuery(words: [SearchWord(exact: "مرفوض", stem: "مرفوض")]))
        #expect(refused.total == 0)
    }

    /// Articles written one transaction at a time leave the FTS5 index in many segments, where a
    /// 'merge' step still finds work; compaction merges them, and every query finds what it found.
    @Test func compactionMergesTheSearchIndex() async throws {
        let store = try SQLiteStore(path: try temporaryDatabasePath())
        let words = ["سد", "النهضة", "مفاوضات", "القاهرة", "أديس", "أبابا", "الخرطوم", "النيل"]
        for i in 0..<40 {
            let title = "\(words[i % words.count]) \(words[(i * 3 + 1) % words.count]) \(i)"
            let body = "خبر رقم \(i) عن \(words[(i * 5 + 2) % words.count])"
            _ = try await store.upsert([draft("a\(i)", title: title, body: body)])
        }
        /// Would a merge step do anything? Asked inside a savepoint that is rolled back.
        func mergeable() async throws -> Bool {
            try await store.pool.write { db in
                var worked = false
                try db.inSavepoint {
                    let before = db.totalChangesCount
                    try db.execute(sql: "INSERT INTO article_search (article_search, rank) VALUES ('merge', -16)")
                    worked = db.totalChangesCount - before >= 2
                    return .rollback
                }
                return worked
            }
        }
        func found() async throws -> [[String]] {
            var out: [[String]] = []
            for w in words + ["رقم", "خبر"] {
                out.append(try await store.search(SearchQuery(words: [SearchWord(exact: w, stem: w)], limit: 100))
                    .hits.map(\.article.id).sorted())
            }
            return out
        }
        let before = try await found()
        #expect(before.allSatisfy { !$0.isEmpty })
        #expect(try await mergeable())
        try await store.compactSearchIndex(written: 0)   // nothing written: nothing done
        #expect(try await mergeable())
        try await store.compactSearchIndex(written: 40)
        #expect(try await mergeable() == false)
        #expect(try await found() == before)
    }

    /// Tags an article wrote are remembered for the rest of its batch; a rolled-back article's
    /// tag rows go, so a later article carrying the same tag writes it again.
    @Test func aRejectedArticleTakesItsNewTagsWithIt() async throws {
        let store = try await storeRefusing("AFTER INSERT ON article_tags WHEN NEW.slug = 'ممنوع'")
        func tagged(_ id: String, _ slugs: [String]) -> PreparedArticle {
            var item = draft(id, title: "عنوان \(id)")
            item.annotations = ArticleAnnotations(
                tags: slugs.map { ArticleTag(slug: $0, name: $0, type: "place", score: 1) },
                attribution: ArticleAttribution(outlet: "مصدر", credits: []), signature: [])
            return item
        }
        let outcomes = try await store.upsert([tagged("a", ["روسيا", "ممنوع"]), tagged("b", ["روسيا"])])
        guard case .rejected = outcomes[0], case .inserted = outcomes[1] else { Issue.record("\(outcomes)"); return }
        let tags = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT slug FROM tags ORDER BY slug") }
        #expect(tags == ["روسيا"])
        let links = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article_tags at JOIN tags t ON t.slug = at.slug")
        }
        #expect(links == 1)
        // the rolled-back article had reached its search row: it is dropped with it
        let indexed = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search") }
        let kept = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM articles") }
        #expect(indexed == kept)
        #expect(try await store.search(SearchQuery(words: [SearchWord(exact: "b", stem: "b")])).hits.map(\.article.id) == ["b"])
    }

    /// v6 added story headlines: a database written before it gets one for each story it holds
    /// when it is opened (the story's title becomes its headline's).
    @Test func storiesFromBeforeHeadlinesGetThemAtOpen() async throws {
        let path = try Self.databaseWrittenBefore("v6: story headlines") { db in
                try db.execute(sql: "INSERT INTO sources (name, created_at) VALUES ('مصدر', 0)")
                let titles = ["صورة الفريق العجيبة تحير عشاق كرة القدم", "المدرب يستقيل من تدريب الفريق بعد التتويج باللقب",
                              "رسمياً.. المدرب يعلن استقالته من تدريب الفريق", "استقالة مفاجئة للمدرب بعد أيام من التتويج"]
                for (i, title) in titles.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at, story_id)
                        VALUES (?, ?, ?, 'نص', 1, ?, '', 0, 0, 1)
                        """, arguments: ["h\(i)", "https://example.org/h\(i)", title, 1_700_000_000 + i * 600])
                }
                try db.execute(sql: """
                    INSERT INTO stories (id, title, primary_seq, first_published, last_published, article_count, source_count, sources)
                    VALUES (1, 'صورة الفريق العجيبة تحير عشاق كرة القدم', 1, 1700000000, 1700001800, 4, 1, '["مصدر"]')
                    """)
        }
        let store = try SQLiteStore(path: path)
        let story = try #require(try await store.story(id: 1))
        #expect(story.headlineSeq == 2 && story.title == "المدرب يستقيل من تدريب الفريق بعد التتويج باللقب")
        #expect(story.primarySeq == 1)
    }

    /// Tags stored before articles kept their spelling (v10) count as the tag's name: a new
    /// article spelling it otherwise does not rename it, and old articles show the tag's name.
    @Test func tagsFromBeforeSpellingsKeepTheirName() async throws {
        let path = try Self.databaseWrittenBefore("v10: each article's spelling of its tags") { db in
            try db.execute(sql: "INSERT INTO sources (name, created_at) VALUES ('مصدر', 0)")
            try db.execute(sql: "INSERT INTO tags (slug, name, type) VALUES ('corbyn', 'جيريمي كوربين', 'person')")
            for i in 0..<2 {
                try db.execute(sql: """
                    INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at)
                    VALUES (?, ?, 'عنوان', ?, 1, ?, '', 0, 0)
                    """, arguments: ["old\(i)", "https://example.org/old\(i)", "نص \(i)", 1_700_000_000 + i * 600])
                try db.execute(sql: "INSERT INTO article_tags (article_seq, slug, rank, score, published) VALUES (?, 'corbyn', 0, 1, ?)",
                               arguments: [i + 1, 1_700_000_000 + i * 600])
            }
        }
        let store = try SQLiteStore(path: path)
        var item = draft("new", body: "نص جديد", published: Date(timeIntervalSince1970: 1_700_009_000))
        item.annotations = ArticleAnnotations(tags: [ArticleTag(slug: "corbyn", name: "جيرمي كوربن", type: "person", score: 1)],
                                              attribution: ArticleAttribution(), signature: [])
        _ = try await store.upsert([item])
        #expect(try await store.tag(slug: "corbyn")?.name == "جيريمي كوربين")
        #expect(try await store.article(id: "old0")?.tags.map(\.name) == ["جيريمي كوربين"])
        #expect(try await store.article(id: "new")?.tags.map(\.name) == ["جيرمي كوربن"])
        #expect(try await store.tagSpellings(slug: "corbyn", limit: 5) == ["جيريمي كوربين", "جيرمي كوربن"])
    }

    /// v5 rebuilt the search index with the ascii tokenizer: a database written before it keeps
    /// every indexed row, and queries find them.
    /// A database file as a khabar from before migration `next` left it: migrated up to the one
    /// before, then filled by `fill`.
    static func databaseWrittenBefore(_ next: String, _ fill: (Database) throws -> Void) throws -> String {
        let path = try temporaryDatabasePath()
        let migrator = Schema.migrator
        let index = try #require(migrator.migrations.firstIndex(of: next))
        let pool = try DatabasePool(path: path)
        try migrator.migrate(pool, upTo: migrator.migrations[index - 1])
        try pool.write(fill)
        return path
    }

    @Test func theSearchIndexMovesToTheAsciiTokenizer() async throws {
        let path = try Self.databaseWrittenBefore("v5: search index read with the ascii tokenizer") { db in
                try db.execute(sql: """
                    INSERT INTO sources (name, created_at) VALUES ('مصدر', 0);
                    INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at)
                    VALUES ('old', 'https://example.org/old', 'سد النهضة', 'مفاوضات سد النهضة', 1, 0, '', 0, 0);
                    INSERT INTO article_search (rowid, title_exact, title_stems, body_exact, body_stems)
                    VALUES (1, 'سد النهضه', 'سد نهض', 'مفاوضات سد النهضه', 'مفاوض سد نهض');
                    """)
        }
        let store = try SQLiteStore(path: path)
        let sql = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_search'")
        }
        #expect(sql?.contains("'ascii'") == true)
        let found = try await store.search(SearchQuery(words: [SearchWord(exact: "النهضه", stem: "نهض")]))
        #expect(found.hits.map(\.article.id) == ["old"])
        let rows = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search") }
        #expect(rows == 1)
    }
}

extension SQLiteStoreTests {
    /// v7 added the spelled columns: a database written before it keeps every indexed row, which
    /// queries find as before (nothing spelled yet: the folded order), and text indexed again
    /// ranks the article that writes the query's spelling first.
    @Test func theSearchIndexGainsSpelledColumns() async throws {
        let path = try Self.databaseWrittenBefore("v7: spelled forms in the search index") { db in
            try db.execute(sql: """
                INSERT INTO sources (name, created_at) VALUES ('مصدر', 0);
                INSERT INTO articles (id, url, title, body, source_id, published, content_hash, ingested_at, updated_at)
                VALUES ('prep', 'https://example.org/prep', 'الفريق يحصل على المركز الأول', 'حصل الفريق على المركز', 1, 0, '', 0, 0),
                       ('name', 'https://example.org/name', 'جائزة لطالب', 'فاز الطالب علي بالجائزة', 1, 0, '', 0, 0);
                INSERT INTO article_search (rowid, title_exact, title_stems, body_exact, body_stems)
                VALUES (1, 'الفريق يحصل علي المركز الاول', 'فريق يحصل مركز اول', 'حصل الفريق علي المركز', 'حصل فريق مركز'),
                       (2, 'جايزه لطالب', 'جايز طالب', 'فاز الطالب علي بالجايزه', 'فاز طالب جايز');
                """)
        }
        let store = try SQLiteStore(path: path)
        let columns = try await store.pool.read { db in try db.columns(in: "article_search").map(\.name) }
        #expect(columns == ["title_exact", "title_stems", "body_exact", "body_stems", "title_spelled", "body_spelled"])
        let ali = SearchWord(exact: "علي", stem: "عل", spelled: "علي")
        #expect(try await store.search(SearchQuery(words: [ali])).hits.map(\.article.id) == ["prep", "name"])
        try await store.replaceIndexedText([
            (1, IndexedText(titleExact: "الفريق يحصل علي المركز الاول", titleStems: "فريق يحصل مركز اول",
                            bodyExact: "حصل الفريق علي المركز", bodyStems: "حصل فريق مركز", titleSpelled: "على", bodySpelled: "على")),
            (2, IndexedText(titleExact: "جايزه لطالب", titleStems: "جايز طالب", bodyExact: "فاز الطالب علي بالجايزه",
                            bodyStems: "فاز طالب جايز", titleSpelled: "جايزة", bodySpelled: "علي بالجايزة")),
        ])
        #expect(try await store.search(SearchQuery(words: [ali])).hits.map(\.article.id) == ["name", "prep"])
        let rows = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search") }
        #expect(rows == 2)
    }
}

@Suite struct StoredJSONTests {
    @Test("stored string lists read back the same by the plain split and by JSONDecoder")
    func strings() {
        let lists: [[String]] = [[], ["وكالة الشمال"], ["a", "b"], ["صحيفة \"الغد\"", "x\\y", "a/b", "سطر\nثان", ""], ["  فراغ  ", "،"]]
        for list in lists {
            let text = StoredJSON.encode(list)
            #expect(StoredJSON.strings(text) == list, "\(text)")
        }
        // written by hand or by another tool: spaces around, escapes, unicode escapes
        #expect(StoredJSON.strings(" [ \"أ\" , \"ب\" ] ") == ["أ", "ب"])
        #expect(StoredJSON.strings(#"["\u0645\u0635\u0631"]"#) == ["مصر"])
        for bad in ["[", "[\"a\"", "[\"a\",]", "x", "[\"a\"] x", "{}", "[1]"] {
            // the plain split refuses them; JSONDecoder has the last word, as before
            #expect(StoredJSON.plainStrings(bad) == nil, "\(bad)")
            #expect(StoredJSON.strings(bad) == StoredJSON.decode([String].self, from: bad), "\(bad)")
        }
        #expect(StoredJSON.strings(nil) == nil)
        #expect(StoredJSON.strings("") == nil)
    }
}
