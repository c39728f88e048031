import Foundation
import Hummingbird
import HummingbirdCore
import KhabarModel
import KhabarStorage

/// The query string of `/search` and `/api/search`, validated once.
struct SearchParameters {
    var query: String
    var source: String?
    var tag: String?
    var from: String?
    var to: String?
    var page: String?
    var limit: String?

    /// From the request's raw query string (`request.uri.query`). HTML forms send a space as
    /// '+' and a '+' as "%2B", so '+' is read as a space before percent-decoding, not after
    /// (which made "C%2B%2B" a search for "C"). The first value of a repeated name wins.
    init(query raw: String?) {
        var values: [String: String] = [:]
        for pair in (raw ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        // cut as the engine cuts it: the page, its feeds and its links then repeat what was
        // searched, not a 70,000-character paste four times over
        query = SearchEngine.head(values["q"] ?? "", characters: SearchEngine.maxQueryCharacters)
        source = values["source"]
        tag = values["tag"]
        from = values["from"]
        to = values["to"]
        page = values["page"]
        limit = values["limit"]
    }

    /// `?q=…` with the filters that are set (and `page` when given), percent-encoded: the query
    /// of the next page's link and of the search's feeds.
    func queryString(page: Int? = nil) -> String {
        var items = [URLQueryItem(name: "q", value: query.trimmed)]
        for (name, value) in [("source", source), ("tag", tag), ("from", from), ("to", to), ("limit", limit)] {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        // URLComponents leaves '+' as it is, and a '+' in a query string reads as a space
        return components.percentEncodedQuery.map { "?" + $0.replacingOccurrences(of: "+", with: "%2B") } ?? ""
    }

    func filters(pageSize: Int) throws -> SearchEngine.Filters {
        var filters = SearchEngine.Filters(limit: pageSize)
        if let source, !source.isEmpty {
            filters.sourceID = try Site.sourceID(source)
        }
        if let tag, !tag.isEmpty { filters.tag = tag }
        if let from, !from.isEmpty {
            guard let date = DateParsing.parse(from) else {
                throw BadRequest("from: expected a date such as 2018-05-01", arabic: "قيمة «from» تاريخ مثل 2018-05-01.")
            }
            filters.from = date
        }
        if let to, !to.isEmpty {
            guard let date = DateParsing.parse(to) else {
                throw BadRequest("to: expected a date such as 2018-05-31", arabic: "قيمة «to» تاريخ مثل 2018-05-31.")
            }
            // A bare day means the whole day.
            filters.to = to.count == 10 ? date.addingTimeInterval(86_400) : date
            // a range that ends before it starts is a mistake to name, not an empty answer
            if let start = filters.from, let end = filters.to, end <= start {
                throw BadRequest("to: \(to) is before from (\(from ?? ""))",
                                 arabic: "تاريخ «to» ‏(\(to)) قبل تاريخ «from» ‏(\(from ?? ""))، فلا شيء بينهما.")
            }
        }
        // misdated articles (2099) are left out of results as they are out of every list
        let until = Site.listedUntil()
        filters.to = min(filters.to ?? until, until)
        if let limit, !limit.isEmpty {
            guard let n = Int(limit), (1...100).contains(n) else {
                throw BadRequest("limit: expected a number from 1 to 100", arabic: "قيمة «limit» عدد من 1 إلى 100.")
            }
            filters.limit = n
        }
        if let page, !page.isEmpty {
            guard let n = Int(page), (1...500).contains(n) else {
                throw BadRequest("page: expected a number from 1 to 500", arabic: "قيمة «page» رقم صفحة من 1 إلى 500.")
            }
            filters.offset = (n - 1) * filters.limit
        }
        return filters
    }
}

extension Site {
    static func snippetHTML(_ pieces: [(text: String, match: Bool)]) -> String {
        pieces.map { $0.match ? "<mark>" + HTMLText.escape($0.text) + "</mark>" : HTMLText.escape($0.text) }.joined()
    }

    static func snippetText(_ pieces: [(text: String, match: Bool)]) -> String {
        pieces.map(\.text).joined()
    }

    /// The search's filters (`SearchParameters.filters`), the source and tag they name checked:
    /// one that does not exist is not found, as its own page is not (an empty result would read
    /// as "nothing matched"). A tag is named by its slug; a name typed in everyday spelling or an
    /// entity's name (إسبانيا) is not taken for its slug, but the message names the slug it leads
    /// to. `api`: the message in English, as the API's other errors; else in Arabic, for the page
    /// and the feeds.
    func searchFilters(_ parameters: SearchParameters, pageSize: Int, api: Bool) async throws -> SearchEngine.Filters {
        var filters = try parameters.filters(pageSize: pageSize)
        if let id = filters.sourceID, try await store.source(id: id) == nil {
            throw HTTPError(.notFound, message: api ? "source: no source \(id)" : "لا يوجد مصدر بالمعرّف «\(id)».")
        }
        if let slug = filters.tag, try await storedArticleCount(slug) == 0 {
            // a tag named as its address reads it (tag=روسيا is russia, as /tag/روسيا leads there)
            guard let canonical = try await canonicalTagSlug(slug) else {
                let shown = String(slug.prefix(80))
                throw HTTPError(.notFound, message: api ? "tag: no tag \(shown)" : "لا يوجد وسم «\(shown)».")
            }
            filters.tag = canonical
        }
        return filters
    }

    func searchPage(_ parameters: SearchParameters) async throws -> Response {
        let filters = try await searchFilters(parameters, pageSize: 20, api: false)
        let sources = try await store.sources()
        var context: [String: Any] = [
            "query": parameters.query, "from": parameters.from ?? "", "to": parameters.to ?? "",
            "sources": sources.map { s -> [String: Any] in
                ["id": s.id, "name": outletName(s), "selected": filters.sourceID == s.id]
            },
        ]
        if let slug = filters.tag, let tag = try await store.tag(slug: slug) {
            // the filter stays on through the form; a link searches without it
            var without = parameters
            without.tag = nil
            context["tag"] = ["slug": slug, "name": tag.name, "path": "/tag/" + Self.pathComponent(slug),
                              "without": "/search" + without.queryString()]
        }
        let trimmed = parameters.query.trimmed
        if trimmed.isEmpty { context["syntax"] = true }
        if !trimmed.isEmpty {
            let response = try await engine.search(trimmed, filters: filters)
            if response.onlyExclusions {
                context["message"] = "البحث يستبعد كلمات فقط ولا يطلب شيئاً: أضف كلمة تبحث عنها قبل الكلمات المستبعدة (-كلمة)."
            } else if response.words.isEmpty {
                context["message"] = "لا يحتوي البحث على كلمات يمكن البحث عنها. جرّب كلمات أخرى."
            } else if response.total == 0 {
                context["message"] = "لا توجد نتائج لـ«\(trimmed.prefix(100))»."
            } else {
                // the count says how many matching articles are copies shown under another's headline
                context["summary"] = ArabicCountedNoun.result(response.total)
                    + (response.folded > 0 ? "، ضُمّت إليها \(ArabicCountedNoun.copy(response.folded)) من الأخبار نفسها" : "")
                    + (response.partialMatch ? " (لم تُطابق كل الكلمات)" : "")
                if filters.offset > 0 { context["start"] = filters.offset + 1 }
                let copies = try await copies(of: response)
                context["results"] = response.results.map { result -> [String: Any] in
                    let a = result.hit.article
                    var item: [String: Any] = [
                        "path": Self.pathComponent(a.id), "titleHTML": HTMLText.isolated(a.title),
                        "sourceID": a.source.id, "sourceName": outletName(a.source),
                        "iso": DateParsing.iso8601(a.published), "date": dates.day(a.published),
                        "snippetHTML": Self.snippetHTML(result.snippet)]
                    // each copy folded into the hit, by its outlet, a link to its own page
                    let folded = result.hit.copies.compactMap { copies[$0] }
                    if !folded.isEmpty {
                        item["copies"] = ["label": Self.otherCopies(folded.count),
                                          "items": folded.enumerated().map { i, c -> [String: Any] in
                                              ["path": Self.pathComponent(c.id), "sourceName": outletName(c.source), "title": c.title,
                                               "date": dates.day(c.published), "separator": i == 0 ? "" : " · "]
                                          }]
                    }
                    return item
                }
                // page numbers, not cursors: a ranked list has no position to page from
                let lastPage = (response.total - 1) / filters.limit + 1
                if filters.offset >= response.total {
                    // past the last page (an old link, a hand-made number): say so, and go back to the last one
                    context["message"] = "لا نتائج في هذه الصفحة: كل النتائج في \(ArabicCountedNoun.page.genitive(lastPage))."
                    context["previous"] = "/search" + parameters.queryString(page: lastPage > 1 ? lastPage : nil)
                } else if filters.offset > 0 {
                    let page = filters.offset / filters.limit
                    context["previous"] = "/search" + parameters.queryString(page: page > 1 ? page : nil)
                }
                if filters.offset + filters.limit < response.total {
                    context["next"] = "/search" + parameters.queryString(page: filters.offset / filters.limit + 2)
                }
                if context["previous"] != nil || context["next"] != nil { context["pager"] = true }
            }
        }
        let title = trimmed.isEmpty ? "البحث" : "البحث: \(trimmed.prefix(60))"
        return page(title: title, template: "search", context: context,
                    feedLinks: trimmed.isEmpty ? [] : feedLinks("/search", title: title, query: parameters.queryString()))
    }

    func apiSearch(_ parameters: SearchParameters) async throws -> Response {
        let filters = try await searchFilters(parameters, pageSize: 20, api: true)
        let trimmed = parameters.query.trimmed
        // the page shows its form for an empty query; a program that sent none has a bug to hear of
        guard !trimmed.isEmpty else { throw BadRequest("q: a search query is required", arabic: "اكتب ما تبحث عنه في «q».") }
        let response = try await engine.search(trimmed, filters: filters)
        return Self.json(SearchJSON(response, copies: try await copies(of: response)))
    }

    /// The copies folded into the hits (`SearchHit.copies`), by sequence number, read at once.
    func copies(of response: SearchEngine.Response) async throws -> [Int64: Article] {
        let seqs = response.results.flatMap(\.hit.copies)
        guard !seqs.isEmpty else { return [:] }
        return Dictionary(try await store.articles(seqs: seqs).map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// "ونسخة أخرى", "ونسختان أخريان", "و3 نسخ أخرى", "و11 نسخةً أخرى": the line under a hit.
    static func otherCopies(_ n: Int) -> String {
        switch n {
        case 1: "ونسخة أخرى"
        case 2: "ونسختان أخريان"
        default: "و" + ArabicCountedNoun.copy(n) + " أخرى"
        }
    }
}

/// `{"query","total","hits":[{"id","title","source","published","score","snippet"}]}` (DESIGN.md §5);
/// `snippet` is plain text, `snippetHTML` the same passage escaped with `<mark>` around matches.
/// `note` says why a query could not be searched (only exclusions, no searchable word); absent
/// when it was.
public struct SearchJSON: Codable, Sendable {
    public struct Hit: Codable, Sendable {
        public var id: String
        public var title: String
        public var source: String
        public var published: String
        public var score: Double
        public var snippet: String
        public var snippetHTML: String
        /// The ids of the matching articles folded into this hit (copies under its headline);
        /// absent when none.
        public var copies: [String]?
    }

    public var query: String
    public var total: Int
    public var partialMatch: Bool
    /// Matching articles folded into another hit: `total + folded` articles matched.
    public var folded: Int
    public var note: String?
    public var hits: [Hit]

    /// `copies`: the folded copies by sequence number (`Site.copies(of:)`); their ids are listed.
    public init(_ response: SearchEngine.Response, copies: [Int64: Article] = [:]) {
        query = response.query
        total = response.total
        partialMatch = response.partialMatch
        folded = response.folded
        note = Self.note(response)
        hits = response.results.map { r in
            let ids = r.hit.copies.compactMap { copies[$0]?.id }
            return Hit(id: r.hit.article.id, title: r.hit.article.title, source: r.hit.article.source.name,
                       published: DateParsing.iso8601(r.hit.article.published), score: (r.hit.score * 1000).rounded() / 1000,
                       snippet: Site.snippetText(r.snippet), snippetHTML: Site.snippetHTML(r.snippet), copies: ids.isEmpty ? nil : ids)
        }
    }

    /// Why `response` searched nothing, in English; nil when it searched.
    public static func note(_ response: SearchEngine.Response) -> String? {
        if response.onlyExclusions { return "the query only excludes (-word): add a word to look for" }
        if response.words.isEmpty { return "the query has no searchable words" }
        return nil
    }
}
