import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

func makeStore(_ drafts: [PreparedArticle]) async throws -> SQLiteStore {
    let dir = try Scratch.makeDirectory()
    let store = try SQLiteStore(path: dir.appendingPathComponent("k.sqlite").path)
    _ = try await store.upsert(drafts)
    return store
}

func item(_ id: String, title: String, body: String, source: String = "صحيفة الاختبار", published: String,
          url: String? = nil, author: String? = nil, categoryAr: String? = nil) -> PreparedArticle {
    PreparedArticle(
        draft: ArticleDraft(id: id, title: title, body: body, author: author, url: url ?? "https://paper.example/\(id)",
                            published: DateParsing.parse(published), category: categoryAr == nil ? nil : "culture",
                            categoryAr: categoryAr, source: SourceDraft(name: source, domain: "paper.example")),
        indexed: nil, stage: .stored)
}

let sample: [PreparedArticle] = [
    item("w-1", title: "افتتاح مكتبة عامة جديدة في تونس", body: "افتتحت البلدية مكتبة عامة.\n\nوتضم المكتبة عشرة آلاف كتاب.",
         published: "2024-05-07T10:00:00Z", author: "تونس - مراسلنا", categoryAr: "ثقافة"),
    item("w-2", title: "إطلاق هاتف Galaxy S24 في الأسواق العربية", body: "أعلنت الشركة طرح هاتف Galaxy S24 بسعر 999 دولاراً.",
         published: "2024-05-08T09:00:00Z"),
    item("w-3", title: "عنوان فيه <script>alert('x')</script> & رموز", body: "سطر <b>عريض</b> & \"مقتبس\"",
         source: "مصدر <i>خطر</i>", published: "2024-05-08T12:00:00Z", url: "javascript:alert(1)"),
]

func withApp(_ drafts: [PreparedArticle] = sample, pageSize: Int = 40,
             _ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
    let store = try await makeStore(drafts)
    let app = try buildApplication(
        store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, pageSize: pageSize),
        logger: Logger(label: "test"))
    try await app.test(.router, body)
}

@Suite(.scratch) struct RouteTests {
    /// One address per page: a trailing slash or doubled slashes redirect to the path without
    /// them; a 400 page names the value it could not read.
    @Test func oneAddressPerPageAndNamedBadValues() async throws {
        try await withApp { client in
            for (uri, target) in [("/latest/", "/latest"), ("//latest?before=2024-05-08", "/latest?before=2024-05-08"),
                                  ("/article/w-1/", "/article/w-1"), ("/api//stories", "/api/stories")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(uri)")
                    #expect(response.headers[.location] == target, "\(uri)")
                }
            }
            try await client.execute(uri: "/latest?before=abc", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("في عنوان هذه الصفحة قيمة لا يمكن قراءتها («before»)."))
            }
        }
        #expect(Site.parameterNames("before, after: give one of them") == " («before»، «after»)")
        #expect(Site.parameterNames("bad request") == "")
        #expect(Site.parameterNames("q: 10,000 characters at most") == " («q»)")
    }

    @Test func articlePageIsRTLWithOutletLineDateAndParagraphs() async throws {
        try await withApp { client in
            try await client.execute(uri: "/article/w-1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
                #expect(html.contains("<h1>افتتاح مكتبة عامة جديدة في تونس</h1>"))
                #expect(html.contains(#"المصدر: <a href="/source/1"><bdi>صحيفة الاختبار</bdi></a>"#))
                #expect(html.contains(#"<time datetime="2024-05-07T10:00:00Z">الثلاثاء 7 مايو 2024 - 10:00 بتوقيت غرينتش</time>"#))
                #expect(html.contains("<p>افتتحت البلدية مكتبة عامة.</p>"))
                #expect(html.contains("<p>وتضم المكتبة عشرة آلاف كتاب.</p>"))
                #expect(html.contains("ثقافة"))
                #expect(html.contains("تونس - مراسلنا"))
                #expect(html.contains(#"href="https://paper.example/w-1""#))
                // Blocks that do not exist yet are not rendered as placeholders.
                #expect(!html.contains("كلمات دلالية"))
                #expect(!html.contains("اقرأ أيضاً"))
                #expect(!html.contains("http://") && !html.contains("https://fonts"))
            }
        }
    }

    /// The links the site writes resolve when a browser sends them percent-encoded: an Arabic tag
    /// slug, and an id holding Arabic letters, `/`, `?`, `%` and a space. HEAD answers as GET does.
    @Test func percentEncodedLinksResolve() async throws {
        var tagged = item("t-1", title: "مفاوضات سد النهضة", body: "نص عن السد", published: "2024-05-09T10:00:00Z")
        tagged.annotations = ArticleAnnotations(
            tags: [ArticleTag(slug: "سد-النهضة", name: "سد النهضة", type: "keyphrase", score: 1)],
            attribution: ArticleAttribution(), signature: [])
        let oddID = "خبر/أول?x=1%41 ب"
        let odd = item(oddID, title: "معرف غريب", body: "نص", published: "2024-05-09T11:00:00Z")
        try await withApp([tagged, odd]) { client in
            let articleLink = Site.pathComponent(oddID)
            let latest = try await client.execute(uri: "/latest", method: .get) { String(buffer: $0.body) }
            #expect(latest.contains("href=\"/article/\(articleLink)\""))
            try await client.execute(uri: "/article/" + articleLink, method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("معرف غريب"))
            }
            let tagLink = Site.pathComponent("سد-النهضة")
            #expect(tagLink.hasPrefix("%D8"))
            try await client.execute(uri: "/article/t-1", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/tag/\(tagLink)\""))
            }
            for uri in ["/tag/" + tagLink, "/tag/\(tagLink).rss", "/api/tags/" + tagLink, "/api/articles/" + articleLink] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/tags/" + tagLink, method: .get) { response in
                #expect(String(buffer: response.body).contains("سد النهضة"))
            }
            try await client.execute(uri: "/tag/" + tagLink, method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    /// Every answer says nosniff, feeds and JSON included: they carry fetched text too.
    @Test func nosniffOnEveryAnswer() async throws {
        try await withApp { client in
            for uri in ["/", "/feed.rss", "/api/articles", "/api/articles/none", "/healthz", "/static/khabar.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                }
            }
        }
    }

    @Test func latinRunsAreIsolated() async throws {
        try await withApp { client in
            try await client.execute(uri: "/article/w-2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<bdi>Galaxy S24</bdi>"))
                #expect(html.contains("بسعر 999 دولاراً"))
            }
        }
    }

    @Test func everythingIsEscapedAndUnsafeLinksAreDropped() async throws {
        try await withApp { client in
            try await client.execute(uri: "/article/w-3", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; رموز"))
                #expect(html.contains("سطر &lt;<bdi>b</bdi>&gt;عريض&lt;/<bdi>b</bdi>&gt; &amp; &quot;مقتبس&quot;"))
                #expect(!html.contains("<b>"))
                #expect(!html.contains("<i>خطر</i>"))
                #expect(!html.contains("javascript:"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
        }
    }

    @Test func homeListsNewestFirstGroupedByDayAndPaginates() async throws {
        try await withApp(pageSize: 2) { client in
            var nextLink = ""
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let newer = try #require(html.range(of: "w-3"))
                let older = try #require(html.range(of: "w-2"))
                #expect(newer.lowerBound < older.lowerBound)
                #expect(html.contains("<h2>الأربعاء 8 مايو 2024</h2>"))
                #expect(!html.contains("w-1"))
                // No stories yet (nothing clustered): the home page falls back to the chronological list.
                let link = try #require(html.range(of: #"href="/latest?before="#))
                nextLink = String(html[link.upperBound...].prefix { $0 != "\"" })
            }
            try await client.execute(uri: "/latest?before=\(nextLink)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("/article/w-1"))
                #expect(html.contains("<h2>الثلاثاء 7 مايو 2024</h2>"))
                #expect(!html.contains("/article/w-2"))
                #expect(!html.contains(#"rel="next""#))
            }
        }
    }

    @Test func sourcePagesListTheOutletsArticles() async throws {
        try await withApp { client in
            try await client.execute(uri: "/source/1", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("<h1>صحيفة الاختبار</h1>"))
                #expect(html.contains("/article/w-1") && html.contains("/article/w-2"))
                #expect(!html.contains("/article/w-3"))
            }
            try await client.execute(uri: "/sources", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<a href="/source/1"><bdi>صحيفة الاختبار</bdi></a>"#))
                #expect(html.contains("مصدر &lt;i&gt;خطر&lt;/i&gt;"))
            }
        }
    }

    @Test func unknownIDsAndPathsGetAClear404Page() async throws {
        try await withApp { client in
            for uri in ["/article/nope", "/source/999", "/source/abc", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let html = String(buffer: response.body)
                    #expect(html.contains("الصفحة غير موجودة"), "\(uri)")
                    #expect(html.contains(#"dir="rtl""#))
                }
            }
            try await client.execute(uri: "/?before=not-a-date", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("طلب غير صالح"))
            }
        }
    }

    /// A 400 on the Arabic site says what is wrong in Arabic, naming the parameter as sent; the
    /// JSON API keeps its English text (the page showed «before: expected a date (2018-05-08) or
    /// a cursor, got abc»).
    @Test func badRequestPagesSayItInArabicAndTheAPIInEnglish() async throws {
        let english = ["expected", "give one", "is required", "NUL character", "percent-escape", "UTF-8 text", "is before", "got "]
        let pages: [(uri: String, names: String)] = [
            ("/latest?before=abc", "«before»"), ("/latest?before=2018-05-08&after=2018-05-01", "«after»"),
            ("/source/1?after=zz", "«after»"), ("/search?q=x&from=zz", "«from»"), ("/search?q=x&to=zz", "«to»"),
            ("/search?q=x&from=2018-05-02&to=2018-05-01", "«to»"), ("/search?q=x&page=0", "«page»"),
            ("/search?q=x&source=abc", "«source»"), ("/tags?period=year", "«period»"), ("/tags?type=x", "«type»"),
            ("/search.rss", "«q»"), ("/latest?q=%ZZ", "«q»"), ("/latest?q=%E0%A4", "«q»"), ("/tag/russia%00x", "NUL"),
        ]
        try await withApp { client in
            for (uri, names) in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let html = String(buffer: response.body)
                    #expect(html.contains("طلب غير صالح") && html.contains(names), "\(uri)")
                    for words in english { #expect(!html.contains(words), "\(uri): \(words)") }
                }
            }
            try await client.execute(uri: "/api/articles?before=abc", method: .get) { response in
                #expect(response.status == .badRequest)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                #expect(json?["error"] == "before: expected a date (2018-05-08) or a cursor, got abc")
            }
            try await client.execute(uri: "/api/search?q=%ZZ", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("is not a percent-escape"))
            }
        }
    }

    @Test func apiArticleAndList() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/articles/w-1", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["id"] as? String == "w-1")
                #expect(json?["published"] as? String == "2024-05-07T10:00:00Z")
                #expect((json?["body"] as? String)?.contains("مكتبة") == true)
                #expect((json?["source"] as? [String: Any])?["name"] as? String == "صحيفة الاختبار")
            }
            try await client.execute(uri: "/api/articles?source=1&limit=1", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let articles = json?["articles"] as? [[String: Any]]
                #expect(articles?.map { $0["id"] as? String } == ["w-2"])
                #expect(articles?.first?["body"] == nil)
                let next = try #require(json?["next"] as? String)
                try await client.execute(uri: "/api/articles?source=1&limit=5&before=\(next)", method: .get) { response in
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect((json?["articles"] as? [[String: Any]])?.map { $0["id"] as? String } == ["w-1"])
                    #expect(json?["next"] == nil)
                }
            }
            try await client.execute(uri: "/api/articles?before=2024-05-08", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((json?["articles"] as? [[String: Any]])?.map { $0["id"] as? String } == ["w-1"])
            }
        }
    }

    @Test func apiErrorsAreJSON() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/articles/missing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(String(buffer: response.body).contains("missing"))
            }
            // an outlet that does not exist is not found, not an empty list (-1 is no id: a 400)
            for id in ["99"] {
                try await client.execute(uri: "/api/articles?source=\(id)", method: .get) { response in
                    #expect(response.status == .notFound, "\(id)")
                    #expect(String(buffer: response.body).contains("no source \(id)"), "\(id)")
                }
            }
            for uri in ["/api/articles?limit=0", "/api/articles?limit=abc", "/api/articles?source=x", "/api/articles?source=-1",
                        "/api/articles?before=xyz",
                        // seconds past year 9999 overflowed on their way to the store and stopped the server
                        "/api/articles?before=9223372036854775807", "/api/articles?before=-9223372036854775808.5",
                        "/api/articles?before=999999999999"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                }
            }
        }
    }

    @Test func healthAndStylesheet() async throws {
        try await withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/static/khabar.css", method: .get) { response in
                let css = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(css.contains("margin-inline") && !css.contains("margin-left") && !css.contains("@import"))
            }
        }
    }

    /// The home page is rendered once per `homePageCacheSeconds`; 0 renders it for every request.
    @Test(arguments: [60.0, 0.0])
    func theHomePageIsKeptForItsCacheTime(seconds: Double) async throws {
        let store = try await makeStore(sample)
        let app = try buildApplication(
            store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, homePageCacheSeconds: seconds),
            logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("w-new"))
            }
            _ = try await store.upsert([item("w-new", title: "خبر وصل بعد عرض الصفحة", body: "نص الخبر الجديد.",
                                             published: "2024-05-09T08:00:00Z")])
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("w-new") == (seconds == 0))
            }
            // every other page reads the store at once
            try await client.execute(uri: "/latest", method: .get) { response in
                #expect(String(buffer: response.body).contains("w-new"))
            }
        }
    }

    /// What a reader meets at the edges: past the oldest article, a bad address, a huge title,
    /// the stylesheet's versioned address, an hour before ten.
    @Test func edgesOfThePagesReadWell() async throws {
        let long = String(repeating: "عنوان طويل جداً ", count: 300)
        let drafts = sample + [item("w-long", title: long, body: "نص.", published: "2024-05-06T04:05:00Z")]
        try await withApp(drafts) { client in
            try await client.execute(uri: "/latest?before=2000-01-01", method: .get) { response in
                #expect(String(buffer: response.body).contains("لا توجد أخبار أقدم."))
                #expect(!String(buffer: response.body).contains("khabar import"))
            }
            try await client.execute(uri: "/latest?before=abc", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(html.contains("في عنوان هذه الصفحة قيمة لا يمكن قراءتها («before»).") && html.contains(#"<a href="/">"#))
            }
            try await client.execute(uri: "/article/w-long", method: .get) { response in
                let html = String(buffer: response.body)
                let title = try #require(html.range(of: "<title>")).upperBound..<(try #require(html.range(of: "</title>")).lowerBound)
                #expect(html[title].count < 100, "\(html[title].count)")
                #expect(html.contains(#"<link rel="stylesheet" href="/static/khabar.css?v=\#(Site.cssVersion)">"#))
                #expect(html.contains("الاثنين 6 مايو 2024 - 04:05"))
            }
        }
    }

    @Test func emptySiteShowsAHelpfulMessage() async throws {
        try await withApp([]) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("khabar import"))
            }
        }
    }
}

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("نص عربي فقط", "نص عربي فقط"),
        ("شعار WE CONNECT PEOPLE.", "شعار <bdi>WE CONNECT PEOPLE</bdi>."),
        ("النتيجة 2-1 للفريق", "النتيجة <bdi>2-1</bdi> للفريق"),
        ("عام 2018 كان", "عام 2018 كان"),
        ("a<b", "<bdi>a&lt;b</bdi>"),
        ("كلمة a<b", "كلمة <bdi>a</bdi>&lt;<bdi>b</bdi>"),
        // no right-to-left letter: one run, brackets and all
        ("Breaking: Apple opens in Dubai (2024)", "<bdi>Breaking: Apple opens in Dubai (2024)</bdi>"),
        ("2024", "2024"),
        ("موقع bbc.com/arabic اليوم", "موقع <bdi>bbc.com/arabic</bdi> اليوم"),
    ])
    func isolation(input: String, expected: String) {
        #expect(HTMLText.isolated(input) == expected)
    }

    @Test func escapeCoversTheFiveCharacters() {
        #expect(HTMLText.escape(#"<a href="x" onclick='y'>&</a>"#)
            == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    }
}
