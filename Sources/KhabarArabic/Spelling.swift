// The spelled form of a word: what folding ى into ي and ة into ه hides, kept for ranking.

extension Analyzer {
    /// `token`'s spelled form: its folded text with the last letter as `text` writes it where the
    /// fold merges two letters, ى (not ي) and ة (not ه). Nil when the folded text does not end in
    /// ي or ه, for there the spelled form is the folded form.
    ///
    /// Matching needs the fold (a query with على or علي, مدرسة or مدرسه, must find both), but it
    /// makes the name علي one word with the preposition على and the city جدة one with جده (his
    /// grandfather). The spelled form lets search rank an article that writes the word as the
    /// query does above one that matches only through the fold (DESIGN.md §2, Search). Only the
    /// last letter is kept: there ى and ة are written (inside a word they become ا and ت), and a
    /// hamza seat, folded in the middle of a word too, stays folded. Persian ی, typed for both ي
    /// and ى, stays ي; Urdu ۃ is a taa marbuta and reads ة.
    ///
    /// `text` is the string `token` was cut from; offsets that do not fit it give the folded text.
    public func spelledForm(of token: Token, in text: String) -> String? {
        let word = token.text.utf8
        guard word.count >= 2, word[word.index(word.endIndex, offsetBy: -2)] == 0xD9 else { return nil }
        let kept: (UInt8, UInt8)
        switch word.last! {
        case 0x8A:   // ي
            kept = (0xD9, 0x89)   // ى
        case 0x87:   // ه
            kept = (0xD8, 0xA9)   // ة
        default:
            return nil
        }
        let written = withUTF8(text) { p, n in lastLetter(p, n, start: token.start, end: token.end) }
        let keep = kept.1 == 0x89 ? written == 0x0649 : written == 0x0629 || written == 0x06C3
        guard keep else { return token.text }
        var bytes = Array(word.dropLast(2))
        bytes.append(kept.0)
        bytes.append(kept.1)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The last letter of the word written in `p[start..<end]` as written (before folding), skipping
/// the harakat, tatweel and format controls after it; for a presentation form, the last letter of
/// its decomposition. 0 when there is none, when the range does not fit the text or when a
/// presentation form holds several words (which of them ends the token is not known).
func lastLetter(_ p: UnsafePointer<UInt8>, _ n: Int, start: Int, end: Int) -> UInt32 {
    let lower = max(0, start)
    var i = min(end, n)
    while i > lower {
        var j = i - 1
        while j > lower && p[j] & 0xC0 == 0x80 { j -= 1 }   // back to the scalar's first byte
        if p[j] & 0xC0 == 0x80 { return 0 }                  // the range starts inside a scalar
        let (v, _) = decodeScalar(p, j)
        let c = v < 0x800 ? lowTablePointer[Int(v)] : classifyHigh(v)
        let kind = classKind(c)
        if kind == kindWord { return v }
        if kind == kindExpand {
            let (scalars, reclassify) = expansion(v)
            guard reclassify else { return scalars.last ?? 0 }   // a lower-case mapping: not Arabic
            var last: UInt32 = 0
            for s in scalars {
                let k = classKind(classifyPlain(s))
                if k == kindWord { last = s }
                else if k == kindSeparator || k == kindDropSeparator { return 0 }
            }
            if last != 0 { return last }
        } else if kind != kindDropMark && kind != kindControl {
            return 0
        }
        i = j
    }
    return 0
}
