import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarFeeds
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Prometheus
import Synchronization
import Testing

@testable import KhabarPipeline
import KhabarTestSupport

/// Counts requests per path on the test server.
final class Hits: Sendable {
    let counts = Mutex<[String: Int]>([:])
    let conditional = Mutex<Int>(0)
    func hit(_ path: String) { counts.withLock { $0[path, default: 0] += 1 } }
    subscript(path: String) -> Int { counts.withLock { $0[path] ?? 0 } }
}

/// Sentences of our own, long enough that item 1 needs no page fetch.
let longBody = (1...6).map { "الفقرة \($0): ناقش المجلس البلدي خطة لتوسيع شبكة النقل العام في المدينة، وقال رئيس المجلس إن المرحلة الأولى تشمل خطوط حافلات جديدة تربط الأحياء الشرقية بوسط المدينة خلال العام المقبل." }

func rss(_ base: String) -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>صحيفة المدينة التجريبية</title><link>\(base)/</link>
    <item><guid>item-1</guid><title>توسيع شبكة النقل العام</title><link>\(base)/article/1</link>
      <pubDate>Tue, 07 May 2024 08:00:00 +0300</pubDate>
      <content:encoded><![CDATA[\(longBody.map { "<p>\($0)</p>" }.joined())<script>alert(1)</script>]]></content:encoded></item>
    <item><guid>item-2</guid><title>افتتاح حديقة عامة جديدة</title><link>\(base)/article/2</link>
      <pubDate>Tue, 07 May 2024 09:00:00 +0300</pubDate><description>ملخص قصير عن الحديقة.</description></item>
    <item><guid>item-3</guid><title>مهرجان للكتاب في الساحة</title><link>\(base)/article/3</link>
      <pubDate>Tue, 07 May 2024 10:00:00 +0300</pubDate><description>ملخص قصير عن المهرجان.</description></item>
    </channel></rss>
    """
}

func articlePage(_ n: String) -> String {
    let paragraphs = (1...5).map { "<p>نص الخبر رقم \(n)، الفقرة \($0): تحدث المنظمون عن برنامج الفعاليات وعن مشاركة واسعة من سكان الأحياء المجاورة، وأكدوا أن الدخول مجاني للجميع طوال أيام الأسبوع.</p>" }
    return """
    <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر \(n)</title></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
    <article><h1>خبر \(n)</h1>\(paragraphs.joined())</article>
    <aside><h3>اقرأ أيضاً</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside>
    <footer>جميع الحقوق محفوظة</footer></body></html>
    """
}

func testServer(hits: Hits) -> some ApplicationProtocol {
    let router = Router()
    router.get("/feed.rss") { request, _ -> Response in
        hits.hit("/feed.rss")
        if request.headers[.ifNoneMatch] == "\"v1\"" {
            hits.conditional.withLock { $0 += 1 }
            return Response(status: .notModified)
        }
        let host = request.head.authority ?? "127.0.0.1"
        return Response(status: .ok, headers: [.contentType: "application/rss+xml; charset=utf-8", .eTag: "\"v1\""],
                        body: .init(byteBuffer: ByteBuffer(string: rss("http://\(host)"))))
    }
    router.get("/article/:n") { _, context -> Response in
        let n = context.parameters.get("n") ?? "?"
        hits.hit("/article/\(n)")
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: articlePage(n))))
    }
    router.get("/slow") { _, _ -> Response in
        try await Task.sleep(for: .seconds(20))
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "late")))
    }
    router.get("/huge") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "application/rss+xml"],
                 body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 3_000_000)))
    }
    router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop2"]) }
    router.get("/loop2") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
    router.get("/broken") { _, _ in Response(status: .internalServerError) }
    router.get("/html") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html><body><p>صفحة</p></body></html>")))
    }
    return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
}

@Suite(.scratch) struct RefreshTests {
    @Test func refreshIngestsThenSendsConditionalRequestsAndBadSourcesFailAlone() async throws {
        let hits = Hits()
        let app = testServer(hits: hits)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            let store = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("k.sqlite").path)
            let fetcher = HTTPFetcher(allowPrivateHosts: true, maxBytes: 1_000_000, timeoutSeconds: 15)
            defer { Task { try? await fetcher.shutdown() } }
            var feedIDs: [String: Int64] = [:]
            for path in ["/feed.rss", "/slow", "/huge", "/loop", "/broken", "/html"] {
                feedIDs[path] = try await store.addFeedSource(feedURL: base + path, name: "مصدر \(path)", domain: nil).id
            }
            var refresher = Refresher(store: store, fetcher: fetcher, owner: "test", logger: Logger(label: "test"))
            let registry = PrometheusCollectorRegistry()
            refresher.metrics = PrometheusMetricsFactory(registry: registry)
            func counted(_ series: String) -> Double? {
                var bytes: [UInt8] = []
                registry.emit(into: &bytes)
                let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix(series + " ") }
                return line.flatMap { Double($0.dropFirst(series.count + 1)) }
            }
            let reports = try await refresher.refreshDue(concurrency: 6)
            #expect(reports.count == 6)
            // every poll counted by outcome: /slow, /huge, /loop get no answer; /html is a 200 that is no feed
            #expect(counted(#"khabar_feed_fetches_total{outcome="ok"}"#) == 1)
            #expect(counted(#"khabar_feed_fetches_total{outcome="http_error"}"#) == 1)
            #expect(counted(#"khabar_feed_fetches_total{outcome="invalid_feed"}"#) == 1)
            #expect(counted(#"khabar_feed_fetches_total{outcome="failed"}"#) == 3)
            #expect(counted(#"khabar_feed_items_total{result="new"}"#) == 3)
            #expect(counted("khabar_feed_fetch_seconds_count") == 6)
            let byID = Dictionary(uniqueKeysWithValues: reports.map { ($0.sourceID, $0) })
            let good = try #require(byID[feedIDs["/feed.rss"]!])
            #expect(good.error == nil && good.items == 3 && good.summary.imported == 3)
            #expect(byID[feedIDs["/slow"]!]?.error?.contains("within 15 s") == true)
            #expect(byID[feedIDs["/huge"]!]?.error?.contains("larger than") == true)
            #expect(byID[feedIDs["/loop"]!]?.error?.contains("redirects") == true)
            #expect(byID[feedIDs["/broken"]!]?.error == "HTTP 500")
            #expect(byID[feedIDs["/html"]!]?.error?.contains("HTML") == true)
            // Short items had their page fetched and extracted; the long one did not.
            #expect(hits["/article/2"] == 1 && hits["/article/3"] == 1 && hits["/article/1"] == 0)
            #expect(try await store.articleCount() == 3)
            let all = try await store.articles(ArticleQuery(limit: 10)).articles
            let park = try #require(all.first { $0.title == "افتتاح حديقة عامة جديدة" })
            #expect(park.body.contains("نص الخبر رقم 2، الفقرة 5"))
            #expect(!park.body.contains("اقرأ أيضاً") && !park.body.contains("جميع الحقوق"))
            #expect(park.url == base + "/article/2")
            #expect(park.published == DateParsing.parse("2024-05-07T06:00:00Z"))
            let transit = try #require(all.first { $0.title == "توسيع شبكة النقل العام" })
            #expect(transit.paragraphs.count == 6 && !transit.body.contains("alert"))
            // The errors are on the sources; the good one is scheduled, the bad ones back off.
            let broken = try #require(try await store.feedSource(id: feedIDs["/broken"]!))
            #expect(broken.lastError == "HTTP 500" && broken.lastStatus == 500 && broken.failures == 1)
            let feed = try #require(try await store.feedSource(id: feedIDs["/feed.rss"]!))
            #expect(feed.etag == "\"v1\"" && feed.lastError == nil && feed.lastStatus == 200)
            #expect(feed.siteURL == base + "/")

            // Nothing is due now; a later round sends If-None-Match and stores nothing twice.
            #expect(try await refresher.refreshDue().isEmpty)
            refresher.now = { Date().addingTimeInterval(7 * 3600) }
            let second = try await refresher.refreshDue(concurrency: 6)
            #expect(second.first { $0.sourceID == feedIDs["/feed.rss"]! }?.status == 304)
            #expect(try await store.feedSource(id: feedIDs["/feed.rss"]!)?.lastItems == 3)   // a 304 keeps the count
            #expect(counted(#"khabar_feed_fetches_total{outcome="not_modified"}"#) == 1)
            #expect(hits.conditional.withLock { $0 } == 1)
            #expect(try await store.articleCount() == 3)
            // Forcing a full re-read of the same items also stores nothing twice.
            let again = try await refresher.ingest(FeedParser.parse(Array(rss(base).utf8), url: base + "/feed.rss").items,
                                                  source: feed, feedURL: base + "/feed.rss")
            #expect(again.unchanged == 3 && again.imported == 0)
            #expect(try await store.articleCount() == 3)
        }
    }

    /// What a feed item stored stays as stored: an undated item keeps its first date, an item
    /// dated after the fetch gets the fetch time, a second item with a link already taken (same
    /// feed, or another feed carrying the same article) changes nothing.
    @Test func feedItemsKeepTheirFirstStoredForm() async throws {
        let store = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("k.sqlite").path)
        let a = try await store.addFeedSource(feedURL: "https://a.example/feed.rss", name: "صحيفة أ", domain: "a.example")
        let b = try await store.addFeedSource(feedURL: "https://b.example/feed.rss", name: "صحيفة ب", domain: "b.example")
        let fetcher = HTTPFetcher(allowPrivateHosts: false, maxBytes: 1_000_000, timeoutSeconds: 5)
        defer { Task { try? await fetcher.shutdown() } }
        var refresher = Refresher(store: store, fetcher: fetcher, owner: "test", logger: Logger(label: "test"))
        let fetched = Date(timeIntervalSince1970: 1_715_000_000)
        refresher.now = { fetched }
        let body = "<content:encoded><![CDATA[" + longBody.map { "<p>\($0)</p>" }.joined() + "]]></content:encoded>"
        func feed(_ items: String) -> [FeedItem] {
            FeedParser.parse(Array("""
                <?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>t</title>\(items)</channel></rss>
                """.utf8), url: "https://a.example/feed.rss").items
        }
        let itemsA = feed("""
            <item><guid>u</guid><title>خبر بلا تاريخ</title><link>https://a.example/1</link>\(body)</item>
            <item><guid>f</guid><title>خبر من المستقبل</title><link>https://a.example/2</link><pubDate>Fri, 01 Jan 2100 10:00:00 GMT</pubDate>\(body)</item>
            <item><guid>g0</guid><title>الخبر الأول بهذا الرابط</title><link>https://a.example/3</link>\(body)</item>
            <item><guid>g1</guid><title>خبر ثان بالرابط نفسه</title><link>https://a.example/3</link>\(body)</item>
            """)
        let before = Date().addingTimeInterval(-1)
        let first = try await refresher.ingest(itemsA, source: a, feedURL: a.feedURL)
        let after = Date()
        #expect(first.imported == 3 && first.updated == 0)
        let stored = try await store.articles(ArticleQuery(limit: 10)).articles
        // dated after the fetch: dated when stored instead
        let future = try #require(stored.first { $0.url == "https://a.example/2" }?.published)
        #expect(future >= before && future <= after, "\(future)")
        #expect(stored.first { $0.url == "https://a.example/3" }?.title == "الخبر الأول بهذا الرابط")
        let undated = try #require(stored.first { $0.url == "https://a.example/1" })

        refresher.now = { fetched.addingTimeInterval(3600) }
        let again = try await refresher.ingest(itemsA, source: a, feedURL: a.feedURL)
        #expect(again.unchanged == 3 && again.updated == 0 && again.imported == 0)
        #expect(try await store.article(id: undated.id)?.published == undated.published)

        let itemsB = feed("<item><guid>other</guid><title>خبر بلا تاريخ</title><link>https://a.example/1</link>\(body)</item>")
        let carried = try await refresher.ingest(itemsB, source: b, feedURL: b.feedURL)
        #expect(carried.unchanged == 1 && carried.updated == 0)
        #expect(try await store.article(id: undated.id)?.source.name == "صحيفة أ")
        #expect(try await store.articleCount() == 3)
    }

    /// A poll killed mid-way (kill -9) left its feeds leased for five minutes, so the next
    /// `refresh --source` fetched nothing and said nothing; a gone process's leases are now ended
    /// before claiming, a live holder's are kept.
    @Test func feedLeasesOfAProcessThatIsGoneAreReleased() async throws {
        let store = try SQLiteStore(path: try temporaryDirectory().appendingPathComponent("k.sqlite").path)
        let a = try await store.addFeedSource(feedURL: "https://a.example/feed.rss", name: "صحيفة أ", domain: "a.example")
        let b = try await store.addFeedSource(feedURL: "https://b.example/feed.rss", name: "صحيفة ب", domain: "b.example")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let host = ProcessInfo.processInfo.hostName
        let dead = "\(host)-refresh-\(ended.processIdentifier)-4242", live = "\(host)-worker-\(getpid())-7"
        #expect(try await store.claimDueFeeds(owner: dead, now: Date(), lease: 300, limit: 1, only: a.id).map(\.id) == [a.id])
        #expect(try await store.claimDueFeeds(owner: live, now: Date(), lease: 300, limit: 1, only: b.id).map(\.id) == [b.id])
        let fetcher = HTTPFetcher(allowPrivateHosts: false, maxBytes: 1_000_000, timeoutSeconds: 5)
        defer { Task { try? await fetcher.shutdown() } }
        let refresher = Refresher(store: store, fetcher: fetcher, owner: LeaseOwner.name(role: "test"), logger: Logger(label: "test"))
        try await refresher.releaseLeasesOfGoneProcesses()
        #expect(try await store.feedLeaseHolders(now: Date()) == [live])
        #expect(try await store.claimDueFeeds(owner: "next", now: Date(), lease: 300, limit: 10, only: nil).map(\.id) == [a.id])
    }

    @Test func privateAddressesAreRefusedUnlessAllowed() async throws {
        let fetcher = HTTPFetcher(allowPrivateHosts: false)
        defer { Task { try? await fetcher.shutdown() } }
        for url in ["http://127.0.0.1:9/feed", "http://localhost/feed", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest"] {
            do {
                _ = try await fetcher.fetch(FetchRequest(url: url))
                Issue.record("\(url) was fetched")
            } catch let error as FetchError {
                guard case .blockedAddress = error else { Issue.record("\(url): \(error)"); continue }
                #expect(error.description.contains("KHABAR_ALLOW_PRIVATE_HOSTS"))
            }
        }
        await #expect(throws: FetchError.self) { _ = try await fetcher.fetch(FetchRequest(url: "ftp://example.org/feed")) }
    }

    @Test func adaptiveIntervalFollowsThePublishingRate() {
        let now = Date()
        let hourly = (0..<10).map { FeedItem(published: now.addingTimeInterval(Double(-$0) * 3600)) }
        #expect(Refresher.adaptiveInterval(hourly, previous: 900, now: now) == 3600)
        let burst = (0..<10).map { FeedItem(published: now.addingTimeInterval(Double(-$0) * 30)) }
        #expect(Refresher.adaptiveInterval(burst, previous: 900, now: now) == FeedSource.minimumInterval)
        #expect(Refresher.adaptiveInterval([], previous: 1200, now: now) == 1200)
    }
}
