import Foundation
import KhabarModel
import KhabarStorage

/// Public feeds of Arabic outlets, added on the first start of `khabar serve` unless
/// `--no-default-sources`. One source per line: `name|feed URL`. These are the outlets' own
/// published feed addresses as of 2026; the machine this list was written on had no network, so a
/// feed that has moved shows its error on its source page and can be fixed or removed there.
let defaultSourcesData = #"""
بي بي سي عربي|https://feeds.bbci.co.uk/arabic/rss.xml
فرانس 24|https://www.france24.com/ar/rss
دويتشه فيله عربية|https://rss.dw.com/rdf/rss-ar-all
أخبار الأمم المتحدة|https://news.un.org/feed/subscribe/ar/news/all/rss.xml
آر تي عربي|https://arabic.rt.com/rss/
يورونيوز عربي|https://arabic.euronews.com/rss
سي إن إن عربية|https://arabic.cnn.com/api/v1/rss/rss.xml
العربية|https://www.alarabiya.net/feed/rss2/ar.xml
الشرق الأوسط|https://aawsat.com/feed
القدس العربي|https://www.alquds.co.uk/feed/
هسبريس|https://www.hespress.com/feed
الأناضول|https://www.aa.com.tr/ar/rss/default?cat=guncel
"""#

/// The shipped list of feeds, added once per installation.
public enum DefaultSources {
    public static var all: [(name: String, url: String)] {
        defaultSourcesData.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmed }
            guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("http") else { return nil }
            return (parts[0], parts[1])
        }
    }

    /// Adds the list on the first start of an installation only: a user who removes a default
    /// source never sees it come back. Returns how many were added.
    public static func addOnce(to store: any KhabarStore) async throws -> Int {
        guard try await store.setSettingOnce("default_sources_added", value: DateParsing.iso8601(Date())) else { return 0 }
        for source in all {
            _ = try await store.addFeedSource(feedURL: source.url, name: source.name, domain: URLComponents(string: source.url)?.host)
        }
        return all.count
    }
}
