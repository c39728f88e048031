import Foundation
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// An outlet stored under its Latin name (as the ANT corpus gives them) is shown by its Arabic
/// name on the pages and in the feeds; its stored name stays its identity, which the JSON API
/// keeps as `name` beside a `displayName`.
@Suite(.scratch) struct OutletNameTests {
    static let drafts: [PreparedArticle] = {
        var sky = item("sky-1", title: "ارتفاع أسعار الذهب في الأسواق", body: "ارتفعت أسعار الذهب صباح اليوم.",
                       source: "Sky News Arabia", published: "2024-05-07T10:00:00Z", url: "https://www.skynewsarabia.com/x/1")
        sky.draft.source.domain = "skynewsarabia.com"
        var local = item("hay-1", title: "افتتاح حديقة في الحي", body: "افتتحت البلدية حديقة جديدة.",
                         source: "Hay Paper", published: "2024-05-07T11:00:00Z")
        local.draft.source.domain = "hay-paper.example"
        return [sky, local]
    }()

    @Test func pagesAndFeedsShowAKnownOutletsArabicName() async throws {
        try await withApp(Self.drafts) { client in
            for uri in ["/article/sky-1", "/latest", "/sources", "/source/1", "/source/1.rss", "/source/1.atom", "/latest.json"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let text = String(buffer: response.body)
                    #expect(text.contains("سكاي نيوز عربية"), "\(uri)")
                    #expect(!text.contains("Sky News Arabia"), "\(uri)")
                }
            }
            // an outlet the gazetteer does not know keeps its name
            try await client.execute(uri: "/sources", method: .get) { response in
                #expect(String(buffer: response.body).contains("Hay Paper"))
            }
            try await client.execute(uri: "/api/sources", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let sources = try #require(json?["sources"] as? [[String: Any]])
                let sky = try #require(sources.first { $0["name"] as? String == "Sky News Arabia" })
                #expect(sky["displayName"] as? String == "سكاي نيوز عربية")
                let hay = try #require(sources.first { $0["name"] as? String == "Hay Paper" })
                #expect(hay["displayName"] == nil)
            }
            try await client.execute(uri: "/api/articles/sky-1", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let source = json?["source"] as? [String: Any]
                #expect(source?["name"] as? String == "Sky News Arabia" && source?["displayName"] as? String == "سكاي نيوز عربية")
            }
        }
    }
}
