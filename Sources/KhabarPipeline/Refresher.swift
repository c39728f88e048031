import CoreMetrics
import Foundation
import KhabarExtraction
import KhabarFeeds
import KhabarModel
import KhabarStorage
import Logging

/// What one poll of one source did.
public struct RefreshReport: Sendable, CustomStringConvertible {
    public var sourceID: Int64
    public var name: String
    public var status: Int?
    public var items = 0
    public var summary = ImportSummary()
    public var error: String?
    public var nextPollAt: Date

    public var description: String {
        let head = "[\(sourceID)] \(name): "
        if let error { return head + "error: \(error)" }
        if status == 304 { return head + "not modified" }
        return head + "\(items) items — \(summary)"
    }
}

/// Polls feeds: fetch (conditional) → parse → fetch the page when the item is short → extract →
/// analyze → store, then records the outcome on the source and schedules its next poll.
///
/// A failure in one source or one item is recorded there and never stops the others. Feeds are
/// claimed with a lease, so any number of refreshers (in `serve` or `worker` processes) can share
/// one database without fetching a feed twice at once.
public struct Refresher: Sendable {
    public let store: any KhabarStore
    public let fetcher: any HTTPFetching
    public let analysis: AnalysisStage
    public let owner: String
    public let logger: Logger
    /// Items whose text is shorter than this get their page fetched and extracted.
    public var fullTextThreshold = 600
    /// How long a claim lasts; a crashed worker's feeds are picked up after it expires.
    public var lease: Double = 300
    public var now: @Sendable () -> Date = { Date() }
    /// Where the poll counters go (`khabar serve` points the process's factory at `/metrics`):
    /// `khabar_feed_fetches_total{outcome}`, `khabar_feed_fetch_seconds`, `khabar_feed_items_total{result}`.
    public var metrics: any MetricsFactory = MetricsSystem.factory

    public init(store: any KhabarStore, fetcher: any HTTPFetching, analysis: AnalysisStage = AnalysisStage(),
                owner: String, logger: Logger) {
        self.store = store
        self.fetcher = fetcher
        self.analysis = analysis
        self.owner = owner
        self.logger = logger
    }

    /// Claims up to `limit` due feeds (or just `only`) and polls them, `concurrency` at a time.
    public func refreshDue(limit: Int = 50, only: Int64? = nil, concurrency: Int = 4) async throws -> [RefreshReport] {
        try await releaseLeasesOfGoneProcesses()
        let claimed = try await store.claimDueFeeds(owner: owner, now: now(), lease: lease, limit: limit, only: only)
        let reports = await withTaskGroup(of: RefreshReport.self) { group in
            var reports: [RefreshReport] = []
            var iterator = claimed.makeIterator()
            for _ in 0..<max(1, concurrency) {
                guard let source = iterator.next() else { break }
                group.addTask { await refresh(source) }
            }
            for await report in group {
                reports.append(report)
                if let source = iterator.next() { group.addTask { await refresh(source) } }
            }
            return reports.sorted { $0.sourceID < $1.sourceID }
        }
        await compactSearchIndex(store, written: reports.reduce(0) { $0 + $1.summary.imported + $1.summary.updated },
                                 logger: logger)
        return reports
    }

    /// Ends the feed leases of processes of this host that are gone (killed mid-poll), so their
    /// feeds are polled now rather than when the leases run out (`lease`, five minutes): a
    /// `refresh --source` killed with -9 kept the next one from fetching that feed, saying nothing.
    /// Another host's leases, and any holder still running, are left to run out.
    func releaseLeasesOfGoneProcesses() async throws {
        for holder in try await store.feedLeaseHolders(now: now()) where holder != owner && LeaseOwner.isGone(holder) {
            let n = try await store.releaseFeedLeases(owner: holder)
            if n > 0 { logger.notice("released \(n) feed lease(s) of \(holder), a process that is gone") }
        }
    }

    /// Polls one claimed source and records the outcome.
    public func refresh(_ source: FeedSource) async -> RefreshReport {
        let started = now()
        var report = RefreshReport(sourceID: source.id, name: source.name, nextPollAt: started)
        var record = FetchRecord(status: nil, etag: nil, lastModified: nil, error: nil, items: 0, fetchedAt: started,
                                 nextPollAt: started, pollInterval: source.pollInterval)
        do {
            let response = try await fetcher.fetch(FetchRequest(url: source.feedURL, etag: source.etag, lastModified: source.lastModified))
            record.status = response.status
            report.status = response.status
            switch response.status {
            case 304:
                record.pollInterval = Self.clamp(source.pollInterval * 1.25)
                record.items = source.lastItems ?? 0   // the feed still holds what it held

            case 200...299:
                let feed = FeedParser.parse(response.body, contentType: response.contentType, url: response.url)
                record.etag = response.etag
                record.lastModified = response.lastModified
                // a display name: no controls, one line, not a paragraph
                record.feedTitle = feed.title.map { String($0.withoutControls.split(whereSeparator: \.isNewline).joined(separator: " ").trimmed.prefix(120)).trimmed }
                record.siteURL = feed.link
                if feed.items.isEmpty, let first = feed.errors.first {
                    record.error = first
                } else {
                    report.items = feed.items.count
                    record.items = feed.items.count
                    report.summary = try await ingest(feed.items, source: source, feedURL: response.url)
                    record.pollInterval = Self.adaptiveInterval(feed.items, previous: source.pollInterval, now: started)
                }
            case 429, 503:
                record.error = "HTTP \(response.status): the server asks us to slow down"
                record.pollInterval = Self.clamp(max(source.pollInterval * 2, response.retryAfter ?? 0))
            default:
                record.error = "HTTP \(response.status)"
            }
        } catch {
            record.error = "\(error)"
        }
        if record.error != nil {
            // Exponential backoff on repeated failures, capped.
            let backoff = source.pollInterval * pow(2, Double(min(source.failures, 5)))
            record.pollInterval = Self.clamp(max(record.pollInterval, min(backoff, FeedSource.maximumInterval)))
            logger.warning("refresh failed", metadata: ["source.id": "\(source.id)", "error": "\(record.error!)"])
        }
        record.nextPollAt = started.addingTimeInterval(record.pollInterval)
        report.error = record.error
        count(report, seconds: now().timeIntervalSince(started))
        report.nextPollAt = record.nextPollAt
        do {
            try await store.recordFetch(sourceID: source.id, owner: owner, record: record)
        } catch {
            logger.error("cannot record fetch", metadata: ["source.id": "\(source.id)", "error": "\(error)"])
        }
        return report
    }

    /// One poll's outcome in the counters: ok, not_modified, http_error (any other status),
    /// invalid_feed (a 2xx body that is no feed) or failed (no answer: DNS, timeout, size, redirects).
    func count(_ report: RefreshReport, seconds: Double) {
        let outcome: String
        switch (report.status, report.error) {
        case (304?, _): outcome = "not_modified"
        case ((200...299)?, nil): outcome = "ok"
        case ((200...299)?, _): outcome = "invalid_feed"
        case (_?, _): outcome = "http_error"
        case (nil, _): outcome = "failed"
        }
        Counter(label: "khabar_feed_fetches_total", dimensions: [("outcome", outcome)], factory: metrics).increment()
        Timer(label: "khabar_feed_fetch_seconds", dimensions: [], preferredDisplayUnit: .seconds, factory: metrics)
            .recordNanoseconds(Int64(max(0, seconds) * 1e9))
        for (result, n) in [("new", report.summary.imported), ("updated", report.summary.updated),
                            ("unchanged", report.summary.unchanged), ("failed", report.summary.failed)] where n > 0 {
            Counter(label: "khabar_feed_items_total", dimensions: [("result", result)], factory: metrics).increment(by: n)
        }
    }

    /// Turns feed items into stored articles; one bad item is counted and skipped.
    ///
    /// An item is an article the first time its link (or id) is seen: a later item of the same
    /// feed with that link, or the same article carried by another feed (or imported), leaves the
    /// stored one as it is. Replacing it made two feeds that carry one article take it from each
    /// other at every poll, and a feed's second item with a repeated link or guid overwrite the
    /// first.
    func ingest(_ items: [FeedItem], source: FeedSource, feedURL: String) async throws -> ImportSummary {
        var summary = ImportSummary()
        var drafts: [ArticleDraft] = []
        var seenIDs = Set<String>(), seenURLs = Set<String>()
        for item in items {
            do {
                let d = try await draft(for: item, source: source, feedURL: feedURL)
                guard seenIDs.insert(d.id).inserted, seenURLs.insert(d.url).inserted else {
                    logger.info("item repeats an earlier item's link or id", metadata: ["source.id": "\(source.id)", "item": "\(d.url)"])
                    continue
                }
                drafts.append(d)
            } catch {
                summary.failed += 1
                logger.info("item skipped", metadata: ["source.id": "\(source.id)", "item": "\(item.link ?? item.id ?? "?")", "error": "\(error)"])
            }
        }
        let stored = try await store.storedVersions(of: drafts)
        drafts.removeAll { draft in
            guard let version = stored[draft.id], version.id != draft.id else { return false }
            summary.unchanged += 1   // the article is stored under another id: another feed's, or imported
            return true
        }
        for outcome in try await store.upsert(try await analysis.prepare(drafts, against: store, stored: stored)) {
            summary.count(outcome)
        }
        return summary
    }

    func draft(for item: FeedItem, source: FeedSource, feedURL: String) async throws -> ArticleDraft {
        let link = item.link.flatMap(CanonicalURL.canonicalize)
        guard let key = item.id ?? link ?? item.title else { throw KhabarError.badField(field: "item", reason: "has no id, link or title") }
        var hasher = FNV1a64()
        hasher.combine(feedURL)
        hasher.combine("\u{1F}")
        hasher.combine(key)
        let id = "f\(source.id)-" + hasher.hexDigest
        var body = HTMLToText.text(item.content ?? item.summary ?? "")
        var title = HTMLToText.text(item.title ?? "")
        var author = item.author
        var published = item.published ?? item.updated
        if body.count < fullTextThreshold, let link, link.hasPrefix("http") {
            // The feed carries only a teaser: fetch the page and extract the article.
            do {
                let page = try await fetcher.fetch(FetchRequest(url: link, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"))
                if (200...299).contains(page.status) {
                    let extracted = Extractor.extract(html: page.body, url: page.url)
                    if extracted.body.count > body.count { body = extracted.body }
                    if title.isEmpty, let t = extracted.title { title = t }
                    author = author ?? extracted.author
                    published = published ?? extracted.published
                }
            } catch {
                logger.info("page fetch failed", metadata: ["url": "\(link)", "error": "\(error)"])
            }
        }
        guard !title.isEmpty else { throw KhabarError.badField(field: "title", reason: "is empty") }
        if body.isEmpty { body = title }
        // one block of text: its paragraphs joined by a space, and the breaks it lost put back
        let summary = item.summary.map { HTMLToText.text($0).split(separator: "\n").joined(separator: " ") }
            .flatMap { $0.isEmpty ? nil : SummaryText.repaired(String($0.prefix(600)), body: body) }
        // No date: the store dates the article when it first stores it and keeps that date (a
        // fresh date at every poll made an unchanged item "updated" and moved it to the top). A
        // date after the fetch is the feed's mistake (a wrong time zone, a placeholder year) that
        // would hold the item at the top: it counts as no date.
        let fetched = now()
        return ArticleDraft(
            id: id, title: title.withoutControls, body: body.withoutControls, summary: summary?.withoutControls,
            author: Byline.clean(author), url: link ?? ArticleDraft.placeholderURL(id: id),
            published: published.flatMap { $0 > fetched ? nil : $0 },
            category: item.categories.first, categoryAr: nil,
            source: SourceDraft(name: source.name, domain: source.domain))
    }

    static func clamp(_ interval: Double) -> Double {
        min(FeedSource.maximumInterval, max(FeedSource.minimumInterval, interval))
    }

    /// Polls about as often as the feed publishes: the median gap between its recent items.
    static func adaptiveInterval(_ items: [FeedItem], previous: Double, now: Date) -> Double {
        let dates = items.compactMap { $0.published ?? $0.updated }.filter { $0 <= now.addingTimeInterval(3600) }.sorted(by: >)
        guard dates.count >= 3 else { return clamp(previous) }
        let gaps = zip(dates, dates.dropFirst()).map { $0.timeIntervalSince($1) }.filter { $0 > 0 }.sorted()
        guard !gaps.isEmpty else { return clamp(previous) }
        return clamp(gaps[gaps.count / 2])
    }
}
