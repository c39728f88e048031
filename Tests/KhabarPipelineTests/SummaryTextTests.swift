import Foundation
import KhabarModel
import Testing

@testable import KhabarPipeline

/// Summaries that run two of the body's paragraphs together get their space back (ANT dev: 730 Al
/// Arabiya summaries read «…في منصبه.وحقق زيدان…»).
@Suite struct SummaryTextTests {
    static let body = "أبلغ زيدان مؤتمراً صحافياً أنه سيترك ريال مدريد بعد عامين في منصبه.\nوحقق زيدان إنجازاً لا سابق له. ووقع الطرفان العقد."

    @Test func aParagraphBreakTheSummaryLostIsASpaceAgain() {
        let summary = "أبلغ زيدان مؤتمراً صحافياً أنه سيترك ريال مدريد بعد عامين في منصبه.وحقق زيدان إنجازاً"
        #expect(SummaryText.repaired(summary, body: Self.body)
                == "أبلغ زيدان مؤتمراً صحافياً أنه سيترك ريال مدريد بعد عامين في منصبه. وحقق زيدان إنجازاً")
    }

    @Test func aSentenceBreakAndASummaryCutInsideTheNextWord() {
        #expect(SummaryText.repaired("وحقق زيدان إنجازاً لا سابق له.ووق", body: Self.body) == "وحقق زيدان إنجازاً لا سابق له. ووق")
        // the outlet's own text (not cut from the body) keeps its spelling
        #expect(SummaryText.repaired("زيدان يترك ريال مدريد", body: Self.body) == "زيدان يترك ريال مدريد")
        // a word the body writes whole inside a line is left alone, and so is a summary already spaced
        #expect(SummaryText.repaired("في منصبه. وحقق", body: Self.body) == "في منصبه. وحقق")
        #expect(SummaryText.repaired("سي.ان.ان", body: "قالت سي.ان.ان إن") == "سي.ان.ان")
        // an opening quote the body wrote apart from its word stays on it (it is no sentence's end)
        #expect(SummaryText.repaired(#"تقنية "بلوك تشين" على"#, body: #"تبني تقنية " بلوك تشين" على أوسع نطاق"#)
                == #"تقنية "بلوك تشين" على"#)
    }

    @Test func theImporterMendsTheSummaryItReads() throws {
        let line = #"{"id":"x","title":"زيدان يرحل","body":"في منصبه.\nوحقق زيدان","summary":"في منصبه.وحقق زيدان","source":"العربية"}"#
        let draft = try RecordParser.draft(fromJSONLine: Array(line.utf8))
        #expect(draft.summary == "في منصبه. وحقق زيدان")
    }
}
