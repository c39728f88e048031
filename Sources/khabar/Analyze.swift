import ArgumentParser
import Foundation
import KhabarArabic
import KhabarModel
import KhabarPipeline

/// `khabar analyze [FILE|-]`: JSONL articles in, one JSONL analysis per article out, streaming.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Analyze JSONL articles (no database): tokens and stems.")

    @Argument(help: "JSONL or JSONL.gz file, or - for standard input.") var file = "-"

    func run() async throws {
        let reader = try LineReader(path: file == "-" ? "/dev/stdin" : file)
        let analyzer = Analyzer.standard
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var failed = 0
        let out = FileHandle.standardOutput
        var buffer = Data()
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            do {
                let draft = try RecordParser.draft(fromJSONLine: line)
                let analysis = analyzer.analyze(draft.title + "\n" + draft.body)
                let record = AnalysisJSON(id: draft.id, tokens: analysis.tokens.map(\.text), stems: analysis.stems)
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
        out.write(buffer)
        if failed > 0 { throw ExitCode(1) }
    }
}

struct AnalysisJSON: Encodable {
    var id: String
    var tokens: [String]
    var stems: [String]
}
