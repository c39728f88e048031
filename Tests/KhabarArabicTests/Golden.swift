import Foundation
import Testing

/// One row of a golden TSV file: `columns[0]` is the input, the rest are expected values.
struct GoldenRow: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let columns: [String]
    var input: String { columns[0] }
    func expected(_ i: Int = 1) -> String { i < columns.count ? columns[i] : "" }
    var testDescription: String { "\(file):\(line) \(input.debugDescription)" }
}

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// Rows of `Golden/<name>`: TAB-separated; `#` lines and blank lines skipped;
    /// `\u{HEX}` stands for one scalar (for invisible characters).
    static func rows(_ name: String) -> [GoldenRow] {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return [GoldenRow(file: name, line: 0, columns: ["<missing golden file \(url.path)>"])]
        }
        var out: [GoldenRow] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) }
            out.append(GoldenRow(file: name, line: i + 1, columns: cols))
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("\\u{") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "\\u{") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let close = after.firstIndex(of: "}"),
                  let v = UInt32(after[..<close], radix: 16), let scalar = Unicode.Scalar(v) else {
                out += "\\u{"
                rest = after
                continue
            }
            out.unicodeScalars.append(scalar)
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    /// Space-joined list → array ("" → []).
    static func words(_ s: String) -> [String] {
        s.split(separator: " ").map(String.init)
    }
}
