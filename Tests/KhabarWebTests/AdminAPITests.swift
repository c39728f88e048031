import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging
import NIOCore
import Testing

@testable import KhabarWeb
import KhabarTestSupport

@Suite(.scratch) struct AdminAPITests {
    func app(token: String?) async throws -> (some ApplicationProtocol, SQLiteStore) {
        let store = try await makeStore(sample)
        let app = try buildApplication(
            store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, adminToken: token),
            logger: Logger(label: "test"))
        return (app, store)
    }

    @Test func addingAndRemovingSourcesNeedsTheToken() async throws {
        let (app, store) = try await app(token: "s3cret")
        try await app.test(.router) { client in
            let body = ByteBuffer(string: #"{"url": "https://paper.example/feed.xml?utm_source=x", "name": "صحيفة الخلاصة"}"#)
            try await client.execute(uri: "/api/sources", method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer wrong"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            var id: Int64 = 0
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"], body: body) { response in
                #expect(response.status == .created)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["name"] as? String == "صحيفة الخلاصة")
                #expect((json?["feed"] as? [String: Any])?["url"] as? String == "https://paper.example/feed.xml")
                id = (json?["id"] as? NSNumber)?.int64Value ?? 0
            }
            // only http(s) feeds; "httpx" passed a prefix test for "http"
            for url in ["not a url", "httpx://paper.example/feed.xml", "ftp://paper.example/feed.xml", "http://"] {
                try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"],
                                         body: ByteBuffer(string: #"{"url": "\#(url)"}"#)) { response in
                    #expect(response.status == .badRequest, "\(url)")
                }
            }
            for name in ["", "   "] {
                try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"],
                                         body: ByteBuffer(string: #"{"url": "https://paper.example/x.xml", "name": "\#(name)"}"#)) { response in
                    #expect(response.status == .badRequest, "name '\(name)'")
                }
            }
            // the scheme name of Authorization is case-insensitive
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "bearer s3cret"],
                                     body: ByteBuffer(string: #"{"url": "https://paper.example/other.xml"}"#)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/source/\(id)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("https://paper.example/feed.xml"))
                #expect(html.contains("لم يُجلب بعد"))
            }
            try await client.execute(uri: "/api/sources/\(id)", method: .delete, headers: [.authorization: "Bearer s3cret"]) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/sources/\(id)", method: .delete, headers: [.authorization: "Bearer s3cret"]) { response in
                #expect(response.status == .notFound)
            }
            // an id that can be none is a bad request that names it, as in a source filter
            for bad in ["-1", "0", "abc"] {
                try await client.execute(uri: "/api/sources/\(bad)", method: .delete, headers: [.authorization: "Bearer s3cret"]) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect(String(buffer: response.body).contains("id: expected a numeric source id (1 or more)"), "\(bad)")
                }
            }
        }
        #expect(try await store.feedSources().map(\.feedURL) == ["https://paper.example/other.xml"])
    }

    /// A body over the route's limit is a 413 that says so, and says the limit (64 KiB), not a
    /// 500; the body arrives in chunks (32 KiB here), and the message named what was left of the
    /// limit after the first one. A body of the limit itself is read.
    @Test func anOversizedBodyIs413() async throws {
        let (app, _) = try await app(token: "s3cret")
        try await app.test(.router) { client in
            let big = ByteBuffer(string: #"{"url": "https://a.example/"# + String(repeating: "a", count: 70_000) + #""}"#)
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"],
                                     body: big) { response in
                #expect(response.status == .contentTooLarge)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["error"] as? String == "request body too large: 65536 bytes (64 KiB) at most")
            }
            for (size, status) in [(64 * 1024, HTTPResponse.Status.badRequest), (64 * 1024 + 1, .contentTooLarge)] {
                try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer s3cret"],
                                         body: ByteBuffer(repeating: UInt8(ascii: " "), count: size)) { response in
                    #expect(response.status == status, "\(size) bytes")
                }
            }
        }
    }

    @Test func withoutATokenTheAdminAPIIsOff() async throws {
        let (app, _) = try await app(token: nil)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/sources", method: .post, headers: [.authorization: "Bearer "],
                                     body: ByteBuffer(string: #"{"url": "https://x.example/rss"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("KHABAR_ADMIN_TOKEN"))
            }
        }
    }

    @Test func sourcePageShowsTheLastFetch() async throws {
        let (app, store) = try await app(token: nil)
        let feed = try await store.addFeedSource(feedURL: "https://paper.example/rss", name: "صحيفة الاختبار", domain: "paper.example")
        let at = DateParsing.parse("2024-05-08T10:00:00Z")!
        try await store.recordFetch(sourceID: feed.id, owner: "t", record: FetchRecord(
            status: 500, etag: nil, lastModified: nil, error: "HTTP 500", items: 0, fetchedAt: at,
            nextPollAt: at.addingTimeInterval(1800), pollInterval: 1800))
        try await app.test(.router) { client in
            try await client.execute(uri: "/source/\(feed.id)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("الأربعاء 8 مايو 2024 - 10:00"))
                #expect(html.contains("HTTP 500"))
                #expect(html.contains("الأربعاء 8 مايو 2024 - 10:30"))
                #expect(html.contains("/article/w-1"))  // the outlet's imported articles are still listed
            }
            try await client.execute(uri: "/api/sources", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let sources = json?["sources"] as? [[String: Any]] ?? []
                let entry = sources.first { ($0["id"] as? NSNumber)?.int64Value == feed.id }
                #expect((entry?["feed"] as? [String: Any])?["lastError"] as? String == "HTTP 500")
            }
        }
    }
}
