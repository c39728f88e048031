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

/// Query syntax as the site reads it (phrases, `-`, `OR`), its snippets, and the `tag=` filter of
/// the page, the API and the feeds. (Both backends' hits for the syntax: SearchSyntaxContractTests.)
@Suite(.scratch) struct SearchSyntaxTests {
    let engine = SearchEngine(index: NoIndex())

    /// The clauses of a query as the words' exact forms: a phrase's words joined by spaces.
    func clauses(_ query: String) -> [[String]] {
        engine.terms(of: query).clauses.map { $0.terms.map(Self.shown) }
    }

    func excluded(_ query: String) -> [String] { engine.terms(of: query).excluded.map(Self.shown) }

    static func shown(_ term: SearchTerm) -> String {
        switch term {
        case let .word(w): w.exact
        case let .phrase(ws): "\"" + ws.map(\.exact).joined(separator: " ") + "\""
        }
    }

    @Test func theSyntaxIsReadIntoPieces() {
        typealias Item = QuerySyntax.Item
        func text(_ s: String, _ excluded: Bool = false) -> Item { Item(piece: .text(s), excluded: excluded) }
        func phrase(_ s: String, _ excluded: Bool = false) -> Item { Item(piece: .phrase(s), excluded: excluded) }
        let or = Item(piece: .or, excluded: false)
        #expect(QuerySyntax.read("وزير \"الخارجية الروسي\" -روسيا -\"وزير الدفاع\" ترامب OR بايدن")
            == [text("وزير"), phrase("الخارجية الروسي"), text("روسيا", true), phrase("وزير الدفاع", true), text("ترامب"), or, text("بايدن")])
        // Arabic and typographic quote marks; text written onto a phrase is a piece of its own
        #expect(QuerySyntax.read("«وزير الخارجية» “الأمم المتحدة”") == [phrase("وزير الخارجية"), phrase("الأمم المتحدة")])
        #expect(QuerySyntax.read("قال\"وزير الخارجية\"أمس") == [text("قال"), phrase("وزير الخارجية"), text("أمس")])
        // an unclosed quote runs to the end; a lone '-' and a hyphen inside a word are punctuation
        #expect(QuerySyntax.read("\"وزير الخارجية") == [phrase("وزير الخارجية")])
        #expect(QuerySyntax.read("روسيا -\"وزير الخارجية") == [text("روسيا"), phrase("وزير الخارجية", true)])
        #expect(QuerySyntax.read("\"") == [phrase("")] && QuerySyntax.read("a \"b\" \"") == [text("a"), phrase("b"), phrase("")])
        #expect(QuerySyntax.read("- كوريا-الشمالية") == [text("كوريا-الشمالية")])
        // only OR in capitals, standing alone, is the operator
        #expect(QuerySyntax.read("a or b ORb -OR") == [text("a"), text("or"), text("b"), text("ORb"), text("OR", true)])
    }

    /// `OR` binds tighter than the implicit AND; an `OR` with nothing on one side is dropped, and
    /// an exclusion is never an alternative.
    @Test(arguments: [
        ("ترامب بايدن", [["ترامب"], ["بايدن"]]),
        ("ترامب OR بايدن", [["ترامب", "بايدن"]]),
        ("الانتخابات ترامب OR بايدن", [["الانتخابات"], ["ترامب", "بايدن"]]),
        ("ترامب OR بايدن OR \"كامالا هاريس\" الانتخابات", [["ترامب", "بايدن", "\"كامالا هاريس\""], ["الانتخابات"]]),
        ("OR ترامب", [["ترامب"]]),
        ("ترامب OR", [["ترامب"]]),
        ("ترامب OR OR بايدن", [["ترامب", "بايدن"]]),
        ("ترامب OR -بايدن OR روسيا", [["ترامب"], ["روسيا"]]),
        // a repeated word is looked for once, and is no alternative to itself
        ("ترامب OR ترامب بايدن", [["ترامب"], ["بايدن"]]),
        // OR between a stopword and a word: the stopword is dropped, so there is nothing to join
        ("في OR ترامب بايدن", [["ترامب"], ["بايدن"]]),
    ] as [(String, [[String]])])
    func orJoinsTheTermsBesideIt(query: String, expected: [[String]]) {
        #expect(clauses(query) == expected, "\(query)")
    }

    /// Stopwords are dropped outside quotes and kept inside; a query of stopwords keeps them; an
    /// excluded stopword is excluded as typed.
    @Test func stopwordsInAndOutOfQuotes() {
        #expect(clauses("وزير في الحكومة") == [["وزير"], ["الحكومه"]])
        #expect(clauses("\"وزير في الحكومة\"") == [["\"وزير في الحكومه\""]])
        #expect(clauses("على") == [["علي"]])
        #expect(clauses("في -روسيا") == [["في"]])
        #expect(excluded("في -روسيا") == ["روسيا"])
        #expect(excluded("ترامب -في") == ["في"])
        #expect(excluded("ترامب -من الحكومة") == ["من"], "a '-' takes only the text written onto it")
    }

    /// An excluded word carries its proclitic forms; a word looked for does not.
    @Test func anExcludedWordCarriesItsProcliticForms() throws {
        let query = engine.terms(of: "الطاقة -روسيا -\"وزير الخارجية\"")
        guard case let .word(russia) = try #require(query.excluded.first) else { Issue.record("not a word"); return }
        #expect(Set(["بروسيا", "وروسيا", "لروسيا", "وبروسيا"]).isSubset(of: Set(russia.exactForms)))
        guard case let .phrase(minister) = query.excluded[1] else { Issue.record("not a phrase"); return }
        #expect(minister[0].exactForms.contains("ووزير") && minister[1].exactForms == ["الخارجيه"])
        guard case let .word(energy) = query.clauses[0].terms[0] else { Issue.record("not a word"); return }
        #expect(energy.exactForms == ["الطاقه"])
    }

    /// A compound name is looked for joined and apart, however it is typed; inside quotes the
    /// phrase takes both writings; a stopword between two words keeps them apart.
    @Test(arguments: [
        ("أبو ظبي", [["\"ابو ظبي\"", "ابوظبي"]]),
        ("أبوظبي", [["ابوظبي", "\"ابو ظبي\""]]),
        ("مطار أبو ظبي الدولي", [["مطار"], ["\"ابو ظبي\"", "ابوظبي"], ["الدولي"]]),
        ("\"مطار أبوظبي\"", [["\"مطار ابوظبي\"", "\"مطار ابو ظبي\""]]),
        ("\"عبد الله وأبو ظبي\"", [["\"عبد الله وابو ظبي\"", "\"عبدالله وابو ظبي\""]]),
        ("\"عبد الله أبو ظبي\"", [["\"عبد الله ابو ظبي\"", "\"عبدالله ابو ظبي\"", "\"عبد الله ابوظبي\"", "\"عبدالله ابوظبي\""]]),
        ("عبدالله OR أبو ظبي", [["عبدالله", "\"عبد الله\"", "\"ابو ظبي\"", "ابوظبي"]]),
        ("عبد من الرحمن", [["عبد"], ["الرحمن"]]),
        ("عبده أبو", [["عبده"], ["ابو"]]),
    ] as [(String, [[String]])])
    func compoundNamesAreLookedForJoinedAndApart(query: String, expected: [[String]]) {
        #expect(clauses(query) == expected, "\(query)")
    }

    /// An excluded compound name is left out both ways, each with its proclitics.
    @Test func anExcludedCompoundNameIsLeftOutBothWays() throws {
        let query = engine.terms(of: "الإمارات -أبوظبي")
        #expect(query.excluded.map(Self.shown) == ["ابوظبي", "\"ابو ظبي\""])
        guard case let .word(joined) = query.excluded[0], case let .phrase(apart) = query.excluded[1] else {
            Issue.record("\(query.excluded)"); return
        }
        #expect(joined.exactForms.contains("وابوظبي") && apart[0].exactForms.contains("وابو"))
    }

    /// The query holds at most `maxWords` words in all: a long phrase is cut to its first words.
    @Test func aLongPhraseIsCutToTheWordLimit() {
        let phrase = (1...40).map { "كلمة\($0)" }.joined(separator: " ")
        let query = engine.terms(of: "بداية \"" + phrase + "\" نهاية")
        #expect(query.words.count == SearchEngine.maxWords)
        #expect(query.clauses.count == 2 && query.words.first?.exact == "بدايه")
    }

    /// A phrase's token sequences: each choice of forms, the phrase as typed first; past the cap
    /// later words keep only their own form.
    @Test func phraseSequences() {
        func word(_ exact: String, _ variants: [String] = []) -> SearchWord {
            SearchWord(exact: exact, stem: exact, variants: variants.map { .init(exact: $0, stem: $0) })
        }
        #expect(SearchTerm.phrase([word("دونالد"), word("ترامب", ["ترمب"])]).sequences == [["دونالد", "ترامب"], ["دونالد", "ترمب"]])
        let wide = SearchTerm.phrase([word("ا", (1...40).map { "ا\($0)" }), word("ب", ["ب1", "ب2"])])
        #expect(wide.sequences.count == 41 && wide.sequences.first == ["ا", "ب"])
        #expect(wide.sequences.count <= SearchTerm.maxSequences)
    }

    /// A phrase is marked as one piece, harakat and all, only where its words stand together.
    @Test func snippetsMarkAPhraseAsOnePiece() {
        let text = "قال وزير الدفاع إن الخارجية لم تعلق، ثم أكد وَزِيرُ الخَارِجِيَّةِ أن الزيارة قائمة."
        let pieces = engine.snippet(text, clauses: engine.terms(of: "\"وزير الخارجية\"").clauses)
        #expect(pieces.filter(\.match).map(\.text) == ["وَزِيرُ الخَارِجِيَّةِ"])
        #expect(pieces.map(\.text).joined() == text)
        // the words unquoted are marked wherever they stand
        let words = engine.snippet(text, words: engine.words(of: "وزير الخارجية")).filter(\.match).map(\.text)
        #expect(words == ["وزير", "الخارجية", "وَزِيرُ", "الخَارِجِيَّةِ"])
    }

    /// A phrase that the passage would cut is shown whole.
    @Test func aSnippetDoesNotCutAPhrase() {
        let text = "أ ب ت ث ج ح خ د ذ ر ز س"
        let phrase = SearchTerm.phrase(["ت", "ث", "ج", "ح", "خ"].map { SearchWord(exact: $0, stem: $0) })
        let pieces = engine.snippet(text, clauses: [SearchClause([phrase])], window: 4)
        #expect(pieces.filter(\.match).map(\.text) == ["ت ث ج ح خ"], "\(pieces)")
    }

    /// Our own sentences with the tags each carries (in place of the tagger's).
    static func taggedStore() async throws -> SQLiteStore {
        let analysis = AnalysisStage()
        let rows: [(String, String, String, [String])] = [
            ("t-1", "وزير الخارجية يزور موسكو", "وصل وزير الخارجية إلى موسكو في زيارة تستمر يومين.", ["russia", "diplomacy"]),
            ("t-2", "وزير الصحة يفتتح مستشفى", "افتتح وزير الصحة مستشفى جديدا في الريف.", ["health"]),
            ("t-3", "وزير المالية يعرض الميزانية", "عرض وزير المالية الميزانية على البرلمان.", ["economy"]),
        ]
        let names = ["russia": "روسيا", "diplomacy": "دبلوماسية", "health": "صحة", "economy": "اقتصاد"]
        return try await makeStore(rows.map { id, title, body, tags in
            var prepared = analysis.prepare(ArticleDraft(id: id, title: title, body: body, url: "https://tags.example/\(id)",
                                                         published: DateParsing.parse("2024-03-01T08:00:00Z"), source: SourceDraft(name: "صحيفة أ")))
            prepared.annotations?.tags = tags.map { ArticleTag(slug: $0, name: names[$0]!, type: $0 == "russia" ? "country" : "keyphrase", score: 1) }
            return prepared
        })
    }

    static func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    @Test func theTagFilterOnThePageTheAPIAndTheFeeds() async throws {
        let app = try buildApplication(store: try await Self.taggedStore(), configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        let minister = Self.encoded("وزير")
        try await app.test(.router) { client in
            try await client.execute(uri: "/search?q=\(minister)&tag=health", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("/article/t-2") && !html.contains("/article/t-1") && !html.contains("/article/t-3"))
                // the filter is named, kept by the form, and can be dropped
                #expect(html.contains(#"<input type="hidden" name="tag" value="health">"#))
                #expect(html.contains("<bdi>صحة</bdi>") && html.contains(#"href="/search?q=\#(minister)""#))
            }
            try await client.execute(uri: "/api/search?q=\(minister)&tag=economy", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["total"] as? Int == 1)
                #expect((json?["hits"] as? [[String: Any]])?.first?["id"] as? String == "t-3")
                #expect(json?["note"] == nil)
            }
            try await client.execute(uri: "/search.rss?q=\(minister)&tag=russia", method: .get) { response in
                #expect(response.status == .ok)
                let feed = String(buffer: response.body)
                #expect(feed.contains("/article/t-1") && !feed.contains("/article/t-2"))
                #expect(feed.contains("tag=russia"), "the feed's own link keeps the filter")
            }
            // a tag's page searches within the tag
            try await client.execute(uri: "/tag/economy", method: .get) { response in
                #expect(String(buffer: response.body).contains(#"<input type="hidden" name="tag" value="economy">"#))
            }
            // a tag typed by name is read as its slug, as its address is (/tag/روسيا is russia's)
            for uri in ["/api/search?q=\(minister)&tag=\(Self.encoded("روسيا"))", "/api/search?q=\(minister)&tag=russia"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect((json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["t-1"], "\(uri)")
                }
            }
            // an unknown tag is named, not an empty result
            for (uri, message) in [("/search?q=\(minister)&tag=no-such-tag", "لا يوجد وسم «no-such-tag»."),
                                   ("/search.atom?q=\(minister)&tag=no-such-tag", "لا يوجد وسم «no-such-tag»."),
                                   ("/api/search?q=\(minister)&tag=no-such-tag", "tag: no tag no-such-tag"),
                                   ("/api/search?q=\(minister)&source=999", "source: no source 999"),
                                   ("/search?q=\(minister)&source=999", "لا يوجد مصدر بالمعرّف «999».")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(String(buffer: response.body).contains(message), "\(uri): \(String(buffer: response.body).suffix(300))")
                }
            }
        }
    }

    @Test func syntaxOnThePageAndTheAPI() async throws {
        let app = try buildApplication(store: try await Self.taggedStore(), configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            // a phrase is marked whole; an exclusion leaves its articles out
            try await client.execute(uri: "/search?q=\(Self.encoded("\"وزير الصحة\""))", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<mark>وزير الصحة</mark>") && html.contains("/article/t-2") && !html.contains("/article/t-1"))
            }
            try await client.execute(uri: "/api/search?q=\(Self.encoded("وزير -موسكو -\"وزير المالية\""))", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["t-2"])
            }
            try await client.execute(uri: "/api/search?q=\(Self.encoded("الصحة OR المالية"))", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(Set((json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []) == ["t-2", "t-3"])
            }
            // only exclusions: an answer that says why, on the page and in the API
            try await client.execute(uri: "/search?q=\(Self.encoded("-موسكو"))", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("البحث يستبعد كلمات فقط"))
            }
            try await client.execute(uri: "/api/search?q=\(Self.encoded("-موسكو -\"وزير الصحة\""))", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["total"] as? Int == 0 && (json?["note"] as? String)?.contains("only excludes") == true)
            }
            // mistyped syntax and FTS5 syntax are answered, never an error page
            for q in ["\"", "\"وزير", "-", "- -", "OR", "OR OR", "وزير OR", "-\"\"", "\"*\"", "NEAR(وزير", "وزير:", "^وزير",
                      "{title_exact}:وزير", "\"وزير\" AND NOT OR", String(repeating: "-\"وزير OR ", count: 1_100)] {
                for path in ["/search", "/api/search", "/search.json"] {
                    try await client.execute(uri: "\(path)?q=\(Self.encoded(q))", method: .get) { response in
                        #expect(response.status == .ok, "\(path) \(q.prefix(30))")
                    }
                }
            }
            // the empty page explains the syntax
            try await client.execute(uri: "/search", method: .get) { response in
                #expect(String(buffer: response.body).contains("-كلمة تستبعد"))
            }
        }
    }

    /// The next page's link and the feeds keep the tag.
    @Test func theQueryStringKeepsTheTag() {
        let p = SearchParameters(query: "q=x&tag=russia&source=2")
        #expect(p.tag == "russia")
        #expect(p.queryString(page: 2) == "?q=x&source=2&tag=russia&page=2")
    }
}
