import Foundation

/// Where the fixtures live, found from this file (works from any working directory).
enum Paths {
    static let testsDir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let fixtures = testsDir.appendingPathComponent("Fixtures")
    static let extraction = fixtures.appendingPathComponent("extraction")
    static let sanitizer = fixtures.appendingPathComponent("sanitizer")
    /// repo-root/../shared: 3 levels up from this file is the repo root.
    static let shared = testsDir.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    static let extractionHTML = shared.appendingPathComponent("data/extraction-html")

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func bytes(_ url: URL) -> [UInt8] {
        (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    }
}

/// Bag-of-words precision/recall/F1 exactly as shared/peers/extract_bench.py scores pages:
/// pyarabic-style normalisation (tashkeel, tatweel and residual Arabic marks removed, alef
/// forms folded), tokens = runs of \w (letters, digits, underscore), multiset intersection.
enum BagOfWords {
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if (0x0610...0x061A).contains(v) || (0x064B...0x065F).contains(v) || v == 0x0670
                || (0x06D6...0x06ED).contains(v) || v == 0x0640 { continue }
            switch v {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: out.append("\u{0627}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func tokens(_ s: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        var cur = String.UnicodeScalarView()
        func flush() {
            if !cur.isEmpty { bag[String(cur), default: 0] += 1; cur.removeAll() }
        }
        for u in normalize(s).unicodeScalars {
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                cur.append(u)
            default:
                if u == "_" { cur.append(u) } else { flush() }
            }
        }
        flush()
        return bag
    }

    static func prf(predicted: String, gold: String) -> (p: Double, r: Double, f1: Double) {
        let a = tokens(predicted), b = tokens(gold)
        var tp = 0
        for (w, n) in a { tp += min(n, b[w] ?? 0) }
        let np = a.values.reduce(0, +), ng = b.values.reduce(0, +)
        let p = np == 0 ? 0 : Double(tp) / Double(np)
        let r = ng == 0 ? 0 : Double(tp) / Double(ng)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }
}

extension Date {
    var iso: String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: self)
    }
}
