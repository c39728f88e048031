import Foundation
import Testing
@testable import KhabarFeeds

/// A fixture feed, how it is "fetched", and its golden output `Fixtures/feeds/<name>.expected.json`.
struct FeedCase: Sendable, CustomTestStringConvertible {
    let file: String
    var contentType: String? = nil
    var url: String? = nil
    /// Golden name when one file is parsed in several ways.
    var golden: String? = nil
    var testDescription: String { golden ?? file }
    var goldenPath: String {
        "feeds/" + (golden ?? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)])) + ".expected.json"
    }
}

@Suite("Feed fixtures against golden JSON")
struct FeedGoldenTests {
    static let cases: [FeedCase] = [
        // Every format.
        FeedCase(file: "rss2-full.xml", url: "https://madina.example/feeds/main.xml"),
        FeedCase(file: "rss1-rdf.xml"),
        FeedCase(file: "atom.xml"),
        FeedCase(file: "jsonfeed.json", contentType: "application/feed+json"),
        // Relative links: channel link, xml:base, fetch URL.
        FeedCase(file: "rss2-xmlbase.xml", url: "https://madina.example/feeds/main.xml"),
        FeedCase(file: "arabic-iri.xml", url: "https://www.akhbar.example/rss"),
        // Charsets.
        FeedCase(file: "windows-1256.xml"),                          // only in the XML declaration
        FeedCase(file: "iso-8859-6.xml"),
        FeedCase(file: "utf16le-bom.xml"),
        FeedCase(file: "utf16be-bom.xml"),
        FeedCase(file: "header-only-1256.xml", contentType: "application/rss+xml; charset=windows-1256"),
        FeedCase(file: "header-only-1256.xml", golden: "header-only-1256.no-header"),
        FeedCase(file: "conflict-header-wins.xml", contentType: "text/xml; charset=\"ISO-8859-6\""),
        FeedCase(file: "conflict-utf8-header-wrong.xml", contentType: "application/xml; charset=utf-8"),
        FeedCase(file: "undeclared-1256.xml"),
        FeedCase(file: "invalid-utf8.xml"),
        // Broken input.
        FeedCase(file: "malformed.xml"),
        FeedCase(file: "truncated.xml"),
        FeedCase(file: "control-chars.xml"),
        FeedCase(file: "jsonfeed-truncated.json"),
        FeedCase(file: "billion-laughs.xml"),
        FeedCase(file: "xxe.xml"),
        // Not feeds.
        FeedCase(file: "html-page.html", contentType: "text/html", url: "https://madina.example/"),
        FeedCase(file: "html-no-doctype.html"),
        FeedCase(file: "empty.xml"),
        FeedCase(file: "whitespace.xml"),
        FeedCase(file: "not-a-feed.xml"),
    ]

    @Test("fixture matches its golden JSON", .tags(.golden), arguments: cases)
    func golden(_ c: FeedCase) throws {
        let actual = FeedParser.parse(Fixtures.bytes("feeds/" + c.file), contentType: c.contentType, url: c.url)
        if Fixtures.updating {
            Fixtures.write(actual.jsonString(pretty: true) + "\n", to: c.goldenPath)
            return
        }
        let text = try #require(Fixtures.text(c.goldenPath), "missing \(c.goldenPath)")
        let expected = try ParsedFeed.jsonDecoder().decode(ParsedFeed.self, from: Data(text.utf8))
        #expect(actual.format == expected.format)
        #expect(actual.title == expected.title)
        #expect(actual.link == expected.link)
        #expect(actual.items.count == expected.items.count)
        for (a, e) in zip(actual.items, expected.items) { #expect(a == e) }
        // libxml2's own messages ("XML: …") vary between libxml2 versions: only their presence and
        // line numbers are compared; every other error must match exactly.
        let ours = { (f: ParsedFeed) in f.errors.filter { !$0.contains("XML: ") } }
        #expect(ours(actual) == ours(expected))
        let xmlLines = { (f: ParsedFeed) in Set(f.errors.filter { $0.contains("XML: ") }.map { $0.prefix { $0 != ":" } }) }
        #expect(xmlLines(actual).isEmpty == xmlLines(expected).isEmpty)
    }

    @Test("every fixture feed file has a case")
    func everyFixtureIsUsed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("feeds").path)
            .filter { !$0.hasSuffix(".expected.json") }
        let used = Set(Self.cases.map(\.file))
        #expect(Set(files).subtracting(used).isEmpty, "unused fixtures: \(Set(files).subtracting(used))")
    }

    // MARK: - Specific expectations (beyond "same as golden")

    static func parse(_ file: String, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        FeedParser.parse(Fixtures.bytes("feeds/" + file), contentType: contentType, url: url)
    }

    @Test("the same Arabic text comes out of every charset")
    func charsetsAgree() {
        let utf16 = Self.parse("utf16le-bom.xml")
        for f in ["windows-1256.xml", "utf16be-bom.xml"] {
            let feed = Self.parse(f)
            #expect(feed.items.map(\.title) == utf16.items.map(\.title), "\(f)")
            #expect(feed.items.map(\.summary) == utf16.items.map(\.summary), "\(f)")
        }
        #expect(Self.parse("windows-1256.xml").charset == "windows-1256")
        #expect(Self.parse("iso-8859-6.xml").charset == "iso-8859-6")
        #expect(Self.parse("utf16le-bom.xml").charset == "utf-16le")
        #expect(Self.parse("utf16be-bom.xml").charset == "utf-16be")
        #expect(Self.parse("iso-8859-6.xml").items.first?.title == "انقطاع مؤقت للمياه في الحي الشرقي")
    }

    @Test("header charset vs XML declaration: the header wins unless it is provably wrong")
    func headerVersusDeclaration() {
        let wins = Self.parse("conflict-header-wins.xml", contentType: "text/xml; charset=ISO-8859-6")
        #expect(wins.charset == "iso-8859-6")
        #expect(wins.items.first?.title == "عنوان بترميز أيزو")
        let wrong = Self.parse("conflict-utf8-header-wrong.xml", contentType: "application/xml; charset=utf-8")
        #expect(wrong.charset == "windows-1256")
        #expect(wrong.items.first?.title == "الترويسة تقول UTF-8 والملف ليس كذلك")
        // Header only: without the header the bytes are still read (windows-1256 guessed, and said so).
        let guessed = Self.parse("header-only-1256.xml")
        #expect(guessed.charset == "windows-1256")
        #expect(guessed.errors.contains { $0.contains("guessed windows-1256") })
    }

    @Test("invalid UTF-8 becomes U+FFFD and is reported")
    func invalidUTF8() {
        let f = Self.parse("invalid-utf8.xml")
        #expect(f.items.first?.title == "عنوان فيه بايت\u{FFFD}\u{FFFD} تالف")
        #expect(f.errors.first == "charset: invalid UTF-8 bytes (first on line 6) replaced with U+FFFD")
    }

    @Test("malformed feed: all five items recovered, entities kept after the first error")
    func malformedRecovery() {
        let f = Self.parse("malformed.xml")
        #expect(f.format == .rss2)
        #expect(f.items.count == 5)
        #expect(f.title == "تغذية معطوبة — اختبار")
        #expect(f.items[0].link == "https://kharbana.example/n/1?a=1&b=2")
        #expect(f.items[2].title == "الخبر الثالث فيه كيان مجهول &foo; وآخر معروف …")
        #expect(f.items[4].title == "الخبر الخامس بعد الخطأ & ما زال مقروءًا")
        #expect(f.errors.contains { $0.hasPrefix("line 15: XML: ") })
        #expect(f.errors.allSatisfy { $0.hasPrefix("line ") })
    }

    @Test("stray control characters (even inside CDATA) do not lose the rest of the feed")
    func controlCharacters() {
        let f = Self.parse("control-chars.xml")
        #expect(f.items.map(\.title) == ["خبر فيه محرف تحكم في العنوان", "الخبر التالي يجب ألا يضيع"])
        #expect(f.items[0].summary == "<p>نص فيه محرف استبدال ضال داخل CDATA.</p>")
        #expect(f.errors.contains { $0.hasPrefix("line 7: XML: ") })
    }

    @Test("truncated feed keeps the items before the cut, and the cut item's text")
    func truncated() {
        let f = Self.parse("truncated.xml")
        #expect(f.items.map(\.title) == ["خبر كامل أول", "خبر كامل ثان", "خبر انقطع في منتصفه"])
        #expect(f.items[2].summary == "بدأ النص ثم انقط")
        #expect(!f.errors.isEmpty)
    }

    @Test("billion laughs and XXE: nothing expanded, nothing read from disk")
    func entitiesNeverExpand() {
        let clock = ContinuousClock()
        var laughs = ParsedFeed()
        let elapsed = clock.measure { laughs = Self.parse("billion-laughs.xml") }
        #expect(elapsed < .seconds(2))
        #expect(laughs.items.count == 1)
        #expect(!(laughs.items[0].summary ?? "").contains("lollol"))
        #expect(laughs.title == "ضحك &lol9; بلا نهاية")
        let xxe = Self.parse("xxe.xml")
        #expect(xxe.items.first?.title == "سر: &secret;")
        #expect(!xxe.jsonString().contains("root:"))
    }

    @Test("an HTML page says so, and names the feeds it links to")
    func htmlPage() {
        let f = Self.parse("html-page.html", url: "https://madina.example/ar/")
        #expect(f.format == nil)
        #expect(f.items.isEmpty)
        #expect(f.errors == ["not a feed: looks like HTML (it links to the feeds https://madina.example/feed.xml, https://madina.example/atom.xml)"])
        #expect(Self.parse("html-no-doctype.html").errors == ["not a feed: looks like HTML"])
    }

    @Test("empty and whitespace-only bodies")
    func emptyBodies() {
        #expect(FeedParser.parse([UInt8]()).errors == ["empty document"])
        #expect(FeedParser.parse(Data()).errors == ["empty document"])
        #expect(Self.parse("whitespace.xml").errors == ["empty document"])
        #expect(FeedParser.parse([0xEF, 0xBB, 0xBF]).errors == ["empty document"])
    }

    @Test("relative links: xml:base, then the feed link, then the fetch URL")
    func relativeLinks() {
        let f = Self.parse("rss2-xmlbase.xml", url: "https://madina.example/feeds/main.xml")
        #expect(f.link == "https://madina.example/ar/")
        #expect(f.items[0].link == "https://madina.example/ar/news/water-cut.html")
        #expect(f.items[1].link == "https://archive.example/2023/old-story.html?lang=ar")
        #expect(f.items[2].link == "https://static.example/a/b.html")
        #expect(f.items[3].link == "https://hay.example/ar/p/42")
        #expect(f.items[5].link == nil)
        #expect(f.errors == ["line 27: item 6: link: not an http(s) link: javascript:alert(1)"])
        // Without a fetch URL the relative channel link cannot be resolved: reported, kept relative.
        let nourl = Self.parse("rss2-xmlbase.xml")
        #expect(nourl.items[0].link == "/ar/news/water-cut.html")
        #expect(nourl.errors.contains { $0.contains("relative link with no base") })
    }

    @Test("Arabic IRIs and IDN hosts come out as URIs Foundation accepts")
    func arabicLinks() throws {
        let f = Self.parse("arabic-iri.xml", url: "https://www.akhbar.example/rss")
        for link in f.items.compactMap(\.link) + [f.link].compactMap({ $0 }) {
            let u = try #require(URL(string: link), "\(link)")
            #expect(u.host != nil)
            #expect(link.utf8.allSatisfy { $0 < 0x80 })
        }
        #expect(f.items[1].link == "https://xn--igbicxr.xn--mgbh0fb/%D9%85%D8%AD%D9%84%D9%8A%D8%A7%D8%AA/%D8%AE%D8%A8%D8%B1-%D9%A1")
        let first = try #require(URL(string: f.items[0].link ?? ""))
        #expect(first.path == "/ar/2024/03/افتتاح-مكتبة-عامة")
    }

    @Test("CLI JSON shape: the contract keys, ISO dates")
    func cliShape() throws {
        let f = Self.parse("rss2-full.xml")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(f.jsonString().utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["format", "title", "link", "items", "errors"])
        let item = try #require((obj["items"] as? [[String: Any]])?.first)
        #expect(Set(["id", "title", "link", "published", "updated", "author", "summary", "content"]).isSubset(of: Set(item.keys)))
        #expect(item["published"] as? String == "2024-03-05T07:20:30Z")
        #expect(item["updated"] is NSNull)
        // Round trip through the matching decoder.
        let back = try ParsedFeed.jsonDecoder().decode(ParsedFeed.self, from: Data(f.jsonString().utf8))
        #expect(back.items == f.items)
    }
}
