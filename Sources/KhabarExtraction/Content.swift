/// Where the article text was found and what it consists of.
struct ContentResult {
    var roots: [Int]
    var segments: [Segment]
    var method: String
}

/// Per-element figures aggregated from the segments below each element.
struct Scores {
    var words: [Int]
    var linkWords: [Int]
    var proseWords: [Int]
    /// Link-dominated segments below (headline links, menus).
    var linkSegments: [Int]
    var h1Segments: [Int]
    /// Sum of the positive raw segment values (before class hints).
    var rawPositive: [Double]
    /// Sum of the segment values after class hints: the content score.
    var value: [Double]
    /// The element's own class/id/role/tag hint: +2 article body, +1 content, −1 boilerplate.
    var ownHint: [Int8]

    static func hints(_ dom: DOM) -> [Int8] {
        var out = [Int8](repeating: 0, count: dom.nodes.count)
        let ch = ClassHints.shared
        for i in 1..<dom.nodes.count where dom.nodes[i].kind == .element {
            let n = dom.nodes[i]
            var cls = ""
            var role: String?, itemprop: String?
            for a in n.attrs {
                switch a.name {
                case "class", "id": cls += " " + a.value
                case "role": role = a.value
                case "itemprop": itemprop = a.value
                default: break
                }
            }
            var w = ch.weight(classAndID: cls, role: role, itemprop: itemprop, tag: n.tag)
            if w < 2, ["nav", "aside", "footer", "header", "menu"].contains(n.tag) { w = -1 }
            out[i] = Int8(w)
        }
        return out
    }

    /// The value of one segment before class hints: prose counts its words, links and short
    /// fragments count against.
    static func rawValue(_ s: Segment, card: Bool) -> Double {
        let w = Double(s.words), lw = Double(s.linkWords), nw = Double(s.nonLinkWords)
        if s.words == 0 { return 0 }
        if s.linkDensity > 0.5 { return -0.6 * lw - 0.5 }
        if s.headingLevel > 0 { return 0 }
        let stopRatio = Double(s.stopwords) / w
        var q: Double
        if nw >= 12 && (s.punct >= 1 || stopRatio >= 0.12) {
            q = 1.0
            if s.terminal { q += 0.2 }
            if s.punct >= 3 { q += 0.1 }
        } else if nw >= 6 && (s.terminal || s.punct >= 2) {
            q = 0.6
        } else if nw >= 6 {
            q = 0.15
        } else {
            return -0.3 * nw - 0.5 + (s.terminal ? 0.5 : 0)
        }
        // A teaser (a summary under a headline link in a small box, or text cut with "…") is
        // boilerplate that happens to be prose: it counts against its container.
        if card || s.ellipsis { return -0.3 * nw - 0.6 * lw }
        if s.inList && nw < 25 { q *= 0.5 }
        return nw * q - 0.6 * lw
    }

    /// `penalties`: removed boilerplate (node → negative value) still counts against the
    /// elements that contained it, so a container is not chosen across a comments box or a
    /// related-articles list just because some stray prose lies beyond it.
    static func compute(_ dom: DOM, _ segs: [Segment], hints: [Int8], penalties: [Int: Double] = [:]) -> Scores {
        let n = dom.nodes.count
        var s = Scores(words: .init(repeating: 0, count: n), linkWords: .init(repeating: 0, count: n),
                       proseWords: .init(repeating: 0, count: n), linkSegments: .init(repeating: 0, count: n),
                       h1Segments: .init(repeating: 0, count: n), rawPositive: .init(repeating: 0, count: n),
                       value: .init(repeating: 0, count: n), ownHint: hints)
        for seg in segs {
            let isLink = seg.linkDensity > 0.7 ? 1 : 0
            let prose = seg.isProse ? seg.words : 0
            let h1 = seg.headingLevel == 1 ? 1 : 0
            var p = seg.container
            while p >= 0 {
                s.words[p] += seg.words
                s.linkWords[p] += seg.linkWords
                s.linkSegments[p] += isLink
                s.proseWords[p] += prose
                s.h1Segments[p] += h1
                p = dom.nodes[p].parent
            }
        }
        var raws = [Double](repeating: 0, count: segs.count)
        for (k, seg) in segs.enumerated() {
            // A short text next to a headline link in a small box is a teaser card.
            var card = false
            if seg.linkDensity <= 0.5 && seg.words <= 45 {
                var b = seg.container, up = 0
                while b > 0 && up < 3 {
                    if s.words[b] > 60 { break }
                    if s.linkSegments[b] >= 1 { card = true; break }
                    b = dom.nodes[b].parent; up += 1
                }
            }
            let r = rawValue(seg, card: card)
            raws[k] = r
            if r > 0 {
                var p = seg.container
                while p >= 0 { s.rawPositive[p] += r; p = dom.nodes[p].parent }
            }
        }
        // Effective hint: the nearest hinted ancestor, except that a "boilerplate" wrapper holding
        // most of the page's prose is not believed (class="content-with-sidebar" around everything).
        var eff = [Int8](repeating: 0, count: n)
        let total = s.rawPositive[0]
        for i in dom.elements(under: 0) where i > 0 {
            var h = hints[i]
            if h == -1 && s.rawPositive[i] > 0.5 * total { h = 0 }
            eff[i] = h != 0 ? h : eff[dom.nodes[i].parent]
        }
        for (k, seg) in segs.enumerated() {
            var v = raws[k]
            switch eff[seg.container] {
            case -1: v = v > 0 ? -0.5 * v : 1.5 * v
            case 1: if v > 0 { v *= 1.15 }
            case 2: v = v > 0 ? 1.5 * v : 0.5 * v
            default: break
            }
            var p = seg.container
            while p >= 0 { s.value[p] += v; p = dom.nodes[p].parent }
        }
        for (node, penalty) in penalties {
            var p = dom.nodes[node].parent
            while p >= 0 { s.value[p] += penalty; p = dom.nodes[p].parent }
        }
        return s
    }

    /// The element with the highest content score (the deepest one on a tie).
    func best(_ dom: DOM) -> Int? {
        var best: Int?
        var bestValue = 0.0
        for i in dom.elements(under: 0) where i > 0 {
            let v = value[i]
            if best == nil || v > bestValue + 1e-9 || (abs(v - bestValue) <= 1e-9 && dom.isAncestor(best!, of: i)) {
                best = i; bestValue = v
            }
        }
        guard let b = best, bestValue > 0 else { return nil }
        return b
    }
}

enum Pruner {
    static let hiddenClasses: Set<String> = ["hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text",
                                             "screenreader", "hide", "invisible", "is-hidden", "u-hidden"]

    /// Removes elements that never hold readable article text: scripts, styles, frames, forms
    /// controls, and anything hidden (`hidden`, `display:none`, `aria-hidden`, hidden classes).
    static func removeInvisible(_ dom: inout DOM) {
        for i in 1..<dom.nodes.count where dom.nodes[i].kind == .element && !dom.nodes[i].dead {
            let n = dom.nodes[i]
            if Tags.junk.contains(n.tag) { dom.kill(i); continue }
            for a in n.attrs {
                switch a.name {
                case "hidden": dom.kill(i)
                case "aria-hidden": if a.value.lowercased() == "true" { dom.kill(i) }
                case "style":
                    let st = a.value.lowercased().filter { $0 != " " }
                    if st.contains("display:none") || st.contains("visibility:hidden") { dom.kill(i) }
                case "class":
                    for c in a.value.split(separator: " ") where hiddenClasses.contains(c.lowercased()) { dom.kill(i) }
                default: break
                }
            }
        }
    }

    static func hasContent(_ dom: DOM, _ i: Int) -> Bool {
        let n = dom.nodes[i]
        if n.dead { return false }
        if n.kind == .text { return n.text.unicodeScalars.contains { !TextUtil.isSpace($0.value) } }
        if n.tag == "br" { return false }
        if n.tag == "img" { return true }
        return dom.hasText(i)
    }

    /// Whether a segment holds every content-bearing child of its container.
    static func coversAll(_ dom: DOM, _ seg: Segment) -> Bool {
        let set = Set(seg.nodes)
        for c in dom.nodes[seg.container].children where !set.contains(c) && hasContent(dom, c) { return false }
        return true
    }

    static func killSegment(_ dom: inout DOM, _ seg: Segment) {
        let c = seg.container
        if c > 0, !["body", "html"].contains(dom.nodes[c].tag), coversAll(dom, seg) {
            dom.kill(c)
        } else {
            for n in seg.nodes { dom.kill(n) }
        }
    }

    /// Section titles such as "اقرأ أيضاً" or "التعليقات" remove the box they head (or, inside the
    /// article, the run of links that follows them); boilerplate lines go one by one.
    static func removeBoilerplate(_ dom: inout DOM, hints: [Int8]) -> [Int: Double] {
        let bp = Boilerplate.shared
        let segs = Segmenter.run(dom)
        let scores = Scores.compute(dom, segs, hints: hints)
        let docProse = scores.proseWords[0]
        var penalties: [Int: Double] = [:]
        for (k, seg) in segs.enumerated() {
            if dom.isDeadPath(seg.container) || seg.nodes.contains(where: { dom.nodes[$0].dead }) { continue }
            if seg.words <= 8, let kind = bp.heading(seg.key) {
                for n in cascade(&dom, segs, k, kind: kind, scores: scores, docProse: docProse) {
                    penalties[n] = -0.5 * Double(max(scores.words[n], wordsOf(dom, n)))
                }
            } else if bp.isBoilerplateLine(seg.key, words: seg.words) {
                killSegment(&dom, seg)
                penalties[seg.nodes.first ?? seg.container] = -0.5 * Double(seg.words)
            }
        }
        return penalties
    }

    static func wordsOf(_ dom: DOM, _ n: Int) -> Int {
        let node = dom.nodes[n]
        let t = node.kind == .text ? node.text : {
            var copy = dom
            copy.nodes[n].dead = false
            return copy.text(n)
        }()
        return TextUtil.wordCount(TextUtil.collapse(t))
    }

    /// Removes the box a boilerplate heading opens; returns the removed nodes.
    private static func cascade(_ dom: inout DOM, _ segs: [Segment], _ index: Int, kind: Boilerplate.HeadingKind,
                                scores: Scores, docProse: Int) -> [Int] {
        let seg = segs[index]
        let c = seg.container
        var killed: [Int] = []
        func kill(_ n: Int) { dom.kill(n); killed.append(n) }
        func firstContentChild(_ p: Int) -> Int? {
            dom.nodes[p].children.first { hasContent(dom, $0) }
        }
        func killBox(_ box: Int) -> Bool {
            let tag = dom.nodes[box].tag
            guard box > 0, !["body", "html", "main"].contains(tag) else { return false }
            guard scores.h1Segments[box] == 0, scores.proseWords[box] * 2 <= docProse || docProse == 0 else { return false }
            kill(box)
            return true
        }
        /// Prose words of the segments inside `parent`, before and after the heading.
        func proseAround(_ parent: Int) -> (Int, Int) {
            var before = 0, after = 0
            for (k, s) in segs.enumerated() where s.isProse && k != index {
                guard s.container == parent || dom.isAncestor(parent, of: s.container) else { continue }
                if k < index { before += s.words } else { after += s.words }
            }
            return (before, after)
        }
        /// The heading's list: following siblings up to the next prose paragraph — or, for a
        /// comments heading after most of its container's text, all of them.
        func killFollowing(after node: Int) {
            let parent = dom.nodes[node].parent
            guard parent >= 0, let idx = dom.nodes[parent].children.firstIndex(of: node) else { return }
            var tail = false
            if kind == .comments {
                let (before, after) = proseAround(parent)
                tail = after * 2 <= before
            }
            var count = 0
            for s in dom.nodes[parent].children[(idx + 1)...] {
                if !tail && count >= 8 { break }
                if !hasContent(dom, s) { continue }
                if !tail {
                    let n = dom.nodes[s]
                    let prose: Bool
                    if n.kind == .text {
                        prose = TextUtil.wordCount(TextUtil.collapse(n.text)) >= 12
                    } else if scores.words[s] > 0 {
                        prose = scores.proseWords[s] >= 12
                    } else {
                        prose = n.tag != "a" && TextUtil.wordCount(dom.text(s)) >= 12
                    }
                    if prose { break }
                }
                kill(s)
                count += 1
            }
        }
        if !coversAll(dom, seg) {
            if let first = seg.nodes.first, firstContentChild(c) == first, killBox(c) { return killed }
            for n in seg.nodes { kill(n) }
            if let last = seg.nodes.last { killFollowing(after: last) }
            return killed
        }
        var h = c
        while true {
            let p = dom.nodes[h].parent
            guard p > 0, !["body", "html"].contains(dom.nodes[p].tag) else { break }
            let content = dom.nodes[p].children.filter { hasContent(dom, $0) }
            if content == [h] { h = p } else { break }
        }
        let box = dom.nodes[h].parent
        if box > 0, firstContentChild(box) == h, killBox(box) { return killed }
        kill(h)
        killFollowing(after: h)
        return killed
    }
}

enum ContentCleaner {
    /// Cleans the chosen content roots: boilerplate-hinted blocks, link-heavy boxes, the title,
    /// link lines, boilerplate lines and datelines at the edges. Returns the final segments.
    static func clean(_ dom: inout DOM, roots: [Int], scores: Scores) -> [Segment] {
        let bp = Boilerplate.shared
        for root in roots {
            let rootPositive = scores.rawPositive[root]
            for e in dom.elements(under: root) where e != root {
                if dom.isDeadPath(e) { continue }
                let isBlock = Segmenter.isBlockLike(dom, e)
                if scores.ownHint[e] == -1, isBlock, scores.rawPositive[e] < 0.5 * max(rootPositive, 1) {
                    dom.kill(e); continue
                }
                if scores.value[e] < 0, scores.words[e] > 0,
                   Double(scores.linkWords[e]) >= 0.4 * Double(scores.words[e]) {
                    dom.kill(e)
                }
            }
        }
        var segs: [Segment] = []
        for root in roots where !dom.isDeadPath(root) { segs += Segmenter.run(dom, root: root) }
        var keep = [Bool](repeating: true, count: segs.count)
        for (k, s) in segs.enumerated() {
            if s.headingLevel == 1 { keep[k] = false; continue }
            if s.linkDensity > 0.6 && s.words < 40 { keep[k] = false; continue }
            if bp.isBoilerplateLine(s.key, words: s.words) { keep[k] = false; continue }
        }
        // Datelines and bylines at either edge of the text.
        func edge(_ order: [Int]) {
            var checked = 0
            for k in order where keep[k] {
                if checked >= 3 { break }
                let s = segs[k]
                if s.caption { continue }
                let key = s.key
                if bp.isByline(key, words: s.words) || bp.isDateLine(s.text, key: key, words: s.words) {
                    keep[k] = false
                }
                checked += 1
            }
        }
        edge(Array(segs.indices))
        edge(Array(segs.indices.reversed()))
        var out: [Segment] = []
        for (k, s) in segs.enumerated() {
            if keep[k] { out.append(s) } else { Pruner.killSegment(&dom, s) }
        }
        return out
    }
}

enum GenericExtractor {
    static func run(_ dom: inout DOM, hints: [Int8], penalties: [Int: Double]) -> ContentResult? {
        let segs = Segmenter.run(dom)
        let scores = Scores.compute(dom, segs, hints: hints, penalties: penalties)
        guard let best = scores.best(dom) else { return nil }
        let final = ContentCleaner.clean(&dom, roots: [best], scores: scores)
        return ContentResult(roots: [best], segments: final, method: "generic")
    }
}

enum SiteRuleExtractor {
    static let minimumWords = 25

    static func run(_ dom: inout DOM, rule: SiteRule, hints: [Int8]) -> ContentResult? {
        for sel in rule.content {
            let roots = sel.select(dom)
            if roots.isEmpty { continue }
            var trial = dom
            for r in roots {
                for rm in rule.remove {
                    for m in rm.select(trial, under: r) where m != r { trial.kill(m) }
                }
            }
            let segs = Segmenter.run(trial)
            let scores = Scores.compute(trial, segs, hints: hints)
            let final = ContentCleaner.clean(&trial, roots: roots, scores: scores)
            let words = final.reduce(0) { $0 + ($1.caption ? 0 : $1.words) }
            if words >= minimumWords {
                dom = trial
                return ContentResult(roots: roots, segments: final, method: "site-rule")
            }
        }
        return nil
    }
}
