import Foundation
import Testing
@testable import KhabarFeeds

/// Hostile and damaged input: never a trap, never a hang.
@Suite("Safety", .tags(.safety))
struct SafetyTests {
    static let fixtureNames = ["rss2-full.xml", "atom.xml", "rss1-rdf.xml", "jsonfeed.json", "windows-1256.xml",
                               "utf16le-bom.xml", "malformed.xml"]

    @Test("every prefix of every fixture parses (truncation anywhere)", arguments: fixtureNames)
    func everyPrefix(_ name: String) {
        let bytes = Fixtures.bytes("feeds/" + name)
        var total = 0
        for cut in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 300)) {
            let f = FeedParser.parse(Array(bytes[..<cut]))
            total += f.items.count
            if cut < bytes.count / 2 { continue }
            #expect(f.format != nil || cut == 0, "cut at \(cut)")
        }
        #expect(total > 0)
    }

    @Test("random byte corruption never traps", arguments: fixtureNames)
    func corruption(_ name: String) {
        let original = Fixtures.bytes("feeds/" + name)
        var rng = SplitMix64(seed: UInt64(name.utf8.count) &* 7919)
        for _ in 0..<150 {
            var b = original
            for _ in 0..<(1 + Int(rng.next() % 12)) {
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: b[i] = UInt8(truncatingIfNeeded: rng.next())
                case 1: b.remove(at: i)
                case 2: b.insert([0x3C, 0x26, 0x3E, 0x22, 0x00, 0xFF, 0x5D][Int(rng.next() % 7)], at: i)
                default: b.replaceSubrange(i..<min(b.count, i + 5), with: [])
                }
            }
            let f = FeedParser.parse(b, contentType: nil, url: "https://x.example/")
            // Whatever came out is still valid JSON in the CLI shape.
            let json = f.jsonString()
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        }
    }

    @Test("deep nesting is bounded")
    func deepNesting() {
        let depth = 50_000
        let xml = "<rss><channel>" + String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth) + "</channel></rss>"
        let f = FeedParser.parse(Array(xml.utf8))
        #expect(!f.errors.isEmpty)
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(!FeedParser.parse(Array(json.utf8)).errors.isEmpty)
        let items = "<rss><channel><item><title>" + String(repeating: "<b>", count: 5000) + "t</title></item></channel></rss>"
        _ = FeedParser.parse(Array(items.utf8))
    }

    @Test("many items are capped, a long feed still parses quickly")
    func manyItems() {
        var xml = "<rss><channel><title>t</title>"
        for i in 0..<10_050 { xml += "<item><title>عنوان \(i)</title><link>https://x.example/\(i)</link></item>" }
        xml += "</channel></rss>"
        let clock = ContinuousClock()
        var f = ParsedFeed()
        let t = clock.measure { f = FeedParser.parse(Array(xml.utf8)) }
        #expect(f.items.count == XMLFeedReader.maxItems)
        #expect(f.errors.contains { $0.contains("more than 10000 items") })
        #expect(t < .seconds(10))
    }

    @Test("external DTD and parameter entities are never fetched")
    func externalDTD() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">
        <rss version="0.91"><channel><title>قديم&nbsp;جدًا</title><item><title>عنصر &copy;</title><link>https://old.example/1</link></item></channel></rss>
        """
        let f = FeedParser.parse(Array(xml.utf8))
        #expect(f.format == .rss2)
        #expect(f.title == "قديم جدًا")
        #expect(f.items.first?.title == "عنصر ©")
    }

    @Test("a huge text node does not blow up")
    func hugeText() {
        let big = String(repeating: "نص طويل جدا ", count: 200_000)     // ~4.6 MB
        let xml = "<rss><channel><item><title>t</title><description>\(big)</description></item></channel></rss>"
        let f = FeedParser.parse(Array(xml.utf8))
        #expect(f.items.first?.summary?.count ?? 0 > 1_000_000)
    }

    @Test("HTML text helper: tags, entities, whitespace")
    func htmlText() {
        #expect(HTMLText.plain("  <b>عاجل</b>:\n  خبر &amp; تعليق&nbsp;&rlm;  ") == "عاجل: خبر & تعليق \u{200F}")
        #expect(HTMLText.plain("a < b") == "a < b")
        #expect(HTMLText.plain("<p>سطر</p><p>آخر</p>") == "سطر آخر")
        #expect(HTMLText.plain("&#1587;&#x644;&#1575;&#1605;") == "سلام")
        #expect(HTMLText.plain("&unknown; &#xZZ;") == "&unknown; &#xZZ;")
        #expect(HTMLText.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}
