import Foundation
import Hummingbird
import KhabarModel
import KhabarStorage

// Feeds out: every list page (top stories, latest, a tag, an outlet, a story, a search) as RSS,
// Atom and JSON Feed, announced in the page head so feed readers find them.

extension Site {
    /// The site's absolute origin for links in feeds: `--public-url` when set, else the request's
    /// host (only host characters accepted), else the address the server listens on.
    func origin(_ request: Request) -> String {
        if let url = configuration.publicURL { return url }
        if let host = request.head.authority, Self.isHost(host) { return "http://" + host }
        return "http://\(configuration.host):\(configuration.port)"
    }

    /// Letters, digits and `.-:[]` (names, IPv4, bracketed IPv6, a port), at most 255 bytes.
    static func isHost(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 255 && s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2E || b == 0x2D || b == 0x3A || b == 0x5B || b == 0x5D
        }
    }

    /// The `<link rel="alternate">` list of a page whose feeds are `path.rss` … (`query` is kept).
    func feedLinks(_ path: String, title: String, query: String = "") -> [[String: String]] {
        SyndicationFormat.allCases.map { f in
            ["type": String(f.contentType.prefix { $0 != ";" }), "title": "\(title) (\(f.label))",
             "href": path + "." + f.rawValue + query]
        }
    }

    func feedEntry(_ a: Article, origin: String) -> SyndicationFeed.Entry {
        let paragraphs = a.paragraphs
        return SyndicationFeed.Entry(
            url: origin + "/article/" + Self.pathComponent(a.id), title: a.title, externalURL: Self.originalURL(a),
            // no outlet's revision time is stored: the entry is dated by its publication alone
            published: a.published, updated: nil, stored: a.updatedAt, author: a.author, sourceName: outletName(a.source),
            sourceURL: origin + "/source/\(a.source.id)",
            summary: SyndicationFeed.summary(a.summary, paragraphs: paragraphs), paragraphs: paragraphs,
            category: a.categoryAr ?? a.category)
    }

    /// The feed as a response, with an ETag of its bytes: a reader that sends it back gets 304.
    func feedResponse(_ feed: SyndicationFeed, _ format: SyndicationFormat, request: Request) -> Response {
        let body = feed.render(format)
        var hasher = FNV1a64()
        hasher.combine(body)
        let etag = "\"" + String(hasher.value, radix: 16) + "\""
        // never after now (RFC 9110 §8.8.2.1): `feed(…)` caps the feed's dates
        let modified = feed.lastModified
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "public, max-age=300",
                                   .lastModified: DateParsing.rfc822(modified)]
        if let sent = request.headers[.ifNoneMatch] {
            if sent.split(separator: ",").contains(where: {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == etag || tag == "W/" + etag || tag == "*"
            }) {
                return Response(status: .notModified, headers: headers)
            }
        } else if let since = request.headers[.ifModifiedSince].flatMap(DateParsing.httpDate),
                  modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970 {
            // only without If-None-Match (RFC 9110 §13.1.3); Last-Modified is whole seconds
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = format.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `path`: the feeds' path without suffix, also the page's unless `page` is given.
    func feed(title: String, description: String, path: String, page: String? = nil, query: String = "",
              articles: [Article], request: Request) async throws -> SyndicationFeed {
        let origin = origin(request)
        // an empty feed's date is the site's newest article (read only then)
        let emptyUpdated = articles.isEmpty ? try await newest() : .distantPast
        var feed = SyndicationFeed(title: title + " — خبر", description: description, pageURL: origin + (page ?? path) + query,
                                   feedBase: origin + path, entries: articles.map { feedEntry($0, origin: origin) },
                                   emptyUpdated: emptyUpdated)
        feed.feedQuery = query
        // A misdated entry does not date the feed (nor its Last-Modified: a reader sending
        // If-Modified-Since would miss what is added until that date). Capped only when ahead:
        // capping to a second before now as well gave two requests a second apart two
        // Last-Modified values, and the second a 200 for an unchanged feed.
        let now = Date()
        (feed.updated, feed.lastModified) = (min(feed.updated, now), min(feed.lastModified, now))
        return feed
    }

    // MARK: the pages' feeds

    /// `/feed.*`: the home page's top stories, each as its headline article, one per developing
    /// event (the latest articles while no story is formed yet).
    func homeFeed(_ format: SyndicationFormat, request: Request) async throws -> Response {
        let lines = try await topStoryGroups(limit: configuration.pageSize)
        var articles: [Article]
        if lines.isEmpty {
            articles = try await listed(ArticleQuery(limit: configuration.pageSize)) { try await store.articles($0) }.articles
        } else {
            articles = lines.compactMap(\.headline)
        }
        let feed = try await feed(title: "أهم الأخبار", description: "أهم القصص الإخبارية من كل المصادر", path: "/feed", page: "/",
                                  articles: articles, request: request)
        return feedResponse(feed, format, request: request)
    }

    func latestFeed(_ format: SyndicationFormat, request: Request) async throws -> Response {
        let articles = try await listed(ArticleQuery(limit: configuration.pageSize)) { try await store.articles($0) }.articles
        let feed = try await feed(title: "كل الأخبار", description: "آخر الأخبار من كل المصادر، الأحدث أولاً", path: "/latest",
                                  articles: articles, request: request)
        return feedResponse(feed, format, request: request)
    }

    func tagFeed(slug: String, _ format: SyndicationFormat, request: Request) async throws -> Response {
        // (a tag row left with no stored article is no tag, as on its page)
        guard let tag = try await store.tag(slug: slug), tag.articleCount > 0 else {
            // an address in everyday spelling or an entity's name leads to the tag's feed, as to its page
            if let target = try await canonicalTagSlug(slug) {
                return Response(status: .movedPermanently, headers: [.location: "/tag/" + Self.pathComponent(target) + "." + format.rawValue])
            }
            throw HTTPError(.notFound, message: "لا يوجد وسم «\(slug.prefix(80))».")
        }
        let articles = try await listed(ArticleQuery(limit: configuration.pageSize)) {
            try await store.articles(tagged: slug, query: $0)
        }.articles
        let kind = Self.tagTypeNames[tag.type] ?? tag.type
        let feed = try await feed(title: tag.name, description: "أخبار الوسم «\(tag.name)» (\(kind))، الأحدث أولاً",
                                  path: "/tag/" + Self.pathComponent(slug), articles: articles, request: request)
        return feedResponse(feed, format, request: request)
    }

    func sourceFeed(id rawID: String, _ format: SyndicationFormat, request: Request) async throws -> Response {
        guard let id = Self.pathID(rawID), let source = try await store.source(id: id) else {
            throw HTTPError(.notFound, message: "لا يوجد مصدر بالمعرّف «\(rawID.prefix(40))».")
        }
        let articles = try await listed(ArticleQuery(sourceID: id, limit: configuration.pageSize)) { try await store.articles($0) }.articles
        let name = outletName(source)
        let feed = try await feed(title: name, description: "أخبار \(name)، الأحدث أولاً",
                                  path: "/source/\(id)", articles: articles, request: request)
        return feedResponse(feed, format, request: request)
    }

    /// A story's coverage, newest first: a reader following one event sees each new outlet's
    /// report. The articles its page lists (`listedStory`): none dated far ahead.
    func storyFeed(id rawID: String, _ format: SyndicationFormat, request: Request) async throws -> Response {
        let (story, listed) = try await listedStory(id: rawID, notFound: "لا توجد قصة بالمعرّف «\(rawID.prefix(40))».")
        let id = story.id
        let articles = listed
            .sorted { $0.published != $1.published ? $0.published > $1.published : $0.seq > $1.seq }
        let feed = try await feed(title: story.title, description: "تغطية القصة من \(ArabicCountedNoun.source.genitive(story.sourceCount))، الأحدث أولاً",
                                  path: "/story/\(id)", articles: Array(articles.prefix(configuration.pageSize)),
                                  request: request)
        return feedResponse(feed, format, request: request)
    }

    /// A saved search: the best matches of the query (with its filters), as the search page ranks them.
    func searchFeed(_ parameters: SearchParameters, _ format: SyndicationFormat, request: Request) async throws -> Response {
        let trimmed = parameters.query.trimmed
        guard !trimmed.isEmpty else {
            throw BadRequest("q: a search query is required for a search feed", arabic: "خلاصة البحث تحتاج إلى ما يُبحث عنه في «q».")
        }
        let response = try await engine.search(trimmed, filters: try await searchFilters(parameters, pageSize: 20, api: false))
        let feed = try await feed(title: "البحث: \(trimmed.prefix(60))", description: "نتائج البحث عن «\(trimmed.prefix(200))»",
                                  path: "/search", query: parameters.queryString(), articles: response.results.map(\.hit.article),
                                  request: request)
        return feedResponse(feed, format, request: request)
    }
}
