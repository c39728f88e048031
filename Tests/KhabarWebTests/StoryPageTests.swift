import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarPipeline
import KhabarSQLite
import KhabarStorage
import KhabarTagging
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// Small Arabic articles written for these tests: one event covered by two outlets plus a wire
/// copy, a related follow-up a day later, and an unrelated football report.
enum StoryFixtures {
    static let talks = """
        أجرى وزير الخارجية الروسي سيرغي لافروف محادثات في موسكو مع نظيره الأمريكي حول الأزمة في أوكرانيا \
        والوضع في ناغورنو كاراباخ، وقالت الخارجية الروسية إن الجانبين اتفقا على مواصلة الاتصالات.
        وأضاف البيان أن لافروف شدد على ضرورة احترام المصالح الأمنية لروسيا، فيما دعا الوزير الأمريكي \
        إلى خفض التصعيد ووقف إطلاق النار، وذكرت وكالة رويترز أن المحادثات استمرت ثلاث ساعات.
        وكانت واشنطن قد فرضت عقوبات جديدة على موسكو الشهر الماضي، وردت روسيا بطرد دبلوماسيين أمريكيين.
        """
    static let talksOther = """
        بحث وزير الخارجية الأمريكي مع نظيره الروسي سيرغي لافروف في موسكو الأزمة الأوكرانية \
        ونزاع ناغورنو كاراباخ، في محادثات استمرت ثلاث ساعات بحسب ما أفادت رويترز.
        واتفق الوزيران على مواصلة الاتصالات، وطالب الجانب الأمريكي بخفض التصعيد ووقف إطلاق النار، \
        بينما أكد لافروف أن روسيا تريد احترام مصالحها الأمنية.
        وتأتي المحادثات بعد شهر من عقوبات أمريكية جديدة على روسيا ردت عليها موسكو بطرد دبلوماسيين.
        """
    static let followUp = """
        قال الكرملين إن الرئيس الروسي فلاديمير بوتين سيتصل بالرئيس الأمريكي لبحث العقوبات \
        المفروضة على موسكو والأزمة في أوكرانيا، بعد يوم من محادثات وزيري الخارجية.
        وأضاف المتحدث باسم الكرملين أن روسيا مستعدة للحوار مع واشنطن بشرط رفع العقوبات \
        واحترام مصالحها الأمنية، فيما قالت الخارجية الأمريكية إن العقوبات باقية.
        """
    static let football = """
        فاز فريق الأهلي على الزمالك بهدفين مقابل هدف في نهائي كأس مصر لكرة القدم على ملعب القاهرة الدولي، \
        وسجل المهاجم هدف الفوز في الدقيقة الأخيرة من المباراة.
        واحتفل لاعبو الأهلي مع الجماهير باللقب، بينما قال مدرب الزمالك إن فريقه لعب مباراة جيدة \
        لكنه لم يستغل الفرص، ويلتقي الفريقان مجدداً في الدوري الأسبوع المقبل.
        """

    /// Everyday news on other subjects, so term statistics are not those of a five-article corpus.
    static let background: [(String, String)] = [
        ("ارتفاع أسعار الذهب في الأسواق العالمية", "ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار، وقال متعاملون إن الطلب على المعدن النفيس زاد بعد بيانات التضخم. وسجلت الأونصة أعلى مستوى لها منذ شهرين."),
        ("موجة حر تضرب المنطقة ودرجات الحرارة تتجاوز الأربعين", "توقعت هيئة الأرصاد استمرار موجة الحر حتى نهاية الأسبوع، مع درجات حرارة تتجاوز الأربعين في المدن الداخلية، ودعت المواطنين إلى تجنب التعرض للشمس وقت الظهيرة."),
        ("افتتاح معرض الكتاب بمشاركة مئات دور النشر", "افتتح وزير الثقافة معرض الكتاب السنوي بمشاركة مئات من دور النشر العربية والأجنبية، ويستمر المعرض عشرة أيام تتخللها ندوات وأمسيات شعرية."),
        ("شركة ناشئة تطلق تطبيقاً لتعليم البرمجة للأطفال", "أطلقت شركة ناشئة تطبيقاً جديداً لتعليم البرمجة للأطفال باللغة العربية، يعتمد على الألعاب والقصص، وقال مؤسسها إن التطبيق جذب آلاف المستخدمين في أسبوعه الأول."),
        ("البنك المركزي يبقي أسعار الفائدة دون تغيير", "قرر البنك المركزي الإبقاء على أسعار الفائدة دون تغيير في اجتماعه الدوري، مشيراً إلى تباطؤ التضخم واستقرار سعر صرف العملة المحلية خلال الربع الأخير."),
        ("وزارة الصحة تطلق حملة للتطعيم ضد الحصبة", "أطلقت وزارة الصحة حملة وطنية للتطعيم ضد الحصبة تستهدف الأطفال دون الخامسة، وتستمر الحملة أسبوعين في المدارس والمراكز الصحية."),
    ]

    static func draft(_ id: String, _ title: String, _ body: String, _ source: String, _ published: String) -> ArticleDraft {
        ArticleDraft(id: id, title: title, body: body, url: "https://news.example/\(id)", published: DateParsing.parse(published),
                     source: SourceDraft(name: source, domain: "news.example"))
    }

    static let drafts = [
        draft("s-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", talks, "وكالة الشرق", "2024-05-07T08:00:00Z"),
        draft("s-2", "محادثات روسية أمريكية في موسكو حول أوكرانيا وناغورنو كاراباخ", talksOther, "صحيفة الغرب", "2024-05-07T10:00:00Z"),
        draft("s-3", "لافروف ونظيره الأمريكي يتفقان على مواصلة الاتصالات", talks, "موقع الجنوب", "2024-05-07T12:00:00Z"),
        draft("s-4", "الكرملين: بوتين سيتصل بالرئيس الأمريكي لبحث العقوبات", followUp, "صحيفة الغرب", "2024-05-08T09:00:00Z"),
        draft("s-5", "الأهلي يهزم الزمالك ويتوج بكأس مصر", football, "موقع الجنوب", "2024-05-07T20:00:00Z"),
    ] + background.enumerated().map { i, item in
        draft("bg-\(i)", item.0, item.1, "صحيفة المدينة", "2024-05-0\(4 + i % 4)T1\(i):00:00Z")
    }

    /// A store filled through the real pipeline: analysis, tags, signatures, then the stories stage.
    static func store(_ drafts: [ArticleDraft] = drafts) async throws -> SQLiteStore {
        let store = try await makeStore([])
        let stage = AnalysisStage()
        _ = try await store.upsert(drafts.map(stage.prepare))
        try await StoryStage(store: store, owner: "test", logger: Logger(label: "test")).run()
        return store
    }

    /// The story of n-1, n-2 and n-3 (a misdated copy of n-2), checked to hold the three.
    static func storyWithMisdatedCopy(_ store: SQLiteStore) async throws -> Int64 {
        let story = try #require(try await store.article(id: "n-1")?.storyID)
        #expect(try await store.article(id: "n-2")?.storyID == story)
        #expect(try await store.article(id: "n-3")?.storyID == story, "the misdated copy is in the story")
        #expect(try await store.story(id: story)?.articleCount == 3)
        return story
    }
}

func withStoryApp(_ body: @Sendable @escaping (any TestClientProtocol, SQLiteStore) async throws -> Void) async throws {
    let store = try await StoryFixtures.store()
    let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                   logger: Logger(label: "test"))
    try await app.test(.router) { client in try await body(client, store) }
}

@Suite(.scratch) struct StoryPageTests {
    @Test func articlePageShowsTagsAttributionSameStoryAndSimilar() async throws {
        try await withStoryApp { client, _ in
            try await client.execute(uri: "/article/s-1", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h2>كلمات دلالية</h2>"))
                #expect(html.contains(#"<a class="tag" href="/tag/russia">روسيا</a>"#))
                #expect(html.contains(#"<a class="tag" href="/tag/usa">أمريكا</a>"#))
                #expect(html.contains("نقلاً عن: رويترز"))
                // The other outlet's version is "same story"; the wire copy is not listed again.
                let same = try #require(html.range(of: "القصة نفسها من مصادر أخرى"))
                let similar = html.range(of: "مقالات مشابهة")
                #expect(html[same.upperBound...].contains("/article/s-2"))
                // The follow-up is related, the football report never is.
                if let similar { #expect(html[similar.upperBound...].contains("/article/s-4")) }
                #expect(html.contains("/article/s-4"))
                #expect(!html.contains("/article/s-5"))
                // read also is not listed again as the first similar article
                if let aside = html.range(of: #"<aside class="read-also">"#),
                   let link = html[aside.upperBound...].range(of: #"href="/article/"#) {
                    let id = html[link.upperBound...].prefix { $0 != "\"" }
                    #expect(html.components(separatedBy: "href=\"/article/\(id)\"").count == 2, "\(id) shown once")
                }
            }
            try await client.execute(uri: "/article/s-3", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("نُشر النص نفسه أولاً في <bdi>وكالة الشرق</bdi>"))
            }
            try await client.execute(uri: "/article/s-5", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("/article/s-1") && !html.contains("/article/s-4"))
            }
        }
    }

    /// Counted nouns as Arabic has them (table: count → phrase).
    @Test func countedNounsAgree() {
        let rows: [(Int, String)] = [(0, "لا مقالات"), (1, "مقال واحد"), (2, "مقالان"), (3, "3 مقالات"), (7, "7 مقالات"),
                                     (10, "10 مقالات"), (11, "11 مقالاً"), (25, "25 مقالاً"), (99, "99 مقالاً"),
                                     (100, "100 مقال"), (101, "101 مقال"), (102, "102 مقال"), (103, "103 مقالات"),
                                     (111, "111 مقالاً"), (1000, "1000 مقال")]
        for (n, phrase) in rows { #expect(ArabicCountedNoun.article(n) == phrase, "\(n)") }
        #expect(ArabicCountedNoun.source(4) == "4 مصادر" && ArabicCountedNoun.source(12) == "12 مصدراً")
        #expect(ArabicCountedNoun.news(2) == "خبران" && ArabicCountedNoun.news(5) == "5 أخبار" && ArabicCountedNoun.news(40) == "40 خبراً")
        // after a preposition: "من مصدرين", the other forms as they are
        #expect(ArabicCountedNoun.source.genitive(2) == "مصدرين" && ArabicCountedNoun.article.genitive(2) == "مقالين")
        #expect(ArabicCountedNoun.source.genitive(1) == "مصدر واحد" && ArabicCountedNoun.source.genitive(5) == "5 مصادر")
        // a feminine noun: "نتيجة واحدة"
        #expect(ArabicCountedNoun.result(1) == "نتيجة واحدة" && ArabicCountedNoun.result(2) == "نتيجتان"
                && ArabicCountedNoun.result(4) == "4 نتائج" && ArabicCountedNoun.result(0) == "لا نتائج")
    }

    @Test func storyPageAndHomeGroupTheCoverage() async throws {
        try await withStoryApp { client, store in
            let first = try #require(try await store.article(id: "s-1"))
            let storyID = try #require(first.storyID)

            #expect(try await store.article(id: "s-2")?.storyID == storyID)
            #expect(try await store.article(id: "s-3")?.duplicateOf == first.seq)
            #expect(try await store.article(id: "s-5")?.storyID != storyID)
            try await client.execute(uri: "/story/\(storyID)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                for id in ["s-1", "s-2", "s-3"] { #expect(html.contains("/article/\(id)")) }
                #expect(html.contains("الأسبق"))
                #expect(html.contains("نسخة من <bdi>وكالة الشرق</bdi>"))
                #expect(html.contains("المصدر الأول: <bdi>وكالة الشرق</bdi>"))
                #expect(html.contains("3 مقالات من 3 مصادر"), "the summary counts as Arabic does")
            }
            // one page, one address: a padded or signed id is not a second copy of the story page
            for alias in ["0\(storyID)", "+\(storyID)", "0\(storyID).rss"] {
                let uri = "/story/" + alias
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>أهم الأخبار</h1>"))
                #expect(html.contains(#"<a href="/story/\#(storyID)">3 مصادر · 3 مقالات</a>"#))
                #expect(html.contains("الأكثر تداولاً"))
                #expect(html.contains(#"href="/tag/russia""#))
            }
            // a copy under a headline of its own is a search result of its own (folded, the
            // reader could not tell it was there)
            try await client.execute(uri: "/api/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let ids = (json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(ids.contains("s-1") && ids.contains("s-3"), "\(ids)")
                #expect(json?["folded"] as? Int == 0)
            }
            try await client.execute(uri: "/api/stories/\(storyID)", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["sourceCount"] as? Int == 3)
                let articles = json?["articles"] as? [[String: Any]]
                #expect(articles?.compactMap { $0["id"] as? String } == ["s-1", "s-2", "s-3"])
                #expect(articles?.last?["duplicateOf"] as? String == "s-1")
            }
        }
    }

    /// /api/stories pages as the other lists do: `limit`, then `next` passed back as `before` walks
    /// the ranking down a page at a time, and `newer` passed back as `after` walks it up again.
    @Test func apiStoriesPages() async throws {
        try await withStoryApp { client, _ in
            func page(_ query: String) async throws -> (ids: [Int64], next: String?, newer: String?) {
                try await client.execute(uri: "/api/stories" + query, method: .get) { response in
                    #expect(response.status == .ok, "\(query)")
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    let stories = try #require(json["stories"] as? [[String: Any]])
                    return (stories.compactMap { ($0["id"] as? NSNumber)?.int64Value }, json["next"] as? String, json["newer"] as? String)
                }
            }
            let all = try await page("")
            #expect(all.ids.count >= 3 && all.next == nil && all.newer == nil, "\(all)")
            var down: [Int64] = [], cursor: String? = nil, last = all
            repeat {
                last = try await page("?limit=1" + (cursor.map { "&before=" + $0 } ?? ""))
                #expect(last.ids.count == 1)
                #expect((last.newer == nil) == down.isEmpty)
                down += last.ids
                cursor = last.next
            } while cursor != nil && down.count <= all.ids.count
            #expect(down == all.ids)
            var up: [Int64] = last.ids
            cursor = last.newer
            while let position = cursor, up.count <= all.ids.count {
                let previous = try await page("?limit=1&after=" + position)
                up = previous.ids + up
                #expect(previous.next == position)
                cursor = previous.newer
            }
            #expect(up == all.ids)
            let two = try await page("?limit=2&before=1")
            #expect(two.ids == Array(all.ids[1..<3]) && two.newer == "1")
            // past the ranking's end: nothing, and the way back to its last page
            let past = try await page("?limit=2&before=400")
            #expect(past.ids.isEmpty && past.next == nil && past.newer == String(all.ids.count), "\(past)")
            let lastTwo = try await page("?limit=2&after=" + (past.newer ?? ""))
            #expect(lastTwo.ids == Array(all.ids.suffix(2)) && lastTwo.next == nil, "\(lastTwo)")
            #expect(try await page("?limit=2&after=400").ids == Array(all.ids.suffix(2)))
            for (query, named) in [("?limit=0", "limit"), ("?limit=101", "limit"), ("?before=first", "before"),
                                   ("?after=-1", "after"), ("?before=1&after=2", "before")] {
                try await client.execute(uri: "/api/stories" + query, method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(String(buffer: response.body).contains(named), "\(query)")
                }
            }
        }
    }

    @Test("the front page lists a developing event once: the next day's story under the first, an unrelated story apart")
    func developingEventOnce() async throws {
        try await withStoryApp { client, store in
            let talks = try #require(try await store.article(id: "s-1")?.storyID)
            let followUp = try #require(try await store.article(id: "s-4")?.storyID)
            let football = try #require(try await store.article(id: "s-5")?.storyID)
            #expect(talks != followUp, "the call announced a day later is a story of its own")
            try await client.execute(uri: "/api/stories", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let stories = try #require(json?["stories"] as? [[String: Any]])
                let ids = stories.compactMap { ($0["id"] as? NSNumber)?.int64Value }
                #expect(ids.contains(talks) && ids.contains(football) && !ids.contains(followUp), "\(ids)")
                let line = stories.first { ($0["id"] as? NSNumber)?.int64Value == talks }
                #expect((line?["developments"] as? [NSNumber])?.map(\.int64Value) == [followUp])
                #expect(stories.first { ($0["id"] as? NSNumber)?.int64Value == football }?["developments"] == nil)
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                // the follow-up is linked once, inside the talks' line
                let list = try #require(html.range(of: #"<ul class="developments""#))
                let end = try #require(html[list.upperBound...].range(of: "</ul>"))
                #expect(html[list.upperBound..<end.lowerBound].contains("/article/s-4"))
                #expect(html.components(separatedBy: "/article/s-4").count == 2)
                #expect(html.components(separatedBy: #"<ul class="developments""#).count == 2)
                #expect(html.contains("/article/s-5"))
            }
            try await client.execute(uri: "/feed.rss", method: .get) { response in
                let xml = String(buffer: response.body)
                #expect(xml.contains("/article/s-1") && !xml.contains("/article/s-4"))
            }
        }
    }

    @Test("a tag address in everyday spelling, or an entity's name, leads to the tag's page")
    func tagAddressesInOtherSpellings() async throws {
        try await withStoryApp { client, _ in
            // (percent-encoded: إسبانيا is no tag here; روسيا, بوتين and أمريكا are)
            for (typed, target) in [("%D8%B1%D9%88%D8%B3%D9%8A%D8%A7", "/tag/russia"),                    // روسيا
                                    ("%D8%A3%D9%85%D9%8A%D8%B1%D9%83%D8%A7", "/tag/usa")] {               // أمريكا
                try await client.execute(uri: "/tag/" + typed, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(typed)")
                    #expect(response.headers[.location] == target)
                }
            }
            try await client.execute(uri: "/tag/%D9%82%D9%84%D8%B9%D8%A9", method: .get) { response in   // قلعة: nothing
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a story whose latest article a feed dated a few hours ahead stays on the front page")
    func storyDatedALittleAhead() async throws {
        func at(_ hours: Double) -> String { DateParsing.iso8601(Date().addingTimeInterval(hours * 3600)) }
        let drafts = [
            StoryFixtures.draft("n-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks, "وكالة الشرق", at(-3)),
            StoryFixtures.draft("n-2", "محادثات روسية أمريكية في موسكو حول أوكرانيا وناغورنو كاراباخ", StoryFixtures.talksOther, "صحيفة الغرب", at(-1)),
            // a feed that gives local time as UTC
            StoryFixtures.draft("n-3", "وزيرا خارجية روسيا وأمريكا يتفقان على مواصلة الاتصالات", StoryFixtures.talksOther, "موقع الجنوب", at(2)),
        ]
        let store = try await StoryFixtures.store(drafts)
        let story = try #require(try await store.article(id: "n-3")?.storyID)
        #expect(try await store.article(id: "n-1")?.storyID == story)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/stories", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let ids = (json?["stories"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } ?? []
                #expect(ids == [story])
            }
        }
    }

    @Test("a story's page, feeds and JSON leave out its articles dated far ahead; a story of such articles only is not found")
    func storyLeavesOutArticlesDatedFarAhead() async throws {
        func at(_ hours: Double) -> String { DateParsing.iso8601(Date().addingTimeInterval(hours * 3600)) }
        let copyTitle = "محادثات روسية أمريكية في موسكو حول أوكرانيا وناغورنو كاراباخ"
        let drafts = [
            StoryFixtures.draft("n-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks, "وكالة الشرق", at(-3)),
            StoryFixtures.draft("n-2", copyTitle, StoryFixtures.talksOther, "صحيفة الغرب", at(-1)),
            // a feed two days off: n-2's text again, and a report of its own
            StoryFixtures.draft("n-3", copyTitle, StoryFixtures.talksOther, "موقع الجنوب", at(48)),
            StoryFixtures.draft("f-1", "الأهلي يهزم الزمالك ويتوج بكأس مصر", StoryFixtures.football, "موقع الجنوب", at(48)),
        ]
        let store = try await StoryFixtures.store(drafts)
        let story = try await StoryFixtures.storyWithMisdatedCopy(store)
        let alone = try #require(try await store.article(id: "f-1")?.storyID)
        #expect(alone != story)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/story/\(story)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("/article/n-1") && html.contains("/article/n-2") && !html.contains("/article/n-3"))
                #expect(html.contains("مقالان من مصدرين"), "counted as listed")
                #expect(!html.contains("موقع الجنوب"))
            }
            for suffix in ["rss", "atom", "json"] {
                try await client.execute(uri: "/story/\(story).\(suffix)", method: .get) { response in
                    #expect(response.status == .ok, "\(suffix)")
                    let text = String(buffer: response.body)
                    #expect(text.contains("/article/n-1") && text.contains("/article/n-2") && !text.contains("/article/n-3"), "\(suffix)")
                }
            }
            try await client.execute(uri: "/api/stories/\(story)", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((json["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["n-1", "n-2"])
                #expect(json["articleCount"] as? Int == 2 && json["sourceCount"] as? Int == 2)
                #expect(json["sources"] as? [String] == ["وكالة الشرق", "صحيفة الغرب"])
                let n2 = try #require(try await store.article(id: "n-2"))
                #expect(json["last"] as? String == DateParsing.iso8601(n2.published), "the span ends with the last listed article")
            }
            // the story's link from an article counts as the story's page lists
            try await client.execute(uri: "/article/n-1", method: .get) { response in
                #expect(String(buffer: response.body).contains("كل التغطية: مقالان من مصدرين"))
            }
            // a story whose every article is dated far ahead is not found yet, as an unknown id;
            // the article's own page still opens
            for uri in ["/story/\(alone)", "/story/\(alone).rss", "/api/stories/\(alone)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(uri: "/article/f-1", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a story holding an article dated far ahead stays on the front page, /api/stories and the home feeds, ranked and counted by the articles it lists")
    func topStoriesListAStoryByItsListedArticles() async throws {
        func at(_ hours: Double) -> String { DateParsing.iso8601(Date().addingTimeInterval(hours * 3600)) }
        let copyTitle = "محادثات روسية أمريكية في موسكو حول أوكرانيا وناغورنو كاراباخ"
        let footballTitle = "الأهلي يهزم الزمالك ويتوج بكأس مصر"
        let drafts = [
            StoryFixtures.draft("n-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks, "وكالة الشرق", at(-26)),
            StoryFixtures.draft("n-2", copyTitle, StoryFixtures.talksOther, "صحيفة الغرب", at(-24)),
            // a feed off by most of two days republishes n-2: the story's stored last date is 40 hours ahead
            StoryFixtures.draft("n-3", copyTitle, StoryFixtures.talksOther, "موقع الجنوب", at(40)),
            // a fresher story of two outlets
            StoryFixtures.draft("f-1", footballTitle, StoryFixtures.football, "موقع الجنوب", at(-2)),
            StoryFixtures.draft("f-2", footballTitle, StoryFixtures.football, "صحيفة المدينة", at(-1)),
        ]
        let store = try await StoryFixtures.store(drafts)
        let story = try await StoryFixtures.storyWithMisdatedCopy(store)
        let football = try #require(try await store.article(id: "f-1")?.storyID)
        #expect(try await store.article(id: "f-2")?.storyID == football && football != story)
        let n2 = try #require(try await store.article(id: "n-2"))
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            var headline = ""
            try await client.execute(uri: "/api/stories", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let stories = try #require(json["stories"] as? [[String: Any]])
                // ranked by its listed articles (a day old: under the fresher story), not by n-3's date
                #expect(stories.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [football, story])
                let line = try #require(stories.last)
                #expect(line["articleCount"] as? Int == 2 && line["sourceCount"] as? Int == 2)
                #expect(line["sources"] as? [String] == ["وكالة الشرق", "صحيفة الغرب"])
                #expect(line["last"] as? String == DateParsing.iso8601(n2.published), "dated by its last listed article")
                headline = line["headline"] as? String ?? ""
                #expect(["n-1", "n-2"].contains(headline), "\(headline)")
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                let line = try #require(html.range(of: #"<a href="/story/\#(story)">مصدران · مقالان</a>"#), "counted as listed")
                let fresher = try #require(html.range(of: "/story/\(football)"))
                #expect(fresher.lowerBound < line.lowerBound)
                #expect(html.contains("/article/\(headline)") && !html.contains("/article/n-3"))
            }
            for suffix in ["rss", "atom", "json"] {
                try await client.execute(uri: "/feed.\(suffix)", method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(text.contains("/article/\(headline)") && !text.contains("/article/n-3"), "\(suffix)")
                }
            }
        }
    }

    @Test("read also, similar and the same story leave out articles dated far ahead, on the page and in the JSON")
    func relatedListsLeaveOutArticlesDatedFarAhead() async throws {
        func at(_ hours: Double) -> String { DateParsing.iso8601(Date().addingTimeInterval(hours * 3600)) }
        // a third outlet's own account of the talks: the same story, not a copy
        let talksThird = """
            قالت مصادر دبلوماسية إن اللقاء الذي جمع سيرغي لافروف بوزير الخارجية الأمريكي في موسكو تناول ملف أوكرانيا \
            والنزاع في ناغورنو كاراباخ، وإن الطرفين لم يتوصلا إلى اختراق لكنهما قررا إبقاء قنوات الاتصال مفتوحة.
            وأشارت المصادر إلى أن الوزير الأمريكي طالب بوقف القتال وتهدئة الأوضاع، في حين تمسك لافروف بما وصفه \
            بالمصالح الأمنية الروسية، وسط توتر متصاعد منذ العقوبات الأمريكية الأخيرة وطرد الدبلوماسيين من البلدين.
            """
        let drafts = [
            StoryFixtures.draft("r-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks, "وكالة الشرق", at(-3)),
            StoryFixtures.draft("r-2", "لقاء لافروف ونظيره الأمريكي في موسكو ينتهي دون اختراق", talksThird, "موقع الجنوب", at(-2)),
            // feeds a day and two days off: the same story from another outlet, and the next day's follow-up
            StoryFixtures.draft("r-3", "محادثات روسية أمريكية في موسكو حول أوكرانيا وناغورنو كاراباخ", StoryFixtures.talksOther, "صحيفة الغرب", at(26)),
            StoryFixtures.draft("r-4", "الكرملين: بوتين سيتصل بالرئيس الأمريكي لبحث العقوبات", StoryFixtures.followUp, "صحيفة الغرب", at(48)),
        ] + StoryFixtures.background.enumerated().map { i, item in
            StoryFixtures.draft("bg-\(i)", item.0, item.1, "صحيفة المدينة", at(-60 - Double(i)))
        }
        let store = try await makeStore([])
        _ = try await store.upsert(drafts.map(AnalysisStage().prepare))
        try await StoryStage(store: store, owner: "test", logger: Logger(label: "test")).run()
        let story = try #require(try await store.article(id: "r-1")?.storyID)
        #expect(try await store.article(id: "r-2")?.storyID == story)
        let misdated = try #require(try await store.article(id: "r-3"))
        #expect(misdated.storyID == story && misdated.duplicateOf == nil, "the same story, not a copy")
        #expect(try await store.article(id: "r-4")?.storyID != story)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for id in ["r-1", "r-2"] {
                try await client.execute(uri: "/api/articles/\(id)/related", method: .get) { response in
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    let same = (json["sameStory"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                    let similar = (json["similar"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                    let readAlso = (json["readAlso"] as? [String: Any])?["id"] as? String
                    #expect(same == [id == "r-1" ? "r-2" : "r-1"], "\(id): the listed outlet's version only, \(same)")
                    #expect(!similar.contains("r-4") && !similar.contains("r-3"), "\(id): \(similar)")
                    #expect(readAlso != "r-4" && readAlso != "r-3", "\(id): \(String(describing: readAlso))")
                }
                try await client.execute(uri: "/article/\(id)", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("القصة نفسها من مصادر أخرى"), "\(id)")
                    #expect(!html.contains("/article/r-3") && !html.contains("/article/r-4"), "\(id)")
                }
            }
        }
    }

    @Test("a story whose headline article is dated far ahead is headed by one of the articles it lists")
    func storyHeadlineDatedFarAhead() async throws {
        func at(_ hours: Double) -> String { DateParsing.iso8601(Date().addingTimeInterval(hours * 3600)) }
        // the misdated title shares words with both others, so the store makes it the headline
        let store = try await makeStore([
            item("x-1", title: "ارتفاع أسعار الذهب في الأسواق العالمية", body: "نص.", source: "صحيفة أ", published: at(-2)),
            item("x-2", title: "موجة حر شديدة تضرب المنطقة الساحلية", body: "نص.", source: "صحيفة ب", published: at(-1)),
            item("x-3", title: "ارتفاع أسعار الذهب مع موجة حر تضرب المنطقة", body: "نص.", source: "صحيفة ج", published: at(48)),
        ])
        var placed: [Int64] = []
        for id in ["x-1", "x-2", "x-3"] { placed.append(try #require(try await store.article(id: id)).seq) }
        let seqs = placed
        try await store.recordClustering(seqs.map { StoryPlacement(seq: $0, storyID: seqs[0], duplicateOf: nil) })
        #expect(try await store.story(id: seqs[0])?.headlineSeq == seqs[2])
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/story/\(seqs[0])", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("ارتفاع أسعار الذهب في الأسواق العالمية") && !html.contains("مع موجة حر"))
            }
            try await client.execute(uri: "/api/stories/\(seqs[0])", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["headline"] as? String == "x-1" && json["title"] as? String == "ارتفاع أسعار الذهب في الأسواق العالمية")
            }
        }
    }

    @Test("a tag page lists the aliases of the gazetteer it is given, local ones included")
    func tagPageAliasesFromTheLocalGazetteer() async throws {
        let local = Gazetteer.builtIn.extended(with: LocalGazetteer(files: [
            LocalGazetteer.File(path: "/srv/local/countries.txt", text: "russia||روسيا|بلاد القياصرة||||\n"),
        ]))
        #expect(local.problems == [])
        let store = try await StoryFixtures.store()
        for (gazetteer, shows) in [(Gazetteer.builtIn, false), (local.gazetteer, true)] {
            let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, gazetteer: gazetteer),
                                           logger: Logger(label: "test"))
            try await app.test(.router) { client in
                try await client.execute(uri: "/tag/russia", method: .get) { response in
                    #expect(String(buffer: response.body).contains("بلاد القياصرة") == shows)
                }
                try await client.execute(uri: "/api/tags/russia", method: .get) { response in
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    let aliases = json?["aliases"] as? [String] ?? []
                    #expect(aliases.contains("بلاد القياصرة") == shows)
                    #expect(aliases.contains("روسيا الاتحادية"))
                    // other ways to write the name, not the words that point to it
                    #expect(!aliases.contains("الكرملين") && !aliases.contains("روسي") && !aliases.contains("الروس"), "\(aliases)")
                }
            }
        }
    }

    @Test func tagPagesAndJSON() async throws {
        try await withStoryApp { client, _ in
            try await client.execute(uri: "/tag/russia", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>روسيا</h1>"))
                #expect(html.contains("يُكتب أيضاً"))
                let newest = try #require(html.range(of: "/article/s-4"))
                let older = try #require(html.range(of: "/article/s-1"))
                #expect(newest.lowerBound < older.lowerBound)
                #expect(!html.contains("/article/s-5"))
            }
            try await client.execute(uri: "/api/tags/russia", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["name"] as? String == "روسيا")
                #expect((json?["aliases"] as? [String])?.isEmpty == false)
                #expect((json?["articles"] as? [[String: Any]])?.count == json?["articleCount"] as? Int)
                // the tags the coverage of Russia shares: America is on every article about the talks
                let related = json?["related"] as? [[String: Any]] ?? []
                let usa = try #require(related.first { $0["slug"] as? String == "usa" })
                #expect((usa["together"] as? Int ?? 0) >= 3)
                #expect(!related.contains { ["russia", "egypt"].contains($0["slug"] as? String ?? "") })
            }
            try await client.execute(uri: "/tag/russia", method: .get) { response in
                let html = String(buffer: response.body)
                let block = try #require(html.range(of: #"<nav class="tags related-tags""#))
                #expect(html[block.upperBound...].prefix(600).contains(#"href="/tag/usa""#))
            }
            try await client.execute(uri: "/tag/no-such-tag", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/articles/s-1/related", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["id"] as? String == "s-1")
                let same = (json?["sameStory"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(same.contains("s-2") && !same.contains("s-3"))
                let similar = (json?["similar"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(!similar.contains("s-5") && !similar.contains("s-2"))
            }
        }
    }
}

/// A paper that runs two agency items in one article: stored through the real pipeline (analysis,
/// signatures, the stories stage), it is a copy of both, and its page names both originals.
/// Copies on the site: a wire copy under its primary's headline is shown under the primary's
/// search result, with a link, and counted as folded; an outlet's repeat (its article stored again
/// under another address) is listed once everywhere and still has its own page.
@Suite(.scratch) struct FoldedCopyTests {
    static let drafts = StoryFixtures.drafts + [
        // another outlet's copy of s-1 under s-1's own headline
        StoryFixtures.draft("s-6", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks,
                            "وكالة الشمال", "2024-05-07T08:30:00Z"),
        // s-4 again, under a second address of its outlet
        StoryFixtures.draft("s-4b", "الكرملين: بوتين سيتصل بالرئيس الأمريكي لبحث العقوبات", StoryFixtures.followUp,
                            "صحيفة الغرب", "2024-05-08T09:00:00Z"),
    ]

    func withFoldedApp(_ body: @Sendable @escaping (any TestClientProtocol, SQLiteStore) async throws -> Void) async throws {
        let store = try await StoryFixtures.store(Self.drafts)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in try await body(client, store) }
    }

    @Test func aCopyUnderItsPrimarysHeadlineIsShownUnderItAndCounted() async throws {
        try await withFoldedApp { client, store in
            #expect(try await store.article(id: "s-6")?.duplicateOf == (try await store.article(id: "s-1"))?.seq)
            try await client.execute(uri: "/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("ضُمّت إليها نسخة واحدة من الأخبار نفسها"), "\(html)")
                #expect(html.contains(#"ونسخة أخرى: <a href="/article/s-6""#))
                #expect(html.contains("/article/s-3"))   // its own headline: its own result
            }
            try await client.execute(uri: "/api/search?q=%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let hits = json?["hits"] as? [[String: Any]] ?? []
                #expect(json?["folded"] as? Int == 1)
                #expect(hits.first { $0["id"] as? String == "s-1" }?["copies"] as? [String] == ["s-6"])
                #expect(!hits.contains { $0["id"] as? String == "s-6" })
            }
        }
    }

    @Test func anOutletsRepeatIsListedOnceEverywhere() async throws {
        try await withFoldedApp { client, store in
            let source = try #require(try await store.article(id: "s-4")?.source.id)
            let storyID = try #require(try await store.article(id: "s-4")?.storyID)
            for uri in ["/latest", "/source/\(source)", "/tag/russia", "/story/\(storyID)", "/latest.atom"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("/article/s-4"), "\(uri)")
                    #expect(!html.contains("/article/s-4b\""), "\(uri)")
                }
            }
            // search lists it once too, and names the copy it folded under it
            try await client.execute(uri: "/search?q=%D8%A7%D9%84%D9%83%D8%B1%D9%85%D9%84%D9%8A%D9%86", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"class="title" href="/article/s-4""#))
                #expect(!html.contains(#"class="title" href="/article/s-4b""#))
                #expect(html.contains(#"ونسخة أخرى: <a href="/article/s-4b""#))
            }
            // counted once: the outlet's page and the list of outlets say 2 (s-2, s-4), not 3
            try await client.execute(uri: "/api/sources", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let west = (json?["sources"] as? [[String: Any]])?.first { $0["name"] as? String == "صحيفة الغرب" }
                #expect(west?["articleCount"] as? Int == 2)
            }
            #expect(try await store.articleCount() == StoryFixtures.drafts.count + 2)   // both stay stored
            try await client.execute(uri: "/article/s-4b", method: .get) { response in
                #expect(response.status == .ok)   // and the repeat's own page opens
            }
        }
    }
}

@Suite(.scratch) struct BundleCopyTests {
    static func bundleStore() async throws -> SQLiteStore {
        let store = try await makeStore([])
        let stage = AnalysisStage()
        let drafts = [
            StoryFixtures.draft("w-1", "لافروف يبحث مع نظيره الأمريكي في موسكو أزمة أوكرانيا وكاراباخ", StoryFixtures.talks,
                                "وكالة الشرق", "2024-05-07T08:00:00Z"),
            StoryFixtures.draft("w-2", "الأهلي يهزم الزمالك ويتوج بكأس مصر", StoryFixtures.football,
                                "وكالة الشرق", "2024-05-07T08:30:00Z"),
            StoryFixtures.draft("p-1", "موجز الأخبار: محادثات موسكو ونهائي الكأس",
                                StoryFixtures.talks + "\n" + StoryFixtures.football, "صحيفة الغرب", "2024-05-07T11:00:00Z"),
        ] + StoryFixtures.background.enumerated().map { i, item in
            StoryFixtures.draft("bg-\(i)", item.0, item.1, "صحيفة المدينة", "2024-05-0\(4 + i % 4)T1\(i):00:00Z")
        }
        _ = try await store.upsert(drafts.map(stage.prepare))
        try await StoryStage(store: store, owner: "test", logger: Logger(label: "test")).run()
        return store
    }

    @Test func aBundleIsStoredAsACopyOfBothItemsAndNamesThem() async throws {
        let store = try await Self.bundleStore()
        let w1 = try #require(try await store.article(id: "w-1"))
        let w2 = try #require(try await store.article(id: "w-2"))
        let paper = try #require(try await store.article(id: "p-1"))
        #expect(w1.duplicateOf == nil && w2.duplicateOf == nil)
        let primaries = Set([paper.duplicateOf].compactMap { $0 } + paper.alsoDuplicateOf)
        #expect(primaries == [w1.seq, w2.seq], "\(String(describing: paper.duplicateOf)) \(paper.alsoDuplicateOf)")
        #expect(w1.storyID != w2.storyID, "the two items stay two stories")

        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/article/p-1", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "نُشر النص نفسه أولاً في").count == 3, "two originals named")
                #expect(html.contains("/article/w-1") && html.contains("/article/w-2"))
            }
            // Neither item lists the bundle among similar articles: it is a copy of each.
            for id in ["w-1", "w-2"] {
                try await client.execute(uri: "/api/articles/\(id)/related", method: .get) { response in
                    #expect(!String(buffer: response.body).contains("\"p-1\""), "\(id)")
                }
            }
        }
    }
}
