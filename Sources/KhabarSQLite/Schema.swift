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
        migrator.registerMigration("v3: tags, attribution, signatures, stories") { db in
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN attribution TEXT;
                ALTER TABLE articles ADD COLUMN signature BLOB;
                ALTER TABLE articles ADD COLUMN story_id INTEGER;
                ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
                ALTER TABLE articles ADD COLUMN cluster_seq INTEGER;
                CREATE INDEX articles_by_story ON articles (story_id, published, seq) WHERE story_id IS NOT NULL;
                CREATE INDEX articles_by_cluster_seq ON articles (cluster_seq) WHERE cluster_seq IS NOT NULL;
                CREATE INDEX articles_by_stage ON articles (stage, seq);
                CREATE TABLE tags (
                    slug TEXT PRIMARY KEY CHECK (length(slug) > 0),
                    name TEXT NOT NULL,
                    type TEXT NOT NULL
                );
                CREATE TABLE article_tags (
                    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                    slug TEXT NOT NULL REFERENCES tags(slug),
                    rank INTEGER NOT NULL,
                    score REAL NOT NULL,
                    published INTEGER NOT NULL,
                    PRIMARY KEY (article_seq, slug)
                );
                CREATE INDEX article_tags_by_tag ON article_tags (slug, published DESC, article_seq DESC);
                CREATE INDEX article_tags_by_published ON article_tags (published);
                CREATE TABLE stories (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    primary_seq INTEGER NOT NULL,
                    first_published INTEGER NOT NULL,
                    last_published INTEGER NOT NULL,
                    article_count INTEGER NOT NULL,
                    source_count INTEGER NOT NULL,
                    sources TEXT NOT NULL
                );
                CREATE INDEX stories_by_last ON stories (last_published DESC);
                CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until REAL NOT NULL);
                -- Articles stored before v3 have no tags or signature: back to "stored", so the next
                -- import or `khabar reprocess` computes them.
                UPDATE articles SET stage = 0;
                """)
        }
        migrator.registerMigration("v4: copies of several primaries") { db in
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN also_duplicate_of TEXT;
                -- Signatures gained the lead (v2) and copies several primaries: articles go back to
                -- "stored", so the next import or `khabar reprocess` analyses and places them again.
                DELETE FROM stories;
                UPDATE articles SET story_id = NULL, duplicate_of = NULL, cluster_seq = NULL, stage = 0;
                """)
        }
        migrator.registerMigration("v5: search index read with the ascii tokenizer") { db in
            // The indexed text is the analyzer's tokens joined by single spaces, and queries are
            // quoted analyzer tokens. FTS5's ascii tokenizer reads exactly those tokens back (every
            // byte above 127 is part of a token, ASCII letters are already lower case) at about
            // two thirds of unicode61's cost, which looks up each character's Unicode category.
            // Measured on ANT dev (9,697 articles, one INSERT … SELECT): 3.6 s → 2.5 s.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE article_search_ascii USING fts5 (
                    title_exact, title_stems, body_exact, body_stems, tokenize = 'ascii'
                );
                INSERT INTO article_search_ascii (rowid, title_exact, title_stems, body_exact, body_stems)
                    SELECT rowid, title_exact, title_stems, body_exact, body_stems FROM article_search;
                DROP TABLE article_search;
                ALTER TABLE article_search_ascii RENAME TO article_search;
                """)
        }
        migrator.registerMigration("v6: story headlines") { db in
            // Filled for the stories already there by `migrate` once this has run.
            try db.execute(sql: "ALTER TABLE stories ADD COLUMN headline_seq INTEGER")
        }
        migrator.registerMigration("v7: spelled forms in the search index") { db in
            // Two more columns, the words whose fold ends in ي or ه as written (ى, ة kept), that
            // only ranking reads (`IndexedText.titleSpelled`). FTS5 cannot add a column, so the table is built
            // again with the rows it has; their spelled columns stay empty, and search finds them as
            // before, until `khabar reprocess --stage analyze` (the analyzer version says so).
            try db.execute(sql: """
                CREATE VIRTUAL TABLE article_search_spelled USING fts5 (
                    title_exact, title_stems, body_exact, body_stems, title_spelled, body_spelled, tokenize = 'ascii'
                );
                INSERT INTO article_search_spelled (rowid, title_exact, title_stems, body_exact, body_stems, title_spelled, body_spelled)
                    SELECT rowid, title_exact, title_stems, body_exact, body_stems, '', '' FROM article_search;
                DROP TABLE article_search;
                ALTER TABLE article_search_spelled RENAME TO article_search;
                """)
        }
        migrator.registerMigration("v8: repeats") { db in
            // An outlet's article stored twice (same title and body, another address) is listed
            // once (`SQLiteStore.notARepeat`): one probe of the first index per article listed,
            // which also counts an outlet's articles by itself (with their dates). The second holds
            // what that probe reads of the article, so that a count over a tag's rows reads no
            // article row (an article's row holds its body: the join to it made /tag/russia's
            // counts on ANT dev 10 times slower).
            try db.execute(sql: """
                CREATE INDEX articles_by_source_title ON articles (source_id, title, published, duplicate_of);
                CREATE INDEX articles_text_key ON articles (seq, source_id, title, duplicate_of);
                """)
        }
        migrator.registerMigration("v9: stored repeats") { db in
            // Whether an article repeats an earlier one of its outlet was decided by every list and
            // count at query time (v8), which took /tag/usa on ANT dev from 19 to 78 ms. It is
            // stored now (`SQLiteStore.refreshRepeats` keeps it), computed here for the articles
            // there are. A list reads it from the row; a count over a tag's or an outlet's index
            // reads the few repeats' numbers from `articles_repeats`, so no article row: v8's
            // second index, which held the rule's columns for that, goes.
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN repeat_of INTEGER;
                UPDATE articles SET repeat_of = f.first
                    FROM (SELECT a.seq, \(SQLiteStore.firstRepeated("a")) AS first FROM articles a) f
                    WHERE articles.seq = f.seq AND f.first IS NOT NULL;
                CREATE INDEX articles_repeats ON articles (repeat_of) WHERE repeat_of IS NOT NULL;
                DROP INDEX articles_text_key;
                """)
        }
        migrator.registerMigration("v10: each article's spelling of its tags") { db in
            // A person the gazetteer does not know is one tag under several spellings (rules
            // version 9): each article keeps the name it gives the tag, and the tag's row the name
            // most of its articles give (`SQLiteStore.writeTags`). Rows stored before have none
            // and count as the tag's name.
            try db.execute(sql: "ALTER TABLE article_tags ADD COLUMN name TEXT")
        }
        return migrator
    }

    /// Applies pending migrations; returns the ones it applied.
    @discardableResult
    static func migrate(_ writer: some DatabaseWriter, path: String) throws -> [String] {
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
            let ran = try writer.read { db in try migrator.appliedMigrations(db) }.filter { !applied.contains($0) }
            if !applied.isEmpty && !applied.contains("v6: story headlines") {
                // stories written before headlines: each gets its headline now (derived data,
                // computed by today's code, so not inside the migration itself)
                try writer.write { db in
                    for id in try Int64.fetchAll(db, sql: "SELECT id FROM stories WHERE headline_seq IS NULL") {
                        try SQLiteStore.refreshStory(id, db: db)
                    }
                }
            }
            if !applied.isEmpty && !applied.contains("v9: stored repeats") {
                // stories holding a repeat counted it (before v8), or may count it otherwise than the
                // stored rule does: counted again (derived data, as above)
                try writer.write { db in
                    for id in try Int64.fetchAll(db, sql: """
                        SELECT DISTINCT a.story_id FROM articles a WHERE a.story_id IS NOT NULL AND a.repeat_of IS NOT NULL
                        """) {
                        try SQLiteStore.refreshStory(id, db: db)
                    }
                }
            }
            return ran
        } catch let error as KhabarError {
            throw error
        } catch {
            throw KhabarError.database("cannot migrate \(path): \(error)")
        }
    }
}
