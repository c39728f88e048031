import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The HTTP/1 server of the site: Hummingbird's, with `RawRequestTargetEncoder` ahead of its
/// request parser and `HTTP1ConnectionHandler` right after it.
struct SiteHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let base: HTTP1Channel
    /// What a refused request for a page is answered with.
    let pages: RefusalPages

    static func builder(pages: RefusalPages) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in SiteHTTP1Channel(base: HTTP1Channel(responder: responder), pages: pages) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        // the parser's own limits, so that a head it would fail on is refused here first
        let limits = RawRequestTargetEncoder.Limits(base.configuration.httpDecoder)
        // first in the pipeline: Hummingbird's setup appends the HTTP codec after it
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RawRequestTargetEncoder(limits: limits))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            // after the parser, the one handler that still sees each request's HTTP version
            let operations = channel.pipeline.syncOperations
            let parser = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(HTTP1ConnectionHandler(pages: pages), position: .after(parser))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// Percent-encodes the bytes of a request target that are not ASCII (`GET /search?q=روسيا`
/// sent as raw UTF-8, as curl, scripts and some feed readers send a query) before the request
/// parser sees them, so that such a request is the request a browser makes of the same address.
///
/// NIO's parser (llhttp) takes no byte above 0x7F in a request target: it fails the connection,
/// and Hummingbird answers that with an empty 400 and closes it, before any middleware or route
/// could see the request. So the fix is on the bytes, ahead of the parser. To know where each
/// request head starts, this reads the heads and passes a body of a `Content-Length` by its
/// length; a request it cannot frame so (a chunked body, a length it cannot read) ends the
/// rewriting for the rest of the connection, whose bytes then pass as sent: the parser judges
/// them. An upgrade offer (`Upgrade`, `HTTP2-Settings`) is taken out of the head: the server takes
/// none, and left in, it stopped the parser for good (`curl --http2 URL URL` waited forever on the
/// second answer).
///
/// A head over the parser's limits is refused here, before the parser fails on it: the parser's
/// failure says nothing of its cause (Hummingbird answers any with an empty 400), while an
/// over-long request line is 414 (URI Too Long) and an over-long header section 431 (Request
/// Header Fields Too Large), answers a client can act on. So is CONNECT, a proxy's request that
/// the site, no proxy, does not take: the parser reads it as the start of a tunnel, so that
/// nothing the site wrote after it was framed or followed (a 404 head without a length, and a
/// connection that hung); it is answered 405 instead. The refusal goes to
/// `HTTP1ConnectionHandler` as an event, which answers it after the requests before it; what
/// follows it on the connection is not read, and the connection ends.
final class RawRequestTargetEncoder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// How large a head may be. The parser counts the target, names and values, and this counts
    /// whole lines, a little more of the same head, so a head is refused here at the latest when
    /// the parser would fail on it.
    struct Limits: Equatable {
        /// bytes of the request line (the parser's limit of one field applies to its target)
        var requestLine: Int
        /// bytes of one header field's line
        var field: Int
        /// bytes of the whole head
        var head: Int
        /// header fields
        var fields: Int

        init(requestLine: Int, field: Int, head: Int, fields: Int) {
            self.requestLine = requestLine
            self.field = field
            self.head = head
            self.fields = fields
        }

        init(_ parser: HTTP1Channel.Configuration.DecoderConfiguration) {
            self.init(requestLine: parser.maxHeaderFieldSize, field: parser.maxHeaderFieldSize,
                      head: parser.maxHeaderListSize, fields: parser.maxHeaderFieldCount)
        }
    }

    let limits: Limits

    init(limits: Limits) {
        self.limits = limits
    }

    /// Bytes of a head not yet complete.
    private var held: ByteBuffer?
    /// Where in `held` to look on for the head's end.
    private var scanFrom = 0
    /// Bytes of the current request's body still to pass.
    private var bodyLeft = 0
    private var passingThrough = false
    /// A head was refused: the connection ends with its answer, and nothing after it is read.
    private var refused = false

    /// What follows a request head.
    enum Body: Equatable {
        case none
        case length(Int)
        /// a body or a protocol this cannot frame
        case unknown
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        if passingThrough { return context.fireChannelRead(data) }
        var buffer = unwrapInboundIn(data)
        if var h = held {
            h.writeBuffer(&buffer)
            buffer = h
            held = nil
        }
        while !passingThrough, buffer.readableBytes > 0 {
            if bodyLeft > 0 {
                let n = min(bodyLeft, buffer.readableBytes)
                bodyLeft -= n
                context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: n)!))
                continue
            }
            // blank lines before a request line (RFC 9112 §2.2: a server skips them) pass as sent
            let blank = buffer.withUnsafeReadableBytes { b in b.prefix { $0 == 0x0D || $0 == 0x0A }.count }
            if blank > 0 {
                context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: blank)!))
                scanFrom = 0
                continue
            }
            guard let end = Self.headEnd(buffer, from: scanFrom) else { break }
            scanFrom = 0
            let (head, body) = Self.rewrite(buffer.readSlice(length: end)!)
            // judged as the parser would see it, its target percent-encoded (a raw UTF-8 target
            // grows to three bytes a byte)
            if let refusal = Self.refusal(head, limits: limits) { return refuse(refusal, context) }
            switch body {
            case .none: break
            case .length(let n): bodyLeft = n
            case .unknown: passingThrough = true
            }
            context.fireChannelRead(wrapInboundOut(head))
        }
        guard buffer.readableBytes > 0 else { return }
        if passingThrough {
            context.fireChannelRead(wrapInboundOut(buffer))
        } else if let refusal = Self.refusal(incomplete: buffer, limits: limits) {
            // refused as soon as it is over a limit: waiting for its end would hold any amount
            refuse(refusal, context)
        } else {
            scanFrom = max(0, buffer.readableBytes - 2)
            held = buffer
        }
    }

    private func refuse(_ refusal: RefusedRequest, _ context: ChannelHandlerContext) {
        refused = true
        held = nil
        context.fireUserInboundEventTriggered(refusal)
    }

    /// Why a whole `head` (its target as the parser gets it) is refused; nil when it is not.
    static func refusal(_ head: ByteBuffer, limits: Limits) -> RefusedRequest? {
        if head.readableBytesView.starts(with: "CONNECT ".utf8) { return RefusedRequest(reason: .connect) }
        // one pass over the lines, nothing allocated: every request comes through here
        let (requestLine, fields, longestField) = head.withUnsafeReadableBytes { bytes in
            var requestLine: Int? = nil
            var fields = 0, longestField = 0
            var start = 0
            while start < bytes.count, let lf = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let length = lf > start && bytes[lf - 1] == UInt8(ascii: "\r") ? lf - 1 - start : lf - start
                if requestLine == nil {
                    requestLine = length
                } else if length > 0 {
                    fields += 1
                    longestField = max(longestField, length)
                }
                start = lf + 1
            }
            return (requestLine ?? bytes.count, fields, longestField)
        }
        let isHead = head.readableBytesView.starts(with: "HEAD ".utf8), isAPI = Self.isAPI(head.readableBytesView)
        if requestLine > limits.requestLine {
            return RefusedRequest(reason: .requestLineTooLong(limit: limits.requestLine), isHead: isHead, isAPI: isAPI)
        }
        if head.readableBytes > limits.head {
            return RefusedRequest(reason: .headerSectionTooLarge(limit: limits.head), isHead: isHead, isAPI: isAPI)
        }
        if longestField > limits.field {
            return RefusedRequest(reason: .headerFieldTooLarge(limit: limits.field), isHead: isHead, isAPI: isAPI)
        }
        if fields > limits.fields {
            return RefusedRequest(reason: .tooManyHeaderFields(limit: limits.fields), isHead: isHead, isAPI: isAPI)
        }
        return nil
    }

    /// Why the start of a head whose end has not come (`bytes`, as sent) is refused already; nil
    /// while it is within the limits. Percent-encoding only makes a target longer, so what is
    /// over a limit as sent is over it as the parser would get it.
    static func refusal(incomplete bytes: ByteBuffer, limits: Limits) -> RefusedRequest? {
        let view = bytes.readableBytesView
        // within both, it is within every limit; and a head that comes a byte at a time is not
        // looked through again at every byte
        guard view.count > min(limits.requestLine, limits.head) else { return nil }
        var lineLength = view.count
        if let lf = view.firstIndex(of: UInt8(ascii: "\n")) {
            lineLength = lf - view.startIndex
            if lf > view.startIndex && view[lf - 1] == UInt8(ascii: "\r") { lineLength -= 1 }
        }
        let isHead = view.starts(with: "HEAD ".utf8), isAPI = Self.isAPI(view)
        if lineLength > limits.requestLine {
            return RefusedRequest(reason: .requestLineTooLong(limit: limits.requestLine), isHead: isHead, isAPI: isAPI)
        }
        if view.count > limits.head {
            return RefusedRequest(reason: .headerSectionTooLarge(limit: limits.head), isHead: isHead, isAPI: isAPI)
        }
        return nil
    }

    /// Whether the head's target (after the method and a space) is under `/api/`, whose answers
    /// are JSON, as `ErrorPageMiddleware` tells them.
    static func isAPI(_ head: ByteBufferView) -> Bool {
        guard let space = head.firstIndex(of: UInt8(ascii: " ")) else { return false }
        let target = head[head.index(after: space)...]
        return target.starts(with: "/api/".utf8) || target.elementsEqual("/api".utf8)
            || (target.starts(with: "/api".utf8) && [UInt8(ascii: " "), UInt8(ascii: "?")].contains(target.dropFirst(4).first ?? 0))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // what is held goes to the parser before the end of the input, to fail as it would have
        if case .some(.inputClosed) = event as? ChannelEvent { release(context) }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        release(context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release(context)
    }

    private func release(_ context: ChannelHandlerContext) {
        guard let h = held else { return }
        held = nil
        passingThrough = true
        context.fireChannelRead(wrapInboundOut(h))
    }

    /// The length of the head at the start of `buffer` (through its blank line, CRLF or a bare
    /// LF), looking from `start` on; nil while it has not all come.
    static func headEnd(_ buffer: ByteBuffer, from start: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes in
            var i = start
            while let lf = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) {
                if lf + 1 < bytes.count, bytes[lf + 1] == UInt8(ascii: "\n") { return lf + 2 }
                if lf + 2 < bytes.count, bytes[lf + 1] == UInt8(ascii: "\r"), bytes[lf + 2] == UInt8(ascii: "\n") { return lf + 3 }
                i = lf + 1
            }
            return nil
        }
    }

    /// `head` with the non-ASCII bytes of its request target percent-encoded, and what follows it.
    /// Is `name` (a field's name as sent, spaces and tabs around it) the lowercase ASCII `field`,
    /// in any case?
    static func isField(_ name: ArraySlice<UInt8>, _ field: StaticString) -> Bool {
        var lo = name.startIndex, hi = name.endIndex
        while lo < hi && (name[lo] == 0x20 || name[lo] == 0x09) { lo += 1 }
        while hi > lo && (name[hi - 1] == 0x20 || name[hi - 1] == 0x09) { hi -= 1 }
        guard hi - lo == field.utf8CodeUnitCount else { return false }
        let f = field.utf8Start
        for k in 0..<(hi - lo) {
            let b = name[lo + k], c = f[k]
            if b != c && !(c >= 0x61 && c <= 0x7A && b == c - 0x20) { return false }
        }
        return true
    }

    static func rewrite(_ head: ByteBuffer) -> (ByteBuffer, Body) {
        let bytes = Array(head.readableBytesView)
        let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = bytes[..<lineEnd]
        // The fields: the body's framing, and an upgrade offer (h2c from `curl --http2`, a
        // websocket) that this server never takes. Left in, the parser stopped at it, waiting for
        // a switch that never came, and the connection answered nothing more; taken out, the
        // request is answered as HTTP/1.1, as RFC 9110 §7.8 lets a server do.
        var lengths: [String] = []
        var chunked = false
        var dropped: [Range<Int>] = []
        for field in bytes[lineEnd...].split(separator: UInt8(ascii: "\n")) {
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { continue }
            // names compared by their bytes: every request passes here, and a string per field
            // was made, trimmed and lowercased only to be compared with four names
            let name = field[..<colon]
            if Self.isField(name, "content-length") {
                lengths.append(String(decoding: field[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            } else if Self.isField(name, "transfer-encoding") {
                chunked = true
            } else if Self.isField(name, "upgrade") || Self.isField(name, "http2-settings") {
                dropped.append(field.startIndex..<min(field.endIndex + 1, bytes.count))
            }
        }
        // the target is between the request line's first and last spaces
        var target: (first: Int, last: Int)? = nil
        if let first = line.firstIndex(of: UInt8(ascii: " ")), let last = line.lastIndex(of: UInt8(ascii: " ")), first < last,
           line[first..<last].contains(where: { $0 >= 0x80 || $0 == 0 }) {
            target = (first, last)
        }
        var out = head
        if target != nil || !dropped.isEmpty {
            var rebuilt: [UInt8] = []
            rebuilt.reserveCapacity(bytes.count + 64)
            if let (first, last) = target {
                let hex = Array("0123456789ABCDEF".utf8)
                rebuilt += bytes[...first]
                for byte in line[(first + 1)..<last] {
                    // (a NUL too: the site then says what is wrong with the address, where the
                    // parser gave an empty 400)
                    if byte >= 0x80 || byte == 0 {
                        rebuilt += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                    } else {
                        rebuilt.append(byte)
                    }
                }
                rebuilt += bytes[last..<lineEnd]
            } else {
                rebuilt += line
            }
            var at = lineEnd
            for range in dropped {
                rebuilt += bytes[at..<range.lowerBound]
                at = range.upperBound
            }
            rebuilt += bytes[at...]
            out = ByteBuffer(bytes: rebuilt)
        }
        if chunked { return (out, .unknown) }
        guard let length = lengths.first else { return (out, .none) }
        guard lengths.count == 1, !length.isEmpty, length.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let n = Int(length) else {
            return (out, .unknown)
        }
        return (out, n == 0 ? .none : .length(n))
    }
}
