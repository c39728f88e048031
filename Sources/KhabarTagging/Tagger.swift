import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an article into canonical entity mentions, 3–7 tags (كلمات دلالية), key phrases and an
/// attribution chain. The front door of the tagging stage; a value, safe to share.
public struct Tagger: Sendable {
    public let gazetteer: Gazetteer
    public let analyzer: Analyzer
    /// Weights of the key-phrase scorer.
    public var keyPhraseOptions = KeyPhraseOptions()

    public init(gazetteer: Gazetteer = .standard, analyzer: Analyzer = .standard) {
        self.gazetteer = gazetteer
        self.analyzer = analyzer
    }

    var matcher: Matcher { Matcher(gazetteer: gazetteer) }

    // MARK: mentions

    /// Every entity named in `text`, in order, with UTF-8 offsets into `text`.
    public func mentions(in text: String) -> [EntityMention] {
        resolvedMentions(text, analyzer.tokenize(text)).map(\.mention)
    }

    func resolvedMentions(_ text: String, _ tokens: [Token]) -> [ResolvedMention] {
        if tokens.isEmpty { return [] }
        let m = matcher
        return withTextBytes(text) { bytes in
            m.resolve(m.rawMatches(tokens, bytes), tokens, bytes)
        }
    }

    // MARK: tags

    /// 3–7 tags: entities ranked by salience, then (only when fewer than three entities qualify)
    /// at most two key phrases. Analyzes title and body itself.
    public func tags(title: String, body: String, statistics: TermStatistics?) -> [Tag] {
        tags(title: title, body: body, titleAnalysis: analyzer.analyze(title),
             bodyAnalysis: analyzer.analyze(body), statistics: statistics)
    }

    /// The same, reusing the analyses the pipeline already made with this tagger's analyzer.
    ///
    /// An entity qualifies when it is in the title or the lead, or named at least twice. Fewer
    /// than three qualify: up to two key phrases (not overlapping an entity mention) are added,
    /// then the other entities, so an article gets three tags whenever its text has three.
    public func tags(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis,
                     statistics: TermStatistics?) -> [Tag] {
        let titleMentions = resolvedMentions(title, titleAnalysis.tokens)
        let bodyMentions = resolvedMentions(body, bodyAnalysis.tokens)
        let layout = BodyLayout(body, bodyAnalysis.tokens)
        let ranked = rankEntities(layout, titleMentions, bodyMentions)

        var out: [Tag] = []
        for r in ranked where r.qualifies && out.count < 7 { out.append(r.tag) }
        if out.count < 3 {
            // Key phrases only now: most articles name three entities and never pay for them.
            var doc = Document(title: title, body: body, titleAnalysis: titleAnalysis,
                               bodyAnalysis: bodyAnalysis, gazetteer: gazetteer)
            doc.mask(titleMentions, inTitle: true)
            doc.mask(bodyMentions, inTitle: false)
            var taken = Set(out.map { ArabicNormalizer.normalize($0.name) })
            var added = 0
            for p in rankedPhrases(doc, statistics: statistics, limit: 2)
            where added < 2 && out.count < 7 && taken.insert(ArabicNormalizer.normalize(p.display)).inserted {
                out.append(Tag(name: p.display, slug: Self.slug(p.display), type: "keyphrase",
                               score: (p.score * 1000).rounded() / 1000))
                added += 1
            }
        }
        if out.count < 3 {
            for r in ranked where !r.qualifies && out.count < 3 { out.append(r.tag) }
        }
        return out
    }

    /// The top key phrases as written in the text (title first), for evaluation and for tags.
    public func keyPhrases(title: String, body: String, statistics: TermStatistics?, limit: Int) -> [String] {
        let doc = Document(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                           bodyAnalysis: analyzer.analyze(body), gazetteer: gazetteer)
        return rankedPhrases(doc, statistics: statistics, limit: limit).map(\.display)
    }

    /// The stemmed 1–3-grams of an article, the terms `TermStatistics` counts (stems joined by
    /// one space).
    public func documentTerms(title: String, body: String) -> Set<String> {
        let doc = Document(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                           bodyAnalysis: analyzer.analyze(body), gazetteer: gazetteer)
        var out = Set<String>()
        doc.forEachNGram(maxLength: keyPhraseOptions.maxLength) { _, i, n in
            out.insert(doc.stems(i, n).joined(separator: " "))
        }
        return out
    }

    /// `documentTerms` as the keys `TermStatistics` stores (no strings built).
    public func documentTermKeys(title: String, body: String) -> Set<UInt64> {
        let doc = Document(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                           bodyAnalysis: analyzer.analyze(body), gazetteer: gazetteer)
        var out = Set<UInt64>()
        doc.forEachNGram(maxLength: keyPhraseOptions.maxLength) { key, _, _ in out.insert(key) }
        return out
    }

    /// A key phrase's slug: normalized, runs of anything but letters and digits as one "-".
    public static func slug(_ phrase: String) -> String {
        var out = ""
        var dash = false
        for s in ArabicNormalizer.normalize(phrase).unicodeScalars {
            if s.properties.isAlphabetic || (s.value >= 0x30 && s.value <= 0x39) {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(s)
            } else {
                dash = true
            }
        }
        return out
    }

    // MARK: entity salience

    struct RankedEntity {
        var tag: Tag
        var qualifies: Bool
    }

    /// Salience per tag target: title (3, once) > lead (1.5, once) > body frequency (log₂) and
    /// spread over the body's parts. Capitals count for their country; other places, people and
    /// organizations also lend 0.3 of each mention to their country; outlets count only in the
    /// title (a credited agency is not what the story is about).
    func rankEntities(_ layout: BodyLayout, _ titleMentions: [ResolvedMention],
                      _ bodyMentions: [ResolvedMention]) -> [RankedEntity] {
        struct Acc {
            var entity: Int
            var title = 0.0, lead = 0.0, body = 0.0
            var parts: UInt64 = 0
            var first = Int.max
        }
        let index = gazetteer.index
        let countryOf = index.countryIndex, types = index.types
        var acc: [Acc] = []
        acc.reserveCapacity(16)
        @inline(__always) func slot(_ acc: inout [Acc], _ e: Int) -> Int {
            for k in acc.indices where acc[k].entity == e { return k }
            acc.append(Acc(entity: e))
            return acc.count - 1
        }
        for pass in 0..<2 {
            let list = pass == 0 ? titleMentions : bodyMentions
            for (order, m) in list.enumerated() {
                let type = types[m.entity]
                if pass == 1 && type == .outlet { continue }
                let country = Int(countryOf[m.entity])
                var target = m.entity
                var lend = -1                           // country that gets 0.3
                if index.isCapital[m.entity] && country >= 0 { target = country }
                else if type != .country && country >= 0 { lend = country }
                let part = pass == 1 ? layout.part(ofByte: m.mention.start) : 0
                let inLead = pass == 1 && m.mention.start < layout.leadEnd
                for step in 0..<2 {
                    let t = step == 0 ? target : lend
                    if t < 0 { continue }
                    let w = step == 0 ? 1.0 : 0.3
                    let k = slot(&acc, t)
                    if pass == 0 {
                        acc[k].title += w
                        acc[k].first = min(acc[k].first, order)
                    } else {
                        acc[k].body += w
                        if inLead { acc[k].lead += w }
                        if w >= 1 { acc[k].parts |= 1 << UInt64(min(part, 63)) }
                        acc[k].first = min(acc[k].first, 1000 + m.firstToken)
                    }
                }
            }
        }
        let partCount = Double(max(1, min(layout.partStarts.count, 64)))
        var out: [(RankedEntity, Int)] = []
        out.reserveCapacity(acc.count)
        for a in acc {
            let type = types[a.entity]
            if type == .outlet && a.title == 0 { continue }
            var s = 0.0
            if a.title > 0 { s += 3 + log2(max(a.title, 1)) * 0.5 }
            if a.lead > 0 { s += 1.5 }
            s += log2(1 + a.body)
            s += Double(a.parts.nonzeroBitCount) / partCount
            let qualifies = a.title >= 1 || a.lead >= 1 || a.body >= 2
            let tag = Tag(name: index.names[a.entity], slug: index.ids[a.entity], type: type.rawValue,
                          score: (s * 1000).rounded() / 1000)
            out.append((RankedEntity(tag: tag, qualifies: qualifies), a.first))
        }
        out.sort { $0.0.tag.score != $1.0.tag.score ? $0.0.tag.score > $1.0.tag.score : $0.1 < $1.1 }
        return out.map(\.0)
    }

    // MARK: key phrases

    struct Phrase {
        var display: String
        var score: Double
        var first: Int
        var count: Int
    }

    /// TF-IDF over the stemmed 1–3-grams of the document (see `KeyPhraseOptions`); a phrase
    /// that contains, or sits inside, one already chosen is skipped.
    func rankedPhrases(_ doc: Document, statistics: TermStatistics?, limit: Int) -> [Phrase] {
        let o = keyPhraseOptions
        var table = NGramTable(capacity: doc.words.count * o.maxLength)
        doc.forEachNGram(maxLength: o.maxLength) { key, i, n in
            table.add(key, first: i, length: n, inTitle: doc.words[i].inTitle, titleWeight: o.titleWeight)
        }
        let docs = Double(statistics?.documentCount ?? 0)
        let total = Double(max(1, doc.bodyWordCount))
        var scored: [(score: Double, slot: Int)] = []
        scored.reserveCapacity(table.count)
        for slot in table.occupied {
            let c = table.entries[slot]
            if c.length > 1 && Int(c.count) < o.minRepeatsForPhrase && !c.inTitle { continue }
            var idf = 1.0
            if let st = statistics, docs > 0 {
                idf = log((docs + 1) / (Double(st.documentFrequency(key: table.keys[slot])) + 1)) + 1
            }
            let w = doc.words[Int(c.first)]
            let pos = w.inTitle ? 0 : Double(w.bodyIndex) / total
            let len = c.length == 1 ? 1 : (c.length == 2 ? o.bigramWeight : o.trigramWeight)
            let s = (1 + log(c.tf)) * (o.idfPower == 1 ? idf : pow(idf, o.idfPower)) * len
                * (1 + o.positionWeight * (1 - pos))
            scored.append((s, slot))
        }
        // Repeated best-first extraction: only a handful of phrases are ever needed.
        var out: [Phrase] = []
        var chosen: [(Int, Int)] = []   // (first word, length) of chosen phrases
        while out.count < limit, !scored.isEmpty {
            var best = 0
            for k in 1..<scored.count {
                let a = scored[k], b = scored[best]
                if a.score > b.score || (a.score == b.score
                    && table.entries[a.slot].first < table.entries[b.slot].first) { best = k }
            }
            scored.swapAt(best, scored.count - 1)
            let pick = scored.removeLast()
            let c = table.entries[pick.slot]
            let first = Int(c.first), n = Int(c.length)
            if chosen.contains(where: { doc.overlapsByStems(first, n, $0.0, $0.1) }) { continue }
            chosen.append((first, n))
            out.append(Phrase(display: doc.display(from: first, count: n), score: pick.score, first: first, count: n))
        }
        return out
    }
}

/// Weights of the key-phrase scorer: score = (1 + ln tf) · idf^idfPower · length weight ·
/// (1 + positionWeight · (1 − relative position of the first occurrence)), where tf counts a
/// title occurrence `titleWeight` times and idf = ln((N + 1) / (df + 1)) + 1 (1 without
/// statistics). Defaults checked on the AKEC dev set.
public struct KeyPhraseOptions: Sendable {
    public var maxLength = 3
    public var titleWeight = 3.0
    public var bigramWeight = 1.3
    public var trigramWeight = 1.2
    public var positionWeight = 0.5
    public var idfPower = 1.0
    /// Multi-word phrases must occur this often (or be in the title).
    public var minRepeatsForPhrase = 2
    public init() {}
}

// MARK: - term keys

/// Key of a stemmed n-gram: `wordHash` of the first stem's UTF-8, then each further stem's hash
/// folded in. Stable across runs and versions (statistics are persisted).
@inline(__always) func stemHash(_ s: String) -> UInt64 { wordHash(s) }

@inline(__always) func appendTermKey(_ key: UInt64, _ stem: UInt64) -> UInt64 {
    ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) ^ stem
}

/// Per-document n-gram counts, open addressing on the term key.
struct NGramTable {
    struct Entry {
        var tf = 0.0
        var count: Int32 = 0
        var first: Int32 = 0
        var length: Int8 = 0
        var inTitle = false
    }
    var keys: [UInt64]
    var entries: [Entry]
    var used: [Bool]
    var occupied: [Int] = []
    var count: Int { occupied.count }
    let mask: Int

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        entries = [Entry](repeating: Entry(), count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
        occupied.reserveCapacity(capacity)
    }

    mutating func add(_ key: UInt64, first: Int, length: Int, inTitle: Bool, titleWeight: Double) {
        var i = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while used[i] && keys[i] != key { i = (i + 1) & mask }
        if !used[i] {
            used[i] = true
            keys[i] = key
            entries[i] = Entry(tf: 0, count: 0, first: Int32(first), length: Int8(length), inTitle: false)
            occupied.append(i)
        }
        entries[i].tf += inTitle ? titleWeight : 1
        entries[i].count += 1
        if inTitle { entries[i].inTitle = true }
    }
}

// MARK: - body layout

/// Where the body's paragraphs and lead are, in UTF-8 offsets (one scan for newlines).
struct BodyLayout {
    /// Byte offset where each part starts: the paragraphs when there are at least three, else
    /// the thirds of the text.
    var partStarts: [Int] = [0]
    /// Mentions that start before this offset are in the lead: the first paragraph (a short one,
    /// such as a dateline, is joined to the next), at least 12 and at most 60 words.
    var leadEnd = 0

    init(_ body: String, _ tokens: [Token]) {
        var paragraphs: [Int] = []
        let n = body.utf8.count
        withTextBytes(body) { b in
            // paragraph = the first non-blank byte after a line break (memchr finds the breaks)
            var i = 0
            while i < b.n {
                while i < b.n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A) { i += 1 }
                if i >= b.n { break }
                paragraphs.append(i)
                guard let nl = memchr(b.p + i, 0x0A, b.n - i) else { break }
                i = b.p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        if paragraphs.count >= 3 {
            partStarts = paragraphs
        } else if n >= 3 {
            partStarts = [0, n / 3, 2 * n / 3]
        }
        var lead = paragraphs.count > 1 ? paragraphs[1] : n
        if lead - (paragraphs.first ?? 0) < 80, paragraphs.count > 2 { lead = paragraphs[2] }
        if !tokens.isEmpty {
            lead = max(lead, tokens[min(11, tokens.count - 1)].end)
            if tokens.count > 60 { lead = min(lead, tokens[59].end) }
        }
        leadEnd = lead
    }

    func part(ofByte o: Int) -> Int {
        var lo = 0, hi = partStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if partStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

// MARK: - document words

/// Title and body as one sequence of words, with what the key-phrase pass needs per word.
struct Document {
    struct Word {
        var stemIndex: Int32       // index into the field's Analysis.stems; -1: not a phrase word
        var stemKey: UInt64        // stemHash of the stem
        var canStart: Bool         // false for name links (بن)
        var canEnd: Bool           // false for name links and heads (بن، أبو، عبد)
        var inTitle: Bool
        var breakBefore: Bool      // punctuation (or the title/body boundary) before this word
        var start: Int32
        var end: Int32
        var bodyIndex: Int32       // index among body tokens (-1 in the title)
    }

    let title: String
    let body: String
    let titleStems: [String]
    let bodyStems: [String]
    let titleTokens: [Token]
    let bodyTokens: [Token]
    var words: [Word] = []
    var titleWordCount = 0
    var bodyWordCount = 0

    init(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis, gazetteer: Gazetteer) {
        self.title = title
        self.body = body
        titleStems = titleAnalysis.stems
        bodyStems = bodyAnalysis.stems
        titleTokens = titleAnalysis.tokens
        bodyTokens = bodyAnalysis.tokens
        titleWordCount = titleAnalysis.tokens.count
        bodyWordCount = bodyAnalysis.tokens.count
        words.reserveCapacity(titleWordCount + bodyWordCount)
        let hashes = gazetteer.cueHashes
        Self.append(&words, title, titleAnalysis, inTitle: true, hashes)
        Self.append(&words, body, bodyAnalysis, inTitle: false, hashes)
    }

    private static func append(_ words: inout [Word], _ text: String, _ a: Analysis, inTitle: Bool,
                               _ hashes: CueHashes) {
        let tokens = a.tokens, terms = a.terms, stems = a.stems
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { scratch in
            let w = scratch.baseAddress!, other = w + 256
            withTextBytes(text) { bytes in
                var j = 0
                var prevEnd = 0
                for i in tokens.indices {
                    let t = tokens[i]
                    let n = copyUTF8(t.text, w, 256)
                    // Terms are the tokens minus stopwords and single letters, in order; equal texts
                    // have equal status, so a byte comparison realigns them.
                    var isTerm = false
                    if j < terms.count && n >= 0 && terms[j].utf8.count == n {
                        _ = copyUTF8(terms[j], other, 256)
                        isTerm = memcmp(w, other, n) == 0
                    }
                    var h: UInt64 = 0, kind = 1
                    if n > 0 {
                        h = wordHash(w, n)
                        if w[0] >= 0x30 && w[0] <= 0x39 { kind = 0 }
                        else if n > 6 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81) { kind = 2 }
                    }
                    var stemIndex: Int32 = -1
                    var key: UInt64 = 0
                    var canStart = true, canEnd = true
                    if isTerm {
                        let generic = kind == 0 || hashes.generic.contains(h)
                            || (kind == 2 && hashes.generic.contains(wordHash(w + 2, n - 2)))
                        if !generic {
                            stemIndex = Int32(j)
                            let m = copyUTF8(stems[j], other, 256)
                            key = m >= 0 ? wordHash(other, m) : stemHash(stems[j])
                        }
                        j += 1
                    }
                    if hashes.nameLinks.contains(h) || hashes.nameHeads.contains(h) {
                        // a word that only joins or opens a name (بن، أبو): inside phrases only
                        stemIndex = isTerm ? Int32(j - 1) : -2
                        key = h
                        canEnd = false
                        canStart = !hashes.nameLinks.contains(h)
                    }
                    var brk = i == 0
                    if i > 0 {
                        var k = prevEnd
                        while k < t.start {
                            let c = bytes[k]
                            if c == 0x20 || c == 0x09 || c == 0x0D { }
                            else if c == 0xC2 && k + 1 < t.start && bytes[k + 1] == 0xA0 { k += 1 }
                            else if c == 0xE2 && k + 2 < t.start && bytes[k + 1] == 0x80 && bytes[k + 2] >= 0x8B && bytes[k + 2] <= 0x8F { k += 2 }
                            else { brk = true }
                            k += 1
                        }
                    }
                    prevEnd = t.end
                    words.append(Word(stemIndex: stemIndex, stemKey: key, canStart: canStart, canEnd: canEnd,
                                      inTitle: inTitle, breakBefore: brk, start: Int32(t.start), end: Int32(t.end),
                                      bodyIndex: inTitle ? -1 : Int32(i)))
                }
            }
        }
    }

    /// Takes the tokens of entity mentions out of the phrase candidates (tags already name them).
    mutating func mask(_ mentions: [ResolvedMention], inTitle: Bool) {
        let offset = inTitle ? 0 : titleWordCount
        for m in mentions {
            for k in m.firstToken..<(m.firstToken + m.tokenCount) where offset + k < words.count {
                words[offset + k].stemIndex = -1
            }
        }
    }

    /// Stems of words i..<i+n (for term strings; a name link stands for itself).
    func stems(_ i: Int, _ n: Int) -> [String] {
        (i..<(i + n)).map { k in
            let w = words[k]
            if w.stemIndex >= 0 { return (w.inTitle ? titleStems : bodyStems)[Int(w.stemIndex)] }
            return w.inTitle ? titleTokens[k].text : bodyTokens[k - titleWordCount].text
        }
    }

    /// Calls `body(key, firstWord, length)` for every run of 1…maxLength phrase words inside
    /// one sentence that neither starts nor ends with a name link.
    func forEachNGram(maxLength: Int, _ body: (UInt64, Int, Int) -> Void) {
        let count = words.count
        words.withUnsafeBufferPointer { w in
            for i in 0..<count {
                guard w[i].stemIndex != -1, w[i].canStart else { continue }
                var key: UInt64 = 0
                var n = 0
                while n < maxLength && i + n < count {
                    let x = w[i + n]
                    guard x.stemIndex != -1, n == 0 || !x.breakBefore else { break }
                    key = n == 0 ? x.stemKey : appendTermKey(key, x.stemKey)
                    n += 1
                    if x.canEnd { body(key, i, n) }
                }
            }
        }
    }

    /// Do the stem sequences of two phrases contain one another?
    func overlapsByStems(_ a: Int, _ na: Int, _ b: Int, _ nb: Int) -> Bool {
        let (long, nl, short, ns) = na >= nb ? (a, na, b, nb) : (b, nb, a, na)
        for s in 0...(nl - ns) {
            var all = true
            for k in 0..<ns where words[long + s + k].stemKey != words[short + k].stemKey { all = false; break }
            if all { return true }
        }
        return false
    }

    /// The phrase as written: harakat, tatweel and controls dropped, spaces collapsed, and a
    /// leading conjunction و / ف dropped when the word is و + ال… (والمكتبات → المكتبات).
    func display(from i: Int, count n: Int) -> String {
        let first = words[i], last = words[i + n - 1]
        let text = first.inTitle ? title : body
        return withTextBytes(text) { bytes in
            var scalars = String.UnicodeScalarView()
            var k = Int(first.start)
            var pendingSpace = false
            while k < Int(last.end) {
                let (v, len) = decode(bytes, k)
                k += len
                if isMarkOrControl(v) { continue }
                if v == 0x20 || v == 0x0A || v == 0x09 || v == 0xA0 || v == 0x0D { pendingSpace = true; continue }
                if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                if let s = Unicode.Scalar(v) { scalars.append(s) }
            }
            var s = String(scalars)
            if let f = s.unicodeScalars.first, f == "و" || f == "ف" {
                let rest = s.unicodeScalars.dropFirst()
                let r = String(rest)
                if rest.count >= 4 && (r.hasPrefix("ال") || r.hasPrefix("إل") || r.hasPrefix("أل")) { s = r }
            }
            return s
        }
    }
}
