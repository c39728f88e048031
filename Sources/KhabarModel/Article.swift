import Foundation

/// An article as it arrives from an import file or a feed, before anything is stored.
///
/// Only `title` and `body` are required; everything else may be missing. The importer turns a
/// JSONL line into a draft, and the store decides whether it is new, changed or unchanged.
public struct ArticleDraft: Sendable, Hashable, Codable {
    /// The external id (`ant-SK-…`); the importer derives one from the canonical URL when absent.
    public var id: String
    public var title: String
    public var body: String
    public var summary: String?
    public var author: String?
    /// Canonical URL (see `CanonicalURL`).
    public var url: String
    /// Nil when the input had no date: the store keeps the stored date, or uses the time of ingest.
    public var published: Date?
    public var category: String?
    public var categoryAr: String?
    public var source: SourceDraft

    public init(
        id: String, title: String, body: String, summary: String? = nil, author: String? = nil,
        url: String, published: Date?, category: String? = nil, categoryAr: String? = nil,
        source: SourceDraft
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.summary = summary
        self.author = author
        self.url = url
        self.published = published
        self.category = category
        self.categoryAr = categoryAr
        self.source = source
    }

    /// The URL an article without a link of its own is stored under (the schema keeps URLs unique
    /// and not null): a name, not an address, so pages never link it and export leaves it out.
    public static func placeholderURL(id: String) -> String { placeholderURLPrefix + id }
    public static let placeholderURLPrefix = "urn:khabar:article:"

    /// A stable fingerprint of everything the draft carries except its id, so a re-import can tell
    /// "unchanged" from "updated" without comparing columns one by one. The id is left out because an
    /// article matched by its URL keeps the id it was first stored under.
    public var contentHash: String {
        var hasher = FNV1a64()
        for field in [title, body, summary ?? "", author ?? "", url,
                      published.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? "", category ?? "", categoryAr ?? "",
                      source.name, source.domain ?? ""] {
            hasher.combine(field)
            hasher.combine("\u{1F}")
        }
        return hasher.hexDigest
    }
}

/// The outlet an article is credited to (`المصدر: …`).
public struct SourceDraft: Sendable, Hashable, Codable {
    public var name: String
    public var domain: String?

    public init(name: String, domain: String? = nil) {
        self.name = name
        self.domain = domain
    }
}

/// A stored outlet.
public struct Source: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var domain: String?
    public var articleCount: Int

    public init(id: Int64, name: String, domain: String?, articleCount: Int = 0) {
        self.id = id
        self.name = name
        self.domain = domain
        self.articleCount = articleCount
    }
}

/// A stored article, with its outlet resolved.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Internal sequence number: dense, used for keyset pagination and index joins.
    public var seq: Int64
    public var id: String
    public var title: String
    public var body: String
    public var summary: String?
    public var author: String?
    public var url: String
    public var published: Date
    public var category: String?
    public var categoryAr: String?
    public var source: Source
    public var stage: PipelineStage
    public var ingestedAt: Date
    public var updatedAt: Date
    /// Filled by `article(id:)` (single-article reads); empty in lists.
    public var tags: [ArticleTag] = []
    public var attribution: ArticleAttribution?
    /// The story the clustering stage put the article in (the story's id), once clustered.
    public var storyID: Int64?
    /// The primary copy when this article is a near-duplicate (syndicated or republished text).
    public var duplicateOf: Int64?
    /// Further primaries this article also copies (it bundles several wire items), ascending.
    public var alsoDuplicateOf: [Int64] = []

    public init(
        seq: Int64, id: String, title: String, body: String, summary: String?, author: String?,
        url: String, published: Date, category: String?, categoryAr: String?, source: Source,
        stage: PipelineStage, ingestedAt: Date, updatedAt: Date
    ) {
        self.seq = seq
        self.id = id
        self.title = title
        self.body = body
        self.summary = summary
        self.author = author
        self.url = url
        self.published = published
        self.category = category
        self.categoryAr = categoryAr
        self.source = source
        self.stage = stage
        self.ingestedAt = ingestedAt
        self.updatedAt = updatedAt
    }

    /// The body split into display paragraphs (blank lines and surrounding spaces dropped).
    /// Splits UTF-8 bytes at line feeds: splitting Characters runs grapheme breaking over the whole
    /// body, which dominated page rendering in profiles.
    public var paragraphs: [String] {
        body.utf8.split(separator: 10).compactMap { line in
            let text = Substring(line).trimmed
            return text.isEmpty ? nil : text
        }
    }
}

/// How far the pipeline has carried an article; stored so work survives restarts and a stage can
/// be re-run over stored articles.
public enum PipelineStage: Int, Sendable, Codable, Comparable, CaseIterable {
    case stored = 0
    /// Search text, tags, attribution and signature computed.
    case analyzed = 1
    /// Near-duplicate and story assignment done.
    case clustered = 2

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String {
        switch self {
        case .stored: "stored"
        case .analyzed: "analyzed"
        case .clustered: "clustered"
        }
    }
}

/// FNV-1a 64-bit: tiny, deterministic across runs and platforms (Swift's `Hasher` is seeded per
/// process, so it cannot be stored).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ string: String) {
        for byte in string.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public var hexDigest: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
