import Foundation
import KhabarModel
import KhabarStorage
import Testing
import KhabarTestSupport

@Suite(.scratch) struct FeedSourceContractTests {
    @Test(arguments: Backend.allCases)
    func addingIsIdempotentAndAdoptsAnImportedOutlet(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([draft("a", source: "صحيفة الشرق")])
        let first = try await store.addFeedSource(feedURL: "https://east.example/rss", name: "صحيفة الشرق", domain: "east.example")
        let again = try await store.addFeedSource(feedURL: "https://east.example/rss", name: "اسم آخر", domain: nil)
        #expect(first.id == again.id && again.name == "صحيفة الشرق")
        #expect(first.articleCount == 1)  // the imported outlet gained the feed: no twin source
        let other = try await store.addFeedSource(feedURL: "https://east.example/sport.rss", name: "صحيفة الشرق", domain: "east.example")
        #expect(other.id != first.id && other.name == "صحيفة الشرق (2)")
        #expect(try await store.feedSources().map(\.id) == [first.id, other.id])
        #expect(try await store.feedSource(id: first.id)?.feedURL == "https://east.example/rss")
    }

    /// A source added without a name is named after its host until its feed says its own title;
    /// a name someone gave, or one another source holds, stays.
    @Test(arguments: Backend.allCases)
    func aSourceNamedAfterItsHostTakesTheFeedsTitle(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let unnamed = try await store.addFeedSource(feedURL: "https://west.example/rss", name: nil, domain: "west.example")
        let named = try await store.addFeedSource(feedURL: "https://north.example/rss", name: "الشمال", domain: "north.example")
        let twin = try await store.addFeedSource(feedURL: "https://south.example/rss", name: nil, domain: "south.example")
        let second = try await store.addFeedSource(feedURL: "https://west.example/sport.rss", name: nil, domain: "west.example")
        let lookalike = try await store.addFeedSource(feedURL: "https://east.example/rss", name: "west.example (x)", domain: "west.example")
        #expect(unnamed.name == "west.example" && second.name == "west.example (2)")
        func fetched(_ title: String) -> FetchRecord {
            FetchRecord(status: 200, etag: nil, lastModified: nil, error: nil, items: 1, fetchedAt: Date(),
                        nextPollAt: Date().addingTimeInterval(900), pollInterval: 900, feedTitle: title)
        }
        try await store.recordFetch(sourceID: unnamed.id, owner: "w", record: fetched("صحيفة الغرب"))
        try await store.recordFetch(sourceID: named.id, owner: "w", record: fetched("North Daily"))
        try await store.recordFetch(sourceID: twin.id, owner: "w", record: fetched("صحيفة الغرب"))
        #expect(try await store.feedSource(id: unnamed.id)?.name == "صحيفة الغرب")
        #expect(try await store.feedSource(id: named.id)?.name == "الشمال")
        #expect(try await store.feedSource(id: twin.id)?.name == "south.example", "the title is taken")
        // a host's second feed was named "host (2)": it takes its title too; a name that only
        // looks like one stays
        try await store.recordFetch(sourceID: second.id, owner: "w", record: fetched("الغرب الرياضي"))
        try await store.recordFetch(sourceID: lookalike.id, owner: "w", record: fetched("الشرق"))
        #expect(try await store.feedSource(id: second.id)?.name == "الغرب الرياضي")
        #expect(try await store.feedSource(id: lookalike.id)?.name == "west.example (x)")
    }

    @Test(arguments: Backend.allCases)
    func feedLeaseHoldersAreListedAndReleased(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        for i in 0..<4 { _ = try await store.addFeedSource(feedURL: "https://l.example/\(i)", name: "مصدر \(i)", domain: nil) }
        let now = Date()
        _ = try await store.claimDueFeeds(owner: "gone", now: now, lease: 60, limit: 2, only: nil)
        _ = try await store.claimDueFeeds(owner: "live", now: now, lease: 60, limit: 1, only: nil)
        #expect(Set(try await store.feedLeaseHolders(now: now)) == ["gone", "live"])
        // an expired lease holds nothing
        #expect(try await store.feedLeaseHolders(now: now.addingTimeInterval(120)).isEmpty)
        #expect(try await store.releaseFeedLeases(owner: "gone") == 2)
        #expect(try await store.releaseFeedLeases(owner: "gone") == 0)
        #expect(try await store.feedLeaseHolders(now: now) == ["live"])
        #expect(try await store.claimDueFeeds(owner: "next", now: now, lease: 60, limit: 10, only: nil).count == 3)
    }

    @Test(arguments: Backend.allCases)
    func leasesKeepTwoWorkersOffOneFeedAndExpire(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        for i in 0..<5 { _ = try await store.addFeedSource(feedURL: "https://f.example/\(i)", name: "مصدر \(i)", domain: nil) }
        let now = Date()
        let a = try await store.claimDueFeeds(owner: "worker-a", now: now, lease: 60, limit: 3, only: nil)
        let b = try await store.claimDueFeeds(owner: "worker-b", now: now, lease: 60, limit: 3, only: nil)
        #expect(a.count == 3 && b.count == 2)
        #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
        #expect(try await store.claimDueFeeds(owner: "worker-c", now: now, lease: 60, limit: 3, only: nil).isEmpty)
        // worker-a finishes one feed: it is released and scheduled later, so not due now.
        let done = a[0]
        try await store.recordFetch(sourceID: done.id, owner: "worker-a", record: FetchRecord(
            status: 200, etag: "\"v1\"", lastModified: "Mon, 01 Jan 2024 00:00:00 GMT", error: nil, items: 7,
            fetchedAt: now, nextPollAt: now.addingTimeInterval(900), pollInterval: 900, siteURL: "https://f.example/"))
        let stored = try #require(try await store.feedSource(id: done.id))
        #expect(stored.etag == "\"v1\"" && stored.lastStatus == 200 && stored.lastError == nil && stored.failures == 0)
        #expect(stored.siteURL == "https://f.example/" && stored.lastItems == 7)
        // worker-b crashed: after its lease expires its feeds are claimed again.
        let later = now.addingTimeInterval(120)
        let retaken = try await store.claimDueFeeds(owner: "worker-c", now: later, lease: 60, limit: 10, only: nil)
        #expect(Set(retaken.map(\.id)) == Set(b.map(\.id) + a.dropFirst().map(\.id)))
        // A stale owner cannot overwrite the new owner's record.
        try await store.recordFetch(sourceID: b[0].id, owner: "worker-b", record: FetchRecord(
            status: 500, etag: nil, lastModified: nil, error: "HTTP 500", items: 0, fetchedAt: later,
            nextPollAt: later, pollInterval: 900))
        #expect(try await store.feedSource(id: b[0].id)?.lastError == nil)
        // A failure keeps the old validators and counts the failure.
        try await store.recordFetch(sourceID: done.id, owner: "worker-z", record: FetchRecord(
            status: 503, etag: nil, lastModified: nil, error: "HTTP 503", items: 0, fetchedAt: later,
            nextPollAt: later.addingTimeInterval(1800), pollInterval: 1800))
        let failed = try #require(try await store.feedSource(id: done.id))
        #expect(failed.lastItems == 7)  // a failed poll keeps the last count
        #expect(failed.etag == "\"v1\"" && failed.failures == 1 && failed.lastError == "HTTP 503" && failed.pollInterval == 1800)
        // `only` claims one feed even when it is not due yet.
        let forced = try await store.claimDueFeeds(owner: "cli", now: later, lease: 60, limit: 1, only: done.id)
        #expect(forced.map(\.id) == [done.id])
    }

    @Test(arguments: Backend.allCases)
    func removingASourceRemovesItsArticles(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([draft("a", source: "باقية"), draft("b", source: "زائلة"), draft("c", source: "زائلة")])
        let gone = try #require(try await store.sources().first { $0.name == "زائلة" })
        #expect(try await store.removeSource(id: gone.id))
        #expect(try await store.removeSource(id: gone.id) == false)
        #expect(try await store.articleCount() == 1)
        #expect(try await store.search(SearchQuery(words: [SearchWord(exact: "عنوان", stem: "عنوان")])).total == 1)
    }

    @Test(arguments: Backend.allCases)
    func settingsAreSetOnce(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        #expect(try await store.setSettingOnce("default_sources", value: "1"))
        #expect(try await store.setSettingOnce("default_sources", value: "2") == false)
        #expect(try await store.setting("default_sources") == "1")
        #expect(try await store.setting("no_such_key") == nil)
        try await store.setSetting("analyzer.version", value: "1")
        try await store.setSetting("analyzer.version", value: "2")
        #expect(try await store.setting("analyzer.version") == "2")
    }
}
