import Foundation
import Testing
@testable import KhabarFeeds

@Suite("OPML")
struct OPMLTests {
    @Test("import: nested folders, title/text, category attribute, IDN xmlUrl", .tags(.golden))
    func importGolden() throws {
        let outlines = try OPML.parse(Fixtures.bytes("opml/subscriptions.opml"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(outlines), as: UTF8.self) + "\n"
        if Fixtures.updating { Fixtures.write(json, to: "opml/subscriptions.expected.json"); return }
        let expected = try JSONDecoder().decode([OPMLOutline].self, from: Data(try #require(Fixtures.text("opml/subscriptions.expected.json")).utf8))
        #expect(outlines == expected)
        #expect(outlines.map(\.category) == ["أخبار عامة", "أخبار عامة/محليات", "رياضة", "سفر/جبال", nil])
        #expect(outlines[2].title == "ملاعب & نجوم")
        #expect(outlines[4].title == outlines[4].xmlURL)
    }

    @Test("export: OPML 2.0 with folders rebuilt, golden", .tags(.golden))
    func exportGolden() throws {
        let outlines = try OPML.parse(Fixtures.bytes("opml/subscriptions.opml"))
        let xml = OPML.export(outlines, title: "اشتراكات خبر")
        if Fixtures.updating { Fixtures.write(xml, to: "opml/export.expected.opml"); return }
        #expect(xml == Fixtures.text("opml/export.expected.opml"))
    }

    @Test("export then import gives the same outlines")
    func roundTrip() throws {
        let outlines = [
            OPMLOutline(title: "صحيفة \"المدينة\" & <الأخبار>", xmlURL: "https://madina.example/feed.xml?a=1&b=2",
                        htmlURL: "https://madina.example/", category: "أخبار/محليات"),
            OPMLOutline(title: "بلا مجلد", xmlURL: "https://x.example/rss"),
            OPMLOutline(title: "سطر\nجديد", xmlURL: "https://y.example/rss", category: "أخبار"),
        ]
        let back = try OPML.parse(Array(OPML.export(outlines, title: "t").utf8))
        // Export groups by folder (first appearance order) and titles are plain text (newline → space).
        var expected = outlines
        expected[2].title = "سطر جديد"
        #expect(back == [expected[0], expected[2], expected[1]])
        let dated = OPML.export(outlines, title: "t", dateCreated: Date(timeIntervalSince1970: 1_709_634_030))
        #expect(dated.contains("<dateCreated>Tue, 05 Mar 2024 10:20:30 GMT</dateCreated>"))
    }

    @Test("not OPML, empty, HTML")
    func errors() {
        #expect(throws: OPML.Error.empty) { try OPML.parse([UInt8]()) }
        #expect(throws: OPML.Error.notOPML("root element <rss>")) {
            try OPML.parse(Array("<rss><channel/></rss>".utf8))
        }
        #expect(throws: OPML.Error.self) { try OPML.parse(Array("<opml version=\"2.0\"><head/></opml>".utf8)) }
    }

    @Test("a malformed list still yields its outlines")
    func malformed() throws {
        let text = "<opml version=\"1.0\"><body><outline text=\"أ\"><outline text=\"ب\" xmlUrl=\"https://b.example/rss?x=1&y=2\"><outline text=\"ج\" xmlUrl=\"https://c.example/rss\">"
        let outlines = try OPML.parse(Array(text.utf8))
        #expect(outlines.map(\.xmlURL) == ["https://b.example/rss?x=1&y=2", "https://c.example/rss"])
        #expect(outlines.map(\.category) == ["أ", "أ"])
    }

    @Test("a feed given to FeedParser as OPML says what it is")
    func opmlToFeedParser() {
        let f = FeedParser.parse(Fixtures.bytes("opml/subscriptions.opml"))
        #expect(f.format == nil)
        #expect(f.errors.last?.hasPrefix("not a feed: this is an OPML") == true)
    }
}
