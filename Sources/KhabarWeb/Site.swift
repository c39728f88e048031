import Foundation
import Hummingbird
import KhabarModel
import KhabarStorage
import KhabarTagging
import Mustache
import NIOCore

/// Renders pages and API answers from the store. Holds no mutable state.
struct Site: Sendable {
    let store: any KhabarStore
    let configuration: WebConfiguration
    let library: MustacheLibrary
    let dates: ArabicDateFormatter
    let engine: SearchEngine
    let related: RelatedService
    /// The Arabic names of known outlets, shown in place of the names sources are stored under.
    let outlets: OutletNames
    /// The rendered home page and when it was rendered (`WebConfiguration.homePageCacheSeconds`).
    let homeCache = RenderedPageCache()
    /// The topics directory's counts, by period, type and length, as long as the home page is
    /// kept: counting every date's tags takes a tenth of a second, and a crowd asks at once.
    let topTagsCache = TopTagsCache()

    init(store: any KhabarStore, configuration: WebConfiguration, related: RelatedService) throws {
        self.store = store
        self.configuration = configuration
        self.related = related
        self.outlets = OutletNames(gazetteer: configuration.gazetteer)
        self.dates = ArabicDateFormatter(timeZone: configuration.timeZone)
        self.engine = SearchEngine(index: store, variants: SpellingVariants(gazetteer: configuration.gazetteer))
        self.library = try Self.makeLibrary()
    }

    /// The page templates, compiled.
    static func makeLibrary() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in [("layout", Templates.layout), ("article", Templates.article), ("list", Templates.list),
                             ("sources", Templates.sources), ("search", Templates.search), ("notFound", Templates.notFound),
                             ("error", Templates.error), ("home", Templates.home), ("story", Templates.story),
                             ("tags", Templates.tags)] {
            library.register(try MustacheTemplate(string: text), named: name)
        }
        return library
    }

    /// A digest of the stylesheet, in its URL: a new release's sheet is fetched at once, and one
    /// URL's sheet can be cached for good.
    static let cssVersion: String = {
        var hasher = FNV1a64()
        hasher.combine(Templates.css)
        return String(hasher.value & 0xffff_ffff, radix: 16)
    }()

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' https: data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        .init("X-Content-Type-Options")!: "nosniff",
        .init("Referrer-Policy")!: "strict-origin-when-cross-origin",
    ]

    func page(title: String, template: String, context: [String: Any], status: HTTPResponse.Status = .ok,
              feedLinks: [[String: String]] = []) -> Response {
        rendered(title: title, template: template, context: context, status: status, feedLinks: feedLinks).response
    }

    /// The page as bytes, before it becomes a response (the home page keeps them a while).
    func rendered(title: String, template: String, context: [String: Any], status: HTTPResponse.Status = .ok,
                  feedLinks: [[String: String]] = []) -> RenderedPage {
        let content = library.render(context, withTemplate: template) ?? ""
        // a tab shows a few words: a 5,000-character headline made a 5,000-character <title>
        let shortTitle = title.count > 90 ? String(title.prefix(90)) + "…" : title
        var layoutContext: [String: Any] = ["pageTitle": shortTitle, "content": content, "cssVersion": Self.cssVersion,
                                            "zoneNote": dates.zoneNote()]
        if !feedLinks.isEmpty { layoutContext["feedLinks"] = feedLinks }
        let html = library.render(layoutContext, withTemplate: "layout") ?? ""
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return RenderedPage(status: status, headers: headers, body: ByteBuffer(string: html))
    }

    func notFoundPage(message: String?) -> Response {
        page(title: "الصفحة غير موجودة", template: "notFound",
             context: ["message": message ?? "لم نجد ما تبحث عنه. ربما حُذف الخبر أو تغيّر رابطه."], status: .notFound)
    }

    /// The parameters a 400's message names ("before, after: give one of them") as an Arabic
    /// clause for the page (": «before»، «after»"), or "" when it names none.
    static func parameterNames(_ message: String?) -> String {
        guard let message, let colon = message.firstIndex(of: ":") else { return "" }
        let names = message[..<colon].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && $0.count <= 20 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_") } })
        else { return "" }
        return " (" + names.map { "«\($0)»" }.joined(separator: "، ") + ")"
    }

    func errorPage(status: HTTPResponse.Status, heading: String, message: String, detail: String? = nil) -> Response {
        var context: [String: Any] = ["heading": heading, "message": message]
        // what the request sent may hold control characters (%00, %1B): HTML escaping leaves
        // them, a page should not carry them
        if let detail, !detail.isEmpty {
            context["detail"] = String(String.UnicodeScalarView(detail.unicodeScalars.map {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0
            }))
        }
        return page(title: heading, template: "error", context: context, status: status)
    }

    // MARK: Pages

    /// The outlet's own page of the article, when its URL is one a browser may follow (http or
    /// https: imported ids and `javascript:` never become links).
    static func originalURL(_ article: Article) -> String? {
        article.url.hasPrefix("https://") || article.url.hasPrefix("http://") ? article.url : nil
    }

    /// A numeric id as the site writes it in paths: "/source/01" and "/source/+1" would be second
    /// addresses of one page (a crawler or a cache keeps both), so they are not found.
    static func pathID(_ raw: String) -> Int64? {
        guard let id = Int64(raw), String(id) == raw else { return nil }
        return id
    }

    /// The `source` filter of a list or a search as a source id. Ids start at 1, so 0 and -1 are
    /// as unreadable as "abc": they were looked up and answered 404 "no source -1", which reads as
    /// an outlet that was removed, not as a value that can never name one.
    static func sourceID(_ raw: String, field: String = "source") throws -> Int64 {
        guard let id = Int64(raw), id > 0 else {
            throw BadRequest("\(field): expected a numeric source id (1 or more)",
                             arabic: "قيمة «\(field)» رقم مصدر: عدد صحيح من 1 فأكثر.")
        }
        return id
    }

    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: pathComponentAllowed) ?? id
    }

    /// Built once: making it per link was a hot spot of list pages.
    static let pathComponentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))

    /// A query parameter's value as a URL writes it.
    static func queryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? value
    }

    static let queryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))

    /// The name an outlet is shown by on pages and in feeds: its Arabic name when the gazetteer
    /// knows the outlet (`OutletNames`), else the name it is stored under.
    func outletName(_ source: Source) -> String { outlets.displayName(of: source.name, domain: source.domain) }

    /// The same for an outlet known by its stored name alone (a story's list of sources).
    func outletName(_ name: String) -> String { outlets.displayName(of: name, domain: nil) }

    func listItem(_ article: Article) -> [String: Any] {
        ["path": Self.pathComponent(article.id), "titleHTML": HTMLText.isolated(article.title),
         "sourceID": article.source.id, "sourceName": outletName(article.source),
         "iso": DateParsing.iso8601(article.published), "time": dates.time(article.published)]
    }

    /// Groups a newest-first page of articles under one heading per local day.
    func days(_ articles: [Article]) -> [[String: Any]] {
        var groups: [[String: Any]] = []
        var currentKey = -1
        var items: [[String: Any]] = []
        var heading = ""
        for article in articles {
            let key = dates.dayKey(article.published)
            if key != currentKey {
                if !items.isEmpty { groups.append(["day": heading, "items": items]) }
                items = []
                currentKey = key
                heading = dates.day(article.published)
            }
            items.append(listItem(article))
        }
        if !items.isEmpty { groups.append(["day": heading, "items": items]) }
        return groups
    }

    /// A list request's position: `before` pages toward older articles, `after` toward newer ones.
    struct ListCursors: Sendable {
        var before: String?
        var after: String?

        init(before: String? = nil, after: String? = nil) {
            self.before = before
            self.after = after
        }

        init(_ request: Request) {
            let q = request.uri.queryParameters
            self.init(before: q["before"].map(String.init), after: q["after"].map(String.init))
        }

        /// Whether the request names a position (else it asks for the newest page).
        var isSet: Bool { before?.isEmpty == false || after?.isEmpty == false }

        /// The query that asks for this position again ("?limit=…&before=…", with `limit` when
        /// given), or "" for none: a redirect to a list keeps the page asked for.
        func query(limit: String? = nil) -> String {
            var items: [String] = []
            if let limit, !limit.isEmpty { items.append("limit=" + Site.queryValue(limit)) }
            if let before { items.append("before=" + Site.queryValue(before)) }
            if let after { items.append("after=" + Site.queryValue(after)) }
            return items.isEmpty ? "" : "?" + items.joined(separator: "&")
        }
    }

    func cursor(_ raw: String?, name: String) throws -> ArticleCursor? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let cursor = ArticleCursor(parsing: raw) else {
            throw BadRequest("\(name): expected a date (2018-05-08) or a cursor, got \(raw.prefix(40))",
                             arabic: "قيمة «\(name)» تاريخ (مثل 2018-05-08) أو موضع في القائمة، وقد وصل: «\(raw.prefix(40))».")
        }
        return cursor
    }

    /// A list query of `limit` articles at the request's position; a cursor that does not parse,
    /// or both at once, is a bad request.
    func listQuery(_ cursors: ListCursors, limit: Int, sourceID: Int64? = nil) throws -> ArticleQuery {
        let before = try cursor(cursors.before, name: "before"), after = try cursor(cursors.after, name: "after")
        if before != nil && after != nil {
            throw BadRequest("before, after: give one of them, not both", arabic: "يُعطى «before» أو «after»، لا الاثنان معاً.")
        }
        return ArticleQuery(sourceID: sourceID, limit: limit, before: before, after: after)
    }

    /// How far past the clock an article's date may lie and the article still be listed. A feed
    /// that gives local time as UTC dates fresh news a few hours ahead, and those belong at the top
    /// now; an article dated further (2099) is misdated, and would head every list for good.
    static let futureTolerance: TimeInterval = 24 * 3600

    /// The latest date a listed article (or story) may carry: the clock plus `futureTolerance`.
    static func listedUntil() -> Date { Date().addingTimeInterval(futureTolerance) }

    /// A page of a newest-first list (every article, an outlet's, a tag's) as the pages, their
    /// feeds and the API show it: articles dated more than `futureTolerance` ahead are left out,
    /// by the same published-at-or-before bound the home page's `newest()` reads. Their own pages
    /// still open, and they are listed once the clock catches up.
    ///
    /// Both neighbours are known: past a cursor, one row is read on the other side to say whether
    /// a page lies there (`next` older, `newer` newer). An `after` page that reaches the newest
    /// articles is the first page itself, full, rather than the few articles above the cursor.
    ///
    /// `until`: the bound, when the page also counts with it (one clock reading for both).
    func listed(_ query: ArticleQuery, until: Date = Self.listedUntil(),
                _ list: (ArticleQuery) async throws -> ArticlePage) async throws -> ArticlePage {
        var query = query
        query.notAfter = until
        // an outlet's article stored twice is listed once (see "Repeats" in KhabarStorage)
        query.skipsRepeats = true
        var page = try await list(query)
        func probe(before: ArticleCursor? = nil, after: ArticleCursor? = nil) async throws -> Bool {
            var one = query
            (one.limit, one.before, one.after) = (1, before, after)
            return try await !list(one).articles.isEmpty
        }
        if query.after != nil {
            guard page.newer != nil else {
                query.after = nil
                return try await list(query)
            }
            if let last = page.articles.last.map(ArticleCursor.init), try await probe(before: last) { page.next = last }
        } else if query.before != nil, let first = page.articles.first.map(ArticleCursor.init), try await probe(after: first) {
            page.newer = first
        }
        return page
    }

    /// The pager of a list page at `path`: newer, the first page, older, as far as they exist;
    /// nil when the page has none.
    func pager(_ page: ArticlePage, path: String, cursors: ListCursors) -> [String: Any]? {
        var links: [[String: String]] = []
        if let newer = page.newer { links.append(["rel": "prev", "href": "\(path)?after=\(newer)", "label": "أخبار أحدث"]) }
        // the first page too, from a page with newer ones or from an empty one past either end
        if page.newer != nil || (cursors.isSet && page.articles.isEmpty) { links.append(["href": path, "label": "الصفحة الأولى"]) }
        if let next = page.next { links.append(["rel": "next", "href": "\(path)?before=\(next)", "label": "أخبار أقدم"]) }
        return links.isEmpty ? nil : ["links": links]
    }

    /// `gzip`: the client takes gzip (the cache then answers with the page compressed once,
    /// rather than `CompressionMiddleware` compressing it for every request).
    func home(_ cursors: ListCursors, gzip: Bool) async throws -> Response {
        // `/?before=…` keeps working for old links: it is the chronological list (and so is
        // `after`, with the same checks: both at once is a 400 there too)
        if cursors.isSet { return try await latest(cursors) }
        let maxAge = configuration.homePageCacheSeconds
        if maxAge > 0, let page = homeCache.get(maxAge: maxAge, gzip: gzip) { return page.response }
        let page = try await homePage()
        if maxAge > 0 { homeCache.put(page) }
        return page.response
    }

    func article(id: String) async throws -> Response {
        guard let article = try await store.article(id: id) else {
            throw HTTPError(.notFound, message: "لا يوجد خبر بالمعرّف «\(id.prefix(80))».")
        }
        var context: [String: Any] = [
            "titleHTML": HTMLText.isolated(article.title),
            "sourceID": article.source.id, "sourceName": outletName(article.source),
            "iso": DateParsing.iso8601(article.published), "date": dates.labeled(article.published),
            "paragraphs": article.paragraphs.map(HTMLText.isolated),
        ]
        if let category = article.categoryAr ?? article.category { context["category"] = category }
        if let author = article.author { context["author"] = HTMLText.isolated(author) }
        if let original = Self.originalURL(article) { context["originalURL"] = original }
        try await articleExtras(article, into: &context)
        return page(title: article.title, template: "article", context: context)
    }

    func source(id rawID: String, _ cursors: ListCursors) async throws -> Response {
        // counted as listed: the count leaves out what the list leaves out
        let until = Self.listedUntil()
        guard let id = Self.pathID(rawID), let source = try await store.source(id: id, notAfter: until) else {
            throw HTTPError(.notFound, message: "لا يوجد مصدر بالمعرّف «\(rawID.prefix(40))».")
        }
        let result = try await listed(listQuery(cursors, limit: configuration.pageSize, sourceID: id), until: until) {
            try await store.articles($0)
        }
        let name = outletName(source)
        var context: [String: Any] = ["heading": name, "days": days(result.articles),
                                      "subheading": ArabicCountedNoun.news(source.articleCount) + (source.domain.map { " · \($0)" } ?? "")]
        context["pager"] = pager(result, path: "/source/\(id)", cursors: cursors)
        context["emptyMessage"] = cursors.before?.isEmpty == false ? "لا توجد أخبار أقدم من هذا المصدر." : "لم يصل من هذا المصدر أي خبر بعد."
        if let feed = try await store.feedSource(id: id) { context["feed"] = feedStatus(feed) }
        return page(title: name, template: "list", context: context, feedLinks: feedLinks("/source/\(id)", title: name))
    }

    /// The per-source status block: what the last poll did and when the next one is.
    func feedStatus(_ feed: FeedSource) -> [String: Any] {
        var status: [String: Any] = ["feedURL": feed.feedURL, "interval": "\(Int(feed.pollInterval / 60)) دقيقة"]
        if let last = feed.lastFetchAt { status["lastFetch"] = dates.labeled(last) } else { status["lastFetch"] = "لم يُجلب بعد" }
        if let code = feed.lastStatus { status["httpStatus"] = code }
        if let items = feed.lastItems { status["itemsPhrase"] = ArabicCountedNoun.item(items) }
        if let error = feed.lastError { status["error"] = error }
        if let next = feed.nextPollAt { status["nextPoll"] = dates.labeled(next) }
        if !feed.enabled { status["disabled"] = true }
        return status
    }

    /// The outlets, each with as many news as its page lists.
    func sourcesPage() async throws -> Response {
        let sources = try await store.sources(notAfter: Self.listedUntil()).map { s -> [String: Any] in
            var item: [String: Any] = ["id": s.id, "name": outletName(s), "countPhrase": ArabicCountedNoun.news(s.articleCount)]
            if let domain = s.domain { item["domain"] = domain }
            return item
        }
        return page(title: "المصادر", template: "sources", context: ["sources": sources])
    }

    // MARK: JSON

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"encoding failed\"}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func health() async throws -> Response {
        do {
            try await store.ping()
            return Self.json(["status": "ok"])
        } catch {
            return Self.json(["status": "unavailable"], status: .serviceUnavailable)
        }
    }

    func apiArticle(id: String) async throws -> Response {
        guard let article = try await store.article(id: id) else {
            throw HTTPError(.notFound, message: "no article with id \(id.prefix(80))")
        }
        return Self.json(ArticleJSON(article, includeBody: true, outlets: outlets))
    }

    func apiArticles(source: String?, limit: String?, _ cursors: ListCursors) async throws -> Response {
        var query = try listQuery(cursors, limit: configuration.pageSize)
        if let source, !source.isEmpty {
            query.sourceID = try Self.sourceID(source)
        }
        if let limit, !limit.isEmpty {
            guard let n = Int(limit), (1...500).contains(n) else {
                throw BadRequest("limit: expected a number from 1 to 500", arabic: "قيمة «limit» عدد من 1 إلى 500.")
            }
            query.limit = n
        }
        // an outlet that does not exist is not found, as its page is not (an empty list would
        // read as an outlet with nothing new)
        if let id = query.sourceID, try await store.source(id: id) == nil {
            throw HTTPError(.notFound, message: "no source \(id)")
        }
        let result = try await listed(query) { try await store.articles($0) }
        return Self.json(ArticleListJSON(articles: result.articles.map { ArticleJSON($0, includeBody: false, outlets: outlets) },
                                         next: result.next?.description, newer: result.newer?.description))
    }

    func apiSources() async throws -> Response {
        let feeds = Dictionary(uniqueKeysWithValues: try await store.feedSources().map { ($0.id, $0) })
        // counted as `/api/articles?source=` lists
        return Self.json(["sources": try await store.sources(notAfter: Self.listedUntil()).map { SourceJSON($0, feed: feeds[$0.id], outlets: outlets) }])
    }

    /// Checks `Authorization: Bearer <KHABAR_ADMIN_TOKEN>` in constant time.
    func authorize(_ request: Request) throws {
        guard let token = configuration.adminToken, !token.isEmpty else {
            throw HTTPError(.forbidden, message: "the admin API is disabled: start khabar with KHABAR_ADMIN_TOKEN set")
        }
        // the scheme name is case-insensitive (RFC 9110 §11.1): "bearer" is "Bearer"
        let given = request.headers[.authorization].map { $0.lowercased().hasPrefix("bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
        let a = Array(given.utf8), b = Array(token.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<min(a.count, b.count) { difference |= a[i] ^ b[i] }
        guard difference == 0 else { throw HTTPError(.unauthorized, message: "a valid admin token is required") }
    }

    /// The most the admin API reads of a request body: a feed's URL and name take a few hundred
    /// bytes.
    static let adminBodyLimit = 64 << 10

    /// The request's body, whole; past `limit` bytes a 413 that says the limit, in bytes and
    /// KiB, from `limit` itself (the error NIO throws carries what was left of it after the
    /// first chunk, which a message read as the limit: "62 KB at most").
    static func body(of request: Request, upTo limit: Int) async throws -> Data {
        do {
            return Data(buffer: try await request.body.collect(upTo: limit))
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "request body too large: \(limit) bytes (\(limit / 1024) KiB) at most")
        }
    }

    struct AddSourceRequest: Decodable {
        var url: String
        var name: String?
    }

    func apiAddSource(_ body: Data) async throws -> Response {
        guard let request = try? JSONDecoder().decode(AddSourceRequest.self, from: body) else {
            throw HTTPError(.badRequest, message: #"expected a JSON body {"url": "https://…", "name": "…"}"#)
        }
        guard let url = CanonicalURL.web(request.url) else {
            throw HTTPError(.badRequest, message: "url: expected an absolute http(s) URL")
        }
        if let name = request.name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw HTTPError(.badRequest, message: "name: give a name, or leave it out for the feed's host")
        }
        let source = try await store.addFeedSource(feedURL: url, name: request.name, domain: URLComponents(string: url)?.host)
        // an outlet known from an import has articles already: counted as `/api/sources` counts them
        let counted = try await store.source(id: source.id, notAfter: Self.listedUntil())
        return Self.json(SourceJSON(Source(id: source.id, name: source.name, domain: source.domain,
                                           articleCount: counted?.articleCount ?? 0), feed: source, outlets: outlets), status: .created)
    }

    func apiRemoveSource(_ rawID: String) async throws -> Response {
        let id = try Self.sourceID(rawID, field: "id")
        guard try await store.removeSource(id: id) else { throw HTTPError(.notFound, message: "no source with id \(id)") }
        return Response(status: .noContent)
    }
}

/// The JSON shape of an article in the API.
struct ArticleJSON: Codable {
    var id: String
    var title: String
    var body: String?
    var summary: String?
    var author: String?
    var url: String
    var published: String
    var category: String?
    var categoryAr: String?
    var source: SourceJSON
    var stage: String
    var tags: [ArticleTag]?
    var attribution: ArticleAttribution?
    var story: Int64?

    init(_ a: Article, includeBody: Bool, outlets: OutletNames) {
        id = a.id
        title = a.title
        body = includeBody ? a.body : nil
        summary = a.summary
        author = a.author
        url = a.url
        published = DateParsing.iso8601(a.published)
        category = a.category
        categoryAr = a.categoryAr
        source = SourceJSON(a.source, outlets: outlets)
        stage = a.stage.name
        tags = a.tags.isEmpty ? nil : a.tags
        attribution = a.attribution
        story = a.storyID
    }
}

struct SourceJSON: Codable {
    var id: Int64
    var name: String
    /// The outlet's Arabic name when the gazetteer knows it (`OutletNames`); `name` stays the
    /// name it is stored under.
    var displayName: String?
    var domain: String?
    var articleCount: Int?
    var feed: FeedJSON?

    struct FeedJSON: Codable {
        var url: String
        var lastFetch: String?
        var lastStatus: Int?
        var lastError: String?
        var nextPoll: String?
        var pollIntervalSeconds: Int
    }

    init(_ s: Source, feed: FeedSource? = nil, outlets: OutletNames) {
        id = s.id
        name = s.name
        displayName = outlets.arabicName(of: s.name, domain: s.domain)
        domain = s.domain
        articleCount = s.articleCount == 0 ? nil : s.articleCount
        self.feed = feed.map {
            FeedJSON(url: $0.feedURL, lastFetch: $0.lastFetchAt.map(DateParsing.iso8601), lastStatus: $0.lastStatus,
                     lastError: $0.lastError, nextPoll: $0.nextPollAt.map(DateParsing.iso8601), pollIntervalSeconds: Int($0.pollInterval))
        }
    }
}

struct ArticleListJSON: Codable {
    var articles: [ArticleJSON]
    /// `before` of the next, older page.
    var next: String?
    /// `after` of the previous, newer page.
    var newer: String?
}

/// A page rendered to bytes.
struct RenderedPage: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer

    var response: Response { Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
}

/// One rendered page kept for a few seconds, shared by the server's request handlers, with its
/// gzip form once a client has asked for it.
final class RenderedPageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var page: (at: Date, value: RenderedPage, gzipped: RenderedPage?)?

    /// The page if it is younger than `maxAge`; compressed when `gzip` (made on first request).
    func get(maxAge: TimeInterval, gzip: Bool = false) -> RenderedPage? {
        lock.withLock {
            guard let kept = page, Date().timeIntervalSince(kept.at) < maxAge else { return nil }
            guard gzip, kept.value.body.readableBytes >= CompressionMiddleware.minimumBytes else { return kept.value }
            if let gzipped = kept.gzipped { return gzipped }
            var compressed = kept.value
            guard let body = CompressionMiddleware.gzip(kept.value.body, headers: &compressed.headers) else { return kept.value }
            compressed.body = body
            page?.gzipped = compressed
            return compressed
        }
    }

    func put(_ value: RenderedPage) {
        lock.withLock { page = (Date(), value, nil) }
    }
}
