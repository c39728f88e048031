import CZlib
import Foundation
import Hummingbird
import NIOCore

/// Compresses text answers (pages, JSON, feeds, the stylesheet, metrics) with gzip when the
/// client accepts it: an Arabic page is mostly two-byte letters and repeated markup, and shrinks
/// to a fraction. Small answers (under `minimumBytes`) are sent as they are: the gzip header and
/// the work would cost more than they save.
///
/// Every compressible answer says `Vary: Accept-Encoding`, compressed or not, so a shared cache
/// keeps the two forms apart; so does a 304, which stands for such an answer. A compressed
/// answer's ETag becomes weak (`W/"…"`, as nginx does): the bytes differ from the identity form,
/// the content does not, and If-None-Match compares weakly (RFC 9110 §13.1.2), so a reader's
/// conditional GET keeps getting 304, whose ETag is weakened alike for a client that takes gzip.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    static let minimumBytes = 1024
    /// Bodies above this are sent as they are rather than held whole in memory to compress.
    static let maximumBytes = 16 << 20

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let acceptsGzip = Self.acceptsGzip(request.headers[.acceptEncoding])
        if response.status == .notModified {
            response.headers.appendVary("Accept-Encoding")
            if acceptsGzip { response.headers.weakenETag() }
            return response
        }
        guard let type = response.headers[.contentType], Self.isText(type) else { return response }
        response.headers.appendVary("Accept-Encoding")
        guard acceptsGzip, response.headers[.contentEncoding] == nil,
              let length = response.body.contentLength, length >= Self.minimumBytes, length <= Self.maximumBytes,
              response.headers[.cacheControl]?.lowercased().contains("no-transform") != true
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard let compressed = Self.gzip(collector.buffer, headers: &response.headers) else { return response }
        response.body = .init(byteBuffer: compressed)
        return response
    }

    /// `body` compressed, and its headers saying so; nil (headers untouched) if zlib fails.
    /// Also what the home page's cache keeps, so that it compresses once per rendering.
    static func gzip(_ body: ByteBuffer, headers: inout HTTPFields) -> ByteBuffer? {
        guard let compressed = Gzip.compress(body) else { return nil }
        headers[.contentEncoding] = "gzip"
        headers.appendVary("Accept-Encoding")
        headers.weakenETag()
        return compressed
    }

    /// Text a client reads as characters: `text/*`, JSON and XML (feeds included).
    static func isText(_ contentType: String) -> Bool {
        let type = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        return type.hasPrefix("text/") || type == "application/json" || type == "application/xml"
            || type.hasSuffix("+json") || type.hasSuffix("+xml")
    }

    /// Whether `Accept-Encoding` lets the answer be gzip: `gzip` (or `x-gzip`) with a weight above
    /// zero, or `*` when gzip is not named (RFC 9110 §12.5.3). No header: no compression, as most
    /// servers read it.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var wildcard: Bool?
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";")
            guard let coding = fields.first?.trimmingCharacters(in: .whitespaces).lowercased(), !coding.isEmpty else { continue }
            var weight = 1.0
            for parameter in fields.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q" { weight = Double(pair[1]) ?? 0 }
            }
            if coding == "gzip" || coding == "x-gzip" { return weight > 0 }
            if coding == "*" { wildcard = weight > 0 }
        }
        return wildcard ?? false
    }
}

extension HTTPFields {
    /// `ETag: "x"` becomes `W/"x"`; a weak one stays.
    mutating func weakenETag() {
        if let etag = self[.eTag], !etag.hasPrefix("W/") { self[.eTag] = "W/" + etag }
    }

    /// Adds `name` to `Vary` unless it is already there (or `Vary: *`).
    mutating func appendVary(_ name: String) {
        guard let vary = self[.vary], !vary.isEmpty else {
            self[.vary] = name
            return
        }
        let names = vary.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if !names.contains(name.lowercased()) && !names.contains("*") { self[.vary] = vary + ", " + name }
    }
}

/// Gathers a response body's buffers into one (bodies here are one buffer, written at once).
struct BodyCollector: ResponseBodyWriter {
    final class Storage: @unchecked Sendable { var buffer = ByteBuffer() }
    let storage = Storage()
    var buffer: ByteBuffer { storage.buffer }

    mutating func write(_ part: ByteBuffer) async throws {
        var part = part
        storage.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// zlib's deflate with a gzip wrapper, in memory (the pipeline's `.gz` files go through zlib's
/// file functions instead).
enum Gzip {
    /// Level 5 of 9. On the demo corpus's home page (15,178 bytes; zlib through Python, one core):
    /// level 1 3,981 bytes in 76 µs, 5 3,530 in 106 µs, 6 3,454 in 119 µs, 9 3,435 in 127 µs.
    static let level: Int32 = 5

    /// The gzip form of `input`; nil if zlib fails (the caller then sends the bytes as they are).
    static func compress(_ input: ByteBuffer, level: Int32 = level) -> ByteBuffer? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer rather than zlib's; memLevel 8 is the default
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.readableBytes)))
        var output = ByteBuffer()
        var status = Z_STREAM_ERROR
        input.withUnsafeReadableBytes { source in
            _ = output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                status = deflate(&stream, Z_FINISH)   // all at once: the output has room for the bound
                return target.count - Int(stream.avail_out)
            }
        }
        return status == Z_STREAM_END ? output : nil
    }
}
