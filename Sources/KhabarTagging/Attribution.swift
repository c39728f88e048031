import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Attribution: who published the article and whom it credits.
//
// Sources come from three places, all resolved to gazetteer outlets:
// - the byline (`author`): "أبوظبي - سكاي نيوز عربية", "لندن - رويترز", "عكاظ (جدة)", a
//   reporter's name; split on dashes, slashes, brackets and colons, each part read as an outlet,
//   a place (dateline) or a name (correspondent);
// - citations in the body: an outlet right after a citation word or an outlet noun (نقلاً عن
//   وكالة «رويترز»، حسب ما أفادت قناة …، ذكرت صحيفة …), or set off by brackets or a dateline dash
//   ("(واس)"، "بيروت - رويترز")
// - credit lines: a short line made only of outlets and separators ("فرانس24/ أ ف ب").
// Plain mentions of an outlet as the subject of the news ("أغلقت السلطات مكتب الجزيرة") are not
// credits. Chain order: the original source first. In one sentence an outlet introduced by a
// relay word (نقلاً عن، عن) is the source of the outlet cited before it; in a credit line the
// later outlet is the source of the earlier ("فرانس24/ أ ف ب": AFP → France 24). Then the byline,
// then the publishing outlet.

extension Tagger {
    /// The outlet (`outlet`, e.g. a feed's source name, or the body's "المصدر:" line), the
    /// byline (`author`) and the credits in the body, as one ordered chain.
    public func attribution(outlet: String?, author: String?, body: String) -> Attribution {
        let (tokens, keys) = analyzer.keyedTokens(body)
        return attribution(outlet: outlet, author: author, body: body, bodyTokens: tokens, keys: keys)
    }

    /// The same, reusing the body's analysis.
    public func attribution(outlet: String?, author: String?, body: String, bodyAnalysis: Analysis) -> Attribution {
        attribution(outlet: outlet, author: author, body: body, bodyTokens: bodyAnalysis.tokens, keys: bodyAnalysis.keys)
    }

    /// `keys`: the tokens' `WordKey`s (`Analysis.keys`).
    func attribution(outlet: String?, author: String?, body: String, bodyTokens tokens: [Token],
                     keys: [UInt64]) -> Attribution {
        var outletName = outlet.map { Self.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if outletName == nil { outletName = sourceLine(in: body) }
        var outletEntity: Entity? = nil
        let memo = TaggingMemo.current
        memo.attribution(for: gazetteer.compiled)
        memo.trim()
        if let o = outletName, let i = memoOutlet(o, memo) {
            let e = gazetteer.entities[i]
            outletEntity = e
            outletName = e.name
        }
        var result = Attribution(outlet: outletName, credits: [])

        let m = matcher
        let (cited, head) = withTextBytes(body) { bytes -> ([Credit], [ResolvedMention]) in
            let raws = memo.bodyMatches(m, tokens, keys, bytes)
            // the first few mentions are enough to find a dateline (which needs one at token 0)
            let head = raws.first?.firstToken == 0 ? m.resolve(Array(raws.prefix(6)), tokens, bytes) : []
            return (Self.bodyCredits(m, tokens, raws, bytes), head)
        }
        var chain = cited
        var byline: [Credit] = []
        if let a = author {
            let parsed: (sources: [Credit], byline: [Credit])
            // a feed repeats one byline article after article: the last answer, compared by bytes
            if let last = memo.lastByline, last.outletID == outletEntity?.id, sameBytes(last.author, a) {
                parsed = last.parsed
            } else {
                let key = (outletEntity?.id ?? "") + "\u{1}" + a
                // Byte-identical keys first (hashing bytes is cheap; the String-keyed dictionary
                // normalizes Arabic on every hash); it only remembers what the dictionary answered.
                let fastKey = ByteKey(key)
                if let p = memo.bylinesByBytes[fastKey] {
                    parsed = p
                } else if let p = memo.bylines[key] {
                    parsed = p
                    memo.bylinesByBytes[fastKey] = p
                } else {
                    var s: [Credit] = [], b: [Credit] = []
                    parseByline(a, outlet: outletEntity, sources: &s, byline: &b)
                    parsed = (s, b)
                    memo.bylines[key] = parsed
                    memo.bylinesByBytes[fastKey] = parsed
                }
                memo.lastByline = (outletEntity?.id, a, parsed)
            }
            for c in parsed.sources where !chain.contains(where: { $0.entityID == c.entityID }) { chain.append(c) }
            byline = parsed.byline
        }
        // a dateline at the head of the body ("بيروت (رويترز) -") when the byline gave none
        if !byline.contains(where: { $0.role == "dateline" }), datelineCount(head, body) > 0, let d = head.first {
            byline.append(Credit(name: d.mention.name, entityID: d.mention.entityID, role: "dateline"))
        }

        var seen: [String] = []          // a handful of ids: a scan beats hashing
        if let e = outletEntity { seen.append(e.id) }
        for c in chain {
            if let id = c.entityID {
                if seen.contains(id) { continue }
                seen.append(id)
            }
            if memoNames(c, outletEntity, memo) { continue }      // "الوطن" quoted in الوطن السعودية
            result.credits.append(c)
        }
        var seenByline: [String] = []    // a few entries: a scan beats hashing Arabic
        for c in byline {
            let k = c.role + "|" + c.name
            if seenByline.contains(k) { continue }
            seenByline.append(k)
            result.credits.append(c)
        }
        if let o = outletName {
            result.credits.append(Credit(name: o, entityID: outletEntity?.id, role: "outlet"))
        }
        return result
    }

    /// `names(c.name, outlet)`, remembered per (credited entity, outlet) for credits of an entity
    /// (whose name is the entity's name).
    func memoNames(_ c: Credit, _ outlet: Entity?, _ memo: TaggingMemo) -> Bool {
        guard let o = outlet else { return false }
        guard let id = c.entityID else { return names(c.name, o) }
        if let r = memo.names[o.id]?[id] { return r }      // ids are short ASCII: cheap to hash
        let r = names(c.name, o)
        memo.names[o.id, default: [:]][id] = r
        return r
    }

    /// `findOutletIndex(in: name)` (nil for none), remembered per thread as an index (an `Entity`
    /// copied in and out of the memo cost a dozen retains and releases).
    func memoOutlet(_ name: String, _ memo: TaggingMemo) -> Int? {
        @inline(__always) func answer(_ e: Int32) -> Int? { e >= 0 ? Int(e) : nil }
        // a feed gives the same few source names article after article
        for k in memo.recentOutlets.indices where sameBytes(memo.recentOutlets[k].name, name) {
            return answer(memo.recentOutlets[k].entity)
        }
        let e: Int32
        let key = ByteKey(name)
        if let m = memo.outlets[key] {
            e = m
        } else {
            e = findOutletIndex(in: name)
            memo.outlets[key] = e
        }
        if memo.recentOutlets.count == 8 { memo.recentOutlets.removeFirst() }
        memo.recentOutlets.append((name, e))
        return answer(e)
    }

    /// `GazetteerParser.trim`, without building anything when there is nothing to trim.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let f = u.first, let l = u.last else { return s }
        @inline(__always) func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        if !blank(f) && !blank(l) { return s }
        return GazetteerParser.trim(s)
    }

    /// The outlet named by a short string ("Sky News Arabia", "الوطن", "وكالة رويترز"), as an
    /// index into the gazetteer's entities; -1 for none.
    func findOutletIndex(in name: String) -> Int32 {
        let (tokens, keys) = analyzer.keyedTokens(name)
        if tokens.isEmpty { return -1 }
        let m = matcher
        let entities = gazetteer.entities
        return withTextBytes(name) { bytes in
            let raws = m.rawMatches(tokens, keys, bytes)
            for r in raws.sorted(by: { $0.tokenCount > $1.tokenCount }) {
                if let c = r.candidates.first(where: { entities[Int($0.entity)].type == .outlet }) {
                    return c.entity
                }
            }
            return -1
        }
    }

    /// "المصدر: الوطن" on a line of its own, when the caller gave no outlet.
    func sourceLine(in body: String) -> String? {
        for line in body.split(separator: "\n") {
            let t = GazetteerParser.trim(line)
            guard t.hasPrefix("المصدر") else { continue }
            let rest = t.dropFirst("المصدر".count)
            guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }),
                  rest[..<colon].allSatisfy({ $0 == " " }) else { continue }
            let name = GazetteerParser.trim(rest[rest.index(after: colon)...])
            if !name.isEmpty && name.count <= 60 { return name }
        }
        return nil
    }

    // MARK: body

    struct CitedOutlet {
        var entity: Int           // index into the gazetteer's entities
        var sentence: Int
        var relay: Bool
    }

    /// The outlets the body credits (`m`: this tagger's matcher). Static: the caller runs it in a
    /// closure, and a closure that uses `self` copies the tagger (a dozen retains and releases).
    static func bodyCredits(_ m: Matcher, _ tokens: [Token], _ raws: [RawMatch], _ bytes: TextBytes) -> [Credit] {
        if tokens.isEmpty { return [] }
        let index = m.index
        let cues = m.compiled.cues
        let cited: [CitedOutlet] = {
            // outlet matches: (raw, its first outlet candidate), flagged when matched
            var outletRaws: [(RawMatch, Candidate)] = []
            for r in raws where r.outlet >= 0 { outletRaws.append((r, r.candidates[Int(r.outlet)])) }
            if outletRaws.isEmpty { return [] }
            // Lines and sentences are found around each outlet match only (no per-token pass over
            // the whole body): a line break is a newline in the gap between two tokens, a sentence
            // break a hard break there. A line is named by its first token, a sentence likewise.
            let n = tokens.count
            return tokens.withUnsafeBufferPointer { t -> [CitedOutlet] in
                @inline(__always) func breakBefore(_ k: Int) -> Bool {
                    let a = t[k - 1].end, b = t[k].start
                    return b > a && (b > a + 1 || bytes[a] != 0x20) && m.hardBreak(bytes, a, b)
                }
                // A newline never falls inside a token, so the line of token i runs from the first
                // token after the last newline before it to the last token before the next one.
                var newlines: [Int] = []
                var at = 0
                while at < bytes.n, let q = memchr(bytes.p + at, 0x0A, bytes.n - at) {
                    let o = bytes.p.distance(to: q.assumingMemoryBound(to: UInt8.self))
                    newlines.append(o)
                    at = o + 1
                }
                /// The first index in `lo..<hi` where `pred` holds (it holds from there on), or hi.
                @inline(__always) func partition(_ lo: Int, _ hi: Int, _ pred: (Int) -> Bool) -> Int {
                    var lo = lo, hi = hi
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if pred(mid) { hi = mid } else { lo = mid + 1 }
                    }
                    return lo
                }
                /// First token of the line of token i, and the line's token count capped at 13.
                func line(_ i: Int) -> (start: Int, count: Int) {
                    let start = t[i].start
                    let k = partition(0, newlines.count) { newlines[$0] > start }   // newlines after the token
                    let before = k > 0 ? newlines[k - 1] : -1
                    let after = k < newlines.count ? newlines[k] : Int.max
                    let s = partition(0, i + 1) { t[$0].start > before }
                    let e = partition(i + 1, n) { t[$0].start > after }
                    return (s, min(e - s, 13))
                }
                func sentenceStart(_ i: Int) -> Int {
                    var s = i
                    while s > 0 && !breakBefore(s) { s -= 1 }
                    return s
                }
                var lines: [(start: Int, count: Int)] = []
                lines.reserveCapacity(outletRaws.count)
                for (r, _) in outletRaws { lines.append(line(r.firstToken)) }
                // tokens of each short line covered by outlet matches or cue words (credit-line test)
                // (appended, not `[Int](repeating:count:)`: see `reservedArray`)
                var covered = reservedArray(of: Int.self, lines.count)
                for (x, lx) in lines.enumerated() {
                    guard lx.count <= 12 else { covered.append(0); continue }
                    if let y = lines[..<x].firstIndex(where: { $0.start == lx.start }) { covered.append(covered[y]); continue }
                    var c = 0
                    for (r, _) in outletRaws where r.firstToken >= lx.start && r.firstToken < lx.start + lx.count {
                        c += r.tokenCount
                    }
                    for k in lx.start..<(lx.start + lx.count) {
                        let f = cues.cueFlags(tokens[k].text)
                        if f & (CueFlag.citation | CueFlag.relay | CueFlag.outlet) != 0 || tokens[k].text == "وكالات" { c += 1 }
                    }
                    covered.append(c)
                }
                var out: [CitedOutlet] = []
                var creditLineSeen: [Int] = []
                for (x, (r, c)) in outletRaws.enumerated() {
                    let i = r.firstToken
                    let lx = lines[x]
                    let isCreditLine = lx.count <= 12 && covered[x] >= lx.count
                    var cited = isCreditLine || m.bracketedOutlet(r, tokens, bytes, cues)
                    var relay = false
                    // The words just before, inside the sentence: w0 is the nearest.
                    var back = 0                       // earlier tokens of the same sentence, up to 3
                    while back < 3 && i - back > 0 && !breakBefore(i - back) { back += 1 }
                    @inline(__always) func word(_ k: Int) -> UInt16 {
                        k < back ? cues.cueFlags(tokens[i - 1 - k].text) : 0
                    }
                    let w0 = word(0), w1 = word(1), w2 = word(2)
                    let lamBefore = back > 0 && sameBytes(tokens[i - 1].text, "ل")
                    let citeOrRelay = CueFlag.citation | CueFlag.relay
                    let preposition = m.writtenPreposition(r, tokens, bytes)
                    // (not with ب written onto the name: "موقع بالرياض" is a site in the city)
                    if w0 & CueFlag.outlet != 0 && preposition != Matcher.ba { cited = true }          // وكالة X
                    if w0 & CueFlag.relay != 0 && w1 & citeOrRelay != 0 { cited = true }                // نقلا عن X
                    if !c.strict {   // an everyday noun after a citation word is no outlet ("قال البيان")
                        if w0 & CueFlag.citation != 0 { cited = true }                                  // ذكرت X
                        if lamBefore && w1 & CueFlag.citation != 0 { cited = true }                     // تصريحات لـ X
                        if preposition == Matcher.lam { cited = true }                                  // قال لوكالة X
                    }
                    if (w0 | w1 | w2) & CueFlag.relay != 0 { relay = cited }
                    guard cited else { continue }
                    let e = Int(c.entity)
                    if isCreditLine {
                        // "فرانس24/ أ ف ب": each later outlet of the line is the source of the first
                        let seen = creditLineSeen.contains(lx.start)
                        if !seen { creditLineSeen.append(lx.start) }
                        relay = seen || relay
                        out.append(CitedOutlet(entity: e, sentence: -1 - lx.start, relay: relay))
                    } else {
                        out.append(CitedOutlet(entity: e, sentence: sentenceStart(i), relay: relay))
                    }
                }
                return out
            }
        }()
        // Order: a relayed source goes before the outlet that quoted it, and is marked relayed.
        var chain: [(outlet: CitedOutlet, relayed: Bool)] = []
        for c in cited {
            if chain.contains(where: { $0.outlet.entity == c.entity }) { continue }
            if c.relay, let p = chain.firstIndex(where: { $0.outlet.sentence == c.sentence }) {
                chain.insert((c, true), at: p)
            } else {
                chain.append((c, false))
            }
        }
        return chain.map {
            Credit(name: index.names[$0.outlet.entity], entityID: index.ids[$0.outlet.entity],
                   role: index.kinds[$0.outlet.entity] ?? "outlet", relayed: $0.relayed)
        }
    }


    // MARK: byline

    /// Splits a byline into parts and reads each as an outlet (a cited source), a place
    /// (dateline) or a person's name (correspondent).
    func parseByline(_ author: String, outlet: Entity?, sources: inout [Credit], byline: inout [Credit]) {
        var parts: [String] = []
        var cur = ""
        let separators: Set<Character> = ["-", "–", "—", "ـ", "/", "|", ":", "،", ",", "(", ")", "«", "»", "\"", "“", "”", "[", "]", "\n", "؛", ";"]
        for ch in author {
            if separators.contains(ch) {
                parts.append(cur)
                cur = ""
            } else {
                cur.append(ch)
            }
        }
        parts.append(cur)
        // "«الاقتصادية» من الرياض": the preposition introduces a dateline
        parts = parts.flatMap { p -> [String] in
            let t = GazetteerParser.trim(p)
            if t.hasPrefix("من ") { return [String(t.dropFirst(3))] }
            return [t]
        }
        let entities = gazetteer.entities
        let m = matcher
        for part in parts.map({ GazetteerParser.trim($0) }) where !part.isEmpty {
            let (tokens, keys) = analyzer.keyedTokens(part)
            if tokens.isEmpty { continue }
            let raws = withTextBytes(part) { m.rawMatches(tokens, keys, $0) }
            let whole = raws.first { $0.tokenCount == tokens.count }
            let outletCandidate = whole?.candidates.first { entities[Int($0.entity)].type == .outlet }
            let placeCandidate = whole?.candidates.first {
                let t = entities[Int($0.entity)].type
                return t == .place || t == .country
            }
            // a place wins over an outlet whose name is only contextual ("الرياض - فيصل الحربي")
            if let c = placeCandidate, outletCandidate == nil || outletCandidate!.contextual {
                let e = entities[Int(c.entity)]
                // a city and its country are one dateline ("طوكيو (اليابان) - فرانس برس"، "السودان -
                // الخرطوم"): the city's
                if let k = byline.lastIndex(where: { $0.role == "dateline" }), let previous = byline[k].entityID {
                    if e.type == .country && gazetteer.entity(id: previous)?.country == e.id { continue }
                    if e.type == .place && e.country == previous { byline[k] = Credit(name: e.name, entityID: e.id, role: "dateline"); continue }
                }
                byline.append(Credit(name: e.name, entityID: e.id, role: "dateline"))
                continue
            }
            if names(part, outlet) { continue }             // the publisher itself ("عكاظ (جدة)")
            if let c = outletCandidate {
                let e = entities[Int(c.entity)]
                if !sources.contains(where: { $0.entityID == e.id }) {
                    sources.append(Credit(name: e.name, entityID: e.id, role: e.kind ?? "outlet"))
                }
                continue
            }
            if looksLikeName(tokens) {
                byline.append(Credit(name: part, entityID: nil, role: "correspondent"))
            }
        }
    }

    /// Does `part` name the publishing outlet: one of its aliases, or the start of one once its
    /// leading outlet noun is dropped ("الجزيرة" for "صحيفة الجزيرة", "الوطن" for "الوطن
    /// السعودية")?
    func names(_ part: String, _ outlet: Entity?) -> Bool {
        guard let o = outlet else { return false }
        let p = analyzer.tokenize(part).map(\.text)
        if p.isEmpty { return false }
        let cues = gazetteer.cueHashes
        for alias in o.aliases {
            var a = analyzer.tokenize(alias).map(\.text)
            if let f = a.first, a.count > 1, cues.cueFlags(f) & CueFlag.outlet != 0 { a.removeFirst() }
            if a.count >= p.count && zip(a.prefix(p.count), p).allSatisfy(sameBytes) { return true }
        }
        return false
    }

    /// Two to five words of letters, none of them a generic word (وكالات، متابعة …).
    func looksLikeName(_ tokens: [Token]) -> Bool {
        guard tokens.count >= 2 && tokens.count <= 5 else { return false }
        let cues = gazetteer.cueHashes
        for t in tokens {
            if t.text.unicodeScalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) { return false }
            if cues.cueFlags(t.text) & CueFlag.generic != 0 || t.text == "وكالات" || t.text == "متابعه"
                || analyzer.isStopword(t.text) { return false }
        }
        return true
    }
}
