import Foundation
import Testing
@testable import KhabarFeeds

@Suite("FeedDate")
struct FeedDateTests {
    static let rows = GoldenRow.rows("dates.tsv")

    @Test("golden table has at least 40 rows")
    func enoughRows() {
        #expect(Self.rows.count >= 40)
        #expect(Self.rows.allSatisfy { $0.columns.count == 2 })
    }

    @Test("golden dates", .tags(.golden), arguments: rows)
    func golden(_ row: GoldenRow) {
        let got = FeedDate.parse(row.input).map(FeedDate.iso8601) ?? "nil"
        #expect(got == row.expected())
    }

    @Test("agrees with Foundation's ISO 8601 parser on RFC 3339 output, across eras")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let t = Double(rng.next() % 8_000_000_000) - 2_000_000_000      // 1906…2223
            let d = Date(timeIntervalSince1970: t.rounded())
            let iso = FeedDate.iso8601(d)
            #expect(FeedDate.parse(iso) == d, "\(iso)")
            let foundation = try Date(iso, strategy: .iso8601)
            #expect(foundation == d, "\(iso)")
        }
    }

    @Test("leap years and month lengths")
    func calendar() {
        #expect(FeedDate.parse("29 Feb 2024") != nil)
        #expect(FeedDate.parse("29 Feb 2023") == nil)
        #expect(FeedDate.parse("29 Feb 2000") != nil)
        #expect(FeedDate.parse("29 Feb 1900") == nil)
        #expect(FeedDate.parse("31 Apr 2024") == nil)
        #expect(FeedDate.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
    }

    @Test("never traps on hostile input")
    func hostile() {
        for s in ["99999999999999999999999", "-", "+", ":", "(((((", "Tue, 05 Mar 2024 10:20:30 +99999",
                  String(repeating: "1:", count: 1000), "T", "٠٠٠٠-٠٠-٠٠", "2024-03-05T10:20:30+18:01"] {
            _ = FeedDate.parse(s)
        }
        #expect(FeedDate.parse("2024-03-05T10:20:30+18:01") == nil)
    }
}

/// A tiny deterministic PRNG (tests must not depend on the system generator).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
