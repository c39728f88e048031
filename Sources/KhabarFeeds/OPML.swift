import CLibXML2
import Foundation

/// One subscription of an OPML list. `category` is the folder path, outermost first, joined by "/"
/// (OPML 2.0's own `category` attribute uses the same slash form); nil at the top level.
public struct OPMLOutline: Sendable, Hashable, Codable {
    public var title: String
    public var xmlURL: String?
    public var htmlURL: String?
    public var category: String?

    public init(title: String, xmlURL: String? = nil, htmlURL: String? = nil, category: String? = nil) {
        self.title = title; self.xmlURL = xmlURL; self.htmlURL = htmlURL; self.category = category
    }
}

/// OPML subscription lists: import (OPML 1.0/2.0, nested folders, any charset) and export (OPML 2.0).
public enum OPML {
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case empty
        case notOPML(String)

        public var description: String {
            switch self {
            case .empty: return "empty document"
            case .notOPML(let why): return "not OPML: \(why)"
            }
        }
    }

    /// Every outline with an `xmlUrl`, depth-first in document order. Outlines without `xmlUrl` are
    /// folders: their `title`/`text` becomes part of the children's `category`. A malformed list
    /// yields what libxml2 could recover; it throws only when nothing OPML-like is there.
    public static func parse(_ data: Data, contentType: String? = nil) throws -> [OPMLOutline] {
        try parse([UInt8](data), contentType: contentType)
    }

    public static func parse(_ bytes: [UInt8], contentType: String? = nil) throws -> [OPMLOutline] {
        let decoded = CharsetDecoder.decodeToUTF8(bytes, contentType: contentType)
        var utf8 = decoded.utf8
        guard utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw Error.empty }
        let prolog = utf8.withUnsafeBufferPointer { XMLPrepass.prolog($0) }
        if let subset = prolog.internalSubset { XMLPrepass.blankInternalSubset(&utf8, subset) }
        var tree = utf8.withUnsafeBufferPointer { XMLTree.parse($0, url: nil) }
        if tree == nil || tree?.wellFormed == false,
           let fixed = utf8.withUnsafeBufferPointer(XMLPrepass.fixEntities),
           let second = fixed.withUnsafeBufferPointer({ XMLTree.parse($0, url: nil) }) {
            tree = second
        }
        guard let tree, let root = tree.root else { throw Error.notOPML("no XML element could be read") }
        let rootName = root.pointee.name.map { String(cString: $0) } ?? ""
        guard rootName.lowercased() == "opml" else { throw Error.notOPML("root element <\(rootName)>") }
        guard let body = XNode.children(root).first(where: { $0.pointee.name.map { String(cString: $0) } == "body" }) else {
            throw Error.notOPML("no <body>")
        }
        var out: [OPMLOutline] = []
        walk(body, path: [], into: &out, depth: 0)
        return out
    }

    private static func walk(_ n: xmlNodePtr, path: [String], into out: inout [OPMLOutline], depth: Int) {
        guard depth < 32 else { return }
        for c in XNode.children(n) where c.pointee.name.map({ String(cString: $0) }) == "outline" {
            func attr(_ names: String...) -> String? {
                for name in names {
                    if let v = XNode.attribute(c, name) {
                        let t = HTMLText.plain(v, stripTags: false)
                        if !t.isEmpty { return t }
                    }
                }
                return nil
            }
            let label = attr("title", "text")
            if let xml = attr("xmlUrl", "xmlurl", "url") {
                let xmlURL = IRI.normalize(xml, webOnly: false) ?? xml
                let html = attr("htmlUrl", "htmlurl").map { IRI.normalize($0, webOnly: false) ?? $0 }
                var category = path.isEmpty ? nil : path.joined(separator: "/")
                if category == nil, let cat = attr("category") {
                    // OPML 2.0: comma-separated list of slash-delimited paths; the first one is kept.
                    let first = cat.split(separator: ",").first.map { $0.trimmed() } ?? ""
                    let trimmed = first.split(separator: "/").joined(separator: "/")
                    if !trimmed.isEmpty { category = trimmed }
                }
                out.append(OPMLOutline(title: label ?? xmlURL, xmlURL: xmlURL, htmlURL: html, category: category))
                // Children of a feed outline are unusual; keep them, under the same path.
                walk(c, path: path, into: &out, depth: depth + 1)
            } else {
                walk(c, path: label.map { path + [$0.replacingOccurrences(of: "/", with: "∕")] } ?? path, into: &out, depth: depth + 1)
            }
        }
    }

    /// OPML 2.0 with folders rebuilt from `category` paths ("أخبار/رياضة" → nested outlines), in
    /// first-appearance order. `dateCreated` is written only when given (deterministic output).
    public static func export(_ outlines: [OPMLOutline], title: String, dateCreated: Date? = nil) -> String {
        final class Folder {
            let name: String
            var children: [Child] = []
            init(_ name: String) { self.name = name }
            func folder(_ name: String) -> Folder {
                for case .folder(let f) in children where f.name == name { return f }
                let f = Folder(name)
                children.append(.folder(f))
                return f
            }
        }
        enum Child { case folder(Folder), feed(OPMLOutline) }

        let root = Folder("")
        for o in outlines {
            var f = root
            for part in (o.category ?? "").split(separator: "/") where !part.trimmed().isEmpty {
                f = f.folder(part.trimmed())
            }
            f.children.append(.feed(o))
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(attrEscape(title))</title>\n"
        if let dateCreated { out += "    <dateCreated>\(rfc822(dateCreated))</dateCreated>\n" }
        out += "  </head>\n  <body>\n"
        func write(_ f: Folder, indent: String) {
            for child in f.children {
                switch child {
                case .folder(let sub):
                    let t = attrEscape(sub.name)
                    out += "\(indent)<outline text=\"\(t)\" title=\"\(t)\">\n"
                    write(sub, indent: indent + "  ")
                    out += "\(indent)</outline>\n"
                case .feed(let o):
                    let t = attrEscape(o.title)
                    out += "\(indent)<outline type=\"rss\" text=\"\(t)\" title=\"\(t)\""
                    if let x = o.xmlURL { out += " xmlUrl=\"\(attrEscape(x))\"" }
                    if let h = o.htmlURL { out += " htmlUrl=\"\(attrEscape(h))\"" }
                    out += "/>\n"
                }
            }
        }
        write(root, indent: "    ")
        out += "  </body>\n</opml>\n"
        return out
    }

    static func attrEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func rfc822(_ d: Date) -> String {
        let iso = FeedDate.iso8601(d)                       // yyyy-MM-ddTHH:mm:ssZ
        let days = Int64((d.timeIntervalSince1970 / 86_400).rounded(.down))
        let names = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let wd = names[Int(((days % 7) + 7) % 7)]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let y = iso.prefix(4), m = Int(iso.dropFirst(5).prefix(2)) ?? 1, day = iso.dropFirst(8).prefix(2)
        let time = iso.dropFirst(11).prefix(8)
        return "\(wd), \(day) \(months[m - 1]) \(y) \(time) GMT"
    }
}
