import Foundation
import KhabarModel
import KhabarPipeline
import KhabarStorage
import KhabarTagging
import KhabarWeb
import Testing
import KhabarTestSupport

/// Query syntax (quoted phrases, `-` exclusions, `OR`) and the tag filter, through the whole stack
/// on both backends: articles analyzed as the importer analyzes them, queries read as the site
/// reads them. Every expectation is an exact set of ids, so the two backends give the same hits.
@Suite(.scratch) struct SearchSyntaxContractTests {
    /// Our own sentences, one outlet, one time (no date breaks a tie), and the tags each carries.
    static let rows: [(id: String, title: String, body: String, tags: [String])] = [
        ("phrase", "وزير الخارجية الروسي يصل إلى القاهرة",
         "وصل وزير الخارجية الروسي إلى القاهرة مساء أمس في زيارة تستمر يومين.", ["diplomacy"]),
        ("harakat", "محادثات في العاصمة",
         "قال وَزِيرُ الخَارِجِيَّةِ الرُّوسِيُّ إن المحادثات كانت مثمرة.", ["diplomacy"]),
        ("scattered", "الخارجية تستدعي السفير الروسي",
         "استدعت وزارة الخارجية السفير الروسي، وقال وزير الدفاع إن الأمر لا يعنيه.", ["diplomacy"]),
        ("clitic", "لقاء في موسكو",
         "التقى الرئيس ووزير الخارجية الروسي وفدا من رجال الأعمال.", []),
        ("in-the-government", "وزير في الحكومة يستقيل",
         "أعلن وزير في الحكومة استقالته بعد خلاف على الميزانية.", ["politics"]),
        ("the-government", "وزير الحكومة الجديد",
         "تسلم وزير الحكومة الجديد مهامه صباح اليوم.", ["politics"]),
        ("russia", "روسيا تعلن خطة للطاقة", "أعلنت روسيا خطة لزيادة إنتاج الطاقة خلال العام المقبل.", ["energy"]),
        ("and-russia", "اتفاق للطاقة بين الصين وروسيا", "وقعت الصين وروسيا اتفاقا للطاقة يمتد عشر سنوات.", ["energy"]),
        ("in-russia", "مؤتمر للطاقة في العاصمة", "يعقد مؤتمر الطاقة هذا العام بروسيا بمشاركة واسعة.", ["energy"]),
        ("energy", "أسعار الطاقة ترتفع في أوروبا", "ارتفعت أسعار الطاقة في أوروبا مع بداية الشتاء.", ["energy"]),
        ("trump", "ترامب يلقي خطابا في الحملة", "ألقى ترامب خطابا أمام أنصاره في ولاية أوهايو.", ["politics"]),
        ("trump-variant", "دونالد ترمب يعلن برنامجه", "أعلن دونالد ترمب برنامجه الاقتصادي أمس.", ["politics"]),
        ("biden", "بايدن يستقبل وفدا عربيا", "استقبل بايدن وفدا عربيا في البيت الأبيض لبحث التعاون.", ["politics"]),
        ("garden", "افتتاح حديقة في المدينة", "افتتحت البلدية حديقة عامة جديدة قرب النهر.", []),
        // a title of stopwords only: no stems stand between its words and the body's on PostgreSQL
        ("title-body", "ماذا بعد؟", "الهدنة صامدة منذ أسبوع رغم الخروقات.", []),
        // compound names written joined and apart, and their head and tail apart in another sense
        ("abudhabi-joined", "افتتاح معرض في أبوظبي", "افتتح في أبوظبي معرض دولي للكتاب بمشاركة مئات الناشرين.", []),
        ("abudhabi-split", "قمة اقتصادية في أبو ظبي", "تستضيف أبو ظبي قمة اقتصادية الأسبوع المقبل.", []),
        ("abu-other", "أبو خالد يحذر الصيادين", "قال أبو خالد إن صيد ظبي واحد ممنوع في المحمية.", []),
        ("abdullah-joined", "عبدالله يفوز بالسباق", "فاز العداء عبدالله بسباق الماراثون.", []),
        ("abdullah-split", "تكريم عبد الله في الحفل", "كرم النادي اللاعب عبد الله على مسيرته.", []),
    ]

    static let tagNames = ["diplomacy": "دبلوماسية", "politics": "سياسة", "energy": "طاقة"]

    /// The rows stored on `backend` (each with the tags listed, in place of the tagger's) and the
    /// search engine the site would put in front of them.
    func engine(_ backend: Backend) async throws -> SearchEngine? {
        guard let store = try await backend.makeStore() else { return nil }
        let analysis = AnalysisStage()
        let outcomes = try await store.upsert(Self.rows.map { row in
            var prepared = analysis.prepare(ArticleDraft(
                id: row.id, title: row.title, body: row.body, url: "https://syntax.example/\(row.id)",
                published: Date(timeIntervalSince1970: 1_700_000_000), source: SourceDraft(name: "صحيفة")))
            prepared.annotations?.tags = row.tags.map { ArticleTag(slug: $0, name: Self.tagNames[$0]!, type: "keyphrase", score: 1) }
            return prepared
        })
        #expect(outcomes.allSatisfy { $0.seq != nil })
        return SearchEngine(index: store, variants: SpellingVariants(gazetteer: .standard))
    }

    func ids(_ engine: SearchEngine, _ query: String, tag: String? = nil) async throws -> Set<String> {
        let response = try await engine.search(query, filters: .init(tag: tag))
        #expect(response.results.count == response.total, "\(query): \(response.total) hits, \(response.results.count) shown")
        return Set(response.results.map(\.hit.article.id))
    }

    /// A phrase finds its words side by side and in order, harakat or not, and not scattered,
    /// nor (as typed) with a proclitic on its first word; unquoted, the same words find all.
    @Test(arguments: Backend.allCases)
    func aPhraseMatchesAdjacentWordsInOrder(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "\"وزير الخارجية الروسي\"") == ["phrase", "harakat"])
        #expect(try await ids(engine, "«وَزير الخارجيّة الروسي»") == ["phrase", "harakat"])
        #expect(try await ids(engine, "\"الروسي الخارجية وزير\"").isEmpty)
        #expect(try await ids(engine, "وزير الخارجية الروسي") == ["phrase", "harakat", "scattered", "clitic"])
        // a phrase with a word outside it: both must be there
        #expect(try await ids(engine, "\"وزير الخارجية\" القاهرة") == ["phrase"])
    }

    /// A phrase stays inside the title or inside the body: the title's last word and the body's
    /// first are not adjacent.
    @Test(arguments: Backend.allCases)
    func aPhraseDoesNotRunFromTitleIntoBody(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "\"بعد الهدنة\"").isEmpty)
        #expect(try await ids(engine, "\"ماذا بعد\"") == ["title-body"])
        #expect(try await ids(engine, "\"الهدنة صامدة\"") == ["title-body"])
    }

    /// Every word typed inside quotes is a position, stopwords included: "وزير في الحكومة" is
    /// not "وزير الحكومة", and the other way round.
    @Test(arguments: Backend.allCases)
    func stopwordsInsideAPhraseArePositions(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "\"وزير في الحكومة\"") == ["in-the-government"])
        #expect(try await ids(engine, "\"وزير الحكومة\"") == ["the-government"])
    }

    /// A phrase's words take their other spellings (ترمب for ترامب), never their stems: a quoted
    /// word is its exact forms.
    @Test(arguments: Backend.allCases)
    func aPhraseTakesSpellingsNotStems(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "\"دونالد ترامب\"") == ["trump-variant"])
        // unquoted, الطاقة finds طاقة by its stem; quoted, only the form written
        #expect(try await ids(engine, "طاقة") == ["russia", "and-russia", "in-russia", "energy"])
        #expect(try await ids(engine, "\"طاقة\"").isEmpty)
    }

    /// `-word` leaves out the word in every form its search finds and with a proclitic: -روسيا
    /// leaves out روسيا, وروسيا and بروسيا, and keeps the nisba الروسي (another word).
    @Test(arguments: Backend.allCases)
    func anExcludedWordTakesItsProcliticForms(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "الطاقة") == ["russia", "and-russia", "in-russia", "energy"])
        #expect(try await ids(engine, "الطاقة -روسيا") == ["energy"])
        #expect(try await ids(engine, "الطاقة -أوروبا") == ["russia", "and-russia", "in-russia"])
        #expect(try await ids(engine, "الخارجية -روسيا") == ["phrase", "harakat", "scattered", "clitic"])
    }

    /// `-"phrase"` leaves out the phrase as written and with a proclitic on its first word; an
    /// article with the same words scattered stays.
    @Test(arguments: Backend.allCases)
    func anExcludedPhraseLeavesOutOnlyThePhrase(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "الخارجية -\"وزير الخارجية الروسي\"") == ["scattered"])
    }

    /// `OR` (in capitals) matches either side and binds tighter than the implicit AND.
    @Test(arguments: Backend.allCases)
    func orMatchesEitherSideAndBindsTighterThanAnd(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "ترامب OR بايدن") == ["trump", "trump-variant", "biden"])
        // خطابا AND (ترامب OR بايدن)
        #expect(try await ids(engine, "خطابا ترامب OR بايدن") == ["trump"])
        // (وفدا) AND (بايدن OR الحكومة): only the article with both
        #expect(try await ids(engine, "وفدا بايدن OR الحكومة") == ["biden"])
        // a phrase is an alternative like a word
        #expect(try await ids(engine, "\"وزير الحكومة\" OR \"وزير في الحكومة\"") == ["the-government", "in-the-government"])
        // OR with an exclusion beside it joins nothing: ترامب, and not بايدن
        #expect(try await ids(engine, "ترامب OR -بايدن") == ["trump", "trump-variant"])
    }

    /// A compound name finds it written joined and apart, typed either way, as a word, inside a
    /// phrase or left out; its two words standing apart are no name.
    @Test(arguments: Backend.allCases)
    func compoundNamesFindBothWritings(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        for query in ["أبو ظبي", "أبوظبي", "ابوظبى", "\"أبو ظبي\"", "\"أبوظبي\""] {
            #expect(try await ids(engine, query) == ["abudhabi-joined", "abudhabi-split"], "\(query)")
        }
        for query in ["عبدالله", "عبد الله"] {
            #expect(try await ids(engine, query) == ["abdullah-joined", "abdullah-split"], "\(query)")
        }
        #expect(try await ids(engine, "\"معرض في أبو ظبي\"") == ["abudhabi-joined"])
        #expect(try await ids(engine, "\"تستضيف أبوظبي\"") == ["abudhabi-split"])
        for query in ["قمة OR معرض OR صيد -أبوظبي", "قمة OR معرض OR صيد -\"أبو ظبي\""] {
            #expect(try await ids(engine, query) == ["abu-other"], "\(query)")
        }
    }

    /// When no article matches every clause, any clause will do; exclusions still hold.
    @Test(arguments: Backend.allCases)
    func thePartialFallbackKeepsExclusions(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        let response = try await engine.search("حديقة بايدن -وفدا")
        #expect(response.partialMatch)
        #expect(Set(response.results.map(\.hit.article.id)) == ["garden"])
    }

    /// A query of exclusions only searches nothing and says so; no backend sees it.
    @Test(arguments: Backend.allCases)
    func onlyExclusionsSearchNothing(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        for query in ["-روسيا", "-روسيا -\"وزير الخارجية\"", "OR -روسيا OR"] {
            let response = try await engine.search(query)
            #expect(response.onlyExclusions && response.total == 0 && response.results.isEmpty, "\(query)")
        }
    }

    /// The tag filter keeps only articles carrying the tag, with every other part of the query.
    @Test(arguments: Backend.allCases)
    func theTagFilterKeepsTaggedArticles(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        #expect(try await ids(engine, "وزير", tag: "politics") == ["in-the-government", "the-government"])
        #expect(try await ids(engine, "وزير", tag: "diplomacy") == ["phrase", "harakat", "scattered"])
        #expect(try await ids(engine, "الطاقة -روسيا", tag: "energy") == ["energy"])
        #expect(try await ids(engine, "ترامب OR بايدن", tag: "diplomacy").isEmpty)
        #expect(try await ids(engine, "حديقة", tag: "no-such-tag").isEmpty)
    }

    /// Syntax the user may mistype gives an answer, never an index syntax error.
    @Test(arguments: Backend.allCases)
    func mistypedSyntaxGetsAnAnswer(backend: Backend) async throws {
        guard let engine = try await engine(backend) else { return }
        // an unclosed quote runs to the end of the query
        #expect(try await ids(engine, "\"وزير الخارجية") == ["phrase", "harakat"])
        #expect(try await ids(engine, "الخارجية -\"وزير الخارجية الروسي") == ["scattered"])
        for query in ["-", "- -", "OR", "OR ترامب", "ترامب OR", "ترامب OR OR بايدن", "\"\"", "-\"\"", "\"*\"", "NEAR(ترامب",
                      "ترامب:", "^ترامب", "title_exact:ترامب", "\"ترامب\" AND NOT", String(repeating: "\"ترامب -بايدن OR ", count: 700)] {
            let response = try await engine.search(query)
            #expect(response.total >= 0, "\(query.prefix(40))")
        }
        #expect(try await ids(engine, "ترامب OR OR بايدن") == ["trump", "trump-variant", "biden"])
        #expect(try await ids(engine, "OR ترامب OR") == ["trump", "trump-variant"])
    }
}
