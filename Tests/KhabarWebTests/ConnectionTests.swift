import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// How the server ends or keeps a connection, on the real server and a socket of its own
/// (`RawHTTP`): HummingbirdTesting's client speaks HTTP/1.1 only, and reads no closed connection.
@Suite(.scratch) struct ConnectionTests {
    static func withLiveApp(_ body: @Sendable @escaping (_ port: Int) async throws -> Void) async throws {
        let store = try await makeStore(sample)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }

    /// An HTTP/1.0 request closes its connection unless it asks for keep-alive (RFC 9112 §9.3):
    /// the answer says `Connection: close` and the server ends the connection after it, what was
    /// sent after it unanswered. It was answered as HTTP/1.1 and the connection left open.
    @Test func anHTTP10RequestClosesTheConnectionUnlessItAsksForKeepAlive() async throws {
        try await Self.withLiveApp { port in
            for target in ["/healthz", "/latest", "/search?q=x"] {
                let closed = try await RawHTTP.converse(port: port, [
                    Array("GET \(target) HTTP/1.0\r\n\r\n".utf8), Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8),
                ])
                #expect(closed.closedByServer, "\(target)")
                try #require(closed.answers.count == 1, "\(target): \(closed.answers.map(\.status))")
                let answer = closed.answers[0]
                #expect(answer.status == 200, "\(target)")
                #expect(answer.fields["connection"] == "close", "\(target)")
                #expect(answer.fields["content-length"].flatMap(Int.init) == answer.body.utf8.count, "\(target)")
                #expect(answer.fields["transfer-encoding"] == nil, "\(target)")
            }

            // asked for (in any case), keep-alive is granted and said: the next request is answered
            let kept = try await RawHTTP.converse(port: port, [
                Array("GET /healthz HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n".utf8), RawHTTP.last,
            ])
            try #require(kept.answers.count == 2)
            #expect(kept.answers[0].status == 200 && kept.answers[0].fields["connection"] == "keep-alive")
            #expect(kept.answers[1].status == 200)

            // HTTP/1.1 is as it was: the connection stays, and the answer says nothing of it;
            // the answer to a request that says Connection: close says it too, then it closes
            let pipelined = try await RawHTTP.converse(port: port, [
                Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), RawHTTP.last,
            ])
            try #require(pipelined.answers.count == 3)
            #expect(pipelined.answers.allSatisfy { $0.status == 200 })
            #expect(pipelined.answers[0].fields["connection"] == nil && pipelined.answers[1].fields["connection"] == nil)
            #expect(pipelined.answers[2].fields["connection"] == "close")
            #expect(pipelined.closedByServer)
        }
    }

    /// A head over the parser's limits (Hummingbird's: 80 KiB, 1,000 fields) is answered 414
    /// when its request line is too long and 431 when its header fields are, with a body saying
    /// which, its length, and `Connection: close`; the connection then ends. Both were an empty
    /// 400 from the parser. Pipelined after a request, the refusal comes after its answer. A
    /// page's request is told in an Arabic page, as the site's other errors (it was English plain
    /// text), an API request in the API's JSON, in English.
    @Test func anOverlongRequestLineIs414AndAnOverlargeHeaderSection431() async throws {
        let limit = 80 * 1024
        let long = String(repeating: "a", count: limit)
        let before = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
        let html = "text/html; charset=utf-8", json = "application/json; charset=utf-8"
        let cases: [(request: String, status: Int, says: String, type: String)] = [
            ("GET /search?q=\(long) HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "<h1>العنوان طويل جداً</h1>", html),
            // raw UTF-8, half the limit as sent, three times that percent-encoded as the parser gets it
            ("GET /search?q=\(String(repeating: "ب", count: limit / 4)) HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "سطر الطلب", html),
            // a request line that does not end
            ("GET /search?q=\(long)\(long)", 414, "أطول من 81920 بايت (80 كيلوبايت)", html),
            ("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Long: \(long)\r\n\r\n", 431, "أطول من 81920 بايت", html),
            ("GET /healthz HTTP/1.1\r\nHost: localhost\r\n" + String(repeating: "X-Many: 1\r\n", count: 1_000) + "\r\n", 431,
             "أكثر من 1000 حقل", html),
            // a header section that does not end
            ("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Long: \(long)\(long)", 431, "<h1>رؤوس الطلب كبيرة جداً</h1>", html),
            ("GET /api/search?q=\(long) HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, #"{"error":"URI too long: the request line"#, json),
            ("GET /api/articles HTTP/1.1\r\nHost: localhost\r\n" + String(repeating: "X-Many: 1\r\n", count: 1_000) + "\r\n", 431,
             "more than 1000 header fields", json),
        ]
        try await Self.withLiveApp { port in
            for (request, status, says, type) in cases {
                let shown = request.prefix(40)
                let conversation = try await RawHTTP.converse(port: port, [Array((before + request).utf8)])
                #expect(conversation.closedByServer, "\(shown)")
                try #require(conversation.answers.count == 2, "\(shown): \(conversation.answers.map(\.status))")
                #expect(conversation.answers[0].status == 200, "\(shown)")
                let refused = conversation.answers[1]
                #expect(refused.status == status, "\(shown)")
                #expect(refused.body.contains(says), "\(shown): \(refused.body.prefix(300))")
                #expect(refused.fields["content-length"] == String(refused.body.utf8.count), "\(shown)")
                #expect(refused.fields["connection"] == "close", "\(shown)")
                #expect(refused.fields["content-type"] == type, "\(shown)")
                #expect(refused.fields["x-content-type-options"] == "nosniff", "\(shown)")
                #expect(refused.fields["date"].flatMap(DateParsing.httpDate) != nil, "\(shown)")
                if type == html {
                    #expect(refused.body.contains(#"<html lang="ar" dir="rtl">"#), "\(shown)")
                    #expect(refused.fields["content-security-policy"] != nil, "\(shown)")
                }
            }
            // within the limits, a long address and many fields still read
            let within = "GET /healthz?x=\(String(repeating: "a", count: limit - 1_000)) HTTP/1.1\r\nHost: localhost\r\n"
                + String(repeating: "X-Many: 1\r\n", count: 50) + "\r\n"
            let read = try await RawHTTP.converse(port: port, [Array(within.utf8), RawHTTP.last])
            #expect(read.answers.map(\.status) == [200, 200])
        }
    }

    /// CONNECT asks for a tunnel through a proxy, and the site is none: it is 405 with `Allow`,
    /// a body and its length, and the connection ends. NIO's parser took it for the start of a
    /// tunnel: the answer was a 404 head without a length, and the connection hung.
    @Test func connectIs405AndTheConnectionEnds() async throws {
        let connect = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
        let cases: [(chunks: [String], answers: Int)] = [
            ([connect], 1),
            // after a request on the same connection, after its answer
            (["GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n" + connect], 2),
            // what a client sends at once, taking the tunnel for granted (a TLS handshake's start),
            // and anything after it, is not read
            ([connect + "\u{16}\u{03}\u{01}\u{00}\u{05}hello", "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"], 1),
        ]
        try await Self.withLiveApp { port in
            for (chunks, count) in cases {
                let conversation = try await RawHTTP.converse(port: port, chunks.map { Array($0.utf8) })
                #expect(conversation.closedByServer, "\(chunks)")
                try #require(conversation.answers.count == count, "\(chunks): \(conversation.answers.map(\.status))")
                #expect(conversation.answers.dropLast().allSatisfy { $0.status == 200 })
                let refused = try #require(conversation.answers.last)
                #expect(refused.status == 405, "\(chunks)")
                #expect(refused.fields["allow"] == "GET, HEAD", "\(chunks)")
                #expect(refused.fields["connection"] == "close", "\(chunks)")
                #expect(refused.body.contains("CONNECT"), "\(chunks)")
                #expect(refused.fields["content-length"] == String(refused.body.utf8.count), "\(chunks)")
            }
        }
    }
}
