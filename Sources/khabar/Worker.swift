import ArgumentParser
import CoreMetrics
import Foundation
import KhabarFeeds
import KhabarPipeline
import KhabarWeb
import Logging
import Prometheus
import ServiceLifecycle

/// A name for this process in leases: host, pid and a random suffix.
func workerName(_ role: String) -> String {
    LeaseOwner.name(role: role)
}

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest worker: polls due feeds until stopped; any number can share one PostgreSQL database.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Feeds polled at once.") var concurrency = 4
    @Option(help: "Seconds to wait when nothing is due.") var idle = 5
    @Option(help: "Seconds a claimed feed stays leased; a crashed worker's feeds are retaken after this.") var lease = 300
    @Option(help: "Fetch an item's page when its feed text is shorter than this many characters (0: never).")
    var fullTextThreshold = 600
    @Option(help: "Serve this worker's polling metrics at http://METRICS-HOST:PORT/metrics (0: do not).")
    var metricsPort = 0
    @Option(help: "Address for --metrics-port.") var metricsHost = "127.0.0.1"

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency: at least 1 feed at once, got \(concurrency)") }
        // 0 spun a core: the loop asked for due feeds without pause
        guard idle >= 1 else { throw ValidationError("--idle: at least 1 second, got \(idle)") }
        guard lease >= 5 else { throw ValidationError("--lease: at least 5 seconds, got \(lease)") }
        guard (0...65535).contains(metricsPort) else { throw ValidationError("--metrics-port: 0 (off) or a port from 1 to 65535, got \(metricsPort)") }
    }

    func run() async throws {
        try requireLocalGazetteer()
        let logger = makeLogger("khabar.worker")
        var services: [any Service] = []
        if metricsPort > 0 {
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            services.append(buildMetricsApplication(registry: registry, host: metricsHost, port: metricsPort,
                                                    logger: makeLogger("khabar.worker.metrics")))
        }
        let store = try await db.openStore()
        try await warnIfSearchTextIsStale(store)
        try await warnIfTagsAreStale(store)
        let fetcher = HTTPFetcher()
        var refresher = Refresher(store: store, fetcher: fetcher, owner: workerName("worker"), logger: logger)
        refresher.lease = Double(lease)
        refresher.fullTextThreshold = fullTextThreshold
        services.append(RefresherService(refresher: refresher, concurrency: concurrency, idle: .seconds(idle)))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("worker started", metadata: ["owner": "\(refresher.owner)", "database": "\(db.displayLocation)"])
        do {
            try await group.run()
        } catch {
            try? await fetcher.shutdown()
            await close(store)
            throw error
        }
        try? await fetcher.shutdown()
        await close(store)
    }
}

struct Refresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Poll the due sources once (or one source now) and report.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Poll only this source, due or not.") var source: Int64?
    @Option(help: "Feeds polled at once.") var concurrency = 4

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency: at least 1 feed at once, got \(concurrency)") }
    }

    func run() async throws {
        try requireLocalGazetteer()
        let logger = makeLogger("khabar.refresh")
        let store = try await db.openStore()
        if let source, try await store.feedSource(id: source) == nil {
            await close(store)
            throw Failure("no source with id \(source) (khabar sources list shows them)")
        }
        // like import: an empty database adopts this analyzer, an older one's text is flagged
        try await warnIfSearchTextIsStale(store)
        try await warnIfTagsAreStale(store)
        let fetcher = HTTPFetcher()
        let refresher = Refresher(store: store, fetcher: fetcher, owner: workerName("refresh"), logger: logger)
        let reports: [RefreshReport]
        do {
            reports = try await refresher.refreshDue(limit: source == nil ? 10_000 : 1, only: source, concurrency: concurrency)
        } catch {
            try? await fetcher.shutdown()
            await close(store)
            throw error
        }
        try? await fetcher.shutdown()
        await close(store)
        if reports.isEmpty { print(source == nil ? "no source is due" : "source \(source!) is being polled by another worker") }
        for report in reports { print(report) }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
