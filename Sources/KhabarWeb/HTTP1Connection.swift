import Foundation
import KhabarModel
import NIOCore
import Mustache
import NIOHTTP1

/// Decides, for each request, what its answer says about the connection. It sits right after
/// NIO's request parser and before Hummingbird's codec: the last place that still sees the
/// request's HTTP version, which Hummingbird's request type does not carry.
///
/// HTTP/1.0 closes a connection after each answer unless the request asks for `keep-alive`
/// (RFC 9112 §9.3). Hummingbird keeps every connection open unless the request says
/// `Connection: close`, so `GET / HTTP/1.0` got an answer that did not say how the connection
/// would go and a connection that stayed open: a 1.0 client reading to the end of the connection
/// waited. Here such a request is made to say `Connection: close` before Hummingbird sees it (it
/// then closes the connection after answering), and its answer says `Connection: close`; a 1.0
/// request that asks for `keep-alive` gets `Connection: keep-alive` back, as 1.0 clients need to
/// see to keep the connection. An HTTP/1.1 answer to a request that says `Connection: close`
/// says it too; other HTTP/1.1 requests and answers pass as they are.
///
/// It also answers the requests `RawRequestTargetEncoder` refuses before the parser sees them
/// (`RefusedRequest`, a user event): after the answers to the requests before it on the
/// connection, so that pipelined answers stay in order, then the connection ends.
final class HTTP1ConnectionHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What an answer is to say about the connection.
    enum Persistence: Equatable {
        /// HTTP/1.1: what the application wrote
        case asWritten
        case close
        case keepAlive
    }

    /// For each request read and not yet answered, oldest first (requests may be pipelined).
    private var unanswered = CircularBuffer<Persistence>()
    /// Between an answer's head and its end.
    private var answering = false
    /// A request asked for the connection to end after its answer: nothing later is answered.
    private var closing = false
    /// A refused request waiting for the answers before it.
    private var refused: RefusedRequest?
    /// What a refused request for a page is answered with.
    let pages: RefusalPages

    init(pages: RefusalPages) {
        self.pages = pages
    }

    /// What the answer to a request with `head` says about the connection, and the head as the
    /// application is to see it.
    static func persistence(_ head: inout HTTPRequestHead) -> Persistence {
        // HTTP/1.1: closed after the answer when the request says `Connection: close`, and the
        // answer says so (RFC 9112 §9.6); Hummingbird closed it without a word
        guard head.version == .http1_0 else { return head.isKeepAlive ? .asWritten : .close }
        if head.isKeepAlive { return .keepAlive }
        // Hummingbird closes after the answer when the request's Connection value is "close"
        head.headers.replaceOrAdd(name: "connection", value: "close")
        return .close
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        unanswered.append(Self.persistence(&head))
        if !head.isKeepAlive { closing = true }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let refusal = event as? RefusedRequest else { return context.fireUserInboundEventTriggered(event) }
        // after a request that closes the connection, the refused one is never answered
        if closing { return }
        if unanswered.isEmpty && !answering { answer(refusal, context: context) } else { refused = refusal }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let head: HTTPResponseHead
        switch unwrapOutboundIn(data) {
        case .head(let h):
            head = h
        case .body:
            return context.write(data, promise: promise)
        case .end:
            answering = false
            context.write(data, promise: promise)
            if unanswered.isEmpty, let refusal = refused {
                refused = nil
                answer(refusal, context: context)
            }
            return
        }
        // an interim answer (100 Continue) comes before the request's own
        let interim = (100..<200).contains(head.status.code) && head.status != .switchingProtocols
        guard !interim, let persistence = unanswered.popFirst() else { return context.write(data, promise: promise) }
        answering = true
        var changed = head
        switch persistence {
        case .asWritten:
            return context.write(data, promise: promise)
        case .close:
            changed.headers.replaceOrAdd(name: "Connection", value: "close")
        case .keepAlive:
            changed.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(changed)), promise: promise)
    }

    /// Answers `refusal` and ends the connection.
    private func answer(_ refusal: RefusedRequest, context: ChannelHandlerContext) {
        let (contentType, body) = pages.answer(refusal)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        // a 4xx answer carries the date it was made (RFC 9110 §6.6.1), as Hummingbird's do
        headers.add(name: "Date", value: DateParsing.rfc822(Date()))
        if refusal.reason == .connect { headers.add(name: "Allow", value: RefusedRequest.allow) }
        if contentType.hasPrefix("text/html") {
            // as the site's other pages (nosniff among them)
            for field in Site.securityHeaders { headers.add(name: field.name.rawName, value: field.value) }
        } else {
            // as every other answer of the site (ErrorPageMiddleware)
            headers.add(name: "X-Content-Type-Options", value: "nosniff")
        }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: refusal.status, headers: headers))), promise: nil)
        if !refusal.isHead { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        // Only the sending side closes, once the answer is out. The client may still be sending
        // the rest of an over-long head: closing both sides with its bytes unread makes the
        // kernel reset the connection, and a reset can lose the answer before it is read. The
        // rest is read and dropped (RawRequestTargetEncoder), and the connection ends when the
        // client closes its side.
        context.close(mode: .output, promise: nil)
    }
}

/// A request answered without the parser, after which the connection ends: sent by
/// `RawRequestTargetEncoder`, answered by `HTTP1ConnectionHandler`.
struct RefusedRequest: Equatable, Sendable {
    enum Reason: Equatable, Sendable {
        /// longer than `limit` bytes
        case requestLineTooLong(limit: Int)
        /// a head of more than `limit` bytes
        case headerSectionTooLarge(limit: Int)
        /// one field's line longer than `limit` bytes
        case headerFieldTooLarge(limit: Int)
        /// more than `limit` fields
        case tooManyHeaderFields(limit: Int)
        /// a proxy's method, for a tunnel to another host
        case connect
    }

    /// The methods of the answer to CONNECT: what the site's pages and feeds take. CONNECT
    /// names a host, none of the site's paths, so it has no path's own list (the API paths that
    /// take more say so in their own 405s).
    static let allow = "GET, HEAD"

    var reason: Reason
    /// A HEAD request: its answer has no body (only the length of the one a GET would get).
    var isHead = false
    /// A request under `/api/`: answered in JSON, in English, as the API's other errors are.
    var isAPI = false

    var status: HTTPResponseStatus {
        switch reason {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .headerFieldTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .connect: .methodNotAllowed
        }
    }

    /// The page a refused request for a page gets: heading and sentence in Arabic, as the
    /// site's other error pages (`BadRequest`); nil for CONNECT, which asks for no page (its
    /// target is a host) and is answered in plain text.
    var arabic: (heading: String, message: String)? {
        switch reason {
        case .requestLineTooLong(let limit):
            ("العنوان طويل جداً", "سطر الطلب (الطريقة والعنوان والإصدار) أطول من \(Self.arabicSize(limit))، فلم يُقرأ الطلب.")
        case .headerSectionTooLarge(let limit):
            ("رؤوس الطلب كبيرة جداً", "سطر الطلب وحقول رأسه معاً أطول من \(Self.arabicSize(limit))، فلم يُقرأ الطلب.")
        case .headerFieldTooLarge(let limit):
            ("رؤوس الطلب كبيرة جداً", "أحد حقول رأس الطلب أطول من \(Self.arabicSize(limit))، فلم يُقرأ الطلب.")
        case .tooManyHeaderFields(let limit):
            ("رؤوس الطلب كثيرة جداً", "في رأس الطلب أكثر من \(limit) حقل، فلم يُقرأ الطلب.")
        case .connect:
            nil
        }
    }

    /// `81920 بايت (80 كيلوبايت)`
    static func arabicSize(_ bytes: Int) -> String {
        bytes >= 1024 && bytes % 1024 == 0 ? "\(bytes) بايت (\(bytes / 1024) كيلوبايت)" : "\(bytes) بايت"
    }

    /// What was too large, in plain words, for the answer's body.
    var message: String {
        switch reason {
        case .requestLineTooLong(let limit):
            "URI too long: the request line (method, address and version) is over \(limit) bytes."
        case .headerSectionTooLarge(let limit):
            "Request header fields too large: the request line and header fields are over \(limit) bytes together."
        case .headerFieldTooLarge(let limit):
            "Request header fields too large: a header field is over \(limit) bytes."
        case .tooManyHeaderFields(let limit):
            "Request header fields too large: the request has more than \(limit) header fields."
        case .connect:
            "Method not allowed: CONNECT opens a tunnel through a proxy, and this server is none. It answers \(Self.allow)."
        }
    }
}

/// The answers to refused requests (`RefusedRequest`), which come before the router and its
/// `ErrorPageMiddleware`: a page's request gets an Arabic page in the site's layout, as the
/// site's other errors do, a request under `/api/` the API's JSON error in English, and CONNECT
/// (no page's request) a line of plain text. Rendered here, where the refusal is answered: the
/// router never sees these requests.
struct RefusalPages: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = try Site.makeLibrary()
    }

    /// The content type and body of the answer to `refusal`.
    func answer(_ refusal: RefusedRequest) -> (contentType: String, body: ByteBuffer) {
        if refusal.isAPI {
            let json = (try? JSONEncoder().encode(["error": refusal.message])) ?? Data()
            return ("application/json; charset=utf-8", ByteBuffer(bytes: json))
        }
        guard let (heading, message) = refusal.arabic else {
            return ("text/plain; charset=utf-8", ByteBuffer(string: refusal.message + "\n"))
        }
        let content = library.render(["heading": heading, "message": message], withTemplate: "error") ?? ""
        let html = library.render(["pageTitle": heading, "content": content, "cssVersion": Site.cssVersion], withTemplate: "layout") ?? ""
        return ("text/html; charset=utf-8", ByteBuffer(string: html))
    }
}
