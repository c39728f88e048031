import ArgumentParser
import Foundation
import KhabarModel
import KhabarStorage

struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the sources Khabar polls.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a feed (RSS, Atom, RDF or JSON Feed) by URL; adding it again changes nothing.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Display name (default: the feed's host).") var name: String?
        @Argument(help: "Feed URL.") var url: String

        func run() async throws {
            guard let canonical = CanonicalURL.canonicalize(url), canonical.hasPrefix("http") else {
                throw ValidationError("\(url): expected an absolute http(s) URL")
            }
            let store = try await db.openStore()
            let source = try await store.addFeedSource(feedURL: canonical, name: name, domain: URLComponents(string: canonical)?.host)
            print("[\(source.id)] \(source.name) \(source.feedURL)")
            await close(store)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sources with their last fetch.")
        @OptionGroup var db: DatabaseOptions
        @Flag(help: "JSON output.") var json = false

        func run() async throws {
            let store = try await db.openStore()
            let feeds = Dictionary(uniqueKeysWithValues: try await store.feedSources().map { ($0.id, $0) })
            let sources = try await store.sources().sorted { $0.id < $1.id }
            await close(store)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys, .prettyPrinted]
                encoder.dateEncodingStrategy = .iso8601
                struct Entry: Encodable { var source: Source; var feed: FeedSource? }
                print(String(decoding: try encoder.encode(sources.map { Entry(source: $0, feed: feeds[$0.id]) }), as: UTF8.self))
                return
            }
            for source in sources {
                var line = "[\(source.id)] \(source.name) — \(source.articleCount) articles"
                if let feed = feeds[source.id] {
                    line += "\n     \(feed.feedURL)"
                    if let at = feed.lastFetchAt {
                        line += "\n     last fetch \(DateParsing.iso8601(at))" + (feed.lastStatus.map { " HTTP \($0)" } ?? "")
                    } else {
                        line += "\n     never fetched"
                    }
                    if let error = feed.lastError { line += "\n     error: \(error)" }
                    if let next = feed.nextPollAt { line += "\n     next poll \(DateParsing.iso8601(next))" }
                }
                print(line)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a source and its articles.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "Source id (see `khabar sources list`).") var id: Int64

        func run() async throws {
            let store = try await db.openStore()
            let removed = try await store.removeSource(id: id)
            await close(store)
            guard removed else { throw ValidationError("no source with id \(id)") }
            print("removed source \(id)")
        }
    }
}
