import Foundation
import KhabarModel
import KhabarPipeline
import KhabarPostgres
import KhabarStorage
import KhabarWeb
import Logging
import Testing
import KhabarTestSupport

/// Exact-spelling ranking, through the whole stack on both backends: articles analyzed as the
/// importer analyzes them, queries read as the site reads them. Folding ى into ي and ة into ه makes
/// the name علي one word with the preposition على and the city جدة one with جده (his grandfather);
/// both spellings still find the same articles, and the ones that write the word as the query does
/// come first.
@Suite(.scratch) struct SpellingRankContractTests {
    /// Our own sentences. In each pair of spellings one article has the word in its title and
    /// body, the other once in its body, so by the folded form alone (the ranking before spelled
    /// forms) an article of the other spelling stood among the first two.
    static let names: [(id: String, title: String, body: String)] = [
        ("ali-title", "المهندس علي يصمم جسرا جديدا",
         "صمم المهندس علي جسرا يربط ضفتي النهر، وقال علي إن العمل استغرق عامين."),
        ("ali-body", "جائزة الإبداع لطالب من الريف",
         "فاز الطالب علي بجائزة الإبداع في مسابقة المدارس هذا العام."),
        ("ala-title", "الفريق يحصل على المركز الأول",
         "حصل الفريق على المركز الأول بعد فوزه على منافسه في النهائي."),
        ("ala-body", "افتتاح معرض للكتاب",
         "يستمر المعرض أسبوعا ويحرص الزوار على شراء الكتب المترجمة."),
        ("rain", "أمطار غزيرة في العاصمة", "هطلت أمطار غزيرة صباح اليوم وتسببت في إغلاق بعض الطرق."),
        ("gold", "ارتفاع أسعار الذهب", "صعدت أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي."),
    ]

    static let places: [(id: String, title: String, body: String)] = [
        ("jeddah-title", "وصول الوفد إلى جدة",
         "وصل الوفد إلى جدة مساء أمس، ويلتقي في جدة عددا من المسؤولين."),
        ("jeddah-body", "مهرجان للتسوق في الصيف",
         "يقام المهرجان في جدة طوال الشهر المقبل بمشاركة مئات المحلات."),
        ("grandpa-title", "الطفل يزور جده في القرية",
         "زار الطفل جده في القرية، وحكى له جده قصصا قديمة."),
        ("grandpa-body", "رحلة عائلية إلى الريف",
         "أمضت العائلة يومين في الريف، واصطحب الشاب جده إلى السوق."),
        ("rain", "أمطار غزيرة في العاصمة", "هطلت أمطار غزيرة صباح اليوم وتسببت في إغلاق بعض الطرق."),
        ("gold", "ارتفاع أسعار الذهب", "صعدت أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي."),
    ]

    /// A store holding `rows` analyzed by the pipeline, all published at the same time (so no date
    /// breaks a tie), and the search engine the site would put in front of it.
    func engine(_ backend: Backend, _ rows: [(id: String, title: String, body: String)]) async throws -> SearchEngine? {
        guard let store = try await backend.makeStore() else { return nil }
        try await fill(store, rows)
        return SearchEngine(index: store)
    }

    @discardableResult
    func fill(_ store: any KhabarStore, _ rows: [(id: String, title: String, body: String)]) async throws -> [Int64] {
        let analysis = AnalysisStage()
        let outcomes = try await store.upsert(rows.map { row in
            analysis.prepare(ArticleDraft(id: row.id, title: row.title, body: row.body, url: "https://spelling.example/\(row.id)",
                                          published: Date(timeIntervalSince1970: 1_700_000_000), source: SourceDraft(name: "صحيفة")))
        })
        #expect(outcomes.allSatisfy { $0.seq != nil })
        return outcomes.compactMap(\.seq)
    }

    func ids(_ engine: SearchEngine, _ query: String) async throws -> (ids: [String], total: Int) {
        let response = try await engine.search(query)
        return (response.results.map(\.hit.article.id), response.total)
    }

    /// Each of two spellings finds all four articles and ranks first its own two, the one with
    /// it in the title first (`own`: the query, then its title and body articles' ids). The
    /// ranked ids, per query.
    func ranksItsSpellingFirst(_ engine: SearchEngine, _ own: [(query: String, title: String, body: String)]) async throws -> [[String]] {
        let all = Set(own.flatMap { [$0.title, $0.body] })
        var ranked: [[String]] = []
        for o in own {
            let r = try await ids(engine, o.query)
            #expect(r.total == all.count && Set(r.ids) == all, "\(o.query): \(r)")
            #expect(r.ids.first == o.title && Set(r.ids.prefix(2)) == [o.title, o.body], "\(o.query): \(r.ids)")
            ranked.append(r.ids)
        }
        return ranked
    }

    @Test(arguments: Backend.allCases)
    func aNameRanksAboveThePrepositionItFoldsInto(backend: Backend) async throws {
        guard let engine = try await engine(backend, Self.names) else { return }
        let ranked = try await ranksItsSpellingFirst(engine, [("علي", "ali-title", "ali-body"), ("على", "ala-title", "ala-body")])
        // harakat and tatweel are no spelling: عَلِيّ is علي, علـى is على
        #expect(try await ids(engine, "عَلِيّ").ids == ranked[0])
        #expect(try await ids(engine, "علـــى").ids == ranked[1])
    }

    @Test(arguments: Backend.allCases)
    func aTaaMarbutaRanksAboveTheHehItFoldsInto(backend: Backend) async throws {
        guard let engine = try await engine(backend, Self.places) else { return }
        _ = try await ranksItsSpellingFirst(engine, [("جدة", "jeddah-title", "jeddah-body"), ("جده", "grandpa-title", "grandpa-body")])
    }

    /// Words typed apart rank the articles that write them side by side, in order, first
    /// (`SearchQuery.adjacency`): the other article has both words, in its title too and more
    /// often, so bm25 alone put it first. Scores still fall as the hits' order does.
    @Test(arguments: Backend.allCases)
    func wordsTypedApartRankTheirPhraseFirst(backend: Backend) async throws {
        let rows = [(id: "apart", title: "صفقة تجارية كبرى في مطلع القرن",
                     body: "وقعت الشركة صفقة ضخمة، وقال مديرها إن القرن الحالي سيشهد صفقة أخرى تغير وجه القرن."),
                    (id: "together", title: "تفاصيل جديدة عن خطة السلام",
                     body: "كشفت مصادر عن بنود صفقة القرن التي أعدتها الإدارة."),
                    (id: "rain", title: "أمطار غزيرة في العاصمة", body: "هطلت أمطار غزيرة صباح اليوم وتسببت في إغلاق بعض الطرق."),
                    (id: "gold", title: "ارتفاع أسعار الذهب", body: "صعدت أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي.")]
        guard let engine = try await engine(backend, rows) else { return }
        let response = try await engine.search("صفقة القرن")
        #expect(response.results.map(\.hit.article.id) == ["together", "apart"], "\(response.results.map(\.hit.article.id))")
        let scores = response.results.map(\.hit.score)
        #expect(scores == scores.sorted(by: >) && scores[0] > scores[1])
        // one word alone: bm25 as before (the title and the repeats first)
        #expect(try await ids(engine, "صفقة").ids.first == "apart")
    }

    /// A wire item and its copy are one hit, shown as the primary unless only the copy writes the
    /// query's spelling: a hit for علي that shows an article without علي would mislead.
    @Test(arguments: Backend.allCases)
    func aCopyThatWritesTheQuerysSpellingStandsForItsGroup(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let rows = [("wire", "تكريم الفائزين في المسابقة", "حصل الفائزون على جوائز المسابقة في حفل أقيم مساء أمس."),
                    ("copy", "تكريم الفائزين في المسابقة", "حصل الفائزون على جوائز المسابقة في حفل قدمه الإعلامي علي مساء أمس."),
                    ("rain", "أمطار غزيرة في العاصمة", "هطلت أمطار غزيرة صباح اليوم وتسببت في إغلاق بعض الطرق."),
                    ("gold", "ارتفاع أسعار الذهب", "صعدت أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي.")]
        let seqs = try await fill(store, rows.map { (id: $0.0, title: $0.1, body: $0.2) })
        try await store.recordClustering([StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
                                          StoryPlacement(seq: seqs[1], storyID: seqs[0], duplicateOf: seqs[0])])
        let engine = SearchEngine(index: store)
        let name = try await ids(engine, "علي")
        #expect(name.total == 1 && name.ids == ["copy"], "\(name)")
        let preposition = try await ids(engine, "على")
        #expect(preposition.total == 1 && preposition.ids == ["wire"], "\(preposition)")
    }

    /// A PostgreSQL database from before the spelled forms gets their columns when it is next
    /// opened: its rows are found as before, and once analyzed again (`khabar reprocess --stage
    /// analyze`) they rank the query's spelling first. (SQLite: SQLiteStoreTests.)
    @Test func postgresSearchIndexGainsSpelledColumnsAtOpen() async throws {
        guard let url = try await PostgresTestDatabase.freshURLOrSkip() else { return }
        let old = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
        let seqs = try await fill(old, Self.names)
        try await old.execute(unsafeSQL: "ALTER TABLE article_search DROP COLUMN spelling, DROP COLUMN title_spelled, DROP COLUMN body_spelled")
        try await old.execute(unsafeSQL: "DELETE FROM khabar_migrations WHERE identifier = 'v6: spelled forms in the search index'")
        await old.shutdown()

        let store = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
        let engine = SearchEngine(index: store)
        let all: Set = ["ali-title", "ali-body", "ala-title", "ala-body"]
        let folded = try await ids(engine, "علي")
        #expect(folded.total == 4 && Set(folded.ids) == all, "\(folded)")
        let analysis = AnalysisStage()
        try await store.replaceIndexedText(zip(seqs, Self.names).map { seq, row in
            (seq, analysis.indexedText(title: row.title, body: row.body))
        })
        let spelled = try await ids(engine, "علي")
        #expect(spelled.total == 4 && Set(spelled.ids.prefix(2)) == ["ali-title", "ali-body"], "\(spelled)")
        await store.shutdown()
    }
}
