import KhabarModel
import KhabarStorage
import Logging
import PostgresNIO

// Repeats on PostgreSQL, as on SQLite (see "Repeats" in KhabarStorage): `articles.repeat_of` holds
// the first stored article each one repeats, set by `refreshRepeats` whenever an article is stored,
// its text or outlet changes, or the clustering stage changes its `duplicate_of`. Lists and counts
// read the column (`notARepeat`), search groups by it: the rule itself is written once, in
// `firstRepeated`.

extension PostgresStore {
    /// The rule, as SQL for the article `a` (an alias of `articles`): the first stored (lowest
    /// `seq`) earlier article of the same outlet with the same title and either the same body or
    /// being the primary `a` is a near-duplicate copy of (`duplicate_of`); NULL when there is none.
    /// One probe of `articles_by_source_title` (over md5(title): a B-tree entry holds at most
    /// about 2.7 kB, and a title may be longer); the texts are compared only when those match.
    static func firstRepeated(_ a: String) -> String {
        """
        (SELECT min(r.seq) FROM articles r WHERE r.source_id = \(a).source_id AND md5(r.title) = md5(\(a).title)
         AND r.seq < \(a).seq AND r.title = \(a).title AND (r.seq = \(a).duplicate_of OR r.body = \(a).body))
        """
    }

    /// SQL true for the article `a` (an alias whose row is read) unless it is a repeat.
    /// `inStory`: a repeat only of an article of the same story, as on SQLite.
    static func notARepeat(_ a: String, inStory: Bool = false) -> String {
        guard inStory else { return "\(a).repeat_of IS NULL" }
        return "(\(a).repeat_of IS NULL OR NOT EXISTS (SELECT 1 FROM articles r WHERE r.seq = \(a).repeat_of AND r.story_id = \(a).story_id))"
    }

    /// SQL true unless the article numbered `seq` (a column of another table) is a repeat, without
    /// reading the article's row: the repeats' numbers come from the partial index
    /// `articles_repeats`, hashed once per statement, so a tag's counts read `article_tags` alone.
    static func notARepeat(seq: String) -> String {
        "\(seq) NOT IN (SELECT seq FROM articles WHERE repeat_of IS NOT NULL)"
    }

    /// Sets `repeat_of` by the rule for the articles `seqs` (just stored, or whose text, outlet or
    /// `duplicate_of` changed) and for the later articles such a change can make or unmake
    /// repeats: the outlet's later articles under the same title, and those that repeated them.
    /// Returns the stories of the articles whose value changed: their members and figures did.
    @discardableResult
    static func refreshRepeats(_ seqs: [Int64], connection: PostgresConnection, logger: Logger) async throws -> Set<Int64> {
        guard !seqs.isEmpty else { return [] }
        var stories = Set<Int64>()
        for try await story in try await connection.query(PostgresQuery(unsafeSQL: """
            WITH affected AS (
                SELECT unnest($1::bigint[]) AS seq
                UNION SELECT b.seq FROM articles a JOIN articles b ON b.source_id = a.source_id AND md5(b.title) = md5(a.title)
                      AND b.seq > a.seq AND b.title = a.title WHERE a.seq = ANY($1)
                UNION SELECT seq FROM articles WHERE repeat_of = ANY($1)),
            rule AS (SELECT a.seq, \(firstRepeated("a")) AS first FROM articles a WHERE a.seq IN (SELECT seq FROM affected))
            UPDATE articles x SET repeat_of = rule.first FROM rule
            WHERE x.seq = rule.seq AND x.repeat_of IS DISTINCT FROM rule.first
            RETURNING x.story_id
            """, binds: Self.bindings(seqs)), logger: logger).decode(Int64?.self) {
            if let story { stories.insert(story) }
        }
        return stories
    }

    static func bindings(_ seqs: [Int64]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(seqs)
        return binds
    }
}
