/// Plain text of an HTML fragment (a feed item's content or summary): one paragraph per line,
/// scripts and styles dropped, whitespace collapsed. Not for display: pages show sanitized HTML or
/// escape this text.
public enum HTMLToText {
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
        "article", "tr", "table", "figure", "figcaption", "pre", "header", "footer", "aside", "dd", "dt", "hr",
    ]

    public static func text(_ html: String) -> String {
        // Cheap path: nothing that looks like markup or an entity.
        if !html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) {
            return html.split(whereSeparator: \.isNewline).map { TextUtil.collapse(String($0)) }.filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
        let dom = DOM.parse(utf8: "<html><body>" + html + "</body></html>")
        var lines: [String] = []
        var current = ""
        func flush() {
            let line = TextUtil.collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        func walk(_ i: Int) {
            let node = dom.nodes[i]
            if node.kind == .text {
                current += node.text
                return
            }
            if DOM.skipTextTags.contains(node.tag) { return }
            let block = blockTags.contains(node.tag)
            if block { flush() }
            for child in node.children { walk(child) }
            if block { flush() }
        }
        walk(0)
        flush()
        return lines.joined(separator: "\n")
    }
}
