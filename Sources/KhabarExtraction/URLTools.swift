import Foundation

/// URL checks shared by the sanitizer and the metadata reader.
enum URLTools {
    /// Removes what browsers ignore or strip inside URL attributes: leading/trailing C0 controls
    /// and spaces, and tab/CR/LF anywhere (so "jav&#x09;ascript:" is seen as "javascript:").
    /// Other control characters and NUL are removed too: no legitimate URL has them.
    static func clean(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for u in raw.unicodeScalars {
            let v = u.value
            if v <= 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || v == 0xFEFF || (0x200B...0x200F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                // Inner spaces are kept (encoded later), leading/trailing ones dropped.
                if v == 0x20 { out.append(u) }
                continue
            }
            out.append(u)
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// The scheme as a browser would read it ("JaVaScRiPt" → "javascript"), or nil for a
    /// relative URL.
    static func scheme(_ cleaned: String) -> String? {
        var scheme = ""
        for (k, u) in cleaned.unicodeScalars.enumerated() {
            let v = u.value
            if u == ":" { return k == 0 ? nil : scheme.lowercased() }
            let alpha = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            let ok = alpha || (k > 0 && ((v >= 0x30 && v <= 0x39) || u == "+" || u == "-" || u == "."))
            if !ok { return nil }
            scheme.unicodeScalars.append(u)
        }
        return nil
    }

    /// A base URL we accept: absolute http(s).
    static func base(_ s: String?) -> URL? {
        guard let s, let u = URL(string: clean(s)), let sc = u.scheme?.lowercased(), sc == "http" || sc == "https",
              u.host != nil else { return nil }
        return u
    }

    /// Resolves `raw` against `base` and returns it only if its scheme is in `schemes`.
    /// Relative URLs without a base are kept as they are (they cannot carry a scheme).
    static func safe(_ raw: String, base: URL?, schemes: Set<String>) -> String? {
        let c = clean(raw)
        if c.isEmpty { return nil }
        if let s = scheme(c) {
            guard schemes.contains(s) else { return nil }
            if s == "mailto" { return c.replacingOccurrences(of: " ", with: "%20") }
        }
        let encoded = c.replacingOccurrences(of: " ", with: "%20")
        if let base {
            guard let u = URL(string: encoded, relativeTo: base) else { return nil }
            let abs = u.absoluteString
            guard let s2 = scheme(abs), schemes.contains(s2) else { return nil }
            return abs
        }
        if let s = scheme(encoded) {
            guard schemes.contains(s), URL(string: encoded) != nil else { return nil }
            return encoded
        }
        // Relative without a base: never scheme-bearing, keep as is.
        return encoded
    }

    /// Absolute http(s) URL or nil (for metadata such as og:image and canonical).
    static func absolute(_ raw: String?, base: URL?) -> String? {
        guard let raw else { return nil }
        let c = clean(raw)
        if c.isEmpty { return nil }
        let encoded = c.replacingOccurrences(of: " ", with: "%20")
        let u: URL? = base.flatMap { URL(string: encoded, relativeTo: $0) } ?? URL(string: encoded)
        guard let abs = u?.absoluteString, let s = scheme(abs), s == "http" || s == "https" else { return nil }
        return abs
    }

    static func hostAndPath(_ s: String) -> (host: String, path: String)? {
        guard let u = URL(string: clean(s)), let h = u.host else { return nil }
        return (h.lowercased(), u.path)
    }
}
