import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The canonical entities the tagger knows: countries (with capitals, nisba forms and metonyms),
/// places, people, organizations and outlets, plus the policy word lists (cues) that decide
/// when an ambiguous alias counts.
///
/// The data lives in `Data/*.swift` as one raw string literal per file (SwiftPM resources do not
/// survive copying a release binary), in the line formats documented at the top of each file.
/// `builtIn` parses them once.
///
/// A site extends it without a rebuild: `$KHABAR_GAZETTEER` names a directory of local data files
/// in the same formats (`LocalGazetteer`), read once per process by `standard`.
public struct Gazetteer: Sendable {
    /// The built-in data alone.
    public static let builtIn: Gazetteer = {
        let parsed = GazetteerParser.parseStandard()
        return Gazetteer(entities: parsed.entities, cues: parsed.cues)
    }()

    /// The gazetteer of this process: `builtIn`, extended by the local directory named by
    /// `$KHABAR_GAZETTEER` when that is set. A local file with problems is still applied line by
    /// line (bad lines are skipped); `localProblems` lists them, and the commands that tag refuse
    /// to start while it is not empty.
    public static var standard: Gazetteer { configured.gazetteer }

    /// Problems of the local gazetteer, each "FILE:LINE: reason" (or "DIRECTORY: reason"); empty
    /// when `$KHABAR_GAZETTEER` is unset or its files are clean.
    public static var localProblems: [String] { configured.problems }

    /// The local directory in use (`$KHABAR_GAZETTEER`), nil when unset or empty.
    public static let localDirectory: String? = {
        guard let v = getenv("KHABAR_GAZETTEER") else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }()

    private static let configured: (gazetteer: Gazetteer, problems: [String], digest: String) = {
        // the built-in data and the name finder's word lists, then the local files
        var hash = FNV1a()
        for text in [countriesData, placesData, organizationsData, outletsData, peopleData, cuesData, namesData] {
            hash.add(text)
        }
        guard let dir = localDirectory else { return (builtIn, [], hash.hex) }
        let local = LocalGazetteer.read(directory: dir)
        for file in local.files {
            hash.add(String(file.path.split(separator: "/").last ?? ""))
            hash.add(file.text)
        }
        let applied = builtIn.extended(with: local)
        return (applied.gazetteer, applied.problems, hash.hex)
    }()

    /// A digest of everything `standard` and the name finder are read from (the built-in data
    /// files and the local ones): stored tags made from other data are stale (`Tagger.rulesVersion`).
    public static var standardDigest: String { configured.digest }

    /// 64-bit FNV-1a over UTF-8 bytes, each text closed by a 0 byte.
    private struct FNV1a {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for b in text.utf8 { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
            value = (value ^ 0) &* 0x100_0000_01b3
        }
        var hex: String {
            let s = String(value, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
    }

    /// Every entity; editing it rebuilds the alias index.
    public var entities: [Entity] {
        didSet { compiled = CompiledGazetteer(index: AliasIndex(entities: entities), cues: compiled.cues) }
    }
    /// Context and policy word lists (normalized), from `Data/CuesData.swift` by default.
    public var cues: CueWords {
        didSet { compiled = CompiledGazetteer(index: compiled.index, cues: CueHashes(cues)) }
    }

    /// The lookup structures, in one object so a matcher holds one reference.
    private(set) var compiled: CompiledGazetteer
    var index: AliasIndex { compiled.index }
    var cueHashes: CueHashes { compiled.cues }

    public init(entities: [Entity], cues: CueWords = Gazetteer.standard.cues) {
        self.entities = entities
        self.cues = cues
        self.compiled = CompiledGazetteer(index: AliasIndex(entities: entities), cues: CueHashes(cues))
    }

    public func entity(id: String) -> Entity? {
        guard let i = index.byID[id] else { return nil }
        return entities[i]
    }
}

/// The normalized word lists of `Data/CuesData.swift`; see that file for what each list does.
public struct CueWords: Sendable {
    public var personTitles: Set<String> = []
    public var outletCues: Set<String> = []
    public var organizationCues: Set<String> = []
    public var placeCues: Set<String> = []
    public var placeIdioms: Set<String> = []
    public var eventHeads: Set<String> = []
    public var clubVenues: Set<String> = []
    public var stadiums: Set<String> = []
    public var governmentHeads: Set<String> = []
    public var citations: Set<String> = []
    public var relays: Set<String> = []
    public var nisbaBlockers: Set<String> = []
    public var nisbaQualifiers: Set<String> = []
    public var generic: Set<String> = []
    public var nameLinks: Set<String> = []
    public var nameHeads: Set<String> = []
    public var vague: Set<String> = []

    public init() {}
}

final class CompiledGazetteer: Sendable {
    let index: AliasIndex
    let cues: CueHashes
    init(index: AliasIndex, cues: CueHashes) {
        self.index = index
        self.cues = cues
    }
}

/// Cue flags of a word (`CueHashes.cueFlags`).
struct CueFlag {
    static let personTitle: UInt16 = 1
    static let outlet: UInt16 = 2
    static let organization: UInt16 = 4
    static let place: UInt16 = 8
    static let citation: UInt16 = 16
    static let relay: UInt16 = 32
    static let nisbaBlocker: UInt16 = 64
    static let generic: UInt16 = 128
    static let nisbaQualifier: UInt16 = 256
    static let placeIdiom: UInt16 = 512
    static let eventHead: UInt16 = 1024
    static let clubVenue: UInt16 = 2048
    static let governmentHead: UInt16 = 4096
    static let stadium: UInt16 = 8192
}

/// The word lists as keyed tables (no String hashing, which normalizes Unicode on every call).
final class CueHashes: Sendable {
    /// Key → flags for the key-phrase pass: 1 generic, 2 name link, 4 name head.
    let phraseFlags: HashMap64
    /// Key → `CueFlag` bits of the context lists.
    let cueFlags: HashMap64
    /// Stem keys (`stemHash`) of the `vague` words: a key phrase made of them alone is no tag.
    let vagueStems: HashMap64
    /// The last two letters (four UTF-8 bytes, first byte highest) of each `stadium` word: a word
    /// that ends otherwise is none, whatever its proclitic, with no table probe (`Matcher.afterStadium`).
    let stadiumEnds: [UInt32]

    /// The last four UTF-8 bytes of `word` as one number, first byte highest; nil for a shorter word.
    /// (Read from the word's contiguous bytes: slicing the UTF-8 view cost about 130
    /// instructions a word, and `afterStadium` reads three words for every gazetteer match.)
    @inline(__always) static func lastTwoLetters(_ word: String) -> UInt32? {
        let u = word.utf8
        if let v = u.withContiguousStorageIfAvailable({ b -> UInt32? in
            let n = b.count
            guard n >= 4 else { return nil }
            return UInt32(b[n - 4]) << 24 | UInt32(b[n - 3]) << 16 | UInt32(b[n - 2]) << 8 | UInt32(b[n - 1])
        }) { return v }
        guard u.count >= 4 else { return nil }
        var v: UInt32 = 0
        for b in u[u.index(u.endIndex, offsetBy: -4)...] { v = v << 8 | UInt32(b) }
        return v
    }

    /// Cue flags of a word read as itself, minus و / ف, and minus ب / ل / ك after that (never
    /// minus ال: "قناة العربية" is a cue, "القناة العربية" is not).
    func cueFlags(_ word: String) -> UInt16 {
        if let w = WordBits.packed(word) { return cueFlags(packed: w) }
        return withUTF8Copy(word) { p, n in cueFlags(p, n) }
    }

    /// The cue flags of the normalized word without an attached ه، ها or هم (مهاجمه → مهاجم,
    /// when three letters or more are left); 0 for a word that ends in none. No copy is made.
    func cueFlagsWithoutPronoun(_ word: String) -> UInt16 {
        withUTF8Copy(word) { p, n in
            guard n >= 8, p[n - 2] == 0xD9 && p[n - 1] == 0x87
                    || n >= 10 && p[n - 4] == 0xD9 && p[n - 3] == 0x87
                        && (p[n - 2] == 0xD8 && p[n - 1] == 0xA7 || p[n - 2] == 0xD9 && p[n - 1] == 0x85) else { return 0 }
            return cueFlags(p, p[n - 1] == 0x87 ? n - 2 : n - 4)
        }
    }

    /// Flags of `p[0..<n]`, also read without a leading و / ف and a ب / ل / ك after it.
    private func cueFlags(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt16 {
        var f = cueFlags.value(wordKey(p, n))
        var k = 0
        if n > 6 && p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81) { k = 2; f |= cueFlags.value(wordKey(p + 2, n - 2)) }
        if n - k > 6 && ((p[k] == 0xD8 && p[k + 1] == 0xA8) || (p[k] == 0xD9 && (p[k + 1] == 0x84 || p[k + 1] == 0x83))) {
            f |= cueFlags.value(wordKey(p + k + 2, n - k - 2))
        }
        return f
    }

    /// The same for a packed word (same readings, no copy).
    func cueFlags(packed w: PackedWord) -> UInt16 {
        var f = cueFlags.value(w.key)
        var t = w
        if t.count > 6 && (t.lo & 0xFFFF == 0x88D9 || t.lo & 0xFFFF == 0x81D9) {
            t = t.dropFirst(2)
            f |= cueFlags.value(t.key)
        }
        let l = t.lo & 0xFFFF
        if t.count > 6 && (l == 0xA8D8 || l == 0x84D9 || l == 0x83D9) { f |= cueFlags.value(t.dropFirst(2).key) }
        return f
    }

    init(_ c: CueWords) {
        var flags: [String: UInt8] = [:]
        for w in c.generic { flags[w, default: 0] |= 1 }
        for w in c.nameLinks { flags[w, default: 0] |= 2 }
        for w in c.nameHeads { flags[w, default: 0] |= 4 }
        phraseFlags = HashMap64(flags.map { (wordKey($0.key), UInt16($0.value)) })
        var cue: [String: UInt16] = [:]
        for (list, flag) in [(c.personTitles, CueFlag.personTitle), (c.outletCues, CueFlag.outlet),
                             (c.organizationCues, CueFlag.organization), (c.placeCues, CueFlag.place),
                             (c.citations, CueFlag.citation), (c.relays, CueFlag.relay),
                             (c.nisbaBlockers, CueFlag.nisbaBlocker), (c.generic, CueFlag.generic),
                             (c.nisbaQualifiers, CueFlag.nisbaQualifier), (c.placeIdioms, CueFlag.placeIdiom),
                             (c.eventHeads, CueFlag.eventHead), (c.clubVenues, CueFlag.clubVenue),
                             (c.governmentHeads, CueFlag.governmentHead), (c.stadiums, CueFlag.stadium)] {
            for w in list { cue[w, default: 0] |= flag }
        }
        cueFlags = HashMap64(cue.map { (wordKey($0.key), $0.value) })
        vagueStems = HashMap64(c.vague.flatMap { Analyzer.standard.analyze($0).stems.map { (stemHash($0), UInt16(1)) } })
        stadiumEnds = Array(Set(c.stadiums.compactMap(Self.lastTwoLetters)))
    }
}

/// Parses the data files. Problems (malformed lines, duplicate ids) are collected, not fatal:
/// the integrity test asserts there are none, and a bad line never takes the server down.
enum GazetteerParser {
    struct Result {
        var entities: [Entity] = []
        /// "FILE:LINE" of each entity, aligned with `entities`.
        var origins: [String] = []
        var cues = CueWords()
        var problems: [String] = []
    }

    static func parseStandard() -> Result {
        var r = Result()
        parseCountries(countriesData, file: "countries", into: &r)
        parseSimple(placesData, file: "places", type: .place, into: &r)
        parseSimple(organizationsData, file: "organizations", type: .organization, into: &r)
        parseSimple(outletsData, file: "outlets", type: .outlet, into: &r)
        parseSimple(peopleData, file: "people", type: .person, into: &r)
        parseCues(cuesData, into: &r)
        var seen = Set<String>()
        for e in r.entities where !seen.insert(e.id).inserted {
            r.problems.append("duplicate id \(e.id)")
        }
        return r
    }

    /// Data lines: trimmed, without blank lines and # comments, with their 1-based line numbers.
    static func lines(_ data: String) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        for (i, raw) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = trim(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((i + 1, line.split(separator: "|", omittingEmptySubsequences: false).map { trim($0) }))
        }
        return out
    }

    static func trim<S: StringProtocol>(_ s: S) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" || f == "\r" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\r" { sub = sub.dropLast() }
        return String(sub)
    }

    static func list(_ field: String) -> [String] {
        field.split(separator: ",").map { trim($0) }.filter { !$0.isEmpty }
    }

    /// Strips the markers of one alias: "?" contextual, "??" strict, "*" metonym, "!" distinctive.
    static func marked(_ raw: String) -> (text: String, contextual: Bool, metonym: Bool, distinctive: Bool, strict: Bool) {
        var t = Substring(raw)
        var contextual = false, metonym = false, distinctive = false, strict = false
        while let last = t.last, last == "?" || last == "*" || last == "!" {
            if last == "?" { if contextual { strict = true }; contextual = true }
            if last == "*" { metonym = true }
            if last == "!" { distinctive = true }
            t = t.dropLast()
        }
        return (trim(t), contextual, metonym, distinctive, strict)
    }

    static func isSlug(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    static func wordCount(_ s: String) -> Int {
        Analyzer.standard.tokenize(s).count
    }

    /// Appends `a` unless an alias with the same normalized text is already there (the earlier
    /// one wins, so the name keeps its flags). A vocalized spelling (عمّان) is kept beside its
    /// bare one: its marks tell namesakes apart (`Vocalization`).
    static func add(_ a: Alias, to list: inout [Alias], seen: inout Set<String>) {
        let key = Vocalization.isVocalized(a.text) ? a.text : ArabicNormalizer.normalize(a.text)
        if seen.insert(key).inserted { list.append(a) }
    }

    // MARK: countries

    /// Feminine, dual, sound plural and ال forms of a masculine nisba (one or more words).
    /// The sound masculine plurals (ون، ين) are marked `plural`: mostly the people themselves
    /// (الفلسطينيون، الإسرائيليين), so they are demonyms.
    static func nisbaForms(_ masculine: String) -> [(text: String, definite: Bool, bareMasculine: Bool, plural: Bool)] {
        let words = masculine.split(separator: " ").map(String.init)
        let suffixes = ["", "ة", "ان", "ين", "ون", "تان", "تين", "ات"]
        var out: [(String, Bool, Bool, Bool)] = []
        for article in [false, true] {
            for s in suffixes {
                let w = words.map { (article ? "ال" : "") + $0 + s }
                out.append((w.joined(separator: " "), article, !article && s.isEmpty, s == "ين" || s == "ون"))
            }
        }
        return out
    }

    /// The countries of `data`, then their capitals (each a place entity of its own), all
    /// capitals after all countries.
    static func parseCountries(_ data: String, file: String, into r: inout Result) {
        var capitals: [Entity] = []
        var capitalOrigins: [String] = []
        defer {
            r.entities += capitals
            r.origins += capitalOrigins
        }
        for (n, f) in lines(data) {
            guard wellFormed(f, 8, "id|status|name|aliases|capital|nisba|plural|metonyms", name: 2, "\(file):\(n)", &r) else {
                continue
            }
            let id = f[0]
            var details: [Alias] = []
            var seen = Set<String>()
            let name = marked(f[2])
            add(Alias(text: name.text, form: .name, contextual: name.contextual), to: &details, seen: &seen)
            for raw in list(f[3]) {
                let m = marked(raw)
                add(Alias(text: m.text, form: .name, contextual: m.contextual), to: &details, seen: &seen)
            }
            for raw in list(f[7]) {
                let m = marked(raw)
                add(Alias(text: m.text, form: .metonym, contextual: m.contextual), to: &details, seen: &seen)
            }
            for raw in list(f[5]) {
                let m = marked(raw)
                for form in nisbaForms(m.text) {
                    // A name spelled like a nisba form (السعودية): flag the name.
                    let key = ArabicNormalizer.normalize(form.text)
                    if let k = details.firstIndex(where: { $0.form == .name && ArabicNormalizer.normalize($0.text) == key }) {
                        let a = details[k]
                        details[k] = Alias(text: a.text, form: a.form, contextual: a.contextual, strict: a.strict,
                                           nisbaLike: true)
                    }
                    // "??": every form without ال needs support, not only the masculine
                    // (مجري: مجريات is "the course of events")
                    add(Alias(text: form.text, form: form.plural ? .demonym : .nisba,
                              contextual: m.contextual && (form.bareMasculine || m.strict && !form.definite)),
                        to: &details, seen: &seen)
                }
            }
            for raw in list(f[6]) {
                let m = marked(raw)
                add(Alias(text: m.text, form: .demonym, contextual: m.contextual), to: &details, seen: &seen)
                add(Alias(text: "ال" + m.text, form: .demonym, contextual: false), to: &details, seen: &seen)
            }
            r.entities.append(Entity(id: id, name: name.text, type: .country, country: nil,
                                     kind: f[1].isEmpty ? nil : f[1], aliasDetails: details))
            r.origins.append("\(file):\(n)")

            // Capital: slug=Name,alias,… (a local line that extends a country may leave it empty)
            let cap = f[4]
            if cap.isEmpty { continue }
            guard let eq = cap.firstIndex(of: "="), isSlug(String(cap[..<eq])) else {
                r.problems.append("\(file):\(n): capital must be slug=Name[,alias…]")
                continue
            }
            let capID = String(cap[..<eq])
            var capDetails: [Alias] = []
            var capSeen = seen   // names the country already owns stay with the country
            for raw in list(String(cap[cap.index(after: eq)...])) {
                let m = marked(raw)
                add(Alias(text: m.text, form: .name, contextual: m.contextual), to: &capDetails, seen: &capSeen)
            }
            guard let capName = capDetails.first?.text else {
                r.problems.append("\(file):\(n): capital \(capID) has no name of its own")
                continue
            }
            capitals.append(Entity(id: capID, name: capName, type: .place, country: id, kind: "capital",
                                   aliasDetails: capDetails))
            capitalOrigins.append("\(file):\(n)")
        }
    }

    // MARK: places, organizations, outlets, people

    static func parseSimple(_ data: String, file: String, type: EntityType, into r: inout Result) {
        // an organization's kind is optional ("movement": a party, movement or armed group of
        // one country, which speaks of that country as its places do)
        let kindOptional = type == .organization
        let expected = (type == .place || type == .outlet || kindOptional) ? 5 : 4
        let layout = expected == 5 ? (kindOptional ? "id|name|aliases|country[|kind]" : "id|name|aliases|country|kind")
            : "id|name|aliases|country"
        for (n, var f) in lines(data) {
            if kindOptional && f.count == 4 { f.append("") }
            guard wellFormed(f, expected, layout, name: 1, "\(file):\(n)", &r) else { continue }
            var details: [Alias] = []
            var seen = Set<String>()
            for raw in [f[1]] + list(f[2]) {
                let m = marked(raw)
                var contextual = m.contextual
                // A person's one-word alias is a surname: it needs support unless marked "!".
                if type == .person && !m.distinctive && wordCount(m.text) == 1 { contextual = true }
                add(Alias(text: m.text, form: m.metonym ? .metonym : .name, contextual: contextual, strict: m.strict),
                    to: &details, seen: &seen)
            }
            let country = f[3].isEmpty ? nil : f[3]
            if let c = country, !isSlug(c) { r.problems.append("\(file):\(n): bad country id \(c)") }
            let kind = expected == 5 ? (f[4].isEmpty ? nil : f[4]) : nil
            r.entities.append(Entity(id: f[0], name: details[0].text, type: type, country: country,
                                     kind: kind, aliasDetails: details))
            r.origins.append("\(file):\(n)")
        }
    }

    /// Does an entity line have `count` fields, an ASCII slug id and a name (field `name`)? When
    /// not, the problem is recorded at `at` ("FILE:LINE").
    static func wellFormed(_ f: [String], _ count: Int, _ layout: String, name: Int, _ at: String, _ r: inout Result) -> Bool {
        if f.count != count {
            r.problems.append("\(at): expected \(count) fields \(layout), found \(f.count)")
        } else if !isSlug(f[0]) {
            r.problems.append("\(at): id \"\(f[0])\" must be an ASCII slug (a-z, 0-9, -)")
        } else if marked(f[name]).text.isEmpty {
            r.problems.append("\(at): \(f[0]) has no name")
        } else {
            return true
        }
        return false
    }

    // MARK: cues

    static func parseCues(_ data: String, file: String = "cues", into r: inout Result) {
        for (n, f) in lines(data) {
            guard f.count == 2 else {
                r.problems.append("\(file):\(n): expected list|words")
                continue
            }
            let words = Set(list(f[1]).map { ArabicNormalizer.normalize($0) })
            switch f[0] {
            case "person-title": r.cues.personTitles.formUnion(words)
            case "outlet-cue": r.cues.outletCues.formUnion(words)
            case "org-cue": r.cues.organizationCues.formUnion(words)
            case "place-cue": r.cues.placeCues.formUnion(words)
            case "place-idiom": r.cues.placeIdioms.formUnion(words)
            case "event-head": r.cues.eventHeads.formUnion(words)
            case "club-venue": r.cues.clubVenues.formUnion(words)
            case "stadium": r.cues.stadiums.formUnion(words)
            case "government-head": r.cues.governmentHeads.formUnion(words)
            case "citation": r.cues.citations.formUnion(words)
            case "relay": r.cues.relays.formUnion(words)
            case "nisba-blocker": r.cues.nisbaBlockers.formUnion(words)
            case "nisba-qualifier": r.cues.nisbaQualifiers.formUnion(words)
            case "generic": r.cues.generic.formUnion(words)
            case "name-link": r.cues.nameLinks.formUnion(words)
            case "name-head": r.cues.nameHeads.formUnion(words)
            case "vague": r.cues.vague.formUnion(words)
            default: r.problems.append("\(file):\(n): unknown list \(f[0])")
            }
        }
    }
}
