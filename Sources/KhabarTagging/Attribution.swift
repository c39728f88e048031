import KhabarArabic

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
        attribution(outlet: outlet, author: author, body: body, bodyTokens: analyzer.tokenize(body))
    }

    /// The same, reusing the body's analysis.
    public func attribution(outlet: String?, author: String?, body: String, bodyAnalysis: Analysis) -> Attribution {
        attribution(outlet: outlet, author: author, body: body, bodyTokens: bodyAnalysis.tokens)
    }

    func attribution(outlet: String?, author: String?, body: String, bodyTokens tokens: [Token]) -> Attribution {
        var outletName = outlet.map { GazetteerParser.trim($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if outletName == nil { outletName = sourceLine(in: body) }
        var outletEntity: Entity? = nil
        let memo = TaggingMemo.current
        memo.trim()
        if let o = outletName, let e = memoOutlet(o, memo) {
            outletEntity = e
            outletName = e.name
        }
        var result = Attribution(outlet: outletName, credits: [])

        let m = matcher
        let (cited, head) = withTextBytes(body) { bytes -> ([Credit], [ResolvedMention]) in
            let raws = memo.bodyMatches(m, tokens, bytes)
            // the first few mentions are enough to find a dateline
            return (bodyCredits(tokens, raws, bytes), m.resolve(Array(raws.prefix(6)), tokens, bytes))
        }
        var chain = cited
        var byline: [Credit] = []
        if let a = author {
            let key = (outletEntity?.id ?? "") + "\u{1}" + a
            let parsed: (sources: [Credit], byline: [Credit])
            if let p = memo.bylines[key] {
                parsed = p
            } else {
                var s: [Credit] = [], b: [Credit] = []
                parseByline(a, outlet: outletEntity, sources: &s, byline: &b)
                parsed = (s, b)
                memo.bylines[key] = parsed
            }
            for c in parsed.sources where !chain.contains(where: { $0.entityID == c.entityID }) { chain.append(c) }
            byline = parsed.byline
        }
        // a dateline at the head of the body ("بيروت (رويترز) -") when the byline gave none
        if !byline.contains(where: { $0.role == "dateline" }), datelineCount(head, body) > 0, let d = head.first {
            byline.append(Credit(name: d.mention.name, entityID: d.mention.entityID, role: "dateline"))
        }

        var seen = Set<String>()
        if let e = outletEntity { seen.insert(e.id) }
        for c in chain {
            if let id = c.entityID, !seen.insert(id).inserted { continue }
            if names(c.name, outletEntity) { continue }      // "الوطن" quoted in الوطن السعودية
            result.credits.append(c)
        }
        var seenByline = Set<String>()
        for c in byline where seenByline.insert(c.role + "|" + c.name).inserted { result.credits.append(c) }
        if let o = outletName {
            result.credits.append(Credit(name: o, entityID: outletEntity?.id, role: "outlet"))
        }
        return result
    }

    func memoOutlet(_ name: String, _ memo: TaggingMemo) -> Entity? {
        if let e = memo.outlets[name] { return e }
        let e = findOutlet(in: name)
        memo.outlets[name] = e
        return e
    }

    /// The outlet named by a short string ("Sky News Arabia", "الوطن", "وكالة رويترز").
    func findOutlet(in name: String) -> Entity? {
        let tokens = analyzer.tokenize(name)
        if tokens.isEmpty { return nil }
        let m = matcher
        let entities = gazetteer.entities
        return withTextBytes(name) { bytes in
            let raws = m.rawMatches(tokens, bytes)
            for r in raws.sorted(by: { $0.tokenCount > $1.tokenCount }) {
                if let c = r.candidates.first(where: { entities[Int($0.entity)].type == .outlet }) {
                    return entities[Int(c.entity)]
                }
            }
            return nil
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
        var entity: Entity
        var sentence: Int
        var relay: Bool
    }

    func bodyCredits(_ tokens: [Token], _ raws: [RawMatch], _ bytes: TextBytes) -> [Credit] {
        if tokens.isEmpty { return [] }
        let m = matcher
        let entities = gazetteer.entities
        let cues = gazetteer.cueHashes
        let cited: [CitedOutlet] = {
            if !raws.contains(where: { $0.candidates.contains { entities[Int($0.entity)].type == .outlet } }) { return [] }
            // sentence number and line number of every token
            var sentence = [Int](repeating: 0, count: tokens.count)
            var line = [Int](repeating: 0, count: tokens.count)
            var lineTokenCounts: [Int] = [0]
            tokens.withUnsafeBufferPointer { t in
                var prevEnd = t[0].end
                lineTokenCounts[0] = 1
                for i in 1..<t.count {
                    let a = prevEnd, b = t[i].start
                    prevEnd = t[i].end
                    var s = sentence[i - 1], l = line[i - 1]
                    if b > a + 1 || (b == a + 1 && bytes[a] != 0x20) {
                        if containsNewline(bytes, a, b) { l += 1; lineTokenCounts.append(0) }
                        if m.hardBreak(bytes, a, b) { s += 1 }
                    }
                    sentence[i] = s
                    line[i] = l
                    lineTokenCounts[l] += 1
                }
            }
            let lineTokens = LineCounts(counts: lineTokenCounts)
            // tokens of each line covered by outlet matches or cue words (credit-line test)
            var lineCovered: [Int: Int] = [:]
            var outletRaws: [(RawMatch, Entity, Bool)] = []
            for r in raws {
                guard let c = r.candidates.first(where: { entities[Int($0.entity)].type == .outlet }) else { continue }
                outletRaws.append((r, entities[Int(c.entity)], c.strict))
                lineCovered[line[r.firstToken], default: 0] += r.tokenCount
            }
            // only short lines that hold an outlet can be credit lines
            let shortLines = Set(outletRaws.map { line[$0.0.firstToken] }.filter { (lineTokens[$0] ?? 0) <= 12 })
            if !shortLines.isEmpty {
                for (i, t) in tokens.enumerated() where shortLines.contains(line[i]) {
                    let f = cues.cueFlags(t.text)
                    if f & (CueFlag.citation | CueFlag.relay | CueFlag.outlet) != 0 || t.text == "وكالات" {
                        lineCovered[line[i], default: 0] += 1
                    }
                }
            }
            var out: [CitedOutlet] = []
            var creditLineSeen = Set<Int>()
            for (r, e, strict) in outletRaws {
                let i = r.firstToken
                let ln = line[i]
                let isCreditLine = (lineTokens[ln] ?? 0) <= 12 && (lineCovered[ln] ?? 0) >= (lineTokens[ln] ?? 0)
                var cited = isCreditLine || m.bracketed(bytes, r.start, r.end)
                var relay = false
                // The words just before, inside the sentence: w0 is the nearest.
                func word(_ back: Int) -> UInt16 {
                    let k = i - 1 - back
                    guard k >= 0, sentence[k] == sentence[i] else { return 0 }
                    return cues.cueFlags(tokens[k].text)
                }
                let w0 = word(0), w1 = word(1), w2 = word(2)
                let lamBefore = i > 0 && sentence[i - 1] == sentence[i] && sameBytes(tokens[i - 1].text, "ل")
                let citeOrRelay = CueFlag.citation | CueFlag.relay
                if w0 & CueFlag.outlet != 0 { cited = true }                                        // وكالة X
                if !strict {   // an everyday noun after a citation word is no outlet ("قال البيان")
                    if w0 & CueFlag.citation != 0 { cited = true }                                  // ذكرت X
                    if w0 & CueFlag.relay != 0 && w1 & citeOrRelay != 0 { cited = true }            // نقلا عن X
                    if lamBefore && w1 & CueFlag.citation != 0 { cited = true }                     // تصريحات لـ X
                }
                if (w0 | w1 | w2) & CueFlag.relay != 0 { relay = cited }
                guard cited else { continue }
                if isCreditLine {
                    // "فرانس24/ أ ف ب": each later outlet of the line is the source of the first
                    relay = !creditLineSeen.insert(ln).inserted || relay
                    out.append(CitedOutlet(entity: e, sentence: -1 - ln, relay: relay))
                } else {
                    out.append(CitedOutlet(entity: e, sentence: sentence[i], relay: relay))
                }
            }
            return out
        }()
        // Order: a relayed source goes before the outlet that quoted it.
        var chain: [CitedOutlet] = []
        for c in cited {
            if chain.contains(where: { $0.entity.id == c.entity.id }) { continue }
            if c.relay, let p = chain.firstIndex(where: { $0.sentence == c.sentence }) {
                chain.insert(c, at: p)
            } else {
                chain.append(c)
            }
        }
        return chain.map { Credit(name: $0.entity.name, entityID: $0.entity.id, role: $0.entity.kind ?? "outlet") }
    }

    /// Tokens per line, read like the dictionary it replaces.
    struct LineCounts {
        let counts: [Int]
        subscript(_ l: Int) -> Int? { l >= 0 && l < counts.count ? counts[l] : nil }
    }

    func containsNewline(_ t: TextBytes, _ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b { if t[i] == 0x0A { return true }; i += 1 }
        return false
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
            let tokens = analyzer.tokenize(part)
            if tokens.isEmpty { continue }
            let raws = withTextBytes(part) { m.rawMatches(tokens, $0) }
            let whole = raws.first { $0.tokenCount == tokens.count }
            let outletCandidate = whole?.candidates.first { entities[Int($0.entity)].type == .outlet }
            let placeCandidate = whole?.candidates.first {
                let t = entities[Int($0.entity)].type
                return t == .place || t == .country
            }
            // a place wins over an outlet whose name is only contextual ("الرياض - فيصل الحربي")
            if let c = placeCandidate, outletCandidate == nil || outletCandidate!.contextual {
                let e = entities[Int(c.entity)]
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
