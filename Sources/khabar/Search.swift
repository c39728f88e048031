import ArgumentParser
import Foundation
import KhabarModel
import KhabarTagging
import KhabarWeb

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search stored articles (Arabic-aware, BM25).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Number of hits.") var limit = 10
    @Option(help: "Only this source id.") var source: Int64?
    @Option(help: "Only articles published on or after this day (2018-05-01).") var from: String?
    @Option(help: "Only articles published on or before this day.") var to: String?
    @Flag(help: "JSON output.") var json = false
    @Argument(help: "The query.") var query: [String]

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit: expected 1 to 100, got \(limit)") }
    }

    func run() async throws {
        var filters = SearchEngine.Filters(sourceID: source, limit: limit)
        if let from {
            guard let date = DateParsing.parse(from) else { throw ValidationError("--from: expected a date such as 2018-05-01, got \(from)") }
            filters.from = date
        }
        if let to {
            guard let date = DateParsing.parse(to) else { throw ValidationError("--to: expected a date such as 2018-05-31, got \(to)") }
            filters.to = to.count == 10 ? date.addingTimeInterval(86_400) : date
        }
        let store = try await db.openStore(existing: true)
        try await warnIfSearchTextIsStale(store)
        let engine = SearchEngine(index: store, variants: SpellingVariants(gazetteer: .standard))
        let response: SearchEngine.Response
        do {
            response = try await engine.search(query.joined(separator: " "), filters: filters)
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            print(String(decoding: try encoder.encode(SearchJSON(response)), as: UTF8.self))
            return
        }
        if response.words.isEmpty {
            print("the query has no searchable words")
            return
        }
        print("\(response.total) hits" + (response.partialMatch ? " (not every word matched)" : ""))
        for (rank, result) in response.results.enumerated() {
            let a = result.hit.article
            print("\(rank + 1). [\(a.id)] \(a.title) — \(a.source.name), \(DateParsing.iso8601(a.published).prefix(10))")
            print("   " + result.snippet.map { $0.match ? "[\($0.text)]" : $0.text }.joined())
        }
    }
}
