import Foundation
import Hummingbird
import KhabarArabic
import KhabarModel
import KhabarStorage
import KhabarTagging

// Pages and JSON for tags (كلمات دلالية), stories and related articles.

extension Site {
    static let tagTypeNames = ["person": "شخصية", "country": "دولة", "place": "مكان", "organization": "منظمة",
                               "outlet": "وسيلة إعلام", "keyphrase": "موضوع"]

    func tagItem(_ slug: String, _ name: String) -> [String: Any] {
        ["path": Self.pathComponent(slug), "name": name]
    }

    /// A compact item for related lists: title, outlet, date.
    func relatedItem(_ article: Article) -> [String: Any] {
        ["path": Self.pathComponent(article.id), "titleHTML": HTMLText.isolated(article.title),
         "sourceName": outletName(article.source), "iso": DateParsing.iso8601(article.published),
         "date": dates.day(article.published)]
    }

    /// The window "now" stands for: the newest stored article's time, so a historical corpus
    /// still gets a front page. Articles dated in the future are passed over: one misdated item
    /// (a feed's wrong time zone, a year 9999) would otherwise move the window past everything.
    func newest() async throws -> Date {
        let clock = Date()
        return try await store.newestPublished(notAfter: clock) ?? clock
    }

    /// The cited sources as the page shows them: an arrow where the next one relayed a source
    /// (رويترز ← القاهرة الإخبارية: Reuters, as Al Qahera News carried it), a comma between
    /// sources cited one after the other.
    static func citedLine(_ cited: [AttributionCredit]) -> String {
        var line = ""
        for (i, c) in cited.enumerated() {
            if i > 0 { line += cited[i - 1].relayed == true ? " ← " : "، " }
            line += c.name
        }
        return line
    }

    /// The article page's blocks beyond the text: tags, attribution, read also, similar, same story.
    func articleExtras(_ article: Article, into context: inout [String: Any]) async throws {
        if !article.tags.isEmpty { context["tags"] = ["items": article.tags.map { tagItem($0.slug, $0.name) }] }
        if let attribution = article.attribution {
            let cited = attribution.citedSources
            if !cited.isEmpty { context["attribution"] = Self.citedLine(cited) }
        }
        // A copy names every wire item it republishes (a bundle copies several).
        if let primary = article.duplicateOf {
            let originals = try await store.articles(seqs: [primary] + article.alsoDuplicateOf)
            if !originals.isEmpty { context["original"] = originals.map(relatedItem) }
        }
        // the related lists and the story's count leave out what the lists leave out (misdated articles)
        let until = Self.listedUntil()
        let related = try await self.related.related(to: article, notAfter: until)
        if let readAlso = related.readAlso { context["readAlso"] = relatedItem(readAlso.article) }
        // read also is the best similar article: the list below it starts after it, not with it again
        let similar = related.similar.filter { $0.article.seq != related.readAlso?.article.seq }
        if !similar.isEmpty { context["similar"] = ["items": similar.map { relatedItem($0.article) }] }
        if !related.sameStory.isEmpty {
            context["sameStory"] = ["items": related.sameStory.map { relatedItem($0.article) }]
        }
        // counted as the story's page lists it: a story whose last article is not dated past the
        // bound has no misdated article, and its stored figures are those (no second read)
        if let storyID = article.storyID, let stored = try await store.story(id: storyID) {
            let story = ArticleQuery.seconds(stored.last) <= ArticleQuery.seconds(until) ? stored
                : try await listedStory(stored, until: until)?.story
            if let story, story.articleCount > 1 {
                context["story"] = ["path": "/story/\(storyID)", "articlesPhrase": ArabicCountedNoun.article(story.articleCount),
                                    "sourcesPhrase": ArabicCountedNoun.source.genitive(story.sourceCount)]
            }
        }
    }

    // MARK: home: top stories and tags

    /// Stories ranked by outlets covering them and freshness: outlets × a 24-hour half-life decay.
    ///
    /// A story is ranked and shown by the articles it lists: one holding a misdated article (a
    /// copy from a feed two days off) is in the window by its other articles, and counted, dated
    /// and headed as its page shows it (`listedStory`), not by a date the clock has not reached.
    func topStories(limit: Int) async throws -> [Story] {
        let now = try await newest()
        // up to the clock's tolerance, not to `now`: a story whose latest article a feed dated a
        // few hours ahead (local time given as UTC) is the freshest of all, not out of the window
        let until = Self.listedUntil()
        let bound = ArticleQuery.seconds(until)
        var candidates: [Story] = []
        for stored in try await store.stories(from: now.addingTimeInterval(-72 * 3600), to: until, limit: 400) {
            // only a story whose stored span runs past the bound has an article to leave out: its
            // articles are read again (a few stories, not every one)
            if ArticleQuery.seconds(stored.last) <= bound {
                candidates.append(stored)
            } else if let listed = try await listedStory(stored, until: until) {
                candidates.append(listed.story)
            }
        }
        func score(_ s: Story) -> Double {
            let hours = max(0, now.timeIntervalSince(s.last) / 3600)
            return (Double(s.sourceCount) + 0.25 * Double(min(s.articleCount, 12))) * pow(0.5, hours / 24)
        }
        return candidates.map { ($0, score($0)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id > $1.0.id }
            .prefix(limit).map(\.0)
    }

    /// The most used tags of the 24 hours before `newest()` (and of articles dated a little ahead).
    func recentTopTags(limit: Int) async throws -> [TagInfo] {
        try await topTags(.day, type: nil, limit: limit)
    }

    /// A line of the front page: a story with its headline article, and the lower-ranked stories
    /// of the same developing event (`developments`, best first).
    struct TopStory {
        var story: Story
        var headline: Article?
        var developments: [(story: Story, headline: Article?)] = []
    }

    /// How alike two stories' headline articles must be (the related-articles content score) to
    /// be one developing event on the front page. A story is one event of at most 36 hours
    /// (`StoryParameters.maxSpan`), so an offensive, a crisis or a summit's run-up that lasts
    /// days makes several stories, and the front page listed them side by side (ANT dev's last
    /// day: the Hodeidah offensive twice, the North Korean envoy's visit twice, the Gaza strikes
    /// twice). Over the top 40 of five days of ANT dev, the pairs scoring 0.19 or more were one
    /// developing event but one (a school shooting in Texas and a shooting in Germany, 0.207),
    /// which the shared-entity condition (`sameDevelopingEvent`) keeps apart; below 0.19 came
    /// pairs of one topic only (two World Cup stories, 0.176).
    static let developingEventScore = 0.19

    /// Do the headline articles of two stories report one developing event: alike in content
    /// (`developingEventScore`) and naming one entity in common (a country, person, place,
    /// organization: the same words about different actors are different events)?
    func sameDevelopingEvent(_ a: Article, _ b: Article) -> Bool {
        guard let parts = related.index.explain(a.seq, b.seq) else { return false }
        return parts.content >= Self.developingEventScore && (parts.entityOverlap ?? 0) > 0
    }

    /// `topStories`, with each story of a developing event already listed under the first (best
    /// ranked) story of that event, at most `limit` lines.
    func topStoryGroups(limit: Int) async throws -> [TopStory] {
        let ranked = try await topStories(limit: limit * 2)
        let headlines = Dictionary(try await store.articles(seqs: ranked.map(\.headlineSeq)).map { ($0.seq, $0) },
                                   uniquingKeysWith: { a, _ in a })
        try await related.ensureFresh()
        var out: [TopStory] = []
        for story in ranked {
            let headline = headlines[story.headlineSeq]
            // compared with each line's own story only, so a chain of small steps never joins two events
            if let headline, let k = out.firstIndex(where: { line in line.headline.map { sameDevelopingEvent($0, headline) } ?? false }) {
                out[k].developments.append((story, headline))
            } else if out.count < limit {
                out.append(TopStory(story: story, headline: headline))
            }
        }
        return out
    }

    func storyItem(_ story: Story, headline: Article?) -> [String: Any] {
        var item: [String: Any] = ["id": story.id, "titleHTML": HTMLText.isolated(headline?.title ?? story.title),
                                   "sourcesPhrase": ArabicCountedNoun.source(story.sourceCount),
                                   "articlesPhrase": ArabicCountedNoun.article(story.articleCount),
                                   // each name isolated: Latin names joined by the Arabic comma ran left to right as one
                                   "outletsHTML": story.sources.prefix(5).map { HTMLText.isolated(outletName($0)) }.joined(separator: "، "),
                                   "iso": DateParsing.iso8601(story.last), "date": dates.full(story.last)]
        // both always set: a story listed under another inherits the outer one's keys otherwise
        item["path"] = headline.map { Self.pathComponent($0.id) } ?? false
        item["multi"] = story.sourceCount > 1
        return item
    }

    func homePage() async throws -> RenderedPage {
        let lines = try await topStoryGroups(limit: 30)
        let tags = try await recentTopTags(limit: 15)
        guard !lines.isEmpty else { return try await latestPage(ListCursors(), heading: "آخر الأخبار", tags: tags) }
        var context: [String: Any] = ["stories": lines.map { line in
            var item = storyItem(line.story, headline: line.headline)
            if !line.developments.isEmpty {
                item["developments"] = ["items": line.developments.prefix(3).map { d in
                    var sub = storyItem(d.story, headline: d.headline)
                    sub["date"] = dates.day(d.story.last)
                    return sub
                }]
            }
            return item
        }]
        if !tags.isEmpty { context["topTags"] = ["items": tags.map { tagItem($0.slug, $0.name) }] }
        return rendered(title: "أهم الأخبار", template: "home", context: context, feedLinks: feedLinks("/feed", title: "أهم الأخبار"))
    }

    func latest(_ cursors: ListCursors) async throws -> Response {
        try await latestPage(cursors).response
    }

    func latestPage(_ cursors: ListCursors, heading: String = "كل الأخبار", tags: [TagInfo] = []) async throws -> RenderedPage {
        let result = try await listed(listQuery(cursors, limit: configuration.pageSize)) { try await store.articles($0) }
        var context: [String: Any] = ["heading": heading, "days": days(result.articles)]
        context["pager"] = pager(result, path: "/latest", cursors: cursors)
        if !tags.isEmpty { context["topTags"] = ["items": tags.map { tagItem($0.slug, $0.name) }] }
        if result.articles.isEmpty {
            // past the oldest article, a site still fetching its sources, or one with nothing yet
            context["emptyMessage"] = cursors.before?.isEmpty == false ? "لا توجد أخبار أقدم."
                : try await store.feedSources().isEmpty
                    ? "لا توجد أخبار بعد. أضف مصادر (khabar sources add) أو استورد ملفاً (khabar import)."
                    : "لم تصل أخبار بعد: المصادر قيد الجلب، وتظهر أخبارها هنا حين تصل."
        }
        return rendered(title: heading, template: "list", context: context, feedLinks: feedLinks("/latest", title: "كل الأخبار"))
    }

    // MARK: tags

    /// Other names of the tag, for "يُكتب أيضاً": its entity's names in the gazetteer, then the
    /// other spellings its articles give it (a person the gazetteer does not know is one tag under
    /// several: جيرمي كوربن beside جيريمي كوربين), each once. Names only: adjectives (فرنسي، فرنسية
    /// …), people nouns (الفرنسيون) and metonyms (الإليزيه) point to an entity but are not ways to
    /// write it.
    func aliases(of slug: String, name: String) async throws -> [String] {
        var seen = Set([ArabicNormalizerKey.key(name)])
        var out: [String] = []
        if let entity = configuration.gazetteer.entity(id: slug) {
            out = entity.aliasDetails.filter { $0.form == .name }.map(\.text).filter { seen.insert(ArabicNormalizerKey.key($0)).inserted }
        }
        for spelled in try await store.tagSpellings(slug: slug, limit: 12) where seen.insert(ArabicNormalizerKey.key(spelled)).inserted {
            out.append(spelled)
        }
        return out
    }

    /// The tags most tied to `slug`: of the 40 sharing the most articles with it, ranked by shared
    /// articles × √(the share of the other tag's articles that carry both), so a tag that is on
    /// every page (أمريكا) does not crowd out the ones this subject brings (كاراباخ → أذربيجان).
    /// Of the articles dated up to `until`, as the tag's list.
    func relatedTags(_ slug: String, limit: Int = 10, until: Date) async throws -> [CooccurringTag] {
        let candidates = try await store.cooccurringTags(with: slug, limit: 40, notAfter: until)
        func score(_ c: CooccurringTag) -> Double {
            Double(c.together) * (Double(c.together) / Double(max(c.tag.articleCount, c.together))).squareRoot()
        }
        return candidates.map { ($0, score($0)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.tag.slug < $1.0.tag.slug }
            .prefix(limit).map(\.0)
    }

    /// The stored tag an address that names none stands for: the same words as a slug spells
    /// them (/tag/الليرة → الليره: slugs fold ة and hamza seats), or the entity the words name
    /// whole, read by the site gazetteer's own matcher (/tag/إسبانيا → spain, /tag/بوتين →
    /// vladimir-putin).
    func canonicalTagSlug(_ typed: String) async throws -> String? {
        let folded = Tagger.slug(typed)
        if !folded.isEmpty, folded != typed, try await storedArticleCount(folded) > 0 { return folded }
        // an entity named so, whatever the context (الهلال alone is the club's name, and the
        // crescent's): the first reading in the gazetteer's order (countries, then capitals, then
        // other places and the rest: عمان is Oman, طرابلس Libya's capital, موناكو the country)
        // that has articles, a capital's being its country's (capitals count for their country:
        // القاهرة، /tag/cairo → egypt; عمّان, its shadda Amman's, → jordan)
        let text = typed.replacingOccurrences(of: "-", with: " ")
        let gazetteer = configuration.gazetteer
        for id in tagger.entities(named: text) + [typed] {
            var target = id
            if let e = gazetteer.entity(id: id), e.kind == "capital", let country = e.country { target = country }
            if target != typed, try await storedArticleCount(target) > 0 { return target }
        }
        // a topic typed with its article (الدولار: the tag دولار، الانتخابات-البلدية: انتخابات-بلديه;
        // an entity so named, الهند، came first), read as typed (ألغام keeps its أل)
        let phrase = Tagger.keyPhraseSlug(typed)
        if phrase != typed, phrase != folded, try await storedArticleCount(phrase) > 0 { return phrase }
        // a person the gazetteer does not know, spelled another way (/tag/جرينيل-... → غرينيل's
        // page), or by the slug a found person had before spellings shared one (rules version 9)
        let person = Tagger.personSlug(text)
        if person != typed, person != folded, try await storedArticleCount(person) > 0 { return person }
        return nil
    }

    /// A tagger over the site's gazetteer (a cheap value: it shares the compiled gazetteer).
    var tagger: Tagger { Tagger(gazetteer: configuration.gazetteer) }

    /// Stored articles carrying the tag, whatever their dates; 0 for no such tag. A tag whose
    /// every article was re-tagged away is still a row (stores keep tag rows), but no page.
    func storedArticleCount(_ slug: String) async throws -> Int {
        try await store.tag(slug: slug)?.articleCount ?? 0
    }

    /// The tag of `slug` counted up to `until`, nil when it is unknown or has no stored article
    /// at all (it may have only misdated ones: then it is found, with an empty list).
    func listedTag(_ slug: String, until: Date) async throws -> TagInfo? {
        guard let tag = try await store.tag(slug: slug, notAfter: until) else { return nil }
        if tag.articleCount > 0 { return tag }
        return try await storedArticleCount(slug) > 0 ? tag : nil
    }

    func tagPage(slug: String, _ cursors: ListCursors) async throws -> Response {
        // counted as listed: the count leaves out what the list leaves out
        let until = Self.listedUntil()
        guard let tag = try await listedTag(slug, until: until) else {
            if let target = try await canonicalTagSlug(slug) {
                // the page asked for, of the tag (its place in the list kept)
                return Response(status: .movedPermanently, headers: [.location: "/tag/" + Self.pathComponent(target) + cursors.query()])
            }
            throw HTTPError(.notFound, message: "لا يوجد وسم «\(slug.prefix(80))».")
        }
        let result = try await listed(listQuery(cursors, limit: configuration.pageSize), until: until) {
            try await store.articles(tagged: slug, query: $0)
        }
        var subheading = "\(Self.tagTypeNames[tag.type] ?? tag.type) · \(ArabicCountedNoun.news(tag.articleCount))"
        let aliases = try await aliases(of: slug, name: tag.name)
        if !aliases.isEmpty { subheading += " · يُكتب أيضاً: " + aliases.prefix(12).joined(separator: "، ") }
        // a search within the tag (`tag=` of /search)
        var context: [String: Any] = ["heading": tag.name, "subheading": subheading, "days": days(result.articles), "searchTag": slug]
        var related = try await relatedTags(slug, until: until).map { (slug: $0.tag.slug, name: $0.tag.name) }
        // a key phrase that is also a known entity's name (الهلال: the club when no cue named
        // it) leads to the entity's own page first
        if tag.type == "keyphrase" {
            for id in tagger.entities(named: tag.name).reversed()
            where !related.contains(where: { $0.slug == id }) {
                if let entity = try await store.tag(slug: id), entity.articleCount > 0 { related.insert((id, entity.name), at: 0) }
            }
        }
        if !related.isEmpty { context["relatedTags"] = ["items": related.map { tagItem($0.slug, $0.name) }] }
        context["pager"] = pager(result, path: "/tag/\(Self.pathComponent(slug))", cursors: cursors)
        context["emptyMessage"] = cursors.before?.isEmpty == false ? "لا توجد أخبار أقدم بهذا الوسم." : "لا توجد أخبار بهذا الوسم الآن."
        return page(title: tag.name, template: "list", context: context,
                    feedLinks: feedLinks("/tag/" + Self.pathComponent(slug), title: tag.name))
    }

    func apiTag(slug: String, limit: String?, _ cursors: ListCursors) async throws -> Response {
        let until = Self.listedUntil()
        guard let tag = try await listedTag(slug, until: until) else {
            // as the tag's page does: an everyday spelling or an entity's name leads to the tag
            if let target = try await canonicalTagSlug(slug) {
                return Response(status: .movedPermanently,
                                headers: [.location: "/api/tags/" + Self.pathComponent(target) + cursors.query(limit: limit)])
            }
            throw HTTPError(.notFound, message: "no tag \(slug.prefix(80))")
        }
        var query = try listQuery(cursors, limit: configuration.pageSize)
        if let limit, !limit.isEmpty {
            guard let n = Int(limit), (1...500).contains(n) else {
                throw BadRequest("limit: expected a number from 1 to 500", arabic: "قيمة «limit» عدد من 1 إلى 500.")
            }
            query.limit = n
        }
        let result = try await listed(query, until: until) { try await store.articles(tagged: slug, query: $0) }
        let related = try await relatedTags(slug, until: until).map {
            TagJSON.Related(slug: $0.tag.slug, name: $0.tag.name, type: $0.tag.type, together: $0.together)
        }
        return Self.json(TagJSON(slug: tag.slug, name: tag.name, type: tag.type, aliases: try await aliases(of: slug, name: tag.name),
                                 articleCount: tag.articleCount,
                                 articles: result.articles.map { ArticleJSON($0, includeBody: false, outlets: outlets) },
                                 next: result.next?.description, newer: result.newer?.description, related: related))
    }

    // MARK: stories

    /// A story as its page, its feeds and the API show it: its articles dated up to `until`
    /// (`listedUntil()`), oldest first, and the story's figures as those make them. An article
    /// dated further ahead (a feed two days off, a year 2099) is left out, as every list leaves
    /// it out; the stored figures count it, and run the story's span to its date.
    ///
    /// Nil when none of its articles is listed yet: such a story is not found, as an unknown id
    /// is, until the clock reaches its first article. Shown empty, it would be a page headed by
    /// the title of an article the lists hide, with no dates to show.
    func listedStory(_ stored: Story, until: Date = Self.listedUntil()) async throws -> (story: Story, articles: [Article])? {
        let bound = ArticleQuery.seconds(until)
        let all = try await store.storyArticles(id: stored.id)
        let articles = all.filter { ArticleQuery.seconds($0.published) <= bound }
        guard let first = articles.first, let last = articles.last else { return nil }
        if articles.count == all.count { return (stored, articles) }
        var story = stored
        var sources: [String] = []
        for article in articles where !sources.contains(article.source.name) { sources.append(article.source.name) }
        (story.articleCount, story.sourceCount, story.sources) = (articles.count, sources.count, sources)
        (story.first, story.last) = (first.published, last.published)   // oldest first
        // a headline of its own when the stored one is among those left out
        if !articles.contains(where: { $0.seq == stored.headlineSeq }) {
            let headline = articles[StoryHeadline.choose(articles.map {
                StoryHeadline.Member(seq: $0.seq, title: $0.title, published: ArticleQuery.seconds($0.published),
                                     isCopy: $0.duplicateOf != nil)
            }) ?? 0]
            (story.headlineSeq, story.title) = (headline.seq, headline.title)
        }
        return (story, articles)
    }

    /// The story at a path id as `listedStory` shows it; not found when the id is not one the
    /// site writes, names no story, or the story has no article listed yet.
    func listedStory(id rawID: String, notFound message: String) async throws -> (story: Story, articles: [Article]) {
        guard let id = Self.pathID(rawID), let stored = try await store.story(id: id),
              let listed = try await listedStory(stored) else {
            throw HTTPError(.notFound, message: message)
        }
        return listed
    }

    func storyPage(id rawID: String) async throws -> Response {
        let (story, articles) = try await listedStory(id: rawID, notFound: "لا توجد قصة بالمعرّف «\(rawID.prefix(40))».")
        let id = story.id
        let bySeq = Dictionary(uniqueKeysWithValues: articles.map { ($0.seq, $0) })
        let timeline = articles.map { article -> [String: Any] in
            var item = relatedItem(article)
            item["time"] = dates.full(article.published)
            if article.seq == story.primarySeq { item["primary"] = true }
            let originals = ([article.duplicateOf].compactMap { $0 } + article.alsoDuplicateOf).compactMap { bySeq[$0] }
            if !originals.isEmpty {
                var names: [String] = []
                for original in originals where !names.contains(outletName(original.source)) { names.append(outletName(original.source)) }
                item["copyOf"] = names.joined(separator: "، ")
            }
            return item
        }
        let context: [String: Any] = [
            "titleHTML": HTMLText.isolated(story.title),
            "summary": "\(ArabicCountedNoun.article(story.articleCount)) من \(ArabicCountedNoun.source.genitive(story.sourceCount)) · من \(dates.full(story.first)) إلى \(dates.labeled(story.last))",
            "primarySource": bySeq[story.primarySeq].map { outletName($0.source) } ?? story.sources.first.map(outletName) ?? "",
            "timeline": timeline,
        ]
        return page(title: story.title, template: "story", context: context, feedLinks: feedLinks("/story/\(id)", title: story.title))
    }

    func apiStory(id rawID: String) async throws -> Response {
        let (story, articles) = try await listedStory(id: rawID, notFound: "no story \(rawID.prefix(40))")
        return Self.json(StoryJSON(story, articles: articles))
    }

    /// The most top-story lines `/api/stories` pages through: `topStories` ranks at most 400
    /// stories of the last 72 hours, and the lines group them.
    static let rankedLinesLimit = 400

    /// The top stories, `limit` lines (1 to 100, 50 by default) from a position in the ranking.
    /// The list is ranked, not dated, so its cursors are positions: `next` (passed back as
    /// `before`) is where the lower-ranked page starts, `newer` (passed back as `after`) the
    /// position the higher-ranked page ends at, as `/api/articles` pages by time. A position is a
    /// count of lines above it; the ranking moves as news comes in, as a list's newest page does.
    func apiStories(limit: String?, _ cursors: ListCursors) async throws -> Response {
        var n = 50
        if let limit, !limit.isEmpty {
            guard let value = Int(limit), (1...100).contains(value) else {
                throw BadRequest("limit: expected a number from 1 to 100", arabic: "قيمة «limit» عدد من 1 إلى 100.")
            }
            n = value
        }
        func position(_ raw: String?, name: String) throws -> Int? {
            guard let raw, !raw.isEmpty else { return nil }
            guard let value = Int(raw), (0...Self.rankedLinesLimit).contains(value) else {
                throw BadRequest("\(name): expected a position in the ranking from 0 to \(Self.rankedLinesLimit), got \(raw.prefix(40))",
                                 arabic: "قيمة «\(name)» موضع في الترتيب من 0 إلى \(Self.rankedLinesLimit)، وقد وصل: «\(raw.prefix(40))».")
            }
            return value
        }
        let before = try position(cursors.before, name: "before"), after = try position(cursors.after, name: "after")
        if before != nil && after != nil {
            throw BadRequest("before and after: give one of them", arabic: "يُعطى «before» أو «after»، لا كلاهما.")
        }
        // one line past the page says another page follows
        let lines = try await topStoryGroups(limit: min((before ?? after ?? 0) + n + 1, Self.rankedLinesLimit))
        // a position past the ranking's end (it shrank, or was never so long) stands for its end
        let start: Int, end: Int
        if let after {
            end = min(after, lines.count)
            start = max(0, end - n)
        } else {
            start = min(before ?? 0, lines.count)
            end = min(start + n, lines.count)
        }
        return Self.json(StoryListJSON(
            stories: lines[start..<end].map { line in
                var json = StoryJSON(line.story, articles: nil, headlineID: line.headline?.id)
                if !line.developments.isEmpty { json.developments = line.developments.map(\.story.id) }
                return json
            },
            next: lines.count > end ? String(end) : nil,
            newer: start > 0 ? String(start) : nil))
    }

    func apiRelated(id: String, limit: String?) async throws -> Response {
        guard let article = try await store.article(id: id) else {
            throw HTTPError(.notFound, message: "no article with id \(id.prefix(80))")
        }
        var n = 10
        if let limit, !limit.isEmpty {
            guard let value = Int(limit), (1...50).contains(value) else {
                throw BadRequest("limit: expected a number from 1 to 50", arabic: "قيمة «limit» عدد من 1 إلى 50.")
            }
            n = value
        }
        // as the article's page lists them: misdated articles left out
        return Self.json(RelatedJSON(id: article.id, related: try await related.related(to: article, limit: n, notAfter: Self.listedUntil())))
    }
}

/// Alias de-duplication key: the matching form, so أميركا and أمريكا count once.
enum ArabicNormalizerKey {
    static func key(_ s: String) -> String { ArabicNormalizer.normalize(s) }
}

struct TagJSON: Codable {
    /// A tag sharing articles with this one (`together` carry both).
    struct Related: Codable {
        var slug: String
        var name: String
        var type: String
        var together: Int
    }

    var slug: String
    var name: String
    var type: String
    var aliases: [String]?
    var articleCount: Int
    var articles: [ArticleJSON]?
    var next: String?
    var newer: String?
    var related: [Related]?
}

/// A page of `/api/stories`: lines of the ranking, and the positions the pages beside it start at.
struct StoryListJSON: Codable {
    var stories: [StoryJSON]
    var next: String?
    var newer: String?
}

struct StoryJSON: Codable {
    var id: Int64
    var title: String
    var primary: Int64
    /// The id of the article whose title heads the story.
    var headline: String?
    var first: String
    var last: String
    var articleCount: Int
    var sourceCount: Int
    var sources: [String]
    var articles: [StoryArticleJSON]?
    /// On the top-stories list: the ids of the lower-ranked stories of the same developing event.
    var developments: [Int64]?

    struct StoryArticleJSON: Codable {
        var id: String
        var title: String
        var source: String
        var published: String
        var duplicateOf: String?
        /// Further items of this story the article also copies (it bundles several).
        var alsoDuplicateOf: [String]?
    }

    /// `headlineID`: the headline article's id when `articles` is not given.
    init(_ story: Story, articles: [Article]?, headlineID: String? = nil) {
        id = story.id
        title = story.title
        primary = story.primarySeq
        headline = headlineID ?? articles?.first { $0.seq == story.headlineSeq }?.id
        first = DateParsing.iso8601(story.first)
        last = DateParsing.iso8601(story.last)
        articleCount = story.articleCount
        sourceCount = story.sourceCount
        sources = story.sources
        if let articles {
            let ids = Dictionary(uniqueKeysWithValues: articles.map { ($0.seq, $0.id) })
            self.articles = articles.map {
                let also = $0.alsoDuplicateOf.compactMap { ids[$0] }
                return StoryArticleJSON(id: $0.id, title: $0.title, source: $0.source.name,
                                        published: DateParsing.iso8601($0.published), duplicateOf: $0.duplicateOf.flatMap { ids[$0] },
                                        alsoDuplicateOf: also.isEmpty ? nil : also)
            }
        }
    }
}
