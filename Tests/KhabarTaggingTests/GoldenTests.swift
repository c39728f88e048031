import Testing
@testable import KhabarTagging
import KhabarArabic

@Suite("Golden files")
struct GoldenTests {
    static let mentionRows = Golden.rows("mentions.tsv")
    static let attributionRows = Golden.rows("attribution.tsv")
    static let tagRows = Golden.rows("tags.tsv")
    static let tagger = Tagger()

    @Test("golden files are well formed", .tags(.golden))
    func wellFormed() {
        #expect(Self.mentionRows.count >= 50)
        #expect(Self.attributionRows.count >= 12)
        #expect(Self.tagRows.count >= 8)
        #expect(Self.mentionRows.allSatisfy { $0.columns.count == 2 || $0.columns.count == 3 })
        #expect(Self.attributionRows.allSatisfy { $0.columns.count == 4 })
        #expect(Self.tagRows.allSatisfy { $0.columns.count == 5 })
    }

    @Test("mentions: canonical ids in order", .tags(.golden), arguments: mentionRows)
    func mentions(_ row: GoldenRow) {
        let found = Self.tagger.mentions(in: row.input)
        #expect(found.map(\.entityID) == Golden.words(row.column(1)))
        if row.columns.count > 2 {
            #expect(found.map(\.form.rawValue) == Golden.words(row.column(2)))
        }
        // spans lie inside the text and cover the entity's words
        let bytes = Array(row.input.utf8)
        for m in found {
            #expect(m.start >= 0 && m.start < m.end && m.end <= bytes.count)
            #expect(m.metonym == (m.form == .metonym))
        }
    }

    @Test("attribution chains", .tags(.golden), arguments: attributionRows)
    func attribution(_ row: GoldenRow) {
        let outlet = row.column(0), author = row.column(1)
        let a = Self.tagger.attribution(outlet: outlet.isEmpty ? nil : outlet, author: author.isEmpty ? nil : author,
                                        body: row.column(2))
        // " >> " after a relayed credit (the next one quoted it), " > " otherwise
        var chain = ""
        for (i, c) in a.credits.enumerated() {
            if i > 0 { chain += a.credits[i - 1].relayed == true ? " >> " : " > " }
            chain += "\(c.name):\(c.role)"
        }
        #expect(chain == row.column(3))
        #expect(a.credits.last?.role == "outlet")
        #expect(a.outlet == a.credits.last?.name)
    }

    @Test("tags of short articles", .tags(.golden), arguments: tagRows)
    func tags(_ row: GoldenRow) {
        let tags = Self.tagger.tags(title: row.column(0), body: row.column(1), statistics: nil)
        let slugs = Set(tags.map(\.slug))
        for s in Golden.words(row.column(2)) { #expect(slugs.contains(s), "missing \(s) in \(slugs.sorted())") }
        for s in Golden.words(row.column(3)) { #expect(!slugs.contains(s), "unexpected \(s)") }
        #expect(tags.count >= Int(row.column(4)) ?? 3)
        #expect(tags.count <= 7)
        #expect(tags.filter { $0.type == "keyphrase" }.count <= 2)
        #expect(Set(tags.map(\.slug)).count == tags.count)
    }
}
