import Foundation
import KhabarTestSupport
import Testing

/// `khabar analyze --database`: the corpus statistics of a store rank the key phrases as import
/// and `reprocess --stage tags` do; without it they rank by frequency and position alone.
@Suite(.serialized, .scratch) struct AnalyzeCLITests {
    /// A bulletin that speaks of the weather in every issue, so that the weather is no subject.
    static func corpus(_ count: Int) -> String {
        let towns = ["الشمال", "الجنوب", "الساحل", "الجبال", "الوادي", "الصحراء", "الهضبة"]
        return (0..<count).map { i in
            let town = towns[i % towns.count]
            let body = "تقلب الطقس في منطقة \(town) خلال الأسبوع \(i + 1)، وتوقعت الأرصاد أن يستمر التقلب \(i % 5 + 2) أيام."
            return """
                {"id": "w-\(i)", "title": "نشرة الأحوال \(i + 1)", "body": "\(body)", "source": "نشرة تجريبية", "url": "https://example.com/w-\(i)", "published": "2026-10-\(String(format: "%02d", i % 28 + 1))T0\(i % 10):00:00Z"}
                """
        }.joined(separator: "\n") + "\n"
    }

    /// The weather three times, cotton twice: by frequency the weather leads, against a corpus
    /// that names the weather in every article, cotton does.
    static let article = """
        {"id": "cotton", "title": "تقرير موسمي", "body": "تحدث التقرير عن الطقس في الحقول، وقيل إن الطقس أثر في الزراعة.\\nويتوقع الخبراء أن يتحسن الطقس قريبا.\\nوارتفع إنتاج القطن هذا العام، وصدرت البلاد القطن إلى الخارج.", "source": "نشرة تجريبية"}

        """

    static func keyPhrases(_ output: String) throws -> [String] {
        let line = try #require(output.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let tags = object?["tags"] as? [[String: Any]] ?? []
        return tags.filter { $0["type"] as? String == "keyphrase" }.compactMap { $0["name"] as? String }
    }

    @Test("each entity mention carries its entity's id, how the text names it and whether the finder found it")
    func entityFields() throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = try Scratch.makeDirectory()
        let input = dir.appendingPathComponent("mentions.jsonl")
        let body = "قال الرئيس الأمريكي للصحفيين في الكرملين إن وزير الخارجية الفنلندي ماتي لاهتينن وصل، وانتقد العرب القرار."
        try "{\"id\": \"m\", \"title\": \"زيارة\", \"body\": \"\(body)\", \"source\": \"نشرة تجريبية\"}\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let run = try LocalGazetteerCLITests.khabar(["analyze", input.path], gazetteer: nil)
        #expect(run.status == 0, "\(run.errors)")
        let line = try #require(run.output.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let entities = (object?["entities"] as? [[String: Any]] ?? []).map { e in
            "\(e["id"] as? String ?? "-") \(e["form"] as? String ?? "-") \((e["found"] as? Bool).map { $0 ? "found" : "known" } ?? "-")"
        }
        #expect(entities == ["usa nisba known", "russia metonym known", "finland nisba known",
                             "متي-لهتن name found", "العرب demonym found"])   // (the slug its spellings share)
    }

    @Test("entity offsets point into the input line's title and body, where import dropped controls and outer spaces")
    func offsetsIntoTheInput() throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = try Scratch.makeDirectory()
        let input = dir.appendingPathComponent("controls.jsonl")
        // an embedding mark before a name, and a title with white space around it
        let title = "  زيارة\u{202B} موسكو ", body = "\u{202B}وصل وزير الخارجية الروسي\u{202C} إلى واشنطن أمس."
        let line = try JSONSerialization.data(withJSONObject: ["id": "c", "title": title, "body": body, "source": "نشرة تجريبية"])
        try (String(decoding: line, as: UTF8.self) + "\n").write(to: input, atomically: true, encoding: .utf8)
        let run = try LocalGazetteerCLITests.khabar(["analyze", input.path], gazetteer: nil)
        #expect(run.status == 0, "\(run.errors)")
        let output = try #require(run.output.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let text = Array((title + "\n" + body).utf8)
        let spans = (object?["entities"] as? [[String: Any]] ?? []).map { e -> String in
            let start = e["start"] as? Int ?? -1, end = e["end"] as? Int ?? -1
            guard start >= 0, start <= end, end <= text.count else { return "bad span \(start)..<\(end)" }
            return String(decoding: text[start..<end], as: UTF8.self)
        }
        #expect(spans == ["موسكو", "الروسي", "واشنطن"])
    }

    @Test("--database ranks key phrases against the stored corpus; too small a store is an error")
    func corpusStatistics() throws {
        guard khabarBinaryIsBuilt() else { return }
        let dir = try Scratch.makeDirectory()
        let input = dir.appendingPathComponent("article.jsonl")
        try Self.article.write(to: input, atomically: true, encoding: .utf8)

        let plain = try LocalGazetteerCLITests.khabar(["analyze", input.path], gazetteer: nil)
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(try Self.keyPhrases(plain.output).first == "الطقس")

        let corpus = dir.appendingPathComponent("corpus.jsonl")
        try Self.corpus(240).write(to: corpus, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("k.sqlite").path
        let imported = try LocalGazetteerCLITests.khabar(["import", "--database", database, "--quiet", corpus.path], gazetteer: nil)
        #expect(imported.status == 0, "\(imported.errors)")
        let ranked = try LocalGazetteerCLITests.khabar(["analyze", "--database", database, input.path], gazetteer: nil)
        #expect(ranked.status == 0, "\(ranked.errors)")
        #expect(try Self.keyPhrases(ranked.output).first == "القطن")

        // a store too small for statistics, and none at all, are said so
        let small = dir.appendingPathComponent("small.sqlite").path
        let few = dir.appendingPathComponent("few.jsonl")
        try Self.corpus(3).write(to: few, atomically: true, encoding: .utf8)
        #expect(try LocalGazetteerCLITests.khabar(["import", "--database", small, "--quiet", few.path], gazetteer: nil).status == 0)
        let tooSmall = try LocalGazetteerCLITests.khabar(["analyze", "--database", small, input.path], gazetteer: nil)
        #expect(tooSmall.status == 1)
        #expect(tooSmall.errors.contains("\(small): fewer than 200 stored articles"))
        #expect(tooSmall.output.isEmpty)
        let missing = dir.appendingPathComponent("none.sqlite").path
        let none = try LocalGazetteerCLITests.khabar(["analyze", "--database", missing, input.path], gazetteer: nil)
        #expect(none.status == 1)
        #expect(none.errors.contains("no database at \(missing)"))
    }
}
