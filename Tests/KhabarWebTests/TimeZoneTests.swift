import Foundation
import HummingbirdTesting
import KhabarModel
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// Times on pages are in the display zone (`serve --timezone`, UTC unless set) and say which.
@Suite(.scratch) struct TimeZoneTests {
    static func formatter(_ zone: String) -> ArabicDateFormatter { ArabicDateFormatter(timeZone: TimeZone(identifier: zone)!) }
    static let january = DateParsing.parse("2024-01-15T10:00:00Z")!, july = DateParsing.parse("2024-07-15T10:00:00Z")!

    @Test func aTimeIsLabelledWithItsZone() {
        #expect(Self.formatter("UTC").labeled(Self.january) == "الاثنين 15 يناير 2024 - 10:00 بتوقيت غرينتش")
        #expect(Self.formatter("Asia/Riyadh").labeled(Self.january) == "الاثنين 15 يناير 2024 - 13:00 بتوقيت غرينتش \u{2066}+3\u{2069}")
        #expect(Self.formatter("Asia/Kolkata").zoneLabel(Self.january) == "بتوقيت غرينتش \u{2066}+5:30\u{2069}")
        #expect(Self.formatter("America/St_Johns").zoneLabel(Self.january) == "بتوقيت غرينتش \u{2066}-3:30\u{2069}")
        // summer time moves the offset with the date
        #expect(Self.formatter("Europe/London").zoneLabel(Self.january) == "بتوقيت غرينتش")
        #expect(Self.formatter("Europe/London").zoneLabel(Self.july) == "بتوقيت غرينتش \u{2066}+1\u{2069}")
    }

    @Test func everyPageSaysWhichZoneItsTimesAreIn() {
        #expect(Self.formatter("UTC").zoneNote(now: Self.january) == "الأوقات بتوقيت غرينتش")
        #expect(Self.formatter("Asia/Riyadh").zoneNote(now: Self.january) == "الأوقات بتوقيت \u{2066}Asia/Riyadh\u{2069}، غرينتش \u{2066}+3\u{2069}")
        // a zone at UTC's offset only in winter is named
        #expect(Self.formatter("Europe/London").zoneNote(now: Self.january) == "الأوقات بتوقيت \u{2066}Europe/London\u{2069}، غرينتش")
    }

    @Test func theDisplayZoneIsUTCUnlessNamed() {
        // Foundation names UTC "GMT" on Linux: the zone is told by its offset, all year
        func isUTC(_ zone: TimeZone?) -> Bool {
            guard let zone else { return false }
            return zone.secondsFromGMT(for: Self.january) == 0 && zone.secondsFromGMT(for: Self.july) == 0
        }
        #expect(isUTC(WebConfiguration.displayTimeZone(nil)))
        #expect(isUTC(WebConfiguration.displayTimeZone("")))
        #expect(WebConfiguration.displayTimeZone("Asia/Riyadh")?.identifier == "Asia/Riyadh")
        #expect(WebConfiguration.displayTimeZone("Mars/Olympus_Mons") == nil)
        #expect(isUTC(WebConfiguration().timeZone))
    }

    @Test(arguments: [("UTC", "10:00 بتوقيت غرينتش", "الأوقات بتوقيت غرينتش"),
                      ("Asia/Riyadh", "13:00 بتوقيت غرينتش \u{2066}+3\u{2069}", "Asia/Riyadh")])
    func pagesShowTimesInTheDisplayZone(zone: String, articleTime: String, note: String) async throws {
        let store = try await makeStore(sample)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: zone)!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/article/w-1", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(articleTime), "\(zone)")
                #expect(html.contains(note), "\(zone)")
            }
            try await client.execute(uri: "/latest", method: .get) { response in
                #expect(String(buffer: response.body).contains(note), "\(zone)")
            }
        }
    }
}
