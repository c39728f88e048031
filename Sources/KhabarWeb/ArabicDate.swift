import Foundation

/// Dates written the way Arabic news sites write them: weekday, day, Gregorian month name, year,
/// and the time, in Western digits (as the outlets we aggregate do).
public struct ArabicDateFormatter: Sendable {
    public let timeZone: TimeZone
    let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The Gregorian month names used across most of the Arab world's press (Egypt and the Gulf).
    static let months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                         "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    static let weekdays = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]

    /// `الثلاثاء 8 مايو 2018`
    public func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return "\(Self.weekdays[(c.weekday ?? 1) - 1]) \(c.day ?? 0) \(Self.months[(c.month ?? 1) - 1]) \(c.year ?? 0)"
    }

    /// `14:05`, `04:46` (two digits each, as a clock shows them).
    public func time(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// `الثلاثاء 8 مايو 2018 - 14:05`
    public func full(_ date: Date) -> String { "\(day(date)) - \(time(date))" }

    /// `الثلاثاء 8 مايو 2018 - 14:05 بتوقيت غرينتش`: the time and the zone it is in.
    public func labeled(_ date: Date) -> String { "\(full(date)) \(zoneLabel(date))" }

    /// The zone a time of `date` is shown in, as Arabic news sites write it: `بتوقيت غرينتش`
    /// where the zone is UTC's then, else its offset from it, `بتوقيت غرينتش +3`,
    /// `بتوقيت غرينتش -4:30` (at that date: a zone with summer time changes it). The offset is
    /// isolated left to right, or the sign would be read after the digits.
    public func zoneLabel(_ date: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        guard seconds != 0 else { return "بتوقيت غرينتش" }
        let minutes = abs(seconds) / 60
        let offset = (seconds < 0 ? "-" : "+") + "\(minutes / 60)" + (minutes % 60 == 0 ? "" : String(format: ":%02d", minutes % 60))
        return "بتوقيت غرينتش \u{2066}\(offset)\u{2069}"
    }

    /// What every page says of its times: `الأوقات بتوقيت غرينتش`, or for another zone its
    /// name and its offset at `now` (`الأوقات بتوقيت Asia/Riyadh، غرينتش +3`).
    public func zoneNote(now: Date = Date()) -> String {
        let label = zoneLabel(now)
        guard timeZone.secondsFromGMT(for: now) != 0 || timeZone.nextDaylightSavingTimeTransition(after: now) != nil else {
            return "الأوقات " + label
        }
        return "الأوقات بتوقيت \u{2066}\(timeZone.identifier)\u{2069}، " + label.dropFirst("بتوقيت ".count)
    }

    /// A key that changes exactly when the local day changes, for grouping lists by day.
    public func dayKey(_ date: Date) -> Int {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return (c.year ?? 0) * 10000 + (c.month ?? 0) * 100 + (c.day ?? 0)
    }
}

/// A count and its noun as Arabic grammar has them: "مقال واحد", "مقالان", "3 مقالات" (3–10),
/// "11 مقالاً" (11–99), "100 مقال" (the last two digits decide above 100). Pages wrote
/// "7 مقالاً" and "4 مصادر"-style phrases for every number.
public struct ArabicCountedNoun: Sendable {
    public let singular: String, dual: String, genitiveDual: String, plural: String, accusative: String
    /// "نتيجة واحدة", not "نتيجة واحد".
    public var feminine = false

    public static let article = ArabicCountedNoun(singular: "مقال", dual: "مقالان", genitiveDual: "مقالين", plural: "مقالات", accusative: "مقالاً")
    public static let source = ArabicCountedNoun(singular: "مصدر", dual: "مصدران", genitiveDual: "مصدرين", plural: "مصادر", accusative: "مصدراً")
    public static let news = ArabicCountedNoun(singular: "خبر", dual: "خبران", genitiveDual: "خبرين", plural: "أخبار", accusative: "خبراً")
    public static let result = ArabicCountedNoun(singular: "نتيجة", dual: "نتيجتان", genitiveDual: "نتيجتين", plural: "نتائج",
                                                 accusative: "نتيجةً", feminine: true)
    public static let page = ArabicCountedNoun(singular: "صفحة", dual: "صفحتان", genitiveDual: "صفحتين", plural: "صفحات",
                                               accusative: "صفحةً", feminine: true)
    public static let copy = ArabicCountedNoun(singular: "نسخة", dual: "نسختان", genitiveDual: "نسختين", plural: "نسخ",
                                               accusative: "نسخةً", feminine: true)
    public static let item = ArabicCountedNoun(singular: "عنصر", dual: "عنصران", genitiveDual: "عنصرين", plural: "عناصر", accusative: "عنصراً")

    /// As the subject or on its own: "مقالان".
    public func callAsFunction(_ n: Int) -> String { phrase(n, dual: dual) }

    /// After a preposition (من، في): "من مصدرين".
    public func genitive(_ n: Int) -> String { phrase(n, dual: genitiveDual) }

    private func phrase(_ n: Int, dual: String) -> String {
        switch n {
        case 0: return "لا " + plural
        case 1: return singular + (feminine ? " واحدة" : " واحد")
        case 2: return dual
        default:
            let last = n % 100
            if (3...10).contains(last) { return "\(n) \(plural)" }
            if (11...99).contains(last) { return "\(n) \(accusative)" }
            return "\(n) \(singular)"
        }
    }
}
