// Light stemmer of the light10 family (Larkey et al.; as in Lucene's ArabicStemmer), on the
// UTF-8 bytes of an already normalized token. Every Arabic letter of a normalized token is two
// UTF-8 bytes, read here as one big-endian UInt16 "unit".
//
// Prefixes (one, longest applicable first; ≥ 2 letters must remain):
//   وبال فبال وكال · وال بال كال فال ولل فلل · ال لل · و (only for words of ≥ 4 letters)
// Suffixes, tried once each in this order while ≥ 2 letters remain (ية/ة are يه/ه after
// normalization, so they are not listed twice):  ها ان ات ون ين يه ه ي; before them, a pronoun
// after ت (below).
// Protected words: a protected token is returned unchanged. A proclitic before a protected word
// that starts with ال of its own goes alone (وألمانيا → ألمانيا, بإلغاء → إلغاء، لألعاب → ألعاب:
// وال/بال would otherwise take the word's own letters). Stemming stops at a protected word
// reached by removing the prefix (والوزير → وزير), then by removing suffixes after the prefix
// (الوزيرة → وزير), then by removing only suffixes from the whole token (وزيرها → وزير).
// After a suffix removal the stem also matches a protected word in its ة form: with a final ت
// read as ه (وزارتها → وزاره) or with ه added (الوزارات → وزار → وزاره).
//
// ة before an attached pronoun is written ت (استقالة, استقالته; زيارة, زيارتهم): light10 leaves
// استقالت and زيارتهم, which no query for استقالة or زيارة finds. So a pronoun after ت (ه ها هما
// هم هن ك كما كم كن ي نا) goes first, and the ت then takes the place of ة in the يه and ه
// steps (استقالته → استقال as استقاله; عمليته → عمل as عمليه); a plural's ات before the pronoun
// goes as ات does (سياراته → سيار as سيارات). Only with ≥ 3 letters before the ت: words of three
// letters whose ت is their own (بيت، وقت، صوت، موت، ذات) and verbs whose ت ends the stem
// (يتهم، متهم، اتهم) keep it; ≥ 4 before ي, and never ات + ي: after ت, ي is mostly a nisba or
// a foreign name's end (كويتي، كونتي، الإماراتي، سيأتي، اللاتي), rarely "my". Longer words whose ت
// is their own (ثابتة، مؤقتة، لافتة، نبات) and singulars in اة (حياته، مباراته) are protected
// words: the removal stops at them (ثابته → ثابت, مباراته → مباراه). With fewer letters before
// the ت, the pronoun goes only where that reaches a protected word (وقتهم → وقت، جهتهم → جهه).

private let uAlef: UInt16 = 0xD8A7   // ا U+0627
private let uBeh: UInt16 = 0xD8A8    // ب U+0628
private let uTeh: UInt16 = 0xD8AA    // ت U+062A
private let uFeh: UInt16 = 0xD981    // ف U+0641
private let uKaf: UInt16 = 0xD983    // ك U+0643
private let uLam: UInt16 = 0xD984    // ل U+0644
private let uMeem: UInt16 = 0xD985   // م U+0645
private let uNoon: UInt16 = 0xD986   // ن U+0646
private let uHeh: UInt16 = 0xD987    // ه U+0647
private let uWaw: UInt16 = 0xD988    // و U+0648
private let uYeh: UInt16 = 0xD98A    // ي U+064A

/// A stem as a range of letters of the token; for a protected word reached through its ة
/// form, with the last letter ت read as ه, or with ه appended.
struct StemRange: Equatable {
    enum Heh { case none, replaceLast, append }
    var lo: Int
    var hi: Int
    var heh: Heh
}

/// Stems the normalized token `p[0..<nb]`; nil when no rule applies (stem = token).
@inline(__always)
func lightStem(_ p: UnsafePointer<UInt8>, _ nb: Int, protected: ByteSet) -> StemRange? {
    if nb < 6 || nb & 1 != 0 { return nil }       // < 3 letters: no rule can leave ≥ 2
    var k = 0
    while k < nb {                                 // only words made of Arabic-block letters
        let b0 = p[k], b1 = p[k + 1]
        if b0 < 0xD8 || b0 > 0xDB || b1 & 0xC0 != 0x80 { return nil }
        k += 2
    }
    let n = nb >> 1
    @inline(__always) func u(_ i: Int) -> UInt16 { UInt16(p[2 * i]) << 8 | UInt16(p[2 * i + 1]) }
    let hasProtected = protected.count > 0

    @inline(__always) func isProtected(_ lo: Int, _ hi: Int) -> Bool {
        protected.contains(p + 2 * lo, 2 * (hi - lo))
    }
    /// Is letters lo..<hi, with its last letter replaced by ه (`replaceLast`) or with ه
    /// appended, a protected word?
    @inline(__always) func isProtectedWithHeh(_ lo: Int, _ hi: Int, replaceLast: Bool) -> Bool {
        let len = 2 * (hi - lo) - (replaceLast ? 2 : 0)
        return protected.contains(p + 2 * lo, len, tail: UInt8(uHeh >> 8), UInt8(uHeh & 0xFF))
    }

    /// Suffix removal on letters lo..<hi. Returns the stem and whether it stopped at a protected
    /// word; with `onlyProtected`, nil unless it did.
    @inline(__always) func suffixPass(_ lo: Int, _ hi: Int, onlyProtected: Bool) -> (StemRange, Bool)? {
        // `h` is passed, not captured: a nested function that captures a `var` reads it through
        // a box with dynamic exclusivity checks (swift_beginAccess on every call).
        @inline(__always) func hit(_ h: Int) -> StemRange? {
            guard hasProtected else { return nil }
            if isProtected(lo, h) { return StemRange(lo: lo, hi: h, heh: .none) }
            if u(h - 1) == uTeh && isProtectedWithHeh(lo, h, replaceLast: true) {
                return StemRange(lo: lo, hi: h, heh: .replaceLast)
            }
            if isProtectedWithHeh(lo, h, replaceLast: false) { return StemRange(lo: lo, hi: h, heh: .append) }
            return nil
        }
        @inline(__always) func ends2(_ h: Int, _ a: UInt16, _ b: UInt16) -> Bool {
            h - lo >= 4 && u(h - 1) == b && u(h - 2) == a
        }
        var h = hi
        // ت + pronoun (see the header); `tehAsHeh` while the ت left at the end stands for ة. Few
        // words have a ت there: the pronoun is read out of line.
        var tehAsHeh = false
        if h - lo >= 4 && (u(h - 2) == uTeh || u(h - 3) == uTeh || u(h - 4) == uTeh) {
            let (pron, full) = tehPronoun(p, lo, h)
            if full { h -= pron; tehAsHeh = true }
            else if pron > 0, let r = hit(h - pron) { return (r, true) }            // وقتهم → وقت
        }
        if !tehAsHeh && ends2(h, uHeh, uAlef) { h -= 2 }                              // ها
        if h < hi, let r = hit(h) { return (r, true) }           // also ثابته → ثابت, مباراته → مباراه
        if ends2(h, uAlef, uNoon) { h -= 2; if let r = hit(h) { return (r, true) } }   // ان
        if ends2(h, uAlef, uTeh) { h -= 2; tehAsHeh = false; if let r = hit(h) { return (r, true) } }   // ات
        if ends2(h, uWaw, uNoon) { h -= 2; if let r = hit(h) { return (r, true) } }    // ون
        if ends2(h, uYeh, uNoon) { h -= 2; if let r = hit(h) { return (r, true) } }    // ين
        // يه (ية), or يت standing for it
        if tehAsHeh ? u(h - 2) == uYeh : ends2(h, uYeh, uHeh) {
            h -= 2; tehAsHeh = false; if let r = hit(h) { return (r, true) }
        }
        // ه (ة), or ت standing for it
        if tehAsHeh || (h - lo >= 3 && u(h - 1) == uHeh) { h -= 1; if let r = hit(h) { return (r, true) } }
        if h - lo >= 3 && u(h - 1) == uYeh { h -= 1; if let r = hit(h) { return (r, true) } }   // ي
        return onlyProtected ? nil : (StemRange(lo: lo, hi: h, heh: .none), false)
    }

    if hasProtected && isProtected(0, n) { return nil }

    // Prefix: the longest applicable one.
    var pfx = 0
    let c0 = u(0), c1 = u(1), c2 = u(2)
    if n >= 6 {
        let c3 = u(3)
        if c1 == uBeh && c2 == uAlef && c3 == uLam && (c0 == uWaw || c0 == uFeh) { pfx = 4 }      // وبال فبال
        else if c0 == uWaw && c1 == uKaf && c2 == uAlef && c3 == uLam { pfx = 4 }               // وكال
    }
    if pfx == 0 && n >= 5 {
        if c1 == uAlef && c2 == uLam && (c0 == uWaw || c0 == uBeh || c0 == uKaf || c0 == uFeh) { pfx = 3 }
        else if c1 == uLam && c2 == uLam && (c0 == uWaw || c0 == uFeh) { pfx = 3 }             // ولل فلل
    }
    if pfx == 0 && n >= 4 {
        if (c0 == uAlef || c0 == uLam) && c1 == uLam { pfx = 2 }                               // ال لل
        else if c0 == uWaw { pfx = 1 }                                                         // و
    }

    // Is the prefix really a prefix? 1) the rest is protected (الوزير → وزير); 2) the rest
    // reaches a protected word by suffix removal (الوزيرة → وزير); 3) the whole token does
    // (وزيرها → وزير: its و is radical; only tried when some protected word starts with the
    // token's first two letters); else plain light10 on the rest.
    if pfx > 0 && hasProtected && isProtected(pfx, n) { return StemRange(lo: pfx, hi: n, heh: .none) }
    // 1b) a proclitic before a protected word whose ال is its own (وألمانيا، بإلغاء، لألعاب): it
    // goes alone. (Tried here, before the suffixes, and not after them: there it cost the
    // analyzer 10 % for the same answers. So no protected word may start with ال where a
    // protected word starting وكال، وال … ends the same: آلات is left out for وكالات.)
    let own = pfx >= 3 ? pfx - 2 : (pfx == 0 && c0 == uLam ? 1 : 0)
    if own > 0 && hasProtected && u(own) == uAlef && u(own + 1) == uLam && isProtected(own, n) {
        return StemRange(lo: own, hi: n, heh: .none)
    }
    let (r, stopped) = suffixPass(pfx, n, onlyProtected: false)!
    if stopped { return r }
    if pfx > 0 && hasProtected && protected.mayStartWith(p),
       let (r0, _) = suffixPass(0, n, onlyProtected: true) {
        return r0
    }
    return (r.lo == 0 && r.hi == n) ? nil : r
}

/// Letters lo..<h of `p` ending in ت + a pronoun (ه ها هما هم هن ك كما كم كن ي نا): the
/// pronoun's length in letters (0: none) and whether enough letters stand before the ت for the
/// full rule (3; 4 before ي). See the header for why.
@inline(never)
private func tehPronoun(_ p: UnsafePointer<UInt8>, _ lo: Int, _ h: Int) -> (Int, Bool) {
    @inline(__always) func u(_ i: Int) -> UInt16 { UInt16(p[2 * i]) << 8 | UInt16(p[2 * i + 1]) }
    if h - lo < 4 { return (0, false) }                          // ≥ 2 letters + ت + pronoun
    let last = u(h - 1)
    var k = 0
    if last == uHeh || last == uKaf || last == uYeh { k = 1 }                              // ه ك ي
    else if last == uMeem || last == uNoon {                                                 // هم كم هن كن
        let b = u(h - 2)
        if b == uHeh || b == uKaf { k = 2 }
    } else if last == uAlef {
        let b = u(h - 2)
        if b == uHeh || b == uNoon { k = 2 }                                                 // ها نا
        else if b == uMeem && h - lo >= 5 {                                                  // هما كما
            let c = u(h - 3)
            if c == uHeh || c == uKaf { k = 3 }
        }
    }
    if k == 0 { return (0, false) }
    let t = h - k - 1                                            // the ت
    if t - lo < 2 || u(t) != uTeh { return (0, false) }
    if last == uYeh {
        if u(t - 1) == uAlef { return (0, false) }               // ات + ي: nisba, verbs (see the header)
        return (1, t - lo >= 4)
    }
    return (k, t - lo >= 3)
}

/// Builds the stem string of `p[0..<nb]` for a stem range.
@inline(__always)
func makeStemString(_ p: UnsafePointer<UInt8>, _ r: StemRange) -> String {
    let start = p + 2 * r.lo
    let len = 2 * (r.hi - r.lo)
    if r.heh == .none {
        return String(decoding: UnsafeBufferPointer(start: start, count: len), as: UTF8.self)
    }
    let outLen = r.heh == .append ? len + 2 : len
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: outLen) { tmp in
        let t = tmp.baseAddress!
        t.update(from: start, count: len)
        t[outLen - 2] = UInt8(uHeh >> 8)
        t[outLen - 1] = UInt8(uHeh & 0xFF)
        return String(decoding: UnsafeBufferPointer(start: t, count: outLen), as: UTF8.self)
    }
}
