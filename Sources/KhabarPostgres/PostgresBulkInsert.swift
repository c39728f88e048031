import Foundation
import KhabarModel
import KhabarStorage
import Logging
import NIOCore
import PostgresNIO

// The bulk path of `upsert`: a batch of articles none of which is stored yet (the common case of a
// first import or a fresh feed page) goes in with a handful of set-based statements (unnest over
// arrays) instead of several round trips per article. Anything else, or any failure, falls back to
// the per-article path, which rejects exactly the offending article.

extension PostgresStore {
    /// Outcomes when the whole batch was new and stored at once; nil to take the per-article path
    /// (nothing was written then).
    func bulkInsertIfAllNew(_ batch: [PreparedArticle], now: Double) async throws -> [UpsertOutcome]? {
        guard batch.count >= 8 else { return nil }
        var ids = Set<String>(), urls = Set<String>()
        for item in batch {
            let d = item.draft
            // The schema's CHECKs and uniqueness, decided here so the bulk statement cannot fail on them.
            guard !d.id.isEmpty, !d.url.isEmpty, !d.title.isEmpty, !d.body.isEmpty, !d.source.name.isEmpty,
                  ids.insert(d.id).inserted, urls.insert(d.url).inserted else { return nil }
        }
        let logger = logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                for try await _ in try await connection.query("""
                    SELECT 1 FROM articles WHERE id = ANY(\(Array(ids))) OR url = ANY(\(Array(urls))) LIMIT 1
                    """, logger: logger) {
                    throw BulkFallback()
                }
                var sourceIDs: [String: Int64] = [:]
                var names: [String] = [], domains: [String] = []
                for item in batch where sourceIDs[item.draft.source.name] == nil {
                    sourceIDs[item.draft.source.name] = 0
                    names.append(item.draft.source.name)
                    domains.append(item.draft.source.domain ?? "")
                }
                for try await (id, name) in try await connection.query("""
                    INSERT INTO sources (name, domain, created_at)
                    SELECT n, nullif(d, ''), \(now) FROM unnest(\(names)::text[], \(domains)::text[]) AS s(n, d)
                    ON CONFLICT (name) DO UPDATE SET domain = coalesce(sources.domain, EXCLUDED.domain)
                    RETURNING id, name
                    """, logger: logger).decode((Int64, String).self) {
                    sourceIDs[name] = id
                }
                let drafts = batch.map(\.draft)
                let published = drafts.map { $0.published.map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? Int64(now) }
                let attribution = batch.map { $0.annotations.map { StoredJSON.encode($0.attribution) } ?? "" }
                let signatures = batch.map { ByteBuffer(bytes: $0.annotations?.signature ?? []) }
                let hasSignature = batch.map { $0.annotations != nil }
                var seqs: [String: Int64] = [:]
                for try await (seq, id) in try await connection.query("""
                    INSERT INTO articles (id, url, title, body, summary, author, category, category_ar, source_id,
                                          published, content_hash, stage, ingested_at, updated_at, attribution, signature)
                    SELECT id, url, title, body, nullif(summary, ''), nullif(author, ''), nullif(category, ''),
                           nullif(category_ar, ''), source_id, published, content_hash, stage, \(now), \(now),
                           nullif(attribution, ''), CASE WHEN has_signature THEN signature END
                    FROM unnest(\(drafts.map(\.id))::text[], \(drafts.map(\.url))::text[], \(drafts.map(\.title))::text[],
                                \(drafts.map(\.body))::text[], \(drafts.map { $0.summary ?? "" })::text[],
                                \(drafts.map { $0.author ?? "" })::text[], \(drafts.map { $0.category ?? "" })::text[],
                                \(drafts.map { $0.categoryAr ?? "" })::text[],
                                \(drafts.map { sourceIDs[$0.source.name] ?? 0 })::bigint[], \(published)::bigint[],
                                \(drafts.map(\.contentHash))::text[], \(batch.map { Int32($0.stage.rawValue) })::int[],
                                \(attribution)::text[], \(signatures)::bytea[], \(hasSignature)::bool[])
                        AS n(id, url, title, body, summary, author, category, category_ar, source_id, published,
                             content_hash, stage, attribution, signature, has_signature)
                    RETURNING seq, id
                    """, logger: logger).decode((Int64, String).self) {
                    seqs[id] = seq
                }
                guard seqs.count == batch.count else { throw BulkFallback() }
                let indexed = batch.compactMap { item in item.indexed.map { (seqs[item.draft.id]!, $0) } }
                if !indexed.isEmpty {
                    try await connection.query("""
                        INSERT INTO article_search (seq, title_exact, title_stems, body_exact, body_stems, title_spelled, body_spelled)
                        SELECT * FROM unnest(\(indexed.map(\.0))::bigint[], \(indexed.map(\.1.titleExact))::text[],
                                             \(indexed.map(\.1.titleStems))::text[], \(indexed.map(\.1.bodyExact))::text[],
                                             \(indexed.map(\.1.bodyStems))::text[], \(indexed.map(\.1.titleSpelled))::text[],
                                             \(indexed.map(\.1.bodySpelled))::text[])
                        """, logger: logger)
                }
                var tagRows: [(seq: Int64, rank: Int32, tag: ArticleTag)] = []
                for item in batch {
                    for (rank, tag) in (item.annotations?.tags ?? []).enumerated() {
                        tagRows.append((seqs[item.draft.id]!, Int32(rank), tag))
                    }
                }
                if !tagRows.isEmpty {
                    let tags = tagRows.map(\.tag)
                    try await Self.upsertTags(tags, connection: connection, logger: logger)
                    try await connection.query("""
                        INSERT INTO article_tags (article_seq, slug, rank, score, published, name)
                        SELECT t.seq, t.slug, t.rank, t.score, a.published, t.name
                        FROM unnest(\(tagRows.map(\.seq))::bigint[], \(tagRows.map(\.tag.slug))::text[],
                                    \(tagRows.map(\.rank))::int[], \(tagRows.map(\.tag.score))::float8[],
                                    \(tagRows.map(\.tag.name))::text[]) AS t(seq, slug, rank, score, name)
                        JOIN articles a ON a.seq = t.seq
                        ON CONFLICT (article_seq, slug) DO NOTHING
                        """, logger: logger)
                    try await Self.renameTags(tags, connection: connection, logger: logger)
                }
                // new articles are in no story yet: no story's figures change
                try await Self.refreshRepeats(Array(seqs.values), connection: connection, logger: logger)
                return batch.map { UpsertOutcome.inserted(seq: seqs[$0.draft.id]!) }
            }
        } catch let error as PostgresTransactionError where error.rollbackError == nil && error.commitError == nil {
            // Rolled back: a stored article turned up, or a race with another writer (a unique URL
            // stored meanwhile). The per-article path sorts it out.
            if error.closureError is BulkFallback { return nil }
            if let cause = error.closureError as? PSQLError, cause.serverInfo != nil {
                logger.debug("bulk insert fell back", metadata: ["reason": "\(cause.serverInfo?[.message] ?? "")"])
                return nil
            }
            throw Self.queryError(error.closureError ?? error)
        }
    }
}

/// Thrown inside the bulk transaction to roll it back and take the per-article path.
struct BulkFallback: Error {}
