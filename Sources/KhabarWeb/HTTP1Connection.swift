import NIOCore
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
/// see to keep the connection. HTTP/1.1 requests and answers pass as they are.
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

    /// What the answer to a request with `head` says about the connection, and the head as the
    /// application is to see it.
    static func persistence(_ head: inout HTTPRequestHead) -> Persistence {
        guard head.version == .http1_0 else { return .asWritten }
        if head.isKeepAlive { return .keepAlive }
        // Hummingbird closes after the answer when the request's Connection value is "close"
        head.headers.replaceOrAdd(name: "connection", value: "close")
        return .close
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        unanswered.append(Self.persistence(&head))
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        // an interim answer (100 Continue) comes before the request's own
        let interim = (100..<200).contains(head.status.code) && head.status != .switchingProtocols
        guard !interim, let persistence = unanswered.popFirst() else { return context.write(data, promise: promise) }
        switch persistence {
        case .asWritten:
            return context.write(data, promise: promise)
        case .close:
            head.headers.replaceOrAdd(name: "connection", value: "close")
        case .keepAlive:
            head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
