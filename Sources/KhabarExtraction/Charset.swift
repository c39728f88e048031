import Foundation

/// Turns page bytes into a Swift string before libxml2 sees them.
///
/// libxml2 would honour a `<meta charset>` itself, but real Arabic pages often carry a stale one
/// (the server re-encoded to UTF-8 and left "windows-1256" in the markup), and Foundation on Linux
/// has no CFString encoding lookup. So we decide here — BOM, then the transport charset, then the
/// `<meta>` declaration, then UTF-8 — and always hand libxml2 UTF-8 with encoding "UTF-8".
enum Charset {
    /// windows-1256 (kCFStringEncodingWindowsArabic) and ISO-8859-6 (kCFStringEncodingISOLatinArabic)
    /// through their CoreFoundation raw values; both decode on Linux (verified).
    static let windows1256 = String.Encoding(rawValue: 0x8000_0506)
    static let iso8859_6 = String.Encoding(rawValue: 0x8000_0206)

    enum Label: Equatable { case utf8, utf16LE, utf16BE, windows1256, iso8859_6, windows1252, unknown }

    static func label(_ raw: String) -> Label {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        switch s {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "windows1256", "ms-arab": return .windows1256
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "iso-ir-127", "arabic", "asmo-708", "ecma-114",
             "csisolatinarabic", "iso_8859-6:1987", "iso88596": return .iso8859_6
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii",
             "iso_8859-1", "x-cp1252": return .windows1252
        case "utf-16le", "utf-16": return .utf16LE
        case "utf-16be": return .utf16BE
        default: return .unknown
        }
    }

    /// The charset a page declares in its first 4 KB: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`.
    static func declared(in bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 4096)
        let lower: [UInt8] = bytes[0..<limit].map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count <= lower.count {
            if lower[i] == needle[0], Array(lower[i..<(i + needle.count)]) == needle {
                // Inside a <meta …> tag?
                var j = i - 1
                while j >= 0, lower[j] != UInt8(ascii: "<"), lower[j] != UInt8(ascii: ">") { j -= 1 }
                let isMeta = j >= 0 && lower[j] == UInt8(ascii: "<") && j + 5 <= lower.count
                    && Array(lower[(j + 1)..<(j + 5)]) == Array("meta".utf8)
                var k = i + needle.count
                while k < lower.count, lower[k] == 0x20 || lower[k] == 0x09 || lower[k] == 0x0A || lower[k] == 0x0D { k += 1 }
                if isMeta, k < lower.count, lower[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < lower.count, lower[k] == 0x20 || lower[k] == 0x22 || lower[k] == 0x27 { k += 1 }
                    var name: [UInt8] = []
                    while k < lower.count, name.count < 40 {
                        let c = lower[k]
                        let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E
                        if !ok { break }
                        name.append(c); k += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                i += needle.count
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Decodes page bytes; `transport` is the charset of an HTTP Content-Type header, if known.
    static func decode(_ bytes: [UInt8], transport: String? = nil) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return String(bytes: bytes[2...], encoding: .utf16LittleEndian) ?? ""
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return String(bytes: bytes[2...], encoding: .utf16BigEndian) ?? ""
        }
        var label = transport.map(Charset.label) ?? .unknown
        if label == .unknown, let d = declared(in: bytes) { label = Charset.label(d) }

        let validUTF8 = String(validating: bytes, as: UTF8.self)
        switch label {
        case .windows1256, .iso8859_6, .windows1252:
            // A valid UTF-8 page with non-ASCII text under a legacy label is a stale declaration.
            if let s = validUTF8, bytes.contains(where: { $0 >= 0x80 }) { return s }
            let enc: String.Encoding = label == .windows1256 ? windows1256
                : label == .iso8859_6 ? iso8859_6 : .windowsCP1252
            if let s = String(bytes: bytes, encoding: enc) { return s }
            if label == .iso8859_6, let s = String(bytes: bytes, encoding: windows1256) { return s }
            return String(decoding: bytes, as: UTF8.self)
        case .utf16LE:
            if let s = validUTF8 { return s }   // "utf-16" in a byte-oriented page is always wrong
            return String(bytes: bytes, encoding: .utf16LittleEndian) ?? String(decoding: bytes, as: UTF8.self)
        case .utf16BE:
            if let s = validUTF8 { return s }
            return String(bytes: bytes, encoding: .utf16BigEndian) ?? String(decoding: bytes, as: UTF8.self)
        case .utf8, .unknown:
            if let s = validUTF8 { return s }
            // Invalid UTF-8: a few stray bytes in a UTF-8 page, or an undeclared legacy Arabic page?
            let lossy = String(decoding: bytes, as: UTF8.self)
            var bad = 0, nonASCII = 0
            for u in lossy.unicodeScalars where u.value >= 0x80 {
                nonASCII += 1
                if u.value == 0xFFFD { bad += 1 }
            }
            if bad * 5 > nonASCII, let s = String(bytes: bytes, encoding: windows1256) { return s }
            return lossy
        }
    }
}
