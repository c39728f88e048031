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
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ v: Int?, _ width: Int = 2) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// RFC 822 (as RSS 2.0 writes dates), in GMT with English day and month names:
    /// "Tue, 07 May 2024 10:00:00 GMT".
    public static func rfc822(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func pad(_ v: Int?) -> String { let s = String(v ?? 0); return s.count < 2 ? "0" + s : s }
        let day = days[((c.weekday ?? 1) - 1 + 7) % 7], month = months[((c.month ?? 1) - 1 + 12) % 12]
        return "\(day), \(pad(c.day)) \(month) \(c.year ?? 1970) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) GMT"
    }
}
