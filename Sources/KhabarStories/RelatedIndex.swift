import Foundation

/// One article as the related index holds it.
public struct RelatedEntry: Sendable {
    public var seq: Int64
    public var published: Date
    public var source: String
    public var title: String
    public var storyID: Int64?
    public var duplicateOf: Int64?
    /// Further primaries the article copies (a bundle of wire items).
    public var alsoDuplicateOf: [Int64]
    public var signature: Signature
    public init(seq: Int64, published: Date, source: String, title: String, storyID: Int64?, duplicateOf: Int64?,
                alsoDuplicateOf: [Int64] = [], signature: Signature) {
        self.seq = seq
        self.published = published
        self.source = source
        self.title = title
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.alsoDuplicateOf = alsoDuplicateOf
        self.signature = signature
    }
}

public struct ScoredArticle: Sendable, Hashable, Codable {
    public var seq: Int64
    public var score: Double
    public init(seq: Int64, score: Double) {
        self.seq = seq
        self.score = score
    }
}

/// What an article page shows beside the text.
public struct RelatedList: Sendable {
    /// اقرأ أيضاً: the best of `similar` (nil when `similar` is empty).
    public var readAlso: ScoredArticle?
    /// مقالات مشابهة: other stories, best first, nothing under the threshold.
    public var similar: [ScoredArticle]
    /// The other outlets' versions of the article's own story, best per outlet, none whose content
    /// score is under the threshold.
    public var sameStory: [ScoredArticle]
    public init(readAlso: ScoredArticle?, similar: [ScoredArticle], sameStory: [ScoredArticle]) {
        self.readAlso = readAlso
        self.similar = similar
        self.sameStory = sameStory
    }
}

/// Knobs of related-article scoring. `standard` was tuned on the seed sample and SemEval dev.
public struct RelatedParameters: Sendable {
    /// Nothing scoring under this (content × recency, see `listedHalfLife`) is shown: an empty
    /// list beats junk.
    public var threshold = 0.12
    /// Recency factor = 0.5^(|Δpublished| / halfLife), Δ between the two articles (not "now").
    /// It orders the list.
    public var halfLife: TimeInterval = 7 * 24 * 3600
    /// Whether an article is listed at all weighs recency more gently: by at least the smaller of
    /// 0.5 and 0.5^(|Δ| / listedHalfLife). So an article of the same ongoing subject from weeks
    /// before (the same strike, the same campaign) is listed when its content alone scores
    /// twice the threshold, after the recent ones; one of years before is not. On 40 ANT dev
    /// queries the recency factor alone hid 133 such items, nearly all on the same subject
    /// (the Malaysian election's aftermath, the French rail strike, Pompeo in Pyongyang).
    public var listedHalfLife: TimeInterval = 6 * 7 * 24 * 3600
    /// "اقرأ أيضاً" is one pick, the listed article most about the same thing: the best content ×
    /// recency^readAlsoRecencyPower, where the list orders by content × recency. With the list's
    /// order a weak match of the next day came first: a protest against the Telegram ban in Moscow
    /// read on to Syrian groups asking Moscow for a ceasefire (content 0.15), not to the earlier
    /// Telegram protest (0.40). None when no listed article's content reaches readAlsoMinContent.
    /// On 150 random ANT dev articles (0.5 and 0.15), of 114 picks 11 change (8 for the better by
    /// my reading), 3 go (a Leicester draw no longer reads on to a virus at Watford) and 100 stay;
    /// a floor of 0.3 took 48 good picks away.
    /// 0.25 since: at 0.5 a match a week older still had to be 1.4 times as strong, one of three
    /// weeks 2.8 times, so the next day's weak neighbour kept beating the same subject's earlier
    /// report (China's fighters around Taiwan read on to the WHO not inviting Taiwan, content 0.17,
    /// not to the earlier drills in the strait, 0.50). On ANT dev (every article's lists) 942 of
    /// 7,769 picks change; of 25 changes read, 15 are better, 5 worse, 5 alike; the picks' median
    /// age goes from 2.0 to 2.4 days (90th percentile 8 → 12 days).
    public var readAlsoRecencyPower = 0.25
    public var readAlsoMinContent = 0.15
    /// content = (1 − entityWeight) × term cosine + entityWeight × entity overlap, between two
    /// full texts. 0: mixing in the overlap lowers SemEval dev Pearson (0.430 → 0.402 at 0.05);
    /// between full texts the entities still damp a pair that shares none (`noSharedEntityFactor`).
    /// (It was 0.05 while small indexes scored low; `idfPriorDocs` fixed that.)
    public var entityWeight = 0.0
    /// The entity weight when either text has fewer than `shortTextTerms` distinct stems (a
    /// headline-only item).
    public var shortTextEntityWeight = 0.6
    public var shortTextTerms = 16
    /// Content is multiplied by this when both articles name entities and share none (relaxed as
    /// the term cosine approaches `trustedCosine`): a topical word in common (اتهامات، الاستقرار)
    /// is not a relation when the actors differ.
    public var noSharedEntityFactor = 0.4
    /// Term cosine from which entity disagreement no longer damps the score.
    public var trustedCosine = 0.4
    /// Title stems count this much more than body stems.
    public var titleBoost: Float = 2
    /// Lead stems (`Signature.leadTerms`, the body's first few stems: what a news text is about,
    /// and the only "headline" of an item without a title) count this much more, like the title's.
    public var leadBoost: Float = 2
    /// Term-frequency weight: 0 gives 1 + ln tf; k > 0 gives BM25's saturating
    /// tf·(k + 1)/(tf + k), which stops a word repeated through a long text from dominating it.
    public var termSaturation: Double = 0
    /// Term IDF is ln(1 + (N + idfPriorDocs − df + 0.5)/(df + 0.5)): as if the index also held
    /// this many articles that contain none of its words. Why: in a small index every word is
    /// rare (a common verb and the name of a dam both have df 1 or 2 of 8), so the words two texts
    /// share weigh little against those only one has, and the same two articles score far lower
    /// than in a large index (the dam fixtures' follow-up pair: 0.13 among 6 articles, 0.37 among
    /// ANT dev's 9,697); the related threshold is one number and must mean the same at 10 and at
    /// 100,000 articles. With 100 that pair scores 0.30 among 6, and the SemEval dev pairs in their
    /// own 110-article index score as they do inside ANT dev (median ratio 1.00; 0.95 with 0);
    /// an index of thousands of articles hardly changes. Chosen on that agreement, not on a gold.
    public var idfPriorDocs: Double = 100
    /// More-Like-This query size: the article's best terms by tf·idf (df ≥ 2), and (for a
    /// headline-only article) its first entities.
    public var maxQueryTerms = 25
    public var maxQueryEntities = 4
    /// Entities of an article that count (salience order).
    public var maxEntities = 6
    /// How much a shared entity's specificity (idf relative to a one-article entity) counts.
    public var entitySpecificityPower = 0.5
    /// When only one article names entities: true scores entity overlap 0 (and damps by
    /// `noSharedEntityFactor`); false ignores entities for the pair (the tagger may have missed them).
    public var entityOneSided = false
    /// Query terms in more than this share of the articles are not looked up (they still count in
    /// the exact score); applies from `minDocsForDFCap` articles on. Like Lucene MLT's maxDocFreq.
    public var maxDocFrequency = 0.1
    public var minDocsForDFCap = 1000
    /// Entity postings read per query entity (the most recent), for headline-only queries.
    public var maxEntityPostings = 4000
    /// Candidates (by the posting-list score) that get the exact score.
    public var candidates = 150
    public var nearDuplicate = NearDuplicateParameters.standard
    public init() {}
    public static let standard = RelatedParameters()
}

/// In-memory More-Like-This index. Safe to query from many threads while another thread updates it.
///
/// Terms and entities get dense ids; posting lists hold (slot, weight) with the weight normalized
/// by the document's norm at insert time, which is only used to pick candidates; the candidates are
/// then scored exactly with the current document frequencies.
public final class RelatedIndex: @unchecked Sendable {
    public let parameters: RelatedParameters
    private let lock = RWLock()
    private var state: RelatedState

    public init(parameters: RelatedParameters = .standard) {
        self.parameters = parameters
        self.state = RelatedState(parameters: parameters)
    }

    /// Adds or replaces (same seq) articles.
    public func upsert(_ entries: [RelatedEntry]) {
        lock.write {
            for e in entries { state.upsert(e) }
            state.refreshIDF()
        }
    }

    public func remove(_ seqs: [Int64]) {
        lock.write {
            for s in seqs { state.remove(s) }
            state.refreshIDF()
        }
    }

    public var count: Int { lock.read { state.slotOf.count } }

    /// nil when seq is unknown.
    ///
    /// `notAfter`: only articles published at or before it (whole seconds, as the stores bound a
    /// list) are listed, so that the lists leave out what the site's other lists leave out (a
    /// misdated article). They are passed over before one article is chosen per story and per
    /// outlet, so a story or an outlet whose best article is left out is shown by its next best.
    public func related(to seq: Int64, limit: Int = 10, notAfter: Date? = nil) -> RelatedList? {
        lock.read { state.related(to: seq, limit: limit, notAfter: notAfter) }
    }

    /// The parts of `similarity`: term cosine, entity overlap (nil when neither names an entity)
    /// and the content score they make.
    public func explain(_ a: Int64, _ b: Int64) -> (cosine: Double, entityOverlap: Double?, content: Double)? {
        lock.read {
            guard let sa = state.slotOf[a], let sb = state.slotOf[b],
                  let da = state.docs[Int(sa)], let db = state.docs[Int(sb)] else { return nil }
            return (state.cosine(da, db), state.entityOverlap(da, db), state.content(da, db))
        }
    }

    /// The content score the ranking uses, in [0, 1] (no recency factor).
    public func similarity(_ a: Int64, _ b: Int64) -> Double? {
        lock.read {
            guard let sa = state.slotOf[a], let sb = state.slotOf[b],
                  let da = state.docs[Int(sa)], let db = state.docs[Int(sb)] else { return nil }
            return state.content(da, db)
        }
    }
}

struct Posting {
    var slot: Int32
    var weight: Float
}

struct RelatedDoc {
    var seq: Int64
    var time: Double
    var source: String
    var storyID: Int64?
    var duplicateOf: Int64?
    var alsoDuplicateOf: [Int64]
    var signature: Signature
    /// Term ids, ascending, with 1 + ln(body tf + titleBoost × title tf + leadBoost × lead tf).
    var terms: [Int32]
    var tf: [Float]
    var entities: [Int32]
}

struct RelatedState {
    let p: RelatedParameters
    var termIDs: [UInt64: Int32] = [:]
    var termDF: [Int32] = []
    var postings: [[Posting]] = []
    var entityIDs: [String: Int32] = [:]
    var entityDF: [Int32] = []
    var entityPostings: [[Int32]] = []
    var docs: [RelatedDoc?] = []
    var free: [Int32] = []
    var slotOf: [Int64: Int32] = [:]
    var storyMembers: [Int64: [Int32]] = [:]
    /// IDF per term id and entity id, recomputed after each batch of changes (queries read a
    /// table instead of taking a logarithm per term; the tables lag a batch at most).
    var termIDF: [Double] = []
    var entityIDF: [Double] = []

    init(parameters: RelatedParameters) { p = parameters }

    mutating func refreshIDF() {
        termIDF = termDF.map { termIDFValue($0) }
        entityIDF = entityDF.map { idf($0) }
    }

    var n: Double { Double(slotOf.count) }

    /// The weight of a term seen `tf` times (title occurrences boosted), before IDF.
    @inline(__always) func termWeight(_ tf: Double) -> Double {
        p.termSaturation > 0 ? tf * (p.termSaturation + 1) / (tf + p.termSaturation) : 1 + log(tf)
    }

    /// IDF of a term (with `idfPriorDocs`); entities use `idf`, relative to the index alone.
    @inline(__always) func termIDFValue(_ df: Int32) -> Double {
        let d = Double(df)
        return log(1 + (n + p.idfPriorDocs - d + 0.5) / (d + 0.5))
    }

    @inline(__always) func idf(_ df: Int32) -> Double {
        let d = Double(df)
        return log(1 + (n - d + 0.5) / (d + 0.5))
    }

    mutating func termID(_ k: UInt64) -> Int32 {
        if let id = termIDs[k] { return id }
        let id = Int32(termDF.count)
        termIDs[k] = id
        termDF.append(0)
        postings.append([])
        return id
    }

    mutating func entityID(_ e: String) -> Int32 {
        if let id = entityIDs[e] { return id }
        let id = Int32(entityDF.count)
        entityIDs[e] = id
        entityDF.append(0)
        entityPostings.append([])
        return id
    }

    mutating func upsert(_ e: RelatedEntry) {
        remove(e.seq)
        var m: [UInt64: Float] = [:]
        for t in e.signature.bodyTerms { m[t.key, default: 0] += t.weight }
        for t in e.signature.titleTerms { m[t.key, default: 0] += p.titleBoost * t.weight }
        if p.leadBoost > 0 { for t in e.signature.leadTerms { m[t.key, default: 0] += p.leadBoost * t.weight } }
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(m.count)
        // Key order, so term ids (and with them the order of every float sum) do not depend on
        // dictionary order, which changes from process to process.
        for k in m.keys.sorted() { pairs.append((termID(k), Float(termWeight(Double(max(1, m[k]!)))))) }
        pairs.sort { $0.0 < $1.0 }
        var ents: [Int32] = []
        for name in e.signature.entities where ents.count < p.maxEntities {
            let id = entityID(name)
            if !ents.contains(id) { ents.append(id) }
        }
        let slot: Int32
        if let f = free.popLast() { slot = f } else {
            slot = Int32(docs.count)
            docs.append(nil)
        }
        // The copy check needs only shingles and entities; the terms live in `terms`/`tf`, and
        // the entities' kinds are the clusterer's (an array per article kept for nothing).
        var slim = e.signature
        slim.titleTerms = []
        slim.bodyTerms = []
        slim.leadTerms = []
        slim.entityKinds = []
        let doc = RelatedDoc(seq: e.seq, time: e.published.timeIntervalSince1970, source: e.source,
                             storyID: e.storyID, duplicateOf: e.duplicateOf, alsoDuplicateOf: e.alsoDuplicateOf, signature: slim,
                             terms: pairs.map(\.0), tf: pairs.map(\.1), entities: ents)
        docs[Int(slot)] = doc
        slotOf[e.seq] = slot
        for (t, _) in pairs { termDF[Int(t)] += 1 }
        for id in ents {
            entityDF[Int(id)] += 1
            entityPostings[Int(id)].append(slot)
        }
        var norm = 0.0
        for (t, w) in pairs {
            let x = Double(w) * termIDFValue(termDF[Int(t)])
            norm += x * x
        }
        let inv = norm > 0 ? 1 / norm.squareRoot() : 0
        for (t, w) in pairs {
            postings[Int(t)].append(Posting(slot: slot, weight: Float(Double(w) * inv)))
        }
        if let s = e.storyID { storyMembers[s, default: []].append(slot) }
    }

    mutating func remove(_ seq: Int64) {
        guard let slot = slotOf.removeValue(forKey: seq), let d = docs[Int(slot)] else { return }
        for t in d.terms {
            termDF[Int(t)] -= 1
            postings[Int(t)].removeAll { $0.slot == slot }
        }
        for id in d.entities {
            entityDF[Int(id)] -= 1
            entityPostings[Int(id)].removeAll { $0 == slot }
        }
        if let s = d.storyID {
            storyMembers[s]?.removeAll { $0 == slot }
            if storyMembers[s]?.isEmpty == true { storyMembers[s] = nil }
        }
        docs[Int(slot)] = nil
        free.append(slot)
    }

    // MARK: scoring

    /// Term cosine (tf-idf, current document frequencies) of two documents.
    func cosine(_ a: RelatedDoc, _ b: RelatedDoc) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        var i = 0, j = 0
        let at = a.terms, bt = b.terms
        while i < at.count || j < bt.count {
            if j >= bt.count || (i < at.count && at[i] < bt[j]) {
                let x = Double(a.tf[i]) * termIDF[Int(at[i])]
                na += x * x
                i += 1
            } else if i >= at.count || bt[j] < at[i] {
                let y = Double(b.tf[j]) * termIDF[Int(bt[j])]
                nb += y * y
                j += 1
            } else {
                let f = termIDF[Int(at[i])]
                let x = Double(a.tf[i]) * f, y = Double(b.tf[j]) * f
                na += x * x
                nb += y * y
                dot += x * y
                i += 1
                j += 1
            }
        }
        return na > 0 && nb > 0 ? min(1, dot / (na * nb).squareRoot()) : 0
    }

    /// Overlap of the two entity lists in [0, 1]: a salience-weighted cosine (weight 1/√(rank+1))
    /// in which each shared entity counts by its specificity, (idf / idf of a one-article entity)^power.
    /// nil when neither article names an entity (or, unless `entityOneSided`, when only one does).
    ///
    /// Why: a long article names many entities, and what matters is whether the ones it is mostly
    /// about are the other's too (روسيا، أمريكا); but sharing only the corpus's most common entity
    /// (مصر in an Egyptian feed) says little, so specificity scales each shared entity.
    func entityOverlap(_ a: RelatedDoc, _ b: RelatedDoc) -> Double? {
        if a.entities.isEmpty && b.entities.isEmpty { return nil }
        if a.entities.isEmpty || b.entities.isEmpty { return p.entityOneSided ? 0 : nil }
        let maxIDF = idf(1)
        var dot = 0.0, na = 0.0, nb = 0.0
        for (i, e) in a.entities.enumerated() {
            let x = 1 / Double(i + 1).squareRoot()
            na += x * x
            if let j = b.entities.firstIndex(of: e) {
                let spec = maxIDF > 0 ? pow(min(1, max(0, entityIDF[Int(e)] / maxIDF)), p.entitySpecificityPower) : 1
                dot += x / Double(j + 1).squareRoot() * spec
            }
        }
        for j in 0..<b.entities.count { nb += 1 / Double(j + 1) }
        return na > 0 && nb > 0 ? min(1, dot / (na * nb).squareRoot()) : 0
    }

    func content(_ a: RelatedDoc, _ b: RelatedDoc) -> Double {
        if a.seq == b.seq { return 1 }
        return combine(cosine(a, b), entityOverlap(a, b), a, b)
    }

    /// Content score from its parts: term cosine and entity overlap mixed; without entity evidence,
    /// the term cosine alone; with entities on both sides but none shared, damped.
    ///
    /// Why the weight depends on length: the cosine between a headline-only item and a full article
    /// is near 0 whatever their relation (a few words against hundreds), so for a short text the
    /// entities carry most of the evidence; between two full texts the words do.
    func combine(_ cos: Double, _ ent: Double?, _ a: RelatedDoc, _ b: RelatedDoc) -> Double {
        if a.entities.isEmpty && b.entities.isEmpty { return cos }
        let w = min(a.terms.count, b.terms.count) < p.shortTextTerms ? p.shortTextEntityWeight : p.entityWeight
        guard let ent else { return (1 - w) * cos }   // entities on one side only: no evidence either way
        let s = (1 - w) * cos + w * ent
        if ent > 0 { return s }
        // No shared entity: damped, less so as the texts themselves agree (a strong textual match
        // outweighs a tagger that named the same actor differently, e.g. a president and his country).
        let trust = p.trustedCosine > 0 ? min(1, cos / p.trustedCosine) : 0
        return s * (p.noSharedEntityFactor + (1 - p.noSharedEntityFactor) * trust)
    }

    func recency(_ a: RelatedDoc, _ b: RelatedDoc) -> Double {
        pow(0.5, abs(a.time - b.time) / p.halfLife)
    }

    /// The recency factor a pair is listed by at least (`RelatedParameters.listedHalfLife`).
    func listedRecency(_ a: RelatedDoc, _ b: RelatedDoc) -> Double {
        min(0.5, pow(0.5, abs(a.time - b.time) / p.listedHalfLife))
    }

    func isCopy(_ a: RelatedDoc, _ b: RelatedDoc, cosine: Double) -> Bool {
        if a.duplicateOf == b.seq || b.duplicateOf == a.seq { return true }
        if let x = a.duplicateOf, x == b.duplicateOf { return true }
        if !a.alsoDuplicateOf.isEmpty || !b.alsoDuplicateOf.isEmpty {
            // A bundle copies several primaries: linked to each, and to their other copies.
            if a.alsoDuplicateOf.contains(b.seq) || b.alsoDuplicateOf.contains(a.seq) { return true }
            let pa = a.alsoDuplicateOf + [a.duplicateOf].compactMap { $0 }
            let pb = b.alsoDuplicateOf + [b.duplicateOf].compactMap { $0 }
            if pa.contains(where: pb.contains) { return true }
        }
        if cosine < 0.3 { return false }
        return p.nearDuplicate.isNearDuplicate(a.signature, b.signature, termCosine: { cosine })
    }

    func related(to seq: Int64, limit: Int, notAfter: Date? = nil) -> RelatedList? {
        guard let qs = slotOf[seq], let q = docs[Int(qs)] else { return nil }
        // publication times are whole seconds: compared with the bound's second
        let bound = notAfter.map { $0.timeIntervalSince1970.rounded(.down) } ?? .infinity

        // Query terms: the best by tf·idf among terms some other document has.
        var qterms: [(Int32, Double)] = []
        qterms.reserveCapacity(q.terms.count)
        var qnorm = 0.0
        for (i, t) in q.terms.enumerated() {
            let df = termDF[Int(t)]
            let w = Double(q.tf[i]) * termIDF[Int(t)]
            qnorm += w * w
            if df >= 2 && (slotOf.count < p.minDocsForDFCap || Double(df) <= p.maxDocFrequency * n) {
                qterms.append((t, w))
            }
        }
        qterms.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if qterms.count > p.maxQueryTerms { qterms.removeLast(qterms.count - p.maxQueryTerms) }
        let qinv = qnorm > 0 ? 1 / qnorm.squareRoot() : 0

        var acc = [Float](repeating: 0, count: docs.count)
        var touched: [Int32] = []
        for (t, w) in qterms {
            let f = Float(w * qinv)
            for ps in postings[Int(t)] {
                let s = Int(ps.slot)
                if acc[s] == 0 { touched.append(ps.slot) }
                acc[s] += f * ps.weight
            }
        }
        if !q.entities.isEmpty && q.terms.count < p.shortTextTerms {
            // A headline-only article shares few words with anything, so its entities make
            // candidates too (the latest postings of each: the list is in insertion order).
            var total = 0.0
            for e in q.entities { total += entityIDF[Int(e)] }
            for e in q.entities.prefix(p.maxQueryEntities) where entityDF[Int(e)] >= 2 {
                let bonus = Float(p.shortTextEntityWeight * entityIDF[Int(e)] / max(total, 1e-9))
                for s in entityPostings[Int(e)].suffix(p.maxEntityPostings) {
                    if acc[Int(s)] == 0 { touched.append(s) }
                    acc[Int(s)] += bonus
                }
            }
        }

        // Top candidates by the approximate score (bounded min-heap; ties by slot).
        var heap = MinHeap(capacity: p.candidates)
        for s in touched where s != qs { heap.offer(acc[Int(s)], s) }

        struct Hit { var seq: Int64; var score: Double; var group: Int64; var story: Int64?; var content: Double; var recency: Double }
        var bestPerGroup: [Int64: Hit] = [:]
        for s in heap.slots {
            // a candidate past the bound takes a place among the candidates (they are few: the
            // bound leaves out misdated articles) but is never listed
            guard let d = docs[Int(s)], d.time <= bound else { continue }
            if let st = q.storyID, d.storyID == st { continue }
            let cos = cosine(q, d)
            if isCopy(q, d, cosine: cos) { continue }
            let content = combine(cos, entityOverlap(q, d), q, d), rec = recency(q, d)
            if content * max(rec, listedRecency(q, d)) < p.threshold { continue }
            let score = content * rec
            // One per story; a story-less article is its own group, and copies share their primary's.
            let group = d.storyID.map { $0 << 1 } ?? (((d.duplicateOf ?? d.seq) << 1) | 1)
            if let h = bestPerGroup[group], h.score > score || (h.score == score && h.seq < d.seq) { continue }
            bestPerGroup[group] = Hit(seq: d.seq, score: score, group: group, story: d.storyID, content: content, recency: rec)
        }
        let listed = bestPerGroup.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.seq < $1.seq }
            .prefix(max(0, limit))
        let similar = listed.map { ScoredArticle(seq: $0.seq, score: $0.score) }
        func pick(_ h: Hit) -> Double { h.content * pow(h.recency, p.readAlsoRecencyPower) }
        let readAlso = listed.filter { $0.content >= p.readAlsoMinContent }
            .max { pick($0) != pick($1) ? pick($0) < pick($1) : $0.seq > $1.seq }
            .map { ScoredArticle(seq: $0.seq, score: $0.score) }

        var sameStory: [ScoredArticle] = []
        if let st = q.storyID, let members = storyMembers[st] {
            var bestPerSource: [String: ScoredArticle] = [:]
            for s in members where s != qs {
                guard let d = docs[Int(s)], d.source != q.source, d.time <= bound else { continue }
                let cos = cosine(q, d)
                if isCopy(q, d, cosine: cos) { continue }
                // the clusterer's members, held to the similar list's floor: a member whose text
                // shares little with this one (a country, a few words) is no version of it
                let score = content(q, d)
                if score < p.threshold { continue }
                if let b = bestPerSource[d.source], b.score > score || (b.score == score && b.seq < d.seq) { continue }
                bestPerSource[d.source] = ScoredArticle(seq: d.seq, score: score)
            }
            sameStory = bestPerSource.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.seq < $1.seq }
        }
        return RelatedList(readAlso: readAlso, similar: Array(similar), sameStory: sameStory)
    }
}

/// A bounded min-heap keeping the `capacity` largest scores (ties: smaller slot wins).
struct MinHeap {
    let capacity: Int
    var keys: [Float] = []
    var slots: [Int32] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        keys.reserveCapacity(self.capacity)
        slots.reserveCapacity(self.capacity)
    }

    /// a ranks below b.
    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] != keys[j] ? keys[i] < keys[j] : slots[i] > slots[j]
    }

    mutating func offer(_ key: Float, _ slot: Int32) {
        if keys.count < capacity {
            keys.append(key)
            slots.append(slot)
            var i = keys.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if less(i, parent) { swapAt(i, parent); i = parent } else { break }
            }
            return
        }
        if key < keys[0] || (key == keys[0] && slot > slots[0]) { return }
        keys[0] = key
        slots[0] = slot
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < keys.count && less(l, m) { m = l }
            if r < keys.count && less(r, m) { m = r }
            if m == i { break }
            swapAt(i, m)
            i = m
        }
    }

    mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        slots.swapAt(i, j)
    }
}
