import Foundation
import Testing
@testable import KhabarTagging

/// The seed page lives outside the repository (`../shared/seed/seed-page.txt` next to the
/// checkout); its text is read at test time and never copied into the repository.
enum SeedPage {
    /// Repository root = three levels up from this file (Tests/KhabarTaggingTests/<file>),
    /// symbolic links resolved (a scratch package may link the test folder in).
    static let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/seed/seed-page.txt").standardizedFileURL

    static let text: String? = try? String(contentsOf: url, encoding: .utf8)

    /// The main article: everything before the line that starts with المصدر.
    static var mainArticle: String? {
        guard let t = text else { return nil }
        var lines: [Substring] = []
        for line in t.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("المصدر") { break }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static let available: Bool = {
        if text == nil { print("SeedAcceptanceTests skipped: no seed page at \(url.path)") }
        return text != nil
    }()
}

@Suite("Seed page acceptance", .enabled(if: SeedPage.available, "the seed page is not next to this checkout"))
struct SeedAcceptanceTests {
    @Test("tags of the main article name the countries and the conflict")
    func tags() throws {
        let body = try #require(SeedPage.mainArticle)
        let tags = Tagger().tags(title: "", body: body, statistics: nil)
        let slugs = Set(tags.map(\.slug))
        for id in ["russia", "usa", "armenia", "azerbaijan", "nagorno-karabakh"] {
            #expect(slugs.contains(id), "missing \(id) in \(tags.map(\.name))")
        }
        #expect(tags.first { $0.slug == "usa" }?.name == "أمريكا")
        #expect(tags.count >= 3 && tags.count <= 7)
    }

    @Test("the attribution chain holds Reuters, then the channel that quoted it, then the outlet")
    func attribution() throws {
        let body = try #require(SeedPage.mainArticle)
        let a = Tagger().attribution(outlet: "الوطن", author: nil, body: body)
        let ids = a.credits.compactMap(\.entityID)
        let reuters = try #require(ids.firstIndex(of: "reuters"))
        let channel = try #require(ids.firstIndex(of: "al-qahera-news"))
        #expect(reuters < channel)
        #expect(a.credits[reuters].role == "agency")
        #expect(a.credits[channel].role == "channel")
        #expect(a.credits.last?.role == "outlet")
        #expect(a.outlet == "الوطن")
    }

    @Test("the outlet is read from the المصدر line when none is given")
    func outletFromPage() throws {
        let page = try #require(SeedPage.text)
        #expect(Tagger().attribution(outlet: nil, author: nil, body: page).outlet == "الوطن")
    }
}
