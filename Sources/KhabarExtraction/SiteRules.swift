/// Per-site rules (`siteRuleData`): which element holds the article on a known outlet, and what
/// inside it to throw away.
struct SiteRule: Sendable {
    var host: String
    var pathPrefix: String
    var content: [Selector]
    var remove: [Selector]
}

enum SiteRules {
    static let all: [SiteRule] = parse(siteRuleData)

    static func parse(_ data: String) -> [SiteRule] {
        var rules: [SiteRule] = []
        for line in data.split(separator: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty || t.hasPrefix("#") { continue }
            let cols = t.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            guard cols.count >= 2, !cols[0].isEmpty else { continue }
            var host = cols[0].lowercased()
            var path = ""
            if let slash = host.firstIndex(of: "/") {
                path = String(host[slash...])
                host = String(host[..<slash])
            }
            let content = cols[1].split(separator: ",").compactMap { Selector(String($0)) }
            let remove = cols.count > 2 ? cols[2].split(separator: ",").compactMap { Selector(String($0)) } : []
            if content.isEmpty { continue }
            rules.append(SiteRule(host: host, pathPrefix: path, content: content, remove: remove))
        }
        return rules
    }

    /// The most specific rule for a page URL (longest host, then longest path prefix).
    static func rule(for url: String?) -> SiteRule? {
        guard let url, let parts = URLTools.hostAndPath(url) else { return nil }
        var best: SiteRule?
        for r in all {
            guard parts.host == r.host || parts.host.hasSuffix("." + r.host) else { continue }
            guard r.pathPrefix.isEmpty || parts.path.lowercased().hasPrefix(r.pathPrefix) else { continue }
            if let b = best, (b.host.count, b.pathPrefix.count) >= (r.host.count, r.pathPrefix.count) { continue }
            best = r
        }
        return best
    }
}
