import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import Logging
import NIOCore
import Testing

@testable import KhabarPipeline
@testable import KhabarWeb
import KhabarTestSupport

/// A request target sent as raw UTF-8 (curl sends a query so, scripts and some feed readers a
/// path too) is the request of its percent-encoded form, on the real server: NIO's parser alone
/// refused it (an empty 400 that closed the connection).
@Suite(.scratch) struct RawRequestTargetTests {
    /// One article, indexed for search as the importer does, with a tag whose slug is Arabic.
    static let drafts: [PreparedArticle] = {
        var article = AnalysisStage().prepare(ArticleDraft(
            id: "n-1", title: "افتتاح جسر جديد فوق نهر النيل", body: "افتتح المحافظ جسراً جديداً فوق النيل في أسوان.",
            url: "https://paper.example/n-1", published: DateParsing.parse("2024-06-02T08:00:00Z"),
            source: SourceDraft(name: "صحيفة الاختبار")))
        article.annotations = ArticleAnnotations(tags: [ArticleTag(slug: "أسوان", name: "أسوان", type: "place", score: 1)],
                                                 attribution: ArticleAttribution(), signature: [])
        return [article]
    }()

    /// Each pair is a target as a browser sends it and as curl or a script does; both answer
    /// alike, one after another on the same connection (HummingbirdTesting's client refuses to
    /// send a raw target, so the requests go over a socket of their own).
    @Test func aRawUTF8TargetIsItsPercentEncodedForm() async throws {
        let encoded = "%D8%A3%D8%B3%D9%88%D8%A7%D9%86"        // أسوان
        let pairs = [("/search?q=\(encoded)", "/search?q=أسوان"), ("/api/search?q=\(encoded)&tag=\(encoded)", "/api/search?q=أسوان&tag=أسوان"),
                     ("/tag/\(encoded)", "/tag/أسوان"), ("/api/tags/\(encoded)", "/api/tags/أسوان"),
                     ("/tag/\(encoded)/?period=all", "/tag/أسوان/?period=all")]
        let store = try await makeStore(Self.drafts)
        let app = try buildApplication(store: store, configuration: WebConfiguration(timeZone: TimeZone(identifier: "UTC")!),
                                       logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            func get(_ target: String) -> [UInt8] { Array("GET \(target) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8) }
            let answers = try await RawHTTP.exchange(port: port, pairs.map { get($0.0) + get($0.1) }.reduce([], +) + RawHTTP.last)
            try #require(answers.count == 2 * pairs.count + 1)
            for (i, (browser, raw)) in pairs.enumerated() {
                let expected = answers[2 * i], got = answers[2 * i + 1]
                #expect(expected.status == 200 || expected.status == 301, "\(browser)")
                #expect(got.status == expected.status, "\(raw)")
                #expect(got.location == expected.location, "\(raw)")
                #expect(got.body == expected.body, "\(raw)")
            }
            #expect(answers[0].body.contains("افتتاح جسر جديد فوق نهر النيل"))

            // a request with a body (its raw bytes are the body's own), then a raw target split
            // between two writes inside a letter: each request is still found where it starts
            let body = Array(#"{"url":"https://أسوان.example/feed"}"#.utf8)
            let post = Array("POST /api/sources HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            let search = get("/search?q=أسوان")
            let cut = search.firstIndex(of: 0xD8)! + 1
            let more = try await RawHTTP.exchange(port: port, post, Array(search[..<cut]), Array(search[cut...]) + RawHTTP.last)
            try #require(more.count == 3)
            #expect(more[0].status == 403)        // no admin token set
            #expect(more[1].status == 200 && more[1].body == answers[0].body)

            // blank lines before a request line are skipped (RFC 9112 §2.2), a raw one's too
            let after = try await RawHTTP.exchange(port: port, Array("\r\n".utf8) + search + Array("\r\n".utf8), Array("\r".utf8),
                                                   Array("\n".utf8) + search + RawHTTP.last)
            try #require(after.count == 3)
            #expect(after[0].status == 200 && after[0].body == answers[0].body)
            #expect(after[1].status == 200 && after[1].body == answers[0].body)

            // an h2c upgrade offer (curl --http2 on http://) is answered as HTTP/1.1, and so is
            // what follows it on the connection
            let offer = Array("GET /search?q=أسوان HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n".utf8)
            let upgraded = try await RawHTTP.exchange(port: port, offer + search + RawHTTP.last)
            // a raw NUL in the target gets the site's answer, not the parser's empty 400
            let nul = try await RawHTTP.exchange(port: port, get("/tag/a\u{0}b") + RawHTTP.last)
            try #require(nul.count == 2)
            #expect(nul[0].status == 400 && nul[0].body.contains("NUL"), "\(nul[0].body.prefix(200))")

            try #require(upgraded.count == 3)
            #expect(upgraded[0].status == 200 && upgraded[0].body == answers[0].body)
            #expect(upgraded[1].status == 200 && upgraded[1].body == answers[0].body)
        }
    }

    /// The rewriting itself: only the target's bytes above 0x7F change, a head ends at its blank
    /// line, and what follows a head is told apart (no body, a length, something unframeable).
    @Test func theRequestLineIsRewrittenAndTheBodyFramed() {
        func rewrite(_ head: String) -> (String, RawRequestTargetEncoder.Body) {
            let (out, body) = RawRequestTargetEncoder.rewrite(ByteBuffer(string: head))
            return (String(buffer: out), body)
        }
        #expect(rewrite("GET /tag/نيل?x=ب HTTP/1.1\r\nHost: x\r\nX-Name: نيل\r\n\r\n")
            == ("GET /tag/%D9%86%D9%8A%D9%84?x=%D8%A8 HTTP/1.1\r\nHost: x\r\nX-Name: نيل\r\n\r\n", .none))
        #expect(rewrite("GET /latest HTTP/1.1\r\n\r\n") == ("GET /latest HTTP/1.1\r\n\r\n", .none))
        #expect(rewrite("GET /tag/a\u{0}b HTTP/1.1\r\n\r\n") == ("GET /tag/a%00b HTTP/1.1\r\n\r\n", .none))
        #expect(rewrite("POST /api/sources HTTP/1.1\r\ncontent-length: 12\r\n\r\n").1 == .length(12))
        #expect(rewrite("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").1 == .none)
        // an upgrade offer is taken out; the request is framed as any other
        #expect(rewrite("GET /ب HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMA\r\n\r\n")
            == ("GET /%D8%A8 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n", .none))
        #expect(rewrite("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n") == ("GET / HTTP/1.1\r\n\r\n", .none))
        for head in ["POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n",
                     "POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n"] {
            #expect(rewrite(head).1 == .unknown, "\(head)")
        }
        let twoHeads = ByteBuffer(string: "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n")
        #expect(RawRequestTargetEncoder.headEnd(twoHeads, from: 0) == 28)
        #expect(RawRequestTargetEncoder.headEnd(ByteBuffer(string: "GET /a HTTP/1.1\nHost: x\n\n"), from: 0) == 25)
        #expect(RawRequestTargetEncoder.headEnd(ByteBuffer(string: "GET /a HTTP/1.1\r\nHost: x\r\n\r"), from: 0) == nil)
    }

    /// A head over a limit is refused before the parser sees it, for what is over: the request
    /// line, one field, the fields' count, the whole head; and, before its end has come, a head
    /// already over one.
    @Test func aHeadOverALimitIsRefusedForWhatIsOver() {
        let limits = RawRequestTargetEncoder.Limits(requestLine: 30, field: 20, head: 90, fields: 3)
        func refusal(_ head: String) -> RefusedRequest? { RawRequestTargetEncoder.refusal(ByteBuffer(string: head), limits: limits) }
        func refusal(incomplete head: String) -> RefusedRequest? {
            RawRequestTargetEncoder.refusal(incomplete: ByteBuffer(string: head), limits: limits)
        }
        func a(_ n: Int) -> String { String(repeating: "a", count: n) }
        let line30 = "GET /\(a(16)) HTTP/1.1", field20 = "X-A: \(a(15))"
        #expect(refusal("\(line30)\r\n\(field20)\r\n\(field20)\r\n\r\n") == nil)
        #expect(refusal("GET /\(a(17)) HTTP/1.1\r\nHost: x\r\n\r\n") == RefusedRequest(reason: .requestLineTooLong(limit: 30)))
        #expect(refusal("GET /\(a(17)) HTTP/1.1\nHost: x\n\n") == RefusedRequest(reason: .requestLineTooLong(limit: 30)))
        #expect(refusal("HEAD /\(a(16)) HTTP/1.1\r\n\r\n") == RefusedRequest(reason: .requestLineTooLong(limit: 30), isHead: true))
        #expect(refusal("GET / HTTP/1.1\r\n\(field20)a\r\n\r\n") == RefusedRequest(reason: .headerFieldTooLarge(limit: 20)))
        #expect(refusal("GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 3) + "\r\n") == nil)
        #expect(refusal("GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 4) + "\r\n")
            == RefusedRequest(reason: .tooManyHeaderFields(limit: 3)))
        // 32 + 3 × 22 + 2 bytes, each line within its limit
        #expect(refusal("\(line30)\r\n" + String(repeating: "\(field20)\r\n", count: 3) + "\r\n")
            == RefusedRequest(reason: .headerSectionTooLarge(limit: 90)))

        #expect(refusal(incomplete: "GET /\(a(16)) HTTP/1.1\r\nHost") == nil)
        #expect(refusal(incomplete: "GET /\(a(30))") == RefusedRequest(reason: .requestLineTooLong(limit: 30)))
        #expect(refusal(incomplete: "GET / HTTP/1.1\r\nX-A: \(a(90))") == RefusedRequest(reason: .headerSectionTooLarge(limit: 90)))
        // CONNECT is refused whatever its size (the parser would take it for a tunnel)
        #expect(refusal("CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n") == RefusedRequest(reason: .connect))
        #expect(refusal("CONNECT /latest HTTP/1.1\r\n\r\n") == RefusedRequest(reason: .connect))
        #expect(refusal("GET /CONNECT HTTP/1.1\r\n\r\n") == nil)
        #expect(RefusedRequest(reason: .connect).status.code == 405)
        #expect(RefusedRequest(reason: .requestLineTooLong(limit: 30)).status.code == 414)
        // the API's requests are told apart by their target, as ErrorPageMiddleware tells them
        for (head, api) in [("GET /api/search?q=x HTTP/1.1", true), ("GET /api HTTP/1.1", true), ("HEAD /api?x HTTP/1.1", true),
                            ("GET /apis HTTP/1.1", false), ("GET /search?q=/api/ HTTP/1.1", false), ("GET", false)] {
            #expect(RawRequestTargetEncoder.isAPI(ByteBuffer(string: head).readableBytesView) == api, "\(head)")
        }
        #expect(RefusedRequest(reason: .tooManyHeaderFields(limit: 3)).status.code == 431)
    }
}

/// A client that writes bytes as given, for requests no HTTP library would send.
enum RawHTTP {
    struct Answer: Sendable {
        var status: Int
        var location: String?
        var body: String
        /// the header fields, by lowercased name (the last of a repeated name)
        var fields: [String: String] = [:]
    }

    /// The answers of a connection, and how it ended.
    struct Conversation: Sendable {
        var answers: [Answer]
        /// The server ended the connection (the read saw its end); false when the read gave up
        /// waiting for more, or the connection was reset.
        var closedByServer: Bool
    }

    /// The request to end an exchange with: the server closes the connection after it.
    static let last = Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)

    /// Writes `chunks` to `localhost:port` one after another (a little apart, so that they may
    /// come as separate reads) and reads the answers until the server closes the connection.
    static func exchange(port: Int, _ chunks: [UInt8]...) async throws -> [Answer] {
        try await converse(port: port, chunks).answers
    }

    /// As `exchange`, telling too whether the server closed the connection.
    static func converse(port: Int, _ chunks: [[UInt8]]) async throws -> Conversation {
        try await withCheckedThrowingContinuation { continuation in
            // blocking socket calls, off the concurrency pool the server's handlers run on
            Thread {
                continuation.resume(with: Result { try exchangeBlocking(port: port, chunks) })
            }.start()
        }
    }

    struct Failure: Error {
        var reason: String
    }

    private static func exchangeBlocking(port: Int, _ chunks: [[UInt8]]) throws -> Conversation {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0 else { throw Failure(reason: "getaddrinfo") }
        defer { freeaddrinfo(list) }
        var fd: Int32 = -1
        var next = list
        while let a = next, fd < 0 {
            fd = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
            if fd >= 0, connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen) != 0 { close(fd); fd = -1 }
            next = a.pointee.ai_next
        }
        guard fd >= 0 else { throw Failure(reason: "cannot connect to localhost:\(port)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        for (i, chunk) in chunks.enumerated() {
            if i > 0 { usleep(50_000) }
            // the server may have closed already (a refused request): what came is the answer
            if chunk.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) != chunk.count { break }
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var closed = false
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            // 0: the server's end of the connection; below 0: the read timed out or was reset
            closed = n == 0
            guard n > 0 else { break }
            received += buffer[..<n]
        }
        var answers: [Answer] = []
        while let (answer, length) = parse(received) {
            answers.append(answer)
            received.removeFirst(length)
        }
        return Conversation(answers: answers, closedByServer: closed)
    }

    /// The first answer in `bytes` and its length; nil until it has all come.
    static func parse(_ bytes: [UInt8]) -> (Answer, Int)? {
        let blank: [UInt8] = Array("\r\n\r\n".utf8)
        guard bytes.count >= 4, let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == blank }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(fields["content-length"] ?? "0") ?? 0
        guard bytes.count >= end + 4 + length else { return nil }
        let body = String(decoding: bytes[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        return (Answer(status: status, location: fields["location"], body: body, fields: fields), end + 4 + length)
    }
}
