import Foundation

/// Feed dates: RFC 822/1123/2822 (RSS), RFC 3339/ISO 8601 (Atom, JSON Feed, dc:date) and the broken
/// variants real feeds send, parsed by hand (no `DateFormatter` on the hot path).
///
/// Tolerated: missing seconds or time, two-digit years (< 50 → 20xx, else 19xx, as RFC 2822 §4.3),
/// absent or misspelled-case day names, named zones (GMT, UTC, EST/EDT, CET, EET, MSK, …), `+0300`,
/// `+03:00`, `+03`, `GMT+3`, Arabic-Indic and Persian digits, Arabic month and day names, AM/PM and
/// Arabic ص/م, extra spaces and commas, a trailing `(comment)`, `2024/03/05`, `05/03/2024` (day first:
/// the Arabic convention; month first only when the middle number is > 12), compact ISO
/// (`20240305T102030Z`) and Unix epoch seconds/milliseconds.
///
/// Decisions: a missing zone means UTC; `AST` is Arabia Standard Time (+03:00), not Atlantic, because
/// Khabar's sources are Arabic outlets; leap second 60 becomes 59; 24:00 is the next midnight.
/// Hijri dates (`هـ`) are refused (nil) rather than misread.
public enum FeedDate {
    /// Parses one date string; nil when it cannot be read unambiguously as a calendar date.
    public static func parse(_ s: String) -> Date? {
        var scanner = Scanner(s)
        guard scanner.tokenize(), let d = scanner.assemble() else { return nil }
        return d
    }

    /// `2024-03-05T07:20:00Z` (UTC; `.123` milliseconds only when the date has a fraction).
    public static func iso8601(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var secs = t.rounded(.down)
        var ms = Int(((t - secs) * 1000).rounded())
        if ms >= 1000 { secs += 1; ms -= 1000 }
        let total = Int64(secs)
        var days = total / 86_400
        var rem = total % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        var out = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        out += pad(Int(rem / 3600), 2) + ":" + pad(Int(rem % 3600 / 60), 2) + ":" + pad(Int(rem % 60), 2)
        if ms != 0 { out += "." + pad(ms, 3) }
        return out + "Z"
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian; H. Hinnant's days_from_civil)

    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func daysInMonth(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }

    // MARK: - Tables

    /// Month names: English (full and 3-letter, "sept"), French-style abbreviations that leak into
    /// feeds are not accepted; Arabic Egyptian/Gulf (يناير…) and Levantine/Iraqi (كانون الثاني…) names.
    static let months: [String: Int] = {
        var t: [String: Int] = [:]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"]
        for (i, name) in en.enumerated() {
            t[name] = i + 1
            t[String(name.prefix(3))] = i + 1
        }
        t["sept"] = 9
        let ar: [(String, Int)] = [
            ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5),
            ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8),
            ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
            ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5), ("حزيران", 6),
            ("تموز", 7), ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9),
            // The two-word names are joined by the tokenizer ("كانون" + "الثاني" → "كانون الثاني").
            ("كانون الثاني", 1), ("تشرين الأول", 10), ("تشرين الاول", 10), ("تشرين الثاني", 11),
            ("كانون الأول", 12), ("كانون الاول", 12),
        ]
        for (name, m) in ar { t[name] = m }
        return t
    }()

    static let weekdays: Set<String> = {
        var s: Set<String> = []
        for d in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
            s.insert(d); s.insert(String(d.prefix(3)))
        }
        for d in ["tues", "thur", "thurs", "wed", "weds"] { s.insert(d) }
        for d in ["الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
                  "الأحد", "الاحد", "يوم"] { s.insert(d) }
        return s
    }()

    /// Zone abbreviations → minutes east of UTC. Ambiguous ones (IST, CST-China, BST-Bangladesh) take
    /// the reading most common in feeds; AST is Arabia (+3), see the type comment.
    static let zones: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "zulu": 0, "wet": 0, "غرينتش": 0, "جرينتش": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "bst": 60, "cet": 60, "met": 60, "west": 60, "cest": 120, "mest": 120, "eet": 120,
        "eest": 180, "msk": 180, "ast": 180, "ksa": 180, "trt": 180, "gst": 240, "irst": 210,
        "ist": 330, "pkt": 300, "hkt": 480, "sgt": 480, "awst": 480, "jst": 540, "kst": 540,
        "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    ]

    // MARK: - Tokenizer and assembly

    private enum Token: Equatable {
        case num(Int, digits: Int)
        case word(String)
        case sym(UInt8)      // : - + / . ,
    }

    private struct Scanner {
        let input: String
        var tokens: [Token] = []
        init(_ s: String) { input = s; tokens.reserveCapacity(16) }

        /// Splits into numbers, words (ASCII lowercased or Arabic) and symbols; false on garbage.
        mutating func tokenize() -> Bool {
            var num = 0, digits = 0
            var word = String.UnicodeScalarView()
            var inComment = 0
            var comment = ""
            func flushNum(_ t: inout [Token]) {
                if digits > 0 { t.append(.num(num, digits: digits)); num = 0; digits = 0 }
            }
            func flushWord(_ t: inout [Token]) {
                if !word.isEmpty { t.append(.word(String(word))); word = String.UnicodeScalarView() }
            }
            for sc in input.unicodeScalars {
                var v = sc.value
                if inComment > 0 {
                    // RFC 822 comment: "(EST)" names a zone when no offset was given; anything else is ignored.
                    if v == 0x28 { inComment += 1 } else if v == 0x29 { inComment -= 1 }
                    if inComment > 0 { if comment.count < 16 { comment.unicodeScalars.append(sc) }; continue }
                    let c = comment.lowercased().trimmed()
                    if FeedDate.zones[c] != nil { tokens.append(.word(c)) }
                    comment = ""
                    continue
                }
                // Arabic-Indic (U+0660…) and Extended/Persian (U+06F0…) digits.
                if (0x0660...0x0669).contains(v) { v = v - 0x0660 + 0x30 }
                else if (0x06F0...0x06F9).contains(v) { v = v - 0x06F0 + 0x30 }
                if v >= 0x30 && v <= 0x39 {
                    flushWord(&tokens)
                    guard digits < 18 else { return false }
                    num = num * 10 + Int(v - 0x30); digits += 1
                    continue
                }
                flushNum(&tokens)
                switch v {
                case 0x41...0x5A: word.append(Unicode.Scalar(v + 0x20)!)
                case 0x61...0x7A: word.append(sc)
                case 0x0621...0x064A, 0x0671...0x06D3:    // Arabic letters (no harakat)
                    word.append(sc)
                case 0x064B...0x065F, 0x0640: continue     // harakat, tatweel
                case 0x3A, 0x2D, 0x2B, 0x2F, 0x2E:
                    flushWord(&tokens); tokens.append(.sym(UInt8(v)))
                case 0x2212: flushWord(&tokens); tokens.append(.sym(0x2D))   // minus sign
                case 0x2C, 0x060C: flushWord(&tokens); tokens.append(.sym(0x2C))
                case 0x28: flushWord(&tokens); inComment = 1; comment = ""
                case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                    flushWord(&tokens)                       // spaces and bidi marks
                default:
                    return false
                }
            }
            flushNum(&tokens); flushWord(&tokens)
            // Join the two-word Levantine month names.
            var i = 0
            while i + 1 < tokens.count {
                if case .word(let a) = tokens[i], a == "كانون" || a == "تشرين", case .word(let b) = tokens[i + 1] {
                    tokens[i] = .word(a + " " + b); tokens.remove(at: i + 1)
                }
                i += 1
            }
            return !tokens.isEmpty
        }

        func assemble() -> Date? {
            var year: Int? = nil, month: Int? = nil, day: Int? = nil
            var hour: Int? = nil, minute = 0, second = 0, fraction = 0.0
            var offset: Int? = nil            // minutes east of UTC
            var ampm = 0                      // 1 am, 2 pm
            var dateNums: [(Int, Int)] = []   // (value, digits) in order
            var sawISOT = false
            var timeEnd = -1                  // index just after the time, where a "+0300" may follow
            let t = tokens
            var i = 0

            // Unix epoch: one 9/10-digit (seconds) or 12/13-digit (milliseconds) number.
            if t.count == 1, case .num(let n, let d) = t[0] {
                if d == 9 || d == 10 { return Date(timeIntervalSince1970: TimeInterval(n)) }
                if d == 12 || d == 13 { return Date(timeIntervalSince1970: TimeInterval(n) / 1000) }
            }

            func num(_ k: Int) -> (Int, Int)? {
                if k < t.count, case .num(let n, let d) = t[k] { return (n, d) }
                return nil
            }
            func sym(_ k: Int) -> UInt8? {
                if k < t.count, case .sym(let c) = t[k] { return c }
                return nil
            }
            /// Reads `HH[:]MM` / `HH` / `H` after a sign at k; returns minutes and the next index.
            func zoneOffset(at k: Int) -> (Int, Int)? {
                guard let (n, d) = num(k) else { return nil }
                if d == 4 || d == 3 { return ((n / 100) * 60 + n % 100, k + 1) }
                if d <= 2 {
                    if sym(k + 1) == 0x3A, let (m, md) = num(k + 2), md == 2 { return (n * 60 + m, k + 3) }
                    return (n * 60, k + 1)
                }
                return nil
            }

            while i < t.count {
                switch t[i] {
                case .word(let w):
                    if w == "t" && hour == nil { sawISOT = true; i += 1; continue }
                    // Compact ISO time glued to T: "20240305t102030z" tokenizes as num, word "t", num.
                    if let m = FeedDate.months[w] {
                        guard month == nil else { return nil }
                        month = m; i += 1; continue
                    }
                    if FeedDate.weekdays.contains(w) { i += 1; continue }
                    if w == "am" || w == "a" || w == "ص" || w == "صباحا" { ampm = 1; i += 1; skipDots(&i); continue }
                    if w == "pm" || w == "p" || w == "مساء" || w == "مساءا" { ampm = 2; i += 1; skipDots(&i); continue }
                    if w == "م" {
                        // After a time: مساءً (pm). After a year: ميلادي (AD), ignored.
                        if hour != nil && dateNums.count < 3 && lastWasTime(i) { ampm = 2 }
                        i += 1; continue
                    }
                    if w == "m" { i += 1; skipDots(&i); continue }       // the m of "a.m."
                    if w == "هـ" || w == "ه" { return nil }                // Hijri
                    if w == "at" || w == "on" || w == "الساعة" || w == "بتوقيت" { i += 1; continue }
                    if let z = FeedDate.zones[w] {
                        var off = z
                        // "GMT+3", "UTC+03:00"
                        if let s = sym(i + 1), s == 0x2B || s == 0x2D, let (o, next) = zoneOffset(at: i + 2) {
                            off = s == 0x2B ? o : -o
                            i = next
                        } else { i += 1 }
                        if offset == nil { offset = off }   // "+0300 GMT": the number wins
                        continue
                    }
                    return nil
                case .sym(let c):
                    let dateDone = month != nil ? dateNums.count == 2 : dateNums.count == 3
                    if (c == 0x2B || c == 0x2D), offset == nil, i == timeEnd || (dateDone && hour != nil) || c == 0x2B,
                       let (o, next) = zoneOffset(at: i + 1) {
                        // "+0300" / "-05:00" after the time.
                        offset = c == 0x2B ? o : -o
                        i = next; continue
                    }
                    i += 1
                case .num(let n, let d):
                    // Time: H:MM[:SS[.frac]]
                    if sym(i + 1) == 0x3A, hour == nil, d <= 2, let (m, _) = num(i + 2) {
                        hour = n; minute = m; i += 3
                        if sym(i) == 0x3A, let (sec, _) = num(i + 1) { second = sec; i += 2 }
                        if sym(i) == 0x2E || sym(i) == 0x2C, let (f, fd) = num(i + 1), hour != nil {
                            fraction = Double(f) / pow(10, Double(fd)); i += 2
                        }
                        timeEnd = i
                        continue
                    }
                    // Compact time after T: HHMMSS or HHMM
                    if sawISOT && hour == nil && (d == 6 || d == 4) {
                        if d == 6 { hour = n / 10000; minute = n / 100 % 100; second = n % 100 }
                        else { hour = n / 100; minute = n % 100 }
                        if sym(i + 1) == 0x2E, let (f, fd) = num(i + 2) { fraction = Double(f) / pow(10, Double(fd)); i += 2 }
                        i += 1; timeEnd = i; continue
                    }
                    if d == 8 && dateNums.isEmpty && month == nil {       // 20240305
                        dateNums = [(n / 10000, 4), (n / 100 % 100, 2), (n % 100, 2)]
                        i += 1; continue
                    }
                    guard dateNums.count < 3 else { return nil }
                    dateNums.append((n, d))
                    i += 1
                }
            }

            // Assign year / month / day.
            if let m = month {
                guard dateNums.count == 2 else { return nil }
                let (a, ad) = dateNums[0], (b, bd) = dateNums[1]
                if ad >= 3 || a > 31 { year = expandYear(a, ad); day = b; guard bd <= 2 else { return nil } }
                else { day = a; year = expandYear(b, bd) }
                month = m
            } else {
                guard dateNums.count == 3 else { return nil }
                let (a, ad) = dateNums[0], (b, _) = dateNums[1], (c, cd) = dateNums[2]
                if ad >= 3 { year = a; month = b; day = c }
                else if b > 12 { month = a; day = b; year = expandYear(c, cd) }
                else { day = a; month = b; year = expandYear(c, cd) }
            }
            guard var y = year, var mo = month, var dd = day, (1...12).contains(mo), y >= 1, y <= 9999 else { return nil }
            guard dd >= 1, dd <= FeedDate.daysInMonth(mo, y) else { return nil }
            var h = hour ?? 0
            if ampm != 0 {
                guard h >= 1 && h <= 12 else { return nil }
                if ampm == 1 && h == 12 { h = 0 } else if ampm == 2 && h != 12 { h += 12 }
            }
            guard h <= 24, minute <= 59, second <= 60 else { return nil }
            if second == 60 { second = 59 }
            if h == 24 {
                guard minute == 0 && second == 0 else { return nil }
                h = 0
                let next = FeedDate.days(year: y, month: mo, day: dd) + 1
                (y, mo, dd) = FeedDate.civil(fromDays: next)
            }
            if let o = offset { guard abs(o) <= 18 * 60 else { return nil } }
            let secs = FeedDate.days(year: y, month: mo, day: dd) * 86_400
                + Int64(h * 3600 + minute * 60 + second) - Int64((offset ?? 0) * 60)
            return Date(timeIntervalSince1970: TimeInterval(secs) + fraction)
        }

        private func skipDots(_ i: inout Int) {
            while i < tokens.count, case .sym(0x2E) = tokens[i] { i += 1 }
        }

        /// True when the token before `i` ends a time (a number preceded by ':' … or a compact time).
        private func lastWasTime(_ i: Int) -> Bool {
            guard i >= 2, case .num = tokens[i - 1] else { return false }
            if case .sym(0x3A) = tokens[i - 2] { return true }
            return false
        }

        private func expandYear(_ y: Int, _ digits: Int) -> Int {
            switch digits {
            case 1, 2: return y < 50 ? 2000 + y : 1900 + y
            case 3: return 1900 + y      // RFC 2822 §4.3 obsolete three-digit years
            default: return y
            }
        }
    }
}

