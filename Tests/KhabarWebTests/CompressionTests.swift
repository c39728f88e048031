import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarPipeline
import NIOCore
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// gzip on text answers: when the client takes it, what it decompresses to, and the headers
/// caches and feed readers rely on.
@Suite(.scratch) struct CompressionTests {
    /// The text of a gzip body, read back through the pipeline's own `.gz` reader.
    static func gunzip(_ body: ByteBuffer) throws -> String {
        let bytes = Array(buffer: body)
        try #require(bytes.starts(with: [0x1f, 0x8b]), "not a gzip stream")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-gzip-\(UUID().uuidString).gz").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineReader(path: path)
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines.joined(separator: "\n")
    }

    /// The identity body with its lines joined as `gunzip` joins them.
    static func lines(_ body: ByteBuffer) -> String {
        var text = String(buffer: body)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func textAnswersAreGzippedWhenTheClientTakesIt() async throws {
        try await withApp { client in
            for uri in ["/", "/latest", "/article/w-1", "/latest.rss", "/static/khabar.css", "/api/openapi.json"] {
                let plain = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentEncoding] == nil, "\(uri)")
                    #expect(response.headers[.vary] == "Accept-Encoding", "\(uri)")
                    return response.body
                }
                #expect(plain.readableBytes >= CompressionMiddleware.minimumBytes, "\(uri): \(plain.readableBytes) bytes")
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip, deflate, br"]) { response in
                    #expect(response.headers[.contentEncoding] == "gzip", "\(uri)")
                    #expect(response.headers[.vary] == "Accept-Encoding", "\(uri)")
                    #expect(response.headers[.contentLength] == String(response.body.readableBytes), "\(uri)")
                    #expect(response.body.readableBytes < plain.readableBytes, "\(uri)")
                    let text = try Self.gunzip(response.body)
                    #expect(text == Self.lines(plain), "\(uri)")
                }
            }
            // HEAD says what GET would send
            let length = try await client.execute(uri: "/latest", method: .get, headers: [.acceptEncoding: "gzip"]) {
                $0.headers[.contentLength]
            }
            try await client.execute(uri: "/latest", method: .head, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.contentLength] == length)
                #expect(response.body.readableBytes == 0)
            }
            // refused, not offered, or too small to gain: sent as it is
            for (uri, accept) in [("/latest", "gzip;q=0, deflate"), ("/latest", "identity"), ("/latest", "br"),
                                  ("/latest", "*;q=0"), ("/healthz", "gzip"), ("/api/articles", "gzip")] {
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: accept]) { response in
                    #expect(response.status == .ok, "\(uri) \(accept)")
                    #expect(response.headers[.contentEncoding] == nil, "\(uri) \(accept)")
                }
            }
        }
    }

    /// A compressed feed's ETag is weak and still brings 304, which names the same ETag and Vary.
    @Test func conditionalGetsKeepWorkingWithGzip() async throws {
        try await withApp { client in
            let gzip: HTTPFields = [.acceptEncoding: "gzip"]
            let strong = try await client.execute(uri: "/latest.atom", method: .get) { try #require($0.headers[.eTag]) }
            #expect(!strong.hasPrefix("W/"))
            let weak = try await client.execute(uri: "/latest.atom", method: .get, headers: gzip) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                return try #require(response.headers[.eTag])
            }
            #expect(weak == "W/" + strong)
            for sent in [weak, strong] {
                var headers = gzip
                headers[.ifNoneMatch] = sent
                try await client.execute(uri: "/latest.atom", method: .get, headers: headers) { response in
                    #expect(response.status == .notModified, "\(sent)")
                    #expect(response.headers[.eTag] == weak && response.headers[.vary] == "Accept-Encoding", "\(sent)")
                    #expect(response.body.readableBytes == 0)
                }
            }
            try await client.execute(uri: "/latest.atom", method: .get, headers: [.ifNoneMatch: weak]) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.eTag] == strong)
            }
        }
    }

    @Test(arguments: [
        ("gzip", true), ("GZIP", true), ("x-gzip", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false),
        ("gzip; q=0.000", false), ("*", true), ("br, *;q=0.1", true), ("*, gzip;q=0", false), ("identity", false),
        ("", false), ("br", false),
    ])
    func acceptEncodingIsReadWithItsWeights(header: String, accepted: Bool) {
        #expect(CompressionMiddleware.acceptsGzip(header) == accepted)
    }

    @Test func textTypesAreTheCompressibleOnes() {
        for type in ["text/html; charset=utf-8", "application/json; charset=utf-8", "application/rss+xml; charset=utf-8",
                     "application/feed+json; charset=utf-8", "text/css; charset=utf-8", "application/atom+xml"] {
            #expect(CompressionMiddleware.isText(type), "\(type)")
        }
        for type in ["image/png", "application/octet-stream", "application/gzip"] {
            #expect(!CompressionMiddleware.isText(type), "\(type)")
        }
    }

    /// The home page's cache keeps the gzip form it made for the first client that took it, and
    /// the plain form for the others; a page too small to gain stays plain.
    @Test func theHomePageCacheCompressesOnce() throws {
        let cache = RenderedPageCache()
        let html = String(repeating: "<li>خبر عن افتتاح حديقة عامة في وسط المدينة</li>\n", count: 60)
        cache.put(RenderedPage(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: html)))
        let first = try #require(cache.get(maxAge: 60, gzip: true))
        let second = try #require(cache.get(maxAge: 60, gzip: true))
        #expect(first.headers[.contentEncoding] == "gzip" && first.headers[.vary] == "Accept-Encoding")
        #expect(first.body == second.body && first.body.readableBytes < html.utf8.count / 4)
        #expect(try Self.gunzip(first.body) == Self.lines(ByteBuffer(string: html)))
        let plain = try #require(cache.get(maxAge: 60))
        #expect(plain.headers[.contentEncoding] == nil && String(buffer: plain.body) == html)
        cache.put(RenderedPage(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: "<p>قصير</p>")))
        #expect(try #require(cache.get(maxAge: 60, gzip: true)).headers[.contentEncoding] == nil)
    }
}
