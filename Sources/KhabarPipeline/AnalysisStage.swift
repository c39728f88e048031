import Foundation
import KhabarArabic
import KhabarModel
import KhabarStorage
import KhabarStories
import KhabarTagging

/// The analysis stage: one pass of the analyzer over title and body feeds the search text, the
/// tags, the attribution chain and the stories signature. Pure: values in, values out.
public struct AnalysisStage: Sendable {
    public let analyzer: Analyzer
    public let tagger: Tagger
    public let fingerprinter: Fingerprinter
    /// Document frequencies for key phrases, sampled from the store (see `CorpusStatistics`).
    public let statistics: CorpusStatistics

    public init(analyzer: Analyzer = .standard, tagger: Tagger = Tagger(), statistics: CorpusStatistics = CorpusStatistics()) {
        self.analyzer = analyzer
        self.tagger = tagger
        self.fingerprinter = Fingerprinter(analyzer: analyzer)
        self.statistics = statistics
    }

    public func indexedText(title: String, body: String) -> IndexedText {
        indexedText(title: title, body: body, analyzer.analyze(title), analyzer.analyze(body))
    }

    /// `t` and `b` are the analyses of `title` and `body`; the spelled forms are read from the
    /// text itself, where the letters the fold merged are still written.
    func indexedText(title: String, body: String, _ t: Analysis, _ b: Analysis) -> IndexedText {
        IndexedText(
            titleExact: Self.spaced(t.tokens, \.text),
            titleStems: Self.spaced(t.stems, \.self),
            bodyExact: Self.spaced(b.tokens, \.text),
            bodyStems: Self.spaced(b.stems, \.self),
            titleSpelled: Self.spaced(spelledForms(t.tokens, in: title), \.self),
            bodySpelled: Self.spaced(spelledForms(b.tokens, in: body), \.self))
    }

    /// The spelled forms of the tokens that have one (about a third of the words of a news text).
    func spelledForms(_ tokens: [Token], in text: String) -> [String] {
        tokens.compactMap { analyzer.spelledForm(of: $0, in: text) }
    }

    /// The words of `items` separated by one space, written into one buffer of the final size
    /// (`joined(separator:)` over a lazy map grows its result word by word).
    static func spaced<C: Collection>(_ items: C, _ word: (C.Element) -> String) -> String {
        var total = 0
        for x in items { total += word(x).utf8.count + 1 }
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total - 1) { out in
            var i = 0, first = true
            for x in items {
                var w = word(x)
                if !first { out[i] = 0x20; i += 1 }
                first = false
                w.withUTF8 { u in
                    guard let src = u.baseAddress, let dst = out.baseAddress else { return }
                    (dst + i).update(from: src, count: u.count)
                    i += u.count
                }
            }
            return i
        }
    }

    /// Tags, attribution and signature of one article, from analyses already made.
    public func annotations(title: String, body: String, outlet: String, author: String?,
                            titleAnalysis t: Analysis, bodyAnalysis b: Analysis,
                            termStatistics: TermStatistics? = nil) -> ArticleAnnotations {
        let attribution = tagger.attribution(outlet: outlet, author: author, body: body, bodyAnalysis: b)
        let (tags, story) = tagger.tagsAndStoryEntities(title: title, body: body, titleAnalysis: t, bodyAnalysis: b,
                                                        statistics: termStatistics ?? statistics.current,
                                                        publisher: Self.publisher(attribution))
        let signature = fingerprinter.signature(titleAnalysis: t, bodyAnalysis: b, entities: Self.storyEntities(story),
                                                entityKinds: Self.storyEntityKinds(story))
        return ArticleAnnotations(
            tags: tags.map { ArticleTag(slug: $0.slug, name: $0.name, type: $0.type, score: $0.score) },
            attribution: ArticleAttribution(
                outlet: attribution.outlet,
                credits: attribution.credits.map { AttributionCredit(name: $0.name, role: $0.role, entity: $0.entityID, relayed: $0.relayed == true) }),
            signature: signature.encoded())
    }

    /// The gazetteer id of the outlet that published the article (`Tagger.tags`' `publisher`).
    public static func publisher(_ attribution: Attribution) -> String? {
        attribution.credits.last(where: { $0.role == "outlet" })?.entityID
    }

    /// The entities a signature carries: the article's gazetteer entity tags, in salience order.
    /// Names found by rule stay out: a copy whose finder read one more or one fewer name would
    /// otherwise "name a different actor" and fail the near-duplicate rule's conflict check
    /// (SaudiNewsNet clusterer recall 0.944 → 0.902 with them in).
    public static func storyEntities(_ tags: [KhabarTagging.Tag]) -> [String] {
        tags.filter(isStoryEntity).map(\.slug)
    }

    /// The kinds of `storyEntities(tags)`, aligned with them (a country says where, not what: the
    /// clusterer weighs it apart).
    public static func storyEntityKinds(_ tags: [KhabarTagging.Tag]) -> [EntityKind] {
        tags.filter(isStoryEntity).map { EntityKind(tagType: $0.type) }
    }

    static func isStoryEntity(_ tag: KhabarTagging.Tag) -> Bool { tag.type != "keyphrase" && !tag.found }

    public func annotations(of article: Article) -> ArticleAnnotations {
        annotations(title: article.title, body: article.body, outlet: article.source.name, author: article.author,
                    titleAnalysis: analyzer.analyze(article.title), bodyAnalysis: analyzer.analyze(article.body))
    }

    public func prepare(_ draft: ArticleDraft) -> PreparedArticle {
        prepare(draft, termStatistics: statistics.current)
    }

    func prepare(_ draft: ArticleDraft, termStatistics: TermStatistics?) -> PreparedArticle {
        let t = analyzer.analyze(draft.title)
        let b = analyzer.analyze(draft.body)
        return PreparedArticle(
            draft: draft, indexed: indexedText(title: draft.title, body: draft.body, t, b),
            annotations: annotations(title: draft.title, body: draft.body, outlet: draft.source.name,
                                     author: draft.author, titleAnalysis: t, bodyAnalysis: b, termStatistics: termStatistics),
            stage: .analyzed)
    }

    /// Prepares a batch, skipping the analysis of drafts the store already holds unchanged and
    /// analyzed: the store then reports them unchanged without touching the index. Shared by
    /// `khabar import` and the refresher. The analysis runs on every core (it is pure per article);
    /// the result keeps the drafts' order.
    /// `stored`: the drafts' `storedVersions`, when the caller has read them already.
    public func prepare(_ drafts: [ArticleDraft], against store: any ArticleStore,
                        stored known: [String: StoredVersion]? = nil) async throws -> [PreparedArticle] {
        var stored = known ?? [:]
        if known == nil { stored = try await store.storedVersions(of: drafts) }
        await statistics.refreshIfStale(from: store, tagger: tagger)
        let stats = statistics.current
        let todo = drafts.indices.filter { i in
            guard let version = stored[drafts[i].id] else { return true }
            return version.contentHash != drafts[i].contentHash || version.stage < .analyzed
        }
        var out = drafts.map { PreparedArticle(draft: $0, indexed: nil, stage: .stored) }
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, todo.count / 16))
        statistics.noteAnalyzed(todo.count)
        if lanes == 1 {
            for i in todo { out[i] = prepare(drafts[i], termStatistics: stats) }
            return out
        }
        let chunk = (todo.count + lanes - 1) / lanes
        await withTaskGroup(of: [(Int, PreparedArticle)].self) { group in
            for start in stride(from: 0, to: todo.count, by: chunk) {
                let part = Array(todo[start..<min(start + chunk, todo.count)])
                group.addTask { part.map { ($0, self.prepare(drafts[$0], termStatistics: stats)) } }
            }
            for await results in group {
                for (i, prepared) in results { out[i] = prepared }
            }
        }
        return out
    }
}
