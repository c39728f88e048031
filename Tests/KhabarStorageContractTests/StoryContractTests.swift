import Foundation
import KhabarModel
import KhabarPostgres
import KhabarStorage
import Logging
import Testing
import KhabarTestSupport

func annotated(_ id: String, tags: [(String, String)], published: TimeInterval = 1_700_000_000, source: String = "مصدر",
               signature: [UInt8] = [1, 2, 3]) -> PreparedArticle {
    // a body of its own: one outlet's same title and body would be a repeat, listed and counted once
    var item = draft(id, body: "نص الخبر \(id)", published: Date(timeIntervalSince1970: published), source: source)
    item.annotations = ArticleAnnotations(
        tags: tags.map { ArticleTag(slug: $0.0, name: $0.1, type: $0.0 == "phrase" ? "keyphrase" : "country", score: 1) },
        attribution: ArticleAttribution(outlet: source, credits: [AttributionCredit(name: "رويترز", role: "agency", entity: "reuters"),
                                                                  AttributionCredit(name: source, role: "outlet")]),
        signature: signature)
    return item
}

/// Tags, attribution, story placement and leases: the same assertions on every backend.
@Suite(.scratch) struct StoryContractTests {
    @Test(arguments: Backend.allCases)
    func tagsAndAttributionAreStoredAndListedNewestFirst(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([
            annotated("a", tags: [("russia", "روسيا"), ("usa", "أمريكا")], published: 1_700_000_000),
            annotated("b", tags: [("usa", "أمريكا")], published: 1_700_003_600),
            annotated("c", tags: [("phrase", "أسعار النفط")], published: 1_700_007_200),
        ])
        let a = try #require(try await store.article(id: "a"))
        #expect(a.tags.map(\.slug) == ["russia", "usa"])
        #expect(a.tags.map(\.name) == ["روسيا", "أمريكا"])
        #expect(a.attribution?.citedSources.map(\.name) == ["رويترز"])
        #expect(a.attribution?.credits.last?.role == "outlet")

        let usa = try #require(try await store.tag(slug: "usa"))
        #expect(usa.name == "أمريكا" && usa.articleCount == 2)
        let page = try await store.articles(tagged: "usa", query: ArticleQuery(limit: 1))
        #expect(page.articles.map(\.id) == ["b"])
        let rest = try await store.articles(tagged: "usa", query: ArticleQuery(limit: 1, before: page.next))
        #expect(rest.articles.map(\.id) == ["a"] && rest.next == nil)
        #expect(try await store.tag(slug: "nothing") == nil)

        let top = try await store.topTags(from: Date(timeIntervalSince1970: 1_699_999_000),
                                          to: Date(timeIntervalSince1970: 1_700_010_000), limit: 2)
        #expect(top.first?.slug == "usa" && top.first?.articleCount == 2 && top.count == 2)
        // one type's tags only (the topics directory), counted alike
        let phrases = try await store.topTags(from: Date(timeIntervalSince1970: 1_699_999_000),
                                              to: Date(timeIntervalSince1970: 1_700_010_000), type: "keyphrase", limit: 5)
        #expect(phrases.map(\.slug) == ["phrase"] && phrases.first?.articleCount == 1)
        let countries = try await store.topTags(from: Date(timeIntervalSince1970: 1_699_999_000),
                                                to: Date(timeIntervalSince1970: 1_700_010_000), type: "country", limit: 5)
        #expect(countries.map(\.slug) == ["usa", "russia"])
        #expect(try await store.topTags(from: Date(timeIntervalSince1970: 1_699_999_000),
                                        to: Date(timeIntervalSince1970: 1_700_010_000), type: "person", limit: 5).isEmpty)

        // Re-tagging replaces, never appends.
        try await store.replaceAnnotations([(a.seq, ArticleAnnotations(tags: [ArticleTag(slug: "armenia", name: "أرمينيا", type: "country", score: 2)],
                                                                         attribution: ArticleAttribution(), signature: [9]))])
        #expect(try await store.article(id: "a")?.tags.map(\.slug) == ["armenia"])
        #expect(try await store.tag(slug: "russia")?.articleCount == 0)
        #expect(try await store.newestPublished(notAfter: Date()) == Date(timeIntervalSince1970: 1_700_007_200))
        // an article dated in the future is not the newest one
        _ = try await store.upsert([draft("future", published: Date(timeIntervalSince1970: 253_402_300_799))])
        #expect(try await store.newestPublished(notAfter: Date()) == Date(timeIntervalSince1970: 1_700_007_200))
        #expect(try await store.newestPublished(notAfter: Date(timeIntervalSince1970: 253_402_300_799)) == Date(timeIntervalSince1970: 253_402_300_799))
    }

    /// `after` pages toward newer articles, nearest first and shown newest first; `notAfter` leaves
    /// out articles dated later; the same for an outlet's list, all articles and a tag's articles.
    @Test(arguments: Backend.allCases)
    func keysetPagesGoBothWaysAndStopAtTheBound(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        // k0…k5 a minute apart, k2 and k3 in the same second (the sequence number orders them);
        // k9 is dated in the year 9999
        var batch = [0, 60, 120, 120, 180, 240].enumerated().map { i, offset in
            annotated("k\(i)", tags: [("egypt", "مصر")], published: 1_700_000_000 + TimeInterval(offset))
        }
        batch.append(annotated("k9", tags: [("egypt", "مصر")], published: 253_402_300_799))
        _ = try await store.upsert(batch)
        let bound = Date(timeIntervalSince1970: 1_700_000_240)   // k5's time: at the bound is kept
        let source = try #require(try await store.sources().first).id
        let lists: [(String, @Sendable (ArticleQuery) async throws -> ArticlePage)] = [
            ("all", { try await store.articles($0) }),
            ("source", { var q = $0; q.sourceID = source; return try await store.articles(q) }),
            ("tag", { try await store.articles(tagged: "egypt", query: $0) }),
        ]
        for (name, list) in lists {
            let everything = try await list(ArticleQuery(limit: 10))
            #expect(everything.articles.map(\.id) == ["k9", "k5", "k4", "k3", "k2", "k1", "k0"], "\(name)")
            let first = try await list(ArticleQuery(limit: 2, notAfter: bound))
            #expect(first.articles.map(\.id) == ["k5", "k4"], "\(name)")
            let second = try await list(ArticleQuery(limit: 2, before: first.next, notAfter: bound))
            #expect(second.articles.map(\.id) == ["k3", "k2"] && second.next != nil && second.newer == nil, "\(name)")
            let last = try await list(ArticleQuery(limit: 2, before: second.next, notAfter: bound))
            #expect(last.articles.map(\.id) == ["k1", "k0"] && last.next == nil, "\(name)")
            // back from the oldest page: the two nearest newer ones, newest first, and more beyond
            let oldest = try #require(last.articles.first)
            let cursor = ArticleCursor(published: oldest.published, seq: oldest.seq)
            let back = try await list(ArticleQuery(limit: 2, after: cursor, notAfter: bound))
            #expect(back.articles.map(\.id) == ["k3", "k2"] && back.next == nil, "\(name)")
            let top = try await list(ArticleQuery(limit: 2, after: back.newer, notAfter: bound))
            #expect(top.articles.map(\.id) == ["k5", "k4"] && top.newer == nil, "\(name)")
            // without the bound the misdated article is the newest
            let unbounded = try await list(ArticleQuery(limit: 2, after: back.newer))
            #expect(unbounded.articles.map(\.id) == ["k5", "k4"] && unbounded.newer != nil, "\(name)")
            // date cursors: before a second takes that second in, after it leaves it out; both make a range
            let range = try await list(ArticleQuery(limit: 5, before: ArticleCursor(published: bound),
                                                    after: ArticleCursor(published: Date(timeIntervalSince1970: 1_700_000_060))))
            #expect(range.articles.map(\.id) == ["k5", "k4", "k3", "k2"], "\(name)")
        }
    }

    /// Counts take the lists' bound (`notAfter`, whole seconds, its own second counted): an
    /// article dated later is counted by no tag, outlet or shared tag, and outlets are ranked by
    /// what they count; without a bound every stored article is counted.
    @Test(arguments: Backend.allCases)
    func countsStopAtTheBound(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let tags = [("karabakh", "كاراباخ"), ("armenia", "أرمينيا")]
        _ = try await store.upsert([
            annotated("c1", tags: tags, published: 1_700_000_000, source: "الأولى"),
            annotated("c2", tags: tags, published: 1_700_000_060, source: "الأولى"),
            annotated("c3", tags: tags, published: 1_700_000_120, source: "الثانية"),   // at the bound
            // dated in the year 9999
            annotated("c7", tags: tags, published: 253_402_300_797, source: "الثانية"),
            annotated("c8", tags: tags, published: 253_402_300_798, source: "الثانية"),
            annotated("c9", tags: tags, published: 253_402_300_799, source: "الثانية"),
        ])
        let bound = Date(timeIntervalSince1970: 1_700_000_120.5)
        #expect(try await store.tag(slug: "karabakh", notAfter: bound)?.articleCount == 3)
        #expect(try await store.tag(slug: "karabakh")?.articleCount == 6)
        // a tag none of whose articles is within the bound is still found
        #expect(try await store.tag(slug: "karabakh", notAfter: Date(timeIntervalSince1970: 1_000))?.articleCount == 0)
        #expect(try await store.tag(slug: "nothing", notAfter: bound) == nil)

        let bounded = try await store.sources(notAfter: bound)
        #expect(bounded.map(\.name) == ["الأولى", "الثانية"] && bounded.map(\.articleCount) == [2, 1])
        let all = try await store.sources()
        #expect(all.map(\.name) == ["الثانية", "الأولى"] && all.map(\.articleCount) == [4, 2])
        let second = try #require(all.first)
        #expect(try await store.source(id: second.id, notAfter: bound)?.articleCount == 1)
        #expect(try await store.source(id: second.id)?.articleCount == 4)
        #expect(try await store.source(id: 999_999, notAfter: bound) == nil)

        let shared = try await store.cooccurringTags(with: "karabakh", limit: 10, notAfter: bound)
        #expect(shared.map(\.tag.slug) == ["armenia"] && shared.map(\.together) == [3] && shared.map(\.tag.articleCount) == [3])
        let sharedAll = try await store.cooccurringTags(with: "karabakh", limit: 10)
        #expect(sharedAll.map(\.together) == [6] && sharedAll.map(\.tag.articleCount) == [6])
        // one article within the bound shares nothing (at least two are needed)
        #expect(try await store.cooccurringTags(with: "karabakh", limit: 10, notAfter: Date(timeIntervalSince1970: 1_700_000_000)).isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func cooccurringTagsShareAtLeastTwoArticles(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([
            annotated("k1", tags: [("karabakh", "كاراباخ"), ("armenia", "أرمينيا"), ("azerbaijan", "أذربيجان")]),
            annotated("k2", tags: [("karabakh", "كاراباخ"), ("armenia", "أرمينيا"), ("azerbaijan", "أذربيجان"), ("usa", "أمريكا")]),
            annotated("k3", tags: [("karabakh", "كاراباخ"), ("armenia", "أرمينيا")]),
            annotated("k4", tags: [("usa", "أمريكا"), ("armenia", "أرمينيا")]),
        ])
        let with = try await store.cooccurringTags(with: "karabakh", limit: 10)
        #expect(with.map(\.tag.slug) == ["armenia", "azerbaijan"])          // usa shares one article only
        #expect(with.map(\.together) == [3, 2])
        #expect(with.map(\.tag.articleCount) == [4, 2])
        #expect(with.first?.tag.name == "أرمينيا" && with.first?.tag.type == "country")
        #expect(try await store.cooccurringTags(with: "karabakh", limit: 1).map(\.tag.slug) == ["armenia"])
        #expect(try await store.cooccurringTags(with: "armenia", limit: 10).map(\.tag.slug) == ["karabakh", "azerbaijan", "usa"])
        #expect(try await store.cooccurringTags(with: "nothing", limit: 10).isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func clusteringQueueStoriesAndChangeFeed(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let outcomes = try await store.upsert([
            annotated("a", tags: [], published: 1_700_000_000, source: "الأولى"),
            annotated("b", tags: [], published: 1_700_003_600, source: "الثانية"),
            annotated("c", tags: [], published: 1_700_007_200, source: "الثالثة"),
        ])
        let seqs = outcomes.compactMap(\.seq)
        let pending = try await store.pendingClustering(afterSeq: 0, limit: 10)
        #expect(pending.map(\.seq) == seqs)
        #expect(pending.first?.signature == [1, 2, 3] && pending.first?.source == "الأولى")
        #expect(try await store.pendingClustering(afterSeq: seqs[0], limit: 1).map(\.seq) == [seqs[1]])

        // a and b are one story (b a copy of a), c its own.
        try await store.recordClustering([
            StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
            StoryPlacement(seq: seqs[1], storyID: seqs[0], duplicateOf: seqs[0]),
            StoryPlacement(seq: seqs[2], storyID: seqs[2], duplicateOf: nil),
        ])
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).isEmpty)
        let story = try #require(try await store.story(id: seqs[0]))
        #expect(story.articleCount == 2 && story.sourceCount == 2 && story.sources == ["الأولى", "الثانية"])
        #expect(story.primarySeq == seqs[0] && story.first == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try await store.storyArticles(id: seqs[0]).map(\.id) == ["a", "b"])
        let b = try #require(try await store.article(id: "b"))
        #expect(b.storyID == seqs[0] && b.duplicateOf == seqs[0] && b.stage == .clustered)
        let recent = try await store.stories(from: Date(timeIntervalSince1970: 1_700_000_000),
                                             to: Date(timeIntervalSince1970: 1_700_010_000), limit: 10)
        #expect(recent.map(\.id) == [seqs[2], seqs[0]])

        let changes = try await store.clusterChanges(afterClusterSeq: 0, limit: 10)
        #expect(changes.map(\.seq) == seqs)
        let mark = try #require(changes.last?.clusterSeq)
        #expect(try await store.clusterChanges(afterClusterSeq: mark, limit: 10).isEmpty)
        let window = try await store.clusteredArticles(from: Date(timeIntervalSince1970: 1_700_003_000),
                                                       to: Date(timeIntervalSince1970: 1_700_008_000))
        #expect(window.map(\.seq) == [seqs[1], seqs[2]] && window[0].storyID == seqs[0] && window[0].duplicateOf == seqs[0])

        // Moving c into the first story: both story rows follow; the change feed moves on.
        try await store.recordClustering([StoryPlacement(seq: seqs[2], storyID: seqs[0], duplicateOf: nil)])
        #expect(try await store.story(id: seqs[2]) == nil)
        #expect(try await store.story(id: seqs[0])?.sourceCount == 3)
        #expect(try await store.clusterChanges(afterClusterSeq: mark, limit: 10).map(\.seq) == [seqs[2]])

        // An updated article goes back to the queue; an unchanged one does not.
        _ = try await store.upsert([annotated("a", tags: [], published: 1_700_000_000, source: "الأولى")])
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).isEmpty)
        var changed = annotated("a", tags: [], published: 1_700_000_000, source: "الأولى")
        changed.draft.body = "نص معدّل"
        _ = try await store.upsert([changed])
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).map(\.seq) == [seqs[0]])

        // Placing again: every article queued, the stories kept until the new placements replace them.
        try await store.resetClustering()
        #expect(try await store.story(id: seqs[0])?.articleCount == 3)
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).count == 3)
        // a and c placed in a story of their own, b alone: the old story follows, then goes
        try await store.recordClustering([StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
                                          StoryPlacement(seq: seqs[2], storyID: seqs[0], duplicateOf: nil)])
        #expect(try await store.story(id: seqs[0])?.articleCount == 3, "b is still in it until placed")
        try await store.recordClustering([StoryPlacement(seq: seqs[1], storyID: seqs[1], duplicateOf: nil)])
        #expect(try await store.story(id: seqs[0])?.articleCount == 2)
        #expect(try await store.story(id: seqs[1])?.articleCount == 1)
        #expect(try await store.article(id: "b")?.duplicateOf == nil)
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).isEmpty)
    }

    /// The story's title is its headline article's (the member that says most of what the
    /// others say), not the first article's; the first stays the primary.
    static let headlineTitles = ["صورة الفريق العجيبة تحير عشاق كرة القدم", "المدرب يستقيل من تدريب الفريق بعد التتويج باللقب",
                                 "رسمياً.. المدرب يعلن استقالته من تدريب الفريق", "استقالة مفاجئة للمدرب بعد أيام من التتويج"]

    /// Four reports of one resignation, the first a side piece, placed in one story: their seqs.
    static func placeResignation(_ store: any KhabarStore) async throws -> [Int64] {
        let seqs = try await store.upsert(headlineTitles.enumerated().map { i, title in
            var item = annotated("h\(i)", tags: [], published: 1_700_000_000 + Double(i) * 600, source: "مصدر \(i)")
            item.draft.title = title
            return item
        }).compactMap(\.seq)
        try await store.recordClustering(seqs.map { StoryPlacement(seq: $0, storyID: seqs[0], duplicateOf: nil) })
        return seqs
    }

    /// The story's title is its headline article's (the member that says most of what the
    /// others say), not the first article's; the first stays the primary.
    @Test(arguments: Backend.allCases)
    func aStoryIsHeadedByItsMostRepresentativeTitle(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await Self.placeResignation(store)
        let story = try #require(try await store.story(id: seqs[0]))
        #expect(story.primarySeq == seqs[0])
        #expect(story.headlineSeq == seqs[1] && story.title == Self.headlineTitles[1])
        let listed = try await store.stories(from: Date(timeIntervalSince1970: 1_699_000_000),
                                             to: Date(timeIntervalSince1970: 1_701_000_000), limit: 5)
        #expect(listed.first?.headlineSeq == seqs[1])
    }

    /// A story is in a window by the articles it has there: one whose later articles are dated
    /// past the window's end (misdated) is found by its earlier ones and ranked by the latest of
    /// those, the limit applied in that order; its figures stay the stored ones.
    @Test(arguments: Backend.allCases)
    func storiesAreFoundByTheirArticlesInTheWindow(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let t: TimeInterval = 1_700_000_000
        let seqs = try await store.upsert([
            annotated("a1", tags: [], published: t + 1_000, source: "الأولى"),
            annotated("a2", tags: [], published: t + 3_600, source: "الثانية"),
            annotated("a3", tags: [], published: t + 200_000, source: "الثالثة"),       // past the window's end
            annotated("b1", tags: [], published: t + 7_200, source: "الأولى"),
            annotated("c1", tags: [], published: t + 10_000, source: "الأولى"),         // the bound's own second
            annotated("c2", tags: [], published: t + 10_001, source: "الثانية"),        // one second past it
            annotated("d1", tags: [], published: t - 50_000, source: "الأولى"),         // before the window
            annotated("d2", tags: [], published: t + 300_000, source: "الثانية"),
            annotated("e1", tags: [], published: 253_402_300_799, source: "الثالثة"),   // the year 9999
            annotated("f1", tags: [], published: t - 100_000, source: "الثالثة"),
        ]).compactMap(\.seq)
        #expect(seqs.count == 10)
        let (a, b, c, d, e, f) = (seqs[0], seqs[3], seqs[4], seqs[6], seqs[8], seqs[9])
        try await store.recordClustering([
            StoryPlacement(seq: seqs[0], storyID: a, duplicateOf: nil), StoryPlacement(seq: seqs[1], storyID: a, duplicateOf: nil),
            StoryPlacement(seq: seqs[2], storyID: a, duplicateOf: nil), StoryPlacement(seq: seqs[3], storyID: b, duplicateOf: nil),
            StoryPlacement(seq: seqs[4], storyID: c, duplicateOf: nil), StoryPlacement(seq: seqs[5], storyID: c, duplicateOf: nil),
            StoryPlacement(seq: seqs[6], storyID: d, duplicateOf: nil), StoryPlacement(seq: seqs[7], storyID: d, duplicateOf: nil),
            StoryPlacement(seq: seqs[8], storyID: e, duplicateOf: nil), StoryPlacement(seq: seqs[9], storyID: f, duplicateOf: nil),
        ])
        let from = Date(timeIntervalSince1970: t), to = Date(timeIntervalSince1970: t + 10_000.5)
        let window = try await store.stories(from: from, to: to, limit: 10)
        // c by c1, b, then a by a2: not first by a3's date, not left out for it
        #expect(window.map(\.id) == [c, b, a])
        let story = try #require(window.last)
        #expect(story.articleCount == 3 && story.last == Date(timeIntervalSince1970: t + 200_000), "the stored figures")
        #expect(try await store.stories(from: from, to: to, limit: 2).map(\.id) == [c, b], "limited in that order")
        // no bound: every story by its stored last article, as before
        #expect(try await store.stories(from: from, to: .distantFuture, limit: 10).map(\.id) == [d, a, c, b])
    }

    /// A PostgreSQL database from before headlines: its stories get theirs when it is next opened.
    @Test func postgresStoriesFromBeforeHeadlinesGetThemAtOpen() async throws {
        guard let url = try await PostgresTestDatabase.freshURLOrSkip() else { return }
        let store = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
        let seqs = try await Self.placeResignation(store)
        try await store.execute(unsafeSQL: "ALTER TABLE stories DROP COLUMN headline_seq")
        try await store.execute(unsafeSQL: "UPDATE stories SET title = 'قديم'")
        try await store.execute(unsafeSQL: "DELETE FROM khabar_migrations WHERE identifier = 'v5: story headlines'")
        await store.shutdown()
        let reopened = try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 2)
        let story = try #require(try await reopened.story(id: seqs[0]))
        #expect(story.headlineSeq == seqs[1] && story.title == Self.headlineTitles[1])
        await reopened.shutdown()
    }

    @Test(arguments: Backend.allCases)
    func removingASourceRefreshesItsStories(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await store.upsert([
            annotated("a", tags: [("usa", "أمريكا")], published: 1_700_000_000, source: "الأولى"),
            annotated("b", tags: [("usa", "أمريكا")], published: 1_700_003_600, source: "الثانية"),
        ]).compactMap(\.seq)
        try await store.recordClustering([StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
                                          StoryPlacement(seq: seqs[1], storyID: seqs[0], duplicateOf: seqs[0])])
        let first = try #require(try await store.sources().first { $0.name == "الأولى" })
        #expect(try await store.removeSource(id: first.id))
        let story = try #require(try await store.story(id: seqs[0]))
        #expect(story.articleCount == 1 && story.sources == ["الثانية"])
        #expect(try await store.article(id: "b")?.duplicateOf == nil)
        #expect(try await store.tag(slug: "usa")?.articleCount == 1)
    }

    /// A paper article that bundles two wire items is stored as a copy of both; its other primaries
    /// come back on every read path, and removing one primary's source keeps the others.
    @Test(arguments: Backend.allCases)
    func aBundleCopyKeepsEveryPrimary(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let seqs = try await store.upsert([
            annotated("wire1", tags: [("usa", "أمريكا")], published: 1_700_000_000, source: "الوكالة"),
            annotated("wire2", tags: [("usa", "أمريكا")], published: 1_700_000_600, source: "وكالة أخرى"),
            annotated("paper", tags: [("usa", "أمريكا")], published: 1_700_007_200, source: "الصحيفة"),
        ]).compactMap(\.seq)
        try await store.recordClustering([
            StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
            StoryPlacement(seq: seqs[1], storyID: seqs[1], duplicateOf: nil),
            StoryPlacement(seq: seqs[2], storyID: seqs[0], duplicateOf: seqs[0], alsoDuplicateOf: [seqs[1]]),
        ])
        let paper = try #require(try await store.article(id: "paper"))
        #expect(paper.duplicateOf == seqs[0] && paper.alsoDuplicateOf == [seqs[1]])
        #expect(try await store.articles(seqs: [seqs[2]]).first?.alsoDuplicateOf == [seqs[1]])
        #expect(try await store.storyArticles(id: seqs[0]).first { $0.id == "paper" }?.alsoDuplicateOf == [seqs[1]])
        let records = try await store.clusterChanges(afterClusterSeq: 0, limit: 10)
        #expect(records.first { $0.seq == seqs[2] }?.alsoDuplicateOf == [seqs[1]])
        #expect(records.first { $0.seq == seqs[0] }?.alsoDuplicateOf == [])

        // The first primary's outlet goes: the remaining wire item leads.
        let agency = try #require(try await store.sources().first { $0.name == "الوكالة" })
        #expect(try await store.removeSource(id: agency.id))
        let after = try #require(try await store.article(id: "paper"))
        #expect(after.duplicateOf == seqs[1] && after.alsoDuplicateOf.isEmpty)

        try await store.resetClustering()
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 10).map(\.seq).contains(after.seq))
    }

    /// Batches of new articles take PostgreSQL's set-based path; the outcome must be the same as
    /// one by one, and one bad article must still reject only itself.
    /// One person under several spellings is one tag: each article keeps its own spelling, the
    /// tag takes the one most of its articles give, whatever order they came in.
    @Test(arguments: Backend.allCases)
    func aTagIsNamedAsMostOfItsArticlesSpellIt(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let major = "جيريمي كوربين", minor = "جيرمي كوربن"
        // a batch of new articles (PostgreSQL's bulk path), the minority spelling first
        _ = try await store.upsert([
            annotated("s1", tags: [("corbyn", minor)], published: 1_700_000_000),
            annotated("s2", tags: [("corbyn", major)], published: 1_700_000_100),
            annotated("s3", tags: [("corbyn", major)], published: 1_700_000_200),
        ])
        #expect(try await store.tag(slug: "corbyn")?.name == major)
        #expect(try await store.article(id: "s1")?.tags.map(\.name) == [minor])
        #expect(try await store.article(id: "s2")?.tags.map(\.name) == [major])
        #expect(try await store.tagSpellings(slug: "corbyn", limit: 5) == [major, minor])
        #expect(try await store.tagSpellings(slug: "nothing", limit: 5).isEmpty)
        // one article at a time: two each, and the spelling used last wins the tie
        _ = try await store.upsert([annotated("s4", tags: [("corbyn", minor)], published: 1_700_000_300)])
        #expect(try await store.tag(slug: "corbyn")?.name == minor)
        // re-tagged with the other spelling: three to one
        let s4 = try #require(try await store.article(id: "s4"))
        try await store.replaceAnnotations([(s4.seq, ArticleAnnotations(tags: [ArticleTag(slug: "corbyn", name: major, type: "person", score: 1)],
                                                                          attribution: ArticleAttribution(), signature: [9]))])
        #expect(try await store.tag(slug: "corbyn")?.name == major)
        #expect(try await store.article(id: "s4")?.tags.map(\.name) == [major])
        #expect(try await store.tagSpellings(slug: "corbyn", limit: 5) == [major, minor])
        #expect(try await store.tag(slug: "corbyn")?.articleCount == 4)
    }

    @Test(arguments: Backend.allCases)
    func largeBatchesOfNewArticlesStoreEverything(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let batch = (0..<20).map { i in
            annotated("bulk-\(i)", tags: [("usa", "أمريكا"), ("t\(i % 3)", "وسم \(i % 3)")], published: 1_700_000_000 + Double(i),
                      source: i % 2 == 0 ? "الأولى" : "الثانية")
        }
        let outcomes = try await store.upsert(batch)
        #expect(outcomes.allSatisfy(isInserted) && Set(outcomes.compactMap(\.seq)).count == 20)
        #expect(try await store.tag(slug: "usa")?.articleCount == 20)
        let stored = try #require(try await store.article(id: "bulk-7"))
        #expect(stored.tags.map(\.slug) == ["usa", "t1"] && stored.source.name == "الثانية")
        #expect(stored.attribution?.citedSources.first?.name == "رويترز")
        #expect(try await store.pendingClustering(afterSeq: 0, limit: 50).count == 20)
        #expect(try await store.search(SearchQuery(words: [SearchWord(exact: "عنوان", stem: "عنوان")])).total == 20)
        #expect(try await store.upsert(batch).allSatisfy(isUnchanged))

        var mixed = (20..<30).map { annotated("bulk-\($0)", tags: [("usa", "أمريكا")]) }
        mixed[4].draft.body = ""
        mixed[6].draft.url = "https://example.org/bulk-3"  // a stored article's URL: that article is updated
        let results = try await store.upsert(mixed)
        #expect(results[4].seq == nil)
        guard case .updated = results[6] else { Issue.record("expected an update, got \(results[6])"); return }
        #expect(results.enumerated().allSatisfy { i, o in [4, 6].contains(i) || isInserted(o) })
        #expect(try await store.articleCount() == 28)
        // the updated article carries the new article's tags and attribution in place of its own
        let updated = try #require(try await store.article(id: "bulk-3"))
        #expect(updated.tags.map(\.slug) == ["usa"])
        #expect(updated.attribution?.outlet == "مصدر")
        #expect(updated.source.name == "مصدر")
    }

    @Test(arguments: Backend.allCases)
    func aLeaseHasOneHolderUntilItExpires(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let now = Date()
        #expect(try await store.claimLease("stories", owner: "one", seconds: 60, now: now))
        #expect(try await store.claimLease("stories", owner: "two", seconds: 60, now: now) == false)
        #expect(try await store.claimLease("stories", owner: "one", seconds: 60, now: now))  // renewal
        #expect(try await store.claimLease("stories", owner: "two", seconds: 60, now: now.addingTimeInterval(61)))
        try await store.releaseLease("stories", owner: "one")  // not the holder: no effect
        #expect(try await store.leaseHolder("stories") == "two")
        #expect(try await store.claimLease("stories", owner: "one", seconds: 60, now: now.addingTimeInterval(62)) == false)
        try await store.releaseLease("stories", owner: "two")
        #expect(try await store.leaseHolder("stories") == nil)
        #expect(try await store.claimLease("stories", owner: "one", seconds: 60, now: now.addingTimeInterval(62)))
        #expect(try await store.leaseHolder("stories") == "one")
        #expect(try await store.leaseHolder("other") == nil)
    }
}
