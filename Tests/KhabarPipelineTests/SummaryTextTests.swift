import Foundation
import KhabarModel
import Testing

@testable import KhabarPipeline

/// Summaries that run two of the body's paragraphs together get their space back (ANT dev: 730 Al
/// Arabiya summaries glued a paragraph's last word to the next one's first, as «…مواسم.وقاد…» here).
/// Every sentence is written for this file.
@Suite struct SummaryTextTests {
    static let body = "أعلن المدرب سامي الفارس في مؤتمر صحفي أنه سيغادر النادي بعد ثلاثة مواسم.\nوقاد الفارس الفريق إلى لقبين متتاليين. ووقع الطرفان اتفاق الفسخ."

    @Test func aParagraphBreakTheSummaryLostIsASpaceAgain() {
        let summary = "أعلن المدرب سامي الفارس في مؤتمر صحفي أنه سيغادر النادي بعد ثلاثة مواسم.وقاد الفارس الفريق"
        #expect(SummaryText.repaired(summary, body: Self.body)
                == "أعلن المدرب سامي الفارس في مؤتمر صحفي أنه سيغادر النادي بعد ثلاثة مواسم. وقاد الفارس الفريق")
    }

    @Test func aSentenceBreakAndASummaryCutInsideTheNextWord() {
        #expect(SummaryText.repaired("وقاد الفارس الفريق إلى لقبين متتاليين.ووق", body: Self.body) == "وقاد الفارس الفريق إلى لقبين متتاليين. ووق")
        // the outlet's own text (not cut from the body) keeps its spelling
        #expect(SummaryText.repaired("الفارس يغادر النادي", body: Self.body) == "الفارس يغادر النادي")
        // a word the body writes whole inside a line is left alone, and so is a summary already spaced
        #expect(SummaryText.repaired("ثلاثة مواسم. وقاد", body: Self.body) == "ثلاثة مواسم. وقاد")
        #expect(SummaryText.repaired("سي.ان.ان", body: "قالت سي.ان.ان إن") == "سي.ان.ان")
        // an opening quote the body wrote apart from its word stays on it (it is no sentence's end)
        #expect(SummaryText.repaired(#"منصة "سلسلة الكتل" الجديدة"#, body: #"أطلقت الشركة منصة " سلسلة الكتل" الجديدة للمصارف"#)
                == #"منصة "سلسلة الكتل" الجديدة"#)
    }

    @Test func hashtagsReadAsTheirWords() {
        let cases: [(String, String)] = [
            ("تفاعل رواد #مواقع_التواصل مع الخبر", "تفاعل رواد مواقع التواصل مع الخبر"),
            ("أثار #الفنان _المعروف الجدل", "أثار الفنان المعروف الجدل"),
            ("#السعودية: قرار جديد", "السعودية: قرار جديد"),
            ("تابعوا #كأس_العالم_2018.", "تابعوا كأس العالم 2018."),
            ("شاهد #الحدث_ اليوم", "شاهد الحدث اليوم"),
            // a # before a digit, or after a word, is no hashtag
            ("المركز #1 ولغة C# باقيان", "المركز #1 ولغة C# باقيان"),
        ]
        for (text, expected) in cases { #expect(SummaryText.readableHashtags(text) == expected, "\(text)") }
        // the importer and `reprocess` read summaries through `repaired`
        #expect(SummaryText.repaired("رواد #مواقع_التواصل", body: Self.body) == "رواد مواقع التواصل")
    }

    @Test func theImporterMendsTheSummaryItReads() throws {
        let line = #"{"id":"x","title":"المدرب يرحل","body":"بعد ثلاثة مواسم.\nوقاد الفارس","summary":"بعد ثلاثة مواسم.وقاد الفارس","source":"العربية"}"#
        let draft = try RecordParser.draft(fromJSONLine: Array(line.utf8))
        #expect(draft.summary == "بعد ثلاثة مواسم. وقاد الفارس")
    }
}
