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
