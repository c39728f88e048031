import Testing
@testable import KhabarTagging

/// A source stored under an outlet's Latin name, or with its domain, is shown by the gazetteer's
/// Arabic name; anything else keeps its stored name.
@Suite struct OutletNamesTests {
    let names = OutletNames(gazetteer: .builtIn)

    @Test(arguments: [("Sky News Arabia", "سكاي نيوز عربية"), ("Al Arabiya", "العربية"), ("CNN Arabic", "سي إن إن"),
                      ("France 24 Arabic", "فرانس 24"), ("BBC Arabic", "بي بي سي"), ("  sky   NEWS arabia ", "سكاي نيوز عربية"),
                      ("سكاي نيوز العربية", "سكاي نيوز عربية")])
    func aLatinNameThatIsAnAliasIsShownInArabic(stored: String, shown: String) {
        #expect(names.arabicName(of: stored, domain: nil) == shown)
    }

    @Test(arguments: [("skynewsarabia.com", "سكاي نيوز عربية"), ("www.alarabiya.net", "العربية"), ("arabic.cnn.com", "سي إن إن"),
                      ("bbc.co.uk/arabic", "بي بي سي"), ("france24.com/ar", "فرانس 24")])
    func aDomainOfAKnownOutletIsShownInArabic(domain: String, shown: String) {
        #expect(names.arabicName(of: "Feed title we do not know", domain: domain) == shown)
    }

    @Test func anUnknownOutletKeepsItsName() {
        #expect(names.arabicName(of: "Al Arabiya English", domain: nil) == nil, "a name containing an outlet's is another outlet")
        #expect(names.arabicName(of: "جريدة الحي", domain: "hay-paper.example") == nil)
        #expect(names.displayName(of: "جريدة الحي", domain: "hay-paper.example") == "جريدة الحي")
        #expect(names.displayName(of: "CNN Arabic", domain: nil) == "سي إن إن")
    }

    /// A site's own gazetteer names its outlets too, and an alias two outlets share names neither.
    @Test func theGazetteerGivenDecides() {
        let gazetteer = Gazetteer(entities: [
            Entity(id: "hay-paper", name: "جريدة الحي", type: .outlet, aliases: ["hay paper", "the paper"]),
            Entity(id: "town-radio", name: "إذاعة البلدة", type: .outlet, aliases: ["town radio", "the paper"]),
            Entity(id: "hay", name: "الحي", type: .place, aliases: ["hay"]),
        ])
        let local = OutletNames(gazetteer: gazetteer)
        #expect(local.arabicName(of: "Hay Paper", domain: nil) == "جريدة الحي")
        #expect(local.arabicName(of: "The Paper", domain: nil) == nil)
        #expect(local.arabicName(of: "Hay", domain: nil) == nil, "only outlets")
        #expect(local.arabicName(of: "Sky News Arabia", domain: nil) == nil)
    }
}
