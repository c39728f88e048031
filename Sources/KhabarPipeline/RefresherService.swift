import Foundation
import Logging
import ServiceLifecycle

/// Polls due feeds until shutdown: the refresher inside `khabar serve` and all of `khabar worker`.
public struct RefresherService: Service {
    public let refresher: Refresher
    public let concurrency: Int
    /// Pause when nothing was due.
    public let idle: Duration
    /// Places newly stored articles into stories after each round (one process at a time holds
    /// its lease; the others skip it).
    public let stories: StoryStage

    public init(refresher: Refresher, concurrency: Int = 4, idle: Duration = .seconds(5)) {
        self.refresher = refresher
        self.concurrency = concurrency
        self.idle = idle
        self.stories = StoryStage(store: refresher.store, owner: refresher.owner, logger: refresher.logger)
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var worked = false
                do {
                    let reports = try await refresher.refreshDue(limit: concurrency, concurrency: concurrency)
                    worked = !reports.isEmpty
                    for report in reports {
                        refresher.logger.info("refreshed", metadata: [
                            "source.id": "\(report.sourceID)", "items": "\(report.items)",
                            "new": "\(report.summary.imported)", "error": "\(report.error ?? "")"])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    refresher.logger.error("refresh round failed", metadata: ["error": "\(error)"])
                }
                do {
                    let placed = try await stories.run()
                    if placed > 0 { refresher.logger.info("placed in stories", metadata: ["articles": "\(placed)"]) }
                } catch is CancellationError {
                    return
                } catch {
                    refresher.logger.error("story placement failed", metadata: ["error": "\(error)"])
                }
                if !worked {
                    do { try await Task.sleep(for: idle) } catch { return }
                }
            }
        }
    }
}
