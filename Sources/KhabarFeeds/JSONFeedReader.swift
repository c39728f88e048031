import Foundation

/// A JSON value from the tolerant parser below.
indirect enum JSONValue {
    case null, bool(Bool), number(Double, String), string(String), array([JSONValue]), object([String: JSONValue])

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? {
        switch self {
        case .string(let s): return s
        case .number(_, let raw): return raw       // JSON Feed ids are sometimes numbers
        default: return nil
        }
    }

    var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

/// A small JSON parser that keeps what it read before an error (a truncated JSON Feed still yields
/// its complete items) and reports the error with a line number. Depth-limited.
struct TolerantJSON {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    private(set) var error: String?
    static let maxDepth = 64

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    private var line: Int { b[..<min(i, b.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    private mutating func fail(_ what: String) {
        if error == nil { error = "line \(line): JSON: \(what)" }
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Parses one document; `value` is whatever could be built (nil if nothing).
    mutating func parse() -> JSONValue? {
        skipSpace()
        let v = value(depth: 0)
        if error == nil {
            skipSpace()
            if i < b.count { fail("unexpected data after the document") }
        }
        return v
    }

    private mutating func value(depth: Int) -> JSONValue? {
        guard depth < Self.maxDepth else { fail("nested deeper than \(Self.maxDepth)"); return nil }
        skipSpace()
        guard i < b.count else { fail("unexpected end of data"); return nil }
        switch b[i] {
        case 0x7B: return object(depth: depth)
        case 0x5B: return array(depth: depth)
        case 0x22: return string().map { .string($0) }
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString, _ v: JSONValue) -> JSONValue? {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { fail("unexpected end of data"); return nil }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { fail("unexpected character"); return nil }
        i += n
        return v
    }

    private mutating func number() -> JSONValue? {
        let start = i
        while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { i += 1 }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let d = Double(raw) else { fail(i < b.count ? "unexpected character" : "unexpected end of data"); return nil }
        return .number(d, raw)
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    private mutating func string() -> String? {
        i += 1
        var out = [UInt8]()
        var start = i
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                i += 1
                guard i < b.count else { break }
                let e = b[i]; i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var u = hex4() else { fail("bad \\u escape"); return nil }
                    if u >= 0xD800 && u < 0xDC00, i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                        i += 2
                        if let lo = hex4(), lo >= 0xDC00 && lo < 0xE000 { u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00) }
                        else { u = 0xFFFD }
                    }
                    let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: fail("bad escape"); return nil
                }
                start = i
                continue
            }
            i += 1
        }
        fail("unexpected end of data inside a string")
        return nil
    }

    private mutating func array(depth: Int) -> JSONValue? {
        i += 1
        var out: [JSONValue] = []
        skipSpace()
        if i < b.count, b[i] == 0x5D { i += 1; return .array(out) }
        while true {
            let v = value(depth: depth + 1)
            if let v { out.append(v) }
            if error != nil { return .array(out) }
            skipSpace()
            guard i < b.count else { fail("unexpected end of data"); return .array(out) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; return .array(out) }
            fail("expected , or ]"); return .array(out)
        }
    }

    private mutating func object(depth: Int) -> JSONValue? {
        i += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if i < b.count, b[i] == 0x7D { i += 1; return .object(out) }
        while true {
            skipSpace()
            guard i < b.count else { fail("unexpected end of data"); return .object(out) }
            guard b[i] == 0x22, let key = string() else { fail("expected a key"); return .object(out) }
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { fail(i < b.count ? "expected :" : "unexpected end of data"); return .object(out) }
            i += 1
            let v = value(depth: depth + 1)
            if let v { out[key] = v }
            if error != nil { return .object(out) }
            skipSpace()
            guard i < b.count else { fail("unexpected end of data"); return .object(out) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return .object(out) }
            fail("expected , or }"); return .object(out)
        }
    }
}

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    static func read(_ utf8: UnsafeBufferPointer<UInt8>, url: String?) -> ParsedFeed {
        var parser = TolerantJSON(utf8)
        let root = parser.parse()
        var feed = ParsedFeed()
        if let e = parser.error { feed.errors.append(e) }
        guard let root, case .object = root else {
            feed.errors.append("not a feed: JSON without an object at the top")
            return feed
        }
        let version = root["version"]?.string ?? ""
        guard version.contains("jsonfeed.org") || root["items"] != nil else {
            feed.errors.append("not a feed: JSON without \"version\" or \"items\"")
            return feed
        }
        if !version.contains("jsonfeed.org") { feed.errors.append("feed: version: missing or unknown \"\(version)\"") }
        feed.format = .jsonFeed
        feed.title = root["title"]?.string.map { HTMLText.plain($0, stripTags: false) }.flatMap { $0.isEmpty ? nil : $0 }
        let feedURL = root["feed_url"]?.string.flatMap { IRI.normalize($0, base: url) }
        feed.link = root["home_page_url"]?.string.flatMap { IRI.normalize($0, base: url ?? feedURL) }
        let base = feed.link ?? url ?? feedURL
        let feedAuthor = authors(root)
        guard let items = root["items"]?.array else {
            feed.errors.append("feed: items: missing or not an array")
            return feed
        }
        for (k, v) in items.prefix(XMLFeedReader.maxItems).enumerated() {
            let index = k + 1
            guard case .object = v else { feed.errors.append("item \(index): not an object"); continue }
            var item = FeedItem()
            item.title = v["title"]?.string.map { HTMLText.plain($0, stripTags: false) }.flatMap { $0.isEmpty ? nil : $0 }
            func link(_ key: String) -> String? {
                guard let raw = v[key]?.string, !raw.isEmpty else { return nil }
                guard let l = IRI.normalize(raw, base: base) else {
                    feed.errors.append("item \(index): \(key): not an http(s) link: \(raw.prefix(80))")
                    return nil
                }
                return l
            }
            item.link = link("url") ?? link("external_url")
            item.id = v["id"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? item.link
            if let html = v["content_html"]?.string, !html.isEmpty { item.content = html }
            else if let text = v["content_text"]?.string, !text.isEmpty { item.content = HTMLText.escape(text) }
            if let s = v["summary"]?.string, !s.isEmpty { item.summary = HTMLText.escape(s) }
            func date(_ key: String) -> Date? {
                guard let raw = v[key]?.string, !raw.isEmpty else { return nil }
                if let d = FeedDate.parse(raw) { return d }
                feed.errors.append("item \(index): \(key): unreadable date \"\(raw.prefix(60))\"")
                return nil
            }
            item.published = date("date_published")
            item.updated = date("date_modified")
            item.author = authors(v) ?? feedAuthor
            item.image = link("image") ?? link("banner_image")
            for t in v["tags"]?.array ?? [] {
                if let s = t.string, !s.isEmpty, !item.categories.contains(s) { item.categories.append(s) }
            }
            if XMLFeedReader.isEmpty(item) { feed.errors.append("item \(index): empty, skipped"); continue }
            feed.items.append(item)
        }
        if items.count > XMLFeedReader.maxItems { feed.errors.append("feed: more than \(XMLFeedReader.maxItems) items, the rest ignored") }
        return feed
    }

    /// `authors: [{name}]` (1.1) or `author: {name}` (1.0).
    static func authors(_ v: JSONValue) -> String? {
        var names: [String] = []
        for a in v["authors"]?.array ?? [] { if let n = a["name"]?.string, !n.isEmpty { names.append(n) } }
        if names.isEmpty, let n = v["author"]?["name"]?.string, !n.isEmpty { names.append(n) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
