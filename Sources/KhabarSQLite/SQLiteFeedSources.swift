import Foundation
import GRDB
import KhabarModel
import KhabarStorage

extension SQLiteStore {
    static let feedColumns = """
        s.id, s.name, s.domain, s.feed_url, s.site_url, s.enabled, s.etag, s.last_modified, s.last_fetch_at,
        s.last_status, s.last_error, s.next_poll_at, s.poll_interval, s.failures, s.last_items,
        (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS n
        """

    static func feedSource(from row: Row) -> FeedSource {
        FeedSource(
            id: row["id"], name: row["name"], domain: row["domain"], feedURL: row["feed_url"], siteURL: row["site_url"],
            enabled: row["enabled"], etag: row["etag"], lastModified: row["last_modified"],
            lastFetchAt: (row["last_fetch_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            lastStatus: row["last_status"], lastError: row["last_error"],
            nextPollAt: (row["next_poll_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            pollInterval: row["poll_interval"], failures: row["failures"], articleCount: row["n"] ?? 0,
            lastItems: row["last_items"])
    }

    public func addFeedSource(feedURL: String, name: String?, domain: String?) async throws -> FeedSource {
        let now = Date().timeIntervalSince1970
        return try await pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT \(Self.feedColumns) FROM sources s WHERE s.feed_url = ?", arguments: [feedURL]) {
                return Self.feedSource(from: row)
            }
            let display = name ?? domain ?? feedURL
            // An outlet already known by name (from an import) gains the feed instead of a twin source.
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM sources WHERE name = ? AND feed_url IS NULL", arguments: [display]) {
                try db.execute(sql: "UPDATE sources SET feed_url = ?, domain = coalesce(domain, ?), next_poll_at = ? WHERE id = ?",
                               arguments: [feedURL, domain, now, existing])
            } else {
                var unique = display
                var n = 2
                while try Int.fetchOne(db, sql: "SELECT 1 FROM sources WHERE name = ?", arguments: [unique]) != nil {
                    unique = "\(display) (\(n))"
                    n += 1
                }
                try db.execute(sql: """
                    INSERT INTO sources (name, domain, created_at, feed_url, next_poll_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [unique, domain, now, feedURL, now])
            }
            let row = try Row.fetchOne(db, sql: "SELECT \(Self.feedColumns) FROM sources s WHERE s.feed_url = ?", arguments: [feedURL])!
            return Self.feedSource(from: row)
        }
    }

    public func feedSources() async throws -> [FeedSource] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.feedColumns) FROM sources s WHERE s.feed_url IS NOT NULL ORDER BY s.id")
                .map(Self.feedSource(from:))
        }
    }

    public func feedSource(id: Int64) async throws -> FeedSource? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.feedColumns) FROM sources s WHERE s.id = ? AND s.feed_url IS NOT NULL",
                             arguments: [id]).map(Self.feedSource(from:))
        }
    }

    public func removeSource(id: Int64) async throws -> Bool {
        try await pool.write { db in
            let stories = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT story_id FROM articles WHERE source_id = ? AND story_id IS NOT NULL
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM article_search WHERE rowid IN (SELECT seq FROM articles WHERE source_id = ?)", arguments: [id])
            // Another outlet's copies of its articles: their primary changes, and with it whether
            // they repeat one (a repeat is of the same outlet, so none of the rest repeats these).
            let copies = try Int64.fetchAll(db, sql: """
                SELECT seq FROM articles WHERE duplicate_of IN (SELECT seq FROM articles WHERE source_id = ?) AND source_id <> ?
                """, arguments: [id, id])
            // Copies of a removed article become primaries themselves.
            try db.execute(sql: """
                UPDATE articles SET duplicate_of = NULL
                WHERE duplicate_of IN (SELECT seq FROM articles WHERE source_id = ?) AND source_id <> ?
                """, arguments: [id, id])
            try db.execute(sql: """
                UPDATE articles SET also_duplicate_of = (
                    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_array(value) END FROM (
                        SELECT value FROM json_each(articles.also_duplicate_of)
                        WHERE value NOT IN (SELECT seq FROM articles WHERE source_id = ?) ORDER BY value))
                WHERE also_duplicate_of IS NOT NULL AND source_id <> ?
                """, arguments: [id, id])
            // A copy that lost its first primary but still copies others: the earliest of those leads.
            try db.execute(sql: """
                UPDATE articles SET duplicate_of = json_extract(also_duplicate_of, '$[0]'),
                    also_duplicate_of = CASE WHEN json_array_length(also_duplicate_of) > 1
                        THEN json_remove(also_duplicate_of, '$[0]') END
                WHERE duplicate_of IS NULL AND also_duplicate_of IS NOT NULL AND source_id <> ?
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM articles WHERE source_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [id])
            let removed = db.changesCount > 0
            let changed = try Self.refreshRepeats(copies, db: db)
            for story in Set(stories).union(changed).sorted() { try Self.refreshStory(story, db: db) }
            return removed
        }
    }

    public func claimDueFeeds(owner: String, now: Date, lease: Double, limit: Int, only: Int64?) async throws -> [FeedSource] {
        let t = now.timeIntervalSince1970
        return try await pool.write { db in
            // SQLite has one writer at a time, so select-then-update inside this transaction is atomic.
            var sql = """
                SELECT id FROM sources WHERE feed_url IS NOT NULL AND enabled = 1
                AND (lease_until IS NULL OR lease_until < ?)
                """
            var arguments: StatementArguments = [t]
            if let only {
                sql += " AND id = ?"
                _ = arguments.append(contentsOf: [only])
            } else {
                sql += " AND (next_poll_at IS NULL OR next_poll_at <= ?)"
                _ = arguments.append(contentsOf: [t])
            }
            sql += " ORDER BY next_poll_at LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
            for id in ids {
                try db.execute(sql: "UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id = ?", arguments: [owner, t + lease, id])
            }
            return try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT \(Self.feedColumns) FROM sources s WHERE s.id = ?", arguments: [id]).map(Self.feedSource(from:))
            }
        }
    }

    public func feedLeaseHolders(now: Date) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT lease_owner FROM sources WHERE lease_owner IS NOT NULL AND lease_until >= ?",
                                arguments: [now.timeIntervalSince1970])
        }
    }

    public func releaseFeedLeases(owner: String) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", arguments: [owner])
            return db.changesCount
        }
    }

    public func recordFetch(sourceID: Int64, owner: String, record: FetchRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE sources SET last_fetch_at = ?, last_status = ?, last_error = ?,
                    etag = CASE WHEN ? IS NULL THEN etag ELSE ? END,
                    last_modified = CASE WHEN ? IS NULL THEN last_modified ELSE ? END,
                    next_poll_at = ?, poll_interval = ?,
                    failures = CASE WHEN ? IS NULL THEN 0 ELSE failures + 1 END,
                    site_url = coalesce(site_url, ?),
                    last_items = CASE WHEN ? IS NULL THEN ? ELSE last_items END,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ?)
                """, arguments: [record.fetchedAt.timeIntervalSince1970, record.status, record.error,
                                 record.etag, record.etag, record.lastModified, record.lastModified,
                                 record.nextPollAt.timeIntervalSince1970, record.pollInterval, record.error,
                                 record.siteURL, record.error, record.items, sourceID, owner])
            // A source still named after its host (added without a name: "host", or "host (2)"
            // for a host's second feed) takes the feed's own title, as readers show it, unless
            // another source has that name.
            if let title = record.feedTitle, !title.isEmpty {
                try db.execute(sql: """
                    UPDATE sources SET name = ? WHERE id = ?
                        AND (name = domain OR (substr(name, 1, length(domain) + 2) = domain || ' (' AND substr(name, -1) = ')'
                        AND CAST(substr(name, length(domain) + 3, length(name) - length(domain) - 3) AS INTEGER) > 0))
                        AND NOT EXISTS (SELECT 1 FROM sources o WHERE o.name = ? AND o.id <> ?)
                    """, arguments: [title, sourceID, title, sourceID])
            }
        }
    }

    public func setSettingOnce(_ key: String, value: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING", arguments: [key, value])
            return db.changesCount > 0
        }
    }

    public func setting(_ key: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, value: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}
