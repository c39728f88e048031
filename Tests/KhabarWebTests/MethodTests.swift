import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// What a request with the wrong method gets: 405 and the methods the path takes, as a page or
/// as JSON; a path that does not exist stays 404 whatever the method.
@Suite(.scratch) struct MethodTests {
    @Test func aMethodThePathDoesNotTakeIs405WithAllow() async throws {
        try await withApp { client in
            for (uri, method) in [("/latest", HTTPRequest.Method.post), ("/tag/x", .delete), ("/", .put),
                                  ("/article/w-1", .patch), ("/latest.rss", .post), ("/static/khabar.css", .delete)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == "GET, HEAD", "\(method) \(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(method) \(uri)")
                    #expect(String(buffer: response.body).contains("طلب غير مسموح"), "\(method) \(uri)")
                }
            }
            // the admin API's paths name their own methods
            for (uri, method, allow) in [("/api/sources", HTTPRequest.Method.put, "GET, HEAD, OPTIONS, POST"),
                                         ("/api/sources/1", .get, "DELETE"), ("/api/sources/1", .post, "DELETE"),
                                         ("/api/articles", .delete, "GET, HEAD, OPTIONS")] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(uri)")
                }
            }
            for (uri, method) in [("/no/such/page", HTTPRequest.Method.post), ("/api/nothing", .delete), ("/tag/a/b", .post)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .notFound, "\(method) \(uri)")
                }
            }
            // the right method still works, HEAD included
            try await client.execute(uri: "/latest", method: .head) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A method is any token: TRACE, CONNECT, WebDAV's PROPFIND, a made-up one, and HEAD on a
    /// path without GET are 405 with `Allow` on a path that exists, as PUT is (TRACE was a 404),
    /// and 404 on one that does not; counted under the route's pattern.
    @Test func everyOtherMethodOnAPathThatExistsIs405() async throws {
        let registry = PrometheusCollectorRegistry()
        let store = try await makeStore(sample)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, metrics: registry),
                                       logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let methods: [HTTPRequest.Method] = [.trace, .connect, try #require(.init("PROPFIND")), try #require(.init("BREW"))]
            for method in methods {
                for (uri, allow) in [("/latest", "GET, HEAD"), ("/", "GET, HEAD"), ("/article/w-1", "GET, HEAD"),
                                     ("/tag/x.rss", "GET, HEAD"), ("/api/articles/w-1/related", "GET, HEAD, OPTIONS"),
                                     ("/api/sources", "GET, HEAD, OPTIONS, POST"), ("/api/sources/1", "DELETE")] {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                        let type = response.headers[.contentType] ?? ""
                        #expect(uri.hasPrefix("/api/") ? type.hasPrefix("application/json") : type == "text/html; charset=utf-8",
                                "\(method) \(uri)")
                    }
                }
                for uri in ["/no/such/page", "/api/nothing", "/article", "/article/w-1/more"] {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == .notFound, "\(method) \(uri)")
                    }
                }
            }
            try await client.execute(uri: "/api/sources/1", method: .head) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "DELETE")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(sample(page, #"khabar_http_requests_total{method="TRACE",route="/article/{id}",status="405"}"#) == 1)
                #expect(sample(page, #"khabar_http_requests_total{method="TRACE",route="NotFound",status="404"}"#) == 4)
            }
        }
    }

    /// Any origin may read the JSON API from a browser, errors included, and a preflight says so;
    /// the admin side (token) and the HTML pages are not opened.
    @Test func theReadOnlyAPIIsOpenToOtherOriginsAndTheAdminSideIsNot() async throws {
        let store = try await makeStore(sample)
        let app = try buildApplication(
            store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, adminToken: "s3cret"),
            logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let origin: HTTPFields = [.origin: "https://reader.example"]
            for (uri, method) in [("/api/articles", HTTPRequest.Method.get), ("/api/articles/missing", .get), ("/api/tags", .head),
                                  ("/api/sources", .get), ("/api/openapi.json", .get), ("/api/articles?before=xyz", .get)] {
                try await client.execute(uri: uri, method: method, headers: origin) { response in
                    #expect(response.headers[.accessControlAllowOrigin] == "*", "\(method) \(uri)")
                }
            }
            for uri in ["/api/articles", "/api/articles/w-1/related", "/api/sources"] {
                let preflight: HTTPFields = [.origin: "https://reader.example", .accessControlRequestMethod: "GET"]
                try await client.execute(uri: uri, method: .options, headers: preflight) { response in
                    #expect(response.status == .noContent, "\(uri)")
                    #expect(response.headers[.accessControlAllowOrigin] == "*", "\(uri)")
                    #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD", "\(uri)")
                    #expect(response.headers[.accessControlAllowHeaders] == nil, "\(uri)")
                    #expect(response.headers[.allow]?.hasPrefix("GET, HEAD, OPTIONS") == true, "\(uri)")
                }
            }
            // pages, feeds and the admin side carry no CORS header
            for uri in ["/latest", "/feed.rss", "/healthz"] {
                try await client.execute(uri: uri, method: .get, headers: origin) { response in
                    #expect(response.headers[.accessControlAllowOrigin] == nil, "\(uri)")
                }
            }
            var admin = origin
            admin[.authorization] = "Bearer s3cret"
            let body = ByteBuffer(string: #"{"url": "https://paper.example/rss.xml", "name": "صحيفة الجنوب"}"#)
            var id = ""
            try await client.execute(uri: "/api/sources", method: .post, headers: admin, body: body) { response in
                #expect(response.status == .created)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                id = "\((json?["id"] as? NSNumber)?.int64Value ?? 0)"
            }
            try await client.execute(uri: "/api/sources/" + id, method: .options, headers: origin) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "DELETE")
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/api/sources/" + id, method: .delete, headers: admin) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/latest", method: .options) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/api/nothing", method: .options) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
