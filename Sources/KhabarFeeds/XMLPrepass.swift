/// Byte-level fixes applied to a feed's UTF-8 before libxml2 sees it. Line numbers never change
/// (no newline is added or removed), so libxml2's errors still point into the original document.
enum XMLPrepass {
    struct Prolog {
        /// Offset of the root element's `<`, if any.
        var rootStart: Int?
        /// The internal DTD subset `[ … ]` (offsets of `[` and `]`), if any.
        var internalSubset: Range<Int>?
        /// Line of the DOCTYPE.
        var doctypeLine = 1
        /// The DOCTYPE names html (`<!DOCTYPE html …>`).
        var doctypeHTML = false
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ p: StaticString, caseInsensitive: Bool = false) -> Bool {
        let n = p.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let pp = p.utf8Start
        for k in 0..<n {
            let c = caseInsensitive ? lower(b[i + k]) : b[i + k]
            if c != pp[k] { return false }
        }
        return true
    }

    /// Scans whitespace, the XML declaration, PIs, comments and the DOCTYPE up to the root element.
    static func prolog(_ b: UnsafeBufferPointer<UInt8>) -> Prolog {
        var p = Prolog()
        var i = 0
        let n = b.count
        var line = 1
        while i < n {
            let c = b[i]
            if c == 0x0A { line += 1; i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            guard c == 0x3C else { return p }            // text before any element: not XML
            if hasPrefix(b, at: i, "<?") {
                guard let e = find(b, "?>", from: i + 2) else { return p }
                line += count(b, 0x0A, i..<e); i = e + 2; continue
            }
            if hasPrefix(b, at: i, "<!--") {
                guard let e = find(b, "-->", from: i + 4) else { return p }
                line += count(b, 0x0A, i..<e); i = e + 3; continue
            }
            if hasPrefix(b, at: i, "<!doctype", caseInsensitive: true) {
                p.doctypeLine = line
                var j = i + 9
                while j < n, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
                p.doctypeHTML = hasPrefix(b, at: j, "html", caseInsensitive: true)
                    && (j + 4 == n || !isNameByte(b[j + 4]))
                // Find '[' before '>' (outside quotes), then the matching "]" + ">".
                var quote: UInt8 = 0
                while j < n {
                    let d = b[j]
                    if quote != 0 { if d == quote { quote = 0 } }
                    else if d == 0x22 || d == 0x27 { quote = d }
                    else if d == 0x5B {                                  // [
                        let open = j
                        j += 1
                        var q2: UInt8 = 0
                        while j < n {
                            let e = b[j]
                            if q2 != 0 { if e == q2 { q2 = 0 } }
                            else if e == 0x22 || e == 0x27 { q2 = e }
                            else if hasPrefix(b, at: j, "<!--") {
                                if let end = find(b, "-->", from: j + 4) { j = end + 2 } else { j = n }
                            } else if e == 0x5D { break }
                            j += 1
                        }
                        p.internalSubset = open..<min(j + 1, n)
                    } else if d == 0x3E { break }
                    j += 1
                }
                line += count(b, 0x0A, i..<min(j, n))
                i = j + 1
                continue
            }
            if i + 1 < n, isNameStart(b[i + 1]) { p.rootStart = i }
            return p
        }
        return p
    }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x3A || c >= 0x80
    }

    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, from: Int) -> Int? {
        let first = s.utf8Start[0]
        var i = from
        while i < b.count {
            if b[i] == first, hasPrefix(b, at: i, s) { return i }
            i += 1
        }
        return nil
    }

    static func count(_ b: UnsafeBufferPointer<UInt8>, _ c: UInt8, _ r: Range<Int>) -> Int {
        var k = 0
        for i in r where b[i] == c { k += 1 }
        return k
    }

    /// Blanks the internal DTD subset (keeping newlines). Declared entities are then undefined, so
    /// nothing can expand (XXE, billion laughs); HTML-named ones are rescued by `fixEntities`.
    static func blankInternalSubset(_ bytes: inout [UInt8], _ r: Range<Int>) {
        for i in r where bytes[i] != 0x0A { bytes[i] = 0x20 }
    }

    /// Rewrites entity references outside CDATA, comments and PIs so that libxml2's recovery keeps
    /// them: libxml2 drops *every* entity reference, even `&amp;`, once a document is known to be
    /// malformed, but always keeps character references. So `&amp; &lt; &gt; &quot; &apos;` and the
    /// HTML 4 names become `&#N;`, an unknown `&name;` becomes literal text, and a bare `&` becomes
    /// `&#38;`. Forbidden control characters are removed too (`removeControlCharacters`).
    /// Returns nil when nothing needed rewriting.
    static func fixEntities(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = b.count
        var out: [UInt8] = []
        var copied = 0          // b[..<copied] already in out
        var i = 0
        func flush(to k: Int) {
            if out.isEmpty { out.reserveCapacity(n + n / 16) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<k]))
            copied = k
        }
        func emitCharRef(_ v: UInt32) {
            out.append(0x26); out.append(0x23)
            out.append(contentsOf: Array(String(v).utf8))
            out.append(0x3B)
        }
        while i < n {
            let c = b[i]
            if c == 0x3C {                                  // skip CDATA, comments, PIs
                if hasPrefix(b, at: i, "<![CDATA[") { i = (find(b, "]]>", from: i + 9) ?? n - 3) + 3; continue }
                if hasPrefix(b, at: i, "<!--") { i = (find(b, "-->", from: i + 4) ?? n - 3) + 3; continue }
                if hasPrefix(b, at: i, "<?") { i = (find(b, "?>", from: i + 2) ?? n - 2) + 2; continue }
                i += 1; continue
            }
            guard c == 0x26 else { i += 1; continue }
            // &#…; is fine as it is.
            if i + 1 < n, b[i + 1] == 0x23 { i += 2; continue }
            var j = i + 1
            while j < n, j - i <= 32, isNameByte(b[j]) { j += 1 }
            if j > i + 1, j < n, b[j] == 0x3B, isNameStart(b[i + 1]) {
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)
                let v: UInt32?
                switch name {
                case "amp": v = 0x26
                case "lt": v = 0x3C
                case "gt": v = 0x3E
                case "quot": v = 0x22
                case "apos": v = 0x27
                default: v = HTMLEntities.table[name]
                }
                flush(to: i)
                if let v { emitCharRef(v) } else { emitCharRef(0x26); out.append(contentsOf: Array(name.utf8)); out.append(0x3B) }
                copied = j + 1
                i = j + 1
                continue
            }
            flush(to: i)                                    // bare '&'
            emitCharRef(0x26)
            copied = i + 1
            i += 1
        }
        if out.isEmpty && copied == 0 { return removeControlCharacters(b) }
        flush(to: n)
        return out.withUnsafeBufferPointer(removeControlCharacters) ?? out
    }

    /// Drops the C0 control characters XML 1.0 forbids (everything below 0x20 but TAB, LF, CR),
    /// CDATA included: a stray SUB (0x1A) inside a CDATA section otherwise makes libxml2 abandon
    /// the rest of the feed. Nil when there are none.
    static func removeControlCharacters(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard b.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        return b.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
