import ArgumentParser
import Foundation
import KhabarPipeline
import KhabarTagging

/// Reads a JSONL or JSONL.gz file whole, as text (evaluation inputs are a few MB).
func readJSONLText(_ path: String) throws -> String {
    let reader = try LineReader(path: path)
    var out = Data()
    while let line = try reader.nextLine() {
        out.append(contentsOf: line)
        out.append(10)
    }
    return String(decoding: out, as: UTF8.self)
}

/// `khabar bench tags`: key phrases against AKEC, entity mentions against NewsFANE, cost on a
/// corpus; peers (YAKE via shared/peers/keywords.py --out) scored by the same functions.
struct BenchTags: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Tagging quality (AKEC key phrases, NewsFANE entities) and cost, beside peers' outputs.",
        discussion: "Peers are given as NAME=FILE, FILE being keywords.py --out. --ner-corpus writes NewsFANE sentences as a peer corpus and exits.")

    @Option(help: "AKEC JSONL (id, body, keyphrases).") var akec: String?
    @Option(help: "NewsFANE JSONL (id, tokens, entities).") var newsfane: String?
    @Option(help: "Corpus for the cost measurement (JSONL or JSONL.gz).") var corpus: String?
    @Option(help: "Peer key phrases on AKEC: NAME=FILE (repeatable).") var peerAkec: [String] = []
    @Option(help: "Peer phrases on the NewsFANE sentences: NAME=FILE (repeatable).") var peerNer: [String] = []
    @Option(help: "Write the NewsFANE sentences as a corpus JSONL to this path and exit.") var nerCorpus: String?
    @Option(name: .customLong("repeat"), help: "Cost rounds; each block of articles keeps its best time.") var repetitions = 5
    @Flag(inversion: .prefixedNo, help: "Find people and organizations the gazetteer does not know (NameFinder).")
    var names = true

    func peers(_ specs: [String]) throws -> [(String, [String: [String]])] {
        try specs.map { spec in
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("peer: expected NAME=FILE, got \(spec)") }
            return (parts[0], try TagsEval.peerPhrases(try readJSONLText(parts[1])))
        }
    }

    func run() async throws {
        var tagger = Tagger()
        tagger.findsNames = names
        if let newsfane, let nerCorpus {
            let sentences = try TagsEval.decodeLines(TagsEval.NERSentence.self, try readJSONLText(newsfane))
            var out = Data()
            for s in sentences {
                out.append(try JSONSerialization.data(withJSONObject: ["id": s.id, "title": "", "body": s.text], options: [.sortedKeys]))
                out.append(10)
            }
            try out.write(to: URL(fileURLWithPath: nerCorpus))
            print("wrote \(sentences.count) sentences to \(nerCorpus)")
            return
        }
        if let akec {
            let docs = try TagsEval.decodeLines(TagsEval.AKECDocument.self, try readJSONLText(akec))
            print(TagsEval.jsonLine(TagsEval.keyPhrases(documents: docs, tagger: tagger)))
            for (name, predictions) in try peers(peerAkec) {
                print(TagsEval.jsonLine(TagsEval.scoreKeyPhrases(system: name, documents: docs, predictions: predictions)))
            }
        }
        if let newsfane {
            let sentences = try TagsEval.decodeLines(TagsEval.NERSentence.self, try readJSONLText(newsfane))
            let stats = TagsEval.nameStatistics(sentences: sentences, tagger: tagger)
            print(TagsEval.jsonLine(TagsEval.entities(sentences: sentences, tagger: tagger, statistics: stats)))
            let budget = TagsEval.namedMentionCounts(sentences: sentences, tagger: tagger, statistics: stats)
            for (name, phrases) in try peers(peerNer) {
                print(TagsEval.jsonLine(TagsEval.entities(system: name, sentences: sentences, phrases: phrases)))
                print(TagsEval.jsonLine(TagsEval.entities(system: name + "-same-budget", sentences: sentences, phrases: phrases,
                                                          budget: budget)))
            }
        }
        if let corpus {
            let articles = try TagsEval.decodeLines(TagsEval.Article.self, try readJSONLText(corpus))
            print(TagsEval.jsonLine(TagsEval.cost(articles: articles, tagger: tagger, repeats: repetitions)))
        }
        if akec == nil && newsfane == nil && corpus == nil {
            throw ValidationError("give at least one of --akec, --newsfane, --corpus")
        }
    }
}
