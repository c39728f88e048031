import ArgumentParser
import Foundation
import KhabarModel
import KhabarPipeline
import KhabarStorage

struct Reprocess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run a pipeline stage over every stored article (after the analyzer, the gazetteer or the clustering changes).",
        discussion: """
            analyze: search text, tags, attribution and signatures, then the stories again; summaries
                     that run two of the body's paragraphs together are mended.
            tags:    tags, attribution and signatures only (after a gazetteer change); stories stay.
            stories: near-duplicates and stories from scratch, in storage order.
            """)

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case analyze, tags, stories
    }

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Stage to re-run: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).") var stage: Stage = .analyze

    func run() async throws {
        try requireLocalGazetteer()
        let store = try await db.openStore(existing: true)
        do {
            switch stage {
            case .analyze, .tags:
                let (count, mended) = try await reanalyze(store, searchText: stage == .analyze)
                print(stage == .analyze ? "re-analyzed \(count) articles, mended \(mended) summaries" : "re-tagged \(count) articles")
                try await TagsVersion.markCurrent(store)
                if stage == .analyze {
                    // every search row was rewritten: the index is compacted whole
                    await compactSearchIndex(store, written: count, logger: makeLogger("khabar.reprocess"))
                    try await SearchTextVersion.markCurrent(store)
                    try await rebuildStories(store)
                }
            case .stories:
                try await rebuildStories(store)
            }
        } catch {
            await close(store)
            throw error
        }
        await close(store)
    }

    /// The articles re-analyzed, and (with the search text) the summaries mended.
    func reanalyze(_ store: any KhabarStore, searchText: Bool) async throws -> (articles: Int, summaries: Int) {
        let analysis = AnalysisStage()
        // Key phrases weigh n-grams by the corpus statistics that import and refresh use: read
        // them from the store first (without, every key phrase of a reprocessed database was
        // ranked by frequency and position alone).
        await analysis.statistics.refreshIfStale(from: store, tagger: analysis.tagger)
        var cursor: ArticleCursor?
        var count = 0
        var mended = 0
        repeat {
            let page = try await store.articles(ArticleQuery(limit: 500, before: cursor))
            try await store.replaceAnnotations(page.articles.map { ($0.seq, analysis.annotations(of: $0)) })
            if searchText {
                try await store.replaceIndexedText(page.articles.map { ($0.seq, analysis.indexedText(title: $0.title, body: $0.body)) })
                // a summary stored before `SummaryText` mended them at import and refresh
                let summaries = page.articles.compactMap { a -> (seq: Int64, summary: String?)? in
                    guard let summary = a.summary else { return nil }
                    let repaired = SummaryText.repaired(summary, body: a.body)
                    return repaired == summary ? nil : (a.seq, repaired)
                }
                try await store.replaceSummaries(summaries)
                mended += summaries.count
            }
            count += page.articles.count
            cursor = page.next
        } while cursor != nil
        return (count, mended)
    }

    func rebuildStories(_ store: any KhabarStore) async throws {
        let owner = workerName("reprocess")
        let stage = StoryStage(store: store, owner: owner, logger: makeLogger("khabar.stories"))
        // Hold the lease across the reset, so no worker places articles into half-cleared stories
        // (taken over from a process of this host that is gone, as the stage itself does).
        guard try await stage.claim() else {
            throw Failure("another process (\(try await store.leaseHolder("stories") ?? "?")) is placing articles in stories; try again when it is done")
        }
        try await store.resetClustering()
        let started = Date()
        let placed = try await stage.run()
        print("placed \(placed) articles in stories — \(String(format: "%.0f", Double(placed) / max(Date().timeIntervalSince(started), 0.001))) articles/s")
    }
}
