// Value types of the tagging stage: gazetteer entities, mentions, tags and attribution.

/// What a gazetteer entity is. Raw values are the `type` strings of tags and of `khabar analyze`.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person, country, place, organization, outlet
}

/// How a mention names its entity: by a name (روسيا، موسكو), a nisba adjective (الروسي،
/// الروسية), a demonym — a plural noun for the people (الروس، الفلسطينيون، الأكراد) — or a
/// metonym (الكرملين for Russia).
///
/// Names, metonyms and demonyms are named-entity mentions (NewsFANE marks a people group such as
/// الفلسطينيين as PER); a nisba adjective qualifies another noun (الجيش الإسرائيلي) and is tag
/// evidence only, so NER-style consumers (`khabar analyze` entities, the NER benchmark) should
/// keep it apart by its form.
public enum MentionForm: String, Sendable, Codable {
    case name, nisba, metonym, demonym
}

/// One spelling of an entity with what the matcher needs to know about it.
public struct Alias: Sendable, Hashable, Codable {
    /// As written in the data file (with hamza), without markers.
    public let text: String
    public let form: MentionForm
    /// The alias alone is also a common word or another entity's name, so a mention counts only
    /// with support from its context (see `Tagger.mentions(in:)`).
    public let contextual: Bool
    /// Contextual, and the name is an everyday noun (البيان، المدينة): a citation word before it
    /// is no support, only an outlet noun (صحيفة), brackets or a dateline.
    public let strict: Bool
    /// A country name that is also the feminine nisba of the country (السعودية): right after a
    /// definite word of the same clause (الحكومة السعودية) it is read as a nisba adjective.
    public let nisbaLike: Bool

    public init(text: String, form: MentionForm = .name, contextual: Bool = false, strict: Bool = false,
                nisbaLike: Bool = false) {
        self.text = text
        self.form = form
        self.contextual = contextual || strict
        self.strict = strict
        self.nisbaLike = nisbaLike
    }
}

/// A canonical entity of the gazetteer.
public struct Entity: Sendable, Hashable, Codable {
    /// Stable ASCII slug ("russia"); also the tag slug.
    public let id: String
    /// Canonical display spelling (أمريكا).
    public let name: String
    public let type: EntityType
    /// Every spelling that names the entity, `name` first (all forms, without markers).
    public let aliases: [String]
    /// Id of the related country (moscow → russia, putin → russia); nil for countries themselves
    /// and for international or contested entities.
    public let country: String?
    /// Finer kind from the data: outlets agency/channel/newspaper/site; places capital/city/
    /// region/conflict/continent/water/site; countries un/observer/territory; nil otherwise.
    public let kind: String?
    /// `aliases` with their form and ambiguity flags, in the same order.
    public let aliasDetails: [Alias]

    public init(id: String, name: String, type: EntityType, aliases: [String], country: String? = nil,
                kind: String? = nil) {
        var all = [name]
        for a in aliases where !all.contains(a) { all.append(a) }
        self.init(id: id, name: name, type: type, country: country, kind: kind,
                  aliasDetails: all.map { Alias(text: $0) })
    }

    public init(id: String, name: String, type: EntityType, country: String?, kind: String?,
                aliasDetails: [Alias]) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.kind = kind
        self.aliasDetails = aliasDetails
        self.aliases = aliasDetails.map(\.text)
    }
}

/// One entity named in a text.
public struct EntityMention: Sendable, Hashable, Codable {
    public let entityID: String
    /// Canonical display name of the entity.
    public let name: String
    public let type: EntityType
    /// UTF-8 byte offsets into the text given, end exclusive. The span leaves out stripped
    /// proclitics (وبموسكو → موسكو) except a fused لل (للأمم المتحدة keeps its first letters).
    public let start: Int
    public let end: Int
    public let metonym: Bool
    public let form: MentionForm
    /// Found by the name finder's rules (a title, a given name, an organization's head noun),
    /// not by the gazetteer: then `entityID` is the slug of `name`, the normalized surface form.
    public let found: Bool

    public init(entityID: String, name: String, type: EntityType, start: Int, end: Int,
                metonym: Bool, form: MentionForm, found: Bool = false) {
        self.entityID = entityID
        self.name = name
        self.type = type
        self.start = start
        self.end = end
        self.metonym = metonym
        self.form = form
        self.found = found
    }

    private enum CodingKeys: String, CodingKey {
        case entityID, name, type, start, end, metonym, form, found
    }

    /// Decodes mentions written before `found` existed as gazetteer mentions.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(entityID: try c.decode(String.self, forKey: .entityID), name: try c.decode(String.self, forKey: .name),
                  type: try c.decode(EntityType.self, forKey: .type), start: try c.decode(Int.self, forKey: .start),
                  end: try c.decode(Int.self, forKey: .end), metonym: try c.decode(Bool.self, forKey: .metonym),
                  form: try c.decode(MentionForm.self, forKey: .form),
                  found: try c.decodeIfPresent(Bool.self, forKey: .found) ?? false)
    }
}

/// A tag (كلمة دلالية) of an article.
public struct Tag: Sendable, Hashable, Codable {
    /// Display text: the entity's canonical name, or the key phrase as written.
    public let name: String
    /// URL-safe slug: the entity id, or the normalized key phrase with spaces as "-".
    public let slug: String
    /// An `EntityType` raw value, or "keyphrase".
    public let type: String
    /// Salience (entities) or TF-IDF weight (key phrases); only comparable within one article.
    public let score: Double
    /// A person or organization found by rule (NameFinder), not known to the gazetteer.
    public let found: Bool

    public init(name: String, slug: String, type: String, score: Double, found: Bool = false) {
        self.name = name
        self.slug = slug
        self.type = type
        self.score = score
        self.found = found
    }

    enum CodingKeys: String, CodingKey { case name, slug, type, score, found }

    /// Tags written before `found` existed decode as gazetteer tags.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), slug: try c.decode(String.self, forKey: .slug),
                  type: try c.decode(String.self, forKey: .type), score: try c.decode(Double.self, forKey: .score),
                  found: try c.decodeIfPresent(Bool.self, forKey: .found) ?? false)
    }
}

/// One link of an attribution chain.
public struct Credit: Sendable, Hashable, Codable {
    public let name: String
    /// Gazetteer id when the credit is a known outlet or place.
    public let entityID: String?
    /// "agency", "channel", "newspaper", "site", "radio" (the outlet's kind when it is cited),
    /// "outlet" (the publisher), "correspondent" (a byline name), "dateline" (a byline place).
    public let role: String
    /// True when the credit after this one in the chain quoted it (نقلت قناة … عن وكالة …، a
    /// credit line "فرانس24/ أ ف ب"): this source reached the text through that one. Absent
    /// (nil) otherwise, sources merely cited one after the other included, so chains without
    /// relays code as before it existed.
    public let relayed: Bool?

    public init(name: String, entityID: String?, role: String, relayed: Bool = false) {
        self.name = name
        self.entityID = entityID
        self.role = role
        self.relayed = relayed ? true : nil
    }
}

/// Who an article comes from.
public struct Attribution: Sendable, Hashable, Codable {
    /// The publishing outlet (canonical name when the gazetteer knows it).
    public var outlet: String?
    /// Ordered chain: cited sources from the original to the last relay, then the byline
    /// (correspondent, dateline), then the publishing outlet.
    public var credits: [Credit]

    public init(outlet: String? = nil, credits: [Credit] = []) {
        self.outlet = outlet
        self.credits = credits
    }
}
