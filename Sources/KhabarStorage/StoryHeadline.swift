import Foundation
import KhabarArabic

/// Which member's title heads a story: the one that says most of what the others say.
///
/// The earliest article used to head every story, and the earliest is often not the event: a
/// teaser before it ("صورة ريال مدريد العجيبة" over the coach's resignation), a side piece that
/// happened to be first, a "شاهد.." video item. The headline is now the medoid of the titles:
/// the member whose title stems overlap most with the other members' titles (each overlap
/// normalized by both titles' lengths, so a long title does not win by length). Copies never
/// head (their titles are their primary's). A title that opens with a media or format word
/// (شاهد، بالصور، فيديو، مباشر …), one that asks a question (an explainer, not the news) and one of
/// fewer than three stems count half. Ties go to the earlier article.
public enum StoryHeadline {
    public struct Member: Sendable {
        public var seq: Int64
        public var title: String
        /// Seconds since 1970.
        public var published: Int64
        public var isCopy: Bool

        public init(seq: Int64, title: String, published: Int64, isCopy: Bool) {
            self.seq = seq
            self.title = title
            self.published = published
            self.isCopy = isCopy
        }
    }

    /// Members compared with each candidate, at most: the earliest ones (the event, then what
    /// follows). Keeps a story of hundreds of articles to a bounded cost per refresh.
    static let compared = 120

    /// Opening words that announce a format rather than the news.
    static let formatWords: Set<String> = Set([
        "شاهد", "شاهدوا", "بالصور", "بالفيديو", "فيديو", "صور", "بالفيديوغراف", "فيديوغراف", "إنفوغرافيك",
        "انفوغراف", "إنفوغراف", "مباشر", "عاجل", "رأي", "بالأرقام", "استطلاع", "كاريكاتير",
    ].map(ArabicNormalizer.normalize))

    static func asksQuestion(_ title: String) -> Bool {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.hasSuffix("؟") || t.hasSuffix("?")
    }

    /// The index in `members` of the headline (nil for no members).
    public static func choose(_ members: [Member], analyzer: Analyzer = .standard) -> Int? {
        guard !members.isEmpty else { return nil }
        if members.count == 1 { return 0 }
        var candidates = members.indices.filter { !members[$0].isCopy }
        if candidates.isEmpty { candidates = Array(members.indices) }
        let others = Array(candidates.sorted { (members[$0].published, members[$0].seq) < (members[$1].published, members[$1].seq) }
            .prefix(compared))
        var stems: [Int: Set<String>] = [:]
        var opensWithFormat: [Int: Bool] = [:]
        for i in Set(candidates).union(others) {
            let analysis = analyzer.analyze(members[i].title)
            stems[i] = Set(analysis.stems)
            opensWithFormat[i] = analysis.tokens.first.map { formatWords.contains($0.text) } ?? false
        }
        var best: (score: Double, penalties: Int, published: Int64, seq: Int64, index: Int)? = nil
        for c in candidates {
            let a = stems[c] ?? []
            var score = 0.0
            if !a.isEmpty {
                for o in others where o != c {
                    let b = stems[o] ?? []
                    if b.isEmpty { continue }
                    let shared = a.count <= b.count ? a.reduce(0) { $0 + (b.contains($1) ? 1 : 0) }
                                                    : b.reduce(0) { $0 + (a.contains($1) ? 1 : 0) }
                    score += Double(shared) / (Double(a.count) * Double(b.count)).squareRoot()
                }
            }
            // format openers, questions and very short titles: half the claim, and behind any
            // other title with the same claim (when no titles share a stem, every claim is 0)
            var penalties = 0
            if opensWithFormat[c] == true { penalties += 1 }
            if asksQuestion(members[c].title) { penalties += 1 }
            if a.count < 3 { penalties += 1 }
            score *= pow(0.5, Double(penalties))
            let m = members[c]
            if let b = best, (score, -penalties, -m.published, -m.seq) <= (b.score, -b.penalties, -b.published, -b.seq) { continue }
            best = (score, penalties, m.published, m.seq, c)
        }
        return best?.index
    }
}
