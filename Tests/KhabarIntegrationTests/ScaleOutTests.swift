import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarPostgres
import KhabarStorage
import Logging
import Synchronization
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let khabarBinary = repositoryRoot.appendingPathComponent(".build/debug/khabar").path

/// Whether the built `khabar` binary is there; when it is not, records an issue that says how to build it.
func khabarBinaryIsBuilt() -> Bool {
    if FileManager.default.isExecutableFile(atPath: khabarBinary) { return true }
    Issue.record("\(khabarBinary) is missing: run `swift build --build-tests` first (scripts/test does)")
    return false
}

/// Feeds of our own: `feedCount` feeds with `itemsPerFeed` items each, served slowly enough that
/// workers overlap. Records how many requests for one feed were in flight at once.
final class FeedFarm: Sendable {
    static let feedCount = 16
    static let itemsPerFeed = 6
    let inFlight = Mutex<[Int: Int]>([:])
    let maxInFlight = Mutex<[Int: Int]>([:])
    let requests = Mutex<Int>(0)

    func enter(_ feed: Int) {
        inFlight.withLock { current in
            current[feed, default: 0] += 1
            let now = current[feed]!
            maxInFlight.withLock { $0[feed] = max($0[feed] ?? 0, now) }
        }
        requests.withLock { $0 += 1 }
    }

    func leave(_ feed: Int) { inFlight.withLock { $0[feed, default: 1] -= 1 } }

    /// Six events. Every feed tells each event with the same lead sentence and a closing sentence
    /// and an aside of its own (built from word pools), so the versions are one story but not near-duplicates.
    static let topics: [String] = [
        "افتتح وزير النقل جسراً جديداً على النهر يربط شرق المدينة بغربها بطول كيلومترين ويختصر زمن الرحلة إلى النصف.",
        "أعلنت الحكومة رفع الحد الأدنى للأجور بنسبة عشرة في المئة للعاملين في القطاعين العام والخاص اعتباراً من الشهر المقبل.",
        "ضربت عاصفة رملية قوية المناطق الجنوبية وأدت إلى إغلاق المطار لساعات وتعليق الدراسة في المدارس والجامعات.",
        "وقعت الجامعة اتفاقية مع مستشفى المدينة لإنشاء مركز لأبحاث السكري يضم مختبرات حديثة ويدرب الأطباء الشباب.",
        "فاز المنتخب الوطني لكرة اليد على منافسه بفارق خمسة أهداف وتأهل إلى نصف نهائي البطولة القارية.",
        "كشفت شركة الاتصالات عن خطة لمد شبكة الألياف الضوئية إلى القرى النائية لتوفير الإنترنت السريع لمليون أسرة.",
    ]
    static let speakers = ["مراسلنا", "أحد السكان", "خبير اقتصادي", "مسؤول محلي", "نائب في البرلمان", "ناشط مدني", "أستاذ جامعي", "رجل أعمال"]
    static let views = ["خطوة طال انتظارها", "قرار يحتاج إلى متابعة", "إنجاز يستحق الإشادة", "بداية مرحلة مختلفة",
                        "تحول مهم للمنطقة", "اختبار حقيقي للوعود", "فرصة لا ينبغي تفويتها", "نتيجة عمل طويل"]
    static let details = ["الأسعار والخدمات", "حياة الأسر البسيطة", "حركة التجارة اليومية", "ثقة المستثمرين",
                          "سوق العمل المحلية", "صورة البلاد في الخارج", "خطط العام المقبل", "ميزانية البلديات"]

    static func closing(feed n: Int, topic i: Int) -> String {
        "وقال \(speakers[(n + 3 * i) % 8]) لهذه الخلاصة إن ما جرى \(views[(n * 5 + i) % 8]) وسيترك أثره على \(details[(n * 3 + i * 7) % 8]) في الأشهر المقبلة."
    }

    /// A second sentence of the feed's own: words of a pool in an order drawn per feed and event,
    /// so a feed's version shares little more than its lead with the others (one story, not copies).
    static func aside(feed n: Int, topic i: Int) -> String {
        var pool = ["الأسواق", "المدارس", "الطرق", "المستشفيات", "الموانئ", "الحدائق", "المصانع", "المزارع",
                    "المكتبات", "الملاعب", "الجسور", "القطارات", "الفنادق", "المتاحف", "الأحياء", "القرى",
                    "الشواطئ", "الجامعات", "المطارات", "المخابز", "الورش", "المساجد", "الأندية", "المتاجر"]
        var state = UInt64(n * 131 + i * 17 + 1)
        for k in stride(from: pool.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            pool.swapAt(k, Int((state >> 33) % UInt64(k + 1)))
        }
        return "ويذكر السكان " + pool.prefix(14).joined(separator: " و") + "."
    }

    static func feed(_ n: Int, base: String) -> String {
        let items = (0..<itemsPerFeed).map { i in
            let lead = topics[i % topics.count]
            let text = [lead, closing(feed: n, topic: i), aside(feed: n, topic: i)]
            let title = lead.split(separator: " ").prefix(7).joined(separator: " ")
            return """
            <item><guid>feed\(n)-item\(i)</guid><title>\(title)</title><link>\(base)/feed/\(n)/item/\(i)</link>
            <pubDate>Wed, 08 May 2024 \(10 + i):\(10 + n):00 +0000</pubDate>
            <content:encoded><![CDATA[\(text.map { "<p>\($0)</p>" }.joined())]]></content:encoded></item>
            """
        }
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>الخلاصة \(n)</title><link>\(base)/feed/\(n)</link>\(items.joined())</channel></rss>
        """
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("/feed/:n") { request, context -> Response in
            let n = context.parameters.get("n", as: Int.self) ?? 0
            self.enter(n)
            defer { self.leave(n) }
            try await Task.sleep(for: .milliseconds(400))
            let host = request.head.authority ?? "127.0.0.1"
            return Response(status: .ok, headers: [.contentType: "application/rss+xml; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: FeedFarm.feed(n, base: "http://\(host)"))))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}

func launch(_ arguments: [String], log: URL) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: khabarBinary)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["KHABAR_ALLOW_PRIVATE_HOSTS"] = "1"
    environment["LOG_LEVEL"] = "warning"
    process.environment = environment
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
    }
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    return process
}

func scrape(_ url: String) async throws -> String {
    let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
    return String(buffer: try await response.body.collect(upTo: 1 << 22))
}

/// The value of one sample line (`name{labels} value`) of a Prometheus text page.
func metric(_ page: String, _ series: String) -> Double? {
    page.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
}

@Suite(.serialized) struct ScaleOutTests {
    @Test func twoWorkersAndTwoWebNodesShareOnePostgres() async throws {
        guard let admin = ProcessInfo.processInfo.environment["KHABAR_TEST_POSTGRES_URL"], !admin.isEmpty else {
            print("skipping: KHABAR_TEST_POSTGRES_URL is not set (scripts/test sets it)")
            return
        }
        guard khabarBinaryIsBuilt() else { return }
        // A fresh database.
        let name = "khabar_it_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let adminStore = try await PostgresStore(url: admin, logger: Logger(label: "test"), migrate: false, maxConnections: 1)
        try await adminStore.execute(unsafeSQL: "CREATE DATABASE \(name)")
        await adminStore.shutdown()
        var parts = URLComponents(string: admin)!
        parts.path = "/" + name
        let url = parts.string!
        let store = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)

        let farm = FeedFarm()
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        try await farm.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            for n in 0..<FeedFarm.feedCount {
                _ = try await store.addFeedSource(feedURL: "\(base)/feed/\(n)", name: "الخلاصة \(n)", domain: nil)
            }
            let worker = ["worker", "--database", url, "--concurrency", "2", "--idle", "1", "--lease", "5", "--full-text-threshold", "0"]
            let metricsPort = 17_000 + Int.random(in: 0..<1000)
            let doomed = try launch(worker, log: logs.appendingPathComponent("w1.log"))
            let survivor = try launch(worker + ["--metrics-port", "\(metricsPort)"], log: logs.appendingPathComponent("w2.log"))
            var processes = [doomed, survivor]
            defer { for p in processes where p.isRunning { p.terminate() } }

            // Kill one worker hard once work is under way: its leased feeds must be retaken.
            let clock = ContinuousClock()
            let start = clock.now
            while farm.requests.withLock({ $0 }) < 4, clock.now - start < .seconds(30) { try await Task.sleep(for: .milliseconds(100)) }
            kill(doomed.processIdentifier, SIGKILL)

            let expected = FeedFarm.feedCount * FeedFarm.itemsPerFeed
            while clock.now - start < .seconds(90) {
                let fetched = try await store.feedSources().filter { $0.lastFetchAt != nil }.count
                if fetched == FeedFarm.feedCount, try await store.articleCount() == expected { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(try await store.articleCount() == expected, "every item stored exactly once")
            let sources = try await store.feedSources()
            #expect(sources.allSatisfy { $0.lastFetchAt != nil && $0.lastError == nil && $0.articleCount == FeedFarm.itemsPerFeed })
            #expect(farm.maxInFlight.withLock { $0.values.max() ?? 0 } == 1, "no feed was fetched twice at once")
            #expect(survivor.isRunning)

            // The surviving worker places everything into stories (one process at a time holds that lease).
            while clock.now - start < .seconds(120), try await !store.pendingClustering(afterSeq: 0, limit: 1).isEmpty {
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(try await store.pendingClustering(afterSeq: 0, limit: 1).isEmpty, "every article placed in a story")
            let placed = try await store.clusterChanges(afterClusterSeq: 0, limit: 1000)
            #expect(Set(placed.compactMap(\.storyID)).count == FeedFarm.topics.count, "one story per event")

            // Two stateless web nodes serve what the workers stored.
            let ports = [18_000 + Int.random(in: 0..<1000), 19_000 + Int.random(in: 0..<1000)]
            for (i, port) in ports.enumerated() {
                processes.append(try launch(["serve", "--database", url, "--no-refresh", "--port", "\(port)"],
                                            log: logs.appendingPathComponent("s\(i).log")))
            }
            let some = try #require(try await store.articles(ArticleQuery(limit: 1)).articles.first)
            for port in ports {
                var status: UInt = 0
                var body = ""
                for _ in 0..<100 {
                    do {
                        let response = try await HTTPClient.shared.execute(
                            HTTPClientRequest(url: "http://127.0.0.1:\(port)/article/\(some.id)"), timeout: .seconds(5))
                        status = response.status.code
                        body = String(buffer: try await response.body.collect(upTo: 1 << 20))
                        break
                    } catch {
                        try await Task.sleep(for: .milliseconds(200))
                    }
                }
                #expect(status == 200, "web node on port \(port)")
                #expect(body.contains(some.title))
            }
            // ... and the same related articles: each node follows the clustering stage on its own.
            var answers: [String] = []
            for port in ports {
                let response = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/articles/\(some.id)/related"), timeout: .seconds(10))
                #expect(response.status.code == 200)
                answers.append(String(buffer: try await response.body.collect(upTo: 1 << 20)))
            }
            let related = try JSONSerialization.jsonObject(with: Data(answers[0].utf8)) as? [String: Any]
            let listed = ["similar", "sameStory"].flatMap { related?[$0] as? [[String: Any]] ?? [] }
            #expect(!listed.isEmpty, "related articles are listed: \(answers[0])")
            // Every feed's copy of an event is in one story: 16 outlets.
            let story = try #require(try await store.article(id: some.id)?.storyID)
            #expect(try await store.story(id: story)?.sourceCount == FeedFarm.feedCount)
            #expect(answers[0] == answers[1], "both web nodes answer alike")

            // The worker's own metrics show its polls; a web node's show the database.
            let workerMetrics = try await scrape("http://127.0.0.1:\(metricsPort)/metrics")
            #expect((metric(workerMetrics, #"khabar_feed_fetches_total{outcome="ok"}"#) ?? 0) >= 1, "\(workerMetrics.prefix(2000))")
            #expect((metric(workerMetrics, #"khabar_feed_items_total{result="new"}"#) ?? 0) >= 1)
            let webMetrics = try await scrape("http://127.0.0.1:\(ports[0])/metrics")
            #expect(metric(webMetrics, "khabar_articles") == Double(expected))
            #expect(metric(webMetrics, #"khabar_feeds{state="ok"}"#) == Double(FeedFarm.feedCount))
            #expect(metric(webMetrics, "khabar_feeds_overdue") == 0)
        }
        await store.shutdown()
    }
}
