import Foundation
import KhabarSQLite
import KhabarStorage
import Testing

/// The analyzer version recorded with the stored search text, through the built `khabar` binary:
/// a new database adopts the running analyzer; text from an older one makes the commands that
/// read or add to it warn until `reprocess --stage analyze` has re-indexed it.
@Suite(.serialized) struct SearchTextVersionCLITests {
    /// A scratch directory holding one article (id `NAME-1`) as import JSONL, and where its
    /// database goes.
    static func scratch(_ name: String, title: String, body: String) throws -> (dir: URL, input: URL, database: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-\(name)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("articles.jsonl")
        let article: [String: String] = ["id": "\(name)-1", "title": title, "body": body, "source": "نشرة تجريبية",
                                         "url": "https://example.com/\(name)-1", "published": "2026-11-01T10:00:00Z"]
        try (JSONSerialization.data(withJSONObject: article) + Data("\n".utf8)).write(to: input)
        return (dir, input, dir.appendingPathComponent("k.sqlite").path)
    }

    @Test func olderSearchTextWarnsUntilReprocessed() async throws {
        guard khabarBinaryIsBuilt() else { return }
        let (dir, input, database) = try Self.scratch("sv", title: "مسؤول لـCNN: الاتفاق قريب",
                                                      body: "قال مسؤول لـCNN إن الاتفاق بات قريباً وإن التوقيع خلال أيام.")
        defer { try? FileManager.default.removeItem(at: dir) }
        let khabar = LocalGazetteerCLITests.khabar

        let imported = try khabar(["import", "--database", database, input.path], nil)
        #expect(imported.status == 0 && !imported.errors.contains("reprocess"), "\(imported.errors)")
        var store = try SQLiteStore(path: database)
        let adopted = try #require(try await store.setting("analyzer.version"))
        #expect(Int(adopted) ?? 0 >= 2)
        var found = try khabar(["search", "--database", database, "--json", "CNN"], nil)
        #expect(found.output.contains("sv-1") && !found.errors.contains("reprocess"), "\(found.errors)")

        // As if an older khabar had written it.
        try await store.setSetting("analyzer.version", value: "1")
        found = try khabar(["search", "--database", database, "--json", "CNN"], nil)
        #expect(found.errors.contains("analyzer version 1") && found.errors.contains("khabar reprocess --stage analyze"))
        let reprocessed = try khabar(["reprocess", "--database", database, "--stage", "analyze"], nil)
        #expect(reprocessed.status == 0, "\(reprocessed.errors)")
        store = try SQLiteStore(path: database)
        #expect(try await store.setting("analyzer.version") == adopted)
        found = try khabar(["search", "--database", database, "--json", "CNN"], nil)
        #expect(!found.errors.contains("reprocess"), "\(found.errors)")
    }

    /// The same for tags: a new database adopts the running tagger's stamp; tags from other rules
    /// or gazetteer data make the commands that show or add tags warn until `reprocess --stage tags`.
    @Test func otherTagsWarnUntilRetagged() async throws {
        guard khabarBinaryIsBuilt() else { return }
        let (dir, input, database) = try Self.scratch("tv", title: "وزير الخارجية الروسي يزور القاهرة",
                                                      body: "وصل وزير الخارجية الروسي إلى القاهرة في زيارة رسمية.")
        defer { try? FileManager.default.removeItem(at: dir) }
        let khabar = LocalGazetteerCLITests.khabar

        var imported = try khabar(["import", "--database", database, input.path], nil)
        #expect(imported.status == 0 && !imported.errors.contains("reprocess"), "\(imported.errors)")
        var store = try SQLiteStore(path: database)
        let adopted = try #require(try await store.setting("tags.version"))
        // As if an older khabar had tagged it.
        try await store.setSetting("tags.version", value: "1/0000000000000000")
        imported = try khabar(["import", "--database", database, input.path], nil)
        #expect(imported.errors.contains("tagging rules version 1") && imported.errors.contains("khabar reprocess --stage tags"),
                "\(imported.errors)")
        let retagged = try khabar(["reprocess", "--database", database, "--stage", "tags"], nil)
        #expect(retagged.status == 0, "\(retagged.errors)")
        store = try SQLiteStore(path: database)
        #expect(try await store.setting("tags.version") == adopted)
        imported = try khabar(["import", "--database", database, input.path], nil)
        #expect(!imported.errors.contains("reprocess"), "\(imported.errors)")
        // a local gazetteer is other data: tags made without it are stale under it, and back
        let local = dir.appendingPathComponent("gazetteer")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        try "sergey-lavrov|سيرغي لافروف|الوزير لافروف|\n".write(to: local.appendingPathComponent("people.txt"), atomically: true, encoding: .utf8)
        imported = try khabar(["import", "--database", database, input.path], local)
        #expect(imported.errors.contains("other gazetteer data"), "\(imported.errors)")
        #expect(try khabar(["reprocess", "--database", database, "--stage", "tags"], local).status == 0)
        #expect(!(try khabar(["import", "--database", database, input.path], local)).errors.contains("reprocess"))
        #expect(try khabar(["import", "--database", database, input.path], nil).errors.contains("other gazetteer data"))
    }

    /// A command that only works on stored articles, pointed at a SQLite path with no file behind
    /// it (a typo), says so and creates nothing; a command that stores articles creates it.
    @Test func readingCommandsRefuseAMissingDatabase() throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-nodb-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("typo.sqlite").path
        let khabar = LocalGazetteerCLITests.khabar
        for arguments in [["search", "--database", missing, "سد"], ["stories", "--database", missing],
                          ["export", "--database", missing, "-"], ["sources", "list", "--database", missing],
                          ["migrate", "--database", missing]] {
            let run = try khabar(arguments, nil)
            #expect(run.status == 1, "\(arguments): \(run.errors)")
            #expect(run.errors.contains("no database at \(missing)"), "\(arguments): \(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: missing), "\(arguments)")
        }
        let added = try khabar(["sources", "add", "--database", missing, "https://paper.example/feed.xml"], nil)
        #expect(added.status == 0, "\(added.errors)")
        #expect(FileManager.default.fileExists(atPath: missing))
        // what the data lacks is an error (status 1), not a usage error (64 and the usage lines)
        for (arguments, message) in [(["related", "--database", missing, "nope"], "no article with id nope"),
                                     (["sources", "remove", "--database", missing, "99"], "no source with id 99")] {
            let run = try khabar(arguments, nil)
            #expect(run.status == 1 && run.errors.contains(message) && !run.errors.contains("Usage:"), "\(arguments): \(run.errors)")
        }
        let refresh = try khabar(["refresh", "--database", missing, "--source", "99"], nil)
        #expect(refresh.status == 1 && refresh.errors.contains("no source with id 99"), "\(refresh.errors)")
        let migrated = try khabar(["migrate", "--database", missing], nil)
        #expect(migrated.status == 0 && migrated.output.contains("schema is up to date"), "\(migrated.output)")
        // values no run could use are usage errors, before anything starts
        for (arguments, option) in [(["serve", "--database", missing, "--port", "99999"], "--port"),
                                    (["worker", "--database", missing, "--idle", "0"], "--idle"),
                                    (["worker", "--database", missing, "--concurrency", "0"], "--concurrency"),
                                    (["refresh", "--database", missing, "--concurrency", "0"], "--concurrency"),
                                    (["sources", "add", "--database", missing, "--name", " ", "https://paper.example/b.xml"], "--name")] {
            let run = try khabar(arguments, nil)
            #expect(run.status == 64 && run.errors.contains(option), "\(arguments): \(run.errors)")
        }
    }
}
