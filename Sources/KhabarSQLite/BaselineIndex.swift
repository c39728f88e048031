import Foundation
import GRDB

/// What a plain SQLite user would build: FTS5 with the default `unicode61` tokenizer over the raw
/// title and body. Used only by `khabar bench search` as the point of comparison for known-item
/// quality; the real index is `article_search`.
public final class BaselineIndex: Sendable {
    let queue: DatabaseQueue

    public init(documents: [(id: String, title: String, body: String)]) throws {
        queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body)")
            for doc in documents {
                try db.execute(sql: "INSERT INTO docs (id, title, body) VALUES (?, ?, ?)", arguments: [doc.id, doc.title, doc.body])
            }
        }
    }

    /// Every whitespace-separated word quoted (so no FTS5 syntax can break the query), all required,
    /// ranked by bm25 with the title weighted as in the real index.
    public func search(_ query: String, limit: Int) throws -> [String] {
        let words = query.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard !words.isEmpty else { return [] }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 10.0, 1.0) LIMIT ?",
                                arguments: [words.joined(separator: " "), limit])
        }
    }
}
