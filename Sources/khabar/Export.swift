import ArgumentParser
import Foundation
import KhabarPipeline
import KhabarStorage

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every stored article as import-format JSONL (JSONL.gz for a .gz name); `khabar import` reads it back, on either backend.")

    @OptionGroup var db: DatabaseOptions
    @Argument(help: "Output file, or - for standard output.") var output = "-"

    func run() async throws {
        let store = try await db.openStore(existing: true)
        let writer = try LineWriter(path: output)
        var count = 0
        do {
            count = try await exportArticles(store, to: writer)
            try writer.close()
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        if output != "-" { printError("exported \(count) articles to \(output)") }
    }
}
