import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import Testing

@testable import KhabarWeb

/// The chronological lists (/latest, an outlet's page, a tag's page), their feeds and the API's
/// lists: which articles they hold and how they page.
@Suite struct ListPageTests {
    static func tagged(_ item: PreparedArticle, _ slug: String, _ name: String) -> PreparedArticle {
        var item = item
        item.annotations = ArticleAnnotations(tags: [ArticleTag(slug: slug, name: name, type: "keyphrase", score: 1)],
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
        }
    }
}
