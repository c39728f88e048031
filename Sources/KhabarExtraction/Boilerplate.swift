/// Matching keys for Arabic phrases: harakat and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه,
/// punctuation, symbols and digits → space, Latin lower-cased, spaces collapsed. Keys are UTF-8
/// bytes: matching is byte comparison, with no Unicode-aware (and slow) string search.
enum MatchText {
    static func normalize(_ s: String) -> String { String(decoding: key(s), as: UTF8.self) }

    static func key(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for u in s.unicodeScalars {
            var v = u.value
            if v >= 0x064B && v <= 0x065F || v == 0x0670 || v == 0x0640 || v >= 0x06D6 && v <= 0x06ED { continue }
            if v >= 0x200B && v <= 0x200F || v >= 0x202A && v <= 0x202E || v >= 0x2066 && v <= 0x2069 || v == 0xFEFF { continue }
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
            if space { out.append(0x20); space = false }
            if v < 0x80 { out.append(UInt8(v)) }
            else if v < 0x800 { out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))) }
            else { out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F))) }
        }
        return out
    }

    /// FNV-1a over bytes: set membership for words without building strings.
    @inline(__always) static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Calls `body` with the hash of each space-separated word of a key.
    @inline(__always) static func forEachWord(_ key: [UInt8], _ body: (UInt64) -> Void) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for b in key {
            if b == 0x20 {
                if inWord { body(h) }
                h = 0xcbf2_9ce4_8422_2325; inWord = false
            } else {
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3; inWord = true
            }
        }
        if inWord { body(h) }
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, hay.count >= n else { return n == 0 }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// `key` starts with the words of `p` (a whole-word prefix).
    static func hasWordPrefix(_ key: [UInt8], _ p: [UInt8]) -> Bool {
        guard key.count >= p.count else { return false }
        for k in 0..<p.count where key[k] != p[k] { return false }
        return key.count == p.count || key[p.count] == 0x20
    }
}

/// The parsed boilerplate phrase list (`boilerplatePhraseData`).
struct Boilerplate: Sendable {
    var headings: Set<UInt64> = []
    var commentHeadings: Set<UInt64> = []
    var labels: Set<UInt64> = []
    var prefixes: [[UInt8]] = []
    /// Hashes of the first word of each prefix phrase: most lines are rejected by one lookup.
    var prefixFirstWords: Set<UInt64> = []
    var contains: [[UInt8]] = []
    var social: Set<UInt64> = []
    var bylines: [[UInt8]] = []
    var stopwords: Set<UInt64> = []
    var dateWords: Set<UInt64> = []

    static let shared = Boilerplate(data: boilerplatePhraseData)

    init(data: String) {
        for line in data.split(separator: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard let bar = t.firstIndex(of: "|") else { continue }
            let kind = t[..<bar]
            let key = MatchText.key(String(t[t.index(after: bar)...]))
            if key.isEmpty { continue }
            switch kind {
            case "heading": headings.insert(MatchText.hash(key))
            case "comments": commentHeadings.insert(MatchText.hash(key))
            case "label": labels.insert(MatchText.hash(key))
            case "prefix":
                prefixes.append(key)
                prefixFirstWords.insert(MatchText.hash(key.prefix { $0 != 0x20 }))
            case "contains": contains.append(key)
            case "social":
                social.insert(MatchText.hash(key))
                MatchText.forEachWord(key) { social.insert($0) }
            case "byline": bylines.append(key)
            case "stop": stopwords.insert(MatchText.hash(key))
            case "date": dateWords.insert(MatchText.hash(key))
            default: continue
            }
        }
    }

    enum HeadingKind { case list, comments }

    /// The line is only a section title such as "اقرأ أيضاً:" or "التعليقات (3)".
    func heading(_ key: [UInt8]) -> HeadingKind? {
        if key.isEmpty { return nil }
        let h = MatchText.hash(key)
        if headings.contains(h) { return .list }
        if commentHeadings.contains(h) { return .comments }
        return nil
    }

    /// Whether a whole line (given as its match key and word count) is boilerplate.
    func isBoilerplateLine(_ key: [UInt8], words: Int) -> Bool {
        if key.isEmpty { return false }
        let h = MatchText.hash(key)
        if headings.contains(h) || commentHeadings.contains(h) || labels.contains(h) { return true }
        if prefixFirstWords.contains(MatchText.hash(key.prefix { $0 != 0x20 })) {
            for p in prefixes where MatchText.hasWordPrefix(key, p) { return true }
        }
        if words <= 60 {
            for c in contains where MatchText.contains(key, c) { return true }
        }
        if words <= 14 {
            var all = true
            MatchText.forEachWord(key) { if !social.contains($0) { all = false } }
            if all { return true }
        }
        return false
    }

    /// A short dateline: digits plus a month, weekday or time word.
    func isDateLine(_ text: String, key: [UInt8], words: Int) -> Bool {
        guard words <= 10 else { return false }
        if let last = text.unicodeScalars.last, last == "." || last == "؟" || last == "!" || last == "?" { return false }
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            || text.unicodeScalars.contains(where: { $0.value >= 0x0660 && $0.value <= 0x0669 }) else { return false }
        var found = false
        MatchText.forEachWord(key) { if dateWords.contains($0) { found = true } }
        return found
    }

    /// A short byline ("بقلم: …", "آخر تحديث …").
    func isByline(_ key: [UInt8], words: Int) -> Bool {
        guard words <= 10 else { return false }
        for p in bylines where MatchText.hasWordPrefix(key, p) { return true }
        return false
    }

    func stopwordCount(_ key: [UInt8]) -> Int {
        var n = 0
        MatchText.forEachWord(key) { if stopwords.contains($0) { n += 1 } }
        return n
    }
}

/// Class / id / role hints (`classHintData`).
struct ClassHints: Sendable {
    var strongSubs: [[UInt8]] = []
    var negTokens: Set<String> = []
    var negSubs: [[UInt8]] = []
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
            case "strong-sub": strongSubs += words.map { Array($0.utf8) }
            case "neg": negTokens.formUnion(words)
            case "neg-sub": negSubs += words.map { Array($0.utf8) }
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
                var squashed: [UInt8] = []
                for b in name.utf8 {
                    if b >= 0x41 && b <= 0x5A { squashed.append(b + 0x20) }
                    else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { squashed.append(b) }
                }
                for s in strongSubs where MatchText.contains(squashed, s) { return 2 }
                for s in negSubs where MatchText.contains(squashed, s) { neg = true }
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
