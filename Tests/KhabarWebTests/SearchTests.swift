import Foundation
import HummingbirdTesting
import KhabarArabic
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import Testing

@testable import KhabarWeb
@testable import KhabarPipeline
import KhabarTestSupport

/// A small corpus of our own sentences, analyzed exactly as the importer does.
let searchCorpus: [PreparedArticle] = {
    let analysis = AnalysisStage()
    let rows: [(String, String, String, String)] = [
        ("s-1", "الحكومة تعلن خطة جديدة للمدارس", "أعلنت الحكومة خطة لبناء مئة مدرسة في المناطق الريفية خلال عامين.", "2024-03-01T08:00:00Z"),
        ("s-2", "افتتاح مستشفى في مدينة طنطا", "افتتح المحافظ مستشفى جديداً، وقال إن المدارس المجاورة ستستفيد من عيادته.", "2024-03-02T08:00:00Z"),
        ("s-3", "أرمينيا وأذربيجان تتبادلان الاتهامات", "تبادلت آرمينيا وأذربيجان الاتهامات بشأن الحدود، فيما دعت موسكو إلى التهدئة.", "2024-03-03T08:00:00Z"),
        ("s-4", "مباراة ودية بين فريقين من القاهرة", "انتهت المباراة الودية بالتعادل، وأشاد المدرب بأداء اللاعبين الشباب.", "2024-03-04T08:00:00Z"),
        ("s-5", "مستشفى ميداني على الحدود", "أقام الهلال الأحمر مستشفى ميدانياً قرب الحدود لاستقبال الجرحى.", "2024-03-05T08:00:00Z"),
        ("s-6", "وزير الصحة يزور المستشفيات", "زار وزير الصحة ثلاث مستشفيات، وأكد توفير الأدوية قبل نهاية الشهر.", "2024-03-06T08:00:00Z"),
    ]
    return rows.map { id, title, body, date in
        analysis.prepare(ArticleDraft(id: id, title: title, body: body, url: "https://search.example/\(id)",
                                      published: DateParsing.parse(date), source: SourceDraft(name: id == "s-6" ? "صحيفة ب" : "صحيفة أ")))
    }
}()

func searchStore() async throws -> SQLiteStore { try await makeStore(searchCorpus) }

@Suite(.scratch) struct SearchTests {
    func ids(_ engine: SearchEngine, _ query: String, filters: SearchEngine.Filters = .init()) async throws -> [String] {
        try await engine.search(query, filters: filters).results.map(\.hit.article.id)
    }

    @Test func spellingVariantsFindTheSameArticles() async throws {
        let engine = SearchEngine(index: try await searchStore())
        let plain = try await ids(engine, "ارمينيا")
        #expect(plain == ["s-3"])
        for variant in ["أرمينيا", "آرمينيا", "أَرْمِينِيَا", "ارمينـــيا", "إرمينيا"] {
            #expect(try await ids(engine, variant) == plain, "\(variant)")
        }
        // ى/ي and ة/ه
        #expect(try await ids(engine, "مدرسه") == (try await ids(engine, "مدرسة")))
        #expect(try await ids(engine, "مستشفي").sorted() == (try await ids(engine, "مستشفى")).sorted())
    }

    /// A store of (id, title, body) rows of one outlet, analyzed as the importer does.
    static func store(_ rows: [(String, String, String)], published: (String) -> String) async throws -> SQLiteStore {
        let analysis = AnalysisStage()
        return try await makeStore(rows.map { id, title, body in
            analysis.prepare(ArticleDraft(id: id, title: title, body: body, url: "https://search.example/\(id)",
                                          published: DateParsing.parse(published(id)), source: SourceDraft(name: "صحيفة أ")))
        })
    }

    /// The hamza of مسؤول sits on و in one outlet's spelling and on ي in another's (مسئول): a
    /// query in either finds both; a word with no such seat gets no variant.
    @Test func hamzaSeatsFindEachOther() async throws {
        let rows: [(String, String, String)] = [
            ("h-1", "مسؤول حكومي يزور الميناء", "قال مسؤول في الوزارة إن الأعمال ستنتهي قريبا."),
            ("h-2", "مسئول بالوزارة يتفقد المدارس", "تفقد مسئول بالوزارة عددا من المدارس في الصباح."),
            ("h-3", "افتتاح حديقة عامة", "افتتحت البلدية حديقة عامة جديدة."),
        ]
        let store = try await Self.store(rows) { id in "2024-04-0\(id.last!)T08:00:00Z" }
        let engine = SearchEngine(index: store)
        for query in ["مسؤول", "مسئول"] {
            #expect(try await ids(engine, query).sorted() == ["h-1", "h-2"], "\(query)")
        }
        #expect(engine.words(of: "حديقة").first?.variants.isEmpty == true)
    }

    /// A query longer than the limit is cut between words, not inside one.
    @Test func aLongQueryIsCutBetweenWords() {
        let engine = SearchEngine(index: NoIndex())
        let words = engine.words(of: String(repeating: "ترامب بوتين روسيا ", count: 300))
        #expect(words.map(\.exact) == ["ترامب", "بوتين", "روسيا"])
        #expect(SearchEngine.head("أبجد هوز حطي", characters: 6) == "أبجد")
        #expect(SearchEngine.head("أبجد", characters: 6) == "أبجد")
    }

    /// Names Arabic writes several ways: a query in one spelling finds the others, from the
    /// gazetteer's one-word aliases (ترامب/ترمب، أمريكا/أميركا).
    @Test func nameSpellingsFindEachOther() async throws {
        let rows: [(String, String, String)] = [
            ("n-1", "ترامب يستقبل ضيفه في المكتب البيضاوي", "رحب الرئيس بضيفه وبحثا ملف التجارة."),
            ("n-2", "ترمب يعلن قرارا جديدا بشأن التجارة", "أعلن ترمب قرارا يخص الرسوم الجمركية."),
            ("n-3", "وفد من أميركا يزور المنطقة", "يصل الوفد الأسبوع المقبل في جولة تشمل ثلاث عواصم."),
            ("n-4", "سفير أمريكا يلتقي وزير الخارجية", "بحث اللقاء التعاون في مجالات التعليم والصحة."),
        ]
        let store = try await Self.store(rows) { _ in "2024-03-01T08:00:00Z" }
        let variants = SpellingVariants(gazetteer: .standard)
        #expect(variants["ترامب"].contains("ترمب") && variants["امريكا"].contains("اميركا") && variants["فيسبوك"].contains("فايسبوك"))
        #expect(variants["مدرسه"].isEmpty)
        let engine = SearchEngine(index: store, variants: variants)
        #expect(Set(try await ids(engine, "ترامب")) == ["n-1", "n-2"])
        #expect(Set(try await ids(engine, "ترمب")) == ["n-1", "n-2"])
        #expect(Set(try await ids(engine, "أمريكا")) == ["n-3", "n-4"])
        #expect(Set(try await ids(engine, "أميركا")) == ["n-3", "n-4"])
        // without variants each spelling finds its own
        #expect(try await ids(SearchEngine(index: store), "ترامب") == ["n-1"])
        // the other spelling is highlighted too
        let snippet = try await engine.search("ترامب").results.first { $0.hit.article.id == "n-2" }?.snippet
        #expect(snippet?.contains { $0.match && $0.text.contains("ترمب") } == true)
    }

    /// A name typed with a proclitic the analyzer keeps (بمصر) finds the name's articles too.
    @Test func aNameWithAProcliticFindsTheName() async throws {
        let rows: [(String, String, String)] = [
            ("p-1", "مصر تفتتح مشروعا جديدا للطاقة", "أعلنت الحكومة بدء العمل في المشروع الشهر المقبل."),
            ("p-2", "مؤتمر اقتصادي بمصر الأسبوع المقبل", "يشارك في المؤتمر خبراء من عدة دول."),
            ("p-3", "أمطار غزيرة في العاصمة", "هطلت أمطار غزيرة صباح اليوم."),
        ]
        let store = try await Self.store(rows) { _ in "2024-03-01T08:00:00Z" }
        let variants = SpellingVariants(gazetteer: .standard)
        #expect(variants["بمصر"].contains("مصر") && variants["وبلبنان"].contains("لبنان"))
        // a name that starts with such a letter stays whole, and a word no name follows gets nothing
        #expect(!variants["لبنان"].contains("بنان") && variants["بيت"].isEmpty)
        #expect(Set(try await ids(SearchEngine(index: store, variants: variants), "بمصر")) == ["p-1", "p-2"])
        #expect(try await ids(SearchEngine(index: store), "بمصر") == ["p-2"])
    }

    @Test func titleAndExactFormsRankFirst() async throws {
        let engine = SearchEngine(index: try await searchStore())
        // s-5 has مستشفى in its title and body; s-2 in its title; s-6 only a plural form in the title.
        let hits = try await ids(engine, "مستشفى")
        #expect(Set(hits.prefix(2)) == ["s-5", "s-2"])
        #expect(hits.contains("s-6") == false || hits.firstIndex(of: "s-6")! >= 2)
        // "المدارس" is written exactly in s-2's body; s-1 has only "للمدارس" (same stem) in its title.
        // Exact beats stem-only, and the stem still finds s-1.
        let schools = try await ids(engine, "المدارس")
        #expect(schools == ["s-2", "s-1"])
        // The same exact form in a title beats it in a body.
        #expect(try await ids(engine, "للمدارس").first == "s-1")
    }

    /// A proclitic written onto a Latin name or a number, or a letter after a year, does not hide
    /// them: "CNN" finds لـCNN, "20" finds و20, "2018" finds 2018م, and the query written the
    /// same way finds them too.
    @Test func namesAndNumbersWrittenOntoArabicAreFound() async throws {
        let rows = [("m-1", "مسؤول لـCNN: الاتفاق قريب", "قال مسؤول كبير لـCNN إن الاتفاق بات قريباً."),
                    ("m-2", "ارتفاع عدد الزوار", "زار المتحف 300 ألف شخص و20 ألف طالب في 2018م."),
                    ("m-3", "خبر آخر", "لا أسماء لاتينية ولا أرقام هنا.")]
        let store = try await Self.store(rows) { _ in "2024-03-01T08:00:00Z" }
        let engine = SearchEngine(index: store)
        for query in ["CNN", "cnn", "لـCNN"] { #expect(try await ids(engine, query) == ["m-1"], "\(query)") }
        for query in ["20", "2018", "و20", "2018م"] { #expect(try await ids(engine, query) == ["m-2"], "\(query)") }
        let snippet = try await engine.search("CNN").results.first?.snippet ?? []
        #expect(snippet.contains { $0.match && $0.text == "CNN" })
    }

    /// Folding makes إمام one word with the stopword أمام and علي one with على: as typed they
    /// are names, kept; the stopwords as written are still dropped.
    @Test(arguments: [("عادل إمام", ["عادل", "امام"]), ("عادل أمام المحكمة", ["عادل", "المحكمه"]),
                      ("علي عبد الله صالح", ["علي", "عبد", "الله", "عبدالله", "صالح"]), ("هجوم على غزة", ["هجوم", "غزه"]),
                      ("آلية التنفيذ", ["اليه", "التنفيذ"]), ("على", ["علي"]),
                      // a stopword typed without its hamza is still the stopword
                      ("ترامب او ماكرون", ["ترامب", "ماكرون"]), ("مصر انه", ["مصر"]), ("اليمن اليه", ["اليمن"]),
                      ("السعودية ايضا", ["السعوديه"])])
    func wordsThatAreStopwordsOnlyOnceFoldedAreKept(query: String, words: [String]) {
        let engine = SearchEngine(index: NoIndex())
        #expect(engine.words(of: query).map(\.exact) == words, "\(query)")
    }

    /// A query word keeps its last letter as typed where the fold merges two (ى or ي, ة or ه):
    /// the spelled form that ranks articles writing it so first. Harakat and tatweel are no spelling.
    @Test(arguments: [("علي", "علي"), ("على", "على"), ("عَلَى", "على"), ("علـــي", "علي"), ("جدة", "جدة"), ("جده", "جده"),
                      ("مدرسةٌ", "مدرسة"), ("مستشفى", "مستشفى"), ("كتاب", nil), ("ترامب", nil), ("CNN", nil)])
    func queryWordsKeepTheirSpelling(query: String, spelled: String?) {
        let words = SearchEngine(index: NoIndex()).words(of: query)
        #expect(words.count == 1 && words.first?.spelled == spelled, "\(query): \(words)")
    }

    @Test func everyWordMustMatchUnlessNothingDoes() async throws {
        let engine = SearchEngine(index: try await searchStore())
        let both = try await engine.search("مستشفى الحدود")
        #expect(both.results.map(\.hit.article.id) == ["s-5"])
        #expect(!both.partialMatch)
        let partial = try await engine.search("مستشفى كوكب")
        #expect(partial.partialMatch)
        #expect(partial.total == 3)
    }

    @Test func filtersBySourceAndDate() async throws {
        let store = try await searchStore()
        let engine = SearchEngine(index: store)
        let b = try #require(try await store.sources().first { $0.name == "صحيفة ب" })
        #expect(try await ids(engine, "مستشفى وزير", filters: .init(sourceID: b.id)) == ["s-6"])
        let from = DateParsing.parse("2024-03-04")!
        #expect(try await ids(engine, "مستشفى", filters: .init(from: from)).sorted() == ["s-5", "s-6"])
        #expect(try await ids(engine, "مستشفى", filters: .init(to: from)) == ["s-2"])
    }

    @Test(arguments: ["", "   ", "!!! ؟؟ ...", "\"", "*", "NEAR(", "\" OR \"", "title_exact:x", String(repeating: "كلمة ", count: 2_000)])
    func absurdQueriesGetAnAnswerNotAnError(query: String) async throws {
        let engine = SearchEngine(index: try await searchStore())
        let response = try await engine.search(query)
        #expect(response.words.count <= SearchEngine.maxWords)
        #expect(response.total >= 0)
    }

    @Test func snippetsMarkTheOriginalText() {
        let engine = SearchEngine(index: NoIndex())
        let text = "قال المتحدث إنّ أَرْمِينِيا لن تنسحب، وإن آرمينيا ستواصل المفاوضات."
        let words = engine.words(of: "ارمينيا")
        let pieces = engine.snippet(text, words: words)
        #expect(pieces.filter(\.match).map(\.text) == ["أَرْمِينِيا", "آرمينيا"])
        #expect(pieces.map(\.text).joined() == text)
        #expect(Site.snippetHTML([("<b>", false), ("أرمينيا", true)]) == "&lt;b&gt;<mark>أرمينيا</mark>")
    }

    /// The passage that holds both query words beats one with more forms of a single word.
    @Test func snippetsPreferThePassageWithMoreQueryWords() {
        let engine = SearchEngine(index: NoIndex())
        let filler = Array(repeating: "وقال المتحدث في مؤتمر صحفي عقده اليوم", count: 6).joined(separator: " ")
        let text = "إيران والإيرانيون وطهران الإيرانية تتمسك بالاتفاق. " + filler + " ثم رد ترامب على إيران بعقوبات جديدة."
        let pieces = engine.snippet(text, words: engine.words(of: "ترامب إيران"))
        let marked = pieces.filter(\.match).map(\.text)
        #expect(marked.contains("ترامب") && marked.contains("إيران"), "\(marked)")
    }

    /// Among passages with as many query words, the one that writes a word as the query spells
    /// it: the name علي, not the preposition على that folds into it.
    @Test func snippetsPreferThePassageWithTheQuerysSpelling() {
        let engine = SearchEngine(index: NoIndex())
        let filler = Array(repeating: "وقال المتحدث في مؤتمر صحفي عقده اليوم", count: 6).joined(separator: " ")
        let text = "حرص الفريق على الفوز في المباراة الأخيرة. " + filler + " وسجل اللاعب علي هدف الفوز."
        let name = engine.snippet(text, words: engine.words(of: "علي")).filter(\.match).map(\.text)
        #expect(name == ["علي"], "\(name)")
        let preposition = engine.snippet(text, words: engine.words(of: "على")).filter(\.match).map(\.text)
        #expect(preposition == ["على"], "\(preposition)")
    }

    /// '+' is a space in a query string and "%2B" a plus; the next page's link keeps every
    /// parameter the reader set, `limit` included (page 2 of 50 repeated results 21–40).
    @Test func searchParametersReadAndWriteTheQueryString() throws {
        let p = SearchParameters(query: "q=C%2B%2B+%D8%BA%D8%B2%D8%A9&limit=50&q=second&from=2024-01-01")
        #expect(p.query == "C++ غزة")
        #expect(p.limit == "50" && p.from == "2024-01-01" && p.source == nil)
        #expect(p.queryString(page: 2) == "?q=C%2B%2B%20%D8%BA%D8%B2%D8%A9&from=2024-01-01&limit=50&page=2")
        #expect(SearchParameters(query: "q=a+b").queryString() == "?q=a%20b")
        #expect(SearchParameters(query: nil).query == "")
        #expect(SearchParameters(query: "q=%E0%A4").query == "%E0%A4", "bad escapes are kept as written")
    }

    @Test func searchPageAndAPI() async throws {
        let store = try await searchStore()
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let q = "أرمينيا".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/search?q=\(q)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("/article/s-3"))
                #expect(html.contains("<mark>آرمينيا</mark>"))
                #expect(html.contains(#"value="أرمينيا""#))
            }
            try await client.execute(uri: "/api/search?q=\(q)", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["total"] as? Int == 1)
                let hit = (json?["hits"] as? [[String: Any]])?.first
                #expect(hit?["id"] as? String == "s-3")
                #expect(hit?["source"] as? String == "صحيفة أ")
                #expect((hit?["score"] as? Double ?? 0) > 0)
                #expect((hit?["snippet"] as? String)?.contains("آرمينيا") == true)
            }
            for uri in ["/search?q=%22+NEAR(", "/search?q=" + String(repeating: "x", count: 10_000), "/search", "/search?q=%2A"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri.prefix(40))")
                }
            }
            try await client.execute(uri: "/search?q=x&from=yesterday", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            // a range ending before it starts is named, on the page and in the API; one day is a range
            for uri in ["/search?q=x&from=2018-05-10&to=2018-05-01", "/api/search?q=x&from=2018-05-10&to=2018-05-01"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(String(buffer: response.body).contains(uri.hasPrefix("/api/") ? "to: 2018-05-01 is before from (2018-05-10)"
                                                                   : "تاريخ «to» ‏(2018-05-01) قبل تاريخ «from» ‏(2018-05-10)"), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/search?q=x&from=2018-05-10&to=2018-05-10", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/search?q=%3C%3E", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["total"] as? Int == 0)
            }
            for uri in ["/api/search", "/api/search?q=", "/api/search?q=%20%20"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(String(buffer: response.body).contains("q: a search query is required"), "\(uri)")
                }
            }
        }
    }
}

/// A source id is 1 or more: 0 and -1 name no source there could ever be, so they are read as
/// "abc" is, a 400 naming the parameter, not looked up and answered 404 "no source -1".
@Suite(.scratch) struct SourceFilterTests {
    @Test func aSourceIdBelowOneIsABadRequest() async throws {
        try await withApp { client in
            for value in ["-1", "0", "abc", "-9223372036854775808"] {
                for uri in ["/search?source=\(value)", "/search?q=x&source=\(value)", "/search.rss?q=x&source=\(value)",
                            "/api/search?q=x&source=\(value)", "/api/articles?source=\(value)"] {
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .badRequest, "\(uri)")
                        let body = String(buffer: response.body)
                        if uri.hasPrefix("/api/") {
                            #expect(body.contains("source: expected a numeric source id (1 or more)"), "\(uri): \(body.suffix(300))")
                        } else {
                            #expect(body.contains("قيمة «source» رقم مصدر") && !body.contains("expected"), "\(uri): \(body.suffix(300))")
                        }
                    }
                }
            }
            // the smallest id there is still reads, and an unknown one is still not found
            try await client.execute(uri: "/api/search?q=x&source=1", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/articles?source=99", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

struct NoIndex: SearchIndex {
    func search(_ query: SearchQuery) async throws -> SearchResults { SearchResults(total: 0, hits: [], partialMatch: false) }
}
