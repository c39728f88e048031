/// HTML escaping and bidi isolation for text we did not write.
///
/// Mustache's `{{…}}` escapes, but Arabic pages also need Latin and numeric runs isolated so that
/// "WE CONNECT PEOPLE." or "2-1" do not reorder the sentence around them. `isolated` escapes
/// first and then wraps each left-to-right run in `<bdi>`; its output is the only raw HTML the
/// templates insert with `{{{…}}}`.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 { appendEscaped(byte, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }

    /// Escaped text with every run that starts with a Latin letter or a digit wrapped in `<bdi>`.
    ///
    /// A run continues over Latin letters, digits and the punctuation that binds them (`. , : - / % +`
    /// and inner spaces) and ends on a letter or digit, so trailing punctuation stays in the Arabic
    /// sentence. Works on UTF-8 bytes: pages call it for every paragraph.
    /// A text with no right-to-left letter at all (an English headline) is one run, brackets and
    /// all: cut at "(" it read "(2024) Breaking: …".
    public static func isolated(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        var text = text
        if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), !containsRightToLeft(text) {
            out.append(contentsOf: "<bdi>".utf8)
            for b in text.utf8 { appendEscaped(b, to: &out) }
            out.append(contentsOf: "</bdi>".utf8)
            return String(decoding: out, as: UTF8.self)
        }
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                guard let first = strongLTRLength(bytes, i) else {
                    appendEscaped(bytes[i], to: &out)
                    i += 1
                    continue
                }
                var end = i + first
                var solidEnd = end
                while end < n {
                    if let length = strongLTRLength(bytes, end) {
                        end += length
                        solidEnd = end
                    } else if isRunPunctuation(bytes[end]) {
                        end += 1
                    } else {
                        break
                    }
                }
                // A bare number inside Arabic text needs no isolation; only Latin or mixed runs do.
                let numeric = (i..<solidEnd).allSatisfy { (48...57).contains(bytes[$0]) || bytes[$0] == 44 || bytes[$0] == 46 }
                if !numeric { out.append(contentsOf: "<bdi>".utf8) }
                for j in i..<solidEnd { appendEscaped(bytes[j], to: &out) }
                if !numeric { out.append(contentsOf: "</bdi>".utf8) }
                i = solidEnd
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds a Hebrew, Arabic, Syriac, Thaana or N'Ko letter, or an Arabic
    /// presentation form: the scripts written right to left.
    static func containsRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (0x0590...0x08FF).contains(s.value) || (0xFB1D...0xFDFF).contains(s.value) || (0xFE70...0xFEFF).contains(s.value)
        }
    }

    /// Byte length of a strong left-to-right character at `i` (ASCII letter or digit, or a Latin-1 /
    /// Latin Extended letter U+00C0–U+024F), or nil.
    @inline(__always)
    static func strongLTRLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let b = bytes[i]
        if (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) { return 1 }
        // U+00C0–U+024F is 0xC3 0x80 … 0xC9 0x8F in UTF-8.
        if (0xC3...0xC9).contains(b), i + 1 < bytes.count, (0x80...0xBF).contains(bytes[i + 1]) {
            if b == 0xC9 && bytes[i + 1] > 0x8F { return nil }
            return 2
        }
        return nil
    }

    @inline(__always)
    static func isRunPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "_"), UInt8(ascii: "@"),
             UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }
}
