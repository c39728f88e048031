import KhabarModel
import KhabarTagging
import Testing

@testable import KhabarPipeline

@Suite struct AnalysisStageTextTests {
    @Test("search text is the words joined by single spaces, as joined(separator:) would")
    func spaced() {
        let cases: [[String]] = [[], [""], ["سد"], ["سد", "النهضه", "2024"], ["", "ب"], ["ا", "", "ب"], ["cnn", "لcnn"]]
        for words in cases {
            #expect(AnalysisStage.spaced(words, \.self) == words.joined(separator: " "), "\(words)")
        }
        let stage = AnalysisStage()
        let text = stage.indexedText(title: "سدّ النهضة", body: "أعلنت الحكومة، اليوم، أن مفاوضات سد النهضة انتهت.")
        let body = stage.analyzer.analyze("أعلنت الحكومة، اليوم، أن مفاوضات سد النهضة انتهت.")
        #expect(text.bodyExact == body.tokens.map(\.text).joined(separator: " "))
        #expect(text.bodyStems == body.stems.joined(separator: " "))
        #expect(text.titleExact == "سد النهضه")
        // the spelled fields keep the words whose fold ends in ي or ه, with ى and ة as written
        #expect(text.titleSpelled == "النهضة")
        #expect(text.bodySpelled == "الحكومة النهضة")
        let names = stage.indexedText(title: "علي يصل إلى جدة", body: "وصل علي على متن طائرة إلى جده.")
        #expect(names.titleExact == "علي يصل الي جده" && names.titleSpelled == "علي الى جدة")
        #expect(names.bodySpelled == "علي على طايرة الى جده")
    }

    @Test("trimming drops white space at both ends only, and leaves clean text as it is")
    func trimmed() {
        #expect("سد النهضة".trimmed == "سد النهضة")
        #expect("  سد النهضة\n".trimmed == "سد النهضة")
        #expect("\u{00A0}\u{2003}خبر\u{3000}".trimmed == "خبر")
        #expect(" \n\t ".trimmed == "")
        #expect("".trimmed == "")
        #expect("a".trimmed == "a")
        #expect("خبر عاجل"[...].trimmed == "خبر عاجل")
    }
}

@Suite struct AnalysisStageTagTests {
    /// An outlet quoted in its own article (CNN Arabic's "قال مسؤول لـCNN") is no tag of that
    /// article; the same words in another outlet's article credit CNN and tag it.
    @Test func anOutletIsNoTagOfItsOwnArticle() {
        let stage = AnalysisStage()
        let title = "مسؤول أمريكي لـCNN: الاتفاق قريب"
        let body = "قال مسؤول أمريكي لـCNN إن الاتفاق مع إيران بات قريبا. وأضاف المسؤول لـCNN أن التوقيع خلال أيام."
        func tags(_ outlet: String) -> [String] {
            stage.annotations(title: title, body: body, outlet: outlet, author: nil,
                              titleAnalysis: stage.analyzer.analyze(title), bodyAnalysis: stage.analyzer.analyze(body),
                              termStatistics: TermStatistics()).tags.map(\.slug)
        }
        #expect(!tags("CNN Arabic").contains("cnn"))
        #expect(tags("CNN Arabic").contains("iran"))
        #expect(tags("نشرة تجريبية").contains("cnn"))
    }
}
