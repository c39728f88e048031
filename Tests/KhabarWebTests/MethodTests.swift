import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KhabarWeb

/// What a request with the wrong method gets: 405 and the methods the path takes, as a page or
/// as JSON; a path that does not exist stays 404 whatever the method.
@Suite struct MethodTests {
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
            for (uri, method, allow) in [("/api/sources", HTTPRequest.Method.put, "GET, HEAD, POST"),
                                         ("/api/sources/1", .get, "DELETE"), ("/api/sources/1", .post, "DELETE"),
                                         ("/api/articles", .delete, "GET, HEAD")] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(uri)")
                }
            }
            for (uri, method) in [("/no/such/page", HTTPRequest.Method.post), ("/api/nothing", .delete), ("/tag", .post)] {
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
}
