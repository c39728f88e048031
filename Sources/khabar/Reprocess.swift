import ArgumentParser
import Foundation
import KhabarPipeline
import KhabarStorage

struct Reprocess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run a pipeline stage over every stored article (after the analyzer or its word lists change).")

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case analyze
    }

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Stage to re-run: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).") var stage: Stage = .analyze

    func run() async throws {
        let store = try await db.openStore()
        let analysis = AnalysisStage()
        var cursor: ArticleCursor?
        var count = 0
        do {
            repeat {
                let page = try await store.articles(ArticleQuery(limit: 500, before: cursor))
                try await store.replaceIndexedText(page.articles.map { ($0.seq, analysis.indexedText(title: $0.title, body: $0.body)) })
                count += page.articles.count
                cursor = page.next
            } while cursor != nil
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        print("re-analyzed \(count) articles")
    }
}
