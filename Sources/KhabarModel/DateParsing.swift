import Foundation

/// Parses the publication dates found in import files and feeds.
///
/// Accepts ISO 8601 / RFC 3339 with or without fractional seconds and zone (a missing zone means
/// UTC), a space instead of `T`, and a bare day. Returns nil rather than guessing.
public enum DateParsing {
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmed
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == 45, let month = digits(5, 2), bytes[7] == 45,
              let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        var index = 10
        if index < bytes.count {
            guard bytes[index] == 84 || bytes[index] == 116 || bytes[index] == 32 else { return nil }  // T t space
            guard let h = digits(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == 58,
                  let m = digits(index + 4, 2), h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
            index += 6
            if index < bytes.count, bytes[index] == 58 {
                guard let s = digits(index + 1, 2), s <= 60 else { return nil }
                second = s
                index += 3
                if index < bytes.count, bytes[index] == 46 || bytes[index] == 44 {
                    index += 1
                    var scale = 0.1
                    let start = index
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                        fraction += Double(bytes[index] - 48) * scale
                        scale /= 10
                        index += 1
                    }
                    guard index > start else { return nil }
                }
            }
            if index < bytes.count {
                switch bytes[index] {
                case 90, 122:  // Z z
                    index += 1
                case 43, 45:  // + -
                    let sign = bytes[index] == 45 ? -1 : 1
                    guard let oh = digits(index + 1, 2) else { return nil }
                    var om = 0
                    var next = index + 3
                    if next < bytes.count, bytes[next] == 58 { next += 1 }
                    if next < bytes.count {
                        guard let parsed = digits(next, 2) else { return nil }
                        om = parsed
                        next += 2
                    }
                    guard oh <= 14, om < 60 else { return nil }
                    offsetSeconds = sign * (oh * 3600 + om * 60)
                    index = next
                default:
                    return nil
                }
            }
            guard index == bytes.count else { return nil }
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let base = utcCalendar.date(from: components) else { return nil }
        // Reject impossible days such as 2018-02-30, which Calendar would roll over.
        guard utcCalendar.component(.day, from: base) == day else { return nil }
        return base.addingTimeInterval(fraction - TimeInterval(offsetSeconds))
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// RFC 3339 in UTC with whole seconds, as the JSON API writes dates.
    public static func iso8601(_ date: Date) -> String {
        let c = utcFields(date)
        func pad(_ v: Int, _ width: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// A date's fields in UTC, whole seconds (rounded down). `weekday` 1 is Sunday, as Calendar's.
    struct UTCFields: Equatable {
        var year, month, day, hour, minute, second, weekday: Int
    }

    /// `utcFields` by arithmetic on the Unix time (the civil-from-days algorithm of the proleptic
    /// Gregorian calendar) for years 1600–9999: `Calendar.dateComponents` was a hot spot of every
    /// page (a date per list item). Outside those years (never a news date), `utcCalendar`
    /// answers, since it switches to the Julian calendar before 1582.
    static func utcFields(_ date: Date) -> UTCFields {
        let t = date.timeIntervalSince1970
        guard t.isFinite, t >= -11_676_096_000, t < 253_402_300_800 else {
            let c = utcCalendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
            return UTCFields(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0,
                             minute: c.minute ?? 0, second: c.second ?? 0, weekday: c.weekday ?? 1)
        }
        let secs = Int64(t.rounded(.down))
        var days = secs / 86_400, rest = secs % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468                       // days since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097                  // day of the 400-year era
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153                 // month from March
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days + 4) % 7 + 7) % 7 + 1   // 1970-01-01 was a Thursday
        return UTCFields(year: Int(year), month: Int(month), day: Int(day), hour: Int(rest / 3_600),
                         minute: Int(rest % 3_600 / 60), second: Int(rest % 60), weekday: Int(weekday))
    }

    /// RFC 822 (as RSS 2.0 writes dates), in GMT with English day and month names:
    /// "Tue, 07 May 2024 10:00:00 GMT".
    public static func rfc822(_ date: Date) -> String {
        let c = utcFields(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        func pad(_ v: Int, _ width: Int = 2) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        let day = days[(c.weekday - 1 + 7) % 7], month = months[(c.month - 1 + 12) % 12]
        return "\(day), \(pad(c.day)) \(month) \(pad(c.year, 4)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) GMT"
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An HTTP date in the form `rfc822` writes and HTTP requires of senders (IMF-fixdate:
    /// "Tue, 07 May 2024 10:00:00 GMT"); nil for anything else, which a conditional request then
    /// simply does not use.
    public static func httpDate(_ raw: String) -> Date? {
        let parts = raw.trimmed.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[1].count == 2, parts[3].count == 4,
              parts[4].count == 8, parts[5] == "GMT", let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        return parse("\(parts[3])-\(month < 9 ? "0" : "")\(month + 1)-\(parts[1])T\(parts[4])Z")
    }
}
