import Foundation
import Hummingbird
import KhabarModel
import KhabarStorage
import KhabarTagging
import Logging
import Mustache
import NIOCore
import Prometheus

/// Settings of the web front end, parsed once at start-up by the executable.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The zone dates are shown in, and named in (`ArabicDateFormatter.zoneLabel`).
    public var timeZone: TimeZone
    public var pageSize: Int
    /// Bearer token for the write side of the API (`KHABAR_ADMIN_TOKEN`); nil disables it.
    public var adminToken: String?
    /// The gazetteer tag pages take aliases from: the process's own (built-in plus
    /// `$KHABAR_GAZETTEER`), the one the pipeline tags with.
    public var gazetteer: Gazetteer
    /// The site's public origin (`https://news.example`, no trailing slash) for the absolute links
    /// feeds need; nil: the request's `Host`.
    public var publicURL: String?
    /// This process's metrics, shown first at `/metrics` (requests are counted into it); nil: only
    /// the database's gauges are shown.
    public var metrics: PrometheusCollectorRegistry?
    /// How long the home page, once rendered, is served as it is (0: rendered for every request).
    /// It is the most requested page and the costliest (30 stories, the day's tags): about 10 ms
    /// of work, most of it template rendering, for content that changes with each import batch.
    public var homePageCacheSeconds: TimeInterval

    public init(host: String = "127.0.0.1", port: Int = 8080, timeZone: TimeZone = WebConfiguration.utc, pageSize: Int = 40,
                adminToken: String? = nil, gazetteer: Gazetteer = .standard, publicURL: String? = nil,
                metrics: PrometheusCollectorRegistry? = nil, homePageCacheSeconds: TimeInterval = 10) {
        self.homePageCacheSeconds = homePageCacheSeconds
        self.host = host
        self.port = port
        self.timeZone = timeZone
        self.pageSize = pageSize
        self.adminToken = adminToken
        self.gazetteer = gazetteer
        self.publicURL = publicURL
        self.metrics = metrics
    }

    public static let utc = TimeZone(identifier: "UTC")!

    /// The display zone `name` gives (`serve --timezone`, `$KHABAR_TIMEZONE`): UTC when it is
    /// nil or empty, whatever the machine's zone (a server's clock zone says nothing of its
    /// readers'), nil when no zone has that name.
    public static func displayTimeZone(_ name: String?) -> TimeZone? {
        guard let name, !name.isEmpty else { return utc }
        return TimeZone(identifier: name)
    }

    /// `url` as a public origin: an absolute http(s) URL with a host and no query or fragment,
    /// returned without a trailing slash; nil when it is not one.
    public static func publicOrigin(_ url: String) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host, !host.isEmpty, c.query == nil, c.fragment == nil, c.user == nil else { return nil }
        var s = url
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}

/// The one place the web application is assembled, shared by `khabar serve` and the route tests
/// (hummingbird-examples' `buildApplication`).
public func buildApplication(
    store: any KhabarStore, configuration: WebConfiguration, logger: Logger
) throws -> some ApplicationProtocol {
    let router = try buildRouter(store: store, configuration: configuration, logger: logger)
    return Application(
        router: router,
        // a request target sent as raw UTF-8 is read as its percent-encoded form; a head over the
        // parser's limits is refused before it, a page's request with an Arabic page
        server: SiteHTTP1Channel.builder(pages: try RefusalPages()),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "khabar"),
        logger: logger)
}

/// The routes: pages, their feeds, JSON API, health, metrics.
public func buildRouter(
    store: any KhabarStore, configuration: WebConfiguration, logger: Logger
) throws -> Router<BasicRequestContext> {
    let related = RelatedService(store: store)
    // Warm the related-articles index now rather than on the first article request.
    Task { do { try await related.load() } catch { logger.warning("related index: first load failed", metadata: ["error": "\(error)"]) } }
    let site = try Site(store: store, configuration: configuration, related: related)
    // HEAD answers as GET does, without the body (feed readers and link checkers send it)
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    // outermost, so it sees the status the error pages give
    if let registry = configuration.metrics { router.add(middleware: RequestMetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry))) }
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: CanonicalPathMiddleware())
    router.add(middleware: CrossOriginMiddleware())
    router.add(middleware: ErrorPageMiddleware(site: site))
    router.add(middleware: NULCharacterMiddleware())
    router.add(middleware: QueryEncodingMiddleware())

    let routes = RouteTable(router)
    routes.get("/") { request, _ in
        try await site.home(Site.ListCursors(request), gzip: CompressionMiddleware.acceptsGzip(request.headers[.acceptEncoding]))
    }
    routes.get("/article/:id") { _, context in
        try await site.article(id: context.pathParameter("id"))
    }
    // A page's feeds share its path with a format suffix: /source/3.rss, /tag/russia.atom, /story/12.json.
    routes.get("/source/:id") { request, context in
        let id = context.pathParameter("id")
        if let (id, format) = SyndicationFormat.split(id) { return try await site.sourceFeed(id: id, format, request: request) }
        return try await site.source(id: id, Site.ListCursors(request))
    }
    routes.get("/sources") { _, _ in try await site.sourcesPage() }
    routes.get("/latest") { request, _ in try await site.latest(Site.ListCursors(request)) }
    routes.get("/tags") { request, _ in try await site.tagsPage(Site.TagsParameters(request: request)) }
    // `/tag`: the directory of tags (`/tag/` goes there in one hop, from CanonicalPathMiddleware)
    for (path, target) in CanonicalPathMiddleware.moved {
        routes.get(path) { request, _ in CanonicalPathMiddleware.redirect(request, to: target) }
    }
    routes.get("/tag/:slug") { request, context in
        let slug = context.pathParameter("slug")
        if let (slug, format) = SyndicationFormat.split(slug) { return try await site.tagFeed(slug: slug, format, request: request) }
        return try await site.tagPage(slug: slug, Site.ListCursors(request))
    }
    routes.get("/story/:id") { request, context in
        let id = context.pathParameter("id")
        if let (id, format) = SyndicationFormat.split(id) { return try await site.storyFeed(id: id, format, request: request) }
        return try await site.storyPage(id: id)
    }
    for format in SyndicationFormat.allCases {
        routes.get("/feed.\(format.rawValue)") { request, _ in try await site.homeFeed(format, request: request) }
        routes.get("/latest.\(format.rawValue)") { request, _ in try await site.latestFeed(format, request: request) }
        routes.get("/search.\(format.rawValue)") { request, _ in
            try await site.searchFeed(SearchParameters(query: request.uri.query), format, request: request)
        }
    }
    routes.get("/static/khabar.css") { _, _ in
        Response(status: .ok,
                 // pages link it with the sheet's digest (?v=…): one URL is one sheet
                 headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
                 body: .init(byteBuffer: ByteBuffer(string: Templates.css)))
    }
    routes.get("/healthz") { _, _ in try await site.health() }
    routes.get("/metrics") { _, _ in try await site.metrics() }
    routes.get("/search") { request, _ in try await site.searchPage(SearchParameters(query: request.uri.query)) }

    routes.get("/api/articles/:id") { _, context in try await site.apiArticle(id: context.pathParameter("id")) }
    routes.get("/api/articles") { request, _ in
        let q = request.uri.queryParameters
        return try await site.apiArticles(source: q["source"].map(String.init), limit: q["limit"].map(String.init),
                                          Site.ListCursors(request))
    }
    routes.get("/api/articles/:id/related") { request, context in
        try await site.apiRelated(id: context.pathParameter("id"), limit: request.uri.queryParameters["limit"].map(String.init))
    }
    routes.get("/api/tags") { request, _ in try await site.apiTopTags(Site.TagsParameters(request: request)) }
    routes.get("/api/tags/:slug") { request, context in
        let q = request.uri.queryParameters
        return try await site.apiTag(slug: context.pathParameter("slug"), limit: q["limit"].map(String.init),
                                     Site.ListCursors(request))
    }
    routes.get("/api/stories") { request, _ in
        try await site.apiStories(limit: request.uri.queryParameters["limit"].map(String.init), Site.ListCursors(request))
    }
    routes.get("/api/stories/:id") { _, context in try await site.apiStory(id: context.pathParameter("id")) }
    routes.get("/api/sources") { _, _ in try await site.apiSources() }
    routes.post("/api/sources") { request, _ in
        try site.authorize(request)
        return try await site.apiAddSource(Site.body(of: request, upTo: Site.adminBodyLimit))
    }
    routes.delete("/api/sources/:id") { request, context in
        try site.authorize(request)
        return try await site.apiRemoveSource(context.pathParameter("id"))
    }
    routes.get("/api/search") { request, _ in try await site.apiSearch(SearchParameters(query: request.uri.query)) }
    routes.get("/api/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
    routes.finish()
    return router
}

/// Turns "not found", a method the path does not take (405, with `Allow`) and bad requests into
/// pages (HTML) or JSON errors (under `/api/`), a body over a route's limit into 413, and any
/// other failure into a 500 that does not leak internals.
/// Every answer says `nosniff`: feeds and JSON carry fetched text too.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await answer(request, context: context, next: next)
        if response.headers[.xContentTypeOptions] == nil { response.headers[.xContentTypeOptions] = "nosniff" }
        return response
    }

    func answer(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/") || request.uri.path == "/api"
        do {
            return try await next(request, context)
        } catch is NIOTooManyBytesError {
            // a body read without `Site.body(of:upTo:)`; the error's `maxBytes` is no limit to
            // show: past the first chunk it is what was left of the limit (62 KB of 64 KiB)
            return Site.json(["error": "request body too large"], status: .contentTooLarge)
        } catch let error as BadRequest {
            return isAPI ? Site.json(["error": error.message], status: .badRequest)
                : site.errorPage(status: .badRequest, heading: "طلب غير صالح",
                                 message: "في عنوان هذه الصفحة قيمة لا يمكن قراءتها" + Site.parameterNames(error.message) + ".",
                                 detail: error.arabic)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return isAPI ? Site.json(["error": error.body ?? "not found"], status: .notFound)
                    : site.notFoundPage(message: error.body)
            case .methodNotAllowed:
                // the route table names the methods the path takes
                var response = isAPI ? Site.json(["error": "method \(request.method.rawValue) not allowed here"], status: .methodNotAllowed)
                    : site.errorPage(status: .methodNotAllowed, heading: "طلب غير مسموح",
                                     message: "هذا العنوان لا يقبل هذا النوع من الطلبات.", detail: error.headers[.allow].map { "Allow: " + $0 })
                response.headers.append(contentsOf: error.headers)
                return response
            case .unauthorized, .forbidden:
                return Site.json(["error": error.body ?? "not allowed"], status: error.status)
            case .contentTooLarge:
                return Site.json(["error": error.body ?? "request body too large"], status: .contentTooLarge)
            case .badRequest:
                // the site's own 400s are `BadRequest`s; this one's text (the server's, English)
                // stays out of the Arabic page
                return isAPI ? Site.json(["error": error.body ?? "bad request"], status: .badRequest)
                    : site.errorPage(status: .badRequest, heading: "طلب غير صالح",
                                     message: "في هذا الطلب ما لا يمكن قراءته" + Site.parameterNames(error.body) + ".")
            default:
                throw error
            }
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return isAPI ? Site.json(["error": "internal error"], status: .internalServerError)
                : site.errorPage(status: .internalServerError, heading: "حدث خطأ",
                                 message: "تعذّر عرض هذه الصفحة الآن. حاول مرة أخرى بعد قليل.")
        }
    }
}

extension BasicRequestContext {
    /// A path parameter as it was before the site percent-encoded it into a link
    /// (`Site.pathComponent`): the router hands the segment over as sent, so an Arabic tag slug
    /// or an id holding `/`, `?` or `%` would otherwise be looked up in its encoded form.
    func pathParameter(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
