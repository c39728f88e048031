import Foundation
import KhabarSQLite
import KhabarStorage
import KhabarTestSupport
import Testing

/// `$KHABAR_GAZETTEER` through the built `khabar` binary: `gazetteer` checks the directory,
/// `analyze` tags with it, `reprocess --stage tags` re-tags stored articles after it changes,
/// and a directory with a bad line stops the commands that tag.
@Suite(.serialized, .scratch) struct LocalGazetteerCLITests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func khabar(_ arguments: [String], gazetteer: URL?) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: khabarBinary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KHABAR_GAZETTEER"] = gazetteer?.path
        environment["LOG_LEVEL"] = "warning"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    static let articles = """
        {"id": "lg-1", "title": "سالم القاسمي يزور واشنطن", "body": "زار سالم القاسمي واشنطن أمس والتقى مسؤولين في الولايات المتحدة، وقال القاسمي إن الزيارة ناجحة.", "source": "نشرة تجريبية", "url": "https://example.com/lg-1", "published": "2026-11-01T10:00:00Z"}
        {"id": "lg-2", "title": "الولايات المتحدة تخفض الرسوم", "body": "قررت الولايات المتحدة خفض الرسوم على واردات الحبوب، بحسب بيان صدر في واشنطن.", "source": "نشرة تجريبية", "url": "https://example.com/lg-2", "published": "2026-11-02T10:00:00Z"}

        """

    @Test("gazetteer, analyze, import and reprocess with a local gazetteer; a bad line stops them")
    func localGazetteer() async throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = try Scratch.makeDirectory()
        let local = dir.appendingPathComponent("gazetteer")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("articles.jsonl")
        try Self.articles.write(to: input, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("k.sqlite").path

        // Imported with the built-in gazetteer.
        let imported = try Self.khabar(["import", "--database", database, input.path], gazetteer: nil)
        #expect(imported.status == 0, "\(imported.errors)")
        var store = try SQLiteStore(path: database)
        #expect(try await store.tag(slug: "usa")?.name == "أمريكا")
        #expect(try await store.tag(slug: "salem-qasimi") == nil)

        try "salem-qasimi|سالم القاسمي|القاسمي|uae\n".write(to: local.appendingPathComponent("people.txt"), atomically: true, encoding: .utf8)
        try "usa||أميركا|||||\n".write(to: local.appendingPathComponent("countries.txt"), atomically: true, encoding: .utf8)

        let check = try Self.khabar(["gazetteer", local.path], gazetteer: nil)
        #expect(check.status == 0)
        #expect(check.output.contains("adds person salem-qasimi"))
        #expect(check.output.contains("extends country usa: أميركا"))

        let analyzed = try Self.khabar(["analyze", input.path], gazetteer: local)
        #expect(analyzed.status == 0, "\(analyzed.errors)")
        let first = try JSONSerialization.jsonObject(with: Data(analyzed.output.split(separator: "\n")[0].utf8)) as? [String: Any]
        let slugs = (first?["tags"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } ?? []
        #expect(slugs.contains("salem-qasimi"))

        // The stored tags change only when the stage is re-run.
        let reprocessed = try Self.khabar(["reprocess", "--stage", "tags", "--database", database], gazetteer: local)
        #expect(reprocessed.status == 0, "\(reprocessed.errors)")
        store = try SQLiteStore(path: database)
        #expect(try await store.tag(slug: "usa")?.name == "أميركا")
        #expect(try await store.tag(slug: "salem-qasimi")?.name == "سالم القاسمي")

        // A bad line: the check and every command that tags say where, and stop.
        try "salem-qasimi|سالم القاسمي|القاسمي|uae\nonly-two|اسم\n".write(to: local.appendingPathComponent("people.txt"), atomically: true, encoding: .utf8)
        let where_ = local.path + "/people.txt:2: expected 4 fields id|name|aliases|country, found 2"
        let bad = try Self.khabar(["gazetteer", local.path], gazetteer: nil)
        #expect(bad.status == 1)
        #expect(bad.errors.contains(where_))
        for arguments in [["analyze", input.path], ["reprocess", "--stage", "tags", "--database", database]] {
            let refused = try Self.khabar(arguments, gazetteer: local)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.errors.contains(where_), "\(arguments)")
            #expect(refused.output.isEmpty, "\(arguments)")
        }
        store = try SQLiteStore(path: database)
        #expect(try await store.tag(slug: "salem-qasimi")?.name == "سالم القاسمي")
    }
}
