import CoreMetrics
import Foundation
import Hummingbird
import KhabarModel
import Logging
import Prometheus

// `/metrics` in Prometheus' text format: this process's counters (requests, and the refresher's
// polls when `serve` runs one), then gauges read from the database at scrape time, which every
// web node reports alike (the database is what they share).

/// Counts every request by method, route pattern (not the raw path: ids would make a series per
/// article) and status, and times it; errors are counted with the status the client gets.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let factory: PrometheusMetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            record(request, context, status, start)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            record(request, context, status, start)
            throw error
        } catch {
            record(request, context, 500, start)
            throw error
        }
    }

    func record(_ request: Request, _ context: Context, _ status: Int, _ start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "NotFound"   // as Hummingbird names a path no route matches
        Counter(label: "khabar_http_requests_total",
                dimensions: [("method", request.method.rawValue), ("route", route), ("status", String(status))],
                factory: factory).increment()
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        Timer(label: "khabar_http_request_seconds", dimensions: [("route", route)], preferredDisplayUnit: .seconds,
              factory: factory).recordNanoseconds(nanoseconds)
    }
}

extension Site {
    /// A feed is overdue when its next poll is this late: no refresher runs, or it is stuck.
    static let overdueAfter: TimeInterval = 15 * 60

    func metrics() async throws -> Response {
        var text = MetricsPage.exposition(configuration.metrics)
        func gauge(_ name: String, _ help: String, _ samples: [(labels: String, value: Double)]) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for s in samples {
                let value = s.value.rounded() == s.value && abs(s.value) < 1e15 ? String(Int64(s.value)) : String(s.value)
                text += name + (s.labels.isEmpty ? "" : "{\(s.labels)}") + " " + value + "\n"
            }
        }
        let now = Date()
        gauge("khabar_articles", "Articles stored.", [("", Double(try await store.articleCount()))])
        gauge("khabar_sources", "Outlets with stored articles or a feed.", [("", Double(try await store.sources().count))])
        let feeds = try await store.feedSources()
        let enabled = feeds.filter(\.enabled)
        let failing = enabled.filter { $0.lastError != nil }.count
        gauge("khabar_feeds", "Feed sources: ok (last poll fine or not polled yet), failing (last poll failed), disabled.", [
            (#"state="ok""#, Double(enabled.count - failing)), (#"state="failing""#, Double(failing)),
            (#"state="disabled""#, Double(feeds.count - enabled.count)),
        ])
        let overdue = enabled.filter { ($0.nextPollAt ?? now) < now.addingTimeInterval(-Self.overdueAfter) }.count
        gauge("khabar_feeds_overdue", "Enabled feeds whose next poll is more than 15 minutes late.", [("", Double(overdue))])
        if let newest = try await store.newestPublished(notAfter: now) {
            gauge("khabar_newest_article_age_seconds", "Seconds since the newest stored article was published.",
                  [("", max(0, now.timeIntervalSince(newest)).rounded())])
        }
        return MetricsPage.response(text)
    }
}

enum MetricsPage {
    /// The registry's series in the text format; empty without one.
    static func exposition(_ registry: PrometheusCollectorRegistry?) -> String {
        var out: [UInt8] = []
        registry?.emit(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func response(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A worker's `/metrics` (and `/healthz`) on a port of its own: a worker serves no site, but in a
/// scale-out deployment it is the one that polls, so its counters must be scraped from it.
public func buildMetricsApplication(registry: PrometheusCollectorRegistry, host: String, port: Int,
                                    logger: Logger) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self)
    router.get("/metrics") { _, _ in MetricsPage.response(MetricsPage.exposition(registry)) }
    router.get("/healthz") { _, _ in Site.json(["status": "ok"]) }
    return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "khabar-worker"),
                       logger: logger)
}
