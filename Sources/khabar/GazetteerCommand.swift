import ArgumentParser
import Foundation
import KhabarTagging

/// Stops a command that tags when the local gazetteer (`$KHABAR_GAZETTEER`) has problems: tags
/// written with half a local file would have to be redone once it is fixed.
func requireLocalGazetteer() throws {
    let problems = Gazetteer.localProblems
    if problems.isEmpty { return }
    for p in problems { printError(p) }
    throw LocalGazetteerProblems(count: problems.count)
}

struct LocalGazetteerProblems: Error, CustomStringConvertible {
    var count: Int
    var description: String {
        "the local gazetteer $KHABAR_GAZETTEER has \(count) problem(s), listed above; `khabar gazetteer` checks it"
    }
}

/// `khabar gazetteer [DIR]`: checks a local gazetteer directory and says what it changes.
struct GazetteerCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check a local gazetteer directory (default $KHABAR_GAZETTEER) and list what it adds to the built-in one.",
        discussion: """
            The directory holds any of \(LocalGazetteer.fileNames.joined(separator: ", ")), in the line formats of the \
            built-in data (README, "Local gazetteer"). Problems are printed as FILE:LINE: reason, exit status 1. \
            After changing the files, run `khabar reprocess --stage tags`.
            """)

    @Argument(help: "The directory (default: $KHABAR_GAZETTEER).") var directory: String?

    func run() async throws {
        guard let dir = directory ?? Gazetteer.localDirectory else {
            throw ValidationError("give a directory, or set KHABAR_GAZETTEER")
        }
        let local = LocalGazetteer.read(directory: dir)
        let applied = Gazetteer.builtIn.extended(with: local)
        for p in applied.problems { printError(p) }
        let g = applied.gazetteer
        for id in applied.added {
            if let e = g.entity(id: id) { print("adds \(e.type.rawValue) \(id): \(e.aliases.joined(separator: "، "))") }
        }
        for id in applied.extended {
            if let e = g.entity(id: id) { print("extends \(e.type.rawValue) \(id): \(e.name)") }
        }
        print("\(dir): \(local.files.count) file(s), \(applied.added.count) entities added, \(applied.extended.count) extended, \(applied.problems.count) problem(s)")
        if !applied.problems.isEmpty { throw ExitCode(1) }
    }
}
