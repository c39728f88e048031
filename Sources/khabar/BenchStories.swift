import ArgumentParser
import Foundation
import KhabarPipeline
import KhabarStories

/// `khabar bench stories`: the stories stage against the acceptance sets — the seed sample's
/// ranking, ANT events, SaudiNewsNet near-duplicate pairs, SemEval pair similarity — and the
/// related-list latency; one JSON line per figure (peers are run beside it by scripts/bench).
struct BenchStories: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Near-duplicates, stories, similarity and related-list latency on the evaluation sets.")

    @Option(help: "Seed sample JSONL (shared/peers/sample.jsonl): ranking of its similar headlines.") var seed: String?
    @Option(help: "Corpus to cluster (ANT dev): checks the Iran-deal and Champions-League stories.") var stories: String?
    @Option(help: "Corpus holding the labelled near-duplicate pairs (SaudiNewsNet).") var neardup: String?
    @Option(help: "Labelled pairs {a,b,label} for --neardup.") var neardupPairs: String?
    @Option(help: "Articles for pair similarity (SemEval articles.dev.jsonl).") var similarity: String?
    @Option(help: "Gold pairs {a,b,similarity} for --similarity.") var similarityPairs: String?
    @Option(help: "Write the similarity predictions {a,b,score} here (for eval_pairs.py).") var similarityOut: String?
    @Option(help: "Corpus for related-list latency (ANT dev, or scale.py's synthetic corpus).") var latency: String?
    @Option(help: "Queries for --latency.") var queries = 1000
    @Option(help: "Write the stories' assignments {id,story,duplicateOf} here.") var assignmentsOut: String?

    func articles(_ path: String) throws -> [StoriesEval.EvalArticle] {
        let reader = try LineReader(path: path)
        var out: [StoriesEval.EvalArticle] = []
        while let line = try reader.nextLine() {
            if let article = StoriesEval.EvalArticle.parse(line: line) { out.append(article) }
        }
        return out
    }

    func pairs(_ path: String, field: String) throws -> [StoriesEval.EvalPair] {
        let reader = try LineReader(path: path)
        var out: [StoriesEval.EvalPair] = []
        while let line = try reader.nextLine() {
            if let pair = StoriesEval.EvalPair.parse(line: line, field: field) { out.append(pair) }
        }
        return out
    }

    func run() async throws {
        var ran = false
        if let seed {
            ran = true
            print(StoriesEval.jsonLine(StoriesEval.evalSeedSample(try articles(seed))))
        }
        if let stories {
            ran = true
            var result = StoriesEval.evalStories(try articles(stories), keepAssignments: assignmentsOut != nil)
            if let assignmentsOut, let assignments = result.assignments {
                try (assignments.map { StoriesEval.jsonLine($0) }.joined(separator: "\n") + "\n")
                    .write(toFile: assignmentsOut, atomically: true, encoding: .utf8)
                result.assignments = nil
            }
            print(StoriesEval.jsonLine(result))
        }
        if let neardup {
            ran = true
            guard let neardupPairs else { throw ValidationError("--neardup needs --neardup-pairs") }
            print(StoriesEval.jsonLine(StoriesEval.evalNearDuplicates(try articles(neardup), pairs: try pairs(neardupPairs, field: "label"))))
        }
        if let similarity {
            ran = true
            guard let similarityPairs else { throw ValidationError("--similarity needs --similarity-pairs") }
            var result = StoriesEval.evalSimilarity(try articles(similarity), pairs: try pairs(similarityPairs, field: "similarity"))
            if let similarityOut {
                let lines = result.predictions.map { p in "{\"a\": \"\(p["a"]!)\", \"b\": \"\(p["b"]!)\", \"score\": \(p["score"]!)}" }
                try (lines.joined(separator: "\n") + "\n").write(toFile: similarityOut, atomically: true, encoding: .utf8)
            }
            result.predictions = []
            print(StoriesEval.jsonLine(result))
        }
        if let latency {
            ran = true
            print(StoriesEval.jsonLine(StoriesEval.evalRelatedLatency(try articles(latency), queries: queries)))
        }
        if !ran { throw ValidationError("give at least one of --seed, --stories, --neardup, --similarity, --latency") }
    }
}
