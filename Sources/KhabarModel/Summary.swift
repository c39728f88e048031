/// An outlet's summary with the space put back where it runs two of the body's paragraphs (or
/// sentences) together: «…بعد ثلاثة مواسم.وقاد الفريق…» where the body has «مواسم.» and
/// «وقاد» on two lines. Summaries made from a page's paragraph elements by joining their text (the
/// ANT corpus' Al Arabiya summaries: 648 of them on the dev file, and 84 more where the body has
/// the sentence break as a space) lose the break; the body still has it, so the body says where.
///
/// A junction is restored only where the summary writes the body's last word before a paragraph
/// break (or a space after a sentence's end) and its first word after it as one word, bounded by
/// spaces or the summary's ends; a summary cut inside the second word is restored too. Nothing
/// else changes, so a summary that is the outlet's own text (not cut from the body) stays as it is.
///
/// Hashtags then read as the words they tag: «#مواقع_التواصل» → «مواقع التواصل» (`readableHashtags`;
/// 834 Al Arabiya summaries on the ANT dev file carry them, typed as the outlet links them). The
/// body keeps them: the tagger reads an editor's hashtags as topics.
public enum SummaryText {
    public static func repaired(_ summary: String, body: String) -> String {
        readableHashtags(rejoined(summary, body: body))
    }

    /// The summary with the space put back between the body's paragraphs it runs together.
    static func rejoined(_ summary: String, body: String) -> String {
        guard !summary.isEmpty, !body.isEmpty else { return summary }
        let b = Array(body.unicodeScalars)
        var s = Array(summary.unicodeScalars)
        var changed = false
        var i = 0
        while i < b.count {
            guard isSpace(b[i]) else { i += 1; continue }
            var k = i
            var paragraph = false
            while k < b.count, isSpace(b[k]) {
                if isBreak(b[k]) { paragraph = true }
                k += 1
            }
            defer { i = k }
            guard i > 0, k < b.count, paragraph || endsSentence(b[i - 1]) else { continue }
            var start = i
            while start > 0, !isSpace(b[start - 1]) { start -= 1 }
            var end = k
            while end < b.count, !isSpace(b[end]) { end += 1 }
            if insertSpaces(in: &s, before: b[start..<i], after: b[k..<end]) { changed = true }
        }
        guard changed else { return summary }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }

    /// Puts a space between `w1` and `w2` wherever `s` writes them as one word (`w1` after a space
    /// or at the start; `w2` whole before a space or the end, or cut by the end); true when it did.
    static func insertSpaces(in s: inout [Unicode.Scalar], before w1: ArraySlice<Unicode.Scalar>,
                             after w2: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let head = w1.first, s.count > w1.count else { return false }
        var inserted = false
        var p = 0
        while p + w1.count < s.count {
            defer { p += 1 }
            guard s[p] == head, p == 0 || isSpace(s[p - 1]), s[p..<(p + w1.count)].elementsEqual(w1) else { continue }
            let q = p + w1.count
            let rest = s.count - q
            let joined: Bool
            if rest >= w2.count {
                joined = s[q..<(q + w2.count)].elementsEqual(w2) && (rest == w2.count || isSpace(s[q + w2.count]))
            } else {
                joined = s[q...].elementsEqual(w2.prefix(rest))
            }
            guard joined else { continue }
            s.insert(" ", at: q)
            inserted = true
        }
        return inserted
    }

    /// The text with each hashtag written as its words: the # before a letter goes, and the
    /// underscores that join the tag's words become spaces (a space the outlet typed before one,
    /// «#بيومي _فؤاد», counts as the same break). A # not before a letter, or inside a word, stays.
    public static func readableHashtags(_ text: String) -> String {
        guard text.unicodeScalars.contains("#") else { return text }
        let u = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        func inWord(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
        }
        var i = 0
        while i < u.count {
            guard u[i] == "#", i + 1 < u.count, u[i + 1].properties.isAlphabetic, i == 0 || !inWord(u[i - 1]) else {
                out.append(u[i])
                i += 1
                continue
            }
            i += 1
            while i < u.count {
                let c = u[i]
                if c == "_" || (c == " " && i + 1 < u.count && u[i + 1] == "_") {
                    if out.last != " " { out.append(" ") }
                } else if inWord(c) {
                    out.append(c)
                } else { break }
                i += 1
            }
            // (an underscore at the tag's end leaves no space of its own before what follows)
            if out.last == " ", i < u.count, isSpace(u[i]) || !inWord(u[i]) { out.removeLast() }
        }
        return String(out)
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace }

    static func isBreak(_ u: Unicode.Scalar) -> Bool {
        u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" || u == "\u{0B}" || u == "\u{0C}" || u == "\u{85}"
    }

    /// A sentence's last character: a full stop, a question or exclamation mark, a colon or an
    /// ellipsis. Not a quotation mark: a straight one opens as often as it closes, and the bodies
    /// write an opening one apart from its word (`" بلوك تشين"`), which the summary rightly joins.
    static func endsSentence(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case ".", "!", "?", "؟", ":", "…": return true
        default: return false
        }
    }
}
