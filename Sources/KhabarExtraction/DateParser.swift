import Foundation

/// Publication dates as pages write them: ISO 8601 and its usual deviations
/// ("2018-05-08T10:20:30+03:00", "…Z", "…+0300", "2018-05-08 10:20", "2018/05/08", "2018-05-08")
/// and RFC 822 ("Tue, 08 May 2018 10:20:30 +0300"). A date without a zone is taken as UTC.
/// Pure arithmetic, no DateFormatter: deterministic and the same on every platform.
enum DateParser {
    static func parse(_ raw: String?) -> Date? {
        guard let raw else { return nil }
        let s = Array(raw.trimmingSpaces().unicodeScalars)
        if s.isEmpty { return nil }
        if let d = iso(s) { return d }
        return rfc822(s)
    }

    private static func digits(_ s: [Unicode.Scalar], _ i: inout Int, max: Int) -> Int? {
        var v = 0, n = 0
        while i < s.count, n < max, let d = digit(s[i]) { v = v * 10 + d; i += 1; n += 1 }
        return n == 0 ? nil : v
    }

    private static func digit(_ u: Unicode.Scalar) -> Int? {
        switch u.value {
        case 0x30...0x39: return Int(u.value - 0x30)
        case 0x0660...0x0669: return Int(u.value - 0x0660)   // Arabic-Indic
        case 0x06F0...0x06F9: return Int(u.value - 0x06F0)   // Persian
        default: return nil
        }
    }

    private static func iso(_ s: [Unicode.Scalar]) -> Date? {
        var i = 0
        guard let y = digits(s, &i, max: 4), y >= 1900, y <= 2200, i < s.count, s[i] == "-" || s[i] == "/" else { return nil }
        let sep = s[i]; i += 1
        guard let mo = digits(s, &i, max: 2), i < s.count, s[i] == sep else { return nil }
        i += 1
        guard let d = digits(s, &i, max: 2) else { return nil }
        var h = 0, mi = 0, sec = 0, offset = 0
        if i < s.count, s[i] == "T" || s[i] == " " || s[i] == "t" {
            i += 1
            guard let hh = digits(s, &i, max: 2) else { return make(y, mo, d, 0, 0, 0, 0) }
            h = hh
            if i < s.count, s[i] == ":" { i += 1; mi = digits(s, &i, max: 2) ?? 0 }
            if i < s.count, s[i] == ":" { i += 1; sec = digits(s, &i, max: 2) ?? 0 }
            if i < s.count, s[i] == "." || s[i] == "," { i += 1; _ = digits(s, &i, max: 9) }
            while i < s.count, s[i] == " " { i += 1 }
            if i < s.count {
                if s[i] == "Z" || s[i] == "z" { offset = 0 }
                else if s[i] == "+" || s[i] == "-" {
                    let sign = s[i] == "-" ? -1 : 1
                    i += 1
                    let start = i
                    guard let oh = digits(s, &i, max: 2) else { return nil }
                    var om = 0
                    if i < s.count, s[i] == ":" { i += 1; om = digits(s, &i, max: 2) ?? 0 }
                    else if i - start == 2, let m2 = digits(s, &i, max: 2) { om = m2 }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        return make(y, mo, d, h, mi, sec, offset)
    }

    private static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                                 "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]

    private static func rfc822(_ s: [Unicode.Scalar]) -> Date? {
        var words = String(String.UnicodeScalarView(s)).split(whereSeparator: { $0 == " " || $0 == "," })
        if let f = words.first, f.count >= 3, f.allSatisfy({ $0.isLetter }), months[f.prefix(3).lowercased()] == nil {
            words.removeFirst()   // weekday
        }
        guard words.count >= 3, let d = Int(words[0]), let mo = months[words[1].prefix(3).lowercased()],
              var y = Int(words[2]) else { return nil }
        if y < 100 { y += y < 50 ? 2000 : 1900 }
        var h = 0, mi = 0, sec = 0, offset = 0
        if words.count >= 4 {
            let t = words[3].split(separator: ":").map { Int($0) ?? 0 }
            if t.count >= 2 { h = t[0]; mi = t[1]; sec = t.count > 2 ? t[2] : 0 }
        }
        if words.count >= 5 {
            let z = words[4]
            if let f = z.first, f == "+" || f == "-", z.count == 5, let v = Int(z.dropFirst()) {
                offset = (f == "-" ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
            }
        }
        return make(y, mo, d, h, mi, sec, offset)
    }

    private static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ offset: Int) -> Date? {
        guard (1...12).contains(mo), (1...31).contains(d), (0...24).contains(h), (0...59).contains(mi),
              (0...60).contains(s) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (mo + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let secs = days * 86400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }
}
