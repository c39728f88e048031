import Testing
@testable import KhabarArabic

@Suite("Golden files")
struct GoldenTests {
    static let normalizeRows = Golden.rows("normalize.tsv")
    static let stemRows = Golden.rows("stem.tsv")
    static let tokenizeRows = Golden.rows("tokenize.tsv")
    static let analyzeRows = Golden.rows("analyze.tsv")
    static let spellRows = Golden.rows("spell.tsv")

    @Test("enough golden rows", .tags(.golden))
    func rowCount() {
        let total = Self.normalizeRows.count + Self.stemRows.count + Self.tokenizeRows.count + Self.analyzeRows.count
        #expect(total >= 150)
        #expect(Self.normalizeRows.allSatisfy { $0.columns.count == 2 })
        #expect(Self.stemRows.allSatisfy { $0.columns.count == 2 })
        #expect(Self.tokenizeRows.allSatisfy { $0.columns.count == 2 })
        #expect(Self.analyzeRows.allSatisfy { $0.columns.count == 3 })
    }

    @Test("normalize", .tags(.golden), arguments: normalizeRows)
    func normalize(_ row: GoldenRow) {
        #expect(ArabicNormalizer.normalize(row.input) == row.expected())
    }

    @Test("stem", .tags(.golden), arguments: stemRows)
    func stem(_ row: GoldenRow) {
        // Inputs are already normalized.
        #expect(ArabicNormalizer.normalize(row.input) == row.input)
        #expect(Analyzer.standard.stem(row.input) == row.expected())
    }

    @Test("tokenize", .tags(.golden), arguments: tokenizeRows)
    func tokenize(_ row: GoldenRow) {
        #expect(Analyzer.standard.tokenize(row.input).map(\.text) == Golden.words(row.expected()))
    }

    @Test("analyze", .tags(.golden), arguments: analyzeRows)
    func analyze(_ row: GoldenRow) {
        let a = Analyzer.standard.analyze(row.input)
        #expect(a.terms == Golden.words(row.expected(1)))
        #expect(a.stems == Golden.words(row.expected(2)))
    }

    @Test("spelled forms", .tags(.golden), arguments: spellRows)
    func spelled(_ row: GoldenRow) {
        #expect(row.columns.count == 2)
        let analyzer = Analyzer.standard
        let spelled = analyzer.tokenize(row.input).compactMap { analyzer.spelledForm(of: $0, in: row.input) }
        #expect(spelled == Golden.words(row.expected()))
    }
}

extension Tag {
    @Tag static var golden: Self
}
