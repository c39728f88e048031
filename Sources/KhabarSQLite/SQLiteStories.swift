import Foundation
import GRDB
import KhabarModel
import KhabarStorage

// Tags, attribution, signatures and stories on SQLite (schema v3).

extension SQLiteStore {
    // MARK: annotations

    static func writeAnnotations(_ annotations: ArticleAnnotations?, seq: Int64, db: Database, rows: inout BatchRows) throws {
        guard let annotations else { return }
        try db.cachedStatement(sql: "UPDATE articles SET attribution = ?, signature = ? WHERE seq = ?")
            .execute(arguments: [StoredJSON.encode(annotations.attribution), Data(annotations.signature), seq])
        try writeTags(annotations.tags, seq: seq, db: db, replacing: true, rows: &rows)
    }

    /// The article's tags, in rank order, in place of those it had (`replacing`: a new row has none).
    static func writeTags(_ tags: [ArticleTag]?, seq: Int64, db: Database, replacing: Bool, rows: inout BatchRows) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM article_tags WHERE article_seq = ?").execute(arguments: [seq])
        }
        guard let tags, !tags.isEmpty else { return }
        // (the tag's name is its articles' most common spelling: a new row takes this article's,
        // a stored one changes only by `TagSpelling.majorityName`)
        let tagRow = try db.cachedStatement(sql: """
            INSERT INTO tags (slug, name, type) VALUES (?, ?, ?)
            ON CONFLICT(slug) DO UPDATE SET type = excluded.type WHERE tags.type <> excluded.type
            """)
        let link = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO article_tags (article_seq, slug, rank, score, published, name)
            VALUES (?, ?, ?, ?, (SELECT published FROM articles WHERE seq = ?), ?)
            """)
        // only where this article spells the tag otherwise than its row: a probe of the key else
        let majority = try db.cachedStatement(sql: """
            UPDATE tags SET name = \(TagSpelling.majorityName) WHERE slug = ? AND name <> ?
            """)
        for (rank, tag) in tags.enumerated() {
            let seen = rows.hasTag(tag.slug, name: tag.name, type: tag.type)
            if !seen { try tagRow.execute(arguments: [tag.slug, tag.name, tag.type]) }
            try link.execute(arguments: [seq, tag.slug, rank, tag.score, seq, tag.name])
            if !seen {
                try majority.execute(arguments: [tag.slug, tag.name])
                rows.addTag(tag.slug, name: tag.name, type: tag.type)
            }
        }
    }

    public func replaceAnnotations(_ batch: [(seq: Int64, annotations: ArticleAnnotations)]) async throws {
        try await pool.write { db in
            var rows = BatchRows()
            for (seq, annotations) in batch {
                try Self.writeAnnotations(annotations, seq: seq, db: db, rows: &rows)
            }
        }
    }

    /// Tags, attribution and placement of one article (single-article reads only).
    static func loadAnnotations(into article: inout Article, db: Database) throws {
        article.tags = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.slug, coalesce(at.name, t.name) AS name, t.type, at.score FROM article_tags at JOIN tags t ON t.slug = at.slug
            WHERE at.article_seq = ? ORDER BY at.rank
            """), arguments: [article.seq]).map {
            ArticleTag(slug: $0["slug"], name: $0["name"], type: $0["type"], score: $0["score"])
        }
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT attribution, story_id, duplicate_of, also_duplicate_of FROM articles WHERE seq = ?"),
                                      arguments: [article.seq]) {
            article.attribution = StoredJSON.decode(ArticleAttribution.self, from: row["attribution"] as String?)
            article.storyID = row["story_id"]
            article.duplicateOf = row["duplicate_of"]
            article.alsoDuplicateOf = StoredJSON.seqs(row["also_duplicate_of"])
        }
    }

    /// An article's columns and its placement (story, the primaries it copies), read by `placedArticle`.
    static let placedColumns = articleColumns + ", a.story_id, a.duplicate_of, a.also_duplicate_of"

    static func placedArticle(from row: Row) -> Article {
        var article = Self.article(from: row)
        article.storyID = row["story_id"]
        article.duplicateOf = row["duplicate_of"]
        article.alsoDuplicateOf = StoredJSON.seqs(row["also_duplicate_of"])
        return article
    }

    public func articles(afterSeq: Int64, limit: Int) async throws -> [Article] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.seq > ? ORDER BY a.seq LIMIT ?
                """), arguments: [afterSeq, max(0, limit)]).map(Self.placedArticle)
        }
    }

    public func articles(seqs: [Int64]) async throws -> [Article] {
        guard !seqs.isEmpty else { return [] }
        return try await pool.read { db in
            var bySeq: [Int64: Article] = [:]
            for chunk in stride(from: 0, to: seqs.count, by: 500).map({ seqs[$0..<min($0 + 500, seqs.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: """
                    SELECT \(Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                    WHERE a.seq IN (\(marks))
                    """, arguments: StatementArguments(Array(chunk))) {
                    let article = Self.placedArticle(from: row)
                    bySeq[article.seq] = article
                }
            }
            return seqs.compactMap { bySeq[$0] }
        }
    }

    public func newestPublished(notAfter limit: Date) async throws -> Date? {
        let bound = ArticleQuery.seconds(limit)
        return try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(published) FROM articles WHERE published <= ?", arguments: [bound])
                .map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    // MARK: TagStore

    public func tag(slug: String, notAfter: Date?) async throws -> TagInfo? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT t.slug, t.name, t.type,
                       (SELECT count(*) FROM article_tags at
                        WHERE at.slug = t.slug AND at.published <= ? AND \(Self.notARepeat(seq: "at.article_seq"))) AS n
                FROM tags t WHERE t.slug = ?
                """, arguments: [ArticleQuery.bound(notAfter), slug]).map {
                TagInfo(slug: $0["slug"], name: $0["name"], type: $0["type"], articleCount: $0["n"])
            }
        }
    }

    public func tagSpellings(slug: String, limit: Int) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT \(TagSpelling.spelled(tagName: "t.name")) FROM article_tags at JOIN tags t ON t.slug = at.slug
                WHERE at.slug = ? \(TagSpelling.mostUsedFirst) LIMIT ?
                """, arguments: [slug, max(1, limit)])
        }
    }

    public func articles(tagged slug: String, query: ArticleQuery) async throws -> ArticlePage {
        let limit = max(1, min(query.limit, 500))
        return try await pool.read { db in
            var sql = """
                SELECT \(Self.articleColumns) FROM article_tags at JOIN articles a ON a.seq = at.article_seq
                JOIN sources s ON s.id = a.source_id WHERE at.slug = ?
                """
            var arguments: StatementArguments = [slug]
            let keyset = Self.keyset(query.keyset, published: "at.published", seq: "at.article_seq")
            for condition in keyset.conditions { sql += " AND " + condition }
            if query.skipsRepeats { sql += " AND " + Self.notARepeat("a") }
            _ = arguments.append(contentsOf: keyset.arguments)
            sql += " ORDER BY \(keyset.order) LIMIT ?"
            _ = arguments.append(contentsOf: [limit + 1])
            let articles = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.article(from:))
            return ArticlePage(fetched: articles, limit: limit, ascending: query.keyset.ascending)
        }
    }

    public func topTags(from: Date, to: Date, type: String?, limit: Int) async throws -> [TagInfo] {
        try await pool.read { db in
            var arguments: StatementArguments = [Int64(from.timeIntervalSince1970), Int64(to.timeIntervalSince1970)]
            if let type { _ = arguments.append(contentsOf: [type]) }
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: """
                SELECT t.slug, t.name, t.type, count(*) AS n FROM article_tags at JOIN tags t ON t.slug = at.slug
                WHERE at.published BETWEEN ? AND ?\(type == nil ? "" : " AND t.type = ?") AND \(Self.notARepeat(seq: "at.article_seq"))
                GROUP BY t.slug ORDER BY n DESC, t.slug LIMIT ?
                """, arguments: arguments).map {
                TagInfo(slug: $0["slug"], name: $0["name"], type: $0["type"], articleCount: $0["n"])
            }
        }
    }

    public func cooccurringTags(with slug: String, limit: Int, notAfter: Date?) async throws -> [CooccurringTag] {
        let bound = ArticleQuery.bound(notAfter)
        return try await pool.read { db in
            // the shared counts first (index on article_tags(slug, …) then the primary key), the
            // other tags' totals only for the few kept; `b` is the same article as `a`, so
            // bounding `a`'s date bounds both
            try Row.fetchAll(db, sql: """
                SELECT c.slug, t.name, t.type, c.together,
                       (SELECT count(*) FROM article_tags x
                        WHERE x.slug = c.slug AND x.published <= ? AND \(Self.notARepeat(seq: "x.article_seq"))) AS total
                FROM (SELECT b.slug, count(*) AS together
                      FROM article_tags a JOIN article_tags b ON b.article_seq = a.article_seq AND b.slug <> a.slug
                      WHERE a.slug = ? AND a.published <= ? AND \(Self.notARepeat(seq: "a.article_seq")) GROUP BY b.slug HAVING count(*) >= 2
                      ORDER BY together DESC, b.slug LIMIT ?) c
                JOIN tags t ON t.slug = c.slug ORDER BY c.together DESC, c.slug
                """, arguments: [bound, slug, bound, max(1, limit)]).map {
                CooccurringTag(tag: TagInfo(slug: $0["slug"], name: $0["name"], type: $0["type"], articleCount: $0["total"]),
                               together: $0["together"])
            }
        }
    }

    // MARK: StoryStore

    static let clusterColumns = """
        a.seq, a.published, s.name AS source_name, a.title, a.signature, a.story_id, a.duplicate_of, a.also_duplicate_of, a.cluster_seq
        """

    static func clusterRecord(from row: Row) -> ClusterRecord {
        ClusterRecord(
            seq: row["seq"], published: Date(timeIntervalSince1970: TimeInterval(row["published"] as Int64)),
            source: row["source_name"], title: row["title"],
            signature: [UInt8]((row["signature"] as Data?) ?? Data()),
            storyID: row["story_id"], duplicateOf: row["duplicate_of"],
            alsoDuplicateOf: StoredJSON.seqs(row["also_duplicate_of"]), clusterSeq: row["cluster_seq"])
    }

    public func pendingClustering(afterSeq: Int64, limit: Int) async throws -> [ClusterRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.stage = ? AND a.seq > ? AND a.signature IS NOT NULL ORDER BY a.seq LIMIT ?
                """, arguments: [PipelineStage.analyzed.rawValue, afterSeq, limit]).map(Self.clusterRecord(from:))
        }
    }

    public func clusteredArticles(from: Date, to: Date) async throws -> [ClusterRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.stage = ? AND a.published BETWEEN ? AND ? AND a.signature IS NOT NULL ORDER BY a.cluster_seq
                """, arguments: [PipelineStage.clustered.rawValue, Int64(from.timeIntervalSince1970.rounded(.down)),
                                 Int64(to.timeIntervalSince1970.rounded(.up))]).map(Self.clusterRecord(from:))
        }
    }

    public func clusterChanges(afterClusterSeq: Int64, limit: Int) async throws -> [ClusterRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.cluster_seq > ? ORDER BY a.cluster_seq LIMIT ?
                """, arguments: [afterClusterSeq, limit]).map(Self.clusterRecord(from:))
        }
    }

    public func recordClustering(_ placements: [StoryPlacement]) async throws {
        guard !placements.isEmpty else { return }
        try await pool.write { db in
            var clusterSeq = try Int64.fetchOne(db, sql: "SELECT coalesce(max(cluster_seq), 0) FROM articles") ?? 0
            var touched = Set<Int64>()
            for placement in placements {
                if let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT story_id FROM articles WHERE seq = ?"), arguments: [placement.seq]) {
                    touched.insert(old)
                }
                clusterSeq += 1
                try db.cachedStatement(sql: """
                    UPDATE articles SET story_id = ?, duplicate_of = ?, also_duplicate_of = ?, cluster_seq = ?, stage = ? WHERE seq = ?
                    """).execute(arguments: [placement.storyID, placement.duplicateOf, StoredJSON.encodeSeqs(placement.alsoDuplicateOf), clusterSeq,
                                     PipelineStage.clustered.rawValue, placement.seq])
                touched.insert(placement.storyID)
            }
            // a copy's primary decides whether it repeats it
            touched.formUnion(try Self.refreshRepeats(placements.map(\.seq), db: db))
            for id in touched.sorted() { try Self.refreshStory(id, db: db) }
        }
    }

    /// Recomputes a story's row from its articles; removes it when none is left.
    static func refreshStory(_ id: Int64, db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.seq, a.title, a.published, s.name AS source_name, a.duplicate_of IS NOT NULL AS copy
            FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.story_id = ? AND \(Self.notARepeat("a", inStory: true)) ORDER BY a.published, a.seq
            """), arguments: [id])
        guard let first = rows.first, let last = rows.last else {
            try db.cachedStatement(sql: "DELETE FROM stories WHERE id = ?").execute(arguments: [id])
            return
        }
        var sources: [String] = []
        for row in rows {
            let name: String = row["source_name"]
            if !sources.contains(name) { sources.append(name) }
        }
        let lastPublished = rows.map { $0["published"] as Int64 }.max() ?? (last["published"] as Int64)
        let headline = rows[StoryHeadline.choose(rows.map {
            StoryHeadline.Member(seq: $0["seq"], title: $0["title"], published: $0["published"], isCopy: $0["copy"])
        }) ?? 0]
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO stories (id, title, primary_seq, headline_seq, first_published, last_published,
                                            article_count, source_count, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, headline["title"] as String, first["seq"] as Int64, headline["seq"] as Int64,
                             first["published"] as Int64, lastPublished, rows.count, sources.count, StoredJSON.encode(sources)])
    }

    public func resetClustering() async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE articles SET stage = ? WHERE stage = ?",
                           arguments: [PipelineStage.analyzed.rawValue, PipelineStage.clustered.rawValue])
        }
    }

    /// The columns `story(from:)` reads, by position (a lookup by name lowercases the name each
    /// time, and the home page reads up to 400 stories per request).
    static let storyColumns = "id, title, primary_seq, first_published, last_published, article_count, source_count, sources, headline_seq"

    static func story(from row: Row) -> Story {
        Story(id: row[0], title: row[1], primarySeq: row[2], headlineSeq: row[8],
              first: Date(timeIntervalSince1970: TimeInterval(row[3] as Int64)),
              last: Date(timeIntervalSince1970: TimeInterval(row[4] as Int64)),
              articleCount: row[5], sourceCount: row[6],
              sources: StoredJSON.strings(row[7] as String?) ?? [])
    }

    public func story(id: Int64) async throws -> Story? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.storyColumns) FROM stories WHERE id = ?"), arguments: [id])
                .map(Self.story(from:))
        }
    }

    public func storyArticles(id: Int64) async throws -> [Article] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.story_id = ? AND \(Self.notARepeat("a", inStory: true)) ORDER BY a.published, a.seq
                """, arguments: [id]).map(Self.placedArticle)
        }
    }

    public func stories(from: Date, to: Date, limit: Int) async throws -> [Story] {
        let (lower, upper) = (Int64(from.timeIntervalSince1970.rounded(.down)), ArticleQuery.seconds(to))
        return try await pool.read { db in
            // the stored span finds them (stories_by_last); a story whose last article lies past
            // `to` is dated by its latest article up to `to` (articles_by_story), which only the
            // few stories holding a misdated article need
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.storyColumns) FROM (
                    SELECT \(Self.storyColumns),
                           CASE WHEN last_published <= ? THEN last_published
                                ELSE (SELECT max(a.published) FROM articles a WHERE a.story_id = stories.id AND a.published <= ?)
                           END AS listed_last
                    FROM stories WHERE last_published >= ? AND first_published <= ?)
                WHERE listed_last >= ? ORDER BY listed_last DESC, id DESC LIMIT ?
                """), arguments: [upper, upper, lower, upper, lower, limit]).map(Self.story(from:))
        }
    }

    public func claimLease(_ name: String, owner: String, seconds: Double, now: Date) async throws -> Bool {
        let t = now.timeIntervalSince1970
        return try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, until = excluded.until
                WHERE leases.until < ? OR leases.owner = excluded.owner
                """, arguments: [name, owner, t + seconds, t])
            return try String.fetchOne(db, sql: "SELECT owner FROM leases WHERE name = ?", arguments: [name]) == owner
        }
    }

    public func releaseLease(_ name: String, owner: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM leases WHERE name = ? AND owner = ?", arguments: [name, owner])
        }
    }

    public func leaseHolder(_ name: String) async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT owner FROM leases WHERE name = ?", arguments: [name]) }
    }
}
