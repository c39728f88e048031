import Foundation
import KhabarModel

/// The three feed formats every list page is offered in (DESIGN.md §5: `/feed.rss`,
/// `/tag/{slug}.atom`, `/search.json?q=` …).
public enum SyndicationFormat: String, CaseIterable, Sendable {
    case rss, atom, json

    public var contentType: String {
        switch self {
        case .rss: return "application/rss+xml; charset=utf-8"
        case .atom: return "application/atom+xml; charset=utf-8"
        case .json: return "application/feed+json; charset=utf-8"
        }
    }

    /// What the page head's `<link rel="alternate">` names it.
    var label: String {
        switch self {
        case .rss: return "RSS"
        case .atom: return "Atom"
        case .json: return "JSON Feed"
        }
    }

    /// Splits a path component such as `russia.rss` into the page's own component and the format;
    /// nil when it does not end in a feed suffix. Tag slugs, story and source ids never hold a dot,
    /// so a dot always starts the suffix.
    public static func split(_ component: String) -> (String, SyndicationFormat)? {
        guard let dot = component.lastIndex(of: "."),
              let format = SyndicationFormat(rawValue: String(component[component.index(after: dot)...])) else { return nil }
        let name = String(component[..<dot])
        return name.isEmpty ? nil : (name, format)
    }
}

/// One feed: a list page's articles with absolute links, rendered as RSS 2.0, Atom 1.0 or JSON
/// Feed 1.1. A value built by the site; rendering is a pure function of it (golden-tested).
public struct SyndicationFeed: Sendable {
    public struct Entry: Sendable {
        /// The article's page on this site: the entry's id and link.
        public var url: String
        public var title: String
        /// The outlet's own page of the article (http/https only).
        public var externalURL: String?
        public var published: Date
        /// When the outlet last changed the article, if it said so: Atom's `updated` and JSON Feed's
        /// `date_modified` are the entry's own revision time (RFC 4287 §4.2.15: a change the
        /// publisher considers significant), never when this site stored or re-stored it (an
        /// import of 2018 articles dated them all 2026). Nil: the entry was not revised as far as
        /// we know, so Atom's required `updated` is its publication and JSON Feed leaves the
        /// optional `date_modified` out.
        public var updated: Date?
        /// When this site last stored a change to the article: only the answer's `Last-Modified`
        /// reads it (a feed whose entries this site revised or newly took in has changed as an
        /// HTTP resource, whatever the articles' own dates say). Nil in a feed built without it.
        public var stored: Date?
        public var author: String?
        public var sourceName: String
        /// The outlet's page on this site.
        public var sourceURL: String
        public var summary: String
        public var paragraphs: [String]
        public var category: String?

        public init(url: String, title: String, externalURL: String?, published: Date, updated: Date?, stored: Date? = nil,
                    author: String?, sourceName: String, sourceURL: String, summary: String, paragraphs: [String], category: String?) {
            self.url = url
            self.title = title
            self.externalURL = externalURL
            self.published = published
            self.updated = updated
            self.stored = stored
            self.author = author
            self.sourceName = sourceName
            self.sourceURL = sourceURL
            self.summary = summary
            self.paragraphs = paragraphs
            self.category = category
        }

        /// The entry's `updated`: its own revision time, else its publication.
        public var revised: Date { max(updated ?? published, published) }
    }

    public var title: String
    public var description: String
    /// The HTML page the feed mirrors (absolute).
    public var pageURL: String
    /// The same page's feed without its suffix (absolute): `feedBase + ".rss"` is the RSS feed.
    public var feedBase: String
    public var entries: [Entry]
    /// The feed's `updated` (Atom), `lastBuildDate` (RSS): its newest entry's, as the entries date
    /// themselves (`Entry.revised`); the given date when there are none.
    public var updated: Date
    /// The answer's `Last-Modified`: the newest time this site stored a change to an entry, and
    /// never before `updated`; `updated` when the entries do not say.
    public var lastModified: Date

    public init(title: String, description: String, pageURL: String, feedBase: String, entries: [Entry], emptyUpdated: Date) {
        self.title = title
        self.description = description
        self.pageURL = pageURL
        self.feedBase = feedBase
        self.entries = entries
        updated = entries.map(\.revised).max() ?? emptyUpdated
        lastModified = max(updated, entries.compactMap(\.stored).max() ?? updated)
    }

    /// The query the feed's address carries ("?q=…" for a search), after the suffix.
    public var feedQuery = ""

    public func feedURL(_ format: SyndicationFormat) -> String { feedBase + "." + format.rawValue + feedQuery }

    public func render(_ format: SyndicationFormat) -> String {
        switch format {
        case .rss: return rss()
        case .atom: return atom()
        case .json: return json()
        }
    }

    /// The entry's body as HTML: escaped paragraphs in a right-to-left block, then the outlet
    /// line and the link to the original. Readers show feed HTML without our stylesheet, so the
    /// direction is set on the block itself.
    static func contentHTML(_ e: Entry) -> String {
        var html = #"<div dir="rtl" lang="ar">"#
        for p in e.paragraphs { html += "<p>" + HTMLText.isolated(p) + "</p>" }
        html += #"<p>المصدر: <a href=""# + HTMLText.escape(e.sourceURL) + #"">"# + HTMLText.isolated(e.sourceName) + "</a>"
        if let external = e.externalURL {
            html += #" · <a href=""# + HTMLText.escape(external) + #"">النص في موقعه الأصلي</a>"#
        }
        return html + "</p></div>"
    }

    // MARK: RSS 2.0

    func rss() -> String {
        var x = XMLWriter()
        x.raw(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
        x.raw(#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">"# + "\n")
        x.raw("<channel>\n")
        x.element("title", title)
        x.element("link", pageURL)
        x.element("description", description)
        x.element("language", "ar")
        x.element("lastBuildDate", DateParsing.rfc822(updated))
        x.empty("atom:link", ["href": feedURL(.rss), "rel": "self", "type": "application/rss+xml"])
        x.element("generator", "Khabar")
        for e in entries {
            x.raw("<item>\n")
            x.element("title", e.title)
            x.element("link", e.url)
            x.element("guid", e.url, ["isPermaLink": "true"])
            x.element("pubDate", DateParsing.rfc822(e.published))
            if let author = e.author { x.element("dc:creator", author) }
            if let category = e.category { x.element("category", category) }
            x.element("source", e.sourceName, ["url": e.sourceURL + ".rss"])
            // RSS readers take a description as HTML: the plain summary is escaped as HTML text
            // first, so markup in it shows as text and never runs
            x.element("description", HTMLText.escape(e.summary))
            x.element("content:encoded", Self.contentHTML(e))
            x.raw("</item>\n")
        }
        x.raw("</channel>\n</rss>\n")
        return x.text
    }

    // MARK: Atom 1.0

    func atom() -> String {
        var x = XMLWriter()
        x.raw(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
        x.raw(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">"# + "\n")
        x.element("title", title)
        x.element("subtitle", description)
        x.element("id", feedURL(.atom))
        x.empty("link", ["rel": "alternate", "type": "text/html", "href": pageURL])
        x.empty("link", ["rel": "self", "type": "application/atom+xml", "href": feedURL(.atom)])
        x.element("updated", DateParsing.iso8601(updated))
        x.element("generator", "Khabar")
        for e in entries {
            x.raw("<entry>\n")
            x.element("title", e.title)
            x.element("id", e.url)
            x.empty("link", ["rel": "alternate", "type": "text/html", "href": e.url])
            if let external = e.externalURL { x.empty("link", ["rel": "related", "type": "text/html", "href": external]) }
            x.element("published", DateParsing.iso8601(e.published))
            x.element("updated", DateParsing.iso8601(e.revised))
            // Atom wants an author on every entry of a feed without one: the byline, else the outlet.
            x.raw("<author>")
            x.element("name", e.author ?? e.sourceName, newline: false)
            x.raw("</author>\n")
            if let category = e.category { x.empty("category", ["term": category]) }
            x.element("summary", e.summary, ["type": "text"])
            x.element("content", Self.contentHTML(e), ["type": "html"])
            x.raw("</entry>\n")
        }
        x.raw("</feed>\n")
        return x.text
    }

    // MARK: JSON Feed 1.1

    struct JSONFeed: Encodable {
        struct Author: Encodable { var name: String }
        struct Item: Encodable {
            var id: String
            var url: String
            var externalURL: String?
            var title: String
            var summary: String
            var contentHTML: String
            var published: String
            /// Left out when the entry was not revised as far as we know (JSON Feed 1.1: optional).
            var modified: String?
            var authors: [Author]
            var tags: [String]?

            enum CodingKeys: String, CodingKey {
                case id, url, title, summary, authors, tags
                case externalURL = "external_url", contentHTML = "content_html"
                case published = "date_published", modified = "date_modified"
            }
        }
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var description: String
        var homePageURL: String
        var feedURL: String
        var language = "ar"
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url", feedURL = "feed_url"
        }
    }

    /// JSON could carry control characters escaped, but the XML formats cannot: all three drop
    /// them, so a reader gets the same text whichever it picks.
    func json() -> String {
        let text = XMLWriter.allowed
        let feed = JSONFeed(
            title: text(title), description: text(description), homePageURL: pageURL, feedURL: feedURL(.json),
            items: entries.map { e in
                JSONFeed.Item(id: e.url, url: e.url, externalURL: e.externalURL, title: text(e.title), summary: text(e.summary),
                              contentHTML: text(Self.contentHTML(e)), published: DateParsing.iso8601(e.published),
                              modified: e.updated.map { _ in DateParsing.iso8601(e.revised) },
                              authors: [JSONFeed.Author(name: text(e.author ?? e.sourceName))],
                              tags: e.category.map { [text($0)] })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(feed)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A plain-text summary: the outlet's summary when it has one, else the first paragraph, cut
    /// at a word boundary near `limit` characters.
    public static func summary(_ summary: String?, paragraphs: [String], limit: Int = 280) -> String {
        if let s = summary?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty { return s }
        guard let first = paragraphs.first else { return "" }
        if first.count <= limit { return first }
        let cut = first.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: .whitespaces) + "…"
    }
}

/// Appends XML with every text and attribute escaped, and with the characters XML 1.0 forbids
/// (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) dropped: fetched
/// text sometimes holds them, and one of them makes a whole feed unreadable to a strict parser.
struct XMLWriter {
    var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func element(_ name: String, _ value: String, _ attributes: KeyValuePairs<String, String> = [:], newline: Bool = true) {
        text += "<" + name
        for (k, v) in attributes { text += " " + k + "=\"" + Self.escape(v) + "\"" }
        text += ">" + Self.escape(value) + "</" + name + ">"
        if newline { text += "\n" }
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<" + name
        for (k, v) in attributes { text += " " + k + "=\"" + Self.escape(v) + "\"" }
        text += "/>\n"
    }

    /// Escaped as HTML text is (`HTMLText.escape`, whose entities XML knows), after the forbidden
    /// characters are dropped.
    static func escape(_ s: String) -> String { HTMLText.escape(allowed(s)) }

    /// `s` without the characters XML 1.0 forbids.
    static func allowed(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isForbidden) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !isForbidden(u) { out.append(u) }
        return String(out)
    }

    private static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
