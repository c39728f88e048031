import ArgumentParser
import Foundation
import KhabarModel
import KhabarPipeline
import KhabarPostgres
import KhabarSQLite
import KhabarStorage
import Logging

@main
struct Khabar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khabar",
        abstract: "خبر — an Arabic-first, self-hosted news aggregation engine.",
        subcommands: [Serve.self, Import.self, Export.self, Sources.self, Refresh.self, Worker.self, Feed.self, Extract.self, Sanitize.self, Analyze.self, Search.self, Related.self, Stories.self, Similarity.self, Reprocess.self, GazetteerCheck.self, Migrate.self, Bench.self])
}

/// `--database`, shared by every command that opens the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path (default: $KHABAR_DATABASE_URL or khabar.sqlite).")
    var database: String?

    var location: String {
        database ?? ProcessInfo.processInfo.environment["KHABAR_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "khabar.sqlite"
    }

    var isPostgres: Bool { location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") }

    /// The location as messages show it: a PostgreSQL URL without its password.
    var displayLocation: String { isPostgres ? PostgresStore.redacted(location) : location }

    /// Picks the backend from the database location: a `postgres://` URL or a SQLite path.
    /// `existing`: the command only reads or changes what is stored, so a SQLite path with no
    /// file behind it is a mistyped one, not a new database to create empty.
    func openStore(existing: Bool = false, logger: Logger = makeLogger("khabar.db")) async throws -> any KhabarStore {
        let location = location
        if isPostgres {
            return try await PostgresStore(url: location, logger: logger)
        }
        let path = location.hasPrefix("sqlite://") ? String(location.dropFirst("sqlite://".count)) : location
        if existing && !FileManager.default.fileExists(atPath: path) {
            throw Failure("no database at \(path): give its path with --database (or KHABAR_DATABASE_URL), "
                          + "or create it with khabar import or khabar serve")
        }
        return try SQLiteStore(path: path)
    }
}

/// A command that cannot do its work for a reason in the data or the environment, not in its
/// arguments: "Error: …" and exit status 1. (`ValidationError` is for the command line: it adds
/// the usage lines and exit status 64, which told scripts a missing article was a typo in flags.)
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func makeLogger(_ label: String) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Warns on standard error when the stored search text comes from an older analyzer (an empty
/// database adopts the running one, so call this before storing anything).
func warnIfSearchTextIsStale(_ store: any KhabarStore) async throws {
    if case .stale(let stored) = try await SearchTextVersion.check(store) {
        printError("warning: " + SearchTextVersion.advice(stored))
    }
}

/// Warns on standard error when the stored tags come from other tagging rules or gazetteer data
/// (an empty database adopts the running ones, so call this before storing anything).
func warnIfTagsAreStale(_ store: any KhabarStore) async throws {
    if case .stale(let stored) = try await TagsVersion.check(store) {
        printError("warning: " + TagsVersion.advice(stored))
    }
}

/// Releases what a store holds open (the PostgreSQL pool's background task).
func close(_ store: any KhabarStore) async {
    if let postgres = store as? PostgresStore { await postgres.shutdown() }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending schema migrations (every command also does this on open; this is for deployments).")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        if db.isPostgres {
            let store = try await PostgresStore(url: db.location, logger: makeLogger("khabar.migrate"), migrate: false)
            let ran = try await store.migrate()
            await store.shutdown()
            print(ran.isEmpty ? "\(PostgresStore.redacted(db.location)): schema is up to date"
                  : "\(PostgresStore.redacted(db.location)): applied \(ran.joined(separator: "; "))")
        } else {
            // a mistyped path is an error, not a new empty database
            guard let store = try await db.openStore(existing: true) as? SQLiteStore else { return }
            print(store.appliedMigrations.isEmpty ? "\(store.path): schema is up to date"
                  : "\(store.path): applied \(store.appliedMigrations.joined(separator: "; "))")
        }
    }
}
