import Foundation
import Testing
@testable import KhabarTagging
import KhabarArabic

/// Surnames learned from a corpus (LearnedNames.swift). Every sentence is written for this file;
/// the names are invented.
@Suite("Learned names")
struct LearnedNamesTests {
    static let tagger = Tagger()

    /// Statistics of `bodies`, one document each.
    func statistics(_ bodies: [String]) -> TermStatistics {
        var s = TermStatistics()
        for b in bodies { s.add(title: "", body: b, tagger: Self.tagger) }
        return s
    }

    /// Found people of `text` as names.
    func people(_ text: String, _ stats: TermStatistics?) -> [String] {
        Self.tagger.mentions(in: text, statistics: stats).filter { $0.found && $0.type == .person }.map(\.name)
    }

    /// A small corpus in which the rules name كارلوس ميندوزا in full, by a title or a given name.
    static let corpus = [
        "قال المدرب كارلوس ميندوزا إن الفريق جاهز للمباراة",
        "وصل المدرب الأرجنتيني كارلوس ميندوزا إلى المطار أمس",
        "أكد كارلوس ميندوزا أن اللاعبين قدموا مباراة جيدة",
        "ارتفعت أسعار الذهب في الأسواق العالمية",
    ]

    @Test("a surname named in full in enough documents is found bare")
    func learnsASurname() {
        let stats = statistics(Self.corpus)
        #expect(stats.nameCounts("ميندوزا") == (named: 3, seen: 3))
        #expect(stats.isLearnedName("ميندوزا"))
        #expect(stats.learnedNameCount == 1)
        let text = "انتقد ميندوزا الحكم بعد المباراة"
        #expect(people(text, nil) == [])
        #expect(people(text, stats) == ["ميندوزا"])
        // after a proclitic: the name leaves it out
        #expect(people("وانتقد الصحفيون وميندوزا الحكم", stats) == ["ميندوزا"])
        // a learned surname is weak: no tag of its own
        let tags = Self.tagger.tags(title: "", body: "انتقد ميندوزا الحكم. وغادر ميندوزا الملعب.", statistics: stats)
        #expect(!tags.contains { $0.name == "ميندوزا" })
    }

    @Test("a family name with ال named after a given name is learned and found bare; the second half of عبد … is not")
    func learnsAFamilyName() {
        let stats = statistics(["استقبل الوزير سامر الحربي وفدا تجاريا", "قال سامر الحربي إن الاتفاق قريب",
                                "وأكد سامر الحربي أهمية التعاون", "ارتفعت أسعار الذهب في الأسواق العالمية"])
        #expect(stats.isLearnedName("الحربي"))
        #expect(people("انتقد الحربي القرار", nil) == [])
        #expect(people("انتقد الحربي القرار", stats) == ["الحربي"])
        let compound = statistics(["استقبل عبد المنعم الوفد", "وصل عبد المنعم إلى المطار", "غادر عبد المنعم القاعة"])
        #expect(compound.nameCounts("المنعم").named == 0)
        #expect(!compound.isLearnedName("المنعم"))
    }

    @Test("a given name that is also a common word teaches no surname in a name of two words; in a longer one it does")
    func givenWordTeachesNoSurname() {
        let pair = statistics(["أعلن رائد الطيران أن الرحلة نجحت", "قال رائد الطيران إن المركبة عادت",
                               "وأكد رائد الطيران أن التجربة مفيدة", "ارتفعت أسعار الذهب في الأسواق العالمية"])
        let named = pair.nameCounts("الطيران").named, learned = pair.isLearnedName("الطيران")
        #expect(named == 0)
        #expect(!learned)
        let longer = statistics(["قال رائد سالم الحربي إن الرحلة نجحت", "أكد رائد سالم الحربي أن المركبة عادت",
                                 "ارتفعت أسعار الذهب في الأسواق العالمية"])
        #expect(longer.isLearnedName("الحربي"))
    }

    @Test("one document is not enough, and a common word the rules read into a name is not learned")
    func thresholds() {
        let once = statistics([Self.corpus[0], Self.corpus[3]])
        #expect(once.nameCounts("ميندوزا").named == 1 && !once.isLearnedName("ميندوزا"))
        // "ضيوف" closes the name three times, but most documents that contain it name nobody
        let swallowed = "استقبل المدرب كارلوس ميندوزا ضيوف النادي"
        #expect(people(swallowed, nil) == ["كارلوس ميندوزا ضيوف"])
        let stats = statistics([swallowed, swallowed, swallowed,
                                "استقبلت العائلة ضيوف الحفل", "يستقبل الفندق ضيوف المهرجان",
                                "دعا النادي ضيوف الشرف إلى العشاء", "انتظر الأهالي ضيوف القرية"])
        #expect(stats.nameCounts("ضيوف") == (named: 3, seen: 7))
        #expect(!stats.isLearnedName("ضيوف"))
        #expect(stats.isLearnedName("ميندوزا") == false, "ميندوزا is not the last word there")
        #expect(people("استقبلت العائلة ضيوف الحفل", stats) == [])
        // the thresholds can be changed, and the learned set follows
        var loose = stats
        loose.nameLearning = NameLearning(minimumDocuments: 3, minimumShare: 0.4)
        #expect(loose.isLearnedName("ضيوف"))
        loose.nameLearning = NameLearning()
        #expect(loose == stats)
    }

    @Test("a bare learned surname in the title counts for the full name's tag")
    func titleSalience() {
        let stats = statistics(Self.corpus)
        let body = "قال المدرب كارلوس ميندوزا إن الفريق سيلعب بطريقة هجومية في المباراة المقبلة."
        let title = "ميندوزا يعد بالفوز"
        #expect(!Self.tagger.tags(title: title, body: body, statistics: nil).contains { $0.name == "كارلوس ميندوزا" })
        #expect(Self.tagger.tags(title: title, body: body, statistics: stats).contains { $0.name == "كارلوس ميندوزا" })
    }

    @Test("statistics without learned names tag as no statistics do")
    func noLearnedNames() {
        var terms = TermStatistics()
        for b in Self.corpus { terms.add(documentKeys: Self.tagger.documentTermKeys(title: "", body: b)) }
        #expect(terms.learnedNameCount == 0)
        let text = "انتقد ميندوزا الحكم. وقال المدرب كارلوس ميندوزا إن الفريق جاهز"
        #expect(Self.tagger.mentions(in: text, statistics: terms) == Self.tagger.mentions(in: text))
        #expect(Self.tagger.mentions(in: text, statistics: TermStatistics()) == Self.tagger.mentions(in: text))
        // name counts with nothing learned: the same tags as the term counts alone
        var counted = statistics(Self.corpus)
        counted.nameLearning.minimumDocuments = 100
        #expect(counted.learnedNameCount == 0)
        let title = "ميندوزا يعد بالفوز"
        #expect(Self.tagger.tags(title: title, body: text, statistics: counted) == Self.tagger.tags(title: title, body: text, statistics: terms))
    }

    @Test("coding keeps the name counts; encodings without names still decode")
    func coding() throws {
        let stats = statistics(Self.corpus)
        let data = try JSONEncoder().encode(stats)
        let back = try JSONDecoder().decode(TermStatistics.self, from: data)
        #expect(back == stats)
        #expect(back.isLearnedName("ميندوزا") && back.nameCounts("ميندوزا") == (named: 3, seen: 3))
        // name counts make statistics differ
        var terms = TermStatistics()
        for b in Self.corpus { terms.add(documentKeys: Self.tagger.documentTermKeys(title: "", body: b)) }
        #expect(terms != stats && terms.documentCount == stats.documentCount)
        // statistics without names encode as before (no "names"), and an old encoding decodes
        let plain = try JSONEncoder().encode(terms)
        let object = try #require(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        #expect(Set(object.keys) == ["documentCount", "keys", "counts"])
        let old = try JSONDecoder().decode(TermStatistics.self, from: Data(#"{"documentCount":2,"keys":[7,9],"counts":[1,2]}"#.utf8))
        #expect(old.documentCount == 2 && old.learnedNameCount == 0)
        // merging adds name counts
        var twice = stats
        twice.merge(back)
        #expect(twice.nameCounts("ميندوزا") == (named: 6, seen: 6) && twice.isLearnedName("ميندوزا"))
    }
}
