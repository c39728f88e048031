import Foundation

/// A source that Khabar polls: an outlet with a feed URL and its fetch state.
public struct FeedSource: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var domain: String?
    public var feedURL: String
    public var siteURL: String?
    public var enabled: Bool
    /// Validators from the last 200 answer, sent back as If-None-Match / If-Modified-Since.
    public var etag: String?
    public var lastModified: String?
    public var lastFetchAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var nextPollAt: Date?
    /// Seconds between polls; adapted to how often the feed publishes.
    public var pollInterval: Double
    public var failures: Int
    public var articleCount: Int
    /// Items in the feed at the last successful fetch.
    public var lastItems: Int?

    public init(id: Int64, name: String, domain: String?, feedURL: String, siteURL: String? = nil, enabled: Bool = true,
                etag: String? = nil, lastModified: String? = nil, lastFetchAt: Date? = nil, lastStatus: Int? = nil,
                lastError: String? = nil, nextPollAt: Date? = nil, pollInterval: Double = FeedSource.defaultInterval,
                failures: Int = 0, articleCount: Int = 0, lastItems: Int? = nil) {
        self.id = id
        self.name = name
        self.domain = domain
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.enabled = enabled
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetchAt = lastFetchAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.nextPollAt = nextPollAt
        self.pollInterval = pollInterval
        self.failures = failures
        self.articleCount = articleCount
        self.lastItems = lastItems
    }

    public static let defaultInterval: Double = 15 * 60
    public static let minimumInterval: Double = 5 * 60
    public static let maximumInterval: Double = 6 * 3600
}

/// What one poll of a feed found, recorded on its source (and releasing the lease).
public struct FetchRecord: Sendable, Hashable {
    public var status: Int?
    public var etag: String?
    public var lastModified: String?
    public var error: String?
    public var items: Int
    public var fetchedAt: Date
    public var nextPollAt: Date
    public var pollInterval: Double
    /// A title learned from the feed, used when the source has no name of its own yet.
    public var feedTitle: String?
    public var siteURL: String?

    public init(status: Int?, etag: String?, lastModified: String?, error: String?, items: Int, fetchedAt: Date,
                nextPollAt: Date, pollInterval: Double, feedTitle: String? = nil, siteURL: String? = nil) {
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.error = error
        self.items = items
        self.fetchedAt = fetchedAt
        self.nextPollAt = nextPollAt
        self.pollInterval = pollInterval
        self.feedTitle = feedTitle
        self.siteURL = siteURL
    }
}
