import Foundation
import Testing
@testable import KhabarFeeds

/// Fixture files under `Fixtures/`, found from this source file's path.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    static func bytes(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: url(path)))) ?? []
    }

    /// Set `KHABAR_UPDATE_GOLDEN=1` to rewrite the golden files from the current output (then
    /// review the diff before committing).
    static var updating: Bool { ProcessInfo.processInfo.environment["KHABAR_UPDATE_GOLDEN"] == "1" }

    static func write(_ text: String, to path: String) {
        try? Data(text.utf8).write(to: url(path))
    }

    static func text(_ path: String) -> String? {
        try? String(contentsOf: url(path), encoding: .utf8)
    }
}

/// One row of a golden TSV file: `columns[0]` is the input, the rest are expected values.
struct GoldenRow: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let columns: [String]
    var input: String { columns[0] }
    func expected(_ i: Int = 1) -> String { i < columns.count ? columns[i] : "" }
    var testDescription: String { "\(file):\(line) \(input.debugDescription)" }

    /// Rows of `Fixtures/<name>`: TAB-separated; `#` lines and blank lines skipped;
    /// `\u{HEX}` stands for one scalar.
    static func rows(_ name: String) -> [GoldenRow] {
        guard let text = Fixtures.text(name) else {
            return [GoldenRow(file: name, line: 0, columns: ["<missing golden file \(name)>"])]
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
}

extension Tag {
    @Tag static var golden: Self
    @Tag static var safety: Self
}
