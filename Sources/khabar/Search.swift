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
    @Option(help: "Only articles carrying this tag (its slug, as in /tag/SLUG).") var tag: String?
    @Option(help: "Only articles published on or after this day (2018-05-01).") var from: String?
    @Option(help: "Only articles published on or before this day.") var to: String?
    @Flag(help: "JSON output.") var json = false
    /// Every word not an option, `-word` included: an exclusion is a query word, not a flag
    /// (`khabar search الطاقة -روسيا`), so unrecognized inputs are the query's.
    @Argument(parsing: .allUnrecognized,
              help: "The query: words, \"a phrase\", -word or -\"a phrase\" to leave out, a OR b.")
    var query: [String]

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit: expected 1 to 100, got \(limit)") }
        // a mistyped option (--limt 5) would otherwise be searched for
        if let option = query.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw ValidationError("\(option): unknown option (to leave a word out, write it with one '-': -word)")
        }
    }

    func run() async throws {
        var filters = SearchEngine.Filters(sourceID: source, tag: tag, limit: limit)
        if let from {
            guard let date = DateParsing.parse(from) else { throw ValidationError("--from: expected a date such as 2018-05-01, got \(from)") }
            filters.from = date
        }
        if let to {
            guard let date = DateParsing.parse(to) else { throw ValidationError("--to: expected a date such as 2018-05-31, got \(to)") }
            filters.to = to.count == 10 ? date.addingTimeInterval(86_400) : date
        }
        let store = try await db.openStore(existing: true)
        // a source or tag that does not exist is a mistake to name, not an empty answer (as on the site)
        do {
            if let source, try await store.source(id: source) == nil {
                throw ValidationError("--source: no source \(source) (khabar sources list)")
            }
            if let tag, (try await store.tag(slug: tag)?.articleCount ?? 0) == 0 {
                throw ValidationError("--tag: no tag \(tag)")
            }
        } catch {
            await close(store)
            throw error
        }
        try await warnIfSearchTextIsStale(store)
        let engine = SearchEngine(index: store, variants: SpellingVariants(gazetteer: .standard))
        let response: SearchEngine.Response
        var copies: [Int64: Article] = [:]
        do {
            response = try await engine.search(query.joined(separator: " "), filters: filters)
            // the copies folded into the hits, named by id as the API names them
            for copy in try await store.articles(seqs: response.results.flatMap(\.hit.copies)) { copies[copy.seq] = copy }
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            print(String(decoding: try encoder.encode(SearchJSON(response, copies: copies)), as: UTF8.self))
            return
        }
        if let note = SearchJSON.note(response) {
            print(note)
            return
        }
        print("\(response.total) hits" + (response.folded > 0 ? " (and \(response.folded) copies under their headlines)" : "")
              + (response.partialMatch ? " (not every word matched)" : ""))
        for (rank, result) in response.results.enumerated() {
            let a = result.hit.article
            print("\(rank + 1). [\(a.id)] \(a.title) — \(a.source.name), \(DateParsing.iso8601(a.published).prefix(10))")
            print("   " + result.snippet.map { $0.match ? "[\($0.text)]" : $0.text }.joined())
            let folded = result.hit.copies.compactMap { copies[$0] }
            if !folded.isEmpty { print("   copies: " + folded.map { "[\($0.id)] \($0.source.name)" }.joined(separator: ", ")) }
        }
    }
}
