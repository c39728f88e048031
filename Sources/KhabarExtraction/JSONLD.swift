import Foundation

/// The article described by a page's `application/ld+json` blocks, if any.
struct JSONLDArticle {
    var headline: String?
    var body: String?
    var published: String?
    var modified: String?
    var authors: [String] = []
    var image: String?
    var url: String?
    var language: String?
}

enum JSONLD {
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
        "liveblogposting", "report", "scholarlyarticle", "techarticle", "socialmediaposting",
    ]

    /// Finds the best article object in the given script texts: one with an articleBody first,
    /// then the first of a news type, then any article type.
    static func article(in scripts: [String]) -> JSONLDArticle? {
        var candidates: [[String: Any]] = []
        for raw in scripts {
            guard let obj = parse(raw) else { continue }
            collect(obj, into: &candidates, depth: 0)
        }
        guard !candidates.isEmpty else { return nil }
        let best = candidates.first(where: { string($0["articleBody"]).map { !$0.isEmpty } ?? false })
            ?? candidates.first(where: { types($0).contains(where: { $0.hasSuffix("newsarticle") || $0 == "reportagenews" }) })
            ?? candidates[0]
        var a = JSONLDArticle()
        a.headline = string(best["headline"]) ?? string(best["name"])
        a.body = string(best["articleBody"]) ?? string(best["text"])
        a.published = string(best["datePublished"]) ?? string(best["dateCreated"])
        a.modified = string(best["dateModified"])
        a.authors = names(best["author"]) + (best["author"] == nil ? names(best["creator"]) : [])
        a.image = imageURL(best["image"]) ?? imageURL(best["thumbnailUrl"])
        a.url = idURL(best["mainEntityOfPage"]) ?? string(best["url"])
        a.language = string(best["inLanguage"])
        return a
    }

    private static func types(_ o: [String: Any]) -> [String] {
        if let t = o["@type"] as? String { return [t.lowercased()] }
        if let ts = o["@type"] as? [Any] { return ts.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func collect(_ v: Any, into out: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let arr = v as? [Any] {
            for x in arr { collect(x, into: &out, depth: depth + 1) }
        } else if let o = v as? [String: Any] {
            if types(o).contains(where: { articleTypes.contains($0) }) { out.append(o) }
            if let g = o["@graph"] { collect(g, into: &out, depth: depth + 1) }
            // Some sites nest the article as mainEntity of a WebPage.
            if let m = o["mainEntity"] { collect(m, into: &out, depth: depth + 1) }
        }
    }

    /// JSONSerialization first; on failure, repair the usual breakage (HTML comment or CDATA
    /// wrappers, raw newlines inside strings, trailing commas) and try again.
    static func parse(_ raw: String) -> Any? {
        var s = raw.trimmingSpaces()
        var changed = true
        while changed {
            changed = false
            for p in ["<!--", "//<![CDATA[", "<![CDATA["] where s.hasPrefix(p) { s = String(s.dropFirst(p.count)).trimmingSpaces(); changed = true }
            for p in ["-->", "//]]>", "]]>"] where s.hasSuffix(p) { s = String(s.dropLast(p.count)).trimmingSpaces(); changed = true }
        }
        if s.isEmpty { return nil }
        if let v = try? JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed]) { return v }
        let repaired = repair(s)
        return try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed])
    }

    private static func repair(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var inString = false, escaped = false
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if inString {
                if escaped { escaped = false; out.append(u) }
                else if u == "\\" { escaped = true; out.append(u) }
                else if u == "\"" { inString = false; out.append(u) }
                else if u == "\n" { out.append(contentsOf: "\\n".unicodeScalars) }
                else if u == "\r" { out.append(contentsOf: "\\r".unicodeScalars) }
                else if u == "\t" { out.append(contentsOf: "\\t".unicodeScalars) }
                else if u.value < 0x20 { }
                else { out.append(u) }
            } else {
                if u == "\"" { inString = true; out.append(u) }
                else if u == "," {
                    var j = i + 1
                    while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                    if j < scalars.count, scalars[j] == "}" || scalars[j] == "]" { i += 1; continue }
                    out.append(u)
                } else { out.append(u) }
            }
            i += 1
        }
        return String(out)
    }

    static func string(_ v: Any?) -> String? {
        if let s = v as? String {
            let t = s.trimmingSpaces()
            return t.isEmpty ? nil : t
        }
        if let a = v as? [Any] { return a.lazy.compactMap { string($0) }.first }
        if let o = v as? [String: Any] { return string(o["@value"]) }
        return nil
    }

    private static func names(_ v: Any?) -> [String] {
        if let s = string(v as? String), !looksLikeURL(s) { return [s] }
        if let o = v as? [String: Any] {
            if let n = string(o["name"]), !looksLikeURL(n) { return [n] }
            return []
        }
        if let a = v as? [Any] {
            var out: [String] = []
            for x in a { for n in names(x) where !out.contains(n) { out.append(n) } }
            return out
        }
        return []
    }

    private static func imageURL(_ v: Any?) -> String? {
        if let s = v as? String { return string(s) }
        if let o = v as? [String: Any] { return string(o["url"]) ?? string(o["contentUrl"]) ?? string(o["@id"]) }
        if let a = v as? [Any] { return a.lazy.compactMap { imageURL($0) }.first }
        return nil
    }

    private static func idURL(_ v: Any?) -> String? {
        if let s = v as? String { return string(s) }
        if let o = v as? [String: Any] { return string(o["@id"]) ?? string(o["url"]) }
        return nil
    }

    static func looksLikeURL(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("/") || s.hasPrefix("www.")
    }
}
