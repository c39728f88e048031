import Logging
import PostgresNIO

/// The PostgreSQL schema as append-only migrations: the same logical schema (tables, columns,
/// constraints) as the SQLite backend's. Never edit a migration that has shipped: add one.
enum PostgresSchema {
    struct Migration {
        let identifier: String
        let sql: [String]
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1: sources, articles, search index", sql: [
            """
            CREATE TABLE sources (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                domain TEXT,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE articles (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
                url TEXT NOT NULL UNIQUE CHECK (length(url) > 0),
                title TEXT NOT NULL CHECK (length(title) > 0),
                body TEXT NOT NULL CHECK (length(body) > 0),
                summary TEXT,
                author TEXT,
                category TEXT,
                category_ar TEXT,
                source_id BIGINT NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
                published BIGINT NOT NULL,
                content_hash TEXT NOT NULL,
                stage INTEGER NOT NULL DEFAULT 0,
                ingested_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX articles_by_published ON articles (published DESC, seq DESC)",
            "CREATE INDEX articles_by_source ON articles (source_id, published DESC, seq DESC)",
            // The same pre-analyzed columns as SQLite's FTS5 table; the 'simple' configuration only
            // splits on spaces and lower-cases, so our analyzer alone decides the tokens. Weights:
            // A title exact, B title stems, C body exact, D body stems.
            """
            CREATE TABLE article_search (
                seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
                title_exact TEXT NOT NULL,
                title_stems TEXT NOT NULL,
                body_exact TEXT NOT NULL,
                body_stems TEXT NOT NULL,
                document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title_exact), 'A') ||
                    setweight(to_tsvector('simple', title_stems), 'B') ||
                    setweight(to_tsvector('simple', body_exact), 'C') ||
                    setweight(to_tsvector('simple', body_stems), 'D')) STORED
            )
            """,
            "CREATE INDEX article_search_document ON article_search USING GIN (document)",
        ]),
        Migration(identifier: "v2: feed sources and their fetch state", sql: [
            """
            ALTER TABLE sources
                ADD COLUMN feed_url TEXT,
                ADD COLUMN site_url TEXT,
                ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1,
                ADD COLUMN etag TEXT,
                ADD COLUMN last_modified TEXT,
                ADD COLUMN last_fetch_at DOUBLE PRECISION,
                ADD COLUMN last_status INTEGER,
                ADD COLUMN last_error TEXT,
                ADD COLUMN next_poll_at DOUBLE PRECISION,
                ADD COLUMN poll_interval DOUBLE PRECISION NOT NULL DEFAULT 900,
                ADD COLUMN failures INTEGER NOT NULL DEFAULT 0,
                ADD COLUMN lease_owner TEXT,
                ADD COLUMN lease_until DOUBLE PRECISION,
                ADD COLUMN last_items INTEGER
            """,
            "CREATE UNIQUE INDEX sources_by_feed_url ON sources (feed_url)",
            "CREATE INDEX sources_due ON sources (next_poll_at) WHERE feed_url IS NOT NULL",
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]),
        Migration(identifier: "v3: tags, attribution, signatures, stories", sql: [
            """
            ALTER TABLE articles
                ADD COLUMN attribution TEXT,
                ADD COLUMN signature BYTEA,
                ADD COLUMN story_id BIGINT,
                ADD COLUMN duplicate_of BIGINT,
                ADD COLUMN cluster_seq BIGINT
            """,
            "CREATE INDEX articles_by_story ON articles (story_id, published, seq) WHERE story_id IS NOT NULL",
            "CREATE INDEX articles_by_cluster_seq ON articles (cluster_seq) WHERE cluster_seq IS NOT NULL",
            "CREATE INDEX articles_by_stage ON articles (stage, seq)",
            "CREATE SEQUENCE cluster_seq_counter",
            """
            CREATE TABLE tags (
                slug TEXT PRIMARY KEY CHECK (length(slug) > 0),
                name TEXT NOT NULL,
                type TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE article_tags (
                article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                slug TEXT NOT NULL REFERENCES tags(slug),
                rank INTEGER NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                published BIGINT NOT NULL,
                PRIMARY KEY (article_seq, slug)
            )
            """,
            "CREATE INDEX article_tags_by_tag ON article_tags (slug, published DESC, article_seq DESC)",
            "CREATE INDEX article_tags_by_published ON article_tags (published)",
            """
            CREATE TABLE stories (
                id BIGINT PRIMARY KEY,
                title TEXT NOT NULL,
                primary_seq BIGINT NOT NULL,
                first_published BIGINT NOT NULL,
                last_published BIGINT NOT NULL,
                article_count INTEGER NOT NULL,
                source_count INTEGER NOT NULL,
                sources TEXT NOT NULL
            )
            """,
            "CREATE INDEX stories_by_last ON stories (last_published DESC)",
            "CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until DOUBLE PRECISION NOT NULL)",
            // Articles stored before v3 have no tags or signature: back to "stored".
            "UPDATE articles SET stage = 0",
        ]),
        Migration(identifier: "v4: copies of several primaries", sql: [
            "ALTER TABLE articles ADD COLUMN also_duplicate_of TEXT",
            // Signatures gained the lead (v2) and copies several primaries: articles go back to
            // "stored", so the next import or `khabar reprocess` analyses and places them again.
            "DELETE FROM stories",
            "UPDATE articles SET story_id = NULL, duplicate_of = NULL, cluster_seq = NULL, stage = 0",
        ]),
        // Filled for the stories already there by `migrate` once this has run.
        Migration(identifier: "v5: story headlines", sql: [
            "ALTER TABLE stories ADD COLUMN headline_seq BIGINT",
        ]),
        // The words whose fold ends in ي or ه as written (ى, ة kept), as on SQLite, and their own
        // tsvector (A title, C body): a spelled form such as علي is also an exact lexeme of
        // `document`, which could not tell them apart. Only ranking reads `spelling`, over the rows
        // `document` matched, so it needs no index. Rows stored before stay empty until `khabar
        // reprocess --stage analyze` (the analyzer version says so).
        Migration(identifier: "v6: spelled forms in the search index", sql: [
            """
            ALTER TABLE article_search
                ADD COLUMN title_spelled TEXT NOT NULL DEFAULT '',
                ADD COLUMN body_spelled TEXT NOT NULL DEFAULT ''
            """,
            """
            ALTER TABLE article_search ADD COLUMN spelling tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', title_spelled), 'A') ||
                setweight(to_tsvector('simple', body_spelled), 'C')) STORED
            """,
        ]),
        // An outlet's article stored twice (same title and body, another address) is listed once
        // (`PostgresStore.notARepeat`); the stories holding one are counted again by `migrate`.
        Migration(identifier: "v7: repeats", sql: [
            "CREATE INDEX articles_by_source_title ON articles (source_id, md5(title))",
        ]),
        // Stored now, as on SQLite (v9): whether an article repeats an earlier one of its outlet,
        // kept by `PostgresStore.refreshRepeats` and computed here for the articles there are. A
        // count over a tag's rows reads the few repeats' numbers from `articles_repeats`.
        Migration(identifier: "v8: stored repeats", sql: [
            "ALTER TABLE articles ADD COLUMN repeat_of BIGINT",
            """
            UPDATE articles SET repeat_of = f.first
            FROM (SELECT a.seq, \(PostgresStore.firstRepeated("a")) AS first FROM articles a) f
            WHERE articles.seq = f.seq AND f.first IS NOT NULL
            """,
            "CREATE INDEX articles_repeats ON articles (repeat_of) WHERE repeat_of IS NOT NULL",
        ]),
        // As on SQLite (v10): each article keeps the name it gives a tag, the tag's row the name
        // most of its articles give (`TagSpelling.majorityName`); rows stored before have none.
        Migration(identifier: "v9: each article's spelling of its tags", sql: [
            "ALTER TABLE article_tags ADD COLUMN name TEXT",
        ]),
    ]

    /// Applies pending migrations under an advisory lock, so several nodes starting at once migrate
    /// exactly once; refuses a database written by a newer khabar.
    static func migrate(_ client: PostgresClient, location: String, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(7305870)", logger: logger)
            do {
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS khabar_migrations (
                        identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """, logger: logger)
                var applied = Set<String>()
                for try await identifier in try await connection.query(
                    "SELECT identifier FROM khabar_migrations", logger: logger).decode(String.self) {
                    applied.insert(identifier)
                }
                let unknown = applied.subtracting(migrations.map(\.identifier))
                if !unknown.isEmpty {
                    throw PostgresStoreError.schemaNewer(location: location, migrations: unknown.sorted())
                }
                var ran: [String] = []
                for migration in migrations where !applied.contains(migration.identifier) {
                    try await connection.withTransaction(logger: logger) { tx in
                        for statement in migration.sql {
                            try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await tx.query(
                            "INSERT INTO khabar_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
                    }
                    ran.append(migration.identifier)
                }
                if ran.contains("v5: story headlines") && !applied.isEmpty {
                    // stories written before headlines get theirs (derived data, today's code)
                    var ids: [Int64] = []
                    for try await id in try await connection.query(
                        "SELECT id FROM stories WHERE headline_seq IS NULL", logger: logger).decode(Int64.self) {
                        ids.append(id)
                    }
                    for start in stride(from: 0, to: ids.count, by: 500) {
                        try await PostgresStore.refreshStories(Array(ids[start..<min(ids.count, start + 500)]),
                                                               connection: connection, logger: logger)
                    }
                }
                if ran.contains("v8: stored repeats") && !applied.isEmpty {
                    // stories holding a repeat counted it (before v7), or may count it otherwise
                    // than the stored rule does: counted again (derived data, as above)
                    var ids: [Int64] = []
                    for try await id in try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT DISTINCT a.story_id FROM articles a WHERE a.story_id IS NOT NULL AND a.repeat_of IS NOT NULL
                        """), logger: logger).decode(Int64.self) {
                        ids.append(id)
                    }
                    for start in stride(from: 0, to: ids.count, by: 500) {
                        try await PostgresStore.refreshStories(Array(ids[start..<min(ids.count, start + 500)]),
                                                               connection: connection, logger: logger)
                    }
                }
                try await connection.query("SELECT pg_advisory_unlock(7305870)", logger: logger)
                return ran
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(7305870)", logger: logger)
                throw error
            }
        }
    }
}

public enum PostgresStoreError: Error, CustomStringConvertible {
    case badURL(String)
    case unreachable(location: String, reason: String)
    case schemaNewer(location: String, migrations: [String])
    case query(String)

    public var description: String {
        switch self {
        case let .badURL(url): "\(url): not a postgres:// URL (postgres://user:password@host:port/database)"
        case let .unreachable(location, reason): "cannot reach PostgreSQL at \(location): \(reason)"
        case let .schemaNewer(location, migrations):
            "\(location) was written by a newer khabar (unknown migrations: \(migrations.joined(separator: ", "))); upgrade khabar"
        case let .query(message): "database: \(message)"
        }
    }
}
