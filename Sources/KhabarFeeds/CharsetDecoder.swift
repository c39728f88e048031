import Foundation

/// Finds a document's charset and decodes it to UTF-8, never failing (bad bytes become U+FFFD).
///
/// Priority: byte-order mark → HTTP `Content-Type` charset → XML declaration `encoding` → HTML
/// `<meta charset>` / `<meta http-equiv content="…charset=…">` → UTF-16 sniffed from `<\0?\0` →
/// UTF-8. The header beats the XML declaration, as RFC 7303 §3.2 says, with two repairs for the
/// misconfigured servers Arabic outlets often sit behind:
/// 1. the header says UTF-8 but the bytes are not valid UTF-8 and the document declares another
///    charset → the document's declaration is used;
/// 2. the header says ISO-8859-1 or US-ASCII (server defaults, never right for Arabic text) and the
///    document declares another charset → the declaration is used.
/// With no declaration at all and bytes that are not valid UTF-8, windows-1256 is tried (Arabic
/// first). Each repair is reported in `Detection.note`.
///
/// Supported: UTF-8, UTF-16LE/BE, windows-1256, ISO-8859-6, ISO-8859-1/windows-1252/US-ASCII
/// (decoded as windows-1252, as browsers do), and other windows-125x through Foundation.
public enum CharsetDecoder {
    /// Where the charset decision came from.
    public enum Source: String, Sendable {
        case bom, header, xmlDeclaration, htmlMeta, sniffed, fallback, defaulted
    }

    public struct Detection: Sendable, Equatable {
        /// Canonical name of the charset actually used: "utf-8", "utf-16le", "windows-1256", …
        public var charset: String
        public var source: Source
        /// Number of leading bytes to skip (the BOM).
        public var skip: Int
        /// True when the bytes were taken as UTF-8 without validating them (lazy mode).
        public var unverified = false
        /// Set when the decision overrode a declaration, or bytes had to be replaced.
        public var note: String?
    }

    /// Decodes `bytes`; returns the text and the charset used.
    public static func decode(_ bytes: [UInt8], contentType: String?) -> (text: String, charset: String) {
        let r = decodeToUTF8(bytes, contentType: contentType)
        let text = r.utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        return (text, r.detection.charset)
    }

    public static func decode(_ data: Data, contentType: String?) -> (text: String, charset: String) {
        decode([UInt8](data), contentType: contentType)
    }

    // MARK: - Detection

    enum Kind: Equatable {
        case utf8, utf16le, utf16be, table([UInt16], String), foundation(UInt, String), unsupported(String)
        static func == (a: Kind, b: Kind) -> Bool { a.name == b.name }

        var name: String {
            switch self {
            case .utf8: return "utf-8"
            case .utf16le: return "utf-16le"
            case .utf16be: return "utf-16be"
            case .table(_, let n), .foundation(_, let n), .unsupported(let n): return n
            }
        }
    }

    /// Maps a charset label (WHATWG-style aliases) to a decoder.
    static func kind(forLabel raw: String) -> Kind {
        let l = raw.trimmed("\"", "'")
            .lowercased()
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode11utf8":
            return .utf8
        case "utf-16", "utf16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
            return .utf16le
        case "utf-16be", "unicodefffe":
            return .utf16be
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "ms-arab":
            return .table(CharsetTables.windows1256, "windows-1256")
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "iso-8859-6:1987", "iso-ir-127", "arabic", "asmo-708",
             "ecma-114", "csisolatinarabic", "csiso88596e", "csiso88596i", "iso-8859-6-e", "iso-8859-6-i", "iso88596":
            return .table(CharsetTables.iso8859_6, "iso-8859-6")
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "iso-ir-100", "cp819", "ibm819",
             "csisolatin1", "iso88591", "iso_8859-1:1987", "windows-1252", "cp1252", "x-cp1252",
             "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "cp367", "ibm367", "us":
            return .table(CharsetTables.windows1252, "windows-1252")
        case "windows-1250", "cp1250": return .foundation(0x8000_0501, "windows-1250")
        case "windows-1251", "cp1251": return .foundation(0x8000_0502, "windows-1251")
        case "windows-1253", "cp1253": return .foundation(0x8000_0503, "windows-1253")
        case "windows-1254", "cp1254": return .foundation(0x8000_0504, "windows-1254")
        case "windows-1255", "cp1255": return .foundation(0x8000_0505, "windows-1255")
        default: return .unsupported(l)
        }
    }

    /// Decides the charset without decoding.
    public static func detect(_ bytes: [UInt8], contentType: String?) -> Detection {
        bytes.withUnsafeBufferPointer { detect($0, contentType: contentType).detection }
    }

    /// `lazyUTF8`: do not validate UTF-8 up front when nothing forces it (no declaration at all is
    /// then taken as UTF-8); the caller re-runs eagerly if the XML parser meets an invalid byte.
    static func detect(_ b: UnsafeBufferPointer<UInt8>, contentType: String?, lazyUTF8: Bool = false) -> (detection: Detection, kind: Kind) {
        // 1. BOM
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            return (Detection(charset: "utf-8", source: .bom, skip: 3), .utf8)
        }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE {
            return (Detection(charset: "utf-16le", source: .bom, skip: 2), .utf16le)
        }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF {
            return (Detection(charset: "utf-16be", source: .bom, skip: 2), .utf16be)
        }
        // UTF-16 without BOM, from the first characters "<?" (XML 1.0 Appendix F).
        var sniffed16: Kind? = nil
        if b.count >= 4 {
            if b[0] == 0x3C && b[1] == 0 && b[2] != 0 && b[3] == 0 { sniffed16 = .utf16le }
            else if b[0] == 0 && b[1] == 0x3C && b[2] == 0 && b[3] != 0 { sniffed16 = .utf16be }
        }
        let header = contentType.flatMap(charsetParameter)
        let declared: (label: String, source: Source)? = sniffed16 == nil ? documentDeclaration(b) : nil

        if let header {
            var k = kind(forLabel: header)
            // A UTF-16 label on bytes with no NULs means the body was already transcoded.
            if (k == .utf16le || k == .utf16be), sniffed16 == nil, !hasNULs(b) { k = .utf8 }
            if case .unsupported = k {} else {
                if let declared, kind(forLabel: declared.label) != k {
                    let dk = kind(forLabel: declared.label)
                    if case .unsupported = dk {} else {
                        if k == .utf8 && !isValidUTF8(b) {
                            return (Detection(charset: dk.name, source: declared.source, skip: 0,
                                              note: "charset: header says utf-8 but the bytes are not UTF-8; used the document's \(dk.name)"), dk)
                        }
                        if k.name == "windows-1252" && ["iso-8859-1", "latin1", "us-ascii", "ascii", "iso8859-1"].contains(header.lowercased()) {
                            return (Detection(charset: dk.name, source: declared.source, skip: 0,
                                              note: "charset: header says \(header.lowercased()) (a server default), document says \(declared.label.lowercased()); used \(dk.name)"), dk)
                        }
                        return (Detection(charset: k.name, source: .header, skip: 0,
                                          note: "charset: header says \(header.lowercased()), document says \(declared.label.lowercased()); the header wins (RFC 7303)"), k)
                    }
                }
                return (Detection(charset: k.name, source: .header, skip: 0), k)
            }
        }
        if let s = sniffed16 {
            return (Detection(charset: s.name, source: .sniffed, skip: 0), s)
        }
        if let declared {
            var k = kind(forLabel: declared.label)
            if k == .utf16le || k == .utf16be { k = .utf8 }   // bytes are ASCII-compatible here
            if case .unsupported(let n) = k {
                return (Detection(charset: "utf-8", source: .defaulted, skip: 0,
                                  note: "charset: unsupported charset \(n); decoded as utf-8"), .utf8)
            }
            return (Detection(charset: k.name, source: declared.source, skip: 0), k)
        }
        if !lazyUTF8 && !isValidUTF8(b) {
            let k = kind(forLabel: "windows-1256")
            return (Detection(charset: k.name, source: .fallback, skip: 0,
                              note: "charset: none declared and the bytes are not UTF-8; guessed windows-1256"), k)
        }
        return (Detection(charset: "utf-8", source: .defaulted, skip: 0), .utf8)
    }

    /// `text/xml; charset="windows-1256"` → `windows-1256`.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmed().lowercased() == "charset" else { continue }
            let v = kv[1].trimmed("\"", "'")
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// The XML declaration's `encoding`, else an HTML `<meta>` charset, from the first 4 KB.
    static func documentDeclaration(_ b: UnsafeBufferPointer<UInt8>) -> (label: String, source: Source)? {
        let n = min(b.count, 4096)
        var i = 0
        while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        if i + 5 <= n, b[i] == 0x3C, b[i + 1] == 0x3F, lower(b[i + 2]) == 0x78, lower(b[i + 3]) == 0x6D, lower(b[i + 4]) == 0x6C {
            var end = i
            while end + 1 < n, !(b[end] == 0x3F && b[end + 1] == 0x3E) { end += 1 }
            if let v = attribute("encoding", in: b, from: i, to: end) { return (v, .xmlDeclaration) }
            return nil
        }
        // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
        var j = 0
        while j + 5 < n {
            if b[j] == 0x3C, lower(b[j + 1]) == 0x6D, lower(b[j + 2]) == 0x65, lower(b[j + 3]) == 0x74, lower(b[j + 4]) == 0x61 {
                var end = j
                while end < n, b[end] != 0x3E { end += 1 }
                if let v = attribute("charset", in: b, from: j, to: end) { return (v, .htmlMeta) }
                j = end
            }
            j += 1
        }
        return nil
    }

    /// Finds `name = "value"` (or `name=value` up to a delimiter) in b[from..<to], ASCII case-insensitive.
    private static func attribute(_ name: String, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String? {
        let key = Array(name.utf8)
        var i = from
        while i + key.count < to {
            var match = true
            for k in 0..<key.count where lower(b[i + k]) != key[k] { match = false; break }
            if match {
                var j = i + key.count
                while j < to, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                if j < to, b[j] == 0x3D {
                    j += 1
                    while j < to, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                    var q: UInt8 = 0
                    if j < to, b[j] == 0x22 || b[j] == 0x27 { q = b[j]; j += 1 }
                    var e = j
                    while e < to, e - j < 40 {
                        let c = b[e]
                        if q != 0 ? c == q : (c == 0x20 || c == 0x3B || c == 0x22 || c == 0x27 || c == 0x2F || c == 0x3E) { break }
                        e += 1
                    }
                    if e > j, let s = String(bytes: UnsafeBufferPointer(rebasing: b[j..<e]), encoding: .ascii) { return s }
                }
            }
            i += 1
        }
        return nil
    }

    @inline(__always) private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    private static func hasNULs(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.prefix(512).contains(0)
    }

    // MARK: - UTF-8 validation and decoding

    /// True when `b` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidUTF8(b) == nil
    }

    /// Offset of the first ill-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return nil }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0xC2 && c <= 0xDF {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 2 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return i }
                if c == 0xE0 && base[i + 1] < 0xA0 { return i }
                if c == 0xED && base[i + 1] > 0x9F { return i }
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i + 3 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80, base[i + 3] & 0xC0 == 0x80 else { return i }
                if c == 0xF0 && base[i + 1] < 0x90 { return i }
                if c == 0xF4 && base[i + 1] > 0x8F { return i }
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    struct UTF8Result {
        /// UTF-8 bytes without BOM. Empty with `useInput == true` means "the input (after `skip`) is already it".
        var utf8: [UInt8]
        var useInput: Bool
        var detection: Detection
    }

    /// Decodes to UTF-8 bytes. When the input already is valid UTF-8, returns `useInput` instead of copying.
    static func decodeToUTF8(_ b: UnsafeBufferPointer<UInt8>, contentType: String?, avoidCopy: Bool, lazyUTF8: Bool = false) -> UTF8Result {
        var (det, kind) = detect(b, contentType: contentType, lazyUTF8: lazyUTF8)
        let body = UnsafeBufferPointer(rebasing: b[det.skip...])
        switch kind {
        case .utf8, .unsupported:
            if !(lazyUTF8 && avoidCopy), let bad = firstInvalidUTF8(body) {
                let line = body[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let note = "charset: invalid UTF-8 bytes (first on line \(line)) replaced with U+FFFD"
                det.note = det.note.map { $0 + "; " + note } ?? note
                return UTF8Result(utf8: Array(String(decoding: body, as: UTF8.self).utf8), useInput: false, detection: det)
            }
            if avoidCopy {
                det.unverified = lazyUTF8
                return UTF8Result(utf8: [], useInput: true, detection: det)
            }
            return UTF8Result(utf8: Array(body), useInput: false, detection: det)
        case .utf16le, .utf16be:
            let le = kind == .utf16le
            var units = [UInt16]()
            units.reserveCapacity(body.count / 2)
            var i = 0
            while i + 1 < body.count {
                units.append(le ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
                i += 2
            }
            if body.count % 2 == 1 { units.append(0xFFFD) }
            let s = String(decoding: units, as: UTF16.self)
            return UTF8Result(utf8: Array(s.utf8), useInput: false, detection: det)
        case .table(let table, _):
            var out = [UInt8]()
            out.reserveCapacity(body.count * 2)
            for c in body {
                if c < 0x80 { out.append(c); continue }
                let u = UInt32(table[Int(c) - 0x80])
                if u < 0x800 {
                    out.append(UInt8(0xC0 | (u >> 6))); out.append(UInt8(0x80 | (u & 0x3F)))
                } else {
                    out.append(UInt8(0xE0 | (u >> 12))); out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                    out.append(UInt8(0x80 | (u & 0x3F)))
                }
            }
            return UTF8Result(utf8: out, useInput: false, detection: det)
        case .foundation(let raw, _):
            if let s = String(bytes: body, encoding: String.Encoding(rawValue: raw)) {
                return UTF8Result(utf8: Array(s.utf8), useInput: false, detection: det)
            }
            det.note = "charset: could not decode as \(det.charset); decoded as utf-8"
            det.charset = "utf-8"
            return UTF8Result(utf8: Array(String(decoding: body, as: UTF8.self).utf8), useInput: false, detection: det)
        }
    }

    static func decodeToUTF8(_ bytes: [UInt8], contentType: String?) -> UTF8Result {
        bytes.withUnsafeBufferPointer { decodeToUTF8($0, contentType: contentType, avoidCopy: false) }
    }
}
