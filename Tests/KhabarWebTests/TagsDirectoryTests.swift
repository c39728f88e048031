import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import NIOCore
import Testing

@testable import KhabarPipeline
@testable import KhabarWeb
import KhabarTestSupport

/// The topics directory: `/tags` and `/api/tags` count each tag's news over a period back from
/// the newest news, by type, and name a wrong parameter.
@Suite(.scratch) struct TagsDirectoryTests {
    /// Three news: two today about the same minister and country, one three weeks before about
    /// a key phrase. "Today" is the newest news, not the clock.
    static let drafts: [PreparedArticle] = {
        func tagged(_ item: PreparedArticle, _ tags: [(String, String, String)]) -> PreparedArticle {
            var item = item
            item.annotations = ArticleAnnotations(tags: tags.map { ArticleTag(slug: $0.0, name: $0.1, type: $0.2, score: 1) },
                                                  attribution: ArticleAttribution(), signature: [])
            return item
        }
        return [
            tagged(item("m1", title: "وزير الزراعة يزور السودان", body: "زار الوزير الخرطوم.", published: "2024-05-07T10:00:00Z"),
                   [("salim-haddad", "سليم حداد", "person"), ("sudan", "السودان", "country")]),
            tagged(item("m2", title: "وزير الزراعة يعود من السودان", body: "عاد الوزير من الخرطوم.", published: "2024-05-07T12:00:00Z"),
                   [("salim-haddad", "سليم حداد", "person"), ("sudan", "السودان", "country")]),
            tagged(item("old", title: "موسم حصاد القمح يبدأ", body: "بدأ حصاد القمح.", published: "2024-04-16T09:00:00Z"),
                   [("حصاد-القمح", "حصاد القمح", "keyphrase")]),
        ]
    }()

    @Test func thePageListsEachTypesTagsOfThePeriod() async throws {
        try await withApp(Self.drafts) { client in
            // a week by default: the minister and the country, each with its count, under its type
            try await client.execute(uri: "/tags", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let people = try #require(html.range(of: "<h2>أشخاص</h2>"))
                let countries = try #require(html.range(of: "<h2>دول</h2>"))
                #expect(people.upperBound < countries.lowerBound)
                #expect(html[people.upperBound..<countries.lowerBound].contains("href=\"/tag/salim-haddad\">سليم حداد</a> <span class=\"count\">خبران</span>"))
                #expect(!html.contains("حصاد القمح"))
                #expect(html.contains("<a href=\"/tags\" aria-current=\"page\">آخر أسبوع</a>"))
            }
            // every date: the key phrase too; one type: only its tags
            try await client.execute(uri: "/tags?period=all&type=keyphrase", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("حصاد القمح") && !html.contains("سليم حداد"))
                #expect(html.contains("<h1>موضوعات</h1>"))
            }
            // a day with no tag of the type says so
            try await client.execute(uri: "/tags?period=day&type=place", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("لا توجد وسوم لأخبار هذه المدة."))
            }
            // /tag (and /tag/, //tag/) lead to the directory in one hop, with what was asked of it
            for (uri, target) in [("/tag", "/tags"), ("/tag?period=all", "/tags?period=all"), ("/tag/", "/tags"),
                                  ("/tag/?period=all&type=place", "/tags?period=all&type=place"), ("//tag/", "/tags")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(uri)")
                    #expect(response.headers[.location] == target, "\(uri)")
                }
            }
            // the site's navigation links it
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/tags\">المواضيع</a>"))
            }
        }
    }

    /// A one-word topic typed with its article leads to its tag (key-phrase slugs drop it); an
    /// entity named so comes first.
    @Test func aTopicTypedWithItsArticleLeadsToItsTag() async throws {
        func tagged(_ id: String, _ slug: String, _ name: String, _ type: String) -> PreparedArticle {
            // a text of its own: one outlet's same title and body would be a repeat, counted once
            var draft = item(id, title: "خبر \(name)", body: "نص عن \(name) (\(id)).", published: "2024-05-07T10:00:00Z")
            draft.annotations = ArticleAnnotations(tags: [ArticleTag(slug: slug, name: name, type: type, score: 1)],
                                                   attribution: ArticleAttribution(), signature: [])
            return draft
        }
        let drafts = [tagged("d", "دولار", "الدولار", "keyphrase"), tagged("i", "india", "الهند", "country"),
                      tagged("h", "هند", "هند", "keyphrase"), tagged("e", "انتخابات-بلديه", "انتخابات بلدية", "keyphrase"),
                      tagged("m", "الغام", "ألغام", "keyphrase"), tagged("j", "jordan", "الأردن", "country"),
                      tagged("o", "oman", "عمان", "country"), tagged("g", "egypt", "مصر", "country"),
                      tagged("l", "libya", "ليبيا", "country"), tagged("t", "tripoli-lebanon", "طرابلس اللبنانية", "place"),
                      tagged("c1", "as-monaco", "موناكو", "organization"), tagged("c2", "as-monaco", "موناكو", "organization"),
                      tagged("mc", "monaco", "موناكو", "country")]
        try await withApp(drafts) { client in
            for (typed, target) in [("%D8%A7%D9%84%D8%AF%D9%88%D9%84%D8%A7%D8%B1", "/tag/%D8%AF%D9%88%D9%84%D8%A7%D8%B1"),   // الدولار → دولار
                                    ("%D8%A7%D9%84%D9%87%D9%86%D8%AF", "/tag/india"),                                       // الهند → india, not هند
                                    ("%D8%A7%D9%84%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA-%D8%A7%D9%84%D8%A8%D9%84%D8%AF%D9%8A%D8%A9", "/tag/%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA-%D8%A8%D9%84%D8%AF%D9%8A%D9%87"),   // الانتخابات-البلدية → انتخابات-بلديه
                                    ("%D8%A7%D9%84%D8%A3%D9%84%D8%BA%D8%A7%D9%85", "/tag/%D8%A7%D9%84%D8%BA%D8%A7%D9%85"),   // الألغام → الغام (أل is the word's own)
                                    ("%D8%B9%D9%85%D9%91%D8%A7%D9%86", "/tag/jordan"),   // عمّان, written with its shadda, is Amman: its country
                                    ("%D8%B9%D9%85%D8%A7%D9%86", "/tag/oman"),     // عمان alone is Oman
                                    ("%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9", "/tag/egypt"),    // a capital leads to its country
                                    ("cairo", "/tag/egypt"),
                                    ("%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3", "/tag/libya"),    // طرابلس: Libya's capital comes before the Lebanese city
                                    ("%D9%85%D9%88%D9%86%D8%A7%D9%83%D9%88", "/tag/monaco")] {   // the country before its club, whatever their counts
                try await client.execute(uri: "/tag/\(typed)", method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(typed)")
                    #expect(response.headers[.location] == target, "\(typed)")
                }
            }
            // the page asked for is kept: a list's place goes along
            try await client.execute(uri: "/tag/%D8%A7%D9%84%D8%AF%D9%88%D9%84%D8%A7%D8%B1?before=2024-05-08", method: .get) { response in
                #expect(response.headers[.location] == "/tag/%D8%AF%D9%88%D9%84%D8%A7%D8%B1?before=2024-05-08")
            }
        }
    }

    @Test func theAPIFiltersByTypeAndPeriod() async throws {
        try await withApp(Self.drafts) { client in
            func tags(_ uri: String) async throws -> [(slug: String, count: Int)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    return (json["tags"] as? [[String: Any]] ?? []).map { ($0["slug"] as? String ?? "", $0["articleCount"] as? Int ?? 0) }
                }
            }
            // the last week by default (the key phrase is three weeks older)
            #expect(try await tags("/api/tags").map(\.slug) == ["salim-haddad", "sudan"])
            #expect(try await tags("/api/tags?type=country").map(\.slug) == ["sudan"])
            let all = try await tags("/api/tags?period=all&limit=1")
            #expect(all.count == 1 && all.first?.count == 2)
            #expect(try await tags("/api/tags?period=month&type=keyphrase").map(\.slug) == ["حصاد-القمح"])
            #expect(try await tags("/api/tags?period=week&type=keyphrase").isEmpty)
        }
    }

    /// The page and the API count over the same period when none is asked: the one the API's
    /// document names, a week.
    @Test func thePageAndTheAPIDefaultToTheSamePeriod() async throws {
        func tagged(_ id: String, _ published: String, _ slug: String, _ name: String) -> PreparedArticle {
            var draft = item(id, title: "خبر عن \(name)", body: "نص قصير عن \(name).", published: published)
            draft.annotations = ArticleAnnotations(tags: [ArticleTag(slug: slug, name: name, type: "place", score: 1)],
                                                   attribution: ArticleAttribution(), signature: [])
            return draft
        }
        // the newest news, and one three days older: in the week, not in the day
        let drafts = [tagged("today", "2024-05-07T10:00:00Z", "aswan", "أسوان"), tagged("earlier", "2024-05-04T10:00:00Z", "luxor", "الأقصر")]
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let operation = ((document["paths"] as? [String: Any])?["/api/tags"] as? [String: Any])?["get"] as? [String: Any]
        let period = (operation?["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "period" }
        let documented = try #require((period?["schema"] as? [String: Any])?["default"] as? String)
        #expect(documented == "week")
        let label = try #require(Site.TagPeriod(rawValue: documented)).label
        try await withApp(drafts) { client in
            try await client.execute(uri: "/api/tags", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["period"] as? String == documented)
                #expect(Set((json["tags"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }) == ["aswan", "luxor"])
            }
            try await client.execute(uri: "/tags", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/tags\" aria-current=\"page\">\(label)</a>"))
                #expect(html.contains("href=\"/tag/luxor\">الأقصر</a>"))
            }
        }
    }

    @Test(arguments: [("/api/tags?period=year", "period"), ("/api/tags?type=city", "type"), ("/api/tags?limit=500", "limit"),
                      ("/tags?period=0", "period")])
    func aWrongParameterIsNamed(uri: String, parameter: String) async throws {
        try await withApp(Self.drafts) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                // the API in English ("period: expected …"), the page in Arabic, naming it alike
                #expect(String(buffer: response.body).contains(uri.hasPrefix("/api/") ? parameter + ":" : "«\(parameter)»"))
            }
        }
    }
}
