import Foundation
import KhabarModel
import KhabarStorage
import PostgresNIO

extension PostgresStore {
    /// ts_rank weights {D, C, B, A}: body stems, body exact, title stems, title exact — the same
    /// proportions as the SQLite backend's bm25 column weights (1, 2, 4, 10).
    static let rankWeights = "'{0.1, 0.2, 0.4, 1.0}'"

    /// Cover density (how close the query's words stand) divided by the document's length (flag
    /// 2). Plain `ts_rank` without length normalization put long, repetitive articles first: its
    /// top 10 shared 2.1 of 10 hits with SQLite's bm25 over 20 topical queries (غزة: none of 20).
    /// Measured on ANT dev (`khabar bench search`, 1,000 title queries; overlap@10 with SQLite):
    /// ts_rank flag 0: rank1 0.958, overlap 2.1; ts_rank flag 1: 0.942, 5.3; ts_rank_cd flag 0:
    /// 0.982, 2.35; **ts_rank_cd flag 2: 0.982 (with copies: 1.000), 6.3**.
    static let rankExpression = "ts_rank_cd(\(rankWeights), x.document, to_tsquery('simple', $1), 2)"

    // Exact spelling (`SearchWord.spelled`): as on SQLite, hits are ordered by how many query
    // words they write as the query spells them, then by rank, to which the spelled forms' own
    // cover density adds (title above body, as for exact forms). ts_rank_cd knows no rarity: the
    // density of the fold (على in every paragraph) outweighs one علي as written, so no weight
    // would do what the count does.

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        // a query made only of exclusions asks for everything but something: not a search
        guard !query.clauses.isEmpty else { return SearchResults(total: 0, hits: [], partialMatch: false) }
        let limit = max(1, min(query.limit, 200))
        let offset = max(0, query.offset)
        for (tsquery, partial) in [(Self.tsquery(query, all: true), false), (Self.tsquery(query, all: false), true)] {
            if partial && query.clauses.count == 1 { break }
            var binds = PostgresBindings()
            binds.append(tsquery)
            var filters = ""
            if let source = query.sourceID {
                binds.append(source)
                filters += " AND a.source_id = $\(binds.count)"
            }
            if let tag = query.tag {
                binds.append(tag)
                filters += " AND a.seq IN (SELECT article_seq FROM article_tags WHERE slug = $\(binds.count))"
            }
            if let from = query.from {
                binds.append(Int64(from.timeIntervalSince1970.rounded(.down)))
                filters += " AND a.published >= $\(binds.count)"
            }
            if let to = query.to {
                binds.append(Int64(to.timeIntervalSince1970.rounded(.up)))
                filters += " AND a.published < $\(binds.count)"
            }
            var total = 0, matched = 0
            // copies under one headline are one result, as on SQLite
            for try await (groups, articles) in try await client.query(PostgresQuery(unsafeSQL: """
                SELECT count(DISTINCT grp), count(*) FROM (
                    SELECT \(Self.searchGroup) AS grp FROM article_search x JOIN articles a ON a.seq = x.seq
                    LEFT JOIN articles p ON p.seq = a.duplicate_of
                    WHERE x.document @@ to_tsquery('simple', $1)\(filters)) g
                """, binds: binds), logger: logger).decode((Int64, Int64).self) { (total, matched) = (Int(groups), Int(articles)) }
            guard total > 0 else { continue }
            // per spelled word: 1 when the article writes it so (the `spelling` tsvector, read only
            // here, over the rows `document` matched)
            let spelled = query.words.compactMap(\.spelled)
            var spelledSQL = "0"
            var rankSQL = Self.rankExpression
            if !spelled.isEmpty {
                binds.append(spelled.map(Self.quoted))
                let array = "$\(binds.count)::text[]"
                spelledSQL = "(SELECT count(*) FROM unnest(\(array)) AS w(q) WHERE x.spelling @@ to_tsquery('simple', w.q))"
                rankSQL += " + ts_rank_cd(\(Self.rankWeights), x.spelling, to_tsquery('simple', array_to_string(\(array), ' | ')), 2)"
            }
            // 1 when the article writes the words typed apart side by side (`SearchQuery.adjacency`)
            var adjacentSQL = "0"
            if let phrase = query.adjacency {
                binds.append(Self.tsquery(phrase))
                adjacentSQL = "(CASE WHEN x.document @@ to_tsquery('simple', $\(binds.count)) THEN 1 ELSE 0 END)"
            }
            binds.append(Int64(limit))
            binds.append(Int64(offset))
            var hits: [SearchHit] = []
            // the group's order and the member shown, as on SQLite
            for try await row in try await client.query(PostgresQuery(unsafeSQL: """
                SELECT * FROM (
                    SELECT r.*, row_number() OVER (PARTITION BY r.grp ORDER BY r.spelled DESC, r.seq <> r.grp, r.duplicate_of IS NOT NULL, r.rank DESC, r.published DESC, r.seq) AS rn,
                           max(r.spelled) OVER (PARTITION BY r.grp) AS group_spelled,
                           first_value(r.rank) OVER (PARTITION BY r.grp ORDER BY r.spelled DESC, r.rank DESC) AS group_rank,
                           array_agg(r.seq) OVER (PARTITION BY r.grp) AS members,
                           max(r.adjacent) OVER (PARTITION BY r.grp) AS group_adjacent
                    FROM (
                        SELECT \(Self.articleColumns), (\(rankSQL))::float8 AS rank, a.duplicate_of,
                               \(Self.searchGroup) AS grp, \(spelledSQL)::int8 AS spelled, \(adjacentSQL)::int8 AS adjacent
                        FROM article_search x
                        JOIN articles a ON a.seq = x.seq
                        JOIN sources s ON s.id = a.source_id
                        LEFT JOIN articles p ON p.seq = a.duplicate_of
                        WHERE x.document @@ to_tsquery('simple', $1)\(filters)
                    ) r
                ) g WHERE rn = 1
                ORDER BY group_spelled DESC, group_adjacent DESC, group_rank DESC, published DESC, seq
                LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds), logger: logger) {
                var article = try Self.article(row)
                let columns = row.makeRandomAccess()
                article.duplicateOf = try columns[17].decode(Int64?.self)
                // the group's best: its most spelled words, and the best rank among those
                // (r.* holds `adjacent` after `spelled`: row_number, the group's figures and members follow)
                let rank = try columns[23].decode(Double.self) * 100
                let spelledWords = try columns[22].decode(Int64.self)
                let copies = try columns[24].decode([Int64].self).filter { $0 != article.seq }.sorted()
                let adjacent = try columns[25].decode(Int64.self) > 0
                let ranked = !spelled.isEmpty || query.adjacency != nil
                hits.append(SearchHit(article: article,
                                      score: ranked ? SearchQuery.score(spelledWords: Int(spelledWords), adjacent: adjacent, bm25: rank) : rank,
                                      copies: copies))
            }
            return SearchResults(total: total, hits: hits, partialMatch: partial, folded: matched - total)
        }
        return SearchResults(total: 0, hits: [], partialMatch: false)
    }

    /// The search group of the article `a` (`p` its primary, joined), as on SQLite: its primary
    /// when it copies it under the primary's own headline (of any outlet), else the article it
    /// repeats (`repeat_of`, the lists' rule), else itself.
    static let searchGroup = """
        CASE WHEN a.duplicate_of IS NOT NULL AND p.title = a.title THEN a.duplicate_of ELSE coalesce(a.repeat_of, a.seq) END
        """

    /// A tsquery built only from analyzer tokens (letters and digits), each quoted, so no user input
    /// reaches the tsquery syntax: the clauses joined by & (`all`) or |, then & ! any excluded term.
    static func tsquery(_ query: SearchQuery, all: Bool) -> String {
        query.booleanExpression(all: all, and: " & ", or: " | ", andNot: " & !", tsquery)
    }

    /// One term: a word matches its exact forms in A/C or its stems in B/D. A phrase matches one
    /// of its token sequences (`SearchTerm.sequences`, as on SQLite) within the title (A) or
    /// within the body (C), each sequence once per field: `document` concatenates the fields, so
    /// a phrase over A|C could run from the title's last word into the body's first.
    /// (`document` keeps at most 256 positions per lexeme and none past 16,383, so in a very long
    /// article a phrase of very frequent words may miss a late occurrence SQLite finds.)
    static func tsquery(_ term: SearchTerm) -> String {
        switch term {
        case let .word(word):
            return "(" + (word.exactForms.map { "\(quoted($0)):AC" } + word.stemForms.map { "\(quoted($0)):BD" }).joined(separator: " | ") + ")"
        case .phrase:
            let phrases = term.sequences.flatMap { sequence in
                ["A", "C"].map { field in "(" + sequence.map { "\(quoted($0)):\(field)" }.joined(separator: " <-> ") + ")" }
            }
            return "(" + phrases.joined(separator: " | ") + ")"
        }
    }

    /// An analyzer token as a tsquery lexeme, quoted.
    static func quoted(_ token: String) -> String { "'" + token.replacingOccurrences(of: "'", with: "''") + "'" }
}

extension PostgresStore {
    /// A GIN index takes new rows into a pending list that every search reads in full until
    /// (auto)vacuum moves it into the index proper; after a write it is moved now. The list is
    /// bounded (`gin_pending_list_limit`, 4 MB by default), so `written` sets no budget here.
    public func compactSearchIndex(written: Int) async throws {
        guard written > 0 else { return }
        do {
            try await client.query("SELECT gin_clean_pending_list('article_search_document'::regclass)", logger: logger)
        } catch {
            throw Self.queryError(error)
        }
    }
}
