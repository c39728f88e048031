import KhabarArabic

/// The Arabic name a known outlet is shown by, from the gazetteer's outlets (their names and
/// aliases): the one list of outlet names, which the tagger reads too.
///
/// A source is stored under the name it came with: an import's `source` field (the ANT corpus
/// gives `Sky News Arabia`, `BBC Arabic`), a feed's title. That name stays its identity (sources
/// are unique by name, imports and feeds find them by it); an Arabic page shows the outlet's
/// Arabic name instead when the gazetteer knows it. Matched strictly: the whole stored name is an
/// alias of one outlet (`sky news arabia`, any case), else a label of its domain is
/// (`skynewsarabia.com`, `arabic.cnn.com`, `bbc.co.uk/arabic`). A name that only contains an
/// outlet's name (`Al Arabiya English`) is another outlet, shown as stored.
public struct OutletNames: Sendable {
    /// Normalized alias → the outlet's display name; an alias two outlets share names neither.
    let byAlias: [String: String]

    public init(gazetteer: Gazetteer) {
        var byAlias: [String: String] = [:]
        var shared: Set<String> = []
        for entity in gazetteer.entities where entity.type == .outlet {
            for alias in Set(entity.aliases.map(Self.key)) where !alias.isEmpty {
                if let other = byAlias[alias], other != entity.name { shared.insert(alias) }
                byAlias[alias] = entity.name
            }
        }
        for alias in shared { byAlias[alias] = nil }
        self.byAlias = byAlias
    }

    /// The Arabic name of the outlet stored as `name` with `domain`; nil when the gazetteer does
    /// not know it (the stored name is shown).
    public func arabicName(of name: String, domain: String?) -> String? {
        if let known = byAlias[Self.key(name)] { return known }
        guard let domain else { return nil }
        // the host's labels, as written ("bbc.co.uk/arabic" → bbc, co, uk)
        let host = domain.split(separator: "/", maxSplits: 1).first ?? ""
        for label in host.split(separator: ".") where label.lowercased() != "www" {
            if let known = byAlias[Self.key(String(label))] { return known }
        }
        return nil
    }

    /// The stored name, or the outlet's Arabic name when the gazetteer knows it.
    public func displayName(of name: String, domain: String?) -> String {
        arabicName(of: name, domain: domain) ?? name
    }

    /// The matching form: normalized (Latin lowercased, Arabic letters folded) with its spaces
    /// made single.
    static func key(_ text: String) -> String {
        ArabicNormalizer.normalize(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
