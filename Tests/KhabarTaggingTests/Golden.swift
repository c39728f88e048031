import Foundation
import Testing

/// One row of a golden TSV file: `columns[0]` is the input, the rest are expected values.
struct GoldenRow: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let columns: [String]
    var input: String { columns[0] }
    func column(_ i: Int) -> String { i < columns.count ? columns[i] : "" }
    var testDescription: String { "\(file):\(line) \(String(input.prefix(40)).debugDescription)" }
}

enum Golden {
    /// `Tests/KhabarTaggingTests/Golden`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// Rows of `Golden/<name>`: TAB-separated; `#` lines and blank lines skipped; `\n` in a
    /// cell stands for a line break.
    static func rows(_ name: String) -> [GoldenRow] {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return [GoldenRow(file: name, line: 0, columns: ["<missing golden file \(url.path)>"])]
        }
        var out: [GoldenRow] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\\n", with: "\n") }
            out.append(GoldenRow(file: name, line: i + 1, columns: cols))
        }
        return out
    }

    /// Space-separated list → array ("" → []).
    static func words(_ s: String) -> [String] {
        s.split(separator: " ").map(String.init)
    }
}

extension Testing.Tag {
    @Tag static var golden: Self
}
