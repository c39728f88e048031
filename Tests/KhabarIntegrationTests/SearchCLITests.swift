import Foundation
import KhabarTestSupport
import Testing

/// `khabar search` through the built binary: the query syntax as a shell passes it (an exclusion
/// is a query word, not an option), `--tag`, and unknown filters named.
@Suite(.serialized, .scratch) struct SearchCLITests {
    static let articles = """
        {"id": "cli-1", "title": "روسيا تعلن خطة جديدة للطاقة", "body": "أعلنت روسيا خطة لزيادة إنتاج الطاقة، وقال وزير الطاقة الروسي إن موسكو ستبدأ التنفيذ قريبا.", "source": "نشرة تجريبية", "url": "https://example.com/cli-1", "published": "2026-11-01T10:00:00Z"}
        {"id": "cli-2", "title": "أسعار الطاقة ترتفع في الأسواق", "body": "ارتفعت أسعار الطاقة في الأسواق مع بداية الشتاء بعد موجة برد.", "source": "نشرة تجريبية", "url": "https://example.com/cli-2", "published": "2026-11-02T10:00:00Z"}
        {"id": "cli-3", "title": "وزير الطاقة يفتتح محطة شمسية", "body": "افتتح وزير الطاقة محطة شمسية جديدة في الصحراء.", "source": "نشرة تجريبية", "url": "https://example.com/cli-3", "published": "2026-11-03T10:00:00Z"}

        """

    @Test func searchSyntaxAndTagFromTheCommandLine() throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = try Scratch.makeDirectory()
        let input = dir.appendingPathComponent("articles.jsonl")
        try Self.articles.write(to: input, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("k.sqlite").path
        let khabar = { (arguments: [String]) in try LocalGazetteerCLITests.khabar(arguments, gazetteer: nil) }
        let imported = try khabar(["import", "--database", database, input.path])
        #expect(imported.status == 0, "\(imported.errors)")

        func ids(_ arguments: [String]) throws -> Set<String> {
            let run = try khabar(["search", "--database", database, "--json"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.errors)")
            let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            return Set((json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [])
        }
        #expect(try ids(["الطاقة"]) == ["cli-1", "cli-2", "cli-3"])
        // an exclusion is a word of the query, as its own argument or inside one
        #expect(try ids(["الطاقة", "-روسيا"]) == ["cli-2", "cli-3"])
        #expect(try ids(["-روسيا", "الطاقة"]) == ["cli-2", "cli-3"])
        #expect(try ids(["الطاقة -\"وزير الطاقة\""]) == ["cli-2"])
        #expect(try ids(["\"وزير الطاقة\"", "--limit", "5"]) == ["cli-1", "cli-3"])
        #expect(try ids(["الأسواق", "OR", "محطة"]) == ["cli-2", "cli-3"])
        // the tagger tagged cli-1 with Russia
        #expect(try ids(["--tag", "russia", "الطاقة"]) == ["cli-1"])

        let onlyExcluded = try khabar(["search", "--database", database, "-روسيا"])
        #expect(onlyExcluded.status == 0 && onlyExcluded.output.contains("only excludes"), "\(onlyExcluded.output) \(onlyExcluded.errors)")
        for (arguments, message) in [(["--tag", "no-such-tag", "الطاقة"], "--tag: no tag no-such-tag"),
                                     (["--source", "99", "الطاقة"], "--source: no source 99"),
                                     (["--limt", "5", "الطاقة"], "--limt: unknown option")] {
            let run = try khabar(["search", "--database", database] + arguments)
            #expect(run.status != 0 && run.errors.contains(message), "\(arguments): \(run.errors)")
        }
    }
}
