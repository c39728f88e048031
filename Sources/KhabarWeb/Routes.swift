import Hummingbird

/// The site's routes, added through one place so that each path knows the methods it takes:
/// any other method on a path that exists — PUT, TRACE, CONNECT, WebDAV's PROPFIND, a made-up
/// one — is answered 405 with `Allow` (RFC 9110 §15.5.6), not the 404 of a path that does not;
/// the read-only API paths also answer a CORS preflight.
final class RouteTable {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response
    let router: Router<BasicRequestContext>
    /// Each path as registered, with its methods, in the order added.
    private var paths: [(path: String, methods: [HTTPRequest.Method])] = []

    init(_ router: Router<BasicRequestContext>) {
        self.router = router
    }

    func get(_ path: String, _ handler: @escaping Handler) { add(path, .get, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(path, .post, handler) }
    func delete(_ path: String, _ handler: @escaping Handler) { add(path, .delete, handler) }

    private func add(_ path: String, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
        if let i = paths.firstIndex(where: { $0.path == path }) { paths[i].methods.append(method) } else { paths.append((path, [method])) }
    }

    /// Adds, for every path, the preflight answer where CORS applies, and the 405 of every
    /// method it does not take. Call once, after the last route.
    func finish() {
        var allows: [MethodNotAllowedMiddleware.Route] = []
        for (path, methods) in paths {
            // HEAD comes with GET (the router's autoGenerateHeadEndpoints)
            var allowed = methods.contains(.get) ? [.get, .head] + methods.filter { $0 != .get } : methods
            if CrossOrigin.isOpen(path) && methods.contains(.get) {
                allowed.insert(.options, at: 2)
                let allow = Self.list(allowed)
                router.on(RouterPath(path), method: .options) { _, _ in CrossOrigin.preflight(allow: allow) }
            }
            allows.append(.init(path: RouterPath(path), allow: Self.list(allowed)))
        }
        // A method is any token (RFC 9110 §9.1), so the 405s cannot be routes of their own: one
        // route per method named here left TRACE, CONNECT and the rest to the 404 of an unknown
        // path. Added after the last route, the middleware is on no route's chain, only on the
        // one the router builds for requests no route takes (Router.buildResponder).
        router.add(middleware: MethodNotAllowedMiddleware(routes: allows))
    }

    static func list(_ methods: [HTTPRequest.Method]) -> String { methods.map(\.rawValue).joined(separator: ", ") }
}

/// Answers 405 with `Allow` to a request no route takes whose path is a route's: the method is
/// the one thing wrong with it. Sees only such requests (`RouteTable.finish`); the others go on
/// to the router's 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// A route's path and the `Allow` value of its methods.
    struct Route: Sendable {
        var path: RouterPath
        var allow: String
    }

    let routes: [Route]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let route = route(of: request.uri.path) else { return try await next(request, context) }
        // counted under the route's pattern, as a 405 of a route's own is
        context.coreContext.endpointPath.value = route.path.description
        throw HTTPError(.methodNotAllowed, headers: [.allow: route.allow])
    }

    /// The route whose path pattern `path` matches, segment by segment as the router reads it
    /// (empty segments skipped); nil when none does. The site's paths do not overlap, so the
    /// first match is the one.
    func route(of path: String) -> Route? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.first { route in
            route.path.components.count == segments.count
                && zip(route.path.components, segments).allSatisfy { element, segment in element ~= segment }
        }
    }
}

/// Cross-origin reads of the JSON API: any site may fetch articles, stories, tags and search
/// from a browser (`Access-Control-Allow-Origin: *`, no credentials). The admin side (POST and
/// DELETE with the bearer token) is never opened: those answers carry no CORS header, and the
/// preflight allows only GET and HEAD and no request headers, so a browser sends no token across.
enum CrossOrigin {
    static func isOpen(_ path: String) -> Bool { path == "/api" || path.hasPrefix("/api/") }

    /// The answer to `OPTIONS` on a read-only API path.
    static func preflight(allow: String) -> Response {
        Response(status: .noContent, headers: [
            .allow: allow, .accessControlAllowOrigin: "*", .accessControlAllowMethods: "GET, HEAD",
            .accessControlMaxAge: "86400",
        ])
    }
}

/// Adds `Access-Control-Allow-Origin: *` to GET and HEAD answers under `/api/`, error answers
/// included (a script should read why its request failed).
struct CrossOriginMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.method == .get || request.method == .head, CrossOrigin.isOpen(request.uri.path) {
            response.headers[.accessControlAllowOrigin] = "*"
        }
        return response
    }
}

/// One address per page: a GET or HEAD of a path with a trailing slash or doubled slashes
/// (`/latest/`, `//latest`) is sent (301) to the path without them, query kept; they answered
/// 200 with the same page, a second address a crawler or a cache keeps apart.
struct CanonicalPathMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// Paths that only redirect, with where to: `/tag` (a tag's address without the tag) is the
    /// topics directory. The canonical path goes there at once, in one hop (`/tag/` → `/tags`).
    static let moved = ["/tag": "/tags"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get || request.method == .head, path.count > 1,
              path.hasSuffix("/") || path.contains("//"), let canonical = Self.canonical(path) else {
            return try await next(request, context)
        }
        return Self.redirect(request, to: Self.moved[canonical] ?? canonical)
    }

    /// A 301 to `path`, with the request's query.
    static func redirect(_ request: Request, to path: String) -> Response {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Response(status: .movedPermanently, headers: [.location: path + query])
    }

    /// `path` with runs of slashes made one and no trailing slash; nil when that is `path`.
    static func canonical(_ path: String) -> String? {
        let out = "/" + path.split(separator: "/").joined(separator: "/")
        return out == path ? nil : out
    }
}

/// Refuses an address that holds a NUL character (`%00`) with 400: every id, slug and query is
/// a C string to SQLite's text binding, so `/tag/russia%00junk` was read as `/tag/russia` and
/// answered with Russia's page.
struct NULCharacterMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string
        if target.contains("%00") || target.utf8.contains(0) {
            throw BadRequest("the address holds a NUL character (%00)", arabic: "في العنوان محرف NUL (%00)، ولا يُقرأ عنوان فيه هذا المحرف.")
        }
        return try await next(request, context)
    }
}

/// Refuses, with a 400 that names the parameter, a query string whose percent-encoding cannot be
/// read: an escape that is not `%` and two hexadecimal digits (`q=%ZZ`, `q=100%`), or escapes that
/// decode to bytes that are not UTF-8 text (`q=%E0%A4`, half a letter). Hummingbird's query
/// parameters and the search's own reading both fell back quietly, to the text as written or to
/// U+FFFD, so such a request was answered as if it had asked for something else. One check here,
/// ahead of every route, covers pages, feeds and the API alike. `+` is no escape and passes.
struct QueryEncodingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, let problem = Self.problem(query) {
            throw problem
        }
        return try await next(request, context)
    }

    /// What is wrong with the encoding of `query` (a raw query string, without `?`), starting with
    /// the name of the first parameter that is unreadable; nil when every name and value reads.
    static func problem(_ query: String) -> BadRequest? {
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let rawName = pair[..<equals]
            let rawValue = equals < pair.endIndex ? pair[pair.index(after: equals)...] : pair[equals..<equals]
            // the name as the route reads it when it can be read, else as it was written
            let name: String
            if case .text(let decoded) = decode(rawName) { name = String(decoded.prefix(40)) } else {
                name = String(decoding: rawName.prefix(40), as: UTF8.self)
            }
            for part in [rawName, rawValue] {
                switch decode(part) {
                case .text:
                    continue
                case .badEscape(let escape):
                    return BadRequest("\(name): \"\(escape)\" is not a percent-escape (a % is followed by two hexadecimal digits; a % sign itself is written %25)",
                                      arabic: "في قيمة «\(name)» ‏«\(escape)» وليس ترميزاً مئوياً: بعد العلامة % رقمان ست عشريان، والعلامة % نفسها تُكتب %25.")
                case .notUTF8:
                    let shown = String(decoding: part.prefix(60), as: UTF8.self)
                    return BadRequest("\(name): the percent-encoded bytes of \"\(shown)\" are not UTF-8 text",
                                      arabic: "البايتات المرمّزة في قيمة «\(name)» ‏(«\(shown)») ليست نصاً بترميز UTF-8: جزء حرف لا حرف كامل.")
                }
            }
        }
        return nil
    }

    enum Decoded: Equatable {
        case text(String)
        /// the escape as written: `%` and what follows it, at most two characters
        case badEscape(String)
        case notUTF8
    }

    /// `raw` with its escapes decoded, when it is text.
    static func decode(_ raw: Substring.UTF8View) -> Decoded {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let byte = raw[i]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                i = raw.index(after: i)
                continue
            }
            let digits = raw[raw.index(after: i)...].prefix(2)
            guard digits.count == 2, let high = hexValue(digits.first!), let low = hexValue(digits.last!) else {
                return .badEscape("%" + String(decoding: digits, as: UTF8.self))
            }
            bytes.append(high << 4 | low)
            i = digits.endIndex
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
        return .text(text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
