/// Matching keys for Arabic phrases: harakat and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه,
/// punctuation, symbols and digits → space, Latin lower-cased, spaces collapsed.
enum MatchText {
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            var v = u.value
            if (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640 || (0x06D6...0x06ED).contains(v)
                || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0xFEFF { continue }
            switch v {
            case 0x0622, 0x0623, 0x0625, 0x0671: v = 0x0627
            case 0x0649: v = 0x064A
            case 0x0629: v = 0x0647
            case 0x41...0x5A: v += 0x20
            default: break
            }
            let letter = (v >= 0x61 && v <= 0x7A) || (v >= 0x0621 && v <= 0x064A) || (v >= 0x0671 && v <= 0x06D3)
                || (v >= 0xC0 && v <= 0x24F) || (v >= 0x06FA && v <= 0x06FC)
            if !letter {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }
}

/// The parsed boilerplate phrase list (`boilerplatePhraseData`).
struct Boilerplate: Sendable {
    var headings: Set<String> = []
    var prefixes: [String] = []
    var contains: [String] = []
    var social: Set<String> = []
    var bylines: [String] = []
    var stopwords: Set<String> = []

    static let shared = Boilerplate(data: boilerplatePhraseData)

    init(data: String) {
        for line in data.split(separator: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard let bar = t.firstIndex(of: "|") else { continue }
            let kind = t[..<bar]
            let key = MatchText.normalize(String(t[t.index(after: bar)...]))
            if key.isEmpty { continue }
            switch kind {
            case "heading": headings.insert(key)
            case "prefix": prefixes.append(key)
            case "contains": contains.append(key)
            case "social": social.insert(key); for w in key.split(separator: " ") { social.insert(String(w)) }
            case "byline": bylines.append(key)
            case "stop": stopwords.insert(key)
            default: continue
            }
        }
    }

    /// The line is only a section title such as "اقرأ أيضاً:" or "التعليقات (3)".
    func isHeading(_ key: String) -> Bool {
        !key.isEmpty && headings.contains(key)
    }

    private static func startsWithWords(_ key: String, _ p: String) -> Bool {
        key.hasPrefix(p) && (key.count == p.count || key.dropFirst(p.count).first == " ")
    }

    /// Whether a whole line (given as its match key and word count) is boilerplate.
    func isBoilerplateLine(_ key: String, words: Int) -> Bool {
        if key.isEmpty { return false }
        if isHeading(key) { return true }
        for p in prefixes where Boilerplate.startsWithWords(key, p) { return true }
        if words <= 40 {
            for c in contains where key.contains(c) { return true }
        }
        if words <= 14 {
            var all = true
            for w in key.split(separator: " ") where !social.contains(String(w)) { all = false; break }
            if all { return true }
        }
        return false
    }

    /// A short byline or date line ("بقلم: …", "آخر تحديث …").
    func isByline(_ key: String, words: Int) -> Bool {
        guard words <= 10 else { return false }
        for p in bylines where Boilerplate.startsWithWords(key, p) { return true }
        return false
    }
}

/// Class / id / role hints (`classHintData`).
struct ClassHints: Sendable {
    var strongSubs: [String] = []
    var negTokens: Set<String> = []
    var negSubs: [String] = []
    var posTokens: Set<String> = []

    static let shared = ClassHints(data: classHintData)

    init(data: String) {
        for line in data.split(separator: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard let bar = t.firstIndex(of: "|") else { continue }
            let kind = t[..<bar]
            let words = t[t.index(after: bar)...].split(separator: " ").map { String($0).lowercased() }
            switch kind {
            case "strong-sub": strongSubs += words
            case "neg": negTokens.formUnion(words)
            case "neg-sub": negSubs += words
            case "pos": posTokens.formUnion(words)
            default: continue
            }
        }
    }

    /// +2 article body, +1 likely content, 0 nothing known, −1 boilerplate.
    func weight(classAndID: String, role: String?, itemprop: String?, tag: String) -> Int {
        if let ip = itemprop?.lowercased(), ip == "articlebody" || ip == "text" { return 2 }
        if let r = role?.lowercased() {
            switch r {
            case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                 "dialog", "alert", "toolbar", "tablist": return -1
            case "main", "article": return 1
            default: break
            }
        }
        var neg = false, pos = false
        if !classAndID.isEmpty {
            for name in classAndID.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                let squashed = String(name.lowercased().unicodeScalars.filter {
                    ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
                })
                for s in strongSubs where squashed.contains(s) { return 2 }
                for s in negSubs where squashed.contains(s) { neg = true }
                for tok in ClassHints.tokens(name) {
                    if negTokens.contains(tok) { neg = true } else if posTokens.contains(tok) { pos = true }
                }
            }
        }
        if neg { return -1 }
        if pos { return 1 }
        if tag == "article" || tag == "main" { return 1 }
        return 0
    }

    /// "relatedArticles-box_2" → ["related", "articles", "box"]
    static func tokens(_ s: Substring) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        var prevLower = false
        func flush() {
            if !cur.isEmpty { out.append(String(cur)); cur.removeAll() }
        }
        for u in s.unicodeScalars {
            let v = u.value
            let isUpper = v >= 0x41 && v <= 0x5A
            let isLower = v >= 0x61 && v <= 0x7A
            if isUpper {
                if prevLower { flush() }
                cur.append(Unicode.Scalar(v + 0x20)!)
                prevLower = false
            } else if isLower {
                cur.append(u); prevLower = true
            } else {
                flush(); prevLower = false
            }
        }
        flush()
        return out
    }
}
