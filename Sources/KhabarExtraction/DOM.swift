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

    /// Parses UTF-8 HTML with libxml2's HTML parser (recover, no network, no error output).
    static func parse(utf8 html: String) -> DOM {
        _ = initialize
        var dom = DOM()
        var source = html
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue |
                            HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
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
                nodes.append(Node(kind: .element, tag: name(node.pointee.name), text: "", attrs: attrs,
                                  parent: parent, children: []))
                nodes[parent].children.append(index)
                if let c = node.pointee.children { stack.append((c, index, depth + 1)) }
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

/// Whitespace and character helpers shared by the extractor and the sanitizer.
enum TextUtil {
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0xA0 || v == 0x0B
            || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Collapses runs of whitespace (including NBSP) to one space and trims the ends;
    /// drops control characters and the BOM.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            if isSpace(v) { pendingSpace = !out.isEmpty; continue }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0xFEFF { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }
}
