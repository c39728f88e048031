import Foundation
import Testing
@testable import KhabarExtraction

/// The real page in /work/shared/data/extraction-html (repo-root/../shared), scored with the
/// harness's bag-of-words F1. Skipped, with a message, when that folder is not there (a clone
/// without the shared data).
enum SharedData {
    static var available: Bool {
        let ok = FileManager.default.fileExists(atPath: Paths.extractionHTML.appendingPathComponent("pages.jsonl").path)
        if !ok { print("SKIP: \(Paths.extractionHTML.path) not found; shared extraction pages not scored") }
        return ok
    }

    struct Page: Sendable {
        var id: String
        var url: String?
        var html: URL
        var gold: URL
    }

    static func pages() -> [Page] {
        let index = Paths.read(Paths.extractionHTML.appendingPathComponent("pages.jsonl"))
        return index.split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let h = o["html_file"] as? String, let g = o["gold_file"] as? String else { return nil }
            return Page(id: o["id"] as? String ?? h, url: o["url"] as? String,
                        html: Paths.extractionHTML.appendingPathComponent(h), gold: Paths.extractionHTML.appendingPathComponent(g))
        }
    }
}

@Suite("Shared extraction pages", .enabled(if: SharedData.available, "needs repo-root/../shared/data/extraction-html"))
struct SharedDataTests {
    // Measured 2026-11-29: F1 1.000 (P 1.000, R 1.000) on the CNN Arabic page, through the
    // site rule and through the generic extractor alike; trafilatura 0.914, readability 0.891.
    // The thresholds leave room for harmless changes, not for a return of the boilerplate.
    static let minimumF1 = 0.95

    @Test("bag-of-words F1 against the gold, with the page URL (site rule)")
    func withURL() throws {
        let pages = SharedData.pages()
        try #require(!pages.isEmpty)
        for p in pages {
            let a = Extractor.extract(html: Paths.bytes(p.html), url: p.url)
            let s = BagOfWords.prf(predicted: a.body, gold: Paths.read(p.gold))
            print("extraction-html \(p.id) [\(a.method)]: P \(s.p) R \(s.r) F1 \(s.f1)")
            #expect(s.f1 >= Self.minimumF1, "\(p.id): F1 \(s.f1)")
            #expect(a.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق")
            #expect(a.lang == "ar")
        }
    }

    @Test("bag-of-words F1 against the gold, generic extractor only (no URL)")
    func generic() throws {
        for p in SharedData.pages() {
            let a = Extractor.extract(html: Paths.bytes(p.html), url: nil)
            #expect(a.method == "generic")
            let s = BagOfWords.prf(predicted: a.body, gold: Paths.read(p.gold))
            print("extraction-html \(p.id) [generic]: P \(s.p) R \(s.r) F1 \(s.f1)")
            #expect(s.f1 >= Self.minimumF1, "\(p.id): F1 \(s.f1)")
        }
    }
}
