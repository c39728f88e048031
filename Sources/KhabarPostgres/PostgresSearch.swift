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

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        guard !query.words.isEmpty else { return SearchResults(total: 0, hits: [], partialMatch: false) }
        let limit = max(1, min(query.limit, 200))
        let offset = max(0, query.offset)
        for (tsquery, partial) in [(Self.tsquery(query.words, all: true), false), (Self.tsquery(query.words, all: false), true)] {
            if partial && query.words.count == 1 { break }
            var binds = PostgresBindings()
            binds.append(tsquery)
            var filters = ""
            if let source = query.sourceID {
                binds.append(source)
                filters += " AND a.source_id = $\(binds.count)"
            }
            if let from = query.from {
                binds.append(Int64(from.timeIntervalSince1970.rounded(.down)))
                filters += " AND a.published >= $\(binds.count)"
            }
            if let to = query.to {
                binds.append(Int64(to.timeIntervalSince1970.rounded(.up)))
                filters += " AND a.published < $\(binds.count)"
            }
            var total = 0
            // a wire item and its copies are one result, as on SQLite
            for try await n in try await client.query(PostgresQuery(unsafeSQL: """
                SELECT count(DISTINCT coalesce(a.duplicate_of, a.seq)) FROM article_search x JOIN articles a ON a.seq = x.seq
                WHERE x.document @@ to_tsquery('simple', $1)\(filters)
                """, binds: binds), logger: logger).decode(Int64.self) { total = Int(n) }
            guard total > 0 else { continue }
            binds.append(Int64(limit))
            binds.append(Int64(offset))
            var hits: [SearchHit] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: """
                SELECT * FROM (
                    SELECT r.*, row_number() OVER (PARTITION BY r.grp ORDER BY r.duplicate_of IS NOT NULL, r.rank DESC, r.published DESC, r.seq) AS rn,
                           max(r.rank) OVER (PARTITION BY r.grp) AS group_rank
                    FROM (
                        SELECT \(Self.articleColumns), \(Self.rankExpression)::float8 AS rank, a.duplicate_of,
                               coalesce(a.duplicate_of, a.seq) AS grp
                        FROM article_search x
                        JOIN articles a ON a.seq = x.seq
                        JOIN sources s ON s.id = a.source_id
                        WHERE x.document @@ to_tsquery('simple', $1)\(filters)
                    ) r
                ) g WHERE rn = 1
                ORDER BY group_rank DESC, published DESC, seq
                LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds), logger: logger) {
                var article = try Self.article(row)
                let columns = row.makeRandomAccess()
                article.duplicateOf = try columns[17].decode(Int64?.self)
                let rank = try columns[20].decode(Double.self)   // the group's best
                hits.append(SearchHit(article: article, score: rank * 100))
            }
            return SearchResults(total: total, hits: hits, partialMatch: partial)
        }
        return SearchResults(total: 0, hits: [], partialMatch: false)
    }

    /// A tsquery built only from analyzer tokens (letters and digits), each quoted, so no user input
    /// reaches the tsquery syntax: a word matches its exact form in A/C or its stem in B/D.
    static func tsquery(_ words: [SearchWord], all: Bool) -> String {
        func quoted(_ token: String) -> String { "'" + token.replacingOccurrences(of: "'", with: "''") + "'" }
        return words.map { word in
            "(" + (word.exactForms.map { "\(quoted($0)):AC" } + word.stemForms.map { "\(quoted($0)):BD" }).joined(separator: " | ") + ")"
        }.joined(separator: all ? " & " : " | ")
    }
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
