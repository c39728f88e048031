import Foundation
import KhabarModel
import KhabarStorage
import PostgresNIO

extension PostgresStore {
    static let feedColumns = """
        s.id, s.name, s.domain, s.feed_url, s.site_url, s.enabled, s.etag, s.last_modified, s.last_fetch_at,
        s.last_status, s.last_error, s.next_poll_at, s.poll_interval, s.failures,
        (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS n, s.last_items
        """

    static func feedSource(_ row: PostgresRow) throws -> FeedSource {
        let r = row.makeRandomAccess()
        return FeedSource(
            id: try r[0].decode(Int64.self), name: try r[1].decode(String.self), domain: try r[2].decode(String?.self),
            feedURL: try r[3].decode(String.self), siteURL: try r[4].decode(String?.self),
            enabled: try r[5].decode(Int32.self) != 0, etag: try r[6].decode(String?.self),
            lastModified: try r[7].decode(String?.self),
            lastFetchAt: try r[8].decode(Double?.self).map(Date.init(timeIntervalSince1970:)),
            lastStatus: try r[9].decode(Int32?.self).map(Int.init), lastError: try r[10].decode(String?.self),
            nextPollAt: try r[11].decode(Double?.self).map(Date.init(timeIntervalSince1970:)),
            pollInterval: try r[12].decode(Double.self), failures: Int(try r[13].decode(Int32.self)),
            articleCount: Int(try r[14].decode(Int64.self)), lastItems: try r[15].decode(Int32?.self).map(Int.init))
    }

    func feedSources(where condition: String, _ binds: PostgresBindings = PostgresBindings(),
                     on connection: PostgresConnection? = nil) async throws -> [FeedSource] {
        let query = PostgresQuery(unsafeSQL: "SELECT \(Self.feedColumns) FROM sources s WHERE \(condition) ORDER BY s.id", binds: binds)
        var result: [FeedSource] = []
        let rows = if let connection { try await connection.query(query, logger: logger) } else { try await client.query(query, logger: logger) }
        for try await row in rows { result.append(try Self.feedSource(row)) }
        return result
    }

    public func addFeedSource(feedURL: String, name: String?, domain: String?) async throws -> FeedSource {
        let now = Date().timeIntervalSince1970
        let display = name ?? domain ?? feedURL
        do {
            return try await client.withTransaction(logger: logger) { connection in
                var binds = PostgresBindings()
                binds.append(feedURL)
                if let existing = try await feedSources(where: "s.feed_url = $1", binds, on: connection).first { return existing }
                try await connection.query("LOCK TABLE sources IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                var adopted = false
                for try await id in try await connection.query(
                    "SELECT id FROM sources WHERE name = \(display) AND feed_url IS NULL", logger: logger).decode(Int64.self) {
                    try await connection.query("""
                        UPDATE sources SET feed_url = \(feedURL), domain = coalesce(domain, \(domain)), next_poll_at = \(now) WHERE id = \(id)
                        """, logger: logger)
                    adopted = true
                }
                if !adopted {
                    var unique = display
                    var n = 2
                    while try await connection.query("SELECT 1 FROM sources WHERE name = \(unique)", logger: logger)
                        .collect().count > 0 {
                        unique = "\(display) (\(n))"
                        n += 1
                    }
                    try await connection.query("""
                        INSERT INTO sources (name, domain, created_at, feed_url, next_poll_at)
                        VALUES (\(unique), \(domain), \(now), \(feedURL), \(now))
                        """, logger: logger)
                }
                return try await feedSources(where: "s.feed_url = $1", binds, on: connection)[0]
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    public func feedSources() async throws -> [FeedSource] {
        try await feedSources(where: "s.feed_url IS NOT NULL")
    }

    public func feedSource(id: Int64) async throws -> FeedSource? {
        var binds = PostgresBindings()
        binds.append(id)
        return try await feedSources(where: "s.id = $1 AND s.feed_url IS NOT NULL", binds).first
    }

    public func removeSource(id: Int64) async throws -> Bool {
        try await client.withTransaction(logger: logger) { connection in
            var stories: [Int64] = []
            for try await story in try await connection.query(
                "SELECT DISTINCT story_id FROM articles WHERE source_id = \(id) AND story_id IS NOT NULL", logger: logger
            ).decode(Int64.self) { stories.append(story) }
            // Another outlet's copies of its articles: their primary changes, and with it whether
            // they repeat one (a repeat is of the same outlet, so none of the rest repeats these).
            var copies: [Int64] = []
            for try await seq in try await connection.query("""
                SELECT seq FROM articles WHERE duplicate_of IN (SELECT seq FROM articles WHERE source_id = \(id)) AND source_id <> \(id)
                """, logger: logger).decode(Int64.self) { copies.append(seq) }
            // Copies of a removed article become primaries themselves.
            try await connection.query("""
                UPDATE articles SET duplicate_of = NULL
                WHERE duplicate_of IN (SELECT seq FROM articles WHERE source_id = \(id)) AND source_id <> \(id)
                """, logger: logger)
            try await connection.query("""
                UPDATE articles SET also_duplicate_of = (
                    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE '[' || string_agg(v, ',' ORDER BY v::bigint) || ']' END
                    FROM jsonb_array_elements_text(articles.also_duplicate_of::jsonb) AS e(v)
                    WHERE v::bigint NOT IN (SELECT seq FROM articles WHERE source_id = \(id)))
                WHERE also_duplicate_of IS NOT NULL AND source_id <> \(id)
                """, logger: logger)
            // A copy that lost its first primary but still copies others: the earliest of those leads.
            try await connection.query("""
                UPDATE articles SET duplicate_of = (also_duplicate_of::jsonb->>0)::bigint,
                    also_duplicate_of = CASE WHEN jsonb_array_length(also_duplicate_of::jsonb) > 1
                        THEN (also_duplicate_of::jsonb - 0)::text END
                WHERE duplicate_of IS NULL AND also_duplicate_of IS NOT NULL AND source_id <> \(id)
                """, logger: logger)
            try await connection.query("DELETE FROM articles WHERE source_id = \(id)", logger: logger)  // cascades to article_search, article_tags
            var removed = false
            for try await _ in try await connection.query("DELETE FROM sources WHERE id = \(id) RETURNING id", logger: logger) {
                removed = true
            }
            let changed = try await PostgresStore.refreshRepeats(copies, connection: connection, logger: logger)
            try await PostgresStore.refreshStories(Set(stories).union(changed).sorted(), connection: connection, logger: logger)
            return removed
        }
    }

    public func claimDueFeeds(owner: String, now: Date, lease: Double, limit: Int, only: Int64?) async throws -> [FeedSource] {
        let t = now.timeIntervalSince1970
        // SKIP LOCKED: concurrent workers each take different rows instead of waiting on each other.
        var binds = PostgresBindings()
        binds.append(owner)
        binds.append(t + lease)
        binds.append(t)
        var condition = "feed_url IS NOT NULL AND enabled = 1 AND (lease_until IS NULL OR lease_until < $3)"
        if let only {
            binds.append(only)
            condition += " AND id = $4"
        } else {
            condition += " AND (next_poll_at IS NULL OR next_poll_at <= $3)"
        }
        binds.append(Int64(limit))
        let sql = """
            WITH due AS (
                SELECT id FROM sources WHERE \(condition)
                ORDER BY next_poll_at NULLS FIRST LIMIT $\(binds.count) FOR UPDATE SKIP LOCKED)
            UPDATE sources SET lease_owner = $1, lease_until = $2 FROM due WHERE sources.id = due.id RETURNING sources.id
            """
        var ids: [Int64] = []
        do {
            for try await id in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(Int64.self) {
                ids.append(id)
            }
        } catch {
            throw Self.queryError(error)
        }
        guard !ids.isEmpty else { return [] }
        var idBinds = PostgresBindings()
        idBinds.append(ids)
        return try await feedSources(where: "s.id = ANY($1)", idBinds)
    }

    public func recordFetch(sourceID: Int64, owner: String, record: FetchRecord) async throws {
        let status = record.status.map(Int32.init)
        do {
            try await client.query("""
                UPDATE sources SET last_fetch_at = \(record.fetchedAt.timeIntervalSince1970), last_status = \(status),
                    last_error = \(record.error), etag = coalesce(\(record.etag), etag),
                    last_modified = coalesce(\(record.lastModified), last_modified),
                    next_poll_at = \(record.nextPollAt.timeIntervalSince1970), poll_interval = \(record.pollInterval),
                    failures = CASE WHEN \(record.error)::text IS NULL THEN 0 ELSE failures + 1 END,
                    site_url = coalesce(site_url, \(record.siteURL)),
                    last_items = CASE WHEN \(record.error)::text IS NULL THEN \(Int32(record.items)) ELSE last_items END,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = \(sourceID) AND (lease_owner IS NULL OR lease_owner = \(owner))
                """, logger: logger)
            // as on SQLite: a source still named after its host takes the feed's own title
            if let title = record.feedTitle, !title.isEmpty {
                try await client.query("""
                    UPDATE sources SET name = \(title) WHERE id = \(sourceID)
                        AND (name = domain OR name ~ ('^' || regexp_replace(domain, '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g') || ' \\([1-9][0-9]*\\)$'))
                        AND NOT EXISTS (SELECT 1 FROM sources o WHERE o.name = \(title) AND o.id <> \(sourceID))
                    """, logger: logger)
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    public func feedLeaseHolders(now: Date) async throws -> [String] {
        var out: [String] = []
        do {
            for try await owner in try await client.query("""
                SELECT DISTINCT lease_owner FROM sources WHERE lease_owner IS NOT NULL AND lease_until >= \(now.timeIntervalSince1970)
                """, logger: logger).decode(String.self) {
                out.append(owner)
            }
        } catch {
            throw Self.queryError(error)
        }
        return out
    }

    public func releaseFeedLeases(owner: String) async throws -> Int {
        var n = 0
        do {
            for try await _ in try await client.query("""
                UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = \(owner) RETURNING id
                """, logger: logger).decode(Int64.self) {
                n += 1
            }
        } catch {
            throw Self.queryError(error)
        }
        return n
    }

    public func setSettingOnce(_ key: String, value: String) async throws -> Bool {
        var set = false
        for try await _ in try await client.query(
            "INSERT INTO settings (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO NOTHING RETURNING key", logger: logger) {
            set = true
        }
        return set
    }

    public func setting(_ key: String) async throws -> String? {
        for try await value in try await client.query("SELECT value FROM settings WHERE key = \(key)", logger: logger).decode(String.self) {
            return value
        }
        return nil
    }

    public func setSetting(_ key: String, value: String) async throws {
        try await client.query("""
            INSERT INTO settings (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """, logger: logger)
    }
}
