import Foundation
import KhabarArabic
import KhabarTagging

// Evaluation of the tagging stage (`khabar bench tags`): key phrases against AKEC, entity
// mentions against NewsFANE, and the cost of tagging on top of `Analyzer.analyze`.
//
// Pure functions over parsed inputs; the caller reads the files (decode each JSONL line with
// `JSONDecoder` into the input types below) and prints the result (`TagsEval.jsonLine`).
// A peer system (YAKE through shared/peers/keywords.py --out) is scored by the same functions
// from its per-document phrase lists, so both sides meet one matcher.

enum TagsEval {
    // MARK: inputs

    /// One AKEC document (`shared/data/akec/akec.dev.jsonl`): no title; `keyphrases` ordered by votes.
    struct AKECDocument: Codable, Sendable {
        var id: String
        var body: String
        var keyphrases: [String]
    }

    /// One NewsFANE sentence (`shared/data/newsfane-ner/newsfane.dev.jsonl`).
    struct NERSentence: Codable, Sendable {
        struct Entity: Codable, Sendable {
            var text: String
            var type: String        // coarse: PER ORG GPE LOC FAC VEH WEA PRO
            var start: Int          // token offsets, end exclusive
            var end: Int
        }
        var id: String
        var tokens: [String]
        var entities: [Entity]
        /// The text the systems see: the tokens joined by one space.
        var text: String { tokens.joined(separator: " ") }
    }

    /// One article of a corpus (`shared/data/ant-multisource/articles.dev.jsonl.gz`).
    struct Article: Codable, Sendable {
        var id: String
        var title: String?
        var body: String?
        var source: String?
        var author: String?
    }

    // MARK: key phrases

    struct KeyPhraseResult: Codable, Sendable {
        var system: String
        var documents: Int
        /// Micro: gold hits among the first 5 distinct predictions / (5 × documents).
        var precisionAt5: Double
        /// Micro: gold hits among the first 10 distinct predictions / all distinct gold phrases.
        var recallAt10: Double
        /// Micro: hits among the first 10 / (10 × documents).
        var precisionAt10: Double
        var goldPhrases: Int
    }

    /// Match key of a phrase: normalized, stopwords and single letters dropped, light-stemmed,
    /// joined by one space ("" when nothing is left).
    static func phraseKey(_ phrase: String, analyzer: Analyzer = .standard) -> String {
        analyzer.analyze(phrase).stems.joined(separator: " ")
    }

    /// Scores ranked phrase lists (`predictions[id]`, best first) against AKEC gold.
    static func scoreKeyPhrases(system: String, documents: [AKECDocument], predictions: [String: [String]],
                                analyzer: Analyzer = .standard) -> KeyPhraseResult {
        var hits5 = 0, hits10 = 0, gold = 0
        for d in documents {
            var goldKeys = Set(d.keyphrases.map { phraseKey($0, analyzer: analyzer) })
            goldKeys.remove("")
            gold += goldKeys.count
            var seen = Set<String>()
            var ranked: [String] = []
            for p in predictions[d.id] ?? [] {
                let k = phraseKey(p, analyzer: analyzer)
                if !k.isEmpty && seen.insert(k).inserted { ranked.append(k) }
                if ranked.count == 10 { break }
            }
            for (i, k) in ranked.enumerated() where goldKeys.contains(k) {
                if i < 5 { hits5 += 1 }
                hits10 += 1
            }
        }
        let n = Double(max(1, documents.count))
        return KeyPhraseResult(system: system, documents: documents.count,
                               precisionAt5: round4(Double(hits5) / (5 * n)),
                               recallAt10: round4(Double(hits10) / Double(max(1, gold))),
                               precisionAt10: round4(Double(hits10) / (10 * n)), goldPhrases: gold)
    }

    /// Khabar's key phrases (`Tagger.keyPhrases`, top 10) with IDF from the AKEC documents themselves.
    static func keyPhrases(documents: [AKECDocument], tagger: Tagger = Tagger()) -> KeyPhraseResult {
        var stats = TermStatistics()
        for d in documents { stats.add(title: "", body: d.body, tagger: tagger) }
        var predictions: [String: [String]] = [:]
        for d in documents {
            predictions[d.id] = tagger.keyPhrases(title: "", body: d.body, statistics: stats, limit: 10)
        }
        return scoreKeyPhrases(system: "khabar", documents: documents, predictions: predictions,
                               analyzer: tagger.analyzer)
    }

    // MARK: entities

    struct EntityResult: Codable, Sendable {
        var system: String
        var sentences: Int
        /// Predicted spans that overlap a gold entity (of any type) / predicted spans.
        var precision: Double
        /// The same with exactly the gold entity's tokens.
        var precisionExact: Double
        var predicted: Int
        /// Gold PER/ORG/GPE entities overlapped by a prediction / gold entities of the type.
        var recall: [String: Double]
        var recallExact: [String: Double]
        var gold: [String: Int]
        /// Precision over every mention the tagger reports, nisba adjectives included (Khabar only).
        var precisionAllForms: Double?
        var predictedAllForms: Int?
        /// Surnames learned from the sentences' text (Khabar only).
        var learnedNames: Int?
    }

    static let scoredTypes = ["PER", "ORG", "GPE"]

    /// Scores predicted token spans (`spans[i]` for `sentences[i]`, [start, end) in tokens).
    static func scoreSpans(system: String, sentences: [NERSentence], spans: [[(Int, Int)]]) -> EntityResult {
        var predicted = 0, tp = 0, tpExact = 0
        var gold: [String: Int] = [:], found: [String: Int] = [:], foundExact: [String: Int] = [:]
        for (s, sent) in sentences.enumerated() {
            let ps = spans[s]
            predicted += ps.count
            for (a, b) in ps {
                if sent.entities.contains(where: { $0.start < b && a < $0.end }) { tp += 1 }
                if sent.entities.contains(where: { $0.start == a && $0.end == b }) { tpExact += 1 }
            }
            for e in sent.entities where scoredTypes.contains(e.type) {
                gold[e.type, default: 0] += 1
                if ps.contains(where: { e.start < $0.1 && $0.0 < e.end }) { found[e.type, default: 0] += 1 }
                if ps.contains(where: { e.start == $0.0 && $0.1 == e.end }) { foundExact[e.type, default: 0] += 1 }
            }
        }
        var recall: [String: Double] = [:], recallExact: [String: Double] = [:]
        for t in scoredTypes {
            let g = Double(max(1, gold[t] ?? 0))
            recall[t] = round4(Double(found[t] ?? 0) / g)
            recallExact[t] = round4(Double(foundExact[t] ?? 0) / g)
        }
        return EntityResult(system: system, sentences: sentences.count,
                            precision: round4(Double(tp) / Double(max(1, predicted))),
                            precisionExact: round4(Double(tpExact) / Double(max(1, predicted))),
                            predicted: predicted, recall: recall, recallExact: recallExact, gold: gold)
    }

    /// Token range of a byte span of `sentence.text`.
    static func tokenSpan(_ start: Int, _ end: Int, in sentence: NERSentence) -> (Int, Int)? {
        var offset = 0
        var first: Int? = nil, last = 0
        for (i, t) in sentence.tokens.enumerated() {
            let e = offset + t.utf8.count
            if offset < end && start < e {
                if first == nil { first = i }
                last = i
            }
            offset = e + 1
        }
        return first.map { ($0, last + 1) }
    }

    /// Khabar's entity mentions. The NER figure (`precision`, `recall`) counts mentions that name
    /// an entity (form name, metonym or demonym): NewsFANE marks names and people groups
    /// (الفلسطينيين as PER) but never nisba adjectives (الجيش الإسرائيلي، الأمريكية), which the
    /// tagger reports as form "nisba" because tags need them. `precisionAllForms` counts those
    /// too, as false positives. `statistics`: the corpus statistics the tagger learns names from
    /// (default: `nameStatistics` of the sentences; an empty value for none).
    static func entities(sentences: [NERSentence], tagger: Tagger = Tagger(), statistics: TermStatistics? = nil) -> EntityResult {
        let stats = statistics ?? nameStatistics(sentences: sentences, tagger: tagger)
        var named: [[(Int, Int)]] = [], all: [[(Int, Int)]] = []
        for s in sentences {
            var n: [(Int, Int)] = [], a: [(Int, Int)] = []
            for m in tagger.mentions(in: s.text, statistics: stats) {
                guard let span = tokenSpan(m.start, m.end, in: s) else { continue }
                a.append(span)
                if m.form != .nisba { n.append(span) }
            }
            named.append(n)
            all.append(a)
        }
        var r = scoreSpans(system: "khabar", sentences: sentences, spans: named)
        let everything = scoreSpans(system: "khabar", sentences: sentences, spans: all)
        r.precisionAllForms = everything.precision
        r.predictedAllForms = everything.predicted
        r.learnedNames = stats.learnedNameCount
        return r
    }

    /// Corpus statistics of the sentences' text alone (never their labels), each sentence a
    /// document, as a store holding them would build: the names `entities` learns (like the IDF
    /// `keyPhrases` takes from the AKEC documents).
    static func nameStatistics(sentences: [NERSentence], tagger: Tagger = Tagger()) -> TermStatistics {
        var stats = TermStatistics()
        for s in sentences { stats.add(title: "", body: s.text, tagger: tagger) }
        return stats
    }

    /// Khabar's named mentions (form name, metonym or demonym) per sentence id: the budget
    /// that puts a peer on an equal footing (`entities(system:sentences:phrases:budget:)`).
    /// `statistics` as for `entities`.
    static func namedMentionCounts(sentences: [NERSentence], tagger: Tagger = Tagger(),
                                   statistics: TermStatistics? = nil) -> [String: Int] {
        let stats = statistics ?? nameStatistics(sentences: sentences, tagger: tagger)
        var out: [String: Int] = [:]
        for s in sentences { out[s.id] = tagger.mentions(in: s.text, statistics: stats).filter { $0.form != .nisba }.count }
        return out
    }

    /// A peer's phrases per sentence (`phrases[id]`, best first), placed at every run of tokens
    /// whose normalized forms equal the phrase's. With `budget`, only the peer's first
    /// `budget[id]` phrases count (as many outputs as Khabar gave for the sentence).
    static func entities(system: String, sentences: [NERSentence], phrases: [String: [String]],
                         budget: [String: Int]? = nil) -> EntityResult {
        var spans: [[(Int, Int)]] = []
        for s in sentences {
            let toks = s.tokens.map { ArabicNormalizer.normalize($0) }
            var out: [(Int, Int)] = []
            var list = phrases[s.id] ?? []
            if let b = budget { list = Array(list.prefix(b[s.id] ?? 0)) }
            for p in list {
                let words = Analyzer.standard.tokenize(p).map(\.text)
                guard !words.isEmpty, words.count <= toks.count else { continue }
                for i in 0...(toks.count - words.count) where Array(toks[i..<(i + words.count)]) == words {
                    out.append((i, i + words.count))
                }
            }
            spans.append(out)
        }
        return scoreSpans(system: system, sentences: sentences, spans: spans)
    }

    // MARK: cost

    struct CostResult: Codable, Sendable {
        var articles: Int
        var repeats: Int
        /// Blocks of consecutive articles each timed on its own (`costBlock` articles each).
        var blocks: Int
        /// `Analyzer.analyze` of title and body: the sum over blocks of each block's best time.
        var analyzeArticlesPerSecond: Double
        /// The same plus `Tagger.tags` (with corpus statistics) and `Tagger.attribution`.
        var taggedArticlesPerSecond: Double
        /// Time added by tagging, in % of analysis time.
        var overheadPercent: Double
        /// Tagging an article a second time right after the first, in % of analysis time: what
        /// tagging costs once the article's words, the tables they hit and the code are in cache.
        /// `overheadPercent` minus this is the first touch of each new article.
        var againPercent: Double
        /// `overheadPercent` from whole rounds instead (each way's best total of one round over
        /// all blocks, close to the whole passes this bench timed up to December 2026): the
        /// figure a burst of load on the host moves most.
        var wholePassOverheadPercent: Double
        var tags: Int
        var credits: Int
    }

    /// Articles per timed block of `cost`.
    static let costBlock = 200

    /// Times analysis alone and analysis + tags + attribution over `articles`. Term statistics
    /// are built from the articles first (untimed).
    ///
    /// On a shared host the same binary's whole-pass figure moved between +133 % and +270 % from
    /// one run to the next (a neighbour's load lasts seconds and hits one pass, not the other). So
    /// the articles are timed in blocks of `costBlock`, both ways one right after the other (which
    /// goes first alternates, so that neither is more often the one that finds the block's text in
    /// cache), and each block keeps its best time of `repeats` for each way: a burst spoils one
    /// block of one repeat and is dropped. A block takes about 10 ms, so re-warming the analyzer's
    /// tables after the tagger's (a few microseconds) stays under 1 % of it.
    static func cost(articles: [Article], tagger: Tagger = Tagger(), repeats: Int = 5) -> CostResult {
        let analyzer = tagger.analyzer
        let items = articles.map { ($0.title ?? "", $0.body ?? "", $0.source, $0.author) }
        var stats = TermStatistics()
        for (t, b, _, _) in items { stats.add(title: t, body: b, tagger: tagger) }
        _ = tagger.tags(title: "تجربة", body: "تجربة أولى", statistics: stats)   // build lazy tables
        let blocks = stride(from: 0, to: items.count, by: costBlock).map { $0..<min($0 + costBlock, items.count) }
        let rounds = max(1, repeats)
        var bestAnalyze = [UInt64](repeating: .max, count: blocks.count)
        var bestTagged = bestAnalyze, bestAgain = bestAnalyze
        var passAnalyze = [UInt64](repeating: 0, count: rounds), passTagged = passAnalyze
        var tagCount = 0, creditCount = 0
        var sink = 0
        /// Tags and attribution of one article from its analyses: the counts of tags and credits.
        func tagged(_ item: (String, String, String?, String?), _ ta: Analysis, _ ba: Analysis) -> (Int, Int) {
            let (t, b, source, author) = item
            return (tagger.tags(title: t, body: b, titleAnalysis: ta, bodyAnalysis: ba, statistics: stats).count,
                    tagger.attribution(outlet: source, author: author, body: b, bodyAnalysis: ba).credits.count)
        }
        for round in 0..<rounds {
            var tags = 0, credits = 0
            for (k, block) in blocks.enumerated() {
                for taggedRun in (k + round) % 2 == 0 ? [false, true] : [true, false] {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    for item in items[block] {
                        let ta = analyzer.analyze(item.0), ba = analyzer.analyze(item.1)
                        if taggedRun {
                            let (n, c) = tagged(item, ta, ba)
                            tags += n
                            credits += c
                        } else {
                            sink &+= ta.tokens.count &+ ba.stems.count
                        }
                    }
                    let dt = DispatchTime.now().uptimeNanoseconds - t0
                    if taggedRun {
                        bestTagged[k] = min(bestTagged[k], dt)
                        passTagged[round] += dt
                    } else {
                        bestAnalyze[k] = min(bestAnalyze[k], dt)
                        passAnalyze[round] += dt
                    }
                }
                var again: UInt64 = 0
                for item in items[block] {
                    for second in [false, true] {
                        // analyzed anew each time: the tagger's memo answers a repeated analysis itself
                        let ta = analyzer.analyze(item.0), ba = analyzer.analyze(item.1)
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        let (n, c) = tagged(item, ta, ba)
                        sink &+= n &+ c
                        if second { again += DispatchTime.now().uptimeNanoseconds - t0 }
                    }
                }
                bestAgain[k] = min(bestAgain[k], again)
            }
            tagCount = tags
            creditCount = credits
        }
        if sink == -1 { print(sink) }
        let n = Double(items.count)
        let analyzeSeconds = Double(bestAnalyze.reduce(0, +)) / 1e9, taggedSeconds = Double(bestTagged.reduce(0, +)) / 1e9
        let wholeAnalyze = Double(passAnalyze.min() ?? 1), wholeTagged = Double(passTagged.min() ?? 1)
        func percent(_ x: Double) -> Double { (x * 1000).rounded() / 10 }
        return CostResult(articles: items.count, repeats: rounds, blocks: blocks.count,
                          analyzeArticlesPerSecond: (n / analyzeSeconds).rounded(),
                          taggedArticlesPerSecond: (n / taggedSeconds).rounded(),
                          overheadPercent: percent(taggedSeconds / analyzeSeconds - 1),
                          againPercent: percent(Double(bestAgain.reduce(0, +)) / 1e9 / analyzeSeconds),
                          wholePassOverheadPercent: percent(wholeTagged / wholeAnalyze - 1),
                          tags: tagCount, credits: creditCount)
    }

    // MARK: output

    static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

    /// One JSON line (sorted keys) of a result.
    static func jsonLine<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let d = try? e.encode(value) else { return "{}" }
        return String(decoding: d, as: UTF8.self)
    }

    /// Decodes JSONL text (one `T` per non-empty line).
    static func decodeLines<T: Decodable>(_ type: T.Type, _ text: String) throws -> [T] {
        let d = JSONDecoder()
        return try text.split(separator: "\n").map { try d.decode(T.self, from: Data($0.utf8)) }
    }

    /// A peer's `--out` file text ({"id", "keywords": [[phrase, score], ...]}) → phrases by id.
    static func peerPhrases(_ text: String) throws -> [String: [String]] {
        struct Line: Decodable {
            var id: String
            var keywords: [[PhraseOrScore]]
        }
        enum PhraseOrScore: Decodable {
            case phrase(String), score(Double)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .phrase(s) } else { self = .score(try c.decode(Double.self)) }
            }
        }
        var out: [String: [String]] = [:]
        for l in try decodeLines(Line.self, text) {
            out[l.id] = l.keywords.compactMap { pair in
                if case .phrase(let s)? = pair.first { return s }
                return nil
            }
        }
        return out
    }
}
