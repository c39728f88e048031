import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import KhabarTagging
import Logging
import NIOCore
import Testing

@testable import KhabarPipeline
@testable import KhabarWeb
import KhabarTestSupport

/// The chronological lists (/latest, an outlet's page, a tag's page), their feeds and the API's
/// lists: which articles they hold and how they page.
@Suite(.scratch) struct ListPageTests {
    static func tagged(_ item: PreparedArticle, _ slug: String, _ name: String, type: String = "keyphrase") -> PreparedArticle {
        var item = item
        item.annotations = ArticleAnnotations(tags: [ArticleTag(slug: slug, name: name, type: type, score: 1)],
                                              attribution: ArticleAttribution(), signature: [])
        return item
    }

    /// An article dated decades ahead heads no list and no feed, on every list; one a few hours
    /// ahead (a feed's time zone) is listed at the top; the misdated one's page still opens.
    @Test func listsLeaveOutArticlesDatedFarAhead() async throws {
        let soon = DateParsing.iso8601(Date().addingTimeInterval(3 * 3600))
        let drafts = [
            Self.tagged(item("past", title: "افتتاح جسر جديد فوق النهر", body: "افتتح الجسر صباح اليوم.",
                             published: "2024-05-07T10:00:00Z"), "bridges", "الجسور"),
            Self.tagged(item("soon", title: "وصول قافلة المساعدات إلى الميناء", body: "وصلت القافلة بعد رحلة طويلة.",
                             published: soon), "bridges", "الجسور"),
            Self.tagged(item("far", title: "موعد مؤتمر المياه في عام بعيد", body: "نص بتاريخ خاطئ.",
                             published: "2099-03-01T08:00:00Z"), "bridges", "الجسور"),
        ]
        try await withApp(drafts) { client in
            for uri in ["/latest", "/source/1", "/tag/bridges", "/latest.rss", "/source/1.atom", "/tag/bridges.json",
                        "/api/articles", "/api/tags/bridges", "/feed.rss"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let text = String(buffer: response.body)
                    #expect(!text.contains("article/far") && !text.contains("\"far\""), "\(uri)")
                    let soonAt = try #require(text.range(of: "soon"), "\(uri)")
                    let pastAt = try #require(text.range(of: "past"), "\(uri)")
                    #expect(soonAt.lowerBound < pastAt.lowerBound, "\(uri)")
                }
            }
            try await client.execute(uri: "/article/far", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("موعد مؤتمر المياه"))
            }
            // the home page's old cursor links are the chronological list, with its checks
            try await client.execute(uri: "/?before=2024-05-08&after=2024-05-01", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// The counts agree with the lists: an article dated decades ahead, left out of its tag's and
    /// its outlet's lists, is counted neither there (pages and API) nor in /sources, /api/sources,
    /// a tag's related tags, the top tags, nor in the answer that gives its outlet a feed.
    @Test func countsLeaveOutArticlesDatedFarAhead() async throws {
        func tagged(_ item: PreparedArticle) -> PreparedArticle {
            var item = item
            item.annotations = ArticleAnnotations(tags: [ArticleTag(slug: "bridges", name: "الجسور", type: "keyphrase", score: 1),
                                                         ArticleTag(slug: "rivers", name: "الأنهار", type: "keyphrase", score: 1)],
                                                  attribution: ArticleAttribution(), signature: [])
            return item
        }
        let drafts = [
            tagged(item("past", title: "افتتاح جسر جديد فوق النهر", body: "افتتح الجسر صباح اليوم.", published: "2024-05-07T10:00:00Z")),
            tagged(item("soon", title: "جسر النهر يستقبل أول القوافل", body: "عبرت القافلة الجسر.",
                        published: DateParsing.iso8601(Date().addingTimeInterval(3 * 3600)))),
            tagged(item("far", title: "موعد افتتاح جسر في عام بعيد", body: "نص بتاريخ خاطئ.", published: "2099-03-01T08:00:00Z")),
        ]
        let store = try await makeStore(drafts)
        let app = try buildApplication(
            store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, adminToken: "s3cret"),
            logger: Logger(label: "test"))
        let two = ArabicCountedNoun.news(2), three = ArabicCountedNoun.news(3)   // خبران، 3 أخبار
        try await app.test(.router) { client in
            for uri in ["/tag/bridges", "/source/1", "/sources"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = String(buffer: response.body)
                    #expect(html.contains(two) && !html.contains(three), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/tags/bridges", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["articleCount"] as? Int == 2)
                #expect((json["articles"] as? [[String: Any]])?.count == 2)
                let related = json["related"] as? [[String: Any]] ?? []
                #expect(related.map { $0["slug"] as? String } == ["rivers"] && related.first?["together"] as? Int == 2, "\(related)")
            }
            try await client.execute(uri: "/api/tags", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let bridges = (json["tags"] as? [[String: Any]])?.first { $0["slug"] as? String == "bridges" }
                #expect(bridges?["articleCount"] as? Int == 2)
            }
            try await client.execute(uri: "/api/sources", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((json["sources"] as? [[String: Any]])?.map { $0["articleCount"] as? Int } == [2])
            }
            try await client.execute(uri: "/api/articles?source=1", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((json["articles"] as? [[String: Any]])?.count == 2)
            }
            // the imported outlet gains a feed: the answer counts its articles as /api/sources does
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"],
                                     body: ByteBuffer(string: #"{"url": "https://paper.example/rss.xml", "name": "صحيفة الاختبار"}"#)) { response in
                #expect(response.status == .created)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((json["id"] as? NSNumber)?.int64Value == 1 && json["articleCount"] as? Int == 2, "\(json)")
            }
        }
    }

    /// Search, its page and its feed leave out an article dated decades ahead as the lists do;
    /// one a few hours ahead is found.
    @Test func searchLeavesOutArticlesDatedFarAhead() async throws {
        let soon = DateParsing.iso8601(Date().addingTimeInterval(3 * 3600))
        let drafts = [
            item("soon", title: "وصول قافلة المساعدات إلى الميناء", body: "وصلت القافلة بعد رحلة طويلة.", published: soon),
            item("far", title: "موعد مؤتمر المياه في عام بعيد", body: "نص بتاريخ خاطئ عن مؤتمر المياه.", published: "2099-03-01T08:00:00Z"),
        ].map { AnalysisStage().prepare($0.draft) }
        try await withApp(drafts) { client in
            // search, its page and its feed leave it out as well; the one a few hours ahead is found
            let far = "%D9%85%D8%A4%D8%AA%D9%85%D8%B1%20%D8%A7%D9%84%D9%85%D9%8A%D8%A7%D9%87"     // مؤتمر المياه
            let soonQuery = "%D9%82%D8%A7%D9%81%D9%84%D8%A9"                                       // قافلة
            for uri in ["/api/search?q=\(far)", "/search?q=\(far)", "/search.rss?q=\(far)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(!String(buffer: response.body).contains("article/far") && !String(buffer: response.body).contains("\"far\""), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/search?q=\(soonQuery)", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"soon\""))
            }
        }
    }

    /// A key phrase's address as the word is spelled (ة, hamza seats) leads to its folded slug.
    @Test func tagAddressInEverydaySpelling() async throws {
        let drafts = [Self.tagged(item("lira", title: "تراجع الليرة أمام الدولار", body: "تراجعت الليرة اليوم.",
                                       published: "2024-05-07T10:00:00Z"), "الليره", "الليرة")]
        try await withApp(drafts) { client in
            try await client.execute(uri: "/tag/%D8%A7%D9%84%D9%84%D9%8A%D8%B1%D8%A9", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/tag/%D8%A7%D9%84%D9%84%D9%8A%D8%B1%D9%87")
            }
            try await client.execute(uri: "/tag/%D8%A7%D9%84%D9%84%D9%8A%D8%B1%D9%87", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A person the gazetteer does not know, typed in another spelling or by the slug a found
    /// name had before spellings shared one, leads to the person's page.
    @Test func personTagAddressInAnotherSpelling() async throws {
        let slug = Tagger.personSlug("ريتشارد غرينيل")
        let drafts = [Self.tagged(item("envoy", title: "ريتشارد غرينيل يزور برلين", body: "وصل ريتشارد غرينيل إلى برلين.",
                                       published: "2024-05-07T10:00:00Z"), slug, "ريتشارد غرينيل", type: "person"),
                      Self.tagged(item("envoy2", title: "ريتشارد غرينيل يلتقي الوزير", body: "التقى ريتشارد غرينيل الوزير.",
                                       published: "2024-05-07T11:00:00Z"), slug, "ريتشارد غرينيل", type: "person"),
                      Self.tagged(item("envoy3", title: "ريتشارد جرينيل في ميونخ", body: "وصل ريتشارد جرينيل إلى ميونخ.",
                                       published: "2024-05-07T12:00:00Z"), slug, "ريتشارد جرينيل", type: "person")]
        try await withApp(drafts) { client in
            for typed in ["ريتشارد-جرينيل", "ريتشارد-غرينيل"] {
                let uri = "/tag/" + typed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(typed)")
                    #expect(response.headers[.location] == "/tag/" + slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!, "\(typed)")
                }
            }
            try await client.execute(uri: "/tag/" + slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!, method: .get) { response in
                #expect(response.status == .ok)
                // headed by the spelling most of its articles give, the other one listed
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>ريتشارد غرينيل</h1>") || page.contains(">ريتشارد غرينيل</h1>"), "\(page.prefix(2000))")
                #expect(page.contains("يُكتب أيضاً: ريتشارد جرينيل"))
            }
            // a name no tag's spelling shares is still not found
            let other = "/tag/" + "ريتشارد-غرين".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            try await client.execute(uri: other, method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    /// A tag row left with no article (re-tagging moved its articles elsewhere) is no page, no
    /// feed and no API answer, and a typed name leads past it to the entity named so.
    @Test func aTagLeftWithNoArticleIsNoTag() async throws {
        let jeddah = Self.tagged(item("jed", title: "افتتاح ميناء جديد في جدة", body: "افتتحت السلطات ميناء جديدا في جدة.",
                                      published: "2024-05-07T10:00:00Z"), "jeddah", "جدة", type: "place")
        let other = Self.tagged(item("oth", title: "معرض للزهور في المدينة", body: "افتتح معرض للزهور.",
                                     published: "2024-05-07T11:00:00Z"), "جده", "جدة")
        let store = try await makeStore([jeddah, other])
        // re-tagged: the key phrase جده loses its only article, its row stays
        let seq = try #require(try await store.article(id: "oth")?.seq)
        try await store.replaceAnnotations([(seq, ArticleAnnotations(tags: [ArticleTag(slug: "flowers", name: "الزهور", type: "keyphrase", score: 1)],
                                                                     attribution: ArticleAttribution(), signature: []))])
        #expect(try await store.tag(slug: "جده") != nil)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let ghost = "%D8%AC%D8%AF%D9%87"          // جده
            // the typed name is the city's: past the empty key phrase, to the place
            for typed in ["%D8%AC%D8%AF%D8%A9", ghost] {   // جدة، جده
                try await client.execute(uri: "/tag/\(typed)", method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(typed)")
                    #expect(response.headers[.location] == "/tag/jeddah", "\(typed)")
                }
            }
            // the API and the feed lead there too, with what was asked of them
            for (uri, target) in [("/api/tags/\(ghost)?limit=5", "/api/tags/jeddah?limit=5"), ("/tag/\(ghost).rss", "/tag/jeddah.rss"),
                                  ("/tag/%D8%AC%D8%AF%D8%A9.atom", "/tag/jeddah.atom")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(uri)")
                    #expect(response.headers[.location] == target, "\(uri)")
                }
            }
            // a name nothing is tagged with is still not found
            for uri in ["/api/tags/nothing-at-all", "/tag/nothing-at-all.rss"] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .notFound, "\(uri)") }
            }
            try await client.execute(uri: "/tag/jeddah", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    /// A key phrase spelled like a known entity (the club الهلال, met without a cue) lists the
    /// entity's page first among its related tags.
    @Test func aKeyPhraseNamedLikeAnEntityLeadsToIt() async throws {
        let club = Self.tagged(item("club", title: "نادي الهلال يتعاقد مع مدرب", body: "أعلن نادي الهلال التعاقد مع مدرب جديد.",
                                    published: "2024-05-07T10:00:00Z"), "al-hilal", "الهلال", type: "organization")
        let phrase = Self.tagged(item("phrase", title: "الهلال يفوز", body: "فاز الهلال في المباراة.",
                                      published: "2024-05-07T11:00:00Z"), "الهلال", "الهلال")
        try await withApp([club, phrase]) { client in
            try await client.execute(uri: "/tag/%D8%A7%D9%84%D9%87%D9%84%D8%A7%D9%84", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let related = try #require(html.range(of: "وسوم ذات صلة:"))
                #expect(html[related.upperBound...].prefix(200).contains("href=\"/tag/al-hilal\""))
            }
            // the entity's own page has no such link to itself
            try await client.execute(uri: "/tag/al-hilal", method: .get) { response in
                #expect(!String(buffer: response.body).contains("href=\"/tag/al-hilal\""))
            }
        }
    }

    /// A page number past the last page says so and leads back to the last page with results.
    @Test func searchPastItsLastPage() async throws {
        try await withApp(Self.five.map { AnalysisStage().prepare($0.draft) }) { client in
            let q = "%D8%A7%D9%84%D8%B2%D9%8A%D8%AA%D9%88%D9%86"     // الزيتون: one article
            try await client.execute(uri: "/search?q=\(q)&page=3", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("لا نتائج في هذه الصفحة: كل النتائج في صفحة واحدة."))
                #expect(html.contains("href=\"/search?q=\(q)\">النتائج السابقة</a>"))
            }
        }
    }

    static let five: [PreparedArticle] = [
        ("a", "بدء موسم قطف الزيتون في القرى الجبلية", "08"), ("b", "ارتفاع منسوب المياه في السد بعد الأمطار", "09"),
        ("c", "تدشين خط حافلات يربط الجامعة بوسط المدينة", "10"), ("d", "معرض للكتاب المستعمل في الساحة القديمة", "11"),
        ("e", "فريق الحي يفوز بكأس البطولة المدرسية", "12"),
    ].map { id, title, hour in
        tagged(item(id, title: title, body: title + ".", published: "2024-06-02T\(hour):00:00Z"), "town", "المدينة")
    }

    /// The article ids a list page shows, in order, and its pager's links by label.
    static func read(_ html: String) -> (ids: [String], links: [String: String]) {
        var ids: [String] = []
        var rest = html[...]
        while let r = rest.range(of: #"href="/article/"#) {
            ids.append(String(rest[r.upperBound...].prefix { $0 != "\"" }))
            rest = rest[r.upperBound...]
        }
        var links: [String: String] = [:]
        if let nav = html.range(of: #"<nav class="pager""#) {
            for label in ["أخبار أحدث", "الصفحة الأولى", "أخبار أقدم"] {
                guard let end = html[nav.upperBound...].range(of: "\">\(label)</a>") else { continue }
                let before = html[nav.upperBound..<end.lowerBound]
                if let start = before.range(of: #"href=""#, options: .backwards) { links[label] = String(before[start.upperBound...]) }
            }
        }
        return (ids, links)
    }

    /// Older pages lead back: each has a newer link (an `after=` cursor, shown newest first) and
    /// one to the first page; paging newer until the newest lands on the first page itself.
    @Test(arguments: ["/latest", "/source/1", "/tag/town"])
    func listsPageBothWays(path: String) async throws {
        try await withApp(Self.five, pageSize: 2) { client in
            func get(_ uri: String) async throws -> (ids: [String], links: [String: String]) {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return Self.read(String(buffer: response.body))
                }
            }
            let first = try await get(path)
            #expect(first.ids == ["e", "d"])
            #expect(first.links.keys.sorted() == ["أخبار أقدم"])
            let second = try await get(try #require(first.links["أخبار أقدم"]))
            #expect(second.ids == ["c", "b"])
            #expect(second.links["الصفحة الأولى"] == path)
            let third = try await get(try #require(second.links["أخبار أقدم"]))
            #expect(third.ids == ["a"])
            #expect(third.links["أخبار أقدم"] == nil && third.links["الصفحة الأولى"] == path)
            let newer = try #require(third.links["أخبار أحدث"])
            #expect(newer.hasPrefix(path + "?after="))
            let back = try await get(newer)
            #expect(back.ids == ["c", "b"])
            #expect(back.links["أخبار أقدم"] != nil && back.links["أخبار أحدث"] != nil)
            let top = try await get(try #require(back.links["أخبار أحدث"]))
            #expect(top.ids == ["e", "d"])
            #expect(top.links.keys.sorted() == ["أخبار أقدم"])
            // past the oldest: nothing, and the way back to the first page
            let past = try await get(path + "?before=2000-01-01")
            #expect(past.ids.isEmpty && past.links["الصفحة الأولى"] == path)
        }
    }

    /// The API's lists page both ways too (`newer` is the `after` cursor); a bad `after` or both
    /// cursors at once is a 400.
    @Test func apiListsPageBothWays() async throws {
        try await withApp(Self.five) { client in
            func get(_ uri: String) async throws -> (ids: [String], next: String?, newer: String?) {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    let ids = (json["articles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    return (ids, json["next"] as? String, json["newer"] as? String)
                }
            }
            for list in ["/api/articles?", "/api/tags/town?"] {
                let first = try await get(list + "limit=2")
                #expect(first.ids == ["e", "d"] && first.newer == nil)
                let second = try await get(list + "limit=2&before=" + (try #require(first.next)))
                #expect(second.ids == ["c", "b"])
                let back = try await get(list + "limit=2&after=" + (try #require(second.newer)))
                #expect(back.ids == ["e", "d"] && back.newer == nil && back.next == first.next)
                let fromDate = try await get(list + "limit=1&after=2024-06-02T09:30:00Z")
                #expect(fromDate.ids == ["c"] && fromDate.newer != nil && fromDate.next != nil)
            }
            for uri in ["/api/articles?after=xyz", "/api/articles?after=9223372036854775807", "/api/tags/town?after=abc",
                        "/api/articles?before=2024-06-01&after=2024-05-01"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(String(buffer: response.body).contains("after"), "\(uri)")
                }
            }
            try await client.execute(uri: "/latest?after=abc", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("طلب غير صالح"))
            }
        }
    }
}

extension ListPageTests {
    /// Search pages by number (a ranked list has no position to page from): page 2 links back to
    /// page 1, which is the search's address without a page.
    @Test func searchPagesLinkBack() async throws {
        let analysis = AnalysisStage()
        let drafts = (1...23).map { i in
            analysis.prepare(ArticleDraft(id: "m-\(i)", title: "سوق الخضار يفتح أبوابه في الحي رقم \(i)",
                                          body: "يفتح السوق كل صباح ويغلق قبل الظهر.", url: "https://search.example/m-\(i)",
                                          published: Date(timeIntervalSince1970: 1_717_000_000 + Double(i) * 60),
                                          source: SourceDraft(name: "صحيفة أ")))
        }
        try await withApp(drafts) { client in
            let first = try await client.execute(uri: "/search?q=%D8%B3%D9%88%D9%82", method: .get) { String(buffer: $0.body) }
            #expect(first.contains(#"rel="next" href="/search?q=%D8%B3%D9%88%D9%82&amp;page=2""#))
            #expect(!first.contains(#"rel="prev""#))
            let second = try await client.execute(uri: "/search?q=%D8%B3%D9%88%D9%82&page=2", method: .get) { String(buffer: $0.body) }
            #expect(second.contains(#"rel="prev" href="/search?q=%D8%B3%D9%88%D9%82">"#))
            #expect(!second.contains(#"rel="next""#))
            let empty = try await client.execute(uri: "/search", method: .get) { String(buffer: $0.body) }
            #expect(!empty.contains(#"class="pager""#))
        }
    }
}
