import CZlib
import Foundation
import KhabarModel
import KhabarStorage

/// Writes lines to a file, gzip-compressed when the name ends in `.gz`, or to standard output for `-`.
public final class LineWriter {
    public let path: String
    private var gz: gzFile?
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

    public init(path: String) throws {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardOutput
        } else if path.hasSuffix(".gz") {
            guard let file = gzopen(path, "wb6") else {
                throw KhabarError.unreadable(path: path, reason: "cannot create: " + String(cString: strerror(errno)))
            }
            gz = file
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                throw KhabarError.unreadable(path: path, reason: "cannot create: " + String(cString: strerror(errno)))
            }
            handle = h
        }
    }

    public func write(line bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(10)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if let gz {
            let written = buffer.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
            guard written == Int32(buffer.count) else {
                throw KhabarError.unreadable(path: path, reason: "write failed")
            }
        } else {
            try handle?.write(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the file is complete only after this returns.
    public func close() throws {
        try flush()
        if let gz {
            self.gz = nil
            guard gzclose_w(gz) == Z_OK else { throw KhabarError.unreadable(path: path, reason: "close failed") }
        } else if path != "-" {
            try handle?.close()
        }
        handle = nil
    }

    deinit {
        if let gz { gzclose_w(gz) }
    }
}

/// The JSONL record `khabar export` writes: exactly the import format, so export → import moves an
/// installation between backends.
public struct ExportRecord: Codable {
    public var id: String
    public var title: String
    public var body: String
    public var summary: String?
    public var source: String
    public var source_domain: String?
    public var published: String
    /// Absent for an article stored without a link: import gives it the same placeholder again.
    public var url: String?
    public var category: String?
    public var category_ar: String?
    public var author: String?

    public init(_ a: Article) {
        id = a.id
        title = a.title
        body = a.body
        summary = a.summary
        source = a.source.name
        source_domain = a.source.domain
        published = DateParsing.iso8601(a.published)
        url = a.url.hasPrefix(ArticleDraft.placeholderURLPrefix) ? nil : a.url
        category = a.category
        category_ar = a.categoryAr
        author = a.author
    }
}

/// Writes every stored article to `writer` as `ExportRecord` lines, in storage order: importing
/// the file places the articles in stories in the order the original did, so a restored backup
/// has the same stories (newest-first, as the site lists them, gave a third of them other
/// members). Returns the number written; the writer is left open.
public func exportArticles(_ store: any ArticleStore, to writer: LineWriter) async throws -> Int {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    var after: Int64 = 0
    var count = 0
    while true {
        let page = try await store.articles(afterSeq: after, limit: 500)
        guard let last = page.last else { break }
        for article in page { try writer.write(line: try encoder.encode(ExportRecord(article))) }
        count += page.count
        after = last.seq
    }
    return count
}
