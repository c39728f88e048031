import CLibXML2
import Foundation

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 from a parsed libxml2 tree.
///
/// Relative links resolve against, in order: the nearest `xml:base` (itself resolved outward), the
/// feed's own link (RSS channel link / Atom alternate link), the URL the feed was fetched from.
struct XMLFeedReader {
    let tree: XMLTree
    let url: String?
    var ns = NSCache()
    var feed = ParsedFeed()
    /// The feed link once known (the fallback base for entries).
    var feedLink: String?
    var itemCount = 0

    static let maxItems = 10_000

    init(tree: XMLTree, url: String?) {
        self.tree = tree
        self.url = url
    }

    // MARK: - Shared helpers

    mutating func error(_ n: xmlNodePtr?, _ what: String) {
        guard feed.errors.count < 200 else { return }
        if let n { feed.errors.append("line \(XNode.line(n)): \(what)") } else { feed.errors.append(what) }
    }

    /// The base in effect inside `n`: its own `xml:base` resolved against the inherited one.
    func base(of n: xmlNodePtr, inherited: String?) -> String? {
        guard let b = XNode.attribute(n, "base", xml: true) else { return inherited }
        return IRI.normalize(b, base: inherited ?? feedLink ?? url, webOnly: false) ?? inherited
    }

    /// Normalizes a link; reports refused or unresolvable ones.
    mutating func link(_ raw: String?, base: String?, field: String, at n: xmlNodePtr, item: Int?) -> String? {
        guard let raw else { return nil }
        let t = raw.trimmed()
        guard !t.isEmpty else { return nil }
        let owner = item.map { "item \($0)" } ?? "feed"
        guard let v = IRI.normalize(t, base: base ?? feedLink ?? url) else {
            error(n, "\(owner): \(field): not an http(s) link: \(t.prefix(80))")
            return nil
        }
        if !IRI.isAbsolute(v) { error(n, "\(owner): \(field): relative link with no base: \(t.prefix(80))") }
        return v
    }

    mutating func date(_ raw: String?, field: String, at n: xmlNodePtr, item: Int) -> Date? {
        guard let raw else { return nil }
        let t = raw.trimmed()
        guard !t.isEmpty else { return nil }
        if let d = FeedDate.parse(t) { return d }
        error(n, "item \(item): \(field): unreadable date \"\(t.prefix(60))\"")
        return nil
    }

    static func plainText(_ n: xmlNodePtr) -> String? {
        let t = HTMLText.plain(XNode.text(n))
        return t.isEmpty ? nil : t
    }

    static func trimmed(_ s: String) -> String? {
        let t = s.trimmed()
        return t.isEmpty ? nil : t
    }

    /// RSS `<author>`: "mail@example.com (Name)" → "Name"; "Name <mail@example.com>" → "Name".
    static func rssAuthor(_ s: String) -> String? {
        guard var t = trimmed(HTMLText.plain(s)) else { return nil }
        if t.hasSuffix(")"), let open = t.firstIndex(of: "("), t[..<open].contains("@") {
            let name = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmed()
            if !name.isEmpty { return name }
        }
        if t.hasSuffix(">"), let open = t.lastIndex(of: "<") {
            let name = t[..<open].trimmed("\"")
            if !name.isEmpty { t = name }
        }
        return t
    }

    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "svg"]

    static func looksLikeImage(url: String?, type: String?, medium: String?) -> Bool {
        if let medium { return medium.lowercased() == "image" }
        if let type { return type.lowercased().hasPrefix("image/") }
        guard let url else { return false }
        let path = IRI.split(url).path.lowercased()
        guard let dot = path.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(String(path[path.index(after: dot)...]))
    }

    /// media:content / media:thumbnail / media:group → the first image URL (content before thumbnail).
    mutating func mediaImage(_ n: xmlNodePtr, _ local: String, base: String?, item: Int) -> (content: String?, thumb: String?) {
        switch local {
        case "content":
            let u = XNode.attribute(n, "url")
            if Self.looksLikeImage(url: u, type: XNode.attribute(n, "type"), medium: XNode.attribute(n, "medium")) {
                return (link(u, base: base, field: "media:content", at: n, item: item), nil)
            }
            // A video's own thumbnail.
            for c in XNode.children(n) where ns.qname(c).ns == .media && ns.qname(c).local == "thumbnail" {
                return (nil, link(XNode.attribute(c, "url"), base: base, field: "media:thumbnail", at: c, item: item))
            }
            return (nil, nil)
        case "thumbnail":
            return (nil, link(XNode.attribute(n, "url"), base: base, field: "media:thumbnail", at: n, item: item))
        case "group":
            var best: (String?, String?) = (nil, nil)
            for c in XNode.children(n) where ns.qname(c).ns == .media {
                let r = mediaImage(c, ns.qname(c).local, base: base, item: item)
                best = (best.0 ?? r.content, best.1 ?? r.thumb)
            }
            return best
        default:
            return (nil, nil)
        }
    }

    static func appendCategory(_ s: String?, to item: inout FeedItem) {
        guard let s, let t = trimmed(HTMLText.plain(s)) else { return }
        if !item.categories.contains(t) { item.categories.append(t) }
    }

    static func isEmpty(_ i: FeedItem) -> Bool {
        i.title == nil && i.link == nil && i.id == nil && i.summary == nil && i.content == nil
    }

    mutating func add(_ item: FeedItem, _ n: xmlNodePtr, index: Int) {
        if Self.isEmpty(item) { error(n, "item \(index): empty, skipped"); return }
        feed.items.append(item)
    }

    // MARK: - RSS 2.0 and RSS 1.0 (RDF)

    mutating func readRSS(root: xmlNodePtr, format: FeedFormat) -> ParsedFeed {
        feed.format = format
        let rootBase = base(of: root, inherited: nil)
        // Channel metadata first: it gives the base for the items.
        var channel: xmlNodePtr? = nil
        if ns.qname(root).local == "channel" { channel = root } else {
            for c in XNode.children(root) where ns.qname(c).isRSS("channel") { channel = c; break }
        }
        var channelBase = rootBase
        if let ch = channel {
            channelBase = base(of: ch, inherited: rootBase)
            var atomAlternate: String? = nil
            for c in XNode.children(ch) {
                let q = ns.qname(c)
                if q.isRSS("title"), feed.title == nil { feed.title = Self.plainText(c) }
                else if q.isRSS("link"), feedLink == nil, let t = Self.trimmed(XNode.text(c)) {
                    feedLink = IRI.normalize(t, base: channelBase ?? url)
                } else if q.ns.isAtom, q.local == "link", atomAlternate == nil {
                    let rel = XNode.attribute(c, "rel") ?? "alternate"
                    if rel == "alternate", let h = XNode.attribute(c, "href") { atomAlternate = IRI.normalize(h, base: channelBase ?? url) }
                }
            }
            if feedLink == nil { feedLink = atomAlternate }
        } else {
            error(root, "feed: no <channel> element")
        }
        feed.link = feedLink
        findRSSItems(root, base: rootBase, channel: channel, channelBase: channelBase, depth: 0)
        return feed
    }

    /// Items anywhere in the tree (RSS 2.0: inside channel; RDF: beside it; recovery may nest them).
    mutating func findRSSItems(_ n: xmlNodePtr, base inherited: String?, channel: xmlNodePtr?, channelBase: String?, depth: Int) {
        guard depth < XNode.maxDepth else { return }
        var c = n.pointee.children
        while let x = c {
            defer { c = x.pointee.next }
            guard XNode.isElement(x) else { continue }
            let q = ns.qname(x)
            let b = x == channel ? channelBase : base(of: x, inherited: inherited)
            if q.isRSS("item") {
                itemCount += 1
                if itemCount > Self.maxItems {
                    if itemCount == Self.maxItems + 1 { error(x, "feed: more than \(Self.maxItems) items, the rest ignored") }
                    return
                }
                let index = itemCount
                let item = rssItem(x, index: index, base: b)
                add(item, x, index: index)
            }
            // Descend (also into items: recovery may have nested the next item inside this one).
            if x.pointee.children != nil { findRSSItems(x, base: b, channel: channel, channelBase: channelBase, depth: depth + 1) }
        }
    }

    mutating func rssItem(_ n: xmlNodePtr, index: Int, base b: String?) -> FeedItem {
        var item = FeedItem()
        var linkText: String? = nil, guid: String? = nil, guidIsPermalink = true, atomLink: String? = nil
        var pubDate: String? = nil, dcDate: String? = nil, updated: String? = nil
        var author: String? = nil, creators: [String] = []
        var mediaContent: String? = nil, mediaThumb: String? = nil, enclosureImage: String? = nil, otherImage: String? = nil
        var xhtmlBody: String? = nil
        for c in XNode.children(n) {
            let q = ns.qname(c)
            switch q.ns {
            case .none, .rss10, .rss090, .userland:
                switch q.local {
                case "title": if item.title == nil { item.title = Self.plainText(c) }
                case "link": if linkText == nil { linkText = Self.trimmed(XNode.text(c)) }
                case "guid":
                    if guid == nil {
                        guid = Self.trimmed(XNode.text(c))
                        guidIsPermalink = XNode.attribute(c, "isPermaLink")?.lowercased() != "false"
                    }
                case "pubDate": if pubDate == nil { pubDate = XNode.text(c) }
                case "description": if item.summary == nil { item.summary = Self.trimmed(XNode.innerMarkup(c, doc: tree.doc)) }
                case "author": if author == nil { author = Self.rssAuthor(XNode.text(c)) }
                case "category": Self.appendCategory(XNode.text(c), to: &item)
                case "enclosure":
                    let u = XNode.attribute(c, "url")
                    if enclosureImage == nil, Self.looksLikeImage(url: u, type: XNode.attribute(c, "type"), medium: nil) {
                        enclosureImage = link(u, base: b, field: "enclosure", at: c, item: index)
                    }
                case "image":
                    if otherImage == nil, let u = Self.trimmed(XNode.text(c)) { otherImage = link(u, base: b, field: "image", at: c, item: index) }
                default: break
                }
            case .content:
                if q.local == "encoded", item.content == nil { item.content = Self.trimmed(XNode.innerMarkup(c, doc: tree.doc)) }
            case .dc:
                switch q.local {
                case "creator", "contributor": if let a = Self.trimmed(HTMLText.plain(XNode.text(c))), q.local == "creator" { creators.append(a) }
                case "date": if dcDate == nil { dcDate = XNode.text(c) }
                case "subject": Self.appendCategory(XNode.text(c), to: &item)
                case "identifier": if guid == nil { guid = Self.trimmed(XNode.text(c)); guidIsPermalink = false }
                default: break
                }
            case .dcterms:
                switch q.local {
                case "modified": if updated == nil { updated = XNode.text(c) }
                case "issued", "created", "date": if dcDate == nil { dcDate = XNode.text(c) }
                default: break
                }
            case .atom, .atom03:
                switch q.local {
                case "link":
                    let rel = XNode.attribute(c, "rel") ?? "alternate"
                    let href = XNode.attribute(c, "href")
                    if rel == "alternate", atomLink == nil { atomLink = href }
                    else if rel == "enclosure", enclosureImage == nil,
                            Self.looksLikeImage(url: href, type: XNode.attribute(c, "type"), medium: nil) {
                        enclosureImage = link(href, base: b, field: "atom:link", at: c, item: index)
                    }
                case "updated", "modified": if updated == nil { updated = XNode.text(c) }
                case "published", "issued": if dcDate == nil { dcDate = XNode.text(c) }
                case "author":
                    for a in XNode.children(c) where ns.qname(a).local == "name" {
                        if let s = Self.plainText(a) { creators.append(s) }
                    }
                case "id": if guid == nil { guid = Self.trimmed(XNode.text(c)); guidIsPermalink = false }
                default: break
                }
            case .media:
                let r = mediaImage(c, q.local, base: b, item: index)
                mediaContent = mediaContent ?? r.content
                mediaThumb = mediaThumb ?? r.thumb
            case .itunes:
                if q.local == "image", otherImage == nil {
                    otherImage = link(XNode.attribute(c, "href"), base: b, field: "itunes:image", at: c, item: index)
                }
            case .xhtml:
                if q.local == "body", xhtmlBody == nil { xhtmlBody = Self.trimmed(innerXHTML(c)) }
            case .rdf, .xml, .other:
                break
            }
        }
        if item.content == nil { item.content = xhtmlBody }
        // Link: <link>, else an alternate atom:link, else a permalink guid.
        item.link = link(linkText, base: b, field: "link", at: n, item: index)
            ?? link(atomLink, base: b, field: "atom:link", at: n, item: index)
        if item.link == nil, let g = guid, guidIsPermalink, g.lowercased().hasPrefix("http") {
            item.link = IRI.normalize(g, base: b ?? feedLink ?? url)
        }
        let about = XNode.attribute(n, "about").flatMap(Self.trimmed)   // rdf:about
        item.id = guid ?? about ?? item.link
        item.published = date(pubDate, field: "pubDate", at: n, item: index)
            ?? date(dcDate, field: "dc:date", at: n, item: index)
        item.updated = date(updated, field: "updated", at: n, item: index)
        item.author = creators.isEmpty ? author : creators.joined(separator: ", ")
        item.image = mediaContent ?? mediaThumb ?? enclosureImage ?? otherImage
        return item
    }

    /// Children of an XHTML container serialized (the container itself left out).
    func innerXHTML(_ n: xmlNodePtr) -> String {
        var out = ""
        var c = n.pointee.children
        while let x = c {
            switch x.pointee.type {
            case XML_TEXT_NODE:
                if let content = x.pointee.content { out += HTMLText.escape(String(cString: content)) }
            case XML_CDATA_SECTION_NODE:
                if let content = x.pointee.content { out += HTMLText.escape(String(cString: content)) }
            case XML_ENTITY_REF_NODE:
                out += HTMLText.escape(XNode.entityText(x))
            case XML_ELEMENT_NODE:
                out += XNode.serialize(x, doc: tree.doc)
            default: break
            }
            c = x.pointee.next
        }
        return out
    }

    // MARK: - Atom

    /// An Atom text construct (`type` text | html | xhtml) as HTML.
    func atomHTML(_ n: xmlNodePtr) -> String? {
        let type = (XNode.attribute(n, "type") ?? "text").lowercased()
        switch type {
        case "xhtml":
            // The content is one xhtml:div whose children are the markup.
            for c in XNode.children(n) where c.pointee.name.map({ strcmp($0, "div") == 0 }) ?? false {
                return Self.trimmed(innerXHTML(c))
            }
            return Self.trimmed(innerXHTML(n))
        case "html", "text/html":
            return Self.trimmed(XNode.innerMarkup(n, doc: tree.doc))
        default:
            if XNode.attribute(n, "mode") == "escaped" { return Self.trimmed(XNode.text(n)) }   // Atom 0.3
            if type.hasPrefix("text") || type.isEmpty { return Self.trimmed(XNode.text(n)).map(HTMLText.escape) }
            if type.hasSuffix("xml") { return Self.trimmed(innerXHTML(n)) }
            return nil        // base64 media types: not HTML
        }
    }

    /// An Atom text construct as plain text.
    static func atomPlain(_ n: xmlNodePtr) -> String? {
        let type = (XNode.attribute(n, "type") ?? "text").lowercased()
        let raw = XNode.text(n)
        let t = type == "html" || type == "xhtml" || XNode.attribute(n, "mode") == "escaped"
            ? HTMLText.plain(raw) : HTMLText.plain(raw, stripTags: false)
        return t.isEmpty ? nil : t
    }

    mutating func atomPersons(_ n: xmlNodePtr) -> String? {
        var name: String? = nil, email: String? = nil
        for c in XNode.children(n) {
            let q = ns.qname(c)
            if q.local == "name" { name = Self.plainText(c) } else if q.local == "email" { email = Self.trimmed(XNode.text(c)) }
        }
        return name ?? email ?? Self.plainText(n)
    }

    /// The alternate link of a feed or entry: rel="alternate" (or no rel), text/html preferred.
    mutating func atomLinks(_ n: xmlNodePtr, base b: String?) -> (alternate: String?, image: String?, altNode: xmlNodePtr?) {
        var alternates: [(String, String?, xmlNodePtr)] = []
        var image: String? = nil
        for c in XNode.children(n) {
            let q = ns.qname(c)
            guard q.ns.isAtom || q.ns == .none, q.local == "link", let href = XNode.attribute(c, "href") else { continue }
            let rel = XNode.attribute(c, "rel") ?? "alternate"
            let lb = base(of: c, inherited: b)
            if rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate" {
                alternates.append((href, XNode.attribute(c, "type"), c))
            } else if rel == "enclosure", image == nil,
                      Self.looksLikeImage(url: href, type: XNode.attribute(c, "type"), medium: nil) {
                image = IRI.normalize(href, base: lb ?? feedLink ?? url)
            }
        }
        let pick = alternates.first { ($0.1 ?? "text/html").lowercased().contains("html") } ?? alternates.first
        guard let pick else { return (nil, image, nil) }
        return (pick.0, image, pick.2)
    }

    mutating func readAtom(root: xmlNodePtr) -> ParsedFeed {
        feed.format = .atom
        let feedBase = base(of: root, inherited: nil)
        var feedAuthor: String? = nil
        let links = atomLinks(root, base: feedBase)
        if let alt = links.alternate, let node = links.altNode {
            let lb = base(of: node, inherited: feedBase)
            feedLink = IRI.normalize(alt, base: lb ?? url)
        }
        feed.link = feedLink
        var entries: [xmlNodePtr] = []
        for c in XNode.children(root) {
            let q = ns.qname(c)
            guard q.ns.isAtom || q.ns == .none else { continue }
            switch q.local {
            case "title": if feed.title == nil { feed.title = Self.atomPlain(c) }
            case "author": if feedAuthor == nil { feedAuthor = atomPersons(c) }
            case "entry": entries.append(c)
            default: break
            }
        }
        // Recovery can nest entries inside other elements: look one level into non-entry children too.
        collectNestedEntries(root, into: &entries, depth: 0)
        for e in entries {
            itemCount += 1
            if itemCount > Self.maxItems { error(e, "feed: more than \(Self.maxItems) items, the rest ignored"); break }
            let item = atomEntry(e, index: itemCount, base: base(of: e, inherited: feedBase), feedAuthor: feedAuthor)
            add(item, e, index: itemCount)
        }
        return feed
    }

    /// Entries nested inside other elements (malformed input recovered by libxml2), in document order.
    mutating func collectNestedEntries(_ n: xmlNodePtr, into out: inout [xmlNodePtr], depth: Int) {
        guard depth < XNode.maxDepth else { return }
        for c in XNode.children(n) {
            if depth > 0, ns.qname(c).local == "entry", ns.qname(c).ns.isAtom || ns.qname(c).ns == .none {
                out.append(c)
            }
            if c.pointee.children != nil { collectNestedEntries(c, into: &out, depth: depth + 1) }
        }
    }

    mutating func atomEntry(_ n: xmlNodePtr, index: Int, base b: String?, feedAuthor: String?) -> FeedItem {
        var item = FeedItem()
        var published: String? = nil, updated: String? = nil
        var authors: [String] = []
        var mediaContent: String? = nil, mediaThumb: String? = nil
        var contentSrc: String? = nil
        for c in XNode.children(n) {
            let q = ns.qname(c)
            switch q.ns {
            case .atom, .atom03, .none:
                switch q.local {
                case "id": if item.id == nil { item.id = Self.trimmed(XNode.text(c)) }
                case "title": if item.title == nil { item.title = Self.atomPlain(c) }
                case "published", "issued": if published == nil { published = XNode.text(c) }
                case "updated", "modified": if updated == nil { updated = XNode.text(c) }
                case "author": if let a = atomPersons(c) { authors.append(a) }
                case "summary": if item.summary == nil { item.summary = atomHTML(c) }
                case "content":
                    if item.content == nil {
                        if let src = XNode.attribute(c, "src") { contentSrc = src } else { item.content = atomHTML(c) }
                    }
                case "category":
                    Self.appendCategory(XNode.attribute(c, "label") ?? XNode.attribute(c, "term"), to: &item)
                default: break
                }
            case .media:
                let r = mediaImage(c, q.local, base: b, item: index)
                mediaContent = mediaContent ?? r.content
                mediaThumb = mediaThumb ?? r.thumb
            case .dc:
                if q.local == "creator", let a = Self.plainText(c) { authors.append(a) }
                if q.local == "date", published == nil { published = XNode.text(c) }
            default: break
            }
        }
        let links = atomLinks(n, base: b)
        if let alt = links.alternate {
            let lb = links.altNode.map { base(of: $0, inherited: b) } ?? b
            item.link = link(alt, base: lb, field: "link", at: links.altNode ?? n, item: index)
        }
        if item.link == nil, let src = contentSrc { item.link = link(src, base: b, field: "content src", at: n, item: index) }
        if item.id == nil { item.id = item.link }
        item.published = date(published, field: "published", at: n, item: index)
        item.updated = date(updated, field: "updated", at: n, item: index)
        item.author = authors.isEmpty ? feedAuthor : authors.joined(separator: ", ")
        item.image = mediaContent ?? mediaThumb ?? links.image
        return item
    }
}

extension QName {
    /// A plain RSS element with this local name.
    func isRSS(_ name: String) -> Bool { ns.isRSSCore && local == name }
}
