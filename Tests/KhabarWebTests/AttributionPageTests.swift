import Foundation
import HummingbirdTesting
import KhabarModel
import KhabarPipeline
import KhabarStorage
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// The article page's "نقلاً عن" line, from articles that went through the pipeline: an arrow
/// only where one source carried another's report.
@Suite(.scratch) struct AttributionPageTests {
    static func page(_ id: String, _ body: String) async throws -> (String, ArticleAttribution?) {
        let draft = ArticleDraft(id: id, title: "توقف المحادثات بين الوفدين", body: body, url: "https://example.org/\(id)",
                                 published: DateParsing.parse("2024-02-03T10:00:00Z"), source: SourceDraft(name: "الوطن"))
        let store = try await makeStore([])
        _ = try await store.upsert([AnalysisStage().prepare(draft)])
        let stored = try await store.article(id: id)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        let html = try await app.test(.router) { client in
            try await client.execute(uri: "/article/\(id)", method: .get) { response in String(buffer: response.body) }
        }
        guard let r = html.range(of: "نقلاً عن: ") else { return ("", stored?.attribution) }
        return (String(html[r.upperBound...].prefix { $0 != "<" }), stored?.attribution)
    }

    @Test func aRelayIsAnArrowAndSourcesCitedInTurnAreACommaList() async throws {
        let (relay, relayed) = try await Self.page(
            "relay", "أعلن الجيش انسحابه من المدينة، وفق ما نقلت قناة القاهرة الإخبارية عن وكالة «رويترز».")
        #expect(relay == "رويترز ← القاهرة الإخبارية")
        // stored and served with the chain: the agency is marked relayed
        #expect(relayed?.citedSources.map(\.relayed) == [true, nil])
        let (list, _) = try await Self.page(
            "list", "ذكرت وكالة رويترز أن المحادثات توقفت مساء الأحد.\nومن جهتها قالت قناة القاهرة الإخبارية إن الوفدين غادرا الفندق.")
        #expect(list == "رويترز، القاهرة الإخبارية")
    }

    @Test func storedChainsWithoutTheFlagReadAsNotRelayed() throws {
        let old = #"{"name":"رويترز","role":"agency","entity":"reuters"}"#
        let credit = try JSONDecoder().decode(AttributionCredit.self, from: Data(old.utf8))
        #expect(credit.relayed == nil)
        // and a credit that is not relayed codes without the key, as before
        let back = String(decoding: try JSONEncoder().encode(credit), as: UTF8.self)
        #expect(!back.contains("relayed"))
        #expect(Site.citedLine([credit, AttributionCredit(name: "الجزيرة", role: "channel")]) == "رويترز، الجزيرة")
    }
}
