import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import KhabarStorage
import Logging
import Prometheus
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// The value of one sample line (`name{labels} value`) of a Prometheus text page.
func sample(_ page: String, _ series: String) -> Double? {
    for line in page.split(separator: "\n") where line.hasPrefix(series + " ") {
        return Double(line.dropFirst(series.count + 1))
    }
    return nil
}

@Suite(.scratch) struct MetricsTests {
    @Test func metricsCountRequestsByRouteAndReadTheDatabase() async throws {
        let store = try await StoryFixtures.store()
        // one feed that failed an hour ago and should have been polled again since, one never polled
        let now = Date()
        let failing = try await store.addFeedSource(feedURL: "https://feeds.example/a.xml", name: "أ", domain: nil)
        _ = try await store.addFeedSource(feedURL: "https://feeds.example/b.xml", name: "ب", domain: nil)
        _ = try await store.claimDueFeeds(owner: "test", now: now, lease: 60, limit: 10, only: failing.id)
        try await store.recordFetch(sourceID: failing.id, owner: "test", record: FetchRecord(
            status: 500, etag: nil, lastModified: nil, error: "HTTP 500", items: 0, fetchedAt: now.addingTimeInterval(-3600),
            nextPollAt: now.addingTimeInterval(-1800), pollInterval: 1800))
        let registry = PrometheusCollectorRegistry()
        let configuration = WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, metrics: registry)
        let app = try buildApplication(store: store, configuration: configuration, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for uri in ["/article/s-1", "/article/s-2", "/article/no-such-id", "/tag/russia.rss", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { _ in }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                let page = String(buffer: response.body)
                // requests: by route pattern, not by id; errors with the status the client got
                #expect(sample(page, #"khabar_http_requests_total{method="GET",route="/article/{id}",status="200"}"#) == 2)
                #expect(sample(page, #"khabar_http_requests_total{method="GET",route="/article/{id}",status="404"}"#) == 1)
                #expect(sample(page, #"khabar_http_requests_total{method="GET",route="/tag/{slug}",status="200"}"#) == 1)
                #expect(sample(page, #"khabar_http_requests_total{method="GET",route="NotFound",status="404"}"#) == 1)
                #expect(sample(page, #"khabar_http_request_seconds_count{route="/article/{id}"}"#) == 3)
                // the database
                #expect(sample(page, "khabar_articles") == Double(StoryFixtures.drafts.count))
                #expect(sample(page, #"khabar_feeds{state="ok"}"#) == 1)
                #expect(sample(page, #"khabar_feeds{state="failing"}"#) == 1)
                #expect(sample(page, #"khabar_feeds{state="disabled"}"#) == 0)
                #expect(sample(page, "khabar_feeds_overdue") == 1)
                #expect(page.contains("# TYPE khabar_articles gauge"))
                #expect((sample(page, "khabar_newest_article_age_seconds") ?? -1) > 0)
            }
        }
    }

    /// Without a registry (tests, embedders) the page still shows the database's gauges.
    @Test func metricsWithoutARegistryShowTheDatabase() async throws {
        try await withApp { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(sample(page, "khabar_articles") == 3)
                #expect(!page.contains("khabar_http_requests_total"))
            }
        }
    }
}
