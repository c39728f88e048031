import CLibXML2
import Foundation

/// A libxml2 document parsed safely for feeds, and the node helpers the format readers share.
///
/// Safety: no `XML_PARSE_NOENT` (entities are never substituted), no DTD loading, `XML_PARSE_NONET`,
/// no `XML_PARSE_HUGE` (libxml2 keeps its depth and text-size limits), the internal DTD subset is
/// blanked out before parsing (`XMLPrepass`), and the tree walkers skip entity-reference nodes: an
/// XXE or billion-laughs document yields its text without the entities.
final class XMLTree {
    let doc: xmlDocPtr
    /// libxml2's errors as `line N: XML: message`, at most `XMLTree.maxErrors`.
    private(set) var errors: [String]
    let wellFormed: Bool
    /// libxml2 met bytes that are not UTF-8 ("Input is not proper UTF-8").
    let encodingError: Bool

    static let maxErrors = 25

    private init(doc: xmlDocPtr, errors: [String], wellFormed: Bool, encodingError: Bool) {
        self.doc = doc; self.errors = errors; self.wellFormed = wellFormed; self.encodingError = encodingError
    }

    deinit { xmlFreeDoc(doc) }

    private static let initialized: Bool = { xmlInitParser(); return true }()

    static let options: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_COMPACT.rawValue)

    /// Collects structured errors for one parse (the context's `_private` points at it).
    private final class ErrorSink {
        var messages: [String] = []
        var dropped = 0
        var encodingError = false
    }

    /// Parses UTF-8 bytes (the document's own encoding declaration is ignored: the bytes were
    /// decoded by `CharsetDecoder`). Nil only when libxml2 builds no document at all.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, url: String?) -> XMLTree? {
        _ = initialized
        guard let base = utf8.baseAddress, utf8.count > 0, utf8.count < Int(Int32.max),
              let ctxt = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        let sink = ErrorSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let priv = ctxt.pointee._private else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(priv).takeUnretainedValue()
            let e = error.pointee
            guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            if e.code == Int32(XML_ERR_INVALID_CHAR.rawValue) || e.code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
                sink.encodingError = true
            }
            if sink.messages.count >= XMLTree.maxErrors { sink.dropped += 1; return }
            // First line only: libxml2 appends a context snippet cut at a byte, not a character.
            var msg = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            if let nl = msg.utf8.firstIndex(of: 0x0A) { msg = String(msg[..<nl]) }
            while msg.last?.isWhitespace == true { msg.removeLast() }
            if msg.hasPrefix("xmlParseEntityRef: no name") || msg.hasPrefix("EntityRef: expecting ';'") {
                msg = "unescaped '&' (kept as text)"
            }
            let line = e.line > 0 ? "line \(e.line): XML: \(msg)" : "XML: \(msg)"
            if sink.messages.last != line { sink.messages.append(line) }    // repeats say nothing new
        }
        let doc = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { p in
            xmlCtxtReadMemory(ctxt, p, Int32(utf8.count), url, "UTF-8", options)
        }
        var errors = sink.messages
        if sink.dropped > 0 { errors.append("XML: … and \(sink.dropped) more errors") }
        guard let doc else { return nil }
        return XMLTree(doc: doc, errors: errors, wellFormed: ctxt.pointee.wellFormed != 0, encodingError: sink.encodingError)
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

// MARK: - Namespaces

/// The namespaces the readers care about. Prefixed names whose prefix was never declared (a common
/// mistake: `dc:creator` without `xmlns:dc`) are mapped by their conventional prefix.
enum NS: Equatable {
    case none, rss10, rss090, userland, atom, atom03, rdf, content, dc, dcterms, media, xhtml, itunes, xml, other

    static func of(href: String) -> NS {
        switch href {
        case "http://purl.org/rss/1.0/": return .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": return .rss090
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": return .userland
        case "http://www.w3.org/2005/Atom": return .atom
        case "http://purl.org/atom/ns#": return .atom03
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://purl.org/rss/1.0/modules/content/": return .content
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": return .dc
        case "http://purl.org/dc/terms/": return .dcterms
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss",
             "http://video.search.yahoo.com/mrss/": return .media
        case "http://www.w3.org/1999/xhtml": return .xhtml
        case "http://www.itunes.com/dtds/podcast-1.0.dtd": return .itunes
        case "http://www.w3.org/XML/1998/namespace": return .xml
        default: return .other
        }
    }

    static func of(prefix: Substring) -> NS {
        switch prefix {
        case "dc": return .dc
        case "dcterms": return .dcterms
        case "content": return .content
        case "media": return .media
        case "atom": return .atom
        case "rdf": return .rdf
        case "itunes": return .itunes
        case "xhtml": return .xhtml
        default: return .other
        }
    }

    /// Plain RSS elements: no namespace, RSS 1.0/0.90, or the old userland RSS 2 namespace.
    var isRSSCore: Bool { self == .none || self == .rss10 || self == .rss090 || self == .userland }
    var isAtom: Bool { self == .atom || self == .atom03 }
}

/// A resolved element name: namespace and local name.
struct QName {
    let ns: NS
    let local: String
}

/// Caches namespace lookups by `xmlNs` pointer (every element of a namespace shares one).
struct NSCache {
    private var map: [UnsafeMutableRawPointer: NS] = [:]

    mutating func qname(_ n: xmlNodePtr) -> QName {
        let raw = n.pointee.name.map { String(cString: $0) } ?? ""
        guard let ns = n.pointee.ns else {
            if let colon = raw.utf8.firstIndex(of: 0x3A) {
                return QName(ns: NS.of(prefix: raw[..<colon]), local: String(raw[raw.utf8.index(after: colon)...]))
            }
            return QName(ns: .none, local: raw)
        }
        let key = UnsafeMutableRawPointer(ns)
        if let known = map[key] { return QName(ns: known, local: raw) }
        let v = ns.pointee.href.map { NS.of(href: String(cString: $0)) } ?? .none
        map[key] = v
        return QName(ns: v, local: raw)
    }
}

// MARK: - Node helpers

enum XNode {
    static let maxDepth = 200

    @inline(__always) static func isElement(_ n: xmlNodePtr) -> Bool { n.pointee.type == XML_ELEMENT_NODE }

    /// Element children, in order.
    static func children(_ n: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { out.append(x) }
            c = x.pointee.next
        }
        return out
    }

    static func line(_ n: xmlNodePtr) -> Int { Int(xmlGetLineNo(n)) }

    /// An attribute's value; `xml` = true for `xml:*` attributes (xml:base, xml:lang).
    static func attribute(_ n: xmlNodePtr, _ name: String, xml: Bool = false) -> String? {
        var a = n.pointee.properties
        while let attr = a {
            defer { a = attr.pointee.next }
            guard let an = attr.pointee.name, String(cString: an) == name else { continue }
            let isXML = attr.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) == "http://www.w3.org/XML/1998/namespace" } ?? false
            guard isXML == xml else { continue }
            var s = ""
            var c = attr.pointee.children
            while let t = c {
                if (t.pointee.type == XML_TEXT_NODE), let content = t.pointee.content { s += String(cString: content) }
                c = t.pointee.next
            }
            return s
        }
        return nil
    }

    /// All descendant text and CDATA (entity references: see `entityText`), not descending into
    /// `item`/`entry` elements that recovery nested inside a field.
    static func text(_ n: xmlNodePtr, depth: Int = 0) -> String {
        var out = ""
        appendText(n, into: &out, depth: depth)
        return out
    }

    private static func appendText(_ n: xmlNodePtr, into out: inout String, depth: Int) {
        guard depth < maxDepth else { return }
        var c = n.pointee.children
        while let x = c {
            switch x.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = x.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                if !isRecoveredEntry(x) { appendText(x, into: &out, depth: depth + 1) }
            case XML_ENTITY_REF_NODE:
                out += entityText(x)
            default:
                break       // comments, PIs
            }
            c = x.pointee.next
        }
    }

    /// An entity reference left in the tree (possible only when the document names an external DTD,
    /// which is never loaded): an HTML 4 name becomes its character, anything else stays literal
    /// text. Never an expansion of a declared entity.
    static func entityText(_ n: xmlNodePtr) -> String {
        guard let p = n.pointee.name else { return "" }
        let name = String(cString: p)
        if let v = HTMLEntities.table[name], let s = Unicode.Scalar(v) { return String(Character(s)) }
        return "&" + name + ";"
    }

    /// `item`/`entry` elements found inside a field are feed entries the recovery nested wrongly.
    static func isRecoveredEntry(_ n: xmlNodePtr) -> Bool {
        guard let name = n.pointee.name else { return false }
        return strcmp(name, "item") == 0 || strcmp(name, "entry") == 0
    }

    /// The element's content as markup: text and CDATA as their (HTML) source, child elements
    /// serialized back (feeds that put raw HTML in `<description>`), entity references dropped.
    static func innerMarkup(_ n: xmlNodePtr, doc: xmlDocPtr) -> String {
        var hasElement = false
        var c = n.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { hasElement = true; break }
            c = x.pointee.next
        }
        guard hasElement else { return text(n) }
        var out = ""
        c = n.pointee.children
        while let x = c {
            switch x.pointee.type {
            case XML_CDATA_SECTION_NODE:
                if let content = x.pointee.content { out += String(cString: content) }
            case XML_TEXT_NODE:
                if let content = x.pointee.content { out += HTMLText.escape(String(cString: content)) }
            case XML_ENTITY_REF_NODE:
                out += HTMLText.escape(entityText(x))
            case XML_ELEMENT_NODE:
                if isRecoveredEntry(x) { break }
                out += serialize(x, doc: doc)
            default:
                break
            }
            c = x.pointee.next
        }
        return out
    }

    /// One node as XML text (libxml2's serializer; entities stay references, never expanded).
    static func serialize(_ n: xmlNodePtr, doc: xmlDocPtr) -> String {
        guard let buf = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buf) }
        _ = xmlNodeDump(buf, doc, n, 0, 0)
        guard let content = xmlBufferContent(buf) else { return "" }
        return String(cString: content)
    }
}
