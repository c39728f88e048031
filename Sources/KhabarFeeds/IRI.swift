import Foundation

/// Links as Khabar stores them: absolute URIs that Foundation's `URL(string:)` accepts, made from
/// the IRIs Arabic feeds carry (`https://مثال.مصر/أخبار/١`).
///
/// Normalization: whitespace and tab/newline removed (as browsers do), resolved against a base
/// (RFC 3986 §5.2, dot segments removed), scheme and host lowercased, IDN host labels in punycode
/// (NFC + lowercase, then RFC 3492; full UTS #46 mapping is not done), default ports dropped,
/// empty http(s) path → "/", every byte outside the RFC 3986 set of its component percent-encoded
/// as UTF-8 (Arabic path segments, spaces, `"<>\^`{|}`), existing `%XX` kept with upper-case hex.
/// Paths and queries are not Unicode-normalized (as in browsers), so the server sees its own bytes.
public enum IRI {
    /// Schemes a feed link may have; anything else (`javascript:`, `data:`…) is refused.
    public static let webSchemes: Set<String> = ["http", "https"]

    public struct Parts: Sendable, Equatable {
        public var scheme: String?
        public var authority: String?     // nil: no "//"
        public var path: String
        public var query: String?
        public var fragment: String?

        var string: String {
            var s = ""
            if let scheme { s += scheme + ":" }
            if let authority { s += "//" + authority }
            s += path
            if let query { s += "?" + query }
            if let fragment { s += "#" + fragment }
            return s
        }
    }

    /// Splits per RFC 3986 Appendix B (on UTF-8 bytes: Character-level String scanning was the
    /// main cost of link normalization).
    public static func split(_ s: String) -> Parts {
        let u = s.utf8
        var i = u.startIndex
        var scheme: String? = nil
        if let f = u.first, (f | 0x20) >= 0x61 && (f | 0x20) <= 0x7A {
            var j = u.index(after: i)
            while j < u.endIndex {
                let c = u[j]
                let ok = ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
                if !ok { break }
                j = u.index(after: j)
            }
            if j < u.endIndex, u[j] == 0x3A {
                scheme = String(s[i..<j]).lowercased()
                i = u.index(after: j)
            }
        }
        var end = u.endIndex
        var fragment: String? = nil
        if let h = u[i...].firstIndex(of: 0x23) { fragment = String(s[u.index(after: h)...]); end = h }
        var query: String? = nil
        if let q = u[i..<end].firstIndex(of: 0x3F) { query = String(s[u.index(after: q)..<end]); end = q }
        var authority: String? = nil
        if u.distance(from: i, to: end) >= 2, u[i] == 0x2F, u[u.index(after: i)] == 0x2F {
            let a = u.index(i, offsetBy: 2)
            let slash = u[a..<end].firstIndex(of: 0x2F) ?? end
            authority = String(s[a..<slash])
            i = slash
        }
        return Parts(scheme: scheme, authority: authority, path: String(s[i..<end]), query: query, fragment: fragment)
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard hasDotSegment(path) else { return path }
        var input = Substring(path)
        var out: [Substring] = []
        let absolute = input.hasPrefix("/")
        var segs = input.split(separator: "/", omittingEmptySubsequences: false)
        if absolute { segs.removeFirst() }
        let trailing = segs.last == "." || segs.last == ".."
        for seg in segs {
            if seg == "." { continue }
            if seg == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(seg)
        }
        input = Substring((absolute ? "/" : "") + out.joined(separator: "/"))
        if trailing && !input.hasSuffix("/") { input += "/" }
        return String(input)
    }

    /// True when some segment of `path` is "." or "..".
    static func hasDotSegment(_ path: String) -> Bool {
        var prev2: UInt8 = 0x2F, prev1: UInt8 = 0x2F, segLen = 0
        for c in path.utf8 {
            if c == 0x2F {
                if (segLen == 1 && prev1 == 0x2E) || (segLen == 2 && prev1 == 0x2E && prev2 == 0x2E) { return true }
                segLen = 0
            } else { segLen += 1 }
            prev2 = prev1; prev1 = c
        }
        return (segLen == 1 && prev1 == 0x2E) || (segLen == 2 && prev1 == 0x2E && prev2 == 0x2E)
    }

    /// RFC 3986 §5.2.2 (strict).
    static func resolve(_ r: Parts, against b: Parts) -> Parts {
        if r.scheme != nil {
            return Parts(scheme: r.scheme, authority: r.authority, path: removeDotSegments(r.path), query: r.query, fragment: r.fragment)
        }
        var t = Parts(scheme: b.scheme, authority: nil, path: "", query: nil, fragment: r.fragment)
        if r.authority != nil {
            t.authority = r.authority; t.path = removeDotSegments(r.path); t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path; t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    let merged: String
                    if b.authority != nil && b.path.isEmpty { merged = "/" + r.path }
                    else if let slash = b.path.utf8.lastIndex(of: 0x2F) { merged = b.path[...slash] + r.path }
                    else { merged = r.path }
                    t.path = removeDotSegments(merged)
                }
                t.query = r.query
            }
        }
        return t
    }

    /// Normalizes `reference` (resolved against `base` when relative). Returns nil for an empty
    /// reference, and for a non-web scheme when `webOnly`. A relative reference with no usable base
    /// comes back normalized but still relative.
    public static func normalize(_ reference: String, base: String? = nil, webOnly: Bool = true) -> String? {
        if isAlreadyNormal(reference) { return reference }
        var s = reference
        if s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            s.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        }
        s = s.trimmedControls()
        guard !s.isEmpty else { return nil }
        var parts = split(s)
        if parts.scheme == nil, let base, let bp = baseParts(base) {
            parts = resolve(parts, against: bp)
        } else if parts.scheme == nil, parts.authority != nil {
            parts.scheme = "https"          // "//host/x" with no base
        } else {
            parts.path = removeDotSegments(parts.path)
        }
        if let scheme = parts.scheme, webOnly, !webSchemes.contains(scheme) { return nil }
        return encode(parts).string
    }

    /// Fast path: `http(s)://lowercase-ascii-host/path…` with nothing to encode and no dot segments
    /// is its own normal form (most feed links), checked in one pass over the bytes.
    static func isAlreadyNormal(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            var i: Int
            if b.count > 8, b[0] == 0x68, b[1] == 0x74, b[2] == 0x74, b[3] == 0x70 {
                if b[4] == 0x3A, b[5] == 0x2F, b[6] == 0x2F { i = 7 }
                else if b[4] == 0x73, b[5] == 0x3A, b[6] == 0x2F, b[7] == 0x2F { i = 8 }
                else { return false }
            } else { return false }
            let hostStart = i
            while i < b.count, b[i] != 0x2F {
                let c = b[i]
                guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E else { return false }
                i += 1
            }
            guard i > hostStart, i < b.count else { return false }     // needs a path
            var segmentStart = i + 1
            var inPath = true
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x7E,
                     0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D, 0x3A, 0x40:
                    break
                case 0x2E:
                    break
                case 0x2F:
                    if inPath {
                        // "/./" or "/../" segments need work.
                        let len = i - segmentStart
                        if (len == 1 && b[i - 1] == 0x2E) || (len == 2 && b[i - 1] == 0x2E && b[i - 2] == 0x2E) { return false }
                        segmentStart = i + 1
                    }
                case 0x3F, 0x23:
                    if inPath {
                        let len = i - segmentStart
                        if (len == 1 && b[i - 1] == 0x2E) || (len == 2 && b[i - 1] == 0x2E && b[i - 2] == 0x2E) { return false }
                    }
                    inPath = false
                case 0x25:
                    guard i + 2 < b.count, isUpperHex(b[i + 1]), isUpperHex(b[i + 2]) else { return false }
                    i += 2
                default:
                    return false
                }
                i += 1
            }
            if inPath {
                let len = i - segmentStart
                if (len == 1 && b[i - 1] == 0x2E) || (len == 2 && b[i - 1] == 0x2E && b[i - 2] == 0x2E) { return false }
            }
            return true
        }
    }

    @inline(__always) private static func isUpperHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46)
    }

    /// The base as parts. A relative base (a feed with a relative link and no fetch URL) still
    /// merges paths; the result then stays relative.
    static func baseParts(_ base: String) -> Parts? {
        let t = base.trimmed()
        return t.isEmpty ? nil : split(t)
    }

    /// True when `s` has a scheme.
    public static func isAbsolute(_ s: String) -> Bool { split(s).scheme != nil }

    // MARK: - Component encoding

    private static func encode(_ p: Parts) -> Parts {
        var out = p
        if let a = p.authority { out.authority = normalizeAuthority(a, scheme: p.scheme) }
        out.path = percentEncode(p.path, allowSlashAndQuery: false)
        if out.path.isEmpty, out.authority != nil, let sc = out.scheme, webSchemes.contains(sc) { out.path = "/" }
        out.query = p.query.map { percentEncode($0, allowSlashAndQuery: true) }
        out.fragment = p.fragment.map { percentEncode($0, allowSlashAndQuery: true) }
        return out
    }

    private static func normalizeAuthority(_ a: String, scheme: String?) -> String {
        var userinfo: Substring? = nil
        var hostport = Substring(a)
        if let at = a.utf8.lastIndex(of: 0x40) { userinfo = a[..<at]; hostport = a[a.index(after: at)...] }
        var host = hostport
        var port: Substring? = nil
        if hostport.hasPrefix("[") {                         // IPv6 literal
            if let close = hostport.utf8.firstIndex(of: 0x5D) {
                host = hostport[...close]
                let after = hostport[hostport.index(after: close)...]
                if after.hasPrefix(":") { port = after.dropFirst() }
            }
        } else if let colon = hostport.utf8.lastIndex(of: 0x3A) {
            host = hostport[..<colon]; port = hostport[hostport.index(after: colon)...]
        }
        var h = String(host)
        if h.utf8.contains(0x25) { h = percentDecode(h) }
        h = idnaHost(h)
        var out = ""
        if let userinfo { out += percentEncode(String(userinfo), allowSlashAndQuery: false) + "@" }
        out += h
        if let port, !port.isEmpty, port.allSatisfy(\.isASCII) {
            let isDefault = (scheme == "http" && port == "80") || (scheme == "https" && port == "443")
            if !isDefault { out += ":" + port }
        }
        return out
    }

    /// Lowercases and punycodes each non-ASCII label ("مثال.مصر" → "xn--mgbh0fb.xn--wgbh1c").
    public static func idnaHost(_ host: String) -> String {
        if host.utf8.allSatisfy({ $0 < 0x80 }) { return host.lowercased() }
        guard !host.hasPrefix("[") else { return host.lowercased() }
        // Full-width and ideographic dots are label separators (UTS #46).
        var scalars = String.UnicodeScalarView()
        for sc in host.unicodeScalars {
            scalars.append(sc.value == 0x3002 || sc.value == 0xFF0E || sc.value == 0xFF61 ? "." : sc)
        }
        let h = String(scalars).precomposedStringWithCanonicalMapping.lowercased()
        return h.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            if label.utf8.allSatisfy({ $0 < 0x80 }) { return String(label) }
            guard let enc = Punycode.encode(String(label)) else { return String(label) }
            return "xn--" + enc
        }.joined(separator: ".")
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    @inline(__always) private static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// Keeps unreserved, sub-delims, ":" and "@" (and "/" and "?" in query/fragment, "/" in paths),
    /// valid `%XX` escapes (hex upper-cased); percent-encodes every other byte of the UTF-8 form.
    static func percentEncode(_ s: String, allowSlashAndQuery: Bool) -> String {
        // No Unicode normalization here: browsers (WHATWG URL) encode path and query bytes as they
        // are, and a server may not answer to an NFC-changed path. Only hosts are NFC'd (IDNA).
        let bytes = Array(s.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E,     // unreserved
                 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D,  // sub-delims
                 0x3A, 0x40, 0x2F:                                                 // : @ /
                out.append(c)
            case 0x3F where allowSlashAndQuery:
                out.append(c)
            case 0x25 where i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2]):
                out.append(0x25)
                out.append(bytes[i + 1] >= 0x61 ? bytes[i + 1] - 0x20 : bytes[i + 1])
                out.append(bytes[i + 2] >= 0x61 ? bytes[i + 2] - 0x20 : bytes[i + 2])
                i += 2
            default:
                out.append(0x25); out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 0xF)])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%D9%85` → "م" (invalid UTF-8 is replaced).
    static func percentDecode(_ s: String) -> String {
        let b = Array(s.utf8)
        var out = [UInt8]()
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, isHex(b[i + 1]), isHex(b[i + 2]),
               let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v); i += 3
            } else { out.append(b[i]); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// RFC 3492 Punycode (the Bootstring parameters for IDNA).
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    private static func adapt(_ delta0: Int, _ numPoints: Int, _ first: Bool) -> Int {
        var delta = first ? delta0 / damp : delta0 / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 { delta /= base - tMin; k += base }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> Character {
        Character(Unicode.Scalar(UInt8(d < 26 ? d + 97 : d + 22)))
    }

    /// Encodes one label ("مصر" → "wgbh1c"); nil on overflow.
    public static func encode(_ input: String) -> String? {
        let cps = input.unicodeScalars.map { Int($0.value) }
        var out = String(cps.filter { $0 < 0x80 }.map { Character(Unicode.Scalar(UInt8($0))) })
        let b = out.count
        var h = b
        if b > 0 { out.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while h < cps.count {
            guard let m = cps.filter({ $0 >= n }).min() else { break }
            let (mul, o1) = (m - n).multipliedReportingOverflow(by: h + 1)
            guard !o1 else { return nil }
            delta += mul
            n = m
            for c in cps {
                if c < n { delta += 1; guard delta < Int(Int32.max) else { return nil } }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        out.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    out.append(digit(q))
                    bias = adapt(delta, h + 1, h == b)
                    delta = 0
                    h += 1
                }
            }
            delta += 1; n += 1
        }
        return out
    }

    /// Decodes one label ("wgbh1c" → "مصر"); nil when malformed.
    public static func decode(_ input: String) -> String? {
        var output: [Int] = []
        var chars = Array(input.unicodeScalars)
        if let lastDash = chars.lastIndex(of: "-") {
            for c in chars[..<lastDash] { guard c.isASCII else { return nil }; output.append(Int(c.value)) }
            chars = Array(chars[(lastDash + 1)...])
        }
        var n = initialN, i = 0, bias = initialBias
        var pos = 0
        while pos < chars.count {
            let oldi = i
            var w = 1
            var k = base
            while true {
                guard pos < chars.count else { return nil }
                let c = chars[pos].value; pos += 1
                let d: Int
                switch c {
                case 0x30...0x39: d = Int(c) - 22
                case 0x41...0x5A: d = Int(c) - 65
                case 0x61...0x7A: d = Int(c) - 97
                default: return nil
                }
                i += d * w
                guard i < Int(Int32.max) else { return nil }
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                w *= base - t
                k += base
            }
            bias = adapt(i - oldi, output.count + 1, oldi == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            output.insert(n, at: i)
            i += 1
        }
        var s = String.UnicodeScalarView()
        for v in output { guard let u = Unicode.Scalar(UInt32(v)) else { return nil }; s.append(u) }
        return String(s)
    }
}
