import ArgumentParser
import Foundation
import KhabarExtraction
import KhabarFeeds

/// Feed files under the given paths (folders searched recursively), read outside the timed region.
func collectFiles(_ paths: [String], extensions: Set<String>) -> [String] {
    var files: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if !isDirectory.boolValue {
            files.append(path)
            continue
        }
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            if extensions.contains((relative as NSString).pathExtension.lowercased()) { files.append(path + "/" + relative) }
        }
    }
    return files.sorted()
}

func printJSON(_ object: [String: Any]) throws {
    print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
}

struct BenchFeeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "Feed parsing throughput (the shape of peers/feed_bench.py's answer).")
    @Argument(help: "Feed files or folders.") var paths: [String]
    @Option(name: .customLong("repeat"), help: "Passes; the best is reported.") var repetitions = 3

    func run() async throws {
        let files = collectFiles(paths, extensions: ["xml", "rss", "atom", "rdf", "json"])
        let inputs = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let clock = ContinuousClock()
        var best = Double.infinity
        var entries = 0, broken = 0
        for _ in 0..<max(1, repetitions) {
            var e = 0, b = 0
            let start = clock.now
            for input in inputs {
                let feed = FeedParser.parse(input)
                e += feed.items.count
                if !feed.errors.isEmpty { b += 1 }
            }
            best = min(best, seconds(clock.now - start))
            entries = e
            broken = b
        }
        try printJSON(["feeds": inputs.count, "entries": entries, "feeds_with_errors": broken,
                       "seconds_parse": (best * 10000).rounded() / 10000, "entries_per_s": Int(Double(entries) / best),
                       "ms_per_feed": (best * 1000 / Double(max(1, inputs.count)) * 1000).rounded() / 1000])
    }
}

struct BenchExtract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extraction speed and bag-of-words F1 against gold text, scored as peers/extract_bench.py scores its tools.")
    @Argument(help: "A folder of .html pages (gold: --gold DIR/<same path>.txt) or a pages.jsonl index with html_file/gold_file.")
    var input: String
    @Option(help: "Folder of gold .txt files mirroring the pages.") var gold: String?

    func run() async throws {
        var pages: [(html: String, gold: String?, url: String?)] = []
        if input.hasSuffix(".jsonl") {
            let folder = (input as NSString).deletingLastPathComponent
            let text = try String(contentsOfFile: input, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let html = object["html_file"] as? String else { continue }
                pages.append((folder + "/" + html, (object["gold_file"] as? String).map { folder + "/" + $0 }, object["url"] as? String))
            }
        } else {
            for file in collectFiles([input], extensions: ["html", "htm"]) {
                let relative = String(file.dropFirst(input.count)).trimmingPrefix("/")
                let goldFile = gold.map { $0 + "/" + ((String(relative) as NSString).deletingPathExtension) + ".txt" }
                pages.append((file, goldFile, nil))
            }
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        var tp = 0, fp = 0, fn = 0
        var macro: [(Double, Double, Double)] = []
        for page in pages {
            guard let bytes = FileManager.default.contents(atPath: page.html) else { continue }
            let start = clock.now
            let article = Extractor.extract(html: [UInt8](bytes), url: page.url)
            times.append(seconds(clock.now - start) * 1000)
            guard let goldPath = page.gold, let goldText = try? String(contentsOfFile: goldPath, encoding: .utf8) else { continue }
            let predicted = Self.bag(article.body), expected = Self.bag(goldText)
            let overlap = predicted.reduce(0) { $0 + min($1.value, expected[$1.key] ?? 0) }
            let p = predicted.values.reduce(0, +), g = expected.values.reduce(0, +)
            tp += overlap
            fp += p - overlap
            fn += g - overlap
            let precision = p == 0 ? 0 : Double(overlap) / Double(p), recall = g == 0 ? 0 : Double(overlap) / Double(g)
            macro.append((precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)))
        }
        let sorted = times.sorted()
        func r(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        let microP = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp), microR = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        let n = Double(max(1, macro.count))
        try printJSON([
            "pages": pages.count, "gold_pages": macro.count,
            "ms_per_page": ["p50": r(sorted.isEmpty ? 0 : sorted[sorted.count / 2]), "mean": r(times.reduce(0, +) / Double(max(1, times.count)))],
            "macro_f1": r(macro.map(\.2).reduce(0, +) / n), "macro_p": r(macro.map(\.0).reduce(0, +) / n),
            "macro_r": r(macro.map(\.1).reduce(0, +) / n),
            "micro_f1": r(microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR)),
        ])
    }

    /// The harness's tokens: harakat and tatweel stripped, alef forms folded, runs of word characters.
    static func bag(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { counts[String(current), default: 0] += 1 }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x064B...0x0652).contains(v) || v == 0x0640 { continue }
            if [0x0622, 0x0623, 0x0625, 0x0671].contains(v) { current.append("ا"); continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return counts
    }
}
