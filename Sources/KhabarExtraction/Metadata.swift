/// Everything the page says about itself, read once from the unpruned tree: `<meta>` tags
/// (OpenGraph, Twitter, Dublin Core, article:*), `<link rel=canonical>`, `<html lang>`, `<base>`,
/// `<title>`, the first `<h1>`, microdata and the JSON-LD scripts.
struct PageMetadata {
    var meta: [String: String] = [:]
    var canonical: String?
    var imageSrc: String?
    var htmlLang: String?
    var baseHref: String?
    var titleTag: String?
    var h1: String?
    var jsonLD: [String] = []
    var itempropDate: String?
    var itempropModified: String?
    var itempropAuthor: String?
    var relAuthor: String?
    var pubdateTime: String?

    init(_ dom: DOM) {
        for i in dom.elements(under: 0) {
            let n = dom.nodes[i]
            switch n.tag {
            case "html":
                if htmlLang == nil, let l = dom.attr(i, "lang") ?? dom.attr(i, "xml:lang"), !l.trimmingSpaces().isEmpty {
                    htmlLang = l.trimmingSpaces()
                }
            case "meta":
                guard let content = dom.attr(i, "content") else { continue }
                let c = TextUtil.collapse(content)
                if c.isEmpty { continue }
                for keyAttr in ["property", "name", "itemprop", "http-equiv"] {
                    if let k = dom.attr(i, keyAttr)?.lowercased().trimmingSpaces(), !k.isEmpty, meta[k] == nil {
                        meta[k] = c
                    }
                }
            case "link":
                let rel = (dom.attr(i, "rel") ?? "").lowercased().split(separator: " ")
                if rel.contains("canonical"), canonical == nil { canonical = dom.attr(i, "href") }
                if rel.contains("image_src"), imageSrc == nil { imageSrc = dom.attr(i, "href") }
            case "base":
                if baseHref == nil { baseHref = dom.attr(i, "href") }
            case "title":
                if titleTag == nil {
                    let t = TextUtil.collapse(n.children.map { dom.nodes[$0].text }.joined())
                    if !t.isEmpty { titleTag = t }
                }
            case "h1":
                if h1 == nil {
                    let t = dom.text(i)
                    if !t.isEmpty { h1 = t }
                }
            case "script":
                if let type = dom.attr(i, "type")?.lowercased(), type.contains("ld+json") {
                    jsonLD.append(n.children.map { dom.nodes[$0].text }.joined())
                }
            case "time":
                if pubdateTime == nil, dom.attr(i, "pubdate") != nil, let d = dom.attr(i, "datetime") { pubdateTime = d }
            case "a":
                if relAuthor == nil, (dom.attr(i, "rel") ?? "").lowercased().split(separator: " ").contains("author") {
                    let t = dom.text(i)
                    if !t.isEmpty && t.count < 80 { relAuthor = t }
                }
            default:
                break
            }
            if n.tag != "meta", let prop = dom.attr(i, "itemprop")?.lowercased() {
                switch prop {
                case "datepublished":
                    if itempropDate == nil { itempropDate = dom.attr(i, "datetime") ?? dom.attr(i, "content") ?? dom.text(i) }
                case "datemodified":
                    if itempropModified == nil { itempropModified = dom.attr(i, "datetime") ?? dom.attr(i, "content") ?? dom.text(i) }
                case "author":
                    if itempropAuthor == nil {
                        let named = dom.elements(under: i).first { dom.attr($0, "itemprop")?.lowercased() == "name" }
                        let t = named.map { dom.attr($0, "content") ?? dom.text($0) } ?? dom.attr(i, "content") ?? dom.text(i)
                        if !t.isEmpty && t.count < 80 { itempropAuthor = t }
                    }
                default: break
                }
            }
        }
    }

    func first(_ keys: [String]) -> String? {
        for k in keys { if let v = meta[k], !v.isEmpty { return v } }
        return nil
    }
}

enum Entities {
    /// Decodes the character references that leak into JSON-LD and meta values.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
                                       "#39": "'", "hellip": "…", "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—",
                                       "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "zwnj": "\u{200C}", "zwj": "\u{200D}",
                                       "rlm": "\u{200F}", "lrm": "\u{200E}"]
        while i < s.endIndex {
            let c = s[i]
            if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = String(s[s.index(after: i)..<semi])
                var rep: String?
                if let r = named[name] { rep = r }
                else if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16),
                        let u = Unicode.Scalar(v), v != 0 { rep = String(Character(u)) }
                else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v), v != 0 {
                    rep = String(Character(u))
                }
                if let rep {
                    out += rep
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}
