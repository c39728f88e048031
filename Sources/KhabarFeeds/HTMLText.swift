/// Small HTML text helpers for feed fields that must be plain text (titles, authors, categories).
/// Not a sanitizer: summary/content HTML is left for the caller's allow-list sanitizer.
enum HTMLText {
    /// `&`, `<`, `>`, `"` escaped: plain text made safe to treat as HTML.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Plain text of a possibly-HTML string: tags removed (when `stripTags`), entities decoded,
    /// whitespace runs collapsed to one space, trimmed. Cheap when there is nothing to do.
    static func plain(_ s: String, stripTags: Bool = true) -> String {
        let u = s.utf8
        var needsWork = false
        var prevSpace = true
        var prev: UInt8 = 0
        for c in u {
            if c == 0x26 || (stripTags && c == 0x3C) || (c == 0xA0 && prev == 0xC2) { needsWork = true; break }
            prev = c
            let space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
            if space && (prevSpace || c != 0x20) { needsWork = true; break }
            prevSpace = space
        }
        if !needsWork && !prevSpace { return s }
        if !needsWork && s.isEmpty { return s }

        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let scalars = Array(s.unicodeScalars)
        var i = 0
        func emit(_ sc: Unicode.Scalar) {
            if sc == " " || sc == "\t" || sc == "\n" || sc == "\r" || sc == "\u{A0}" {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(sc)
        }
        while i < scalars.count {
            let sc = scalars[i]
            if stripTags && sc == "<", i + 1 < scalars.count,
               scalars[i + 1].properties.isAlphabetic || scalars[i + 1] == "/" || scalars[i + 1] == "!" {
                // Skip to the closing '>' (respecting quotes); a block-level tag separates words.
                var j = i + 1
                var quote: Unicode.Scalar? = nil
                while j < scalars.count {
                    let d = scalars[j]
                    if let q = quote { if d == q { quote = nil } }
                    else if d == "\"" || d == "'" { quote = d }
                    else if d == ">" { break }
                    j += 1
                }
                if j >= scalars.count { break }       // unterminated tag: drop the rest
                pendingSpace = pendingSpace || !out.isEmpty && isBlockTag(scalars[(i + 1)..<j])
                i = j + 1
                continue
            }
            if sc == "&", let (v, len) = entity(scalars, at: i) {
                for x in v { emit(x) }
                i += len
                continue
            }
            emit(sc)
            i += 1
        }
        return String(out)
    }

    private static func isBlockTag(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var name = ""
        for sc in t.drop(while: { $0 == "/" }) {
            guard sc.properties.isAlphabetic || ("0"..."9").contains(sc) else { break }
            name.unicodeScalars.append(sc)
        }
        return ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                "blockquote", "hr", "table", "section", "article"].contains(name.lowercased())
    }

    /// Decodes `&name;`, `&#N;`, `&#xH;` at `i`; returns the scalars and the reference length.
    static func entity(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == "#" {
            j += 1
            var hex = false
            if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < s.count, j - start < 8, let d = hex ? hexValue(s[j]) : decimalValue(s[j]) {
                v = v &* (hex ? 16 : 10) &+ d
                j += 1
            }
            guard j > start, j < s.count, s[j] == ";" else { return nil }
            let scalar = Unicode.Scalar(v == 0 ? 0xFFFD : v) ?? "\u{FFFD}"
            return ([scalar], j - i + 1)
        }
        var name = ""
        while j < s.count, j - i <= 32, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
            name.unicodeScalars.append(s[j]); j += 1
        }
        guard !name.isEmpty, j < s.count, s[j] == ";" else { return nil }
        let v: UInt32?
        switch name {
        case "amp": v = 0x26
        case "lt": v = 0x3C
        case "gt": v = 0x3E
        case "quot": v = 0x22
        case "apos": v = 0x27
        default: v = HTMLEntities.table[name]
        }
        guard let v, let sc = Unicode.Scalar(v) else { return nil }
        return ([sc], j - i + 1)
    }

    private static func decimalValue(_ c: Unicode.Scalar) -> UInt32? {
        c.value >= 0x30 && c.value <= 0x39 ? c.value - 0x30 : nil
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }
}
