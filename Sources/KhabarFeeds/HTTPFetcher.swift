import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP GET as the refresher needs it: conditional, bounded, and refusing private addresses.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var accept: String

    public init(url: String, etag: String? = nil, lastModified: String? = nil,
                accept: String = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5") {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.accept = accept
    }
}

public struct FetchResponse: Sendable {
    public var status: Int
    /// The URL after redirects.
    public var url: String
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// Seconds to wait, from Retry-After on 429/503.
    public var retryAfter: Double?
    public var body: [UInt8]

    public init(status: Int, url: String, contentType: String?, etag: String?, lastModified: String?, retryAfter: Double?, body: [UInt8]) {
        self.status = status
        self.url = url
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.retryAfter = retryAfter
        self.body = body
    }
}

public enum FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidURL(String)
    case blockedAddress(url: String, address: String)
    case unresolvable(url: String)
    case tooLarge(url: String, limit: Int)
    case tooManyRedirects(url: String)
    case timeout(url: String, seconds: Int)
    case network(url: String, message: String)

    public var description: String {
        switch self {
        case let .invalidURL(url): "\(url): not an http(s) URL"
        case let .blockedAddress(url, address):
            "\(url): resolves to \(address), a loopback/private/link-local address (set KHABAR_ALLOW_PRIVATE_HOSTS=1 to allow)"
        case let .unresolvable(url): "\(url): the host name does not resolve"
        case let .tooLarge(url, limit): "\(url): the response is larger than \(limit / 1_000_000) MB"
        case let .tooManyRedirects(url): "\(url): more than 5 redirects (or a redirect loop)"
        case let .timeout(url, seconds): "\(url): no complete answer within \(seconds) s"
        case let .network(url, message): "\(url): \(message)"
        }
    }
}

/// The seam between the refresher and the network, so tests can point it at a local server.
public protocol HTTPFetching: Sendable {
    func fetch(_ request: FetchRequest) async throws -> FetchResponse
}

/// AsyncHTTPClient-based fetcher: conditional GET, gzip/deflate with a cap on the decompressed
/// size, an honest User-Agent, per-host concurrency limit, timeouts, at most 5 redirects (each hop
/// checked), a response size cap, and refusal of private addresses unless allowed.
public final class HTTPFetcher: HTTPFetching {
    public static let userAgent = "Khabar/0.1 (+https://github.com/khabar-news/khabar; self-hosted Arabic news aggregator)"
    let client: HTTPClient
    let allowPrivateHosts: Bool
    let maxBytes: Int
    let timeout: TimeAmount
    let limiter: HostLimiter
    let ownsClient: Bool

    public init(allowPrivateHosts: Bool = ProcessInfo.processInfo.environment["KHABAR_ALLOW_PRIVATE_HOSTS"] == "1",
                maxBytes: Int = 10_000_000, timeoutSeconds: Int64 = 20, perHostConnections: Int = 2) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow  // followed by hand so every hop is checked
        configuration.decompression = .enabled(limit: .size(maxBytes * 5))
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeoutSeconds))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        ownsClient = true
        self.allowPrivateHosts = allowPrivateHosts
        self.maxBytes = maxBytes
        self.timeout = .seconds(timeoutSeconds)
        limiter = HostLimiter(limit: perHostConnections)
    }

    deinit {
        if ownsClient { try? client.syncShutdown() }
    }

    public func shutdown() async throws { try await client.shutdown() }

    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        var url = request.url
        var seen: Set<String> = []
        for _ in 0...5 {
            guard seen.insert(url).inserted else { throw FetchError.tooManyRedirects(url: request.url) }
            guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
            else { throw FetchError.invalidURL(url) }
            if !allowPrivateHosts { try AddressPolicy.check(host: host, url: url) }
            var http = HTTPClientRequest(url: url)
            http.method = .GET
            http.headers.add(name: "User-Agent", value: Self.userAgent)
            http.headers.add(name: "Accept", value: request.accept)
            http.headers.add(name: "Accept-Language", value: "ar, en;q=0.5")
            if url == request.url {
                if let etag = request.etag { http.headers.add(name: "If-None-Match", value: etag) }
                if let lastModified = request.lastModified { http.headers.add(name: "If-Modified-Since", value: lastModified) }
            }
            let response: HTTPClientResponse
            let prepared = http
            do {
                response = try await limiter.run(host: host.lowercased()) { [client, timeout] in
                    try await client.execute(prepared, timeout: timeout)
                }
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw FetchError.timeout(url: url, seconds: Int(timeout.nanoseconds / 1_000_000_000))
            } catch let error as FetchError {
                throw error
            } catch {
                throw FetchError.network(url: url, message: "\(error)")
            }
            let status = Int(response.status.code)
            if (300...399).contains(status), status != 304, let location = response.headers.first(name: "Location") {
                guard let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString else {
                    throw FetchError.invalidURL(location)
                }
                url = next
                continue
            }
            var body: [UInt8] = []
            do {
                for try await chunk in response.body {
                    body.append(contentsOf: chunk.readableBytesView)
                    if body.count > maxBytes { throw FetchError.tooLarge(url: url, limit: maxBytes) }
                }
            } catch let error as FetchError {
                throw error
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                throw FetchError.timeout(url: url, seconds: Int(timeout.nanoseconds / 1_000_000_000))
            } catch {
                let text = "\(error)"
                if text.contains("decompression") || text.contains("Decompression") { throw FetchError.tooLarge(url: url, limit: maxBytes * 5) }
                throw FetchError.network(url: url, message: text)
            }
            return FetchResponse(
                status: status, url: url, contentType: response.headers.first(name: "Content-Type"),
                etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"),
                retryAfter: response.headers.first(name: "Retry-After").flatMap(Self.retryAfterSeconds), body: body)
        }
        throw FetchError.tooManyRedirects(url: request.url)
    }

    /// Retry-After is either seconds or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// At most `limit` requests in flight per host, so one slow outlet never gets hammered and never
/// starves the others.
actor HostLimiter {
    let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int) { self.limit = max(1, limit) }

    func run<T: Sendable>(host: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(host)
        defer { release(host) }
        return try await body()
    }

    private func acquire(_ host: String) async {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    private func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()  // the slot passes straight to the next waiter
        } else {
            active[host, default: 1] -= 1
        }
    }
}

/// Refuses hosts that resolve to loopback, private, link-local or otherwise internal addresses.
enum AddressPolicy {
    static func check(host: String, url: String) throws {
        let addresses = resolve(host)
        guard !addresses.isEmpty else { throw FetchError.unresolvable(url: url) }
        for address in addresses where isInternal(address) {
            throw FetchError.blockedAddress(url: url, address: address)
        }
    }

    static func resolve(_ host: String) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var out: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                out.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return out
    }

    static func isInternal(_ address: String) -> Bool {
        if address.contains(":") {
            let a = address.lowercased()
            if a == "::1" || a == "::" { return true }
            if a.hasPrefix("fe8") || a.hasPrefix("fe9") || a.hasPrefix("fea") || a.hasPrefix("feb") { return true }  // fe80::/10
            if a.hasPrefix("fc") || a.hasPrefix("fd") { return true }  // fc00::/7
            if a.hasPrefix("::ffff:") { return isInternal(String(a.dropFirst(7))) }
            return false
        }
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return true }
        switch (parts[0], parts[1]) {
        case (0, _), (10, _), (127, _): return true
        case (169, 254), (192, 168): return true
        case (172, 16...31): return true
        case (100, 64...127): return true  // carrier-grade NAT
        case (192, 0) where parts[2] == 0: return true
        case (224...255, _): return true  // multicast and reserved
        default: return false
        }
    }
}
