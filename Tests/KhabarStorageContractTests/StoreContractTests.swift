import Foundation
import KhabarModel
import KhabarStorage
import Testing
import KhabarTestSupport

func draft(_ id: String, title: String = "عنوان", body: String = "نص الخبر", url: String? = nil,
           published: Date? = Date(timeIntervalSince1970: 1_700_000_000), source: String = "مصدر",
           indexed: IndexedText? = nil) -> PreparedArticle {
    PreparedArticle(
        draft: ArticleDraft(id: id, title: title, body: body, url: url ?? "https://example.org/\(id)",
                            published: published, source: SourceDraft(name: source, domain: "example.org")),
        indexed: indexed ?? IndexedText(titleExact: title, titleStems: title, bodyExact: body, bodyStems: body),
        stage: .analyzed)
}

func isInserted(_ o: UpsertOutcome) -> Bool { if case .inserted = o { true } else { false } }
func isUnchanged(_ o: UpsertOutcome) -> Bool { if case .unchanged = o { true } else { false } }

/// One storage contract, the same assertions for every backend (house rule 4).
@Suite(.scratch) struct StoreContractTests {
    @Test(arguments: Backend.allCases)
    func insertThenUnchangedThenUpdated(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let first = try await store.upsert([draft("a"), draft("b")])
        #expect(first.allSatisfy(isInserted))
        let again = try await store.upsert([draft("a"), draft("b")])
        #expect(again.allSatisfy(isUnchanged))
        let changed = try await store.upsert([draft("a", title: "عنوان جديد")])
        #expect(changed == [.updated(seq: first[0].seq!)])
        #expect(try await store.article(id: "a")?.title == "عنوان جديد")
        #expect(try await store.articleCount() == 2)
        let versions = try await store.storedVersions(of: [draft("a").draft, draft("zzz").draft,
                                                           draft("other", url: "https://example.org/b").draft])
        #expect(Set(versions.keys) == ["a", "other"])
        #expect(versions["other"]?.contentHash == draft("b").draft.contentHash)
        #expect(versions["a"]?.stage == .analyzed)
    }

    @Test(arguments: Backend.allCases)
    func sameURLUnderAnotherIDUpdatesTheStoredArticle(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([draft("a", url: "https://example.org/x")])
        let outcome = try await store.upsert([draft("other-id", title: "تحديث", url: "https://example.org/x")])
        guard case .updated = outcome[0] else { Issue.record("expected update, got \(outcome)"); return }
        #expect(try await store.articleCount() == 1)
        #expect(try await store.article(id: "a")?.title == "تحديث")
        #expect(try await store.article(id: "other-id") == nil)
    }

    @Test(arguments: Backend.allCases)
    func urlOwnedByAnotherArticleIsRejectedWithoutHarmingTheBatch(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([draft("a"), draft("b")])
        let outcomes = try await store.upsert([draft("c"), draft("a", url: "https://example.org/b"), draft("d")])
        #expect(outcomes[0].seq != nil && outcomes[2].seq != nil)
        guard case let .rejected(reason) = outcomes[1] else { Issue.record("expected rejection"); return }
        #expect(reason.contains("https://example.org/b"))
        #expect(try await store.articleCount() == 4)
        #expect(try await store.article(id: "a")?.url == "https://example.org/a")
    }

    @Test(arguments: Backend.allCases)
    func aConstraintFailureRejectsOnlyThatArticle(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        // An empty body passes the Swift types but not the schema's CHECK.
        let outcomes = try await store.upsert([draft("ok-1"), draft("bad", body: ""), draft("ok-2")])
        #expect(isInserted(outcomes[0]) && isInserted(outcomes[2]))
        guard case .rejected = outcomes[1] else { Issue.record("expected rejection, got \(outcomes[1])"); return }
        #expect(try await store.articleCount() == 2)
    }

    @Test(arguments: Backend.allCases)
    func missingDateKeepsTheStoredDate(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        _ = try await store.upsert([draft("a", published: Date(timeIntervalSince1970: 1_600_000_000))])
        _ = try await store.upsert([draft("a", title: "جديد", published: nil)])
        #expect(try await store.article(id: "a")?.published == Date(timeIntervalSince1970: 1_600_000_000))
    }

    @Test(arguments: Backend.allCases)
    func newestFirstKeysetPaginationAndSources(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        var batch: [PreparedArticle] = []
        for i in 0..<7 {
            let seconds = TimeInterval(1_700_000_000 + (i / 2) * 60)
            let source = i % 2 == 0 ? "زوجي" : "فردي"
            // bodies of their own: one outlet's same title and body would be a repeat, listed once
            batch.append(draft("p\(i)", body: "نص الخبر \(i)", published: Date(timeIntervalSince1970: seconds), source: source))
        }
        _ = try await store.upsert(batch)
        var seen: [String] = []
        var cursor: ArticleCursor?
        repeat {
            let page = try await store.articles(ArticleQuery(limit: 3, before: cursor))
            seen += page.articles.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == ["p6", "p5", "p4", "p3", "p2", "p1", "p0"])
        let sources = try await store.sources()
        #expect(sources.map(\.articleCount) == [4, 3])
        let even = try #require(sources.first { $0.name == "زوجي" })
        #expect(try await store.source(id: even.id)?.articleCount == 4)
        #expect(try await store.source(id: 999_999) == nil)
        let evenPage = try await store.articles(ArticleQuery(sourceID: even.id, limit: 10))
        #expect(evenPage.articles.map(\.id) == ["p6", "p4", "p2", "p0"])
        #expect(evenPage.next == nil)
        let article = try #require(try await store.article(id: "p3"))
        #expect(article.source.name == "فردي" && article.stage == .analyzed && article.title == "عنوان")
        try await store.ping()
    }

    @Test(arguments: Backend.allCases)
    func searchRanksTitleAndExactFormsFirstAndFilters(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        // Pre-analyzed text as the analyzer would give it: exact tokens and stems.
        func text(_ title: String, _ titleStems: String, _ body: String, _ bodyStems: String) -> IndexedText {
            IndexedText(titleExact: title, titleStems: titleStems, bodyExact: body, bodyStems: bodyStems)
        }
        _ = try await store.upsert([
            draft("t", title: "مدرسه", published: Date(timeIntervalSince1970: 1_700_000_000), source: "أ",
                  indexed: text("المدارس جديده", "مدارس جديد", "خبر عن التعليم", "خبر تعليم")),
            draft("b", published: Date(timeIntervalSince1970: 1_700_000_100), source: "ب",
                  indexed: text("افتتاح مستشفي", "افتتاح مستشف", "قرب المدارس القديمه", "قرب مدارس قديم")),
            draft("s", published: Date(timeIntervalSince1970: 1_700_000_200), source: "أ",
                  indexed: text("خبر اخر", "خبر اخر", "والمدارس مغلقه", "مدارس مغلق")),
            draft("n", published: Date(timeIntervalSince1970: 1_700_000_300), source: "أ",
                  indexed: text("لا علاقه", "علاق", "نص اخر", "نص اخر")),
        ])
        let word = SearchWord(exact: "المدارس", stem: "مدارس")
        let results = try await store.search(SearchQuery(words: [word]))
        #expect(results.total == 3)
        // Title exact first, then body exact, then stem-only.
        #expect(results.hits.map(\.article.id) == ["t", "b", "s"])
        #expect(results.hits.map(\.score) == results.hits.map(\.score).sorted(by: >))
        let both = try await store.search(SearchQuery(words: [word, SearchWord(exact: "مغلقه", stem: "مغلق")]))
        #expect(both.hits.map(\.article.id) == ["s"] && !both.partialMatch)
        let partial = try await store.search(SearchQuery(words: [word, SearchWord(exact: "زلزال", stem: "زلزال")]))
        #expect(partial.partialMatch && partial.total == 3)
        let sources = try await store.sources()
        let b = try #require(sources.first { $0.name == "ب" })
        #expect(try await store.search(SearchQuery(words: [word], sourceID: b.id)).hits.map(\.article.id) == ["b"])
        let from = Date(timeIntervalSince1970: 1_700_000_150)
        #expect(try await store.search(SearchQuery(words: [word], from: from)).hits.map(\.article.id) == ["s"])
        #expect(try await store.search(SearchQuery(words: [word], to: from)).hits.map(\.article.id) == ["t", "b"])
        let paged = try await store.search(SearchQuery(words: [word], limit: 1, offset: 1))
        #expect(paged.total == 3 && paged.hits.map(\.article.id) == ["b"])
        // Tokens that look like query syntax are just words.
        for odd in ["\"", "*", "NEAR", "OR", "'", "&", "!", ":"] {
            let r = try await store.search(SearchQuery(words: [SearchWord(exact: odd, stem: odd)]))
            #expect(r.total == 0)
        }
        #expect(try await store.search(SearchQuery(words: [])).total == 0)
        // ... in a phrase and in an exclusion too (no error; the analyzer never makes such a token,
        // and each backend's tokenizer drops punctuation from a phrase its own way, so only the
        // words' answers are compared); a query of exclusions only finds nothing
        for odd in ["\"", "*", "NEAR", "OR", "'", "&", "!", ":", "<->", "^"] {
            let w = SearchWord(exact: odd, stem: odd)
            _ = try await store.search(SearchQuery(clauses: [SearchClause([.phrase([word, w])])]))
            #expect(try await store.search(SearchQuery(clauses: [SearchClause([.word(word)])], excluded: [.word(w), .phrase([w, w])])).total == 3, "\(odd)")
        }
        #expect(try await store.search(SearchQuery(clauses: [], excluded: [.word(word)])).total == 0)
        // An update replaces the indexed text.
        _ = try await store.upsert([draft("s", title: "تغير", published: Date(timeIntervalSince1970: 1_700_000_200), source: "أ",
                                         indexed: text("خبر اخر", "خبر اخر", "نص جديد", "نص جديد"))])
        #expect(try await store.search(SearchQuery(words: [word])).total == 2)
        // A word with other spellings matches any of them (exact or stem).
        let either = SearchWord(exact: "افتتاح", stem: "افتتاح", variants: [.init(exact: "علاقه", stem: "علاق")])
        #expect(Set(try await store.search(SearchQuery(words: [either])).hits.map(\.article.id)) == ["b", "n"])
        // Compaction merges the index's pieces and changes no answer.
        let ranked = try await store.search(SearchQuery(words: [word])).hits.map(\.article.id)
        try await store.compactSearchIndex(written: 5)
        #expect(try await store.search(SearchQuery(words: [word])).hits.map(\.article.id) == ranked)
    }

    /// A wire item and its copies are one search result, grouped before the page is cut: counted
    /// once, ranked by the best-scoring member, shown as the primary when it matches.
    @Test(arguments: Backend.allCases)
    func copiesAreOneResultAcrossPages(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        func text(_ title: String, _ body: String) -> IndexedText {
            IndexedText(titleExact: title, titleStems: title, bodyExact: body, bodyStems: body)
        }
        let seqs = try await store.upsert([
            draft("primary", published: Date(timeIntervalSince1970: 1_700_000_000), source: "وكالة",
                  indexed: text("خبر", "سد النهضه في نص الخبر")),
            draft("copy", published: Date(timeIntervalSince1970: 1_700_000_100), source: "صحيفة",
                  indexed: text("سد النهضه", "سد النهضه في نص الخبر")),
            draft("other", published: Date(timeIntervalSince1970: 1_700_000_200), source: "موقع",
                  indexed: text("مفاوضات", "جولة جديده حول سد النهضه")),
        ]).compactMap(\.seq)
        try await store.recordClustering([StoryPlacement(seq: seqs[0], storyID: seqs[0], duplicateOf: nil),
                                          StoryPlacement(seq: seqs[1], storyID: seqs[0], duplicateOf: seqs[0]),
                                          StoryPlacement(seq: seqs[2], storyID: seqs[2], duplicateOf: nil)])
        let word = SearchWord(exact: "النهضه", stem: "النهضه")
        let all = try await store.search(SearchQuery(words: [word]))
        #expect(all.total == 2)
        // the copy's title match ranks the group first; the primary stands for it
        #expect(all.hits.map(\.article.id) == ["primary", "other"], "\(all.hits.map(\.article.id))")
        let first = try await store.search(SearchQuery(words: [word], limit: 1, offset: 0))
        let second = try await store.search(SearchQuery(words: [word], limit: 1, offset: 1))
        #expect(first.hits.map(\.article.id) == ["primary"] && second.hits.map(\.article.id) == ["other"])
        #expect(first.total == 2 && second.total == 2)
    }
}

@Suite(.scratch) struct ReindexContractTests {
    @Test(arguments: Backend.allCases)
    func replacingIndexedTextChangesWhatSearchFinds(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        let outcome = try await store.upsert([draft("a", indexed: IndexedText(titleExact: "قديم", titleStems: "قديم", bodyExact: "", bodyStems: ""))])
        let seq = try #require(outcome[0].seq)
        let old = SearchWord(exact: "قديم", stem: "قديم"), new = SearchWord(exact: "جديد", stem: "جديد")
        #expect(try await store.search(SearchQuery(words: [old])).total == 1)
        try await store.replaceIndexedText([(seq, IndexedText(titleExact: "جديد", titleStems: "جديد", bodyExact: "", bodyStems: ""))])
        #expect(try await store.search(SearchQuery(words: [old])).total == 0)
        #expect(try await store.search(SearchQuery(words: [new])).hits.map(\.article.id) == ["a"])
    }

    @Test(arguments: Backend.allCases)
    func replacingSummariesChangesOnlyThem(backend: Backend) async throws {
        guard let store = try await backend.makeStore() else { return }
        var a = draft("a"), b = draft("b")
        a.draft.summary = "منصبه.وحقق"
        b.draft.summary = "ملخص"
        let outcome = try await store.upsert([a, b])
        let seqA = try #require(outcome[0].seq), seqB = try #require(outcome[1].seq)
        try await store.replaceSummaries([(seqA, "منصبه. وحقق"), (seqB, nil)])
        #expect(try await store.article(id: "a")?.summary == "منصبه. وحقق")
        #expect(try await store.article(id: "b")?.summary == nil)
        #expect(try await store.article(id: "a")?.title == "عنوان")
        // the stored hash is the draft's as it came: the same draft sent again is still unchanged
        #expect(try await store.upsert([b]).allSatisfy(isUnchanged))
        try await store.replaceSummaries([])
    }
}
