import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarFeeds
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// Golden files under `Golden/`; `KHABAR_UPDATE_GOLDEN=1` rewrites them from the current output
/// (review the diff before committing).
enum WebGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, _ name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KHABAR_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8), "missing golden file Golden/\(name)")
        #expect(text == expected, "Golden/\(name) differs; rerun with KHABAR_UPDATE_GOLDEN=1 and review the diff")
    }
}

/// A feed written for these tests: an entry with a byline, a category, a Latin run and markup
/// characters, one whose title holds a control character and whose outlet link is not http.
enum FeedFixture {
    static func date(_ s: String) -> Date { DateParsing.parse(s)! }

    static let feed = SyndicationFeed(
        title: "أخبار الوسم «تونس» — خبر", description: "أخبار الوسم «تونس» (دولة)، الأحدث أولاً",
        pageURL: "https://news.example/tag/tunisia", feedBase: "https://news.example/tag/tunisia",
        entries: [
            .init(url: "https://news.example/article/f-2", title: "إطلاق خدمة 5G في تونس & «الجنوب»",
                  externalURL: "https://paper.example/f-2?a=1&b=2", published: date("2024-05-08T09:30:00Z"),
                  updated: date("2024-05-08T11:00:00Z"), author: "تونس - مراسلنا", sourceName: "صحيفة <الاختبار>",
                  sourceURL: "https://news.example/source/2", summary: "أعلنت الشركة إطلاق الخدمة في ثلاث مدن.",
                  paragraphs: ["أعلنت الشركة إطلاق خدمة 5G في ثلاث مدن تونسية.", "وقالت إن الأسعار تبدأ من 30 ديناراً."],
                  category: "تقنية"),
            .init(url: "https://news.example/article/f-1", title: "افتتاح\u{1} مكتبة عامة في صفاقس",
                  externalURL: nil, published: date("2024-05-07T10:00:00Z"), updated: nil,
                  author: nil, sourceName: "وكالة الشرق", sourceURL: "https://news.example/source/1",
                  summary: "افتتحت البلدية مكتبة عامة.", paragraphs: ["افتتحت البلدية مكتبة عامة."], category: nil),
        ],
        emptyUpdated: date("2024-01-01T00:00:00Z"))
}

@Suite struct SyndicationTests {
    /// RSS readers take a description as HTML: markup in a plain summary reaches them as text,
    /// never as a link or a tag.
    @Test func rssDescriptionIsTextToAnHTMLReader() throws {
        var feed = FeedFixture.feed
        feed.entries[1].summary = "<a href=\"javascript:alert(1)\">انقر</a> & نص"
        let rss = feed.render(.rss)
        #expect(rss.contains("<description>&amp;lt;a href=&amp;quot;javascript:alert(1)&amp;quot;&amp;gt;انقر&amp;lt;/a&amp;gt; &amp;amp; نص</description>"))
        // a reader's XML parser hands over HTML whose text is the summary as written
        let parsed = FeedParser.parse(Data(rss.utf8))
        #expect(parsed.items.count == 2 && parsed.items[1].summary == HTMLText.escape(feed.entries[1].summary))
    }

    @Test(arguments: SyndicationFormat.allCases)
    func rendersTheGoldenFeed(_ format: SyndicationFormat) throws {
        try WebGolden.check(FeedFixture.feed.render(format), "feed.\(format.rawValue)")
    }

    /// Our own parser (the one that reads outlets' feeds) reads every format back: the same items,
    /// links, dates and text, and no errors; the control character is gone, markup is text.
    @Test(arguments: SyndicationFormat.allCases)
    func ourFeedParserReadsItBack(_ format: SyndicationFormat) throws {
        let parsed = FeedParser.parse(Data(FeedFixture.feed.render(format).utf8))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.title == "أخبار الوسم «تونس» — خبر")
        #expect(parsed.link == "https://news.example/tag/tunisia")
        try #require(parsed.items.count == 2)
        let first = parsed.items[0], second = parsed.items[1]
        #expect(first.title == "إطلاق خدمة 5G في تونس & «الجنوب»")
        #expect(first.link == "https://news.example/article/f-2")
        #expect(first.id == "https://news.example/article/f-2")
        #expect(first.published == FeedFixture.date("2024-05-08T09:30:00Z"))
        #expect(first.author == "تونس - مراسلنا")
        #expect(first.summary == "أعلنت الشركة إطلاق الخدمة في ثلاث مدن.")
        #expect(first.content?.contains("وقالت إن الأسعار تبدأ من") == true)
        #expect(first.content?.contains("صحيفة &lt;الاختبار&gt;") == true)
        #expect(first.categories == ["تقنية"])
        #expect(second.title == "افتتاح مكتبة عامة في صفاقس")
        #expect(second.author == (format == .rss ? nil : "وكالة الشرق"))
    }

    @Test func summaryIsTheOutletsElseTheFirstParagraphCutAtAWord() {
        #expect(SyndicationFeed.summary(" ملخص الناشر ", paragraphs: ["فقرة"]) == "ملخص الناشر")
        #expect(SyndicationFeed.summary(nil, paragraphs: ["فقرة أولى", "ثانية"]) == "فقرة أولى")
        let long = Array(repeating: "كلمة", count: 100).joined(separator: " ")
        let cut = SyndicationFeed.summary("", paragraphs: [long], limit: 22)
        #expect(cut == "كلمة كلمة كلمة كلمة…")
        #expect(SyndicationFeed.summary(nil, paragraphs: []) == "")
    }

    @Test func suffixSplitsOnlyKnownFormats() {
        #expect(SyndicationFormat.split("russia.rss")! == ("russia", .rss))
        #expect(SyndicationFormat.split("12.atom")! == ("12", .atom))
        #expect(SyndicationFormat.split("ناغورنو-كاراباخ.json")! == ("ناغورنو-كاراباخ", .json))
        #expect(SyndicationFormat.split("russia") == nil)
        #expect(SyndicationFormat.split("russia.xml") == nil)
        #expect(SyndicationFormat.split(".rss") == nil)
    }

    @Test func publicOriginAndHostChecks() {
        #expect(WebConfiguration.publicOrigin("https://news.example/") == "https://news.example")
        #expect(WebConfiguration.publicOrigin("http://10.0.0.5:8080") == "http://10.0.0.5:8080")
        #expect(WebConfiguration.publicOrigin("news.example") == nil)
        #expect(WebConfiguration.publicOrigin("ftp://news.example") == nil)
        #expect(WebConfiguration.publicOrigin("https://news.example/?x=1") == nil)
        #expect(Site.isHost("news.example:8080") && Site.isHost("[::1]:8080"))
        #expect(!Site.isHost("evil.example/<script>") && !Site.isHost("") && !Site.isHost("a b"))
    }
}

func withFeedApp(_ body: @Sendable @escaping (any TestClientProtocol, SQLiteStore) async throws -> Void) async throws {
    let store = try await StoryFixtures.store()
    let configuration = WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, publicURL: "https://news.example")
    let app = try buildApplication(store: store, configuration: configuration, logger: Logger(label: "test"))
    try await app.test(.router) { client in try await body(client, store) }
}

/// A feed response read back by our own feed parser.
func read(_ response: TestResponse) -> ParsedFeed {
    FeedParser.parse(Data(buffer: response.body), contentType: response.headers[.contentType])
}

@Suite(.scratch) struct FeedRouteTests {
    @Test func everyListPageHasItsFeedsInEveryFormat() async throws {
        try await withFeedApp { client, store in
            let storyID = try #require(try await store.article(id: "s-1")?.storyID)
            let sourceID = try #require(try await store.article(id: "s-1")?.source.id)
            // page path → articles its feed must hold (a subset check; order is checked below)
            let pages: [(String, [String])] = [
                ("/feed", ["s-1"]), ("/latest", ["s-1", "s-4", "s-5"]), ("/tag/russia", ["s-1", "s-2", "s-4"]),
                ("/source/\(sourceID)", ["s-1"]), ("/story/\(storyID)", ["s-1", "s-2", "s-3"]),
            ]
            for (path, ids) in pages {
                for format in SyndicationFormat.allCases {
                    try await client.execute(uri: path + "." + format.rawValue, method: .get) { response in
                        #expect(response.status == .ok, "\(path).\(format)")
                        #expect(response.headers[.contentType] == format.contentType)
                        let feed = read(response)
                        #expect(feed.errors.isEmpty, "\(path).\(format): \(feed.errors)")
                        #expect(feed.link == "https://news.example" + (path == "/feed" ? "/" : path))
                        let links = feed.items.compactMap(\.link)
                        for id in ids { #expect(links.contains("https://news.example/article/\(id)"), "\(path).\(format) lacks \(id)") }
                        #expect(links.allSatisfy { $0.hasPrefix("https://news.example/article/") })
                    }
                }
                // the HTML page announces them
                try await client.execute(uri: path == "/feed" ? "/" : path, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains(#"<link rel="alternate" type="application/atom+xml""#), "\(path)")
                    #expect(html.contains(#"href="\#(path).rss""#), "\(path)")
                }
            }
        }
    }

    @Test func tagAndStoryFeedsAreNewestFirstWithContent() async throws {
        try await withFeedApp { client, store in
            try await client.execute(uri: "/tag/russia.atom", method: .get) { response in
                let feed = read(response)
                let dates = feed.items.compactMap(\.published)
                #expect(dates.count == feed.items.count && dates == dates.sorted(by: >))
                #expect(feed.title == "روسيا — خبر")
                let s4 = try #require(feed.items.first { $0.link == "https://news.example/article/s-4" })
                #expect(s4.title == "الكرملين: بوتين سيتصل بالرئيس الأمريكي لبحث العقوبات")
                #expect(s4.content?.contains("قال الكرملين إن الرئيس الروسي فلاديمير بوتين") == true)
                #expect(s4.content?.contains("https://news.example/s-4") == true)   // the original
            }
            let storyID = try #require(try await store.article(id: "s-1")?.storyID)
            try await client.execute(uri: "/story/\(storyID).json", method: .get) { response in
                let feed = read(response)
                #expect(feed.items.compactMap(\.link) == ["s-3", "s-2", "s-1"].map { "https://news.example/article/\($0)" })
            }
        }
    }

    @Test func searchFeedKeepsTheQueryAndNeedsOne() async throws {
        try await withFeedApp { client, _ in
            try await client.execute(uri: "/search.rss?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                #expect(response.status == .ok)
                let feed = read(response)
                #expect(feed.title == "البحث: لافروف — خبر")
                #expect(feed.link == "https://news.example/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81")
                #expect(feed.items.contains { $0.link == "https://news.example/article/s-1" })
                #expect(!feed.items.contains { $0.link == "https://news.example/article/s-5" })
                // the feed names itself with its query: every saved search had one self link and id
                let xml = String(buffer: response.body)
                #expect(xml.contains(#"href="https://news.example/search.rss?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81""#))
            }
            try await client.execute(uri: "/search.atom?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                #expect(String(buffer: response.body).contains("<id>https://news.example/search.atom?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81</id>"))
            }
            try await client.execute(uri: "/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"href="/search.atom?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81""#))
            }
            try await client.execute(uri: "/search.json", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func unknownPagesAndFormatsAre404() async throws {
        try await withFeedApp { client, _ in
            for uri in ["/tag/no-such-tag.rss", "/tag/russia.xml", "/story/999999.atom", "/source/abc.json", "/feed.xml"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    /// An entry is dated by the article, not by when this site stored it: the fixture's articles
    /// are of May 2024 and stored now. Atom's `updated` is the publication (no revision time is
    /// stored), JSON Feed has no `date_modified`, and the feed's own date is its newest entry's.
    @Test func entriesAreDatedByTheArticleNotByItsStorage() async throws {
        try await withFeedApp { client, _ in
            try await client.execute(uri: "/latest.atom", method: .get) { response in
                let xml = String(buffer: response.body)
                func dates(_ element: String) -> [String] {
                    xml.components(separatedBy: "<\(element)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
                }
                let published = dates("published"), updated = dates("updated")
                #expect(!published.isEmpty && updated.count == published.count + 1)
                #expect(Array(updated.dropFirst()) == published)
                #expect(updated.first == published.max())
                #expect(!updated.contains { $0.hasPrefix("2026") || $0 > "2025" })
                // Last-Modified still moves with what this site stored (If-Modified-Since readers)
                let modified = try #require(response.headers[.lastModified].flatMap(DateParsing.httpDate))
                #expect(modified > Date().addingTimeInterval(-3600))
            }
            try await client.execute(uri: "/latest.json", method: .get) { response in
                let json = String(buffer: response.body)
                #expect(json.contains("date_published") && !json.contains("date_modified"))
            }
            try await client.execute(uri: "/latest.rss", method: .get) { response in
                let xml = String(buffer: response.body)
                let build = try #require(xml.components(separatedBy: "<lastBuildDate>").dropFirst().first?.prefix { $0 != "<" })
                let newest = try #require(read(response).items.compactMap(\.published).max())
                #expect(String(build) == DateParsing.rfc822(newest))
            }
        }
    }

    /// A reader that sends the ETag back gets 304 and no body; after a change it gets the new feed.
    @Test func conditionalGetAnswers304() async throws {
        try await withFeedApp { client, store in
            let etag = try await client.execute(uri: "/latest.rss", method: .get) { response in
                #expect(response.headers[.cacheControl] == "public, max-age=300")
                #expect(response.headers[.lastModified] != nil)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/latest.rss", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/latest.rss", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"]) { response in
                #expect(response.status == .notModified)
            }
            // If-Modified-Since, for readers that keep only the date
            let modified = try await client.execute(uri: "/latest.rss", method: .get) { try #require($0.headers[.lastModified]) }
            try await client.execute(uri: "/latest.rss", method: .get, headers: [.ifModifiedSince: modified]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/latest.rss", method: .get,
                                     headers: [.ifModifiedSince: "Mon, 01 Jan 2024 00:00:00 GMT"]) { response in
                #expect(response.status == .ok)
            }
            // an ETag that does not match decides, whatever the date says
            try await client.execute(uri: "/latest.rss", method: .get,
                                     headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: modified]) { response in
                #expect(response.status == .ok)
            }
            _ = try await store.upsert([item("new-1", title: "خبر جديد عن الطقس", body: "أمطار غزيرة اليوم.",
                                            published: "2024-05-09T08:00:00Z")])
            try await client.execute(uri: "/latest.rss", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(read(response).items.first?.title == "خبر جديد عن الطقس")
            }
            // a misdated article dates neither the answer nor the feed after now
            _ = try await store.upsert([item("misdated", title: "خبر بتاريخ خاطئ", body: "نص.", published: "2099-01-01T00:00:00Z")])
            try await client.execute(uri: "/latest.atom", method: .get) { response in
                let modified = try #require(response.headers[.lastModified].flatMap(DateParsing.httpDate))
                #expect(modified < Date())
                // the feed's own <updated>, the first one in the document
                let xml = String(buffer: response.body)
                let open = try #require(xml.range(of: "<updated>")), close = try #require(xml.range(of: "</updated>"))
                let updated = try #require(DateParsing.parse(String(xml[open.upperBound..<close.lowerBound])))
                #expect(updated <= Date().addingTimeInterval(1), "\(updated)")
            }
        }
    }
}
