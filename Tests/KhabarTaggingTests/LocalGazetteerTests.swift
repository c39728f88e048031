import Foundation
import Testing
@testable import KhabarTagging
import KhabarArabic

@Suite("Local gazetteer ($KHABAR_GAZETTEER)")
struct LocalGazetteerTests {
    static func apply(_ files: [String: String]) -> LocalGazetteer.Applied {
        Gazetteer.builtIn.extended(with: LocalGazetteer(files: files.sorted { $0.key < $1.key }.map {
            LocalGazetteer.File(path: "/srv/local/\($0.key)", text: $0.value)
        }))
    }

    static func tags(_ g: Gazetteer, _ title: String, _ body: String) -> [KhabarTagging.Tag] {
        Tagger(gazetteer: g).tags(title: title, body: body, statistics: nil)
    }

    @Test("a new person is tagged under the local id, by its full name and its alias")
    func addsPerson() {
        let applied = Self.apply(["people.txt": "# ours\nsalem-qasimi|سالم القاسمي|القاسمي|uae\n"])
        #expect(applied.problems == [])
        #expect(applied.added == ["salem-qasimi"])
        let title = "سالم القاسمي يفتتح معرض الكتاب"
        let body = "افتتح سالم القاسمي صباح اليوم معرض الكتاب في الشارقة، وقال القاسمي إن المعرض يضم ألف دار نشر."
        #expect(!Self.tags(Gazetteer.builtIn, title, body).contains { $0.slug == "salem-qasimi" })
        let tag = Self.tags(applied.gazetteer, title, body).first { $0.slug == "salem-qasimi" }
        #expect(tag?.name == "سالم القاسمي")
        #expect(tag?.type == "person")
        #expect(tag?.found == false)
    }

    @Test("a line with a built-in id sets the display name and adds aliases; the built-in aliases still match")
    func extendsBuiltIn() {
        let applied = Self.apply([
            "countries.txt": "usa||أميركا|بلاد العم سام||||\n",
            "people.txt": "donald-trump|دونالد ترامب|دونالد جون ترامب|\n",
        ])
        #expect(applied.problems == [])
        #expect(applied.extended.sorted() == ["donald-trump", "usa"])
        let usa = applied.gazetteer.entity(id: "usa")
        #expect(usa?.name == "أميركا")
        #expect(usa?.type == .country)
        #expect(usa?.kind == "un")   // an empty status keeps the built-in one
        #expect(usa?.aliases.contains("الولايات المتحدة") == true)
        #expect(applied.gazetteer.entity(id: "washington")?.country == "usa")   // the capital stays

        let tags = Self.tags(applied.gazetteer, "بلاد العم سام ترفع الرسوم",
                             "أعلنت الولايات المتحدة رفع الرسوم، وقال دونالد جون ترامب إن القرار نهائي.")
        let names = tags.map(\.name)
        #expect(names.contains("أميركا"))
        #expect(!names.contains("أمريكا"))
        #expect(tags.contains { $0.slug == "donald-trump" })
        // the built-in gazetteer is left as it was
        #expect(Gazetteer.builtIn.entity(id: "usa")?.name == "أمريكا")
    }

    @Test("cues.txt adds to every list: the club venues, government heads and stadiums too")
    func addsToEveryCueList() {
        let applied = Self.apply(["cues.txt": "club-venue|بملعب\ngovernment-head|سلطة\nstadium|مدرج\n"])
        #expect(applied.problems == [])
        let cues = applied.gazetteer.cues
        #expect(cues.clubVenues.contains(ArabicNormalizer.normalize("بملعب")))
        #expect(cues.governmentHeads.contains(ArabicNormalizer.normalize("سلطة")))
        #expect(cues.stadiums.contains(ArabicNormalizer.normalize("مدرج")))
    }

    @Test("cues.txt adds to the built-in lists: a local title supports a one-word alias")
    func addsCues() {
        let people = "hadi-nasser|هادي الناصري|الناصري|\n"
        let without = Self.apply(["people.txt": people])
        let with = Self.apply(["people.txt": people, "cues.txt": "person-title|المحافظ\n"])
        #expect(with.problems == [])
        #expect(with.gazetteer.cues.personTitles.contains("المحافظ"))
        let text = "قال المحافظ الناصري إن الطريق الجديد يفتح الشهر المقبل."
        #expect(!Tagger(gazetteer: without.gazetteer).mentions(in: text).contains { $0.entityID == "hadi-nasser" })
        #expect(Tagger(gazetteer: with.gazetteer).mentions(in: text).contains { $0.entityID == "hadi-nasser" })
    }

    @Test("every problem names the file and line; the good lines still apply")
    func problems() {
        let applied = Self.apply([
            "people.txt": """
                ok-one|منصور العبدلي||
                bad fields|اسم
                Bad_Id|اسم|بديل|
                no-name|||
                russia|روسيا الاتحادية||
                ok-one|منصور آخر||
                far-one|سامر الحلبي||atlantis
                """,
            "cues.txt": "titles|الوالي\n",
            "teams.txt": "x|y|z|\n",
        ])
        let p = applied.problems
        #expect(p.contains("/srv/local/people.txt:2: expected 4 fields id|name|aliases|country, found 2"))
        #expect(p.contains("/srv/local/people.txt:3: id \"Bad_Id\" must be an ASCII slug (a-z, 0-9, -)"))
        #expect(p.contains("/srv/local/people.txt:4: no-name has no name"))
        #expect(p.contains("/srv/local/people.txt:5: russia is a country in the built-in gazetteer, not a person"))
        #expect(p.contains("/srv/local/people.txt:6: id ok-one is already defined at /srv/local/people.txt:1"))
        #expect(p.contains("/srv/local/people.txt:7: country atlantis of far-one is not a country id"))
        #expect(p.contains("/srv/local/cues.txt:1: unknown list titles"))
        #expect(p.contains { $0.hasPrefix("/srv/local/teams.txt: unknown file name") })
        #expect(p.count == 8)
        #expect(applied.gazetteer.entity(id: "ok-one")?.name == "منصور العبدلي")
        #expect(applied.gazetteer.entity(id: "russia")?.type == .country)
        #expect(applied.gazetteer.entity(id: "russia")?.name == "روسيا")
    }

    @Test("reading a directory: data files in name order, others skipped or named")
    func readsDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-local-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "ok-two|نادر السليمي||\n".write(to: dir.appendingPathComponent("people.txt"), atomically: true, encoding: .utf8)
        try "notes".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent(".people.txt.swp"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent("person.txt"), atomically: true, encoding: .utf8)
        try Data([0x61, 0xFF, 0x62]).write(to: dir.appendingPathComponent("places.txt"))

        let local = LocalGazetteer.read(directory: dir.path)
        #expect(local.files.map(\.path) == [dir.path + "/people.txt"])
        #expect(local.problems.count == 2)
        #expect(local.problems.contains { $0.hasPrefix(dir.path + "/person.txt: unknown file name") })
        #expect(local.problems.contains(dir.path + "/places.txt: not valid UTF-8"))
        let applied = Gazetteer.builtIn.extended(with: local)
        #expect(applied.added == ["ok-two"])
        #expect(applied.problems == local.problems)

        let missing = LocalGazetteer.read(directory: dir.path + "/nope")
        #expect(missing.files.isEmpty)
        #expect(missing.problems.count == 1 && missing.problems[0].hasPrefix(dir.path + "/nope: cannot open"))
    }

    @Test("without $KHABAR_GAZETTEER the standard gazetteer is the built-in one")
    func standardIsBuiltIn() {
        guard Gazetteer.localDirectory == nil else { return }   // a developer's own setting
        #expect(Gazetteer.localProblems == [])
        #expect(Gazetteer.standard.entities.count == Gazetteer.builtIn.entities.count)
    }
}
