import CLibXML2
import Foundation

/// The module's front door: bytes of RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed in any supported
/// charset → `ParsedFeed`. Never throws, never crashes, always terminates.
///
/// Steps: size cap → charset (`CharsetDecoder`) → JSON Feed if the body starts with `{` → HTML
/// check → internal DTD subset blanked (entities are never expanded) → libxml2 in recover mode →
/// if libxml2 found the document malformed, a second parse after `XMLPrepass.fixEntities` (so
/// recovery keeps `&amp;`, HTML entities and bare `&`) whose tree is used, with the first parse's
/// errors reported (they describe the document as it was) → the format reader.
public enum FeedParser {
    /// Bytes beyond this are not parsed (the first part is, and an error says so).
    public static let maxBytes = 32 << 20

    public static func parse(_ data: Data, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        data.withUnsafeBytes { raw in
            parse(raw.bindMemory(to: UInt8.self), contentType: contentType, url: url)
        }
    }

    public static func parse(_ bytes: [UInt8], contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        bytes.withUnsafeBufferPointer { parse($0, contentType: contentType, url: url) }
    }

    public static func parse(_ input: UnsafeBufferPointer<UInt8>, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        var notes: [String] = []
        var bytes = input
        if bytes.count > maxBytes {
            notes.append("document too large (\(bytes.count) bytes): only the first \(maxBytes) parsed")
            bytes = UnsafeBufferPointer(rebasing: bytes[..<maxBytes])
        }
        let baseURL = url.flatMap { IRI.normalize($0, webOnly: false) }
        // UTF-8 is not validated up front (libxml2 checks every byte anyway); when libxml2 reports a
        // non-UTF-8 byte, or the body is JSON, decoding runs again with validation, which repairs
        // the bytes (U+FFFD) or, with no charset declared, tries windows-1256.
        var decoded = CharsetDecoder.decodeToUTF8(bytes, contentType: contentType, avoidCopy: true, lazyUTF8: true)
        var feed: ParsedFeed
        var attempt = 0
        while true {
            attempt += 1
            var sawEncodingError = false
            if decoded.useInput {
                feed = parseUTF8(UnsafeBufferPointer(rebasing: bytes[decoded.detection.skip...]), url: baseURL,
                                 unverified: decoded.detection.unverified, encodingError: &sawEncodingError)
            } else {
                feed = decoded.utf8.withUnsafeBufferPointer {
                    parseUTF8($0, url: baseURL, unverified: false, encodingError: &sawEncodingError)
                }
            }
            guard sawEncodingError, attempt == 1 else { break }
            decoded = CharsetDecoder.decodeToUTF8(bytes, contentType: contentType, avoidCopy: true, lazyUTF8: false)
        }
        if let note = decoded.detection.note { notes.append(note) }
        feed.charset = decoded.detection.charset
        if !notes.isEmpty { feed.errors.insert(contentsOf: notes, at: 0) }
        return feed
    }

    /// `unverified`: the bytes were not checked for UTF-8; sets `encodingError` (and returns early)
    /// when they must be, so that the caller decodes again with validation.
    static func parseUTF8(_ b: UnsafeBufferPointer<UInt8>, url: String?, unverified: Bool, encodingError: inout Bool) -> ParsedFeed {
        var start = 0
        while start < b.count, b[start] == 0x20 || b[start] == 0x09 || b[start] == 0x0A || b[start] == 0x0D { start += 1 }
        guard start < b.count else { return ParsedFeed(errors: ["empty document"]) }
        if b[start] == 0x7B || b[start] == 0x5B {
            if unverified { encodingError = !CharsetDecoder.isValidUTF8(b); if encodingError { return ParsedFeed() } }
            return JSONFeedReader.read(b, url: url)
        }
        guard b[start] == 0x3C else {
            // Text before the feed (a PHP warning, a stray byte): blank it out (newlines kept, so
            // line numbers stay true) when a feed starts within the first 4 KB.
            guard let k = feedStart(b, from: start) else {
                return ParsedFeed(errors: ["not a feed: the document does not start with XML or JSON"])
            }
            var copy = Array(b)
            for i in 0..<k where copy[i] != 0x0A { copy[i] = 0x20 }
            let line = XMLPrepass.count(b, 0x0A, 0..<start) + 1
            var feed = copy.withUnsafeBufferPointer { parseUTF8($0, url: url, unverified: unverified, encodingError: &encodingError) }
            feed.errors.insert("line \(line): \(k) bytes of text before the feed ignored", at: 0)
            return feed
        }
        let prolog = XMLPrepass.prolog(b)
        if prolog.doctypeHTML || rootIsHTML(b, prolog) { return htmlPage(b, url: url) }

        // Blank the internal DTD subset (a copy; the caller's bytes stay untouched).
        var owned: [UInt8]? = nil
        var notes: [String] = []
        if let subset = prolog.internalSubset {
            var copy = Array(b)
            XMLPrepass.blankInternalSubset(&copy, subset)
            owned = copy
            notes.append("line \(prolog.doctypeLine): DOCTYPE internal subset ignored (entities are never expanded)")
        }
        func parseTree(_ p: UnsafeBufferPointer<UInt8>) -> XMLTree? { XMLTree.parse(p, url: url) }
        var tree: XMLTree?
        var xmlErrors: [String] = []
        if let owned { tree = owned.withUnsafeBufferPointer(parseTree) } else { tree = parseTree(b) }
        if unverified, tree?.encodingError == true { encodingError = true; return ParsedFeed() }
        xmlErrors = tree?.errors ?? []
        if tree == nil || tree?.wellFormed == false {
            let fixed = owned.map { o in o.withUnsafeBufferPointer(XMLPrepass.fixEntities) } ?? XMLPrepass.fixEntities(b)
            if let fixed, let second = fixed.withUnsafeBufferPointer(parseTree) {
                if xmlErrors.isEmpty { xmlErrors = second.errors }
                tree = second
            }
        }
        guard let tree, let root = tree.root else {
            return ParsedFeed(errors: notes + xmlErrors + ["not a feed: no XML element could be read"])
        }
        var reader = XMLFeedReader(tree: tree, url: url)
        let q = reader.ns.qname(root)
        var feed: ParsedFeed
        switch (q.ns, q.local) {
        case (_, "rss") where q.ns.isRSSCore, (_, "channel") where q.ns.isRSSCore:
            feed = reader.readRSS(root: root, format: .rss2)
        case (.rdf, "RDF"), (.none, "RDF"), (.rss10, "RDF"):
            feed = reader.readRSS(root: root, format: .rdf)
        case (.atom, "feed"), (.atom03, "feed"), (.none, "feed"):
            feed = reader.readAtom(root: root)
        case (_, "html"):
            return htmlPage(b, url: url)
        case (_, "opml"):
            feed = ParsedFeed(errors: ["not a feed: this is an OPML subscription list (use OPML.parse)"])
        default:
            feed = ParsedFeed(errors: ["not a feed: root element <\(q.local)>"])
        }
        feed.errors = notes + xmlErrors + feed.errors
        return feed
    }

    /// Offset of `<?xml`, `<rss`, `<feed` or `<rdf:RDF` within the first 4 KB.
    private static func feedStart(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        let end = min(b.count, 4096)
        while i < end {
            if b[i] == 0x3C, XMLPrepass.hasPrefix(b, at: i, "<?xml") || XMLPrepass.hasPrefix(b, at: i, "<rss")
                || XMLPrepass.hasPrefix(b, at: i, "<feed") || XMLPrepass.hasPrefix(b, at: i, "<rdf:RDF") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// `<html` as the first element (after the prolog).
    private static func rootIsHTML(_ b: UnsafeBufferPointer<UInt8>, _ p: XMLPrepass.Prolog) -> Bool {
        guard let s = p.rootStart else { return false }
        return XMLPrepass.hasPrefix(b, at: s + 1, "html", caseInsensitive: true)
            && (s + 5 >= b.count || !XMLPrepass.isNameByte(b[s + 5]))
    }

    /// "not a feed: looks like HTML", naming the feeds the page links to (`<link rel="alternate">`).
    static func htmlPage(_ b: UnsafeBufferPointer<UInt8>, url: String?) -> ParsedFeed {
        let links = HTMLFeedLinks.find(b, url: url)
        var msg = "not a feed: looks like HTML"
        if !links.isEmpty { msg += " (it links to the feed\(links.count > 1 ? "s" : "") \(links.joined(separator: ", ")))" }
        return ParsedFeed(errors: [msg])
    }
}

/// Feed autodiscovery in an HTML page: `<link rel="alternate" type="application/rss+xml" href>`.
public enum HTMLFeedLinks {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                         "application/rdf+xml", "application/json", "text/xml", "application/xml"]

    public static func find(_ html: [UInt8], url: String?) -> [String] {
        html.withUnsafeBufferPointer { find($0, url: url) }
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, url: String?) -> [String] {
        guard let base = b.baseAddress, b.count > 0, b.count < Int(Int32.max) else { return [] }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let doc = base.withMemoryRebound(to: CChar.self, capacity: b.count) {
            htmlReadMemory($0, Int32(b.count), nil, "UTF-8", options)
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var out: [String] = []
        func walk(_ n: xmlNodePtr?, depth: Int) {
            var c = n
            while let x = c, out.count < 8 {
                if x.pointee.type == XML_ELEMENT_NODE, depth < 64 {
                    let name = x.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                    if name == "link",
                       let rel = XNode.attribute(x, "rel")?.lowercased(), rel.split(separator: " ").contains("alternate"),
                       let type = XNode.attribute(x, "type")?.lowercased(), feedTypes.contains(type),
                       let href = XNode.attribute(x, "href"), let l = IRI.normalize(href, base: url), !out.contains(l) {
                        out.append(l)
                    }
                    if name != "body" { walk(x.pointee.children, depth: depth + 1) }
                }
                c = x.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc), depth: 0)
        return out
    }
}
