import CLibXML2

/// A compact copy of libxml2's HTML tree: an array of nodes addressed by index.
///
/// libxml2 parses (it is fast and forgiving); everything after that works on this copy, so no
/// C pointer outlives `parse` and removing a node is a flag instead of pointer surgery. Comments,
/// processing instructions and the doctype are not copied. Depth is capped: elements nested
/// deeper than `maxDepth` are flattened into their ancestor, so every recursive walk is bounded.
struct DOM {
    enum Kind: UInt8 { case element, text }

    struct Attr: Sendable {
        var name: String
        var value: String
    }

    struct Node {
        var kind: Kind
        /// Lower-cased element name; "" for text.
        var tag: String
        /// Text content of a text node; "" for elements.
        var text: String
        var attrs: [Attr]
        var parent: Int
        var children: [Int]
        /// Removed by a pruning step; every walk skips dead nodes and their subtrees.
        var dead = false
    }

    static let maxDepth = 180
    /// Index 0 is a synthetic "#document" element holding the top-level nodes.
    var nodes: [Node] = [Node(kind: .element, tag: "#document", text: "", attrs: [], parent: -1, children: [])]

    static let initialize: Void = { xmlInitParser() }()

    /// Elements that never have content in HTML5. libxml2's parser knows HTML 4, where `embed`,
    /// `wbr`, `source`, `track` and `keygen` are not empty, so it makes whatever follows one of them
    /// its children, and dropping an `<embed>` (a video, a post) dropped the rest of the article.
    /// Their children are copied as their following siblings instead.
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                                    "meta", "param", "source", "track", "wbr"]

    /// Parses UTF-8 HTML with libxml2's HTML parser (recover, no network, no error output).
    /// `XML_PARSE_HUGE`, which the HTML parser honours too, lifts its nesting limit of 256: past
    /// it, parsing stopped and the rest of the page was lost without a word. `maxDepth` bounds
    /// the copy instead.
    static func parse(utf8 html: String) -> DOM {
        _ = initialize
        var dom = DOM()
        var source = html
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue |
                            HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = source.withUTF8 { buf -> htmlDocPtr? in
            guard let base = buf.baseAddress, buf.count > 0, buf.count < Int(Int32.max) else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return dom }
        defer { xmlFreeDoc(doc) }
        dom.copy(from: doc.pointee.children)
        return dom
    }

    private mutating func copy(from first: xmlNodePtr?) {
        var names: [UnsafeRawPointer: String] = [:]
        func name(_ p: UnsafePointer<xmlChar>?) -> String {
            guard let p else { return "" }
            let key = UnsafeRawPointer(p)
            if let s = names[key] { return s }
            let s = String(cString: p).lowercased()
            names[key] = s
            return s
        }
        // (next node to visit, parent index, depth); children are visited before the next sibling.
        var stack: [(xmlNodePtr, Int, Int)] = []
        if let first { stack.append((first, 0, 1)) }
        nodes.reserveCapacity(1024)
        while let (node, parent, depth) = stack.popLast() {
            if let next = node.pointee.next { stack.append((next, parent, depth)) }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if depth > DOM.maxDepth {
                    if let c = node.pointee.children { stack.append((c, parent, depth)) }
                    continue
                }
                var attrs: [Attr] = []
                var a = node.pointee.properties
                while let attr = a {
                    var value = ""
                    var c = attr.pointee.children
                    while let t = c {
                        if let content = t.pointee.content { value += String(cString: content) }
                        c = t.pointee.next
                    }
                    attrs.append(Attr(name: name(attr.pointee.name), value: value))
                    a = attr.pointee.next
                }
                let index = nodes.count
                let tag = name(node.pointee.name)
                nodes.append(Node(kind: .element, tag: tag, text: "", attrs: attrs, parent: parent, children: []))
                nodes[parent].children.append(index)
                if let c = node.pointee.children {
                    stack.append(DOM.void.contains(tag) ? (c, parent, depth) : (c, index, depth + 1))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let index = nodes.count
                nodes.append(Node(kind: .text, tag: "", text: String(cString: content), attrs: [],
                                  parent: parent, children: []))
                nodes[parent].children.append(index)
            case XML_ENTITY_REF_NODE:
                continue
            default:
                continue   // comments, PIs, DTD
            }
        }
    }

    // MARK: - Queries

    @inline(__always) func isElement(_ i: Int) -> Bool { nodes[i].kind == .element }

    func attr(_ i: Int, _ name: String) -> String? {
        for a in nodes[i].attrs where a.name == name { return a.value }
        return nil
    }

    /// All live element indices in document order below (and including) `root`.
    func elements(under root: Int = 0) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            let n = nodes[i]
            if n.dead || n.kind != .element { continue }
            out.append(i)
            stack.append(contentsOf: n.children.reversed())
        }
        return out
    }

    func elements(named tag: String, under root: Int = 0) -> [Int] {
        elements(under: root).filter { nodes[$0].tag == tag }
    }

    /// Concatenated text of the live subtree, whitespace collapsed.
    func text(_ i: Int) -> String {
        var raw = ""
        var stack = [i]
        while let j = stack.popLast() {
            let n = nodes[j]
            if n.dead { continue }
            if n.kind == .text { raw += n.text; raw += " " } else {
                if DOM.skipTextTags.contains(n.tag) { continue }
                stack.append(contentsOf: n.children.reversed())
            }
        }
        return TextUtil.collapse(raw)
    }

    /// Whether the live subtree holds any non-whitespace text (stops at the first).
    func hasText(_ i: Int) -> Bool {
        var stack = [i]
        while let j = stack.popLast() {
            let n = nodes[j]
            if n.dead { continue }
            if n.kind == .text {
                if n.text.unicodeScalars.contains(where: { !TextUtil.isSpace($0.value) && $0.value >= 0x20 }) { return true }
            } else if !DOM.skipTextTags.contains(n.tag) {
                stack.append(contentsOf: n.children)
            }
        }
        return false
    }

    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var p = nodes[b].parent
        while p >= 0 {
            if p == a { return true }
            p = nodes[p].parent
        }
        return false
    }

    mutating func kill(_ i: Int) { nodes[i].dead = true }

    /// Whether `i` or one of its ancestors has been removed.
    func isDeadPath(_ i: Int) -> Bool {
        var p = i
        while p >= 0 {
            if nodes[p].dead { return true }
            p = nodes[p].parent
        }
        return false
    }

    static let skipTextTags: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
}

/// Whitespace and character helpers shared by the extractor and the sanitizer. They work on
/// UTF-8 bytes: Swift's Character-based `split`/`trimming` do grapheme breaking on every Arabic
/// letter and were the extractor's main cost.
enum TextUtil {
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0xA0 || v == 0x0B
            || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Length of a whitespace sequence starting at `i` (0 if none): ASCII spaces, NBSP,
    /// U+1680, U+2000–200A, U+2028/2029, U+202F, U+205F, U+3000.
    @inline(__always) static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count {
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
            if c1 == 0x81 && c2 == 0x9F { return 3 }
        }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xE1, i + 2 < b.count, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Length of a character to drop at `i` (0 if none): C0/C1 controls, DEL, BOM (U+FEFF).
    @inline(__always) static func dropLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x20 || c == 0x7F { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] < 0xA0 { return 2 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Collapses runs of whitespace (including NBSP) to one space and trims the ends;
    /// drops control characters and the BOM.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b -> String in
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            var pending = false
            var i = 0
            while i < b.count {
                let sp = spaceLength(b, i)
                if sp > 0 { pending = !out.isEmpty; i += sp; continue }
                let d = dropLength(b, i)
                if d > 0 { i += d; continue }
                if pending { out.append(0x20); pending = false }
                out.append(b[i]); i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Words of collapsed text: runs between single spaces.
    static func wordCount(_ s: String) -> Int {
        var n = 0, inWord = false
        for c in s.utf8 {
            if c == 0x20 || c == 0x0A { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// Trims ASCII whitespace at both ends.
    static func trim(_ s: String) -> String {
        let u = Array(s.utf8)
        var a = 0, z = u.count
        while a < z, u[a] == 0x20 || u[a] == 0x0A || u[a] == 0x09 || u[a] == 0x0D { a += 1 }
        while z > a, u[z - 1] == 0x20 || u[z - 1] == 0x0A || u[z - 1] == 0x09 || u[z - 1] == 0x0D { z -= 1 }
        return String(decoding: u[a..<z], as: UTF8.self)
    }
}
