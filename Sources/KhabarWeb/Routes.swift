import Hummingbird

/// The site's routes, added through one place so that each path knows the methods it takes:
/// another method on a path that exists is answered 405 with `Allow` (RFC 9110 §15.5.6), not
/// the 404 of a path that does not.
final class RouteTable {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response
    let router: Router<BasicRequestContext>
    /// Each path as registered, with its methods, in the order added.
    private var paths: [(path: String, methods: [HTTPRequest.Method])] = []

    /// The methods a path that lacks them answers 405 to. Others (TRACE, WebDAV's …) stay 404.
    static let answeredMethods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options]

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

    /// Adds, for every path, a 405 for each method it does not take. Call once, after the last route.
    func finish() {
        for (path, methods) in paths {
            // HEAD comes with GET (the router's autoGenerateHeadEndpoints)
            let allowed = methods.contains(.get) ? [.get, .head] + methods.filter { $0 != .get } : methods
            let allow = Self.list(allowed)
            for method in Self.answeredMethods where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
                }
            }
        }
    }

    static func list(_ methods: [HTTPRequest.Method]) -> String { methods.map(\.rawValue).joined(separator: ", ") }
}
