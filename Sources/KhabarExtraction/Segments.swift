/// A text block: a maximal run of inline content between block boundaries (or `<br>`s) inside
/// one block element. Segments are what the extractor scores, filters and finally prints, one
/// per line; removing a segment removes its nodes, so the text and the HTML output stay in step.
struct Segment {
    /// The block element whose children hold this run.
    var container: Int
    /// The container's children covered by the run (text nodes, inline elements, `<br>`s).
    var nodes: [Int]
    /// Collapsed text; an inline `<br>` nested in an inline element becomes "\n".
    var text: String
    var words: Int
    var linkWords: Int
    /// Sentence punctuation: ، , . ؛ ; ؟ ? ! :
    var punct: Int
    /// Ends like a sentence (. ؟ ? ! : or a closing quote after one).
    var terminal: Bool
    /// Ends with "…" or "...": a teaser, not the article.
    var ellipsis: Bool
    /// Normalised matching key of the text (`MatchText.key`).
    var key: [UInt8]
    var stopwords: Int
    var headingLevel: Int
    var inList: Bool
    var caption: Bool

    var nonLinkWords: Int { max(0, words - linkWords) }
    var linkDensity: Double { words == 0 ? 0 : Double(linkWords) / Double(words) }

    /// Looks like article prose: long enough, few links, sentence punctuation or function words.
    var isProse: Bool {
        nonLinkWords >= 12 && linkDensity < 0.35
            && (punct >= 1 || terminal || Double(stopwords) >= 0.12 * Double(words))
    }
}

enum Tags {
    static let block: Set<String> = [
        "#document", "html", "body", "head", "address", "article", "aside", "blockquote", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
        "caption", "ul", "legend", "noscript", "iframe", "object", "video", "audio", "select", "textarea",
        "frameset", "frame", "title", "script", "style", "template", "svg", "math", "option", "canvas",
    ]
    /// Never hold article text.
    static let junk: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math", "object",
        "embed", "applet", "canvas", "video", "audio", "select", "option", "optgroup", "button", "input",
        "textarea", "datalist", "dialog", "map", "head", "title", "link", "meta", "base", "param", "source",
        "track",
    ]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
}

struct Segmenter {
    let dom: DOM
    private(set) var segments: [Segment] = []
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "»", "”", "’", ")", "]", "«", "“"]

    private var container = -1
    private var nodesRun: [Int] = []
    private var raw = ""
    private var words = 0
    private var linkWords = 0
    private var heading = 0
    private var inList = false
    private var caption = false

    init(dom: DOM) { self.dom = dom }

    /// Segments of the live subtree under `root`, in document order.
    static func run(_ dom: DOM, root: Int = 0) -> [Segment] {
        var s = Segmenter(dom: dom)
        var h = 0, list = false, cap = false
        var p = dom.nodes[root].parent
        while p >= 0 {   // context of the root itself
            let t = dom.nodes[p].tag
            if let l = Tags.headings[t], h == 0 { h = l }
            if t == "li" { list = true }
            if t == "figcaption" { cap = true }
            p = dom.nodes[p].parent
        }
        if dom.nodes[root].kind == .element {
            if s.isBlockLike(root) {
                s.block(root, heading: h, list: list, caption: cap)
            } else {
                s.begin(dom.nodes[root].parent, h, list, cap)
                s.nodesRun.append(root)
                s.inline(root, inLink: dom.nodes[root].tag == "a")
                s.flush()
            }
        }
        return s.segments
    }

    func isBlockLike(_ i: Int) -> Bool { Segmenter.isBlockLike(dom, i) }

    static func isBlockLike(_ dom: DOM, _ i: Int) -> Bool {
        let n = dom.nodes[i]
        if Tags.block.contains(n.tag) { return true }
        for c in n.children where dom.nodes[c].kind == .element && Tags.block.contains(dom.nodes[c].tag) { return true }
        return false
    }

    private mutating func begin(_ c: Int, _ h: Int, _ list: Bool, _ cap: Bool) {
        if container != c { flush() }
        container = c
        heading = h; inList = list; caption = cap
    }

    private mutating func block(_ c: Int, heading h0: Int, list l0: Bool, caption c0: Bool) {
        flush()
        let tag = dom.nodes[c].tag
        if Tags.junk.contains(tag) { return }
        var h = h0, list = l0, cap = c0
        if let l = Tags.headings[tag] { h = l }
        if tag == "li" { list = true }
        if tag == "figcaption" { cap = true }
        for ch in dom.nodes[c].children {
            let n = dom.nodes[ch]
            if n.dead { continue }
            if n.kind == .text {
                begin(c, h, list, cap)
                nodesRun.append(ch)
                add(n.text, inLink: false)
            } else if n.tag == "br" {
                if container == c { nodesRun.append(ch) }
                flush()
            } else if isBlockLike(ch) {
                flush()
                block(ch, heading: h, list: list, caption: cap)
            } else {
                begin(c, h, list, cap)
                nodesRun.append(ch)
                inline(ch, inLink: n.tag == "a")
            }
        }
        flush()
    }

    private mutating func inline(_ i: Int, inLink: Bool) {
        if Tags.junk.contains(dom.nodes[i].tag) { return }
        for ch in dom.nodes[i].children {
            let n = dom.nodes[ch]
            if n.dead { continue }
            if n.kind == .text { add(n.text, inLink: inLink) }
            else if n.tag == "br" { raw += "\u{E000}" }
            else { inline(ch, inLink: inLink || n.tag == "a") }
        }
    }

    private mutating func add(_ text: String, inLink: Bool) {
        raw += text
        var n = 0
        var inWord = false, hasAlnum = false
        var t = text
        t.withUTF8 { b in
            var i = 0
            while i < b.count {
                let sp = TextUtil.spaceLength(b, i)
                if sp > 0 {
                    if inWord && hasAlnum { n += 1 }
                    inWord = false; hasAlnum = false
                    i += sp
                    continue
                }
                let c = b[i]
                inWord = true
                if !hasAlnum {
                    if (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { hasAlnum = true }
                    else if c == 0xD8, i + 1 < b.count, b[i + 1] >= 0xA1 { hasAlnum = true }          // ء … غ
                    else if c >= 0xD9 && c <= 0xDB { hasAlnum = true }                                  // ف … ے
                    else if c >= 0xC3 && c <= 0xD7 { hasAlnum = true }                                  // Latin, Greek, Cyrillic, Hebrew
                    else if c >= 0xE3 && c <= 0xED { hasAlnum = true }                                  // CJK and the like
                }
                i += 1
            }
        }
        if inWord && hasAlnum { n += 1 }
        words += n
        if inLink { linkWords += n }
    }

    private mutating func flush() {
        defer {
            raw = ""; words = 0; linkWords = 0; nodesRun = []; container = -1
        }
        guard container >= 0, words > 0 else { return }
        let text: String
        if raw.unicodeScalars.contains("\u{E000}") {
            var lines: [String] = []
            for part in raw.unicodeScalars.split(separator: "\u{E000}") {
                let l = TextUtil.collapse(String(String.UnicodeScalarView(part)))
                if !l.isEmpty { lines.append(l) }
            }
            text = lines.joined(separator: "\n")
        } else {
            text = TextUtil.collapse(raw)
        }
        if text.isEmpty { return }
        var punct = 0
        var prev: UInt8 = 0
        for c in text.utf8 {
            switch c {
            case 0x2C, 0x2E, 0x3B, 0x3F, 0x21, 0x3A: punct += 1
            case 0x8C, 0x9B, 0x9F: if prev == 0xD8 { punct += 1 }   // ، ؛ ؟
            default: break
            }
            prev = c
        }
        // Ending: skip closing quotes/brackets, then look at the last mark.
        var terminal = false, ellipsis = false
        let tail = Array(text.unicodeScalars.suffix(6))
        var k = tail.count - 1
        while k >= 0, Segmenter.closers.contains(tail[k]) { k -= 1 }
        if k >= 0 {
            let v = tail[k].value
            if v == 0x2026 { ellipsis = true }
            else if v == 0x2E {
                ellipsis = k >= 2 && tail[k - 1] == "." && tail[k - 2] == "."
                terminal = !ellipsis
            } else if v == 0x061F || v == 0x3F || v == 0x21 || v == 0x3A || v == 0x061B { terminal = true }
        }
        let key = MatchText.key(text)
        let stopCount = Boilerplate.shared.stopwordCount(key)
        segments.append(Segment(container: container, nodes: nodesRun, text: text, words: words,
                                linkWords: linkWords, punct: punct, terminal: terminal, ellipsis: ellipsis,
                                key: key, stopwords: stopCount, headingLevel: heading, inList: inList, caption: caption))
    }
}
