import Foundation
import KhabarModel
import KhabarStorage
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The scale-out backend: PostgreSQL through PostgresNIO's pooled client.
///
/// Same contract as `SQLiteStore` (one shared test suite runs against both). The client's pool runs
/// in a background task owned by the store; `shutdown()` ends it.
public final class PostgresStore: KhabarStore {
    public let location: String
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Connects to `url` (`postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`),
    /// waits until the server answers, and applies pending migrations unless `migrate` is false.
    public init(url: String, logger: Logger, migrate: Bool = true, maxConnections: Int = 8) async throws {
        let config = try Self.configuration(from: url, maxConnections: maxConnections)
        location = Self.redacted(url)
        // PostgresNIO's pool keeps retrying a refused connection; a plain TCP probe first turns
        // "nothing listens there" into an immediate, clear error.
        try await Self.probe(url: url, location: location)
        self.logger = logger
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await Self.waitUntilReachable(client, location: location, logger: logger)
            if migrate { _ = try await PostgresSchema.migrate(client, location: location, logger: logger) }
        } catch {
            runner.cancel()
            throw Self.describe(error, location: location)
        }
    }

    deinit { runner.cancel() }

    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    /// Applies pending migrations and returns their identifiers (for `khabar migrate`).
    public func migrate() async throws -> [String] {
        try await PostgresSchema.migrate(client, location: location, logger: logger)
    }

    static func configuration(from url: String, maxConnections: Int) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme,
              scheme == "postgres" || scheme == "postgresql", let host = parts.host, !host.isEmpty
        else { throw PostgresStoreError.badURL(redacted(url)) }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw PostgresStoreError.badURL(redacted(url) + " (sslmode \(mode) is not supported)")
        }
        var config = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user?.removingPercentEncoding ?? "postgres",
            password: parts.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: tls)
        config.options.maximumConnections = max(1, maxConnections)
        config.options.minimumConnections = 0
        config.options.connectTimeout = .seconds(5)
        return config
    }

    /// The URL without its password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    static func probe(url: String, location: String) async throws {
        guard let parts = URLComponents(string: url), let host = parts.host else { return }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(5))
                .connect(host: host, port: parts.port ?? 5432).get()
            try? await channel.close()
        } catch {
            throw PostgresStoreError.unreachable(location: location, reason: "\(error)")
        }
    }

    static func waitUntilReachable(_ client: PostgresClient, location: String, logger: Logger) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.query("SELECT 1", logger: logger) }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                throw PostgresStoreError.unreachable(location: location, reason: "no answer within 60 s")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Turns PostgresNIO's deliberately vague errors into one line that says what went wrong.
    static func describe(_ error: any Error, location: String) -> any Error {
        if error is PostgresStoreError || error is KhabarError { return error }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                return PostgresStoreError.unreachable(location: location, reason: message)
            }
            if let underlying = psql.underlying {
                return PostgresStoreError.unreachable(location: location, reason: "\(underlying)")
            }
            return PostgresStoreError.unreachable(location: location, reason: "\(psql.code)")
        }
        return PostgresStoreError.unreachable(location: location, reason: "\(error)")
    }

    static func queryError(_ error: any Error) -> any Error {
        if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] {
            return PostgresStoreError.query(message)
        }
        return error
    }

    // MARK: HealthCheck

    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    // MARK: SourceStore

    static func source(_ row: PostgresRow) throws -> Source {
        let (id, name, domain, n) = try row.decode((Int64, String, String?, Int64).self)
        return Source(id: id, name: name, domain: domain, articleCount: Int(n))
    }

    public func sources(notAfter: Date?) async throws -> [Source] {
        var result: [Source] = []
        for try await row in try await client.query("""
            SELECT s.id, s.name, s.domain,
                   (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.published <= \(ArticleQuery.bound(notAfter))
                    AND \(unescaped: Self.notARepeat(seq: "a.seq"))) AS n
            FROM sources s ORDER BY n DESC, s.name
            """, logger: logger) {
            result.append(try Self.source(row))
        }
        return result
    }

    public func source(id: Int64, notAfter: Date?) async throws -> Source? {
        for try await row in try await client.query("""
            SELECT s.id, s.name, s.domain,
                   (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.published <= \(ArticleQuery.bound(notAfter))
                    AND \(unescaped: Self.notARepeat(seq: "a.seq"))) AS n
            FROM sources s WHERE s.id = \(id)
            """, logger: logger) {
            return try Self.source(row)
        }
        return nil
    }

    // MARK: ArticleStore

    public func articleCount() async throws -> Int {
        for try await n in try await client.query("SELECT count(*) FROM articles", logger: logger).decode(Int64.self) {
            return Int(n)
        }
        return 0
    }

    static let articleColumns = """
        a.seq, a.id, a.title, a.body, a.summary, a.author, a.url, a.published, a.category, a.category_ar,
        a.stage, a.ingested_at, a.updated_at, s.id, s.name, s.domain
        """

    static func article(_ row: PostgresRow) throws -> Article {
        let r = row.makeRandomAccess()
        return Article(
            seq: try r[0].decode(Int64.self), id: try r[1].decode(String.self), title: try r[2].decode(String.self),
            body: try r[3].decode(String.self), summary: try r[4].decode(String?.self), author: try r[5].decode(String?.self),
            url: try r[6].decode(String.self),
            published: Date(timeIntervalSince1970: TimeInterval(try r[7].decode(Int64.self))),
            category: try r[8].decode(String?.self), categoryAr: try r[9].decode(String?.self),
            source: Source(id: try r[13].decode(Int64.self), name: try r[14].decode(String.self), domain: try r[15].decode(String?.self)),
            stage: PipelineStage(rawValue: Int(try r[10].decode(Int32.self))) ?? .stored,
            ingestedAt: Date(timeIntervalSince1970: try r[11].decode(Double.self)),
            updatedAt: Date(timeIntervalSince1970: try r[12].decode(Double.self)))
    }

    public func article(id: String) async throws -> Article? {
        var found: Article?
        for try await row in try await client.query("""
            SELECT \(unescaped: Self.articleColumns) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = \(id)
            """, logger: logger) {
            found = try Self.article(row)
        }
        guard var article = found else { return nil }
        try await loadAnnotations(into: &article)
        return article
    }

    public func articles(_ query: ArticleQuery) async throws -> ArticlePage {
        let limit = max(1, min(query.limit, 500))
        var sql = "SELECT \(Self.articleColumns) FROM articles a JOIN sources s ON s.id = a.source_id WHERE true"
        var binds = PostgresBindings()
        if let source = query.sourceID {
            binds.append(source)
            sql += " AND a.source_id = $\(binds.count)"
        }
        if query.skipsRepeats { sql += " AND " + Self.notARepeat("a") }
        let order = Self.keyset(query.keyset, published: "a.published", seq: "a.seq", sql: &sql, binds: &binds)
        binds.append(Int64(limit + 1))
        sql += " ORDER BY \(order) LIMIT $\(binds.count)"
        var articles: [Article] = []
        for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            articles.append(try Self.article(row))
        }
        return ArticlePage(fetched: articles, limit: limit, ascending: query.keyset.ascending)
    }

    /// Appends the conditions of a keyset page over the columns `published` and `seq` (of
    /// `articles` or of `article_tags`) to `sql` (which ends in a WHERE clause) and returns the
    /// order: what `articles(_:)` and `articles(tagged:query:)` share.
    static func keyset(_ keyset: ArticleQuery.Keyset, published: String, seq: String,
                       sql: inout String, binds: inout PostgresBindings) -> String {
        if let before = keyset.before {
            binds.append(before.seconds)
            binds.append(before.seq)
            sql += " AND (\(published), \(seq)) < ($\(binds.count - 1), $\(binds.count))"
        }
        if let after = keyset.after {
            binds.append(after.seconds)
            binds.append(after.seq)
            sql += " AND (\(published), \(seq)) > ($\(binds.count - 1), $\(binds.count))"
        }
        if let notAfter = keyset.notAfter {
            binds.append(notAfter)
            sql += " AND \(published) <= $\(binds.count)"
        }
        let direction = keyset.ascending ? "ASC" : "DESC"
        return "\(published) \(direction), \(seq) \(direction)"
    }

    public func storedVersions(of drafts: [ArticleDraft]) async throws -> [String: StoredVersion] {
        guard !drafts.isEmpty else { return [:] }
        var byID: [String: StoredVersion] = [:]
        var byURL: [String: StoredVersion] = [:]
        let rows = try await client.query("""
            SELECT id, url, content_hash, stage FROM articles WHERE id = ANY(\(drafts.map(\.id))) OR url = ANY(\(drafts.map(\.url)))
            """, logger: logger)
        for try await (id, url, hash, stage) in rows.decode((String, String, String, Int32).self) {
            let version = StoredVersion(contentHash: hash, stage: PipelineStage(rawValue: Int(stage)) ?? .stored, id: id)
            byID[id] = version
            byURL[url] = version
        }
        var result: [String: StoredVersion] = [:]
        for draft in drafts {
            if let version = byID[draft.id] ?? byURL[draft.url] { result[draft.id] = version }
        }
        return result
    }

    public func upsert(_ batch: [PreparedArticle]) async throws -> [UpsertOutcome] {
        let now = Date().timeIntervalSince1970
        let logger = logger
        if let outcomes = try await bulkInsertIfAllNew(batch, now: now) { return outcomes }
        do {
            return try await client.withTransaction(logger: logger) { connection in
                var rows = BatchRows()
                var outcomes: [UpsertOutcome] = []
                for item in batch {
                    // A savepoint per article: a constraint failure rejects this article only.
                    try await connection.query("SAVEPOINT article", logger: logger)
                    rows.begin()
                    do {
                        outcomes.append(try await Self.upsertOne(item, connection: connection, now: now,
                                                                 rows: &rows, logger: logger))
                        try await connection.query("RELEASE SAVEPOINT article", logger: logger)
                    } catch let error as PSQLError where error.serverInfo != nil {
                        try await connection.query("ROLLBACK TO SAVEPOINT article", logger: logger)
                        rows.forgetArticle()
                        outcomes.append(.rejected(reason: error.serverInfo?[.message] ?? "rejected by the database"))
                    }
                }
                // Repeats once the batch's articles are all there (a batch may hold an article and its repeat).
                let written = outcomes.compactMap { outcome -> Int64? in
                    switch outcome {
                    case let .inserted(seq), let .updated(seq): seq
                    case .unchanged, .rejected: nil
                    }
                }
                let stories = try await Self.refreshRepeats(written, connection: connection, logger: logger)
                try await Self.refreshStories(stories.sorted(), connection: connection, logger: logger)
                return outcomes
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    static func upsertOne(_ item: PreparedArticle, connection: PostgresConnection, now: Double,
                          rows: inout BatchRows, logger: Logger) async throws -> UpsertOutcome {
        let draft = item.draft
        let hash = draft.contentHash
        var byID: (seq: Int64, url: String, hash: String, stage: Int)?
        var byURL: (seq: Int64, id: String, hash: String, stage: Int)?
        for try await (seq, id, url, storedHash, stage) in try await connection.query("""
            SELECT seq, id, url, content_hash, stage FROM articles WHERE id = \(draft.id) OR url = \(draft.url)
            """, logger: logger).decode((Int64, String, String, String, Int32).self) {
            if id == draft.id { byID = (seq, url, storedHash, Int(stage)) }
            if url == draft.url { byURL = (seq, id, storedHash, Int(stage)) }
        }
        if let byID, let byURL, byID.seq != byURL.seq {
            return .rejected(reason: "url \(draft.url) already belongs to article \(byURL.id)")
        }
        let sourceID: Int64
        if let cached = rows.sources[draft.source.name] {
            sourceID = cached
        } else {
            var found: Int64?
            for try await id in try await connection.query("""
                INSERT INTO sources (name, domain, created_at) VALUES (\(draft.source.name), \(draft.source.domain), \(now))
                ON CONFLICT (name) DO UPDATE SET domain = coalesce(sources.domain, EXCLUDED.domain) RETURNING id
                """, logger: logger).decode(Int64.self) { found = id }
            guard let found else { throw PostgresStoreError.query("source \(draft.source.name) could not be stored") }
            rows.addSource(draft.source.name, found)
            sourceID = found
        }
        let published = draft.published.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
        let stage = Int32(item.stage.rawValue)
        if let existing = byID.map({ ($0.seq, $0.hash, $0.stage) }) ?? byURL.map({ ($0.seq, $0.hash, $0.stage) }) {
            let (seq, storedHash, storedStage) = existing
            if storedHash == hash, storedStage >= item.stage.rawValue { return .unchanged(seq: seq) }
            // Matched by URL under another id: the stored id stays, so links to it keep working.
            try await connection.query("""
                UPDATE articles SET url = \(draft.url), title = \(draft.title), body = \(draft.body),
                    summary = \(draft.summary), author = \(draft.author), category = \(draft.category),
                    category_ar = \(draft.categoryAr), source_id = \(sourceID), published = coalesce(\(published), published),
                    content_hash = \(hash), stage = \(stage), updated_at = \(now)
                WHERE seq = \(seq)
                """, logger: logger)
            try await writeIndex(item.indexed, seq: seq, connection: connection, logger: logger)
            try await writeAnnotations(item.annotations, seq: seq, connection: connection, logger: logger)
            return .updated(seq: seq)
        }
        var inserted: Int64?
        for try await seq in try await connection.query("""
            INSERT INTO articles (id, url, title, body, summary, author, category, category_ar, source_id,
                                  published, content_hash, stage, ingested_at, updated_at)
            VALUES (\(draft.id), \(draft.url), \(draft.title), \(draft.body), \(draft.summary), \(draft.author),
                    \(draft.category), \(draft.categoryAr), \(sourceID), \(published ?? Int64(now)), \(hash), \(stage), \(now), \(now))
            RETURNING seq
            """, logger: logger).decode(Int64.self) { inserted = seq }
        guard let seq = inserted else { throw PostgresStoreError.query("article \(draft.id) could not be stored") }
        try await writeIndex(item.indexed, seq: seq, connection: connection, logger: logger)
        try await writeAnnotations(item.annotations, seq: seq, connection: connection, logger: logger)
        return .inserted(seq: seq)
    }

    public func replaceIndexedText(_ batch: [(seq: Int64, indexed: IndexedText)]) async throws {
        let logger = logger
        do {
            try await client.withTransaction(logger: logger) { connection in
                for (seq, indexed) in batch {
                    try await Self.writeIndex(indexed, seq: seq, connection: connection, logger: logger)
                    try await connection.query(
                        "UPDATE articles SET stage = greatest(stage, \(Int32(PipelineStage.analyzed.rawValue))) WHERE seq = \(seq)",
                        logger: logger)
                }
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    public func replaceSummaries(_ batch: [(seq: Int64, summary: String?)]) async throws {
        guard !batch.isEmpty else { return }
        do {
            try await client.query("""
                UPDATE articles a SET summary = nullif(n.summary, '')
                FROM unnest(\(batch.map(\.seq))::bigint[], \(batch.map { $0.summary ?? "" })::text[]) AS n(seq, summary)
                WHERE a.seq = n.seq
                """, logger: logger)
        } catch {
            throw Self.queryError(error)
        }
    }

    static func writeIndex(_ indexed: IndexedText?, seq: Int64, connection: PostgresConnection, logger: Logger) async throws {
        guard let indexed else {
            try await connection.query("DELETE FROM article_search WHERE seq = \(seq)", logger: logger)
            return
        }
        try await connection.query("""
            INSERT INTO article_search (seq, title_exact, title_stems, body_exact, body_stems, title_spelled, body_spelled)
            VALUES (\(seq), \(indexed.titleExact), \(indexed.titleStems), \(indexed.bodyExact), \(indexed.bodyStems),
                    \(indexed.titleSpelled), \(indexed.bodySpelled))
            ON CONFLICT (seq) DO UPDATE SET title_exact = EXCLUDED.title_exact, title_stems = EXCLUDED.title_stems,
                body_exact = EXCLUDED.body_exact, body_stems = EXCLUDED.body_stems,
                title_spelled = EXCLUDED.title_spelled, body_spelled = EXCLUDED.body_spelled
            """, logger: logger)
    }
}

extension PostgresStore {
    /// Runs one statement as given: for administration (creating databases in tests, `khabar migrate`
    /// checks), never with user input.
    public func execute(unsafeSQL sql: String) async throws {
        do {
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            throw Self.queryError(error)
        }
    }
}
