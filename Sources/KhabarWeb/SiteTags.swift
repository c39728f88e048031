import Foundation
import Hummingbird
import KhabarModel
import KhabarStorage

// The topics directory: the tags of the news of a day, a week, a month or of every date, by type
// (people, organizations, countries …), each with how many news carry it. `/tags` is the page,
// `/api/tags` the same as JSON; the home page shows the first of the day's.

extension Site {
    /// The span a directory counts over, back from the newest listed news (a store filled from
    /// an archive has its own "today").
    enum TagPeriod: String, CaseIterable, Sendable {
        case day, week, month, all

        /// The period of `/tags` and `/api/tags` when none is asked, the same for both (the home
        /// page's own list is the day's).
        static let directoryDefault = TagPeriod.week

        var seconds: TimeInterval? {
            switch self {
            case .day: 24 * 3600
            case .week: 7 * 24 * 3600
            case .month: 30 * 24 * 3600
            case .all: nil
            }
        }

        var label: String {
            switch self {
            case .day: "آخر 24 ساعة"
            case .week: "آخر أسبوع"
            case .month: "آخر شهر"
            case .all: "كل الأوقات"
            }
        }
    }

    /// The tag types in the order the directory shows them, each with its heading.
    static let tagTypes: [(type: String, heading: String)] = [
        ("person", "أشخاص"), ("organization", "منظمات وهيئات"), ("country", "دول"), ("place", "أماكن"),
        ("outlet", "وسائل إعلام"), ("keyphrase", "موضوعات"),
    ]

    /// What a directory request asks for: `period=day|week|month|all`, `type=` one of
    /// `tagTypes`, `limit=` 1–200. A value outside those is a 400 naming the parameter.
    struct TagsParameters: Sendable {
        var period: TagPeriod
        var type: String?
        var limit: Int?

        init(query: [String: String]) throws {
            period = .directoryDefault
            if let p = query["period"], !p.isEmpty {
                guard let parsed = TagPeriod(rawValue: p) else {
                    throw BadRequest("period: expected one of day, week, month, all (got \(p.prefix(40)))",
                                     arabic: "قيمة «period» واحدة من day (يوم) أو week (أسبوع) أو month (شهر) أو all (كل الأيام)، وقد وصل: «\(p.prefix(40))».")
                }
                period = parsed
            }
            if let t = query["type"], !t.isEmpty {
                guard Site.tagTypes.contains(where: { $0.type == t }) else {
                    throw BadRequest("type: expected one of " + Site.tagTypes.map(\.type).joined(separator: ", ") + " (got \(t.prefix(40)))",
                                     arabic: "قيمة «type» واحدة من " + Site.tagTypes.map { "\($0.type) (\($0.heading))" }.joined(separator: "، ")
                                         + "، وقد وصل: «\(t.prefix(40))».")
                }
                type = t
            }
            if let l = query["limit"], !l.isEmpty {
                guard let n = Int(l), (1...200).contains(n) else {
                    throw BadRequest("limit: expected a number from 1 to 200", arabic: "قيمة «limit» عدد من 1 إلى 200.")
                }
                limit = n
            }
        }

        init(request: Request) throws {
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            try self.init(query: query)
        }
    }

    /// The most used tags of `period` (of `type` when given), counted up to `listedUntil()`.
    func topTags(_ period: TagPeriod, type: String?, limit: Int) async throws -> [TagInfo] {
        let key = "\(period.rawValue)|\(type ?? "")|\(limit)"
        let maxAge = configuration.homePageCacheSeconds
        if maxAge > 0, let kept = topTagsCache.get(key, maxAge: maxAge) { return kept }
        let now = try await newest()
        // every date: from year 1 (archives reach back before 1970)
        let from = period.seconds.map { now.addingTimeInterval(-$0) } ?? Date(timeIntervalSince1970: -62_135_596_800)
        let tags = try await store.topTags(from: from, to: Self.listedUntil(), type: type, limit: limit)
        if maxAge > 0 { topTagsCache.put(key, tags) }
        return tags
    }

    /// `/tags`: every type's most used tags of the period (a week unless asked), or one type's
    /// longer list.
    func tagsPage(_ p: TagsParameters) async throws -> Response {
        func href(period: TagPeriod, type: String?) -> String {
            var items: [String] = []
            if period != .directoryDefault { items.append("period=" + period.rawValue) }
            if let type { items.append("type=" + type) }
            return "/tags" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
        }
        var sections: [[String: Any]] = []
        let types = p.type.map { t in Self.tagTypes.filter { $0.type == t } } ?? Self.tagTypes
        for (type, heading) in types {
            let limit = p.limit ?? (p.type == nil ? 20 : 100)
            let tags = try await topTags(p.period, type: type, limit: limit)
            guard !tags.isEmpty else { continue }
            var section: [String: Any] = [
                "heading": heading,
                "items": tags.map { tag -> [String: Any] in
                    var item = tagItem(tag.slug, tag.name)
                    item["countPhrase"] = ArabicCountedNoun.news(tag.articleCount)
                    return item
                },
            ]
            if p.type == nil && tags.count == limit { section["more"] = href(period: p.period, type: type) }
            sections.append(section)
        }
        let heading = p.type.flatMap { t in Self.tagTypes.first { $0.type == t }?.heading } ?? "المواضيع"
        let context: [String: Any] = [
            "heading": heading,
            "periods": TagPeriod.allCases.map { period -> [String: Any] in
                ["label": period.label, "href": href(period: period, type: p.type), "current": period == p.period]
            },
            "types": ([(nil, "الكل")] + Self.tagTypes.map { (Optional($0.type), $0.heading) }).map { type, label -> [String: Any] in
                ["label": label, "href": href(period: p.period, type: type), "current": type == p.type]
            },
            "sections": sections,
        ]
        return page(title: heading, template: "tags", context: context)
    }

    /// `/api/tags`: the most used tags of the period (the last week unless asked), 30 unless
    /// asked, of one type when asked.
    func apiTopTags(_ p: TagsParameters) async throws -> Response {
        let tags = try await topTags(p.period, type: p.type, limit: p.limit ?? 30)
        return Self.json(TopTagsJSON(period: p.period.rawValue, type: p.type,
                                     tags: tags.map { TagJSON(slug: $0.slug, name: $0.name, type: $0.type, aliases: nil,
                                                              articleCount: $0.articleCount, articles: nil, next: nil, newer: nil) }))
    }

    struct TopTagsJSON: Encodable {
        var period: String
        var type: String?
        var tags: [TagJSON]
    }
}

/// Answers of `Site.topTags` kept a few seconds, shared by the server's request handlers.
final class TopTagsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: (at: Date, tags: [TagInfo])] = [:]

    func get(_ key: String, maxAge: TimeInterval) -> [TagInfo]? {
        lock.withLock {
            guard let k = kept[key], Date().timeIntervalSince(k.at) < maxAge else { return nil }
            return k.tags
        }
    }

    func put(_ key: String, _ tags: [TagInfo]) {
        lock.withLock {
            // (periods × types × lengths asked: a few dozen keys; a crawler trying every limit
            // empties it)
            if kept.count >= 256 { kept.removeAll() }
            kept[key] = (Date(), tags)
        }
    }
}
