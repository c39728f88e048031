import ArgumentParser
import Foundation
import KhabarArabic
import KhabarModel
import KhabarPipeline
import KhabarStories
import KhabarTagging

/// `khabar analyze [FILE|-]`: JSONL articles in, one JSONL analysis per article out, streaming.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze JSONL articles: tokens, stems, entities (UTF-8 offsets into title + newline + body), tags, attribution.")

    @Argument(help: "JSONL or JSONL.gz file, or - for standard input.") var file = "-"
    @Option(help: ArgumentHelp(
        "Tag with the corpus statistics of this database (SQLite path or postgres:// URL), as import and the site do.",
        discussion: "Key phrases are then ranked against its newest articles and its learned surnames are people; without it they rank by frequency and position alone, so tags may differ from the stored ones."))
    var database: String?

    /// The statistics import and the site would tag with, from the store at `database`.
    func corpusStatistics(_ tagger: Tagger) async throws -> TermStatistics? {
        guard let database else { return nil }
        let store = try await DatabaseOptions.parse(["--database", database]).openStore(existing: true)
        let corpus = CorpusStatistics()
        await corpus.refreshIfStale(from: store, tagger: tagger)
        guard let statistics = corpus.current else {
            throw Failure("\(database): fewer than \(corpus.minimumDocuments) stored articles, too few for corpus statistics")
        }
        return statistics
    }

    func run() async throws {
        try requireLocalGazetteer()
        let analyzer = Analyzer.standard
        let tagger = Tagger()
        let statistics = try await corpusStatistics(tagger)
        let reader = try LineReader(path: file == "-" ? "/dev/stdin" : file)
        let fingerprinter = Fingerprinter(analyzer: analyzer)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var failed = 0
        let out = FileHandle.standardOutput
        var buffer = Data()
        // what was analyzed is written out even when the input breaks off
        defer { out.write(buffer) }
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            do {
                let (draft, givenTitle, givenBody) = try RecordParser.draftAndInput(fromJSONLine: line)
                let text = draft.title + "\n" + draft.body
                let analysis = analyzer.analyze(text)
                let titleAnalysis = analyzer.analyze(draft.title), bodyAnalysis = analyzer.analyze(draft.body)
                let attribution = tagger.attribution(outlet: draft.source.name, author: draft.author, body: draft.body,
                                                     bodyAnalysis: bodyAnalysis)
                let (tags, story) = tagger.tagsAndStoryEntities(title: draft.title, body: draft.body, titleAnalysis: titleAnalysis,
                                                                bodyAnalysis: bodyAnalysis, statistics: statistics,
                                                                publisher: AnalysisStage.publisher(attribution))
                let signature = fingerprinter.signature(titleAnalysis: titleAnalysis, bodyAnalysis: bodyAnalysis,
                                                        entities: AnalysisStage.storyEntities(story))
                let origins = Self.inputOrigins(title: givenTitle, body: givenBody, cleanTitle: draft.title, cleanBody: draft.body)
                let record = AnalysisJSON(
                    id: draft.id, tokens: analysis.tokens.map(\.text), stems: analysis.stems,
                    entities: tagger.mentions(in: text, statistics: statistics).map { AnalysisJSON.EntityJSON($0, origins: origins) },
                    tags: tags.map { .init(name: $0.name, slug: $0.slug, type: $0.type) },
                    attribution: attribution,
                    simhash: Self.hex(signature.simhash))
                buffer.append(try encoder.encode(record))
                buffer.append(10)
                if buffer.count > 1 << 16 {
                    out.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            } catch let error as KhabarError {
                failed += 1
                printError(KhabarError.badLine(file: file, line: reader.lineNumber, reason: "\(error)").description)
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Where each byte of the text the tagger read stands in the line's own title + newline +
    /// body, or nil when they are the same. The tagger reads the text import stores, without
    /// controls and outer white space (`RecordParser`); the offsets written point into the input.
    static func inputOrigins(title: String, body: String, cleanTitle: String, cleanBody: String) -> [Int]? {
        let titleLength = title.utf8.count
        if titleLength == cleanTitle.utf8.count && body.utf8.count == cleanBody.utf8.count { return nil }
        let origins = title.cleanedByteOrigins + [titleLength] + body.cleanedByteOrigins.map { $0 + titleLength + 1 }
        precondition(origins.count == cleanTitle.utf8.count + 1 + cleanBody.utf8.count,
                     "Analyze.inputOrigins: one origin per byte of the cleaned text")
        return origins
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

struct AnalysisJSON: Encodable {
    /// A mention: the entity's canonical name, type and id (a found name's slug), where it is
    /// (UTF-8 bytes of the input's title + newline + body), how it names the entity (`name`, `nisba`
    /// الأمريكية, `metonym` الكرملين, `demonym` الروس; a people group the finder reads, العرب,
    /// is a person-typed `demonym`), and whether the name finder found it (no gazetteer entry).
    struct EntityJSON: Encodable {
        var name: String, type: String, start: Int, end: Int
        var id: String, form: String, found: Bool

        /// `origins`: where each byte of the text read stands in the input (`inputOrigins`).
        init(_ m: EntityMention, origins: [Int]?) {
            name = m.name; type = m.type.rawValue; start = m.start; end = m.end
            if let origins, end > start {
                start = origins[m.start]; end = origins[m.end - 1] + 1
            }
            id = m.entityID; form = m.form.rawValue; found = m.found
        }
    }
    struct TagJSON: Encodable { var name: String, slug: String, type: String }
    var id: String
    var tokens: [String]
    var stems: [String]
    var entities: [EntityJSON]
    var tags: [TagJSON]
    var attribution: Attribution
    var simhash: String
}
