import ArgumentParser
import Foundation
import KhabarArabic
import KhabarModel
import KhabarPipeline
import KhabarSQLite
import KhabarStorage
import KhabarWeb

/// Benchmarks that report numbers (never pass/fail): run them on a release build.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure analysis throughput and search latency/quality (use a release build).",
        subcommands: [BenchAnalyze.self, BenchSearch.self, BenchFeeds.self, BenchExtract.self, BenchTags.self, BenchStories.self])
}

/// Peak resident memory of this process so far, from /proc (Linux).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kb / 1024
    }
    return 0
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

func readCorpus(_ path: String, limit: Int?) throws -> [ArticleDraft] {
    let reader = try LineReader(path: path)
    var drafts: [ArticleDraft] = []
    while let line = try reader.nextLine() {
        if let limit, drafts.count >= limit { break }
        if let draft = try? RecordParser.draft(fromJSONLine: line) { drafts.append(draft) }
    }
    return drafts
}

struct BenchAnalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyzer throughput on one core: normalize → tokenize → stopwords → stem, over title + body.")

    @Argument(help: "JSONL or JSONL.gz corpus.") var file: String
    @Option(name: .customLong("repeat"), help: "Repeat the pass and report the best.") var repetitions = 5
    @Option(help: "Only the first N articles.") var limit: Int?

    func run() async throws {
        let texts = try readCorpus(file, limit: limit).map { $0.title + "\n" + $0.body }
        let analyzer = Analyzer.standard
        _ = analyzer.analyze("تجربة أولى")  // build lazy tables outside the timed region
        let clock = ContinuousClock()
        var best = Double.infinity
        var tokens = 0
        var stems = 0
        for _ in 0..<max(1, repetitions) {
            var t = 0
            var s = 0
            let start = clock.now
            for text in texts {
                let analysis = analyzer.analyze(text)
                t += analysis.tokens.count
                s += analysis.stems.count
            }
            best = min(best, seconds(clock.now - start))
            tokens = t
            stems = s
        }
        let result: [String: Any] = [
            "articles": texts.count, "tokens_total": tokens, "tokens_stemmed": stems,
            "seconds": (best * 1000).rounded() / 1000,
            "tokens_per_s": Int(Double(tokens) / best), "articles_per_s": Int(Double(texts.count) / best),
            "max_rss_mb": (peakRSSMegabytes() * 10).rounded() / 10,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
    }
}

struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Latency and known-item quality of title queries against the stored articles, and the same queries against FTS5 with SQLite's default tokenizer.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Number of title queries.") var queries = 1000
    @Option(help: "Random seed.") var seed: UInt64 = 42

    func run() async throws {
        let store = try await db.openStore(existing: true)
        var all: [Article] = []
        var cursor: ArticleCursor?
        repeat {
            let page = try await store.articles(ArticleQuery(limit: 500, before: cursor))
            all += page.articles
            cursor = page.next
        } while cursor != nil
        guard !all.isEmpty else { throw Failure("\(db.displayLocation) has no articles; run khabar import first") }
        var rng = SplitMix64(seed: seed)
        let sample = (0..<queries).map { _ in all[Int(rng.next() % UInt64(all.count))] }
        let perturbed = sample.map { perturb($0.title, rng: &rng) }
        // Articles that share title and body with another (the same story under two URLs) count as one item.
        var twins: [String: Set<String>] = [:]
        for a in all { twins[a.title + "\u{0}" + a.body, default: []].insert(a.id) }
        func isHit(_ id: String?, _ target: Article) -> (strict: Bool, twin: Bool) {
            guard let id else { return (false, false) }
            return (id == target.id, twins[target.title + "\u{0}" + target.body]?.contains(id) ?? false)
        }

        let engine = SearchEngine(index: store, variants: SpellingVariants(gazetteer: .standard))   // as khabar search and the site
        // Search lists a wire item and its copies as one result, shown as the primary: a copy's
        // title finds its primary at rank 1. `rank1_or_copy` counts that as found, beside the
        // strict figure.
        let placed = Dictionary(try await store.articles(seqs: sample.map(\.seq)).map { ($0.seq, $0.duplicateOf ?? $0.seq) },
                                uniquingKeysWith: { a, _ in a })
        let clock = ContinuousClock()
        var latencies: [Double] = []
        var strict = 0, twin = 0, copy = 0
        for (article, query) in zip(sample, perturbed) {
            let start = clock.now
            let response = try await engine.search(query, filters: .init(limit: 10))
            latencies.append(seconds(clock.now - start) * 1000)
            let first = response.results.first?.hit.article
            let hit = isHit(first?.id, article)
            if hit.strict { strict += 1 }
            if hit.twin { twin += 1 }
            if hit.twin || (first.map { ($0.duplicateOf ?? $0.seq) == placed[article.seq] } ?? false) { copy += 1 }
        }
        let baseline = try BaselineIndex(documents: all.map { ($0.id, $0.title, $0.body) })
        var baseStrict = 0, baseTwin = 0
        var baseLatencies: [Double] = []
        for (article, query) in zip(sample, perturbed) {
            let start = clock.now
            let ids = try baseline.search(query, limit: 10)
            baseLatencies.append(seconds(clock.now - start) * 1000)
            let hit = isHit(ids.first, article)
            if hit.strict { baseStrict += 1 }
            if hit.twin { baseTwin += 1 }
        }
        func pct(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return (sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 100).rounded() / 100
        }
        let n = Double(queries)
        let result: [String: Any] = [
            "queries": queries, "articles": all.count,
            "khabar": ["p50_ms": pct(latencies, 0.5), "p99_ms": pct(latencies, 0.99),
                       "rank1": Double(strict) / n, "rank1_or_twin": Double(twin) / n, "rank1_or_copy": Double(copy) / n],
            "fts5_default": ["p50_ms": pct(baseLatencies, 0.5), "p99_ms": pct(baseLatencies, 0.99),
                             "rank1": Double(baseStrict) / n, "rank1_or_twin": Double(baseTwin) / n],
            "examples": Array(perturbed.prefix(3)),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
    }

    /// Title words only, with harakat added at random or hamza seats removed at random.
    func perturb(_ title: String, rng: inout SplitMix64) -> String {
        let harakat: [Unicode.Scalar] = ["\u{064E}", "\u{064F}", "\u{0650}", "\u{0652}", "\u{0651}"]
        let addDiacritics = rng.next() % 2 == 0
        var out = String.UnicodeScalarView()
        for scalar in title.unicodeScalars {
            let isArabicLetter = (0x0621...0x064A).contains(scalar.value)
            if !addDiacritics, ["أ", "إ", "آ"].contains(scalar), rng.next() % 2 == 0 {
                out.append("ا")
                continue
            }
            if !isArabicLetter && !scalar.properties.isAlphabetic && !scalar.properties.numericType.map({ _ in true }).isSome {
                out.append(" ")  // title words only: punctuation and quotes become spaces
                continue
            }
            out.append(scalar)
            if addDiacritics, isArabicLetter, rng.next() % 3 == 0 {
                out.append(harakat[Int(rng.next() % UInt64(harakat.count))])
            }
        }
        return String(out)
    }
}

extension Optional { var isSome: Bool { self != nil } }

/// A small deterministic PRNG so benchmark samples are the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
