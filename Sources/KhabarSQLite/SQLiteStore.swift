import Foundation
import GRDB
import KhabarModel
import KhabarStorage

/// The embedded backend: one SQLite file in WAL mode, through GRDB.
///
/// A `DatabasePool` gives concurrent readers (web requests) beside one writer (the importer or the
/// refresher). The schema is created and migrated on open, so `khabar serve` needs nothing else.
public final class SQLiteStore: KhabarStore {
    public let path: String
    let pool: DatabasePool
    /// The migrations this open applied, oldest first (none when the schema was current).
    public let appliedMigrations: [String]

    /// Opens (or creates) the database at `path` and applies pending migrations.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process (a second `khabar import`, `khabar serve`) may hold the write lock briefly.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The savepoint each article is written in keeps the pages it changes in a
            // sub-journal, a temporary file by default: a pwrite per page and most of an import's
            // system time (ANT dev: 1.25 M pwrites, 0.95 M of them to temporary files).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw KhabarError.database("cannot open \(path): folder \(directory) does not exist")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw KhabarError.database("cannot open \(path): \(error)")
        }
        appliedMigrations = try Schema.migrate(pool, path: path)
    }

    // MARK: SourceStore

    public func sources(notAfter: Date?) async throws -> [Source] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.name, s.domain,
                       (SELECT count(*) FROM articles a INDEXED BY articles_by_source
                        WHERE a.source_id = s.id AND a.published <= ? AND \(Self.notARepeat(seq: "a.seq"))) AS n
                FROM sources s ORDER BY n DESC, s.name
                """, arguments: [ArticleQuery.bound(notAfter)]).map(Self.source(from:))
        }
    }

    public func source(id: Int64, notAfter: Date?) async throws -> Source? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.id, s.name, s.domain,
                       (SELECT count(*) FROM articles a INDEXED BY articles_by_source
                        WHERE a.source_id = s.id AND a.published <= ? AND \(Self.notARepeat(seq: "a.seq"))) AS n
                FROM sources s WHERE s.id = ?
                """, arguments: [ArticleQuery.bound(notAfter), id]).map(Self.source(from:))
        }
    }

    static func source(from row: Row) -> Source {
        Source(id: row["id"], name: row["name"], domain: row["domain"], articleCount: row["n"] ?? 0)
    }

    // MARK: HealthCheck

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    // MARK: ArticleStore

    public func articleCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 }
    }

    static let articleColumns = """
        a.seq, a.id, a.title, a.body, a.summary, a.author, a.url, a.published, a.category, a.category_ar,
        a.stage, a.ingested_at, a.updated_at, s.id AS source_id, s.name AS source_name, s.domain AS source_domain
        """

    static func article(from row: Row) -> Article {
        Article(
            seq: row["seq"], id: row["id"], title: row["title"], body: row["body"], summary: row["summary"],
            author: row["author"], url: row["url"],
            published: Date(timeIntervalSince1970: TimeInterval(row["published"] as Int64)),
            category: row["category"], categoryAr: row["category_ar"],
            source: Source(id: row["source_id"], name: row["source_name"], domain: row["source_domain"]),
            stage: PipelineStage(rawValue: row["stage"]) ?? .stored,
            ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }

    public func article(id: String) async throws -> Article? {
        try await pool.read { db in
            // compiled once per connection: an article page runs these on every request
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(Self.articleColumns) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?
                """), arguments: [id]) else { return nil }
            var article = Self.article(from: row)
            try Self.loadAnnotations(into: &article, db: db)
            return article
        }
    }

    public func articles(_ query: ArticleQuery) async throws -> ArticlePage {
        let limit = max(1, min(query.limit, 500))
        return try await pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let source = query.sourceID {
                conditions.append("a.source_id = ?")
                _ = arguments.append(contentsOf: [source])
            }
            let keyset = Self.keyset(query.keyset, published: "a.published", seq: "a.seq")
            conditions += keyset.conditions
            if query.skipsRepeats { conditions.append(Self.notARepeat("a")) }
            _ = arguments.append(contentsOf: keyset.arguments)
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [limit + 1])
            let articles = try Row.fetchAll(db, sql: """
                SELECT \(Self.articleColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                \(whereClause) ORDER BY \(keyset.order) LIMIT ?
                """, arguments: arguments).map(Self.article(from:))
            return ArticlePage(fetched: articles, limit: limit, ascending: query.keyset.ascending)
        }
    }

    /// The conditions and order of a keyset page over the columns `published` and `seq` (of
    /// `articles` or of `article_tags`): what `articles(_:)` and `articles(tagged:query:)` share.
    static func keyset(_ keyset: ArticleQuery.Keyset, published: String, seq: String)
        -> (conditions: [String], arguments: StatementArguments, order: String) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let before = keyset.before {
            conditions.append("(\(published) < ? OR (\(published) = ? AND \(seq) < ?))")
            _ = arguments.append(contentsOf: [before.seconds, before.seconds, before.seq])
        }
        if let after = keyset.after {
            conditions.append("(\(published) > ? OR (\(published) = ? AND \(seq) > ?))")
            _ = arguments.append(contentsOf: [after.seconds, after.seconds, after.seq])
        }
        if let notAfter = keyset.notAfter {
            conditions.append("\(published) <= ?")
            _ = arguments.append(contentsOf: [notAfter])
        }
        let direction = keyset.ascending ? "ASC" : "DESC"
        return (conditions, arguments, "\(published) \(direction), \(seq) \(direction)")
    }

    public func storedVersions(of drafts: [ArticleDraft]) async throws -> [String: StoredVersion] {
        guard !drafts.isEmpty else { return [:] }
        return try await pool.read { db in
            var byID: [String: StoredVersion] = [:]
            var byURL: [String: StoredVersion] = [:]
            // Chunks keep the statement under SQLite's bound-parameter limit.
            for chunk in stride(from: 0, to: drafts.count, by: 400).map({ drafts[$0..<min($0 + 400, drafts.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let arguments = StatementArguments(chunk.map(\.id) + chunk.map(\.url))
                for row in try Row.fetchAll(db, sql: """
                    SELECT id, url, content_hash, stage FROM articles WHERE id IN (\(marks)) OR url IN (\(marks))
                    """, arguments: arguments) {
                    let version = StoredVersion(contentHash: row["content_hash"], stage: PipelineStage(rawValue: row["stage"]) ?? .stored,
                                                id: row["id"])
                    byID[row["id"]] = version
                    byURL[row["url"]] = version
                }
            }
            var result: [String: StoredVersion] = [:]
            for draft in drafts {
                if let version = byID[draft.id] ?? byURL[draft.url] { result[draft.id] = version }
            }
            return result
        }
    }

    public func upsert(_ batch: [PreparedArticle]) async throws -> [UpsertOutcome] {
        let now = Date().timeIntervalSince1970
        return try await pool.write { db in
            var rows = BatchRows()
            var outcomes: [UpsertOutcome] = []
            outcomes.reserveCapacity(batch.count)
            // The search rows are written after the articles, outside their savepoints: FTS5
            // writes its pending terms out as a new segment at every savepoint, so one segment per
            // article (to be merged again and again, and a slower index until they are).
            var search: [SearchRow] = []
            for item in batch {
                var outcome = UpsertOutcome.rejected(reason: "not stored")
                // A savepoint per article: a constraint failure rejects this article only.
                rows.begin()
                let pending = search.count
                let kept = try Self.inArticleSavepoint(db) {
                    do {
                        outcome = try Self.upsertOne(item, db: db, now: now, rows: &rows, search: &search)
                    } catch let error as DatabaseError {
                        outcome = .rejected(reason: error.message ?? "\(error)")
                        return .rollback
                    }
                    return .commit
                }
                if !kept {
                    rows.forgetArticle()
                    search.removeSubrange(pending...)
                }
                outcomes.append(outcome)
            }
            for row in search { try Self.writeIndex(row.indexed, seq: row.seq, db: db, replacing: row.replacing) }
            // Repeats once the batch's articles are all there (a batch may hold an article and its repeat).
            let written = outcomes.compactMap { outcome -> Int64? in
                switch outcome {
                case let .inserted(seq), let .updated(seq): seq
                case .unchanged, .rejected: nil
                }
            }
            for story in try Self.refreshRepeats(written, db: db).sorted() { try Self.refreshStory(story, db: db) }
            return outcomes
        }
    }

    /// `body` inside a savepoint of its own; false when it rolled back (its rows are gone). The
    /// savepoint statements are compiled once per connection: GRDB's `inSavepoint` compiles them
    /// anew each time, twice per article. GRDB still tracks them (a statement keeps its effect on
    /// the transaction from its compilation).
    static func inArticleSavepoint(_ db: Database, _ body: () throws -> Database.TransactionCompletion) throws -> Bool {
        try db.cachedStatement(sql: "SAVEPOINT article").execute()
        let completion: Database.TransactionCompletion
        do {
            completion = try body()
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT article").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT article").execute()
            throw error
        }
        if completion == .rollback {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT article").execute()
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT article").execute()
        return completion == .commit
    }

    static func sourceID(for source: SourceDraft, db: Database, now: Double, rows: inout BatchRows) throws -> Int64 {
        if let id = rows.sources[source.name] { return id }
        try db.cachedStatement(sql: """
            INSERT INTO sources (name, domain, created_at) VALUES (?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET domain = coalesce(sources.domain, excluded.domain)
            """).execute(arguments: [source.name, source.domain, now])
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE name = ?"), arguments: [source.name]) else {
            throw KhabarError.database("source \(source.name) vanished during upsert")
        }
        rows.addSource(source.name, id)
        return id
    }

    /// A search index row to write once the batch's articles are (see `upsert`).
    struct SearchRow {
        var seq: Int64
        var indexed: IndexedText?
        var replacing: Bool
    }

    static func upsertOne(_ item: PreparedArticle, db: Database, now: Double, rows: inout BatchRows,
                          search: inout [SearchRow]) throws -> UpsertOutcome {
        let draft = item.draft
        let hash = draft.contentHash
        // Statements of the per-article path are compiled once per connection (`cachedStatement`):
        // compiling them anew for each article cost more than running them.
        let existing = try Row.fetchAll(db.cachedStatement(sql: "SELECT seq, id, url, content_hash, stage FROM articles WHERE id = ? OR url = ?"),
                                        arguments: [draft.id, draft.url])
        let byID = existing.first { ($0["id"] as String) == draft.id }
        let byURL = existing.first { ($0["url"] as String) == draft.url }
        if let byID, let byURL, (byID["seq"] as Int64) != (byURL["seq"] as Int64) {
            return .rejected(reason: "url \(draft.url) already belongs to article \(byURL["id"] as String)")
        }
        let sourceID = try sourceID(for: draft.source, db: db, now: now, rows: &rows)
        let published = draft.published.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
        if let row = byID ?? byURL {
            let seq: Int64 = row["seq"]
            let stage: Int = row["stage"]
            // Matched by URL under another id: the stored id stays, so links to it keep working.
            if (row["content_hash"] as String) == hash, stage >= item.stage.rawValue {
                return .unchanged(seq: seq)
            }
            // One UPDATE carries the row's annotations too (a second one rewrote the row again,
            // body and all); without annotations they stay as they were.
            var arguments: StatementArguments = [draft.url, draft.title, draft.body, draft.summary, draft.author,
                                                 draft.category, draft.categoryAr, sourceID, published, hash,
                                                 item.stage.rawValue, now]
            if let annotations = item.annotations {
                arguments += [StoredJSON.encode(annotations.attribution), Data(annotations.signature), seq]
                try db.cachedStatement(sql: """
                    UPDATE articles SET url = ?, title = ?, body = ?, summary = ?, author = ?, category = ?,
                        category_ar = ?, source_id = ?, published = coalesce(?, published), content_hash = ?, stage = ?,
                        updated_at = ?, attribution = ?, signature = ?
                    WHERE seq = ?
                    """).execute(arguments: arguments)
                try writeTags(annotations.tags, seq: seq, db: db, replacing: true, rows: &rows)
            } else {
                arguments += [seq]
                try db.cachedStatement(sql: """
                    UPDATE articles SET url = ?, title = ?, body = ?, summary = ?, author = ?, category = ?,
                        category_ar = ?, source_id = ?, published = coalesce(?, published), content_hash = ?, stage = ?,
                        updated_at = ?
                    WHERE seq = ?
                    """).execute(arguments: arguments)
            }
            search.append(SearchRow(seq: seq, indexed: item.indexed, replacing: true))
            return .updated(seq: seq)
        }
        // A new row carries its attribution and signature from the start: setting them after the
        // insert rewrote the whole row, body and all.
        let annotations = item.annotations
        try db.cachedStatement(sql: """
            INSERT INTO articles (id, url, title, body, summary, author, category, category_ar, source_id,
                                  published, content_hash, stage, ingested_at, updated_at, attribution, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [draft.id, draft.url, draft.title, draft.body, draft.summary, draft.author,
                                     draft.category, draft.categoryAr, sourceID, published ?? Int64(now), hash,
                                     item.stage.rawValue, now, now,
                                     annotations.map { StoredJSON.encode($0.attribution) }, annotations.map { Data($0.signature) }])
        let seq = db.lastInsertedRowID
        search.append(SearchRow(seq: seq, indexed: item.indexed, replacing: false))
        try writeTags(annotations?.tags, seq: seq, db: db, replacing: false, rows: &rows)
        return .inserted(seq: seq)
    }

    public func replaceIndexedText(_ batch: [(seq: Int64, indexed: IndexedText)]) async throws {
        try await pool.write { db in
            for (seq, indexed) in batch {
                try Self.writeIndex(indexed, seq: seq, db: db, replacing: true)
                try db.cachedStatement(sql: "UPDATE articles SET stage = max(stage, ?) WHERE seq = ?")
                    .execute(arguments: [PipelineStage.analyzed.rawValue, seq])
            }
        }
    }

    public func replaceSummaries(_ batch: [(seq: Int64, summary: String?)]) async throws {
        guard !batch.isEmpty else { return }
        try await pool.write { db in
            for (seq, summary) in batch {
                try db.cachedStatement(sql: "UPDATE articles SET summary = ? WHERE seq = ?").execute(arguments: [summary, seq])
            }
        }
    }

    static func writeIndex(_ indexed: IndexedText?, seq: Int64, db: Database, replacing: Bool) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM article_search WHERE rowid = ?").execute(arguments: [seq])
        }
        guard let indexed else { return }
        try db.cachedStatement(sql: """
            INSERT INTO article_search (rowid, title_exact, title_stems, body_exact, body_stems, title_spelled, body_spelled)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, indexed.titleExact, indexed.titleStems, indexed.bodyExact, indexed.bodyStems,
                                     indexed.titleSpelled, indexed.bodySpelled])
    }
}
