import GRDB
import KhabarModel

/// The SQLite schema as append-only GRDB migrations. Never edit a registered migration: add one.
///
/// The logical schema (table and column names) is the one every backend shares, so operators and
/// scripts can query either (DESIGN.md §4).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, articles, search index") { db in
            try db.execute(sql: """
                CREATE TABLE sources (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    domain TEXT,
                    created_at REAL NOT NULL
                );
                CREATE TABLE articles (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
                    url TEXT NOT NULL UNIQUE CHECK (length(url) > 0),
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    body TEXT NOT NULL CHECK (length(body) > 0),
                    summary TEXT,
                    author TEXT,
                    category TEXT,
                    category_ar TEXT,
                    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
                    published INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    stage INTEGER NOT NULL DEFAULT 0,
                    ingested_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX articles_by_published ON articles (published DESC, seq DESC);
                CREATE INDEX articles_by_source ON articles (source_id, published DESC, seq DESC);
                -- Pre-analyzed text (normalized tokens and stems joined by spaces), so the index needs no
                -- custom tokenizer and any sqlite3 shell can read and write the database.
                CREATE VIRTUAL TABLE article_search USING fts5 (
                    title_exact, title_stems, body_exact, body_stems,
                    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co Mn'"
                );
                """)
        }
        migrator.registerMigration("v2: feed sources and their fetch state") { db in
            try db.execute(sql: """
                ALTER TABLE sources ADD COLUMN feed_url TEXT;
                ALTER TABLE sources ADD COLUMN site_url TEXT;
                ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE sources ADD COLUMN etag TEXT;
                ALTER TABLE sources ADD COLUMN last_modified TEXT;
                ALTER TABLE sources ADD COLUMN last_fetch_at REAL;
                ALTER TABLE sources ADD COLUMN last_status INTEGER;
                ALTER TABLE sources ADD COLUMN last_error TEXT;
                ALTER TABLE sources ADD COLUMN next_poll_at REAL;
                ALTER TABLE sources ADD COLUMN poll_interval REAL NOT NULL DEFAULT 900;
                ALTER TABLE sources ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sources ADD COLUMN lease_owner TEXT;
                ALTER TABLE sources ADD COLUMN lease_until REAL;
                ALTER TABLE sources ADD COLUMN last_items INTEGER;
                CREATE UNIQUE INDEX sources_by_feed_url ON sources (feed_url);
                CREATE INDEX sources_due ON sources (next_poll_at) WHERE feed_url IS NOT NULL;
                CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        return migrator
    }

    static func migrate(_ writer: some DatabaseWriter, path: String) throws {
        let migrator = migrator
        do {
            let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
            let known = Set(migrator.migrations)
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw KhabarError.database(
                    "\(path) was written by a newer khabar (unknown migrations: \(unknown.sorted().joined(separator: ", "))); upgrade khabar")
            }
            try migrator.migrate(writer)
        } catch let error as KhabarError {
            throw error
        } catch {
            throw KhabarError.database("cannot migrate \(path): \(error)")
        }
    }
}
