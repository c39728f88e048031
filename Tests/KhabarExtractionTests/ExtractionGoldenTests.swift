import Foundation
import Testing
@testable import KhabarExtraction

/// Golden tests: each fixture page (written for these tests in the shape of real Arab news
/// pages) must give exactly its gold body, one paragraph per line, and the expected metadata.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var file: String
    var url: String
    var method: String
    var title: String?
    var published: String?
    var modified: String?
    var author: String?
    var image: String?
    var canonicalURL: String?
    var lang: String?

    var testDescription: String { "\(file) (\(method))" }

    static func all() -> [GoldenCase] {
        let data = (try? Data(contentsOf: Paths.extraction.appendingPathComponent("cases.json"))) ?? Data("[]".utf8)
        let rows = (try? JSONSerialization.jsonObject(with: data)) as? [[String: String]] ?? []
        return rows.map {
            GoldenCase(file: $0["file"] ?? "", url: $0["url"] ?? "", method: $0["method"] ?? "", title: $0["title"],
                       published: $0["published"], modified: $0["modified"], author: $0["author"], image: $0["image"],
                       canonicalURL: $0["canonicalURL"], lang: $0["lang"])
        }
    }
}

@Suite("Extraction golden fixtures")
struct ExtractionGoldenTests {
    @Test("fixture manifest is complete")
    func manifest() {
        let cases = GoldenCase.all()
        #expect(cases.count >= 8)
        let methods = Set(cases.map(\.method))
        #expect(methods == ["json-ld", "site-rule", "generic"])
    }

    @Test("body, method and metadata match the gold", arguments: GoldenCase.all())
    func golden(_ c: GoldenCase) throws {
        let html = Paths.bytes(Paths.extraction.appendingPathComponent(c.file + ".html"))
        try #require(!html.isEmpty)
        let gold = Paths.read(Paths.extraction.appendingPathComponent(c.file + ".txt"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let a = Extractor.extract(html: html, url: c.url)
        #expect(a.body == gold)
        #expect(a.method == c.method)
        #expect(a.title == c.title)
        #expect(a.published?.iso == c.published)
        if let m = c.modified { #expect(a.modified?.iso == m) }
        #expect(a.author == c.author)
        #expect(a.image == c.image)
        #expect(a.canonicalURL == c.canonicalURL)
        #expect(a.lang == c.lang)
        // The HTML view holds the same paragraphs and nothing unsafe.
        #expect(!a.html.isEmpty)
        #expect(!a.html.contains("<script"))
        for line in gold.split(separator: "\n").prefix(2) {
            #expect(a.html.contains(String(line.prefix(30))))
        }
    }

    @Test("sanitized HTML of the main content matches the gold", arguments: [
        ("06-divs-and-brs", "https://www.youm7.com/story/2024/7/5/fuel/55120"),
        ("07-generic-structured", "https://sehatak.example/news/measles-campaign"),
    ])
    func goldenHTML(_ file: String, _ url: String) {
        let a = Extractor.extract(html: Paths.bytes(Paths.extraction.appendingPathComponent(file + ".html")), url: url)
        let gold = Paths.read(Paths.extraction.appendingPathComponent(file + ".expected.html"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(a.html == gold)
    }

    @Test("windows-1256 page decodes to the same text as its UTF-8 twin")
    func windows1256() {
        let bytes = Paths.bytes(Paths.extraction.appendingPathComponent("05-windows-1256.html"))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "fixture must really be windows-1256")
        let decoded = Charset.decode(bytes)
        #expect(decoded.contains("معرض الكتاب الدولي"))
        let viaUTF8 = Extractor.extract(html: Array(decoded.utf8), url: nil)
        let viaLegacy = Extractor.extract(html: bytes, url: nil)
        #expect(viaUTF8.body == viaLegacy.body)
    }

    @Test("boilerplate never survives in any fixture body", arguments: GoldenCase.all().map(\.file))
    func noBoilerplate(_ file: String) {
        let a = Extractor.extract(html: Paths.bytes(Paths.extraction.appendingPathComponent(file + ".html")), url: nil)
        for phrase in ["اقرأ أيضا", "إقرأ أيضا", "اقرأ أيضاً", "كلمات دلالية", "مقالات ذات صلة", "الأكثر قراءة", "جميع الحقوق محفوظة",
                       "التعليقات", "تابعونا", "شارك هذا", "فيسبوك", "ملفات تعريف الارتباط", "لمزيد من الأخبار"] {
            #expect(!a.body.contains(phrase), "\(file): \(phrase)")
        }
    }
}
