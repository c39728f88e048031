import Foundation
import Testing

@testable import KhabarModel

@Suite struct DateFieldsTests {
    static func byCalendar(_ d: Date) -> DateParsing.UTCFields {
        let c = DateParsing.utcCalendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: d)
        return .init(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!, weekday: c.weekday!)
    }

    @Test("UTC fields by arithmetic agree with Calendar: leap days, century years, before 1970, fractions")
    func agreesWithCalendar() {
        var dates: [Double] = [0, -0.5, -1, 59.999, 86_399.5, 951_782_400 /* 2000-02-29 */, -2_203_891_200 /* 1900-03-01 */,
                               4_107_456_000 /* 2100-02-28 */, 4_107_542_400, -11_676_096_000, 253_402_300_799, 1_716_000_000.25]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { dates.append(Double.random(in: -11_676_096_000..<7_258_118_400, using: &rng)) }   // 1600–2200
        for t in dates {
            let d = Date(timeIntervalSince1970: t)
            #expect(DateParsing.utcFields(d) == Self.byCalendar(d), "\(t)")
        }
        #expect(DateParsing.iso8601(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(DateParsing.rfc822(Date(timeIntervalSince1970: 1_715_076_000)) == "Tue, 07 May 2024 10:00:00 GMT")
        // years before 1000 keep four digits
        let ancient = DateParsing.rfc822(Date(timeIntervalSince1970: -60_000_000_000))
        #expect(ancient.range(of: #" 00\d\d \d\d:"#, options: .regularExpression) != nil, "\(ancient)")
        // HTTP dates read back what rfc822 writes; other forms are not guessed at
        for t in [1_715_076_000.0, 0, 253_402_300_799, 951_782_400] {
            let d = Date(timeIntervalSince1970: t)
            #expect(DateParsing.httpDate(DateParsing.rfc822(d)) == d, "\(t)")
        }
        for bad in ["Tuesday, 07-May-24 10:00:00 GMT", "Tue May  7 10:00:00 2024", "Tue, 07 May 2024 10:00:00 +0000",
                    "Tue, 07 Mai 2024 10:00:00 GMT", "Tue, 7 May 2024 10:00:00 GMT", "", "2024-05-07T10:00:00Z"] {
            #expect(DateParsing.httpDate(bad) == nil, "\(bad)")
        }
        // outside 1600–9999 the calendar answers (it is Julian before 1582)
        let old = Date(timeIntervalSince1970: -30_000_000_000)
        #expect(DateParsing.utcFields(old) == Self.byCalendar(old))
    }
}
