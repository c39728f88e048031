import ArgumentParser
import CoreMetrics
import Foundation
import Hummingbird
import KhabarFeeds
import KhabarPipeline
import KhabarWeb
import Logging
import Prometheus
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the site, the JSON API and the feeds.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Time zone dates are shown and labelled in on pages, e.g. Asia/Riyadh (default: $KHABAR_TIMEZONE, else UTC).")
    var timezone: String?
    @Flag(help: "Run as a web node only: do not poll sources (workers do).") var noRefresh = false
    @Flag(help: "Do not add the shipped list of Arabic outlets' feeds on first start.") var noDefaultSources = false
    @Option(help: "The site's public origin for absolute links in its feeds, e.g. https://news.example (default: $KHABAR_PUBLIC_URL, else each request's Host).")
    var publicURL: String?

    func validate() throws {
        // 99999 listened on 34463 (the port wrapped) while the log named 99999
        guard (1...65535).contains(port) else { throw ValidationError("--port: a port from 1 to 65535, got \(port)") }
    }

    func run() async throws {
        try requireLocalGazetteer()
        let logger = makeLogger("khabar.serve")
        let zoneName = timezone ?? ProcessInfo.processInfo.environment["KHABAR_TIMEZONE"]
        guard let zone = WebConfiguration.displayTimeZone(zoneName) else {
            throw ValidationError("\(timezone == nil ? "KHABAR_TIMEZONE" : "--timezone"): unknown time zone \(zoneName ?? ""), expected a name such as UTC or Asia/Riyadh")
        }
        var origin: String?
        if let raw = publicURL ?? ProcessInfo.processInfo.environment["KHABAR_PUBLIC_URL"], !raw.isEmpty {
            guard let valid = WebConfiguration.publicOrigin(raw) else {
                throw ValidationError("--public-url: expected an absolute http(s) URL without query, got \(raw)")
            }
            origin = valid
        }
        // One registry for the process: requests (KhabarWeb) and the refresher's polls (swift-metrics) land in it.
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let store = try await db.openStore()
        try await warnIfSearchTextIsStale(store)
        try await warnIfTagsAreStale(store)
        let app = try buildApplication(
            store: store,
            configuration: WebConfiguration(host: host, port: port, timeZone: zone,
                                            adminToken: ProcessInfo.processInfo.environment["KHABAR_ADMIN_TOKEN"],
                                            publicURL: origin, metrics: registry),
            logger: logger)
        var services: [any Service] = [app]
        var fetcher: HTTPFetcher?
        if !noRefresh {
            if !noDefaultSources {
                let added = try await DefaultSources.addOnce(to: store)
                if added > 0 { logger.info("added the default sources", metadata: ["count": "\(added)"]) }
            }
            let http = HTTPFetcher()
            fetcher = http
            let refresher = Refresher(store: store, fetcher: http, owner: workerName("serve"), logger: makeLogger("khabar.refresh"))
            services.append(RefresherService(refresher: refresher))
        }
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("serving", metadata: ["url": "http://\(host):\(port)/", "database": "\(db.displayLocation)"])
        do {
            try await group.run()
        } catch {
            try? await fetcher?.shutdown()
            await close(store)
            throw error
        }
        try? await fetcher?.shutdown()
        await close(store)
    }
}
