import Foundation

/// The main text and metadata of one article page.
public struct ExtractedArticle: Sendable, Codable, Hashable {
    public var title: String?
    /// Plain text, one paragraph per line, no blank lines.
    public var body: String
    /// The main content as sanitized HTML (allow-listed, absolute URLs).
    public var html: String
    public var published: Date?
    public var modified: Date?
    /// Author name(s); several are joined with "، ".
    public var author: String?
    /// Absolute http(s) URL of the lead image.
    public var image: String?
    public var canonicalURL: String?
    /// Primary language subtag, lower-cased ("ar" for "ar-EG" or og:locale "ar_AR").
    public var lang: String?
    /// Where the body came from: "json-ld", "site-rule", "generic" (or "none" when nothing was found).
    public var method: String

    public init(title: String? = nil, body: String = "", html: String = "", published: Date? = nil,
                modified: Date? = nil, author: String? = nil, image: String? = nil, canonicalURL: String? = nil,
                lang: String? = nil, method: String = "none") {
        self.title = title; self.body = body; self.html = html; self.published = published
        self.modified = modified; self.author = author; self.image = image; self.canonicalURL = canonicalURL
        self.lang = lang; self.method = method
    }
}

/// Main-text extraction from article pages: the module's front door.
///
/// Order of trust: the page's JSON-LD article (`articleBody`, cross-checked against the page so a
/// truncated articleBody loses to the full text), then a per-site rule (`siteRuleData`), then the
/// generic content-density extractor. Arabic boilerplate (read-also boxes, tags, share bars,
/// comments, SEO filler — `boilerplatePhraseData`) is removed on every path. Never throws: a page
/// that yields nothing gives an empty body and whatever metadata it had.
public enum Extractor {
    public static func extract(html: [UInt8], url: String?, charset: String? = nil) -> ExtractedArticle {
        extract(html: Charset.decode(html, transport: charset), url: url)
    }

    public static func extract(html: Data, url: String?, charset: String? = nil) -> ExtractedArticle {
        extract(html: [UInt8](html), url: url, charset: charset)
    }

    /// Already-decoded HTML (any `<meta charset>` in it is ignored).
    public static func extract(html: String, url: String?) -> ExtractedArticle {
        var dom = DOM.parse(utf8: html)
        let meta = PageMetadata(dom)
        let pageBase = URLTools.base(url)
        let base = URLTools.base(meta.baseHref.flatMap { URLTools.absolute($0, base: pageBase) }) ?? pageBase
        let ld = JSONLD.article(in: meta.jsonLD)

        var article = ExtractedArticle()
        article.title = title(meta, ld)
        article.published = DateParser.parse(ld?.published) ?? DateParser.parse(meta.first(publishedKeys))
            ?? DateParser.parse(meta.itempropDate) ?? DateParser.parse(meta.pubdateTime)
        article.modified = DateParser.parse(ld?.modified) ?? DateParser.parse(meta.first(modifiedKeys))
            ?? DateParser.parse(meta.itempropModified)
        article.author = author(meta, ld)
        article.image = URLTools.absolute(ld?.image.map(Entities.decode), base: base)
            ?? URLTools.absolute(meta.first(imageKeys), base: base)
            ?? URLTools.absolute(meta.imageSrc, base: base)
        article.canonicalURL = URLTools.absolute(meta.canonical, base: base)
            ?? URLTools.absolute(meta.first(["og:url", "twitter:url"]), base: base)
            ?? URLTools.absolute(ld?.url, base: base)

        Pruner.removeInvisible(&dom)
        let hints = Scores.hints(dom)
        let penalties = Pruner.removeBoilerplate(&dom, hints: hints)
        var result: ContentResult?
        if let rule = SiteRules.rule(for: url) { result = SiteRuleExtractor.run(&dom, rule: rule, hints: hints) }
        if result == nil { result = GenericExtractor.run(&dom, hints: hints, penalties: penalties) }

        var lines: [String] = []
        var html = ""
        if let result {
            lines = bodyLines(result.segments, title: article.title)
            var s = HTMLSerializer(dom: dom, policy: .shared, base: base)
            html = s.render(result.roots)
            article.method = result.method
        }

        if let raw = ld?.body {
            let ldLines = jsonLDLines(raw, title: article.title)
            let ldWords = wordCount(ldLines)
            let domWords = wordCount(lines)
            // A teaser-length or "…"-cut articleBody loses to a longer page text; a complete one
            // wins even when the page text is longer (that surplus is usually boilerplate).
            let cut = ldLines.last.map { $0.hasSuffix("…") || $0.hasSuffix("...") } ?? false
            let truncated = (cut || ldWords < 60) && domWords > ldWords * 3 / 2
            if ldWords > 0 && !truncated {
                if !(ldLines.count == 1 && lines.count > 1 && coverage(of: ldLines, in: lines) >= 0.9) {
                    lines = ldLines
                    html = ldLines.map { "<p>" + HTMLSerializer.escapeText($0) + "</p>" }.joined(separator: "\n")
                }
                article.method = "json-ld"
            }
        }
        article.body = lines.joined(separator: "\n")
        article.html = html
        article.lang = language(meta, ld, body: article.body)
        return article
    }

    static let publishedKeys = [
        "article:published_time", "og:published_time", "og:article:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
        "date", "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
        "dcterms.modified", "last-modified", "lastmod", "article.updated",
    ]
    static let imageKeys = ["og:image", "og:image:secure_url", "og:image:url", "twitter:image", "twitter:image:src", "image"]
    static let authorKeys = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "byline"]

    static func title(_ meta: PageMetadata, _ ld: JSONLDArticle?) -> String? {
        let site = meta.first(["og:site_name", "application-name", "twitter:site"])
        if let h = ld?.headline { return stripSiteName(TextUtil.collapse(Entities.decode(h)), site: site, h1: meta.h1) }
        if let t = meta.first(["og:title", "twitter:title", "dc.title"]) {
            return stripSiteName(Entities.decode(t), site: site, h1: meta.h1)
        }
        if let h = meta.h1 { return h }
        if let t = meta.titleTag { return stripSiteName(t, site: site, h1: nil, aggressive: true) }
        return nil
    }

    /// "Headline - Site" → "Headline" when the tail is the site name (or, for a bare <title>,
    /// a short tail after the last separator).
    static func stripSiteName(_ t: String, site: String?, h1: String?, aggressive: Bool = false) -> String {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
            guard let r = t.range(of: sep, options: .backwards) else { continue }
            let head = t[..<r.lowerBound].trimmingSpaces()
            let tail = t[r.upperBound...].trimmingSpaces()
            if head.isEmpty { continue }
            if let site, MatchText.normalize(tail) == MatchText.normalize(site) { return head }
            if let h1, MatchText.normalize(head) == MatchText.normalize(h1) { return head }
            if aggressive {
                // Arabic sites put their name first as often as last: "جريدة المدينة - العنوان".
                let headWords = TextUtil.wordCount(head), tailWords = TextUtil.wordCount(tail)
                if tailWords <= 3 && headWords >= 3 { return head }
                if headWords <= 3 && tailWords >= 3 { return tail }
            }
        }
        return t
    }

    static func author(_ meta: PageMetadata, _ ld: JSONLDArticle?) -> String? {
        if let a = ld?.authors, !a.isEmpty {
            return a.map { TextUtil.collapse(Entities.decode($0)) }.joined(separator: "، ")
        }
        for k in authorKeys {
            if let v = meta.meta[k], !JSONLD.looksLikeURL(v), !v.hasPrefix("@") { return v }
        }
        return meta.itempropAuthor ?? meta.relAuthor
    }

    static func language(_ meta: PageMetadata, _ ld: JSONLDArticle?, body: String) -> String? {
        let candidates = [meta.htmlLang, meta.first(["og:locale", "content-language", "language", "dc.language", "inlanguage"]),
                          ld?.language]
        for c in candidates {
            guard let c else { continue }
            let primary = c.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " }).first
                .map { $0.lowercased() } ?? ""
            if primary.count >= 2 && primary.count <= 3 && primary.allSatisfy({ $0.isASCII && $0.isLetter }) {
                return primary
            }
        }
        // Nothing declared: Arabic script is unambiguous enough to name.
        var arabic = 0, latin = 0
        for u in body.unicodeScalars.prefix(4000) {
            let v = u.value
            if (0x0621...0x064A).contains(v) { arabic += 1 } else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { latin += 1 }
        }
        return arabic > 50 && arabic > 2 * latin ? "ar" : nil
    }

    /// Final text lines: captions out, lines split at inline <br>s, boilerplate lines and the
    /// title (when repeated at the top) out, consecutive duplicates folded.
    static func bodyLines(_ segs: [Segment], title: String?) -> [String] {
        let bp = Boilerplate.shared
        var out: [String] = []
        let titleKey = title.map(MatchText.key)
        for s in segs where !s.caption {
            let parts = s.text.utf8.contains(0x0A) ? s.text.split(separator: "\n").map(String.init) : [s.text]
            for p in parts {
                if parts.count > 1 {
                    if bp.isBoilerplateLine(MatchText.key(p), words: TextUtil.wordCount(p)) { continue }
                }
                if out.last == p { continue }
                out.append(p)
            }
        }
        if let tk = titleKey, !tk.isEmpty, let f = out.first, MatchText.key(f) == tk { out.removeFirst() }
        return out
    }

    static func jsonLDLines(_ raw: String, title: String?) -> [String] {
        let bp = Boilerplate.shared
        var text = Entities.decode(raw)
        var lines: [String]
        if text.contains("<") && text.contains(">") {
            // HTML inside articleBody: segment it like a page.
            var dom = DOM.parse(utf8: "<html><body>" + text + "</body></html>")
            Pruner.removeInvisible(&dom)
            lines = Segmenter.run(dom).filter { !$0.caption }.flatMap { $0.text.split(separator: "\n").map(String.init) }
        } else {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            lines = text.split(separator: "\n").map { TextUtil.collapse(String($0)) }.filter { !$0.isEmpty }
        }
        lines = lines.filter { !bp.isBoilerplateLine(MatchText.key($0), words: TextUtil.wordCount($0)) }
        if let t = title.map(MatchText.key), let f = lines.first, MatchText.key(f) == t { lines.removeFirst() }
        return lines
    }

    static func wordCount(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + TextUtil.wordCount($1) }
    }

    /// Share of `a`'s words (as a multiset) found in `b`.
    static func coverage(of a: [String], in b: [String]) -> Double {
        var bag: [String: Int] = [:]
        for l in b { for w in MatchText.normalize(l).split(separator: " ") { bag[String(w), default: 0] += 1 } }
        var hit = 0, total = 0
        for l in a {
            for w in MatchText.normalize(l).split(separator: " ") {
                total += 1
                if let c = bag[String(w)], c > 0 { hit += 1; bag[String(w)] = c - 1 }
            }
        }
        return total == 0 ? 0 : Double(hit) / Double(total)
    }
}
