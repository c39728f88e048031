// Evaluation of KhabarStories (near-duplicates, stories, related, pair similarity, latency).
//
// Plain functions over already-parsed inputs, each returning a Codable result that prints as one
// JSON line; `khabar bench stories …` wires them to files. Nothing here touches storage. Everything
// lives in the `StoriesEval` namespace so that no name collides with the rest of the executable.
//
//   StoriesEval.EvalArticle.parse(line:)           one JSONL line (id,title,body,source,published)
//   StoriesEval.EvalPair.parse(line:field:)        {"a","b",<field>} (label true/false, similarity…)
//   StoriesEval.evalSeedSample(articles)           item 1: seed sample ranking for seed-main
//   StoriesEval.evalStories(articles)              item 2: ANT clustering + event checks
//   StoriesEval.evalNearDuplicates(articles, pairs:)  item 3: P/R on labelled SaudiNewsNet pairs
//   StoriesEval.evalSimilarity(articles, pairs:)   item 4: Pearson/Spearman vs SemEval gold
//   StoriesEval.evalRelatedLatency(articles, queries:)  item 5: related p50/p99, throughput, memory
//   StoriesEval.jsonLine(result)                   one JSON line

import Foundation
import KhabarArabic
import KhabarPipeline
import KhabarStories
import KhabarTagging

enum StoriesEval {
    /// One corpus article as the data sets and peers' corpora hold it (`id,title,body,source,published`).
    struct EvalArticle: Codable, Sendable {
        var id: String
        var title: String
        var body: String
        var source: String
        var published: Date?

        init(id: String, title: String, body: String, source: String, published: Date?) {
            self.id = id
            self.title = title
            self.body = body
            self.source = source
            self.published = published
        }

        /// Parses one JSONL line; nil for a line without an id. Missing title/body/source are "".
        static func parse(line: some Collection<UInt8>) -> EvalArticle? {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
            let id: String
            if let s = obj["id"] as? String { id = s } else if let n = obj["id"] as? NSNumber { id = n.stringValue } else {
                return nil
            }
            return EvalArticle(id: id, title: obj["title"] as? String ?? "", body: obj["body"] as? String ?? "",
                               source: obj["source"] as? String ?? "",
                               published: (obj["published"] as? String).flatMap(parseEvalDate))
        }
    }

    /// A labelled or gold pair: `{"a","b", label|similarity|score}`.
    struct EvalPair: Sendable {
        var a: String
        var b: String
        var value: Double

        static func parse(line: some Collection<UInt8>, field: String) -> EvalPair? {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let a = obj["a"] as? String, let b = obj["b"] as? String else { return nil }
            let v: Double
            if let x = obj[field] as? Bool { v = x ? 1 : 0 } else if let x = obj[field] as? NSNumber { v = x.doubleValue } else {
                return nil
            }
            return EvalPair(a: a, b: b, value: v)
        }
    }

    /// `2018-05-08T12:30:00+03:00`, `…Z`, fractional seconds, or naive (taken as UTC); date only.
    static func parseEvalDate(_ s: String) -> Date? {
        let u = Array(s.utf8)
        func num(_ i: Int, _ n: Int) -> Int? {
            guard i + n <= u.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard u[k] >= 48 && u[k] <= 57 else { return nil }
                v = v * 10 + Int(u[k] - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2) else { return nil }
        var c = DateComponents()
        c.year = y; c.month = mo; c.day = d
        c.hour = num(11, 2) ?? 0; c.minute = num(14, 2) ?? 0; c.second = num(17, 2) ?? 0
        var offset = 0
        var i = 19
        if i < u.count && u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count && u[i] >= 48 && u[i] <= 57 { i += 1 }
        }
        if i < u.count && (u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-")) {
            let sign = u[i] == UInt8(ascii: "+") ? 1 : -1
            let hh = num(i + 1, 2) ?? 0
            let mm = num(i + 4, 2) ?? num(i + 3, 2) ?? 0
            offset = sign * (hh * 3600 + mm * 60)
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let date = cal.date(from: c) else { return nil }
        return date.addingTimeInterval(TimeInterval(-offset))
    }

    /// An article with its signature, as the pipeline would store it.
    struct PreparedArticle: Sendable {
        var article: EvalArticle
        var seq: Int64
        var published: Date
        var entities: [String]
        var signature: Signature
    }

    /// Tags (for entity ids, salience order) and fingerprints every article; seq = position + 1.
    /// Articles without a date get `defaultDate`.
    static func prepareArticles(_ articles: [EvalArticle], defaultDate: Date = Date(timeIntervalSince1970: 1_700_000_000),
                         useEntities: Bool = true) -> (prepared: [PreparedArticle], seconds: Double) {
        let tagger = Tagger()
        let fp = Fingerprinter(analyzer: tagger.analyzer)
        let start = DispatchTime.now()
        var out: [PreparedArticle] = []
        out.reserveCapacity(articles.count)
        for (i, a) in articles.enumerated() {
            let ta = tagger.analyzer.analyze(a.title)
            let ba = tagger.analyzer.analyze(a.body)
            var ents: [String] = []
            var kinds: [EntityKind] = []
            if useEntities {
                // The pipeline's own choice of entities (one definition for ingest and evaluation).
                let story = tagger.tagsAndStoryEntities(title: a.title, body: a.body, titleAnalysis: ta, bodyAnalysis: ba,
                                                        statistics: nil).storyEntities
                ents = AnalysisStage.storyEntities(story)
                kinds = AnalysisStage.storyEntityKinds(story)
            }
            let sig = fp.signature(titleAnalysis: ta, bodyAnalysis: ba, entities: ents, entityKinds: kinds)
            out.append(PreparedArticle(article: a, seq: Int64(i + 1), published: a.published ?? defaultDate,
                                       entities: ents, signature: sig))
        }
        return (out, elapsed(start))
    }

    static func elapsed(_ start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Resident memory of this process in bytes (Linux /proc; 0 elsewhere).
    static func residentBytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let f = s.split(separator: " ")
        guard f.count > 1, let pages = Int(f[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// CPU time consumed by the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    // MARK: - clustering

    struct ClusterRun {
        var assignments: [Int64: StoryAssignment] = [:]
        var seconds = 0.0
        /// CPU time of this thread while clustering (steadier than wall time on a shared machine).
        var cpuSeconds = 0.0
        var rssDelta = 0
    }

    /// Runs the clusterer over prepared articles in order, evicting once per simulated hour.
    static func clusterArticles(_ prepared: [PreparedArticle], parameters: StoryParameters = .standard) -> ClusterRun {
        var c = StoryClusterer(parameters: parameters)
        var run = ClusterRun()
        let rss0 = residentBytes()
        let start = DispatchTime.now()
        let cpu0 = threadCPUSeconds()
        var lastEvict = prepared.first?.published ?? Date()
        for p in prepared {
            if p.published.timeIntervalSince(lastEvict) > 3600 {
                c.evict(olderThan: p.published)
                lastEvict = p.published
            }
            let item = ClusterItem(seq: p.seq, published: p.published, source: p.article.source,
                                   title: p.article.title, signature: p.signature)
            for a in c.assign(item) { run.assignments[a.seq] = a }
        }
        run.seconds = elapsed(start)
        run.cpuSeconds = threadCPUSeconds() - cpu0
        run.rssDelta = residentBytes() - rss0
        return run
    }

    // MARK: 1. seed sample

    struct SeedRankedItem: Codable {
        var id: String
        var title: String
        var score: Double
        var cosine: Double
        var entityOverlap: Double?
        var entities: [String]
        var inSimilar: Bool
    }

    struct SeedSampleResult: Codable {
        var eval = "stories.seed"
        var query: String
        var threshold: Double
        var readAlso: String?
        var similar: [String]
        var mainEntities: [String]
        var ranking: [SeedRankedItem]
    }

    /// Ranks every sample item against the main article (`seed-main`), all published at one time.
    static func evalSeedSample(_ articles: [EvalArticle], mainID: String = "seed-main",
                        parameters: RelatedParameters = .standard) -> SeedSampleResult {
        let (prepared, _) = prepareArticles(articles.map { var a = $0; a.published = nil; return a })
        let index = RelatedIndex(parameters: parameters)
        index.upsert(prepared.map {
            RelatedEntry(seq: $0.seq, published: $0.published, source: $0.article.source, title: $0.article.title,
                         storyID: $0.seq, duplicateOf: nil, signature: $0.signature)
        })
        let idOf = Dictionary(uniqueKeysWithValues: prepared.map { ($0.seq, $0.article.id) })
        guard let main = prepared.first(where: { $0.article.id == mainID }),
              let r = index.related(to: main.seq, limit: 10) else {
            return SeedSampleResult(query: mainID, threshold: index.parameters.threshold, readAlso: nil, similar: [],
                                    mainEntities: [], ranking: [])
        }
        let inSimilar = Set(r.similar.map(\.seq))
        var ranking: [SeedRankedItem] = []
        for p in prepared where p.seq != main.seq {
            let x = index.explain(main.seq, p.seq)
            ranking.append(SeedRankedItem(id: p.article.id, title: p.article.title,
                                          score: round3(x?.content ?? 0), cosine: round3(x?.cosine ?? 0),
                                          entityOverlap: x?.entityOverlap.map(round3), entities: p.entities,
                                          inSimilar: inSimilar.contains(p.seq)))
        }
        ranking.sort { $0.score > $1.score }
        return SeedSampleResult(query: mainID, threshold: index.parameters.threshold,
                                readAlso: r.readAlso.flatMap { idOf[$0.seq] },
                                similar: r.similar.compactMap { idOf[$0.seq] }, mainEntities: main.entities, ranking: ranking)
    }

    // MARK: 2. stories (ANT)

    struct StoryCheck: Codable {
        var name: String
        var matchingArticles: Int
        var storyID: Int64?
        var inMainStory: Int
        var storySize: Int
        var storySources: [String]
        var sampleTitles: [String]
    }

    struct StoriesResult: Codable {
        var eval = "stories.cluster"
        var articles: Int
        var prepareSeconds: Double
        var prepareArticlesPerSecond: Double
        var clusterSeconds: Double
        var clusterArticlesPerSecond: Double
        /// Articles per second of the clustering thread's CPU time.
        var clusterCPUArticlesPerSecond: Double
        var clusterBytesPerArticle: Int
        /// Resident memory per item a clusterer holds (all articles restored without eviction).
        var clusterBytesPerHeldItem: Int
        var signatureBytesMean: Double
        var stories: Int
        var singletonStories: Int
        var multiSourceStories: Int
        var largestStory: Int
        var duplicates: Int
        var checks: [StoryCheck]
        var distinctStories: Bool
        /// Per article (file order): id, story id (the first article's id), primary's id for a copy,
        /// then the ids of the other primaries a bundle also copies.
        var assignments: [[String]]?
    }

    /// Clusters `articles` in order and checks named events: each check picks the articles published on
    /// one of `days` (UTC, yyyy-MM-dd) whose normalized title contains any of the words, and reports the
    /// story holding most of them.
    static func evalStories(_ articles: [EvalArticle],
                     checks: [(name: String, days: [String], words: [String])] = [
                         ("iran-deal-2018-05-08", ["2018-05-08"], ["النووي"]),
                         ("ucl-final-2018-05-26", ["2018-05-26", "2018-05-27"], ["نهائي دوري ابطال", "ليفربول", "ريال مدريد"]),
                     ], parameters: StoryParameters = .standard, keepAssignments: Bool = false) -> StoriesResult {
        let (prepared, prepSeconds) = prepareArticles(articles)
        let run = clusterArticles(prepared, parameters: parameters)
        let bySeq = Dictionary(uniqueKeysWithValues: prepared.map { ($0.seq, $0) })
        var members: [Int64: [Int64]] = [:]
        for (s, a) in run.assignments { members[a.storyID, default: []].append(s) }
        for k in members.keys { members[k]!.sort() }
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        day.locale = Locale(identifier: "en_US_POSIX")

        var results: [StoryCheck] = []
        for check in checks {
            let words = check.words.map(ArabicNormalizer.normalize)
            let hits = prepared.filter { p in
                check.days.contains(day.string(from: p.published))
                    && words.contains { ArabicNormalizer.normalize(p.article.title).contains($0) }
            }
            var tally: [Int64: Int] = [:]
            for h in hits { if let a = run.assignments[h.seq] { tally[a.storyID, default: 0] += 1 } }
            let main = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
            let m = main.map { members[$0.key] ?? [] } ?? []
            results.append(StoryCheck(
                name: check.name, matchingArticles: hits.count, storyID: main?.key, inMainStory: main?.value ?? 0,
                storySize: m.count, storySources: Array(Set(m.compactMap { bySeq[$0]?.article.source })).sorted(),
                sampleTitles: m.prefix(8).compactMap { bySeq[$0]?.article.title }))
        }
        let sizes = members.values.map(\.count)
        let multi = members.values.filter { Set($0.compactMap { bySeq[$0]?.article.source }).count > 1 }.count
        let sigBytes = prepared.reduce(0) { $0 + $1.signature.encoded().count }
        let rss0 = residentBytes()
        var held = StoryClusterer(parameters: parameters)
        for p in prepared {
            guard let a = run.assignments[p.seq] else { continue }
            held.restore(ClusterItem(seq: p.seq, published: p.published, source: p.article.source, title: p.article.title,
                                     signature: p.signature), storyID: a.storyID, duplicateOf: a.duplicateOf,
                         alsoDuplicateOf: a.alsoDuplicateOf)
        }
        let heldBytes = (residentBytes() - rss0) / max(1, held.count)
        return StoriesResult(
            articles: prepared.count, prepareSeconds: round3(prepSeconds),
            prepareArticlesPerSecond: round3(Double(prepared.count) / max(prepSeconds, 1e-9)),
            clusterSeconds: round3(run.seconds),
            clusterArticlesPerSecond: round3(Double(prepared.count) / max(run.seconds, 1e-9)),
            clusterCPUArticlesPerSecond: round3(Double(prepared.count) / max(run.cpuSeconds, 1e-9)),
            clusterBytesPerArticle: prepared.isEmpty ? 0 : run.rssDelta / prepared.count,
            clusterBytesPerHeldItem: heldBytes,
            signatureBytesMean: round3(Double(sigBytes) / Double(max(1, prepared.count))),
            stories: members.count, singletonStories: sizes.filter { $0 == 1 }.count, multiSourceStories: multi,
            largestStory: sizes.max() ?? 0,
            duplicates: run.assignments.values.filter { $0.duplicateOf != nil }.count,
            checks: results, distinctStories: Set(results.compactMap(\.storyID)).count == results.count,
            assignments: keepAssignments ? prepared.map { p in
                let a = run.assignments[p.seq]
                return [p.article.id, a.flatMap { bySeq[$0.storyID]?.article.id } ?? "",
                        a?.duplicateOf.flatMap { bySeq[$0]?.article.id } ?? ""]
                    + (a?.alsoDuplicateOf ?? []).compactMap { bySeq[$0]?.article.id }
            } : nil)
    }

    // MARK: 3. near-duplicates (labelled pairs)

    struct NearDupResult: Codable {
        var eval = "stories.neardup"
        var pairs: Int
        var unknownIDPairs: Int
        var positives: Int
        var truePositives: Int
        var falsePositives: Int
        var falseNegatives: Int
        var precision: Double
        var recall: Double
        var f1: Double
        /// Same decision, but as the clusterer records it over the whole corpus in order: a pair
        /// counts when the two share a primary (`duplicateOf` or `alsoDuplicateOf`, a primary
        /// being its own).
        var clustererPrecision: Double
        var clustererRecall: Double
        var clustererDuplicates: Int
        /// Copies recorded against more than one primary (bundles, reassembled parts).
        var clustererMultiPrimary: Int
        var errors: [String]
    }

    static func evalNearDuplicates(_ articles: [EvalArticle], pairs: [EvalPair],
                            parameters: NearDuplicateParameters = .standard, verbose: Bool = false) -> NearDupResult {
        let (prepared, _) = prepareArticles(articles)
        let byID = Dictionary(prepared.map { ($0.article.id, $0) }, uniquingKeysWith: { a, _ in a })
        let run = clusterArticles(prepared)
        func root(_ s: Int64) -> Int64 { run.assignments[s]?.duplicateOf ?? s }
        func roots(_ s: Int64) -> Set<Int64> { Set([root(s)] + (run.assignments[s]?.alsoDuplicateOf ?? [])) }
        // Term cosines with document frequencies from the whole corpus (the clusterer uses its window's).
        let index = RelatedIndex()
        index.upsert(prepared.map {
            RelatedEntry(seq: $0.seq, published: $0.published, source: $0.article.source, title: $0.article.title,
                         storyID: nil, duplicateOf: nil, signature: $0.signature)
        })
        var tp = 0, fp = 0, fn = 0, unknown = 0, ctp = 0, cfp = 0, cfn = 0
        var errors: [String] = []
        for p in pairs {
            guard let a = byID[p.a], let b = byID[p.b] else { unknown += 1; continue }
            let truth = p.value >= 0.5
            let guess = parameters.isNearDuplicate(a.signature, b.signature,
                                                   termCosine: { index.explain(a.seq, b.seq)?.cosine ?? 0 })
            let (j, c) = NearDuplicateParameters.overlap(a.signature, b.signature)
            if guess && truth { tp += 1 } else if guess { fp += 1 } else if truth { fn += 1 }
            if guess != truth || verbose {
                errors.append("\(guess == truth ? (truth ? "TP" : "TN") : truth ? "FN" : "FP") \(p.a) \(p.b) j=\(round3(j)) c=\(round3(c)) n=\(a.signature.shingles.count)/\(b.signature.shingles.count) cos=\(round3(index.explain(a.seq, b.seq)?.cosine ?? -1)) ham=\((a.signature.simhash ^ b.signature.simhash).nonzeroBitCount) ea=\(a.entities.joined(separator: ",")) eb=\(b.entities.joined(separator: ","))")
            }
            let cg = !roots(a.seq).isDisjoint(with: roots(b.seq))
            if cg && truth { ctp += 1 } else if cg { cfp += 1 } else if truth { cfn += 1 }
            if cg != truth && verbose {
                errors.append("clusterer-\(truth ? "FN" : "FP") \(p.a) \(p.b) j=\(round3(j)) c=\(round3(c)) pairDecision=\(guess) rootsA=\(roots(a.seq).sorted()) rootsB=\(roots(b.seq).sorted()) dt=\(Int(b.published.timeIntervalSince(a.published) / 3600))h")
            }
        }
        let prec = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        let rec = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        return NearDupResult(
            pairs: pairs.count, unknownIDPairs: unknown, positives: tp + fn, truePositives: tp, falsePositives: fp,
            falseNegatives: fn, precision: round3(prec), recall: round3(rec),
            f1: round3(prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec)),
            clustererPrecision: round3(ctp + cfp == 0 ? 1 : Double(ctp) / Double(ctp + cfp)),
            clustererRecall: round3(ctp + cfn == 0 ? 1 : Double(ctp) / Double(ctp + cfn)),
            clustererDuplicates: run.assignments.values.filter { $0.duplicateOf != nil }.count,
            clustererMultiPrimary: run.assignments.values.filter { !$0.alsoDuplicateOf.isEmpty }.count, errors: errors)
    }

    // MARK: 4. pair similarity (SemEval)

    struct SimilarityResult: Codable {
        var eval = "stories.similarity"
        var pairs: Int
        var unknownIDPairs: Int
        var pearson: Double
        var spearman: Double
        /// The same for the term cosine alone (no entities), for comparison.
        var pearsonTermsOnly: Double
        var spearmanTermsOnly: Double
        var predictions: [[String: String]]
    }

    /// `similarity` for each gold pair against an index of all `articles`; Pearson/Spearman vs gold.
    /// A repeated pair keeps its last gold value (as the peers' scripts do).
    static func evalSimilarity(_ articles: [EvalArticle], pairs: [EvalPair], parameters: RelatedParameters = .standard) -> SimilarityResult {
        let (prepared, _) = prepareArticles(articles)
        let index = RelatedIndex(parameters: parameters)
        index.upsert(prepared.map {
            RelatedEntry(seq: $0.seq, published: $0.published, source: $0.article.source, title: $0.article.title,
                         storyID: nil, duplicateOf: nil, signature: $0.signature)
        })
        let seqOf = Dictionary(prepared.map { ($0.article.id, $0.seq) }, uniquingKeysWith: { a, _ in a })
        var last: [String: (EvalPair, Int)] = [:]
        for (i, p) in pairs.enumerated() { last[[p.a, p.b].sorted().joined(separator: "\t")] = (p, i) }
        let unique = last.values.sorted { $0.1 < $1.1 }.map(\.0)
        var xs: [Double] = [], cs: [Double] = [], ys: [Double] = [], preds: [[String: String]] = []
        var unknown = 0
        for p in unique {
            guard let a = seqOf[p.a], let b = seqOf[p.b], let s = index.similarity(a, b) else { unknown += 1; continue }
            xs.append(s)
            cs.append(index.explain(a, b)?.cosine ?? 0)
            ys.append(p.value)
            let x = index.explain(a, b)
            preds.append(["a": p.a, "b": p.b, "score": String(round3(s)), "cosine": String(round3(x?.cosine ?? 0)),
                          "entityOverlap": x?.entityOverlap.map { String(round3($0)) } ?? "-",
                          "entitiesA": prepared[Int(a) - 1].entities.joined(separator: ","),
                          "entitiesB": prepared[Int(b) - 1].entities.joined(separator: ",")])
        }
        return SimilarityResult(pairs: xs.count, unknownIDPairs: unknown, pearson: round3(pearson(xs, ys)),
                                spearman: round3(pearson(ranks(xs), ranks(ys))),
                                pearsonTermsOnly: round3(pearson(cs, ys)), spearmanTermsOnly: round3(pearson(ranks(cs), ranks(ys))),
                                predictions: preds)
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard n > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<x.count {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// Average ranks (ties share their mean rank).
    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return r
    }

    // MARK: 5. latency and throughput

    struct LatencyResult: Codable {
        var eval = "stories.latency"
        var articles: Int
        var prepareSeconds: Double
        var prepareArticlesPerSecond: Double
        var clusterSeconds: Double
        var clusterArticlesPerSecond: Double
        var clusterBytesPerArticle: Int
        var stories: Int
        var duplicates: Int
        var indexSeconds: Double
        var indexArticlesPerSecond: Double
        var indexBytesPerArticle: Int
        var queries: Int
        var p50Ms: Double
        var p95Ms: Double
        var p99Ms: Double
        var meanMs: Double
        var maxMs: Double
        var emptyResults: Int
        var meanSimilar: Double
        var readAlsoShare: Double
        var related: [RelatedOut]?
    }

    struct RelatedOut: Codable {
        var id: String
        var related: [String]
        var scores: [Double]
    }

    /// Clusters, indexes and queries `queries` articles drawn with a fixed seed (the peers' related.py
    /// draws its own sample; both are uniform samples of the same corpus).
    static func evalRelatedLatency(_ articles: [EvalArticle], queries: Int = 1000, seed: UInt64 = 42, limit: Int = 10,
                            keepLists: Bool = false) -> LatencyResult {
        let (prepared, prepSeconds) = prepareArticles(articles)
        let run = clusterArticles(prepared)
        // Signatures decoded from their stored bytes, as a web node gets them (and so that the index
        // owns its arrays and the memory figure counts them).
        let entries = prepared.map { p -> RelatedEntry in
            let a = run.assignments[p.seq]
            let sig = (try? Signature(decoding: p.signature.encoded())) ?? p.signature
            return RelatedEntry(seq: p.seq, published: p.published, source: p.article.source, title: p.article.title,
                                storyID: a?.storyID, duplicateOf: a?.duplicateOf, signature: sig)
        }
        let rss0 = residentBytes()
        let index = RelatedIndex()
        let t0 = DispatchTime.now()
        var i = 0
        while i < entries.count {   // batches, as the web nodes apply them
            index.upsert(Array(entries[i..<min(entries.count, i + 1000)]))
            i += 1000
        }
        let indexSeconds = elapsed(t0)
        let indexBytes = residentBytes() - rss0

        var rng = SplitMix64(seed: seed)  // Bench.swift's
        var picks: [Int] = Array(prepared.indices)
        for k in stride(from: picks.count - 1, to: 0, by: -1) { picks.swapAt(k, Int(rng.next() % UInt64(k + 1))) }
        picks = Array(picks.prefix(queries <= 0 ? picks.count : queries))
        // 20 untimed queries first (first-touch page faults of the fresh index).
        for k in picks.prefix(20) { _ = index.related(to: prepared[k].seq, limit: limit) }
        var times: [Double] = []
        var empty = 0, similarTotal = 0, readAlso = 0
        var lists: [RelatedOut] = []
        for k in picks {
            let s = DispatchTime.now()
            let r = index.related(to: prepared[k].seq, limit: limit)
            times.append(elapsed(s) * 1000)
            guard let r else { continue }
            if r.similar.isEmpty { empty += 1 }
            similarTotal += r.similar.count
            if r.readAlso != nil { readAlso += 1 }
            if keepLists {
                lists.append(RelatedOut(id: prepared[k].article.id,
                                        related: r.similar.map { prepared[Int($0.seq) - 1].article.id },
                                        scores: r.similar.map { round3($0.score) }))
            }
        }
        let sorted = times.sorted()
        func pct(_ q: Double) -> Double {
            sorted.isEmpty ? 0 : round3(sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))])
        }
        let n = Double(max(1, picks.count))
        return LatencyResult(
            articles: prepared.count, prepareSeconds: round3(prepSeconds),
            prepareArticlesPerSecond: round3(Double(prepared.count) / max(prepSeconds, 1e-9)),
            clusterSeconds: round3(run.seconds),
            clusterArticlesPerSecond: round3(Double(prepared.count) / max(run.seconds, 1e-9)),
            clusterBytesPerArticle: prepared.isEmpty ? 0 : run.rssDelta / prepared.count,
            stories: Set(run.assignments.values.map(\.storyID)).count,
            duplicates: run.assignments.values.filter { $0.duplicateOf != nil }.count,
            indexSeconds: round3(indexSeconds), indexArticlesPerSecond: round3(Double(prepared.count) / max(indexSeconds, 1e-9)),
            indexBytesPerArticle: prepared.isEmpty ? 0 : indexBytes / prepared.count,
            queries: picks.count, p50Ms: pct(0.5), p95Ms: pct(0.95), p99Ms: pct(0.99),
            meanMs: round3(times.reduce(0, +) / n), maxMs: round3(sorted.last ?? 0), emptyResults: empty,
            meanSimilar: round3(Double(similarTotal) / n), readAlsoShare: round3(Double(readAlso) / n),
            related: keepLists ? lists : nil)
    }

    /// One JSON line (sorted keys, Arabic unescaped).
    static func jsonLine(_ value: some Encodable) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        guard let d = try? e.encode(value) else { return "{}" }
        return String(decoding: d, as: UTF8.self)
    }
}
