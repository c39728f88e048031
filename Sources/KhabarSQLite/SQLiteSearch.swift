import Foundation
import GRDB
import KhabarModel
import KhabarStorage

extension SQLiteStore {
    /// bm25 column weights for (title_exact, title_stems, body_exact, body_stems): the title counts
    /// most, and a word found in its exact form scores in both its exact and its stem column, so exact
    /// matches rank above stem-only ones.
    /// Then (title_spelled, body_spelled), weighted as the exact columns: a word the query spells
    /// (`SearchWord.spelled`) found as spelled scores there too, so among articles that write it
    /// so, one with it in the title and a rarer spelling count more.
    static let bm25Weights = "10.0, 4.0, 2.0, 1.0, 10.0, 2.0"

    // Exact spelling: hits are ordered by how many query words they write as the query spells them
    // (ى or ي, ة or ه at the end), then by bm25. Weights alone did not do it: bm25 caps a phrase
    // at 2.2 × its IDF, and on ANT dev the query علي also matched the stem عل in 59 articles
    // (العلي، علان، علة), rarer than علي as written (371), so no weight for the spelled columns
    // lifted all the articles that write علي above those: 6 of the top 10 wrote it (with
    // weights 20 and 4). The count is exact, and the same on PostgreSQL, which has no IDF at all.

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        // a query made only of exclusions asks for everything but something: not a search
        guard !query.clauses.isEmpty else { return SearchResults(total: 0, hits: [], partialMatch: false) }
        let limit = max(1, min(query.limit, 200))
        let offset = max(0, query.offset)
        return try await pool.read { db in
            var filters: [String] = []
            var filterArguments: [any DatabaseValueConvertible] = []
            if let source = query.sourceID {
                filters.append("a.source_id = ?")
                filterArguments.append(source)
            }
            if let tag = query.tag {
                filters.append("a.seq IN (SELECT article_seq FROM article_tags WHERE slug = ?)")
                filterArguments.append(tag)
            }
            if let from = query.from {
                filters.append("a.published >= ?")
                filterArguments.append(Int64(from.timeIntervalSince1970.rounded(.down)))
            }
            if let to = query.to {
                filters.append("a.published < ?")
                filterArguments.append(Int64(to.timeIntervalSince1970.rounded(.up)))
            }
            let filterSQL = filters.map { " AND " + $0 }.joined()
            // per spelled word: 1 when the article writes it so (the words' rowid sets are read once)
            let spelled = query.words.compactMap(\.spelled)
            let spelledSQL = spelled.isEmpty ? "0"
                : spelled.map { _ in "(a.seq IN (SELECT rowid FROM article_search WHERE article_search MATCH ?))" }.joined(separator: " + ")
            let spelledArguments: [any DatabaseValueConvertible] = spelled.map(Self.spelledExpression)
            // 1 when the article writes the words typed apart side by side (`SearchQuery.adjacency`)
            let adjacency = query.adjacency.map(Self.termExpression)
            let adjacentSQL = adjacency == nil ? "0" : "(a.seq IN (SELECT rowid FROM article_search WHERE article_search MATCH ?))"
            let adjacentArguments: [any DatabaseValueConvertible] = adjacency.map { [$0] } ?? []
            for (pattern, partial) in [(Self.matchExpression(query, all: true), false),
                                       (Self.matchExpression(query, all: false), true)] {
                if partial && query.clauses.count == 1 { break }
                // Copies under one headline are one result (counted once, on one page; `SearchIndex`):
                // the group ranks by its best-scoring member and shows its primary when the primary
                // matches. Collapsed after LIMIT, a copy and its primary turned up on two pages and
                // pages came up short.
                let counts = try Row.fetchOne(db, sql: """
                    SELECT count(DISTINCT grp) AS groups, count(*) AS articles FROM (
                        SELECT \(Self.searchGroup) AS grp FROM article_search JOIN articles a ON a.seq = article_search.rowid
                        LEFT JOIN articles p ON p.seq = a.duplicate_of
                        WHERE article_search MATCH ?\(filterSQL))
                    """, arguments: StatementArguments([pattern] + filterArguments))
                let total: Int = counts?["groups"] ?? 0, matched: Int = counts?["articles"] ?? 0
                guard total > 0 else { continue }
                // A group ranks by its best member, the one writing the most query words as spelled,
                // then the best bm25 among those, and shows its primary unless a copy writes more
                // of them so (a hit for علي that shows an article without علي misleads).
                let rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM (
                        SELECT r.*, row_number() OVER (PARTITION BY r.grp ORDER BY r.spelled DESC, r.seq <> r.grp, r.duplicate_of IS NOT NULL, r.rank, r.published DESC, r.seq) AS rn,
                               max(r.spelled) OVER (PARTITION BY r.grp) AS group_spelled,
                               max(r.adjacent) OVER (PARTITION BY r.grp) AS group_adjacent,
                               first_value(r.rank) OVER (PARTITION BY r.grp ORDER BY r.spelled DESC, r.rank) AS group_rank,
                               group_concat(r.seq) OVER (PARTITION BY r.grp) AS members
                        FROM (
                            SELECT \(Self.articleColumns), bm25(article_search, \(Self.bm25Weights)) AS rank, \(spelledSQL) AS spelled,
                                   \(adjacentSQL) AS adjacent,
                                   a.duplicate_of, \(Self.searchGroup) AS grp
                            FROM article_search
                            JOIN articles a ON a.seq = article_search.rowid
                            JOIN sources s ON s.id = a.source_id
                            LEFT JOIN articles p ON p.seq = a.duplicate_of
                            WHERE article_search MATCH ?\(filterSQL)
                        ) r
                    ) WHERE rn = 1
                    ORDER BY group_spelled DESC, group_adjacent DESC, group_rank, published DESC, seq LIMIT ? OFFSET ?
                    """, arguments: StatementArguments(spelledArguments + adjacentArguments + [pattern] + filterArguments + [limit, offset]))
                let hits = rows.map { row in
                    var article = Self.article(from: row)
                    article.duplicateOf = row["duplicate_of"]
                    let score = -(row["group_rank"] as Double)
                    let copies = ((row["members"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
                        .filter { $0 != article.seq }.sorted()
                    let ranked = !spelled.isEmpty || adjacency != nil
                    return SearchHit(article: article,
                                     score: ranked ? SearchQuery.score(spelledWords: row["group_spelled"], adjacent: row["group_adjacent"], bm25: score) : score,
                                     copies: copies)
                }
                return SearchResults(total: total, hits: hits, partialMatch: partial, folded: matched - total)
            }
            return SearchResults(total: 0, hits: [], partialMatch: false)
        }
    }

    /// The search group of the article `a` (`p` its primary, joined): its primary when it copies it
    /// under the primary's own headline (of any outlet), else the article it repeats (`repeat_of`,
    /// the lists' rule), else itself. See `SearchIndex`.
    static let searchGroup = """
        CASE WHEN a.duplicate_of IS NOT NULL AND p.title = a.title THEN a.duplicate_of ELSE coalesce(a.repeat_of, a.seq) END
        """

    /// The FTS5 expression for articles that write `spelled` so: the quoted token in the spelled
    /// columns, which only this reads (a spelled form folds to the exact one, so it finds nothing new).
    static func spelledExpression(_ spelled: String) -> String {
        "{title_spelled body_spelled} : " + quoted(spelled)
    }

    /// An FTS5 expression built only from quoted analyzer tokens (letters and digits), so no user
    /// input ever reaches the FTS5 query syntax: the clauses joined by AND (`all`) or OR, then
    /// NOT any excluded term (FTS5's NOT is binary: "positive NOT excluded").
    static func matchExpression(_ query: SearchQuery, all: Bool) -> String {
        query.booleanExpression(all: all, and: " AND ", or: " OR ", andNot: " NOT ", termExpression)
    }

    /// One term: a word matches any exact form in the exact columns or any stem in the stem
    /// columns; a spelled form is one more alternative, for bm25 (it folds to the exact form, so
    /// it finds no article the exact form does not). A phrase matches one of its token sequences
    /// (`SearchTerm.sequences`) in an exact column: a phrase stays inside its column, so it never
    /// runs from the title into the body.
    static func termExpression(_ term: SearchTerm) -> String {
        switch term {
        case let .word(word):
            let exact = word.exactForms.map(quoted).joined(separator: " OR ")
            let stems = word.stemForms.map(quoted).joined(separator: " OR ")
            let spelled = word.spelled.map { " OR " + spelledExpression($0) } ?? ""
            return "({title_exact body_exact} : (\(exact)) OR {title_stems body_stems} : (\(stems))\(spelled))"
        case .phrase:
            let phrases = term.sequences.map { $0.map(quoted).joined(separator: " + ") }
            return "({title_exact body_exact} : (" + phrases.joined(separator: " OR ") + "))"
        }
    }

    /// An analyzer token as an FTS5 string, quoted.
    static func quoted(_ token: String) -> String { "\"" + token.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension SQLiteStore {
    /// Pages of merged index one step writes: about 70 ms of work on this machine, so a reader
    /// or the refresher never waits long for the write lock.
    static let compactionStep = 500

    /// FTS5 adds a segment per write transaction and merges them only when four share a level
    /// (`automerge`), so an index written in batches holds a dozen segments, and each query term
    /// is looked up in every one of them: after importing ANT dev, merging them into one took
    /// search p50 from 4.5 to 2.6 ms. The 'merge' command with a negative page count merges
    /// across levels as 'optimize' does, but incrementally: here in steps of `compactionStep`
    /// pages, each its own transaction, until a step finds nothing left to merge or about one
    /// page per written article has been spent (merging all of ANT dev takes some 4,500 pages
    /// for 9,697 articles, so an import finishes the job and a refresh advances it).
    public func compactSearchIndex(written: Int) async throws {
        guard written > 0 else { return }
        var budget = max(64, written)
        while budget > 0 {
            let step = min(Self.compactionStep, budget)
            let merged = try await pool.write { db -> Bool in
                let before = db.totalChangesCount
                try db.execute(sql: "INSERT INTO article_search (article_search, rank) VALUES ('merge', ?)", arguments: [-step])
                // the documented sign of work done: at least two rows changed
                return db.totalChangesCount - before >= 2
            }
            if !merged { return }
            budget -= step
        }
    }
}
