import Foundation
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Testing

@testable import KhabarPipeline
import KhabarTestSupport

/// `khabar import` runs the stories stage beside the writer (`StoryStage.run(following:)`).
@Suite(.scratch) struct StoryFollowTests {
    static let dam = "عقد وزراء المياه في مصر والسودان وإثيوبيا اجتماعا في الخرطوم لبحث ملء خزان السد، وقال الوزير المصري إن بلاده تريد اتفاقا ملزما يحفظ حصتها من مياه النيل، فيما أكد الجانب الإثيوبي أن الملء سيستمر وفق الجدول المعلن."
    static let damOther = "انتهى في الخرطوم اجتماع ثلاثي لوزراء المياه حول السد دون اتفاق، إذ تمسكت القاهرة بحصتها من مياه النيل وبحل ملزم، بينما أصرت أديس أبابا على مواصلة ملء الخزان في موعده."
    static let rain = "هطلت أمطار غزيرة على مدن الساحل منذ الفجر، وأغلقت السلطات عددا من الطرق الرئيسية بعد ارتفاع منسوب المياه، وطلبت من الأهالي ألا يغادروا بيوتهم قبل أن يتحسن الطقس."
    static let books = "افتتح معرض الكتاب أبوابه للزوار بمشاركة دور نشر من عشرين بلدا، ويضم برنامجه ندوات عن الرواية العربية وترجمة الأدب، ويستمر حتى نهاية الشهر."
    static let market = "أغلقت البورصة على ارتفاع طفيف بدعم من أسهم المصارف والاتصالات، وقال محللون إن المستثمرين يترقبون ما سيقرره المصرف المركزي في اجتماعه المقبل حول الفائدة."

    static func draft(_ id: String, _ title: String, _ body: String, _ source: String, _ hour: Int) -> ArticleDraft {
        ArticleDraft(id: id, title: title, body: body, url: "https://news.example/\(id)",
                     published: Date(timeIntervalSince1970: 1_716_000_000 + Double(hour) * 3600),
                     source: SourceDraft(name: source, domain: "news.example"))
    }

    static let drafts = [
        draft("f-1", "اجتماع ثلاثي في الخرطوم حول ملء السد", dam, "وكالة الشمال", 0),
        draft("f-2", "أمطار غزيرة تغلق طرقا في مدن الساحل", rain, "صحيفة الشرق", 1),
        draft("f-3", "اجتماع ثلاثي في الخرطوم حول ملء السد", dam, "صحيفة الشرق", 2),            // a copy of f-1
        draft("f-4", "معرض الكتاب يفتح أبوابه بمشاركة عشرين بلدا", books, "موقع الغرب", 3),
        draft("f-5", "لا اتفاق في الخرطوم: القاهرة تتمسك بحصتها وأديس أبابا تواصل الملء", damOther, "موقع الغرب", 4),
        draft("f-6", "البورصة تغلق على ارتفاع طفيف", market, "وكالة الشمال", 5),
        draft("f-7", "أمطار غزيرة تغلق طرقا في مدن الساحل", rain, "موقع الغرب", 6),              // a copy of f-2
    ]

    func placements(_ store: SQLiteStore, _ n: Int) async throws -> [String] {
        try await store.articles(seqs: (1...Int64(n)).map { $0 }).map { "\($0.id) \($0.storyID ?? -1) \($0.duplicateOf ?? -1)" }
    }

    /// A lease left by a process of this host that is gone (an import killed with -9) is taken
    /// over at once; a live holder keeps it.
    @Test func aLeaseLeftByAProcessThatIsGoneIsTakenOver() async throws {
        let dir = try temporaryDirectory()
        let store = try SQLiteStore(path: dir.appendingPathComponent("k.sqlite").path)
        let prepared = Self.drafts.map(AnalysisStage().prepare)
        _ = try await store.upsert(Array(prepared.prefix(4)))
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let host = ProcessInfo.processInfo.hostName
        let dead = "\(host)-import-\(ended.processIdentifier)-4242"
        #expect(LeaseOwner.isGone(dead))
        #expect(try await store.claimLease("stories", owner: dead, seconds: 300, now: Date()))
        let stage = StoryStage(store: store, owner: LeaseOwner.name(role: "test"), logger: Logger(label: "test"))
        #expect(try await stage.run() == 4)
        #expect(try await store.leaseHolder("stories") == nil)

        let live = "\(host)-serve-\(getpid())-7"
        #expect(!LeaseOwner.isGone(live))
        #expect(try await store.claimLease("stories", owner: live, seconds: 300, now: Date()))
        _ = try await store.upsert(Array(prepared.suffix(3)))
        #expect(try await stage.run() == 0)
        #expect(try await store.leaseHolder("stories") == live)
        // names of other hosts or of another shape are never taken for gone
        for other in ["elsewhere-import-\(ended.processIdentifier)-1", "\(host)-import", "\(host)-import-x-1", "test"] {
            #expect(!LeaseOwner.isGone(other), "\(other)")
        }
    }

    @Test("following a writer places each committed batch, ends with the writer, and gives the stories of a run after it")
    func followingAWriter() async throws {
        let dir = try temporaryDirectory()
        let prepared = Self.drafts.map(AnalysisStage().prepare)

        let after = try SQLiteStore(path: dir.appendingPathComponent("after.sqlite").path)
        _ = try await after.upsert(prepared)
        #expect(try await StoryStage(store: after, owner: "test", logger: Logger(label: "test")).run() == prepared.count)

        let beside = try SQLiteStore(path: dir.appendingPathComponent("beside.sqlite").path)
        var stage = StoryStage(store: beside, owner: "test", logger: Logger(label: "test"))
        stage.batchSize = 2
        let (committed, batchCommitted) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let follower = Task { [stage] in try await stage.run(following: committed) }
        for start in stride(from: 0, to: prepared.count, by: 3) {
            _ = try await beside.upsert(Array(prepared[start..<min(start + 3, prepared.count)]))
            batchCommitted.yield()
            // the batch is placed while the writer is still open (waited for, up to 20 s)
            var waited = 0
            while try await !beside.pendingClustering(afterSeq: 0, limit: 100).isEmpty && waited < 2000 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            #expect(try await beside.pendingClustering(afterSeq: 0, limit: 100).isEmpty)
        }
        batchCommitted.finish()
        #expect(try await follower.value == prepared.count)
        #expect(try await beside.pendingClustering(afterSeq: 0, limit: 100).isEmpty)

        let expected = try await placements(after, prepared.count)
        #expect(try await placements(beside, prepared.count) == expected)
        // the test has something to compare: copies and a shared story among the articles
        #expect(expected.contains { !$0.hasSuffix(" -1") })
        #expect(Set(expected.map { $0.split(separator: " ")[1] }).count < prepared.count)
    }
}
