import Foundation
import KhabarModel
import KhabarStorage
import KhabarStories
import Logging

/// The clustering stage: near-duplicates and stories for analyzed articles, in sequence order.
///
/// One writer at a time: the stage runs under the named lease "stories", so any number of workers
/// may call `run` and only one places articles while the others return at once. Articles are taken
/// in sequence order and the clusterer is deterministic, so the same articles stored in the same
/// order give the same stories (`khabar reprocess --stage stories` rebuilds them that way).
public struct StoryStage: Sendable {
    public let store: any ArticleStore & StoryStore
    public let owner: String
    public var parameters: StoryParameters
    public var batchSize = 500
    public var lease: Double = 300
    let logger: Logger

    public init(store: any ArticleStore & StoryStore, owner: String, parameters: StoryParameters = .standard, logger: Logger) {
        self.store = store
        self.owner = owner
        self.parameters = parameters
        self.logger = logger
    }

    /// Places every pending article; returns how many were placed (0 when another process holds
    /// the lease). `progress` gets the running count after each batch.
    ///
    /// `following`: the stage keeps up with a writer that is still storing articles (`khabar
    /// import`): when nothing is pending it waits for the sequence's next element (a batch was
    /// committed) and returns once the sequence ends and nothing is left. One clusterer places
    /// every article of the run, in storage order, so the stories are those of a run after the
    /// writer's. Articles the writer stores behind the stage's position (an updated article keeps
    /// its old place) stay pending for the next run.
    @discardableResult
    public func run(progress: (@Sendable (Int) -> Void)? = nil,
                    following: AsyncStream<Void>? = nil) async throws -> Int {
        guard try await claim() else { return 0 }
        do {
            var more = following?.makeAsyncIterator()
            let placed = try await placeAll(progress: progress, waitForMore: more == nil ? nil : {
                // renewed while waiting: the writer's batches may be slow
                _ = try await store.claimLease("stories", owner: owner, seconds: lease, now: Date())
                return await more?.next() != nil
            })
            try await store.releaseLease("stories", owner: owner)
            return placed
        } catch {
            try? await store.releaseLease("stories", owner: owner)
            throw error
        }
    }

    /// Takes the lease. A holder that was a process on this host that is gone (killed during an
    /// import) is let go at once instead of when its lease runs out: otherwise the articles wait
    /// five minutes and every command in between places none. A live holder is named in the log.
    public func claim() async throws -> Bool {
        if try await store.claimLease("stories", owner: owner, seconds: lease, now: Date()) { return true }
        guard let holder = try await store.leaseHolder("stories") else {
            return try await store.claimLease("stories", owner: owner, seconds: lease, now: Date())
        }
        if LeaseOwner.isGone(holder) {
            logger.notice("taking over story placement from a process that is gone", metadata: ["holder": "\(holder)"])
            try await store.releaseLease("stories", owner: holder)
            return try await store.claimLease("stories", owner: owner, seconds: lease, now: Date())
        }
        // debug: in a scale-out deployment every other node meets a live holder at every round
        logger.debug("another process is placing articles in stories; it places these too", metadata: ["holder": "\(holder)"])
        return false
    }

    func placeAll(progress: (@Sendable (Int) -> Void)?, waitForMore: (() async throws -> Bool)? = nil) async throws -> Int {
        var clusterer = StoryClusterer(parameters: parameters)
        var known = Set<Int64>()
        var loaded: ClosedRange<Date>?
        var after: Int64 = 0
        var placed = 0
        let window = parameters.window
        while true {
            let batch = try await store.pendingClustering(afterSeq: after, limit: batchSize)
            guard let last = batch.last else {
                if let waitForMore, try await waitForMore() { continue }
                break
            }
            after = last.seq
            // Restore the clustered articles the batch can join: the window around its dates,
            // loading only the part of it not loaded yet.
            let dates = batch.map(\.published)
            let need = (dates.min()!.addingTimeInterval(-window))...(dates.max()!.addingTimeInterval(window))
            for range in Self.missing(need, loaded: loaded) {
                for record in try await store.clusteredArticles(from: range.lowerBound, to: range.upperBound)
                where !known.contains(record.seq) {
                    guard let storyID = record.storyID, let item = clusterItem(record) else { continue }
                    clusterer.restore(item, storyID: storyID, duplicateOf: record.duplicateOf,
                                      alsoDuplicateOf: record.alsoDuplicateOf)
                    known.insert(record.seq)
                }
            }
            loaded = loaded.map { min($0.lowerBound, need.lowerBound)...max($0.upperBound, need.upperBound) } ?? need
            var placements: [StoryPlacement] = []
            var index: [Int64: Int] = [:]
            for record in batch {
                guard let item = clusterItem(record) else {
                    // An unreadable signature: the article is its own story rather than blocking the queue.
                    placements.append(StoryPlacement(seq: record.seq, storyID: record.seq, duplicateOf: nil))
                    continue
                }
                known.insert(record.seq)
                for assignment in clusterer.assign(item) {
                    let placement = StoryPlacement(seq: assignment.seq, storyID: assignment.storyID, duplicateOf: assignment.duplicateOf,
                                                   alsoDuplicateOf: assignment.alsoDuplicateOf)
                    if let i = index[placement.seq] { placements[i] = placement } else {
                        index[placement.seq] = placements.count
                        placements.append(placement)
                    }
                }
            }
            try await store.recordClustering(placements)
            placed += batch.count
            progress?(placed)
            _ = try await store.claimLease("stories", owner: owner, seconds: lease, now: Date())
        }
        return placed
    }

    func clusterItem(_ record: ClusterRecord) -> ClusterItem? {
        do {
            let signature = try Signature(decoding: record.signature)
            return ClusterItem(seq: record.seq, published: record.published, source: record.source, title: record.title,
                               signature: signature)
        } catch {
            logger.warning("unreadable signature", metadata: ["article.seq": "\(record.seq)", "error": "\(error)"])
            return nil
        }
    }

    /// The parts of the union of `need` and `loaded` outside `loaded` (at most two ranges; a gap
    /// between them is included, since the loaded range grows to the union).
    static func missing(_ need: ClosedRange<Date>, loaded: ClosedRange<Date>?) -> [ClosedRange<Date>] {
        guard let loaded else { return [need] }
        var out: [ClosedRange<Date>] = []
        if need.lowerBound < loaded.lowerBound { out.append(need.lowerBound...loaded.lowerBound) }
        if need.upperBound > loaded.upperBound { out.append(loaded.upperBound...need.upperBound) }
        return out
    }
}
