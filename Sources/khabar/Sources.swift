import ArgumentParser
import Foundation
import KhabarFeeds
import KhabarModel
import KhabarStorage

struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the sources Khabar polls.",
        subcommands: [Add.self, List.self, Remove.self, ImportOPML.self, ExportOPML.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a feed (RSS, Atom, RDF or JSON Feed) by URL; adding it again changes nothing.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Display name (default: the feed's host).") var name: String?
        @Argument(help: "Feed URL.") var url: String

        func validate() throws {
            // an empty name reached the table's CHECK constraint and printed its SQL
            if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--name: give a name, or leave the option out for the feed's host") }
        }

        func run() async throws {
            guard let canonical = CanonicalURL.web(url) else {
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
            let store = try await db.openStore(existing: true)
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
            let store = try await db.openStore(existing: true)
            let removed = try await store.removeSource(id: id)
            await close(store)
            guard removed else { throw Failure("no source with id \(id)") }
            print("removed source \(id)")
        }
    }

    struct ImportOPML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-opml", abstract: "Add every feed of an OPML file (idempotent).")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "OPML file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure("\(file): cannot read the file") }
            let outlines: [OPMLOutline]
            do {
                outlines = try OPML.parse(data)
            } catch {
                throw Failure("\(file): \(error)")
            }
            let store = try await db.openStore()
            var added = 0
            for outline in outlines {
                guard let raw = outline.xmlURL, let url = CanonicalURL.web(raw) else {
                    printError("\(file): skipped \"\(outline.title)\": no usable xmlUrl")
                    continue
                }
                let name = outline.title.isEmpty ? nil : outline.title
                _ = try await store.addFeedSource(feedURL: url, name: name, domain: URLComponents(string: url)?.host)
                added += 1
            }
            await close(store)
            print("\(added) feeds in \(file) are sources now")
        }
    }

    struct ExportOPML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export-opml", abstract: "Print the feed sources as OPML 2.0.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let store = try await db.openStore(existing: true)
            let feeds = try await store.feedSources()
            await close(store)
            print(OPML.export(feeds.map { OPMLOutline(title: $0.name, xmlURL: $0.feedURL, htmlURL: $0.siteURL) }, title: "خبر — المصادر"))
        }
    }
}
