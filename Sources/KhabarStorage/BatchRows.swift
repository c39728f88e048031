/// Rows one write transaction has already written, so later articles of the batch skip them:
/// source ids by name, tag rows by slug. What an article added is forgotten when its savepoint
/// rolls back, since its rows went with it (a remembered source id would then fail the next
/// article's foreign key).
public struct BatchRows: Sendable {
    public init() {}

    public private(set) var sources: [String: Int64] = [:]
    private var tags: [String: (name: String, type: String)] = [:]
    private var addedSources: [String] = []
    private var addedTags: [String] = []

    /// A new article: what it adds can be forgotten on its own.
    public mutating func begin() {
        addedSources.removeAll(keepingCapacity: true)
        addedTags.removeAll(keepingCapacity: true)
    }

    /// The article since `begin()` was rolled back.
    public mutating func forgetArticle() {
        for name in addedSources { sources[name] = nil }
        for slug in addedTags { tags[slug] = nil }
        begin()
    }

    public mutating func addSource(_ name: String, _ id: Int64) {
        sources[name] = id
        addedSources.append(name)
    }

    public func hasTag(_ slug: String, name: String, type: String) -> Bool {
        guard let t = tags[slug] else { return false }
        return t.name.utf8.elementsEqual(name.utf8) && t.type.utf8.elementsEqual(type.utf8)
    }

    public mutating func addTag(_ slug: String, name: String, type: String) {
        tags[slug] = (name, type)
        addedTags.append(slug)
    }
}
