import Foundation
import Testing
@testable import KhabarFeeds

/// Small inline documents for feed shapes that need no fixture file.
@Suite("Feed shapes")
struct ShapesTests {
    static func parse(_ s: String, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        FeedParser.parse(Array(s.utf8), contentType: contentType, url: url)
    }

    @Test("text before the XML is skipped and reported")
    func leadingGarbage() {
        let f = Self.parse("Warning: something failed on line 3\n<?xml version=\"1.0\"?>\n<rss><channel><title>ت</title><item><title>أ</title></item></channel></rss>")
        #expect(f.format == .rss2)
        #expect(f.items.map(\.title) == ["أ"])
        #expect(f.errors.first == "line 1: 36 bytes of text before the feed ignored")
    }

    @Test("undeclared namespace prefixes are read by their usual meaning")
    func undeclaredPrefixes() {
        let f = Self.parse("<rss><channel><item><title>t</title><dc:creator>كاتب</dc:creator><content:encoded>&lt;p&gt;م&lt;/p&gt;</content:encoded></item></channel></rss>")
        #expect(f.items.first?.author == "كاتب")
        #expect(f.items.first?.content == "<p>م</p>")
    }

    @Test("Atom 0.3 (issued/modified, mode=escaped)")
    func atom03() {
        let f = Self.parse("""
        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>قديم</title>
        <link rel="alternate" type="text/html" href="https://old.example/"/>
        <entry><title>مدخل</title><link rel="alternate" href="/e/1"/><id>e1</id>
        <issued>2004-05-01T10:00:00+03:00</issued><modified>2004-05-02T10:00:00Z</modified>
        <content type="text/html" mode="escaped">&lt;b&gt;نص&lt;/b&gt;</content></entry></feed>
        """)
        #expect(f.format == .atom)
        #expect(f.link == "https://old.example/")
        #expect(f.items.first?.link == "https://old.example/e/1")
        #expect(f.items.first?.published.map(FeedDate.iso8601) == "2004-05-01T07:00:00Z")
        #expect(f.items.first?.updated.map(FeedDate.iso8601) == "2004-05-02T10:00:00Z")
        #expect(f.items.first?.content == "<b>نص</b>")
    }

    @Test("RSS 0.91 without <rss>, channel as root; items without anything are skipped")
    func channelRoot() {
        let f = Self.parse("<channel><title>ق</title><link>https://c.example/</link><item><title>1</title></item><item></item></channel>")
        #expect(f.format == .rss2)
        #expect(f.items.count == 1)
        #expect(f.errors == ["line 1: item 2: empty, skipped"])
    }

    @Test("raw HTML inside description is kept as markup")
    func rawHTMLDescription() {
        let f = Self.parse("<rss><channel><item><title>t</title><description>أ <a href=\"/x?a=1&amp;b=2\">رابط</a> ب</description></item></channel></rss>")
        #expect(f.items.first?.summary == "أ <a href=\"/x?a=1&amp;b=2\">رابط</a> ب")
    }

    @Test("JSON Feed with invalid UTF-8 and a BOM")
    func jsonFeedBytes() {
        var b: [UInt8] = [0xEF, 0xBB, 0xBF]
        b += Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"ن".utf8) + [0xFF] + Array("\",\"items\":[]}".utf8)
        let f = FeedParser.parse(b)
        #expect(f.format == .jsonFeed)
        #expect(f.title == "ن\u{FFFD}")
        #expect(f.errors.first?.hasPrefix("charset: invalid UTF-8") == true)
    }

    @Test("JSON that is not a feed")
    func jsonNotFeed() {
        #expect(Self.parse("{\"a\": 1}").errors == ["not a feed: JSON without \"version\" or \"items\""])
        #expect(Self.parse("[1,2]").errors == ["not a feed: JSON without an object at the top"])
        #expect(Self.parse("{\"items\": 5}").errors.contains("feed: items: missing or not an array"))
    }

    @Test("parsing is safe from many tasks at once")
    func concurrent() async {
        let names = ["rss2-full.xml", "atom.xml", "malformed.xml", "windows-1256.xml", "jsonfeed.json", "billion-laughs.xml"]
        let inputs = names.map { Fixtures.bytes("feeds/" + $0) }
        let expected = inputs.map { FeedParser.parse($0).jsonString() }
        await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<40 {
                let i = round % inputs.count
                let input = inputs[i]
                group.addTask { (i, FeedParser.parse(input).jsonString()) }
            }
            for await (i, json) in group { #expect(json == expected[i]) }
        }
    }
}
