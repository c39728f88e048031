import ArgumentParser
import Foundation
import KhabarModel
import KhabarPipeline
import KhabarStorage
import KhabarStories
import KhabarWeb

/// `khabar related ID`: the article's read-also, similar and same-story lists as JSON.
struct Related: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Related articles of a stored article: read also, similar, and the same story from other outlets (JSON).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Most similar articles listed.") var limit = 10
    @Argument(help: "Article id.") var id: String

    func run() async throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit: expected 1 to 50") }
        let store = try await db.openStore(existing: true)
        do {
            guard let article = try await store.article(id: id) else {
                throw Failure("no article with id \(id) in \(db.displayLocation)")
            }
            let service = RelatedService(store: store)
            try await service.load()
            let related = try await service.related(to: article, limit: limit)
            print(try encodeJSONLine(RelatedJSON(id: article.id, related: related)))
        } catch {
            await close(store)
            throw error
        }
        await close(store)
    }
}

/// `khabar stories`: the story clusters, newest first.
struct Stories: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List story clusters (one event's coverage across outlets).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only stories whose last article is at or after this date (2018-05-08 or ISO 8601).") var since: String?
    @Option(help: "Most stories listed.") var limit = 100
    @Option(help: "Only stories with at least this many outlets.") var minSources = 1
    @Flag(help: "JSON output.") var json = false

    struct StoryOut: Encodable {
        var id: Int64
        var title: String
        var articles: [String]
        var sources: [String]
        var first: String
        var last: String
    }

    func run() async throws {
        var from = Date.distantPast
        if let since {
            guard let date = DateParsing.parse(since) else { throw ValidationError("--since: not a date: \(since)") }
            from = date
        }
        let store = try await db.openStore(existing: true)
        var out: [StoryOut] = []
        do {
            for story in try await store.stories(from: from, to: .distantFuture, limit: max(1, limit) * 4)
            where story.sourceCount >= minSources && out.count < limit {
                let articles = try await store.storyArticles(id: story.id)
                out.append(StoryOut(id: story.id, title: story.title, articles: articles.map(\.id), sources: story.sources,
                                    first: DateParsing.iso8601(story.first), last: DateParsing.iso8601(story.last)))
            }
        } catch {
            await close(store)
            throw error
        }
        await close(store)
        if json {
            struct All: Encodable { var stories: [StoryOut] }
            print(try encodeJSONLine(All(stories: out)))
        } else {
            for story in out {
                print("\(story.id)\t\(story.last)\t\(story.sources.count) sources, \(story.articles.count) articles\t\(story.title)")
            }
            if out.isEmpty { print("no stories yet (import articles first)") }
        }
    }
}

/// `khabar similarity --articles A --pairs P`: the related-articles content score for given pairs.
struct Similarity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score article pairs with the related-articles similarity (0–1), without a database.",
        discussion: "Articles: JSONL with id, body and optional title. Pairs: JSONL with a and b (article ids). Prints {\"a\",\"b\",\"score\"} per pair.")

    @Option(help: "Articles JSONL(.gz).") var articles: String
    @Option(help: "Pairs JSONL(.gz).") var pairs: String

    func run() async throws {
        try requireLocalGazetteer()
        let signatures = try SimilarityInput.signatures(path: articles)
        let index = RelatedIndex()
        let epoch = Date(timeIntervalSince1970: 0)
        var seqs: [String: Int64] = [:]
        index.upsert(signatures.enumerated().map { i, item in
            seqs[item.id] = Int64(i + 1)
            return RelatedEntry(seq: Int64(i + 1), published: epoch, source: "", title: item.title, storyID: nil,
                                duplicateOf: nil, signature: item.signature)
        })
        let reader = try LineReader(path: pairs)
        var failed = 0
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let a = object["a"] as? String, let b = object["b"] as? String else {
                printError("\(pairs):\(reader.lineNumber): expected an object with string fields a and b")
                failed += 1
                continue
            }
            guard let sa = seqs[a], let sb = seqs[b] else {
                printError("\(pairs):\(reader.lineNumber): article \(seqs[a] == nil ? a : b) is not in \(articles)")
                failed += 1
                continue
            }
            let score = index.similarity(sa, sb) ?? 0
            print(try encodeJSONLine(PairScore(a: a, b: b, score: (score * 1_000_000).rounded() / 1_000_000)))
        }
        if failed > 0 { throw ExitCode(1) }
    }

    struct PairScore: Encodable { var a: String, b: String, score: Double }
}

/// Reads articles for `similarity`: lenient about fields (SemEval items have no title).
enum SimilarityInput {
    static func signatures(path: String) throws -> [(id: String, title: String, signature: Signature)] {
        let reader = try LineReader(path: path)
        let analysis = AnalysisStage()
        var out: [(String, String, Signature)] = []
        var bad = 0
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String else {
                printError("\(path):\(reader.lineNumber): expected an object with string fields id and body")
                bad += 1
                continue
            }
            let title = object["title"] as? String ?? ""
            let t = analysis.analyzer.analyze(title), b = analysis.analyzer.analyze(body)
            let story = analysis.tagger.tagsAndStoryEntities(title: title, body: body, titleAnalysis: t, bodyAnalysis: b,
                                                             statistics: nil).storyEntities
            out.append((id, title, analysis.fingerprinter.signature(titleAnalysis: t, bodyAnalysis: b,
                                                                    entities: AnalysisStage.storyEntities(story),
                                                                    entityKinds: AnalysisStage.storyEntityKinds(story))))
        }
        if bad > 0 { throw ExitCode(1) }
        return out
    }
}

func encodeJSONLine<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
