import Foundation
import HummingbirdTesting
import KhabarModel
import KhabarPipeline
import KhabarStorage
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// The seed page (`../shared/seed/seed-page.txt`, read at test time, never copied in): its main
/// article goes through the whole pipeline and the article page shows the tags and attribution the
/// seed site shows, resolved to canonical entities.
enum SeedFile {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/seed/seed-page.txt").standardizedFileURL
    static let text: String? = {
        let t = try? String(contentsOf: url, encoding: .utf8)
        if t == nil { print("SeedEndToEndTests skipped: no seed page at \(url.path)") }
        return t
    }()

    /// Everything before the line starting with المصدر; the title is the lead clause (the page
    /// gives no headline for its main article).
    static var mainArticle: (title: String, body: String)? {
        guard let text else { return nil }
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("المصدر") { break }
            lines.append(line)
        }
        let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let title = String(body.prefix { $0 != "،" && $0 != "\n" })
        return (title, body)
    }
}

@Suite(.enabled(if: SeedFile.text != nil, "the seed page is not next to this checkout"), .scratch)
struct SeedEndToEndTests {
    @Test func seedArticleGetsItsTagsAndAttributionOnThePage() async throws {
        let main = try #require(SeedFile.mainArticle)
        let draft = ArticleDraft(id: "seed-main", title: main.title, body: main.body, url: "https://seed.example/main",
                                 published: DateParsing.parse("2023-10-03T12:00:00Z"), source: SourceDraft(name: "الوطن"))
        let store = try await makeStore([])
        _ = try await store.upsert([AnalysisStage().prepare(draft)])
        try await StoryStage(store: store, owner: "test", logger: Logger(label: "test")).run()
        let stored = try #require(try await store.article(id: "seed-main"))
        let slugs = Set(stored.tags.map(\.slug))
        for slug in ["russia", "usa", "armenia", "nagorno-karabakh", "azerbaijan"] {
            #expect(slugs.contains(slug), "missing \(slug) in \(stored.tags.map(\.name))")
        }
        let cited = stored.attribution?.citedSources.map(\.name) ?? []
        #expect(cited.contains("رويترز") && cited.contains("القاهرة الإخبارية"), "\(cited)")

        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/article/seed-main", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<a class="tag" href="/tag/usa">أمريكا</a>"#))
                #expect(html.contains(#"<a class="tag" href="/tag/russia">روسيا</a>"#))
                let attribution = try #require(html.range(of: "نقلاً عن: "))
                let line = html[attribution.upperBound...].prefix { $0 != "<" }
                #expect(line.contains("رويترز") && line.contains("القاهرة الإخبارية"), "\(line)")
            }
            try await client.execute(uri: "/tag/usa", method: .get) { response in
                #expect(String(buffer: response.body).contains("/article/seed-main"))
            }
        }
    }
}
