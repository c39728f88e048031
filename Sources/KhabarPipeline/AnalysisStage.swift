import KhabarArabic
import KhabarModel
import KhabarStorage

/// The analysis stage: turns an article's title and body into the pre-analyzed text that every
/// search backend indexes. Pure: values in, values out.
public struct AnalysisStage: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer = .standard) {
        self.analyzer = analyzer
    }

    public func indexedText(title: String, body: String) -> IndexedText {
        let t = analyzer.analyze(title)
        let b = analyzer.analyze(body)
        return IndexedText(
            titleExact: t.tokens.lazy.map(\.text).joined(separator: " "),
            titleStems: t.stems.joined(separator: " "),
            bodyExact: b.tokens.lazy.map(\.text).joined(separator: " "),
            bodyStems: b.stems.joined(separator: " "))
    }

    public func prepare(_ draft: ArticleDraft) -> PreparedArticle {
        PreparedArticle(draft: draft, indexed: indexedText(title: draft.title, body: draft.body), stage: .analyzed)
    }

    /// Prepares a batch, skipping the analysis of drafts the store already holds unchanged and
    /// analyzed: the store then reports them unchanged without touching the index. Shared by
    /// `khabar import` and the refresher.
    public func prepare(_ drafts: [ArticleDraft], against store: any ArticleStore) async throws -> [PreparedArticle] {
        let stored = try await store.storedVersions(of: drafts)
        return drafts.map { draft in
            if let version = stored[draft.id], version.contentHash == draft.contentHash, version.stage >= .analyzed {
                return PreparedArticle(draft: draft, indexed: nil, stage: .stored)
            }
            return prepare(draft)
        }
    }
}
