import Foundation
import Testing
@testable import KhabarExtraction

/// Classic XSS vectors (Fixtures/sanitizer/xss-vectors.txt): whatever the sanitizer keeps, the
/// output must contain no script-capable construct. The check parses the output: every "<" must
/// open an allow-listed tag, every attribute must be allow-listed with a quoted, escaped value,
/// and every URL must be http(s) or mailto (or scheme-less when there is no base URL).
@Suite("XSS vectors")
struct XSSTests {
    static func vectors() -> [String] {
        Paths.read(Paths.sanitizer.appendingPathComponent("xss-vectors.txt"))
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.hasPrefix("#") }
            .map(unescape)
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var it = Array(s).makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.append(c); continue }
            switch it.next() {
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            case "0": out += "\u{0}"
            case "x":
                let hex = String([it.next() ?? "0", it.next() ?? "0"])
                out.unicodeScalars.append(Unicode.Scalar(UInt8(hex, radix: 16) ?? 0))
            case "\\": out += "\\"
            case let other?: out += "\\" + String(other)
            case nil: out += "\\"
            }
        }
        return out
    }

    static let allowedTags: Set<String> = [
        "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "blockquote", "q", "cite",
        "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "table",
        "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "pre", "code", "span", "sub", "sup", "abbr", "time",
        "bdi", "bdo", "wbr",
    ]
    static let allowedAttrs: [String: Set<String>] = [
        "a": ["href", "title", "rel"], "img": ["src", "alt", "title", "width", "height"], "time": ["datetime"],
        "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"], "ol": ["start"], "abbr": ["title"],
    ]

    /// Returns the problems found in sanitizer output (empty = safe).
    static func problems(_ html: String, base: Bool) -> [String] {
        var issues: [String] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        func isNameChar(_ u: Unicode.Scalar) -> Bool { (u >= "a" && u <= "z") || (u >= "0" && u <= "9") || u == "-" }
        while i < s.count {
            if s[i] == ">" { issues.append("bare > outside a tag at \(i)") }
            guard s[i] == "<" else { i += 1; continue }
            i += 1
            var closing = false
            if i < s.count, s[i] == "/" { closing = true; i += 1 }
            var name = ""
            while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
            guard allowedTags.contains(name) else { issues.append("tag <\(closing ? "/" : "")\(name)>"); return issues }
            while i < s.count, s[i] != ">" {
                guard s[i] == " " else { issues.append("unexpected \(s[i]) in <\(name)>"); return issues }
                i += 1
                var attr = ""
                while i < s.count, isNameChar(s[i]) { attr.unicodeScalars.append(s[i]); i += 1 }
                guard !closing, i + 1 < s.count, s[i] == "=", s[i + 1] == "\"" else {
                    issues.append("malformed attribute \(attr) in <\(name)>"); return issues
                }
                i += 2
                var value = ""
                while i < s.count, s[i] != "\"" {
                    if s[i] == "<" || s[i] == ">" { issues.append("raw \(s[i]) in attribute value") }
                    value.unicodeScalars.append(s[i]); i += 1
                }
                i += 1
                let ok = (allowedAttrs[name] ?? []).contains(attr) || attr == "dir" || attr == "lang"
                if !ok { issues.append("attribute \(attr) on <\(name)>") }
                if attr.hasPrefix("on") || attr == "style" || attr == "srcdoc" || attr == "formaction" {
                    issues.append("dangerous attribute \(attr)")
                }
                if attr == "href" || attr == "src" {
                    // Judge the URL as a browser would: entities decoded once, leading controls and
                    // spaces dropped, tab/CR/LF removed, then the scheme is [a-z][a-z0-9+.-]* before ":".
                    let decoded = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&#96;", with: "`").replacingOccurrences(of: "&lt;", with: "<")
                        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                    var url = String(decoded.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
                    while let f = url.unicodeScalars.first, f.value <= 0x20 { url.removeFirst() }
                    let lower = url.lowercased()
                    var scheme: String?
                    if let colon = lower.firstIndex(of: ":") {
                        let candidate = lower[..<colon]
                        if let first = candidate.unicodeScalars.first, first >= "a" && first <= "z",
                           candidate.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "+-.".unicodeScalars.contains($0) }) {
                            scheme = String(candidate)
                        }
                    }
                    let allowed: Set<String> = attr == "href" ? ["http", "https", "mailto"] : ["http", "https"]
                    if let scheme {
                        if !allowed.contains(scheme) { issues.append("scheme \(scheme) in \(value)") }
                    } else if base {
                        issues.append("relative url with a base: \(value)")
                    }
                }
                if attr == "dir", !["ltr", "rtl", "auto"].contains(value) { issues.append("dir \(value)") }
            }
            i += 1
        }
        return issues
    }

    @Test("the vector list is long enough")
    func count() { #expect(Self.vectors().count >= 40) }

    @Test("no vector yields a script-capable construct", arguments: vectors())
    func vector(_ v: String) {
        for base in ["https://example.com/news/", nil] as [String?] {
            let out = Sanitizer.sanitize(v, baseURL: base)
            let found = Self.problems(out, base: base != nil)
            #expect(found.isEmpty, "\(v) → \(out): \(found)")
            let lower = out.lowercased()
            for bad in ["<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed", "<meta", "<base", "<link",
                        "<form", "<input", "<button", "<textarea", "<select", "<noscript", "<template", "<body", "<video",
                        "<audio", "<details", "<marquee", "<portal", "<isindex", "<keygen", "<xss"] {
                #expect(!lower.contains(bad), "\(v) → \(out)")
            }
        }
    }

    @Test("the checker itself catches unsafe output")
    func checkerWorks() {
        #expect(!Self.problems(#"<a href="javascript:alert(1)">x</a>"#, base: true).isEmpty)
        #expect(!Self.problems(#"<img src="x" onerror="alert(1)">"#, base: true).isEmpty)
        #expect(!Self.problems(#"<script>alert(1)</script>"#, base: true).isEmpty)
        #expect(!Self.problems(#"<p style="x">a</p>"#, base: true).isEmpty)
        #expect(Self.problems(#"<p dir="rtl">نص <a href="https://e.com/" rel="nofollow noopener noreferrer">ر</a></p>"#, base: true).isEmpty)
    }

    @Test("extraction output HTML is sanitized too")
    func extractionHTML() {
        let page = #"<html><body><article><h1>عنوان</h1><p onclick="x()">فقرة أولى طويلة بما يكفي لتكون نصاً، فيها كلمات كثيرة ومعنى واضح وتنتهي بنقطة.</p><script>alert(1)</script><p>فقرة ثانية <a href="javascript:alert(1)">رابط</a> فيها كلام آخر كثير يكفي لتكون من المقال، وتنتهي كذلك بنقطة.</p><img src="x" onerror="alert(1)"></article></body></html>"#
        let a = Extractor.extract(html: Array(page.utf8), url: "https://example.com/a")
        #expect(Self.problems(a.html, base: true).isEmpty, "\(a.html)")
        #expect(a.body.contains("فقرة ثانية رابط فيها"))
    }
}
