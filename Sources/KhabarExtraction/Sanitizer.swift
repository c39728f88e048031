import Foundation

/// The allow-list HTML sanitizer: untrusted HTML in, HTML that pages may show out.
///
/// The input is parsed by libxml2's HTML parser into a tree (so browsers' parsing tricks — broken
/// tags, entity-encoded schemes, comments — are resolved before any decision), then the tree is
/// written out again by our own serializer: only allow-listed elements and attributes, URLs
/// checked after entity decoding and control-character removal and made absolute, every text and
/// attribute value escaped. Nothing of the input's markup is copied verbatim. The policy is data:
/// `sanitizerPolicyData`.
public enum Sanitizer {
    /// Sanitizes an HTML fragment (or a whole document: only its body is kept).
    public static func sanitize(_ html: String, baseURL: String?) -> String {
        let dom = DOM.parse(utf8: "<!DOCTYPE html><html><body>" + html + "</body></html>")
        var roots: [Int] = []
        for top in dom.nodes[0].children {
            if dom.nodes[top].tag == "html" {
                for c in dom.nodes[top].children {
                    switch dom.nodes[c].tag {
                    case "head": continue
                    case "body": roots += dom.nodes[c].children
                    default: roots.append(c)
                    }
                }
            } else {
                roots.append(top)
            }
        }
        var s = HTMLSerializer(dom: dom, policy: .shared, base: URLTools.base(baseURL))
        return s.render(roots)
    }

    /// Same as `sanitize(_:baseURL:)`, with a labelled argument.
    public static func sanitize(html: String, baseURL: String?) -> String {
        sanitize(html, baseURL: baseURL)
    }

    /// The same for bytes as fetched or read from a file, decoded as `extract` decodes a page (a
    /// byte order mark, else the transport's charset, else `<meta charset>`, else UTF-8).
    public static func sanitize(bytes: [UInt8], charset: String?, baseURL: String?) -> String {
        sanitize(Charset.decode(bytes, transport: charset), baseURL: baseURL)
    }
}

struct SanitizerPolicy: Sendable {
    var allowed: [String: Set<String>] = [:]
    var global: Set<String> = []
    var rename: [String: String] = [:]
    var drop: Set<String> = []
    var block: Set<String> = []
    var urlSchemes: [String: Set<String>] = [:]
    var rel = ""
    var lazy: [String] = []
    var video: [String] = []

    static let shared = SanitizerPolicy(data: sanitizerPolicyData)

    init(data: String) {
        for line in data.split(separator: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard let bar = t.firstIndex(of: "|") else { continue }
            let kind = String(t[..<bar])
            let words = t[t.index(after: bar)...].split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            switch kind {
            case "allow": allowed[first.lowercased(), default: []].formUnion(words.dropFirst().map { $0.lowercased() })
            case "global": global.formUnion(words.map { $0.lowercased() })
            case "rename": if words.count == 2 { rename[words[0]] = words[1] }
            case "drop": drop.formUnion(words)
            case "block": block.formUnion(words)
            case "url": urlSchemes[first] = Set(words.dropFirst())
            case "rel": rel = words.joined(separator: " ")
            case "lazy": lazy = words
            case "video": video = words
            default: continue
            }
        }
    }
}

/// Writes a (part of a) DOM as allow-listed, escaped HTML.
struct HTMLSerializer {
    let dom: DOM
    let policy: SanitizerPolicy
    let base: URL?
    private var out: [UInt8] = []
    private var contentMemo: [Int: Bool] = [:]

    static let void: Set<String> = ["br", "hr", "img", "wbr"]
    /// Elements inside which a <p> may not be opened.
    static let phrasing: Set<String> = [
        "a", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "q", "cite", "span", "sub",
        "sup", "abbr", "time", "bdi", "bdo", "code", "p", "h2", "h3", "h4", "h5", "h6", "pre", "caption", "dt",
    ]
    static let newlineAfter: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                                            "figure", "table", "tr", "pre", "dl", "hr", "figcaption"]
    static let keepEmpty: Set<String> = ["td", "th"]

    init(dom: DOM, policy: SanitizerPolicy, base: URL?) {
        self.dom = dom
        self.policy = policy
        self.base = base
    }

    mutating func render(_ roots: [Int]) -> String {
        out = []
        out.reserveCapacity(4096)
        list(roots, inline: false, pre: false)
        var a = 0, z = out.count
        while a < z, out[a] == 0x20 || out[a] == 0x0A { a += 1 }
        while z > a, out[z - 1] == 0x20 || out[z - 1] == 0x0A { z -= 1 }
        return String(decoding: out[a..<z], as: UTF8.self)
    }

    @inline(__always) private mutating func put(_ s: String) { out.append(contentsOf: s.utf8) }

    /// A line break between blocks, never two in a row.
    private mutating func newline() {
        if let last = out.last, last != 0x0A { out.append(0x0A) }
    }

    // MARK: - Decisions

    private func effectiveTag(_ i: Int) -> String {
        let t = dom.nodes[i].tag
        return policy.rename[t] ?? t
    }

    private func attr(_ i: Int, _ name: String) -> String? { dom.attr(i, name) }

    func imageSource(_ i: Int) -> String? {
        let schemes = policy.urlSchemes["src"] ?? []
        if let src = attr(i, "src"), let u = URLTools.safe(src, base: base, schemes: schemes) { return u }
        for name in policy.lazy {
            if let v = attr(i, name), let u = URLTools.safe(v, base: base, schemes: schemes) { return u }
        }
        return nil
    }

    func videoLink(_ i: Int) -> String? {
        guard var src = attr(i, "src").map(URLTools.clean), !src.isEmpty else { return nil }
        if src.hasPrefix("//") { src = "https:" + src }
        if src.lowercased().hasPrefix("http://") { src = "https://" + src.dropFirst(7) }
        guard policy.video.contains(where: { src.lowercased().hasPrefix($0) }) else { return nil }
        return URLTools.safe(src, base: nil, schemes: ["https"])
    }

    /// Whether the node would produce visible output (text, an image, a video link).
    private mutating func hasContent(_ i: Int) -> Bool {
        if let m = contentMemo[i] { return m }
        let n = dom.nodes[i]
        var r = false
        if n.dead { r = false }
        else if n.kind == .text { r = n.text.unicodeScalars.contains { !TextUtil.isSpace($0.value) && $0.value >= 0x20 } }
        else {
            let t = effectiveTag(i)
            if t == "img" { r = imageSource(i) != nil }
            else if t == "iframe" { r = videoLink(i) != nil }
            else if policy.drop.contains(t) { r = false }
            else if t == "br" || t == "hr" || t == "wbr" { r = false }
            else { r = n.children.contains { hasContent($0) } }
        }
        contentMemo[i] = r
        return r
    }

    private func hasBlockChild(_ i: Int) -> Bool {
        for c in dom.nodes[i].children where !dom.nodes[c].dead && dom.nodes[c].kind == .element {
            let t = effectiveTag(c)
            if policy.drop.contains(t) || t == "br" { continue }
            if Tags.block.contains(t) { return true }
        }
        return false
    }

    // MARK: - Output

    private mutating func emit(_ i: Int, inline: Bool, pre: Bool) {
        let n = dom.nodes[i]
        if n.dead { return }
        if n.kind == .text {
            text(n.text, inline: inline, pre: pre)
            return
        }
        let tag = effectiveTag(i)
        if policy.drop.contains(tag) {
            if tag == "iframe", let v = videoLink(i) {
                put("<a href=\"" + HTMLSerializer.escapeAttr(v) + "\" rel=\"" + policy.rel + "\">"
                    + HTMLSerializer.escapeText(v) + "</a>")
                if !inline { newline() }
            }
            return
        }
        if let allowedAttrs = policy.allowed[tag] {
            element(i, tag: tag, allowedAttrs: allowedAttrs, inline: inline, pre: pre)
        } else if policy.block.contains(tag) {
            if !inline && hasContent(i) && !hasBlockChild(i) {
                put("<p" + globalAttrs(i) + ">")
                children(i, inline: true, pre: pre)
                put("</p>")
                newline()
            } else {
                if inline { put(" ") } else { newline() }
                children(i, inline: inline, pre: pre)
                if inline { put(" ") } else { newline() }
            }
        } else {
            children(i, inline: inline, pre: pre)
        }
    }

    private mutating func children(_ i: Int, inline: Bool, pre: Bool) {
        list(dom.nodes[i].children, inline: inline, pre: pre)
    }

    private mutating func list(_ kids: [Int], inline: Bool, pre: Bool) {
        for (k, c) in kids.enumerated() {
            // Between blocks whitespace is dropped; between two inline siblings it is a word gap.
            if !inline, !pre, dom.nodes[c].kind == .text, !dom.nodes[c].dead,
               !dom.nodes[c].text.unicodeScalars.contains(where: { !TextUtil.isSpace($0.value) }) {
                if k > 0, k + 1 < kids.count, isInlineNode(kids[k - 1]), isInlineNode(kids[k + 1]),
                   let last = out.last, last != 0x0A, last != 0x20 {
                    put(" ")
                }
                continue
            }
            emit(c, inline: inline, pre: pre)
        }
    }

    private func isInlineNode(_ i: Int) -> Bool {
        let n = dom.nodes[i]
        if n.dead { return false }
        if n.kind == .text { return true }
        let t = effectiveTag(i)
        return !Tags.block.contains(t) && !policy.drop.contains(t) && t != "br"
    }

    /// Writes a text node: controls and BOM dropped, whitespace collapsed (outside <pre>),
    /// & < > escaped; whitespace-only text between blocks is dropped.
    private mutating func text(_ s: String, inline: Bool, pre: Bool) {
        var s = s
        // libxml2 keeps "<![CDATA[…]]>" in HTML as text; browsers read it as a bogus comment
        // that ends at the first ">", so it is dropped the same way.
        while HTMLSerializer.hasMarkupOpener(s), let r = s.range(of: "<![CDATA[") {
            let end = s[r.upperBound...].firstIndex(of: ">").map { s.index(after: $0) } ?? s.endIndex
            s.removeSubrange(r.lowerBound..<end)
        }
        s.withUTF8 { b in
            let start = out.count
            var space = false, any = false
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x09 || c == 0x0A || c == 0x0D || c == 0x20 || c == 0x0C {
                    if pre { out.append(c) } else { space = true }
                    i += 1
                    continue
                }
                let d = TextUtil.dropLength(b, i)
                if d > 0 { i += d; continue }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { i += 3; continue }
                if space {
                    // No space at the start of a line: that is where a block just ended.
                    if let last = out.last, last != 0x0A { out.append(0x20) }
                    space = false
                }
                any = true
                switch c {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                default: out.append(c)
                }
                i += 1
            }
            if space { out.append(0x20) }
            if !any && !inline && !pre { out.removeSubrange(start...) }
        }
    }

    private func globalAttrs(_ i: Int) -> String {
        var s = ""
        for a in dom.nodes[i].attrs where policy.global.contains(a.name) {
            if let v = validated(a.name, a.value, tag: "") { s += " " + a.name + "=\"" + HTMLSerializer.escapeAttr(v) + "\"" }
        }
        return s
    }

    private func validated(_ name: String, _ value: String, tag: String) -> String? {
        switch name {
        case "href":
            return URLTools.safe(value, base: base, schemes: policy.urlSchemes["href"] ?? [])
        case "src":
            return nil   // images are handled by imageSource
        case "dir":
            let v = value.trimmingSpaces().lowercased()
            return ["ltr", "rtl", "auto"].contains(v) ? v : nil
        case "lang":
            let v = value.trimmingSpaces()
            let ok = !v.isEmpty && v.count <= 35 && v.unicodeScalars.allSatisfy {
                ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A)
                    || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "-" || $0 == "_"
            }
            return ok ? v : nil
        case "width", "height", "colspan", "rowspan", "start":
            let v = value.trimmingSpaces()
            guard !v.isEmpty, v.count <= 4, v.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return v
        default:
            return TextUtil.collapse(value)
        }
    }

    private mutating func element(_ i: Int, tag: String, allowedAttrs: Set<String>, inline: Bool, pre: Bool) {
        var attrs: [(String, String)] = []
        var seen: Set<String> = []
        if tag == "img" {
            guard let src = imageSource(i) else { return }
            attrs.append(("src", src)); seen.insert("src")
        }
        for a in dom.nodes[i].attrs {
            let name = a.name
            guard !seen.contains(name), allowedAttrs.contains(name) || policy.global.contains(name) else { continue }
            guard let v = validated(name, a.value, tag: tag) else { continue }
            attrs.append((name, v)); seen.insert(name)
        }
        if tag == "a" {
            guard seen.contains("href") else {   // a link without a usable target is just text
                children(i, inline: inline, pre: pre)
                return
            }
            attrs.append(("rel", policy.rel))
        }
        let isVoid = HTMLSerializer.void.contains(tag)
        if !isVoid && !HTMLSerializer.keepEmpty.contains(tag) && !hasContent(i) { return }
        if tag == "br" && !inline { return }   // a stray <br> between blocks is noise
        put("<" + tag)
        for (k, v) in attrs { put(" " + k + "=\"" + HTMLSerializer.escapeAttr(v) + "\"") }
        put(">")
        if isVoid {
            if tag == "hr" { newline() }
            return
        }
        let childInline = inline || HTMLSerializer.phrasing.contains(tag)
        children(i, inline: childInline, pre: pre || tag == "pre")
        put("</" + tag + ">")
        if !inline && HTMLSerializer.newlineAfter.contains(tag) { newline() }
    }

    static func hasMarkupOpener(_ s: String) -> Bool {
        var prev: UInt8 = 0
        for c in s.utf8 {
            if prev == 0x3C && c == 0x21 { return true }
            prev = c
        }
        return false
    }

    static func escapeText(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }

    static func escapeAttr(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            case "`": o += "&#96;"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }
}
