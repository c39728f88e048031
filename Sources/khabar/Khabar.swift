import ArgumentParser
import Foundation
import KhabarModel
import KhabarSQLite
import KhabarStorage
import Logging

@main
struct Khabar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khabar",
        abstract: "خبر — an Arabic-first, self-hosted news aggregation engine.",
        subcommands: [Serve.self, Import.self, Analyze.self, Search.self, Bench.self])
}

/// `--database`, shared by every command that opens the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path (default: $KHABAR_DATABASE_URL or khabar.sqlite).")
    var database: String?

    var location: String {
        database ?? ProcessInfo.processInfo.environment["KHABAR_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "khabar.sqlite"
    }

    /// Picks the backend from the database location.
    func openStore() throws -> any KhabarStore {
        let location = location
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw ValidationError("\(location): the PostgreSQL backend is not part of this build yet; use a SQLite path")
        }
        let path = location.hasPrefix("sqlite://") ? String(location.dropFirst("sqlite://".count)) : location
        return try SQLiteStore(path: path)
    }
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
