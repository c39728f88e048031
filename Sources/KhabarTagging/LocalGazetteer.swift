import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A site's own gazetteer data: the local politicians, clubs, companies and outlets its feeds
/// report on, other spellings of known names, and the site's preferred display spelling.
///
/// A directory of UTF-8 text files named after the built-in data files, in the same line formats
/// (documented at the top of `Data/*Data.swift` and in the README): `countries.txt`,
/// `places.txt`, `organizations.txt`, `outlets.txt`, `people.txt`, `cues.txt`. Other `.txt`
/// names are a problem (a misspelt file name would otherwise be ignored quietly); files of other
/// extensions and hidden files are skipped.
///
/// A line whose id is new adds an entity. A line whose id the built-in data has extends it: its
/// name becomes the display name (a site that writes أميركا, not أمريكا), its aliases are added
/// (with the markers written there), its country and kind replace the built-in ones when given.
/// It must keep the entity's type. `cues.txt` adds words to the built-in lists.
public struct LocalGazetteer: Sendable {
    public struct File: Sendable {
        /// Shown in problems ("…/people.txt:12: …").
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// `people` for ".../people.txt".
        var kind: String {
            var name = Substring(path)
            if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
            return String(name.dropLast(name.hasSuffix(".txt") ? 4 : 0))
        }
    }

    public static let fileNames = ["countries.txt", "places.txt", "organizations.txt", "outlets.txt", "people.txt", "cues.txt"]

    public var files: [File]
    /// Problems reading the directory ("PATH: reason").
    public var problems: [String]

    public init(files: [File], problems: [String] = []) {
        self.files = files
        self.problems = problems
    }

    /// Reads the data files of `directory`, in name order.
    public static func read(directory: String) -> LocalGazetteer {
        guard let dir = opendir(directory) else {
            return LocalGazetteer(files: [], problems: ["\(directory): cannot open the local gazetteer directory (\(errorText()))"])
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") || !name.hasSuffix(".txt") { continue }
            names.append(name)
        }
        var out = LocalGazetteer(files: [])
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() {
            let path = base + name
            guard fileNames.contains(name) else {
                out.problems.append(unknownName(path))
                continue
            }
            switch readText(path) {
            case .success(let text): out.files.append(File(path: path, text: text))
            case .failure(let why): out.problems.append("\(path): \(why.text)")
            }
        }
        return out
    }

    /// The problem of a file whose name is none of `fileNames`.
    static func unknownName(_ path: String) -> String {
        "\(path): unknown file name; expected one of \(fileNames.joined(separator: ", "))"
    }

    struct ReadError: Error { var text: String }

    /// The whole file as UTF-8 (invalid bytes are a problem, not replaced).
    static func readText(_ path: String) -> Result<String, ReadError> {
        guard let f = fopen(path, "rb") else { return .failure(ReadError(text: "cannot read (\(errorText()))")) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65_536, f) }
            if n > 0 { bytes += chunk[0..<n] }
            if n < 65_536 {
                if ferror(f) != 0 { return .failure(ReadError(text: "read error (\(errorText()))")) }
                break
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(ReadError(text: "not valid UTF-8"))
        }
        return .success(text)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

extension LocalGazetteer {
    /// What applying local data gave.
    public struct Applied: Sendable {
        public var gazetteer: Gazetteer
        /// Read problems, malformed lines ("FILE:LINE: reason"), an id defined twice in the local
        /// files, a local line that would change a built-in entity's type, a country id that
        /// names no country. Lines with problems are left out; the rest applies.
        public var problems: [String]
        /// Ids of the entities the local files add, and of the built-in ones they extend.
        public var added: [String]
        public var extended: [String]
    }
}

extension Gazetteer {
    /// This gazetteer extended by `local` (see `LocalGazetteer`).
    public func extended(with local: LocalGazetteer) -> LocalGazetteer.Applied {
        var entities = self.entities
        var cues = self.cues
        var problems = local.problems
        var position: [String: Int] = [:]
        for (i, e) in entities.enumerated() { position[e.id] = i }
        var localOrigin: [String: String] = [:]
        var applied: [(id: String, origin: String)] = []
        var added: [String] = [], extended: [String] = []
        for file in local.files {
            var r = GazetteerParser.Result()
            switch file.kind {
            case "countries": GazetteerParser.parseCountries(file.text, file: file.path, into: &r)
            case "places": GazetteerParser.parseSimple(file.text, file: file.path, type: .place, into: &r)
            case "organizations": GazetteerParser.parseSimple(file.text, file: file.path, type: .organization, into: &r)
            case "outlets": GazetteerParser.parseSimple(file.text, file: file.path, type: .outlet, into: &r)
            case "people": GazetteerParser.parseSimple(file.text, file: file.path, type: .person, into: &r)
            case "cues": GazetteerParser.parseCues(file.text, file: file.path, into: &r)
            default:
                problems.append(LocalGazetteer.unknownName(file.path))
                continue
            }
            problems += r.problems
            cues.formUnion(r.cues)
            for (e, origin) in zip(r.entities, r.origins) {
                if let first = localOrigin[e.id] {
                    problems.append("\(origin): id \(e.id) is already defined at \(first)")
                    continue
                }
                localOrigin[e.id] = origin
                guard let i = position[e.id] else {
                    position[e.id] = entities.count
                    entities.append(e)
                    applied.append((e.id, origin))
                    added.append(e.id)
                    continue
                }
                let old = entities[i]
                guard old.type == e.type else {
                    problems.append("\(origin): \(e.id) is a \(old.type.rawValue) in the built-in gazetteer, not a \(e.type.rawValue)")
                    continue
                }
                // The local name first (it is the display name), then the local aliases, then
                // the built-in ones not already written locally.
                var details: [Alias] = []
                var seen = Set<String>()
                for a in e.aliasDetails + old.aliasDetails { GazetteerParser.add(a, to: &details, seen: &seen) }
                entities[i] = Entity(id: e.id, name: e.name, type: e.type, country: e.country ?? old.country,
                                     kind: e.kind ?? old.kind, aliasDetails: details)
                applied.append((e.id, origin))
                extended.append(e.id)
            }
        }
        for (id, origin) in applied {
            guard let country = entities[position[id]!].country else { continue }
            if position[country].map({ entities[$0].type }) != .country {
                problems.append("\(origin): country \(country) of \(id) is not a country id")
            }
        }
        return LocalGazetteer.Applied(gazetteer: Gazetteer(entities: entities, cues: cues), problems: problems,
                                      added: added, extended: extended)
    }
}

extension CueWords {
    /// Adds every word of `other`'s lists to the same list here.
    mutating func formUnion(_ other: CueWords) {
        personTitles.formUnion(other.personTitles)
        outletCues.formUnion(other.outletCues)
        organizationCues.formUnion(other.organizationCues)
        placeCues.formUnion(other.placeCues)
        placeIdioms.formUnion(other.placeIdioms)
        eventHeads.formUnion(other.eventHeads)
        clubVenues.formUnion(other.clubVenues)
        governmentHeads.formUnion(other.governmentHeads)
        stadiums.formUnion(other.stadiums)
        citations.formUnion(other.citations)
        relays.formUnion(other.relays)
        nisbaBlockers.formUnion(other.nisbaBlockers)
        nisbaQualifiers.formUnion(other.nisbaQualifiers)
        generic.formUnion(other.generic)
        nameLinks.formUnion(other.nameLinks)
        nameHeads.formUnion(other.nameHeads)
        vague.formUnion(other.vague)
    }
}
