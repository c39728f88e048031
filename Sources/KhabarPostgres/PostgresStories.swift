import Foundation
import Logging
import KhabarModel
import KhabarStorage
import PostgresNIO

// Tags, attribution, signatures and stories on PostgreSQL (schema v3), the same logical schema
// as SQLiteStories.swift.

extension PostgresStore {
    // MARK: annotations

    static func writeAnnotations(_ annotations: ArticleAnnotations?, seq: Int64, connection: PostgresConnection,
                                 logger: Logger) async throws {
        guard let annotations else { return }
        try await connection.query("""
            UPDATE articles SET attribution = \(StoredJSON.encode(annotations.attribution)),
                signature = \(Data(annotations.signature)) WHERE seq = \(seq)
            """, logger: logger)
        try await connection.query("DELETE FROM article_tags WHERE article_seq = \(seq)", logger: logger)
        guard !annotations.tags.isEmpty else { return }
        let tags = annotations.tags
        try await upsertTags(tags, connection: connection, logger: logger)
        try await connection.query("""
            INSERT INTO article_tags (article_seq, slug, rank, score, published, name)
            SELECT \(seq), t.slug, t.rank, t.score, (SELECT published FROM articles WHERE seq = \(seq)), t.name
            FROM unnest(\(tags.map(\.slug))::text[], \(tags.indices.map { Int32($0) })::int[], \(tags.map(\.score))::float8[],
                        \(tags.map(\.name))::text[])
                AS t(slug, rank, score, name)
            ON CONFLICT (article_seq, slug) DO NOTHING
            """, logger: logger)
        try await renameTags(tags, connection: connection, logger: logger)
    }

    /// The tag rows of `tags` (a slug once): a new row takes the given name, a stored one keeps
    /// its own (`renameTags` changes it) and takes the type.
    static func upsertTags(_ tags: [ArticleTag], connection: PostgresConnection, logger: Logger) async throws {
        var seen = Set<String>()
        let distinct = tags.filter { seen.insert($0.slug).inserted }
        try await connection.query("""
            INSERT INTO tags (slug, name, type)
            SELECT * FROM unnest(\(distinct.map(\.slug))::text[], \(distinct.map(\.name))::text[],
                                 \(distinct.map(\.type))::text[])
            ON CONFLICT (slug) DO UPDATE SET type = EXCLUDED.type WHERE tags.type <> EXCLUDED.type
            """, logger: logger)
    }

    /// Gives each tag of `tags` that an article just stored spells otherwise than its row the name
    /// most of its articles give (after their `article_tags` rows are written): a probe of the
    /// key for a tag spelled as its row.
    static func renameTags(_ tags: [ArticleTag], connection: PostgresConnection, logger: Logger) async throws {
        var seen = Set<String>()
        let pairs = tags.filter { seen.insert($0.slug + "\u{1}" + $0.name).inserted }
        try await connection.query("""
            UPDATE tags SET name = \(unescaped: TagSpelling.majorityName)
            FROM unnest(\(pairs.map(\.slug))::text[], \(pairs.map(\.name))::text[]) AS w(slug, name)
            WHERE tags.slug = w.slug AND tags.name <> w.name
            """, logger: logger)
    }

    public func replaceAnnotations(_ batch: [(seq: Int64, annotations: ArticleAnnotations)]) async throws {
        let logger = logger
        do {
            try await client.withTransaction(logger: logger) { connection in
                for (seq, annotations) in batch {
                    try await Self.writeAnnotations(annotations, seq: seq, connection: connection, logger: logger)
                }
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    func loadAnnotations(into article: inout Article) async throws {
        var tags: [ArticleTag] = []
        for try await (slug, name, type, score) in try await client.query("""
            SELECT t.slug, coalesce(at.name, t.name), t.type, at.score FROM article_tags at JOIN tags t ON t.slug = at.slug
            WHERE at.article_seq = \(article.seq) ORDER BY at.rank
            """, logger: logger).decode((String, String, String, Double).self) {
            tags.append(ArticleTag(slug: slug, name: name, type: type, score: score))
        }
        article.tags = tags
        for try await (attribution, story, duplicate, also) in try await client.query("""
            SELECT attribution, story_id, duplicate_of, also_duplicate_of FROM articles WHERE seq = \(article.seq)
            """, logger: logger).decode((String?, Int64?, Int64?, String?).self) {
            article.attribution = StoredJSON.decode(ArticleAttribution.self, from: attribution)
            article.storyID = story
            article.duplicateOf = duplicate
            article.alsoDuplicateOf = StoredJSON.seqs(also)
        }
    }

    static let placedColumns = articleColumns + ", a.story_id, a.duplicate_of, a.also_duplicate_of"

    static func placedArticle(_ row: PostgresRow) throws -> Article {
        var article = try article(row)
        let r = row.makeRandomAccess()
        article.storyID = try r[16].decode(Int64?.self)
        article.duplicateOf = try r[17].decode(Int64?.self)
        article.alsoDuplicateOf = StoredJSON.seqs(try r[18].decode(String?.self))
        return article
    }

    public func articles(afterSeq: Int64, limit: Int) async throws -> [Article] {
        var out: [Article] = []
        for try await row in try await client.query("""
            SELECT \(unescaped: Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.seq > \(afterSeq) ORDER BY a.seq LIMIT \(Int64(max(0, limit)))
            """, logger: logger) {
            out.append(try Self.placedArticle(row))
        }
        return out
    }

    public func articles(seqs: [Int64]) async throws -> [Article] {
        guard !seqs.isEmpty else { return [] }
        var bySeq: [Int64: Article] = [:]
        for try await row in try await client.query("""
            SELECT \(unescaped: Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.seq = ANY(\(seqs))
            """, logger: logger) {
            let article = try Self.placedArticle(row)
            bySeq[article.seq] = article
        }
        return seqs.compactMap { bySeq[$0] }
    }

    public func newestPublished(notAfter limit: Date) async throws -> Date? {
        let bound = ArticleQuery.seconds(limit)
        for try await value in try await client.query("SELECT max(published) FROM articles WHERE published <= \(bound)",
                                                      logger: logger).decode(Int64?.self) {
            return value.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
        return nil
    }

    // MARK: TagStore

    public func tag(slug: String, notAfter: Date?) async throws -> TagInfo? {
        for try await (slug, name, type, n) in try await client.query("""
            SELECT t.slug, t.name, t.type,
                   (SELECT count(*) FROM article_tags at
                    WHERE at.slug = t.slug AND at.published <= \(ArticleQuery.bound(notAfter)) AND \(unescaped: Self.notARepeat(seq: "at.article_seq")))
            FROM tags t WHERE t.slug = \(slug)
            """, logger: logger).decode((String, String, String, Int64).self) {
            return TagInfo(slug: slug, name: name, type: type, articleCount: Int(n))
        }
        return nil
    }

    public func tagSpellings(slug: String, limit: Int) async throws -> [String] {
        var out: [String] = []
        for try await name in try await client.query("""
            SELECT \(unescaped: TagSpelling.spelled(tagName: "t.name")) FROM article_tags at JOIN tags t ON t.slug = at.slug
            WHERE at.slug = \(slug) \(unescaped: TagSpelling.mostUsedFirst)
            LIMIT \(Int64(max(1, limit)))
            """, logger: logger).decode(String.self) {
            out.append(name)
        }
        return out
    }

    public func articles(tagged slug: String, query: ArticleQuery) async throws -> ArticlePage {
        let limit = max(1, min(query.limit, 500))
        var binds = PostgresBindings()
        binds.append(slug)
        var sql = """
            SELECT \(Self.articleColumns) FROM article_tags at JOIN articles a ON a.seq = at.article_seq
            JOIN sources s ON s.id = a.source_id WHERE at.slug = $1
            """
        if query.skipsRepeats { sql += " AND " + Self.notARepeat("a") }
        let order = Self.keyset(query.keyset, published: "at.published", seq: "at.article_seq", sql: &sql, binds: &binds)
        binds.append(Int64(limit + 1))
        sql += " ORDER BY \(order) LIMIT $\(binds.count)"
        var articles: [Article] = []
        for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            articles.append(try Self.article(row))
        }
        return ArticlePage(fetched: articles, limit: limit, ascending: query.keyset.ascending)
    }

    public func topTags(from: Date, to: Date, type: String?, limit: Int) async throws -> [TagInfo] {
        var out: [TagInfo] = []
        let lower = Int64(from.timeIntervalSince1970), upper = Int64(to.timeIntervalSince1970)
        // an empty type stands for every type (one statement, its parameter always bound)
        for try await (slug, name, type, n) in try await client.query("""
            SELECT t.slug, t.name, t.type, count(*) AS n FROM article_tags at JOIN tags t ON t.slug = at.slug
            WHERE at.published BETWEEN \(lower) AND \(upper) AND (\(type ?? "") = '' OR t.type = \(type ?? ""))
              AND \(unescaped: Self.notARepeat(seq: "at.article_seq"))
            GROUP BY t.slug ORDER BY n DESC, t.slug LIMIT \(Int64(limit))
            """, logger: logger).decode((String, String, String, Int64).self) {
            out.append(TagInfo(slug: slug, name: name, type: type, articleCount: Int(n)))
        }
        return out
    }

    public func cooccurringTags(with slug: String, limit: Int, notAfter: Date?) async throws -> [CooccurringTag] {
        let bound = ArticleQuery.bound(notAfter)
        var out: [CooccurringTag] = []
        // `b` is the same article as `a`: bounding `a`'s date bounds both
        for try await (other, name, type, together, total) in try await client.query("""
            SELECT c.slug, t.name, t.type, c.together,
                   (SELECT count(*) FROM article_tags x
                    WHERE x.slug = c.slug AND x.published <= \(bound) AND \(unescaped: Self.notARepeat(seq: "x.article_seq"))) AS total
            FROM (SELECT b.slug, count(*) AS together
                  FROM article_tags a JOIN article_tags b ON b.article_seq = a.article_seq AND b.slug <> a.slug
                  WHERE a.slug = \(slug) AND a.published <= \(bound) AND \(unescaped: Self.notARepeat(seq: "a.article_seq"))
                  GROUP BY b.slug HAVING count(*) >= 2
                  ORDER BY together DESC, b.slug LIMIT \(Int64(max(1, limit)))) c
            JOIN tags t ON t.slug = c.slug ORDER BY c.together DESC, c.slug
            """, logger: logger).decode((String, String, String, Int64, Int64).self) {
            out.append(CooccurringTag(tag: TagInfo(slug: other, name: name, type: type, articleCount: Int(total)),
                                      together: Int(together)))
        }
        return out
    }

    // MARK: StoryStore

    static let clusterColumns = """
        a.seq, a.published, s.name, a.title, a.signature, a.story_id, a.duplicate_of, a.also_duplicate_of, a.cluster_seq
        """

    func clusterRecords(_ query: PostgresQuery) async throws -> [ClusterRecord] {
        var out: [ClusterRecord] = []
        do {
            for try await (seq, published, source, title, signature, story, duplicate, also, clusterSeq) in try await client.query(
                query, logger: logger).decode((Int64, Int64, String, String, Data?, Int64?, Int64?, String?, Int64?).self) {
                out.append(ClusterRecord(seq: seq, published: Date(timeIntervalSince1970: TimeInterval(published)),
                                         source: source, title: title, signature: [UInt8](signature ?? Data()),
                                         storyID: story, duplicateOf: duplicate, alsoDuplicateOf: StoredJSON.seqs(also),
                                         clusterSeq: clusterSeq))
            }
        } catch {
            throw Self.queryError(error)
        }
        return out
    }

    public func pendingClustering(afterSeq: Int64, limit: Int) async throws -> [ClusterRecord] {
        try await clusterRecords("""
            SELECT \(unescaped: Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.stage = \(Int32(PipelineStage.analyzed.rawValue)) AND a.seq > \(afterSeq) AND a.signature IS NOT NULL
            ORDER BY a.seq LIMIT \(Int64(limit))
            """)
    }

    public func clusteredArticles(from: Date, to: Date) async throws -> [ClusterRecord] {
        try await clusterRecords("""
            SELECT \(unescaped: Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.stage = \(Int32(PipelineStage.clustered.rawValue))
              AND a.published BETWEEN \(Int64(from.timeIntervalSince1970.rounded(.down))) AND \(Int64(to.timeIntervalSince1970.rounded(.up)))
              AND a.signature IS NOT NULL
            ORDER BY a.cluster_seq
            """)
    }

    public func clusterChanges(afterClusterSeq: Int64, limit: Int) async throws -> [ClusterRecord] {
        try await clusterRecords("""
            SELECT \(unescaped: Self.clusterColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.cluster_seq > \(afterClusterSeq) ORDER BY a.cluster_seq LIMIT \(Int64(limit))
            """)
    }

    public func recordClustering(_ placements: [StoryPlacement]) async throws {
        guard !placements.isEmpty else { return }
        let logger = logger
        do {
            try await client.withTransaction(logger: logger) { connection in
                var touched = Set<Int64>()
                for try await old in try await connection.query("""
                    SELECT DISTINCT story_id FROM articles WHERE seq = ANY(\(placements.map(\.seq))) AND story_id IS NOT NULL
                    """, logger: logger).decode(Int64.self) { touched.insert(old) }
                // One statement for the batch; the inner ORDER BY keeps cluster_seq in placement order
                // (0 stands for "no primary": sequence numbers start at 1).
                try await connection.query("""
                    UPDATE articles a SET story_id = p.story, duplicate_of = p.dup, also_duplicate_of = p.also,
                        stage = \(Int32(PipelineStage.clustered.rawValue)), cluster_seq = p.cseq
                    FROM (SELECT seq, story, nullif(dup, 0) AS dup, nullif(also, '') AS also,
                                 nextval('cluster_seq_counter') AS cseq
                          FROM (SELECT * FROM unnest(\(placements.map(\.seq))::bigint[], \(placements.map(\.storyID))::bigint[],
                                                     \(placements.map { $0.duplicateOf ?? 0 })::bigint[],
                                                     \(placements.map { StoredJSON.encodeSeqs($0.alsoDuplicateOf) ?? "" })::text[])
                                WITH ORDINALITY AS u(seq, story, dup, also, n) ORDER BY n) ordered) p
                    WHERE a.seq = p.seq
                    """, logger: logger)
                for placement in placements { touched.insert(placement.storyID) }
                // a copy's primary decides whether it repeats it
                touched.formUnion(try await Self.refreshRepeats(placements.map(\.seq), connection: connection, logger: logger))
                try await Self.refreshStories(touched.sorted(), connection: connection, logger: logger)
            }
        } catch {
            throw Self.queryError(error)
        }
    }

    /// Recomputes the rows of stories `ids` from their articles, in set-based statements (the
    /// clustering stage touches hundreds per batch), removes those no article is left in, and
    /// sets each one's headline.
    static func refreshStories(_ ids: [Int64], connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query("""
            WITH members AS (
                SELECT a.story_id, a.seq, a.title, a.published, s.name FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE a.story_id = ANY(\(ids)) AND \(unescaped: notARepeat("a", inStory: true))),
            outlets AS (
                SELECT story_id, name, min(published) AS first, min(seq) AS first_seq FROM members GROUP BY story_id, name),
            names AS (
                SELECT story_id, json_agg(name ORDER BY first, first_seq)::text AS sources, count(*) AS n FROM outlets GROUP BY story_id),
            agg AS (
                SELECT story_id, (array_agg(title ORDER BY published, seq))[1] AS title,
                       (array_agg(seq ORDER BY published, seq))[1] AS primary_seq,
                       min(published) AS first, max(published) AS last, count(*) AS n
                FROM members GROUP BY story_id)
            INSERT INTO stories (id, title, primary_seq, first_published, last_published, article_count, source_count, sources)
            SELECT agg.story_id, agg.title, agg.primary_seq, agg.first, agg.last, agg.n, names.n, names.sources
            FROM agg JOIN names USING (story_id)
            ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, primary_seq = EXCLUDED.primary_seq,
                first_published = EXCLUDED.first_published, last_published = EXCLUDED.last_published,
                article_count = EXCLUDED.article_count, source_count = EXCLUDED.source_count, sources = EXCLUDED.sources
            """, logger: logger)
        try await connection.query("""
            DELETE FROM stories WHERE id = ANY(\(ids)) AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id)
            """, logger: logger)
        try await setHeadlines(ids, connection: connection, logger: logger)
    }

    /// Each story's headline (`StoryHeadline`): its title and article.
    static func setHeadlines(_ ids: [Int64], connection: PostgresConnection, logger: Logger) async throws {
        var members: [Int64: [StoryHeadline.Member]] = [:]
        for try await (story, seq, title, published, copy) in try await connection.query("""
            SELECT a.story_id, a.seq, a.title, a.published, a.duplicate_of IS NOT NULL FROM articles a
            WHERE a.story_id = ANY(\(ids)) AND \(unescaped: notARepeat("a", inStory: true)) ORDER BY a.story_id, a.published, a.seq
            """, logger: logger).decode((Int64, Int64, String, Int64, Bool).self) {
            members[story, default: []].append(StoryHeadline.Member(seq: seq, title: title, published: published, isCopy: copy))
        }
        var storyIDs: [Int64] = [], seqs: [Int64] = [], titles: [String] = []
        for (story, list) in members.sorted(by: { $0.key < $1.key }) {
            guard let i = StoryHeadline.choose(list) else { continue }
            storyIDs.append(story)
            seqs.append(list[i].seq)
            titles.append(list[i].title)
        }
        guard !storyIDs.isEmpty else { return }
        try await connection.query("""
            UPDATE stories s SET title = u.title, headline_seq = u.seq
            FROM unnest(\(storyIDs)::bigint[], \(seqs)::bigint[], \(titles)::text[]) AS u(id, seq, title)
            WHERE s.id = u.id
            """, logger: logger)
    }

    public func resetClustering() async throws {
        let logger = logger
        do {
            try await client.query("""
                UPDATE articles SET stage = \(Int32(PipelineStage.analyzed.rawValue))
                WHERE stage = \(Int32(PipelineStage.clustered.rawValue))
                """, logger: logger)
        } catch {
            throw Self.queryError(error)
        }
    }

    static let storyColumns = "id, title, primary_seq, first_published, last_published, article_count, source_count, sources, headline_seq"

    func storyRows(_ query: PostgresQuery) async throws -> [Story] {
        var out: [Story] = []
        for try await (id, title, primary, first, last, count, sourceCount, sources, headline) in try await client.query(
            query, logger: logger).decode((Int64, String, Int64, Int64, Int64, Int32, Int32, String, Int64?).self) {
            out.append(Story(id: id, title: title, primarySeq: primary, headlineSeq: headline,
                             first: Date(timeIntervalSince1970: TimeInterval(first)),
                             last: Date(timeIntervalSince1970: TimeInterval(last)),
                             articleCount: Int(count), sourceCount: Int(sourceCount),
                             sources: StoredJSON.strings(sources) ?? []))
        }
        return out
    }

    public func story(id: Int64) async throws -> Story? {
        try await storyRows("SELECT \(unescaped: Self.storyColumns) FROM stories WHERE id = \(id)").first
    }

    public func storyArticles(id: Int64) async throws -> [Article] {
        var out: [Article] = []
        for try await row in try await client.query("""
            SELECT \(unescaped: Self.placedColumns) FROM articles a JOIN sources s ON s.id = a.source_id
            WHERE a.story_id = \(id) AND \(unescaped: Self.notARepeat("a", inStory: true)) ORDER BY a.published, a.seq
            """, logger: logger) {
            out.append(try Self.placedArticle(row))
        }
        return out
    }

    public func stories(from: Date, to: Date, limit: Int) async throws -> [Story] {
        let (lower, upper) = (Int64(from.timeIntervalSince1970.rounded(.down)), ArticleQuery.seconds(to))
        // the stored span finds them (stories_by_last); a story whose last article lies past `to`
        // is dated by its latest article up to `to` (articles_by_story), which only the few
        // stories holding a misdated article need
        return try await storyRows("""
            SELECT \(unescaped: Self.storyColumns) FROM (
                SELECT \(unescaped: Self.storyColumns),
                       CASE WHEN last_published <= \(upper) THEN last_published
                            ELSE (SELECT max(a.published) FROM articles a WHERE a.story_id = stories.id AND a.published <= \(upper))
                       END AS listed_last
                FROM stories WHERE last_published >= \(lower) AND first_published <= \(upper)) s
            WHERE listed_last >= \(lower) ORDER BY listed_last DESC, id DESC LIMIT \(Int64(limit))
            """)
    }

    public func claimLease(_ name: String, owner: String, seconds: Double, now: Date) async throws -> Bool {
        let t = now.timeIntervalSince1970
        for try await holder in try await client.query("""
            INSERT INTO leases (name, owner, until) VALUES (\(name), \(owner), \(t + seconds))
            ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
            WHERE leases.until < \(t) OR leases.owner = EXCLUDED.owner
            RETURNING owner
            """, logger: logger).decode(String.self) {
            return holder == owner
        }
        return false
    }

    public func releaseLease(_ name: String, owner: String) async throws {
        try await client.query("DELETE FROM leases WHERE name = \(name) AND owner = \(owner)", logger: logger)
    }

    public func leaseHolder(_ name: String) async throws -> String? {
        for try await owner in try await client.query("SELECT owner FROM leases WHERE name = \(name)", logger: logger)
            .decode(String.self) {
            return owner
        }
        return nil
    }
}
