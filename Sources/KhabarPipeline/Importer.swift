import Foundation
import KhabarModel
import KhabarStorage
import Logging

/// Counts of one import run.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0
    public var interrupted = false

    public init() {}

    public var processed: Int { imported + updated + unchanged + failed }

    /// Counts one store outcome; returns the rejection reason, if any, for the caller to report.
    @discardableResult
    public mutating func count(_ outcome: UpsertOutcome) -> String? {
        switch outcome {
        case .inserted: imported += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case let .rejected(reason):
            failed += 1
            return reason
        }
        return nil
    }

    public var description: String {
        "imported \(imported), updated \(updated), unchanged \(unchanged), failed \(failed)"
            + (interrupted ? " (interrupted)" : "")
    }
}

/// Progress of an import, handed to the reporter after each committed batch.
public struct ImportProgress: Sendable {
    public var file: String
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var summary: ImportSummary
    public var elapsed: Duration
}

/// Bulk import of JSONL / JSONL.gz article files through the pipeline stages into a store.
///
/// Lines are parsed and analyzed, then written in batched transactions. A bad line is reported as
/// `FILE:LINE: reason`, counted and skipped. Each batch commits on its own, so an interrupted run
/// keeps every committed batch and a re-run reports those articles unchanged and finishes the rest.
public struct Importer: Sendable {
    public var store: any ArticleStore
    public var analysis: AnalysisStage
    public var batchSize: Int
    public var logger: Logger

    public init(store: any ArticleStore, analysis: AnalysisStage = AnalysisStage(), batchSize: Int = 500, logger: Logger) {
        self.store = store
        self.analysis = analysis
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// Imports `paths` in order. `report` is called for every failed line (with its `FILE:LINE:
    /// reason` text) and `progress` after each batch. Cancelling the task stops after the batch in
    /// flight has been committed.
    public func run(
        paths: [String],
        report: @Sendable (KhabarError) -> Void = { _ in },
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        let clock = ContinuousClock()
        let started = clock.now
        let store = store
        // One batch is written while the next is parsed and analyzed: the two stages then use both
        // cores. Only one write is ever in flight, so batches commit in file order.
        var inFlight: (task: Task<[UpsertOutcome], any Error>, lines: [Int], path: String, bytes: Int64, total: Int64)?

        func settle() async throws {
            guard let pending = inFlight else { return }
            inFlight = nil
            let outcomes = try await pending.task.value
            for (outcome, line) in zip(outcomes, pending.lines) {
                if let reason = summary.count(outcome) { report(.badLine(file: pending.path, line: line, reason: reason)) }
            }
            progress(ImportProgress(file: pending.path, bytesRead: pending.bytes, totalBytes: pending.total,
                                    summary: summary, elapsed: clock.now - started))
        }

        func submit(_ drafts: [ArticleDraft], lines: [Int], reader: LineReader) async throws {
            guard !drafts.isEmpty else { return }
            let prepared = try await analysis.prepare(drafts, against: store)
            try await settle()
            // Interrupted: what is committed stays; this batch is dropped and a re-run redoes it.
            if Task.isCancelled { return }
            inFlight = (Task { try await store.upsert(prepared) }, lines, reader.path, reader.bytesRead, reader.totalBytes)
        }

        defer { inFlight?.task.cancel() }
        for path in paths {
            let reader: LineReader
            do {
                reader = try LineReader(path: path)
            } catch let error as KhabarError {
                report(error)
                summary.failed += 1
                continue
            }
            var drafts: [ArticleDraft] = []
            var lines: [Int] = []
            do {
                while let line = try reader.nextLine() {
                    if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }  // blank lines are not records
                    do {
                        drafts.append(try RecordParser.draft(fromJSONLine: line))
                        lines.append(reader.lineNumber)
                    } catch let error as KhabarError {
                        summary.failed += 1
                        report(.badLine(file: path, line: reader.lineNumber, reason: Self.reason(error)))
                    }
                    if drafts.count >= batchSize {
                        try await submit(drafts, lines: lines, reader: reader)
                        drafts.removeAll(keepingCapacity: true)
                        lines.removeAll(keepingCapacity: true)
                        if Task.isCancelled {
                            try await settle()
                            summary.interrupted = true
                            return summary
                        }
                    }
                }
            } catch let error as KhabarError {
                // A truncated or corrupt file: keep what was read, report where it broke.
                try await submit(drafts, lines: lines, reader: reader)
                try await settle()
                summary.failed += 1
                report(error)
                continue
            }
            try await submit(drafts, lines: lines, reader: reader)
            try await settle()
            if Task.isCancelled {
                summary.interrupted = true
                return summary
            }
        }
        await compactSearchIndex(store, written: summary.imported + summary.updated, logger: logger)
        return summary
    }

    static func reason(_ error: KhabarError) -> String {
        switch error {
        case let .badField(field, reason): field == "(line)" ? reason : "\(field) \(reason)"
        default: error.description
        }
    }
}

/// After a run that wrote articles: the search index compacted in proportion to what was written
/// (`ArticleStore.compactSearchIndex`). Compaction only makes queries faster, so a failure is
/// logged and what the run stored stands.
public func compactSearchIndex(_ store: any ArticleStore, written: Int, logger: Logger) async {
    guard written > 0 else { return }
    do {
        try await store.compactSearchIndex(written: written)
    } catch {
        logger.warning("search index not compacted", metadata: ["error": "\(error)", "written": "\(written)"])
    }
}
