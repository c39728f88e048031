/// The small CSS selector subset the site rules need.
///
/// Supported: `tag`, `.class`, `#id`, `[attr]`, `[attr=value]` (also `~=`, `^=`, `$=`, `*=`, quoted
/// or bare values), compounds of these (`div.body#main[role=main]`), the descendant combinator
/// (whitespace), the child combinator (`>`) and groups (`a, b`). Anything else makes the whole
/// selector fail to parse, and a rule with a selector that does not parse is ignored.
struct Selector: Sendable {
    struct AttrTest: Sendable {
        enum Op: Sendable { case exists, equals, word, prefix, suffix, contains }
        var name: String
        var op: Op
        var value: String
    }

    struct Compound: Sendable {
        var tag: String?
        var ids: [String] = []
        var classes: [String] = []
        var attrs: [AttrTest] = []
    }

    /// A complex selector, stored right to left: `parts[0]` is the subject; `childOf[i]` says
    /// whether `parts[i]` must be a direct child (`>`) of `parts[i + 1]` rather than a descendant.
    struct Complex: Sendable {
        var parts: [Compound]
        var childOf: [Bool]
    }

    var alternatives: [Complex]

    init?(_ text: String) {
        var alts: [Complex] = []
        for piece in text.split(separator: ",") {
            guard let c = Selector.parseComplex(Array(piece.unicodeScalars)) else { return nil }
            alts.append(c)
        }
        if alts.isEmpty { return nil }
        alternatives = alts
    }

    private static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            || v == 0x2D || v == 0x5F || v > 0x7F
    }

    private static func parseComplex(_ s: [Unicode.Scalar]) -> Complex? {
        var parts: [Compound] = []
        var combinators: [Bool] = []   // combinator before parts[k] (k ≥ 1), left-to-right
        var i = 0
        var pendingChild = false
        func skipSpace() -> Bool {
            var skipped = false
            while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1; skipped = true }
            return skipped
        }
        _ = skipSpace()
        while i < s.count {
            if s[i] == ">" {
                if parts.isEmpty || pendingChild { return nil }
                pendingChild = true
                i += 1
                _ = skipSpace()
                continue
            }
            var c = Compound()
            var any = false
            if i < s.count, s[i] == "*" { i += 1; any = true }
            else if i < s.count, isNameChar(s[i]) {
                var name = ""
                while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
                c.tag = name.lowercased()
                any = true
            }
            loop: while i < s.count {
                switch s[i] {
                case ".", "#":
                    let isClass = s[i] == "."
                    i += 1
                    var name = ""
                    while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
                    if name.isEmpty { return nil }
                    if isClass { c.classes.append(name) } else { c.ids.append(name) }
                    any = true
                case "[":
                    i += 1
                    var name = ""
                    while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
                    if name.isEmpty { return nil }
                    var op = AttrTest.Op.exists
                    var value = ""
                    if i < s.count, s[i] != "]" {
                        switch s[i] {
                        case "=": op = .equals; i += 1
                        case "~", "^", "$", "*":
                            op = s[i] == "~" ? .word : s[i] == "^" ? .prefix : s[i] == "$" ? .suffix : .contains
                            i += 1
                            guard i < s.count, s[i] == "=" else { return nil }
                            i += 1
                        default: return nil
                        }
                        if i < s.count, s[i] == "\"" || s[i] == "'" {
                            let q = s[i]; i += 1
                            while i < s.count, s[i] != q { value.unicodeScalars.append(s[i]); i += 1 }
                            guard i < s.count else { return nil }
                            i += 1
                        } else {
                            while i < s.count, s[i] != "]" { value.unicodeScalars.append(s[i]); i += 1 }
                            value = value.trimmingSpaces()
                        }
                    }
                    guard i < s.count, s[i] == "]" else { return nil }
                    i += 1
                    c.attrs.append(AttrTest(name: name.lowercased(), op: op, value: value))
                    any = true
                default:
                    break loop
                }
            }
            if !any { return nil }
            if !parts.isEmpty { combinators.append(pendingChild) }
            pendingChild = false
            parts.append(c)
            _ = skipSpace()
        }
        if parts.isEmpty || pendingChild { return nil }
        return Complex(parts: parts.reversed(), childOf: combinators.reversed())
    }

    // MARK: - Matching

    func matches(_ dom: DOM, _ i: Int) -> Bool {
        alternatives.contains { Selector.match(dom, i, $0, 0) }
    }

    private static func match(_ dom: DOM, _ i: Int, _ c: Complex, _ k: Int) -> Bool {
        guard matchCompound(dom, i, c.parts[k]) else { return false }
        if k + 1 == c.parts.count { return true }
        var p = dom.nodes[i].parent
        if c.childOf[k] {
            return p > 0 && match(dom, p, c, k + 1)
        }
        while p > 0 {
            if match(dom, p, c, k + 1) { return true }
            p = dom.nodes[p].parent
        }
        return false
    }

    private static func matchCompound(_ dom: DOM, _ i: Int, _ c: Compound) -> Bool {
        let n = dom.nodes[i]
        guard n.kind == .element else { return false }
        if let t = c.tag, t != n.tag { return false }
        for id in c.ids where dom.attr(i, "id") != id { return false }
        if !c.classes.isEmpty {
            guard let cls = dom.attr(i, "class") else { return false }
            let have = cls.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            for want in c.classes where !have.contains(where: { $0 == want }) { return false }
        }
        for t in c.attrs {
            guard let v = dom.attr(i, t.name) else { return false }
            switch t.op {
            case .exists: continue
            case .equals: if v != t.value { return false }
            case .word: if !v.split(separator: " ").contains(where: { $0 == t.value }) { return false }
            case .prefix: if t.value.isEmpty || !v.hasPrefix(t.value) { return false }
            case .suffix: if t.value.isEmpty || !v.hasSuffix(t.value) { return false }
            case .contains: if t.value.isEmpty || !v.contains(t.value) { return false }
            }
        }
        return true
    }

    /// Live matches under `root`, in document order; a match inside another match is dropped.
    func select(_ dom: DOM, under root: Int = 0) -> [Int] {
        var out: [Int] = []
        for i in dom.elements(under: root) where matches(dom, i) {
            if let last = out.last, dom.isAncestor(last, of: i) { continue }
            out.append(i)
        }
        return out
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
