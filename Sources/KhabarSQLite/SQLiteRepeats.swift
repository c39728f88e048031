import GRDB
import KhabarModel
import KhabarStorage

// Repeats on SQLite (see "Repeats" in KhabarStorage): each article's `repeat_of` holds the first
// stored article it repeats, set by `refreshRepeats` whenever an article is stored, its text or
// outlet changes, or the clustering stage changes its `duplicate_of`. Lists and counts read the
// column (`notARepeat`), search groups by it: the rule itself is written once, in `firstRepeated`.

extension SQLiteStore {
    /// The rule, as SQL for the article `a` (an alias of `articles`): the first stored (lowest
    /// `seq`) earlier article of the same outlet with the same title and either the same body or
    /// being the primary `a` is a near-duplicate copy of (`duplicate_of`); NULL when there is none.
    /// One probe of `articles_by_source_title`; bodies are compared only when the titles match.
    static func firstRepeated(_ a: String) -> String {
        """
        (SELECT min(r.seq) FROM articles r WHERE r.source_id = \(a).source_id AND r.title = \(a).title AND r.seq < \(a).seq
         AND (r.seq = \(a).duplicate_of OR r.body = \(a).body))
        """
    }

    /// SQL true for the article `a` (an alias whose row is read) unless it is a repeat.
    /// `inStory`: a repeat only of an article of the same story (a story's list and figures: a
    /// story never loses its members to an article listed in another one).
    static func notARepeat(_ a: String, inStory: Bool = false) -> String {
        guard inStory else { return "\(a).repeat_of IS NULL" }
        return "(\(a).repeat_of IS NULL OR NOT EXISTS (SELECT 1 FROM articles r WHERE r.seq = \(a).repeat_of AND r.story_id = \(a).story_id))"
    }

    /// SQL true unless the article numbered `seq` (a column of another table, or of an index
    /// that holds no `repeat_of`) is a repeat. Reads no article row: the repeats' numbers come
    /// from the small partial index `articles_repeats`, once per statement, so a tag's counts
    /// read `article_tags` alone (the join to the article's row, which holds its body, made
    /// /tag/russia's counts on ANT dev 10 times slower).
    static func notARepeat(seq: String) -> String {
        "\(seq) NOT IN (SELECT seq FROM articles INDEXED BY articles_repeats WHERE repeat_of IS NOT NULL)"
    }

    /// Sets `repeat_of` by the rule for the articles `seqs` (just stored, or whose text, outlet or
    /// `duplicate_of` changed) and for the later articles such a change can make or unmake
    /// repeats: the outlet's later articles under the same title, and those that repeated them.
    /// Returns the stories of the articles whose value changed: their members and figures did.
    @discardableResult
    static func refreshRepeats(_ seqs: [Int64], db: Database) throws -> Set<Int64> {
        guard !seqs.isEmpty else { return [] }
        var affected = Set(seqs)
        let later = try db.cachedStatement(sql: """
            SELECT b.seq FROM articles a JOIN articles b ON b.source_id = a.source_id AND b.title = a.title AND b.seq > a.seq
            WHERE a.seq = ?
            UNION SELECT seq FROM articles WHERE repeat_of = ?
            """)
        for seq in seqs { affected.formUnion(try Int64.fetchAll(later, arguments: [seq, seq])) }
        let read = try db.cachedStatement(sql: "SELECT a.repeat_of, a.story_id, \(firstRepeated("a")) AS first FROM articles a WHERE a.seq = ?")
        let write = try db.cachedStatement(sql: "UPDATE articles SET repeat_of = ? WHERE seq = ?")
        var stories = Set<Int64>()
        for seq in affected.sorted() {
            guard let row = try Row.fetchOne(read, arguments: [seq]) else { continue }
            let first: Int64? = row["first"]
            guard (row["repeat_of"] as Int64?) != first else { continue }
            try write.execute(arguments: [first, seq])
            if let story: Int64 = row["story_id"] { stories.insert(story) }
        }
        return stories
    }
}
