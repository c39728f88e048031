import Foundation
import KhabarPipeline
import KhabarArabic
import KhabarStories
import KhabarTagging
import Testing

/// The shared data folder next to the checkout (`<repo>/../shared`); never copied into the repository.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared").standardizedFileURL

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func available(_ relative: String) -> Bool {
        let ok = FileManager.default.fileExists(atPath: path(relative))
        if !ok { print("KhabarStories acceptance test skipped: \(path(relative)) is absent") }
        return ok
    }

    struct Article {
        var id: String
        var title: String
        var body: String
        var source: String
        var published: Date?
    }

    /// JSONL (plain or gzip) articles; `keep` filters before any analysis.
    static func articles(_ relative: String, keep: (Article) -> Bool = { _ in true }) throws -> [Article] {
        let reader = try LineReader(path: path(relative))  // plain or gzip (zlib)
        let iso = ISO8601DateFormatter()
        var out: [Article] = []
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = o["id"] as? String else { continue }
            let a = Article(id: id, title: o["title"] as? String ?? "", body: o["body"] as? String ?? "",
                            source: o["source"] as? String ?? "",
                            published: (o["published"] as? String).flatMap { iso.date(from: $0) })
            if keep(a) { out.append(a) }
        }
        return out
    }

    /// Entity ids (salience order) from the tagger, and the signature, as the pipeline makes them.
    static func signature(_ a: Article, tagger: Tagger) -> Signature {
        let ta = tagger.analyzer.analyze(a.title), ba = tagger.analyzer.analyze(a.body)
        let entities = tagger.tags(title: a.title, body: a.body, titleAnalysis: ta, bodyAnalysis: ba, statistics: nil)
            .filter { $0.type != "keyphrase" }.map(\.slug)
        return Fingerprinter(analyzer: tagger.analyzer).signature(titleAnalysis: ta, bodyAnalysis: ba, entities: entities)
    }
}

@Suite("Seed sample: related for the main article",
       .enabled(if: Shared.available("peers/sample.jsonl"), "../shared/peers/sample.jsonl is absent"))
struct SeedSampleRelatedTests {
    @Test("junk headlines rank below every Russia/US headline and fall under the threshold")
    func seed() throws {
        let articles = try Shared.articles("peers/sample.jsonl")
        #expect(articles.count == 12)
        let tagger = Tagger()
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        let index = RelatedIndex()
        index.upsert(articles.enumerated().map { i, a in
            RelatedEntry(seq: Int64(i + 1), published: when, source: a.source, title: a.title,
                         storyID: Int64(i + 1), duplicateOf: nil, signature: Shared.signature(a, tagger: tagger))
        })
        let seq = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, Int64($0 + 1)) })
        let main = try #require(seq["seed-main"])
        // إمام عاشور (matched on اتهامات), Algeria/Libya (on الاستقرار), حزب الريادة / Israel–Saudi.
        let junk = ["seed-sim-05", "seed-sim-06", "seed-sim-01"]
        let russiaUS = ["seed-readalso", "seed-sim-02", "seed-sim-03", "seed-sim-04", "seed-sim-07", "seed-sim-08",
                        "seed-sim-09", "seed-sim-10"]
        let score = { (id: String) in index.similarity(main, seq[id]!)! }
        let floor = russiaUS.map(score).min()!
        for j in junk {
            #expect(score(j) < floor, "\(j) scores \(score(j)), the lowest Russia/US headline \(floor)")
        }
        let r = try #require(index.related(to: main))
        let similar = Set(r.similar.map(\.seq))
        for j in junk { #expect(!similar.contains(seq[j]!), "\(j) is in similar") }
        #expect(!r.similar.isEmpty)
        let allowed = Set(russiaUS.map { seq[$0]! })
        #expect(similar.isSubset(of: allowed))
        #expect(r.readAlso.map { allowed.contains($0.seq) } ?? false)
    }
}

@Suite("ANT dev: online story clustering",
       .enabled(if: Shared.available("data/ant-multisource/articles.dev.jsonl.gz"), "../shared/data/ant-multisource is absent"))
struct ANTStoryTests {
    /// Two slices of the corpus in file order, to keep the debug run short: 2018-05-05 … 05-10
    /// (the US leaves the Iran deal on 05-08) and 2018-05-23 … 05-28 (the final on 05-26). The gap is
    /// longer than the window, so the clusterer state of the first slice is evicted before the second.
    static func day(_ d: Date?) -> String {
        guard let d else { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: d)
    }

    @Test("the 2018-05-08 Iran-deal coverage is one multi-outlet story; the Champions League final another")
    func stories() throws {
        let keep: Set<String> = ["2018-05-05", "2018-05-06", "2018-05-07", "2018-05-08", "2018-05-09", "2018-05-10",
                                 "2018-05-23", "2018-05-24", "2018-05-25", "2018-05-26", "2018-05-27", "2018-05-28"]
        let articles = try Shared.articles("data/ant-multisource/articles.dev.jsonl.gz") { keep.contains(Self.day($0.published)) }
        #expect(articles.count > 1000)
        let tagger = Tagger()
        var clusterer = StoryClusterer()
        var story: [Int64: Int64] = [:]
        var lastEvict = Date.distantPast
        for (i, a) in articles.enumerated() {
            let when = try #require(a.published)
            if when.timeIntervalSince(lastEvict) > 3600 {
                clusterer.evict(olderThan: when)
                lastEvict = when
            }
            let item = ClusterItem(seq: Int64(i + 1), published: when, source: a.source, title: a.title,
                                   signature: Shared.signature(a, tagger: tagger))
            for x in clusterer.assign(item) { story[x.seq] = x.storyID }
        }
        func mainStory(days: Set<String>, words: [String]) -> (id: Int64, hits: Int, of: Int) {
            let words = words.map(ArabicNormalizer.normalize)
            var tally: [Int64: Int] = [:]
            var n = 0
            for (i, a) in articles.enumerated() where days.contains(Self.day(a.published)) {
                let t = ArabicNormalizer.normalize(a.title)
                guard words.contains(where: { t.contains($0) }) else { continue }
                n += 1
                tally[story[Int64(i + 1)]!, default: 0] += 1
            }
            let best = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            return (best.key, best.value, n)
        }
        func sources(_ id: Int64) -> Set<String> {
            Set(articles.enumerated().filter { story[Int64($0.offset + 1)] == id }.map(\.element.source))
        }
        let iran = mainStory(days: ["2018-05-08"], words: ["النووي"])
        #expect(iran.of >= 20)
        #expect(Double(iran.hits) >= 0.75 * Double(iran.of), "\(iran.hits) of \(iran.of) in one story")
        #expect(sources(iran.id).count >= 4, "\(sources(iran.id))")
        let final = mainStory(days: ["2018-05-26", "2018-05-27"], words: ["نهائي دوري ابطال", "ليفربول", "ريال مدريد"])
        #expect(final.id != iran.id)
        #expect(sources(final.id).count >= 3, "\(sources(final.id))")
    }
}
