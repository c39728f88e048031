import Testing
@testable import KhabarArabic

@Suite struct ProcliticTests {
    /// Each proclitic once, ل before the article written as Arabic writes it, and nothing for a
    /// word that is not all Arabic letters.
    @Test func procliticFormsOfAWord() {
        let a = Analyzer.standard
        let russia = a.procliticForms(of: "روسيا")
        #expect(russia.count == Analyzer.proclitics.count && Set(russia).count == russia.count)
        for form in ["وروسيا", "فروسيا", "بروسيا", "لروسيا", "كروسيا", "وبروسيا", "ولروسيا", "فلروسيا"] {
            #expect(russia.contains(form), "\(form)")
        }
        let government = a.procliticForms(of: "الحكومه")
        #expect(government.contains("للحكومه") && government.contains("وللحكومه") && government.contains("بالحكومه"))
        #expect(!government.contains("لالحكومه"))
        #expect(a.procliticForms(of: "cnn").isEmpty && a.procliticForms(of: "2018").isEmpty && a.procliticForms(of: "").isEmpty)
        // the forms the stemmer does not reach: its stem of بروسيا is not روسيا
        #expect(a.stem("بروسيا") != a.stem("روسيا"))
    }
}

@Suite struct JoinedNameTests {
    /// أبو and عبد written onto the next word split off it, and two words join, only when a name
    /// of three letters or more follows.
    @Test func compoundNamesSplitAndJoin() {
        let a = Analyzer.standard
        #expect(a.splitName("ابوظبي").map { [$0.head, $0.tail] } == ["ابو", "ظبي"])
        #expect(a.splitName("عبدالله").map { [$0.head, $0.tail] } == ["عبد", "الله"])
        #expect(a.splitName("عبده") == nil && a.splitName("ابو") == nil && a.splitName("عبد") == nil)
        #expect(a.splitName("الله") == nil && a.splitName("ظبي") == nil && a.splitName("عبد2018") == nil)
        #expect(a.joinedName("ابو", "ظبي") == "ابوظبي")
        #expect(a.joinedName("عبد", "الرحمن") == "عبدالرحمن")
        #expect(a.joinedName("مطار", "ظبي") == nil && a.joinedName("عبد", "ه") == nil && a.joinedName("ابو", "cnn") == nil)
    }
}
