import Foundation

/// A tag (كلمة دلالية) as stored with an article: a canonical entity or a key phrase.
public struct ArticleTag: Sendable, Hashable, Codable {
    /// URL-safe slug: the entity id ("russia") or the normalized key phrase with "-" for spaces.
    public var slug: String
    /// Display text (the entity's canonical spelling, أمريكا).
    public var name: String
    /// person, country, place, organization, outlet, or keyphrase.
    public var type: String
    /// Salience within the article; only comparable within one article.
    public var score: Double

    public init(slug: String, name: String, type: String, score: Double) {
        self.slug = slug
        self.name = name
        self.type = type
        self.score = score
    }
}

/// One link of an article's attribution chain (an agency it cites, a byline, the outlet).
public struct AttributionCredit: Sendable, Hashable, Codable {
    public var name: String
    /// agency, channel, newspaper, site, radio, outlet, correspondent or dateline.
    public var role: String
    /// Gazetteer id when the credit is a known outlet or place.
    public var entity: String?
    /// True when the next credit in the chain quoted this one (the source reached the text
    /// through it); absent otherwise, so stored chains without it read as having no relay.
    public var relayed: Bool?

    public init(name: String, role: String, entity: String? = nil, relayed: Bool = false) {
        self.name = name
        self.role = role
        self.entity = entity
        self.relayed = relayed ? true : nil
    }
}

/// Who an article comes from: the publishing outlet and the credits inside the text, in order
/// from the original source to the last relay.
public struct ArticleAttribution: Sendable, Hashable, Codable {
    public var outlet: String?
    public var credits: [AttributionCredit]

    public init(outlet: String? = nil, credits: [AttributionCredit] = []) {
        self.outlet = outlet
        self.credits = credits
    }

    /// The cited sources only (agencies, channels, papers), without byline, dateline or the outlet.
    public var citedSources: [AttributionCredit] {
        credits.filter { !["outlet", "correspondent", "dateline"].contains($0.role) }
    }
}

/// What the tagging and fingerprinting stages computed for an article, stored with it.
public struct ArticleAnnotations: Sendable, Hashable {
    public var tags: [ArticleTag]
    public var attribution: ArticleAttribution
    /// The stories stage's fingerprint and term signature (`KhabarStories.Signature.encoded()`).
    public var signature: [UInt8]

    public init(tags: [ArticleTag], attribution: ArticleAttribution, signature: [UInt8]) {
        self.tags = tags
        self.attribution = attribution
        self.signature = signature
    }
}

/// A tag with how many stored articles carry it.
public struct TagInfo: Sendable, Hashable, Codable {
    public var slug: String
    public var name: String
    public var type: String
    public var articleCount: Int

    public init(slug: String, name: String, type: String, articleCount: Int) {
        self.slug = slug
        self.name = name
        self.type = type
        self.articleCount = articleCount
    }
}

/// One event's coverage across outlets. The id is the sequence number of its first article.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var title: String
    /// The article the story was opened with (its earliest copy when the clusterer knows one).
    public var primarySeq: Int64
    /// The article whose title heads the story (`title` is its title): the member that says most
    /// of what the others say (`StoryHeadline`), often not the first.
    public var headlineSeq: Int64
    public var first: Date
    public var last: Date
    public var articleCount: Int
    public var sourceCount: Int
    /// Outlet names, by first appearance.
    public var sources: [String]

    public init(id: Int64, title: String, primarySeq: Int64, headlineSeq: Int64? = nil, first: Date, last: Date,
                articleCount: Int, sourceCount: Int, sources: [String]) {
        self.id = id
        self.title = title
        self.primarySeq = primarySeq
        self.headlineSeq = headlineSeq ?? primarySeq
        self.first = first
        self.last = last
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.sources = sources
    }
}

/// What the clustering stage and the related-articles index read of a stored article.
public struct ClusterRecord: Sendable, Hashable {
    public var seq: Int64
    public var published: Date
    public var source: String
    public var title: String
    public var signature: [UInt8]
    public var storyID: Int64?
    public var duplicateOf: Int64?
    /// Further primaries the article also copies (a paper article that bundles two wire items).
    public var alsoDuplicateOf: [Int64]
    /// Position in the order the clustering stage wrote assignments (nil until clustered).
    public var clusterSeq: Int64?

    public init(seq: Int64, published: Date, source: String, title: String, signature: [UInt8],
                storyID: Int64? = nil, duplicateOf: Int64? = nil, alsoDuplicateOf: [Int64] = [], clusterSeq: Int64? = nil) {
        self.seq = seq
        self.published = published
        self.source = source
        self.title = title
        self.signature = signature
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.alsoDuplicateOf = alsoDuplicateOf
        self.clusterSeq = clusterSeq
    }
}

/// The clustering stage's decision for one article.
public struct StoryPlacement: Sendable, Hashable {
    public var seq: Int64
    public var storyID: Int64
    public var duplicateOf: Int64?
    /// Further primaries the article also copies, ascending, without `duplicateOf`.
    public var alsoDuplicateOf: [Int64]

    public init(seq: Int64, storyID: Int64, duplicateOf: Int64?, alsoDuplicateOf: [Int64] = []) {
        self.seq = seq
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.alsoDuplicateOf = alsoDuplicateOf
    }

}

/// A tag that shares articles with another: `together` articles carry both, `tag.articleCount`
/// is this tag's own total.
public struct CooccurringTag: Sendable, Hashable, Codable {
    public var tag: TagInfo
    public var together: Int

    public init(tag: TagInfo, together: Int) {
        self.tag = tag
        self.together = together
    }
}
