import Foundation

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable {
    case rss2 = "rss", rdf = "rdf", atom, jsonFeed = "json"
}

/// One entry of a feed, with links resolved and dates parsed; HTML fields are left as the feed gave them.
///
/// `title` and `author` are plain text (tags stripped, entities decoded, whitespace collapsed).
/// `summary` and `content` are HTML exactly as the feed carried it (plain-text fields such as Atom
/// `type="text"` or JSON Feed `content_text` are HTML-escaped so that both fields are always HTML);
/// they are **not** sanitized: the caller runs the sanitizer (DESIGN.md §6 rule 8).
public struct FeedItem: Sendable, Hashable, Codable {
    /// guid / Atom id / JSON Feed id / rdf:about, else the link.
    public var id: String?
    public var title: String?
    /// Absolute, normalized URI (IRIs percent-encoded as UTF-8, IDN hosts in punycode).
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var author: String?
    public var summary: String?
    /// Raw HTML as given, NOT sanitized.
    public var content: String?
    /// Absolute URI of the item's lead image (media:content/thumbnail, image enclosure, JSON Feed image).
    public var image: String?
    public var categories: [String]

    public init(id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil,
                image: String? = nil, categories: [String] = []) {
        self.id = id; self.title = title; self.link = link; self.published = published
        self.updated = updated; self.author = author; self.summary = summary; self.content = content
        self.image = image; self.categories = categories
    }

    enum CodingKeys: String, CodingKey {
        case id, title, link, published, updated, author, summary, content, image, categories
    }

    /// Writes every contract key of `khabar feed --json` (nil as `null`), so the shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(published, forKey: .published)
        try c.encode(updated, forKey: .updated)
        try c.encode(author, forKey: .author)
        try c.encode(summary, forKey: .summary)
        try c.encode(content, forKey: .content)
        try c.encodeIfPresent(image, forKey: .image)
        if !categories.isEmpty { try c.encode(categories, forKey: .categories) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        published = try c.decodeIfPresent(Date.self, forKey: .published)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        content = try c.decodeIfPresent(String.self, forKey: .content)
        image = try c.decodeIfPresent(String.self, forKey: .image)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
    }
}

/// What `FeedParser.parse` recovered from one document, plus everything that went wrong on the way.
///
/// `format == nil` means the document was not recognised as a feed (then `errors` says why, e.g.
/// `"not a feed: looks like HTML"`). A malformed feed still yields the items that could be recovered.
public struct ParsedFeed: Sendable, Codable {
    public var format: FeedFormat?
    public var title: String?
    /// The site's link (RSS channel link, Atom alternate link, JSON Feed home_page_url), absolute.
    public var link: String?
    public var items: [FeedItem]
    /// Human-readable problems, each naming a line (XML) or a field/item where possible.
    public var errors: [String]
    /// The charset the bytes were decoded from (`"utf-8"`, `"windows-1256"`, …). Not part of the CLI shape.
    public var charset: String?

    public init(format: FeedFormat? = nil, title: String? = nil, link: String? = nil, items: [FeedItem] = [],
                errors: [String] = [], charset: String? = nil) {
        self.format = format; self.title = title; self.link = link; self.items = items
        self.errors = errors; self.charset = charset
    }

    enum CodingKeys: String, CodingKey { case format, title, link, items, errors }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(items, forKey: .items)
        try c.encode(errors, forKey: .errors)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(FeedFormat.self, forKey: .format)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        items = try c.decodeIfPresent([FeedItem].self, forKey: .items) ?? []
        errors = try c.decodeIfPresent([String].self, forKey: .errors) ?? []
        charset = nil
    }

    /// The encoder for the `khabar feed --json` shape: ISO 8601 UTC dates (`2024-03-05T07:20:00Z`,
    /// milliseconds only when present), unescaped slashes, optionally pretty with sorted keys
    /// (what the golden files use).
    public static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(FeedDate.iso8601(date))
        }
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return e
    }

    /// The matching decoder (accepts what `jsonEncoder` writes, and any date `FeedDate.parse` reads).
    public static func jsonDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let s = try decoder.singleValueContainer().decode(String.self)
            guard let date = FeedDate.parse(s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(s)"))
            }
            return date
        }
        return d
    }

    /// One JSON document in the CLI shape, keys in contract order (`format`, `title`, `link`,
    /// `items` [`id`, `title`, `link`, `published`, `updated`, `author`, `summary`, `content`, then
    /// `image` and `categories` when present], `errors`): deterministic, unlike `JSONEncoder`
    /// without `.sortedKeys`.
    public func jsonString(pretty: Bool = false) -> String {
        let w = JSONWriter(pretty: pretty)
        w.object {
            w.key("format"); w.string(format?.rawValue)
            w.key("title"); w.string(title)
            w.key("link"); w.string(link)
            w.key("items")
            w.array(items) { item in
                w.object {
                    w.key("id"); w.string(item.id)
                    w.key("title"); w.string(item.title)
                    w.key("link"); w.string(item.link)
                    w.key("published"); w.string(item.published.map(FeedDate.iso8601))
                    w.key("updated"); w.string(item.updated.map(FeedDate.iso8601))
                    w.key("author"); w.string(item.author)
                    w.key("summary"); w.string(item.summary)
                    w.key("content"); w.string(item.content)
                    if let image = item.image { w.key("image"); w.string(image) }
                    if !item.categories.isEmpty { w.key("categories"); w.array(item.categories) { w.string($0) } }
                }
            }
            w.key("errors"); w.array(errors) { w.string($0) }
        }
        return w.out
    }
}

/// A minimal JSON writer (strings escaped per RFC 8259; "/" and non-ASCII left as they are).
final class JSONWriter {
    let pretty: Bool
    var out = ""
    private var depth = 0
    private var first = [true]

    init(pretty: Bool) { self.pretty = pretty }

    private func newline() {
        guard pretty else { return }
        out += "\n" + String(repeating: "  ", count: depth)
    }

    private func separator() {
        if first[first.count - 1] { first[first.count - 1] = false } else { out += "," }
        newline()
    }

    func object(_ body: () -> Void) {
        out += "{"; depth += 1; first.append(true)
        body()
        let empty = first.removeLast(); depth -= 1
        if !empty { newline() }
        out += "}"
    }

    func array<T>(_ xs: [T], _ element: (T) -> Void) {
        out += "["; depth += 1; first.append(true)
        for x in xs { separator(); element(x) }
        let empty = first.removeLast(); depth -= 1
        if !empty { newline() }
        out += "]"
    }

    func key(_ k: String) {
        separator()
        string(k)
        out += pretty ? ": " : ":"
    }

    func string(_ s: String?) {
        guard let s else { out += "null"; return }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
