import ArgumentParser
import Foundation
import KhabarModel
import KhabarPipeline
import Logging

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import JSONL or JSONL.gz articles through the pipeline (idempotent).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Articles per transaction.") var batchSize = 500
    @Flag(help: "Print no progress.") var quiet = false
    @Argument(help: "JSONL or JSONL.gz files.") var files: [String]

    func run() async throws {
        try requireLocalGazetteer()
        let store = try await db.openStore()
        try await warnIfSearchTextIsStale(store)
        try await warnIfTagsAreStale(store)
        let importer = Importer(store: store, batchSize: batchSize, logger: makeLogger("khabar.import"))
        let progress = ProgressPrinter(enabled: !quiet)
        let files = files
        let quiet = quiet
        let started = Date()
        // Stories and near-duplicates follow the import: each committed batch is placed while the
        // next is analyzed and written (one core clusters while the other writes).
        let (committed, batchCommitted) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let stage = StoryStage(store: store, owner: workerName("import"), logger: makeLogger("khabar.stories"))
        let stories = Task {
            try await stage.run(progress: { n in if !quiet { printError("stories: \(n) articles placed") } }, following: committed)
        }
        let task = Task {
            defer { batchCommitted.finish() }
            return try await importer.run(paths: files, report: { printError($0.description) }, progress: { p in
                progress.update(p)
                batchCommitted.yield()
            })
        }
        // Ctrl-C / SIGTERM: let the batch in flight commit, then stop cleanly.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { sig -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        let summary: ImportSummary
        do {
            summary = try await task.value
        } catch {
            stories.cancel()
            _ = try? await stories.value
            await close(store)
            throw error
        }
        progress.finish()
        print("\(summary) — \(String(format: "%.0f", progress.rate)) articles/s")
        do {
            var placed = try await stories.value
            if !summary.interrupted {
                // What the stage passed over while following: articles updated behind its position,
                // and any left pending by an earlier run.
                placed += try await stage.run()
            }
            if placed == 0, let holder = try await store.leaseHolder("stories"), holder != stage.owner {
                printError("stories: another process (\(holder)) is placing articles; it places these too")
            }
            if placed > 0 {
                let elapsed = max(Date().timeIntervalSince(started), 0.001)
                print("placed \(placed) articles in stories; \(String(format: "%.1f", elapsed)) s in all — \(String(format: "%.0f", Double(summary.imported + summary.updated) / elapsed)) articles/s end to end")
            }
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        if summary.interrupted {
            printError("interrupted: committed batches are kept; run the same command again to finish")
            throw ExitCode(130)
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// A progress bar on a terminal, plain lines every few seconds otherwise.
final class ProgressPrinter: @unchecked Sendable {
    let enabled: Bool
    let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastPlain = Date.distantPast
    private var drewBar = false
    private(set) var rate = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: ImportProgress) {
        lock.lock()
        defer { lock.unlock() }
        let seconds = Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18
        rate = seconds > 0 ? Double(p.summary.processed) / seconds : 0
        guard enabled else { return }
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesRead) / Double(p.totalBytes)) : 0
        let name = (p.file as NSString).lastPathComponent
        let counts = "\(p.summary.processed) articles, \(String(format: "%.0f", rate))/s"
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(name) \(bar) \(Int(fraction * 100))% \(counts)\u{1B}[K".utf8))
            drewBar = true
        } else if Date().timeIntervalSince(lastPlain) >= 2 {
            lastPlain = Date()
            printError("\(name): \(Int(fraction * 100))% \(counts)")
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
