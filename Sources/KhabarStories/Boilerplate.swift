import Foundation
import KhabarArabic

/// Finds the wrapper tokens of a text (datelines, trailers, share bars, link-back lines) and the
/// courtesy words an editor adds or drops, from rules given as data (`BoilerplateData.swift`).
///
/// Why: a paper that republishes a wire item strips the agency's dateline and trailer and adds its
/// own byline or share bar; those words are not the text, yet they make or break word shingles at
/// both ends of a short item, and a lightly edited copy drops "صاحب السمو الملكي" before a name,
/// which breaks every shingle across it.
public struct Boilerplate: Sendable {
    enum Place: Sendable, Equatable { case lead(Int), tail(Int), drop, soft }
    struct Rule: Sendable {
        var place: Place
        /// `WordKey`s of the normalized words; nil: any one token.
        var words: [UInt64?]
        var extra: Int
    }

    let rules: [Rule]
    /// drop/soft rules by the key of their first word.
    let byFirst: [UInt64: [Int]]

    public static let standard = Boilerplate(data: boilerplateData)

    /// Parses rules in the `BoilerplateData.swift` format; malformed lines are skipped.
    public init(data: String) {
        var rules: [Rule] = []
        for raw in data.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 2 else { continue }
            let head = f[0].split(separator: " ")
            let place: Place
            switch head.first {
            case "lead": guard head.count == 2, let n = Int(head[1]) else { continue }; place = .lead(n)
            case "tail": guard head.count == 2, let n = Int(head[1]) else { continue }; place = .tail(n)
            case "drop": place = .drop
            case "soft": place = .soft
            default: continue
            }
            let words: [UInt64?] = f[1].split(separator: " ").map { w in
                w == "*" ? nil : WordKey.of(ArabicNormalizer.normalize(String(w)))
            }
            guard !words.isEmpty, words[0] != nil else { continue }
            rules.append(Rule(place: place, words: words, extra: f.count > 2 ? Int(f[2]) ?? 0 : 0))
        }
        var by: [UInt64: [Int]] = [:]
        for (i, r) in rules.enumerated() where r.place == .drop || r.place == .soft {
            by[r.words[0]!, default: []].append(i)
        }
        self.rules = rules
        self.byFirst = by
    }

    /// Per token, given the tokens' `WordKey`s (`Analysis.keys`): 0 = text, 1 = soft (courtesy
    /// words: out of the copy check only), 2 = wrapper. Words are compared by key: hashing or
    /// comparing Arabic `String`s normalizes them to NFC first, which cost more than the rest.
    public func marks(_ keys: [UInt64]) -> [UInt8] {
        var m = [UInt8](repeating: 0, count: keys.count)
        if keys.isEmpty { return m }
        let n = keys.count
        func matches(_ r: Rule, at s: Int) -> Bool {
            guard s >= 0, s + r.words.count <= n else { return false }
            for (k, w) in r.words.enumerated() where w != nil && keys[s + k] != w! { return false }
            return true
        }
        for r in rules {
            switch r.place {
            case .lead(let within):
                for s in 0..<min(within, n) where matches(r, at: s) {
                    for i in 0..<min(n, s + r.words.count + r.extra) { m[i] = 2 }
                    break
                }
            case .tail(let within):
                for s in max(0, n - within)..<n where matches(r, at: s) {
                    for i in s..<n { m[i] = 2 }
                    break
                }
            case .drop, .soft:
                break
            }
        }
        var i = 0
        while i < n {
            var advanced = false
            if let cand = byFirst[keys[i]] {
                for ri in cand where matches(rules[ri], at: i) {
                    let r = rules[ri]
                    let v: UInt8 = r.place == .drop ? 2 : 1
                    for k in i..<(i + r.words.count) { m[k] = max(m[k], v) }
                    i += r.words.count
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
        return m
    }

    /// The marks of an analysis's terms (stopwords removed), aligned 1:1 with `terms`/`stems`.
    /// Terms are the tokens minus stopwords and single letters, in order, with the same text, so a
    /// greedy walk aligns them exactly.
    public func termMarks(_ a: Analysis) -> [UInt8] {
        let tm = marks(a.keys)
        var out: [UInt8] = []
        out.reserveCapacity(a.terms.count)
        var j = 0
        for t in a.terms {
            // bytes, not `!=`: a stopword passed over is another word, and comparing unequal
            // Arabic strings goes through NFC
            while j < a.tokens.count && !a.tokens[j].text.utf8.elementsEqual(t.utf8) { j += 1 }
            out.append(j < a.tokens.count ? tm[j] : 0)
            j += 1
        }
        return out
    }
}
