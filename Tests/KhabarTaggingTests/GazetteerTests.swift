import Testing
@testable import KhabarTagging
import KhabarArabic

@Suite("Gazetteer integrity")
struct GazetteerTests {
    static let gazetteer = Gazetteer.standard
    static let entities = gazetteer.entities

    @Test("the data files parse without problems")
    func parses() {
        let r = GazetteerParser.parseStandard()
        #expect(r.problems == [])
        #expect(r.entities.count == Self.entities.count)
    }

    @Test("ids are unique ASCII slugs")
    func ids() {
        var seen = Set<String>()
        for e in Self.entities {
            #expect(seen.insert(e.id).inserted, "duplicate id \(e.id)")
            #expect(GazetteerParser.isSlug(e.id), "bad id \(e.id)")
            #expect(Self.gazetteer.entity(id: e.id)?.name == e.name)
        }
    }

    @Test("every alias normalizes to words")
    func aliases() {
        for e in Self.entities {
            #expect(!e.aliases.isEmpty && e.aliases[0] == e.name)
            #expect(e.aliases.count == e.aliasDetails.count)
            for a in e.aliases {
                #expect(!ArabicNormalizer.normalize(a).isEmpty, "\(e.id): empty alias")
                #expect(!Analyzer.standard.tokenize(a).isEmpty, "\(e.id): alias without words: \(a)")
            }
        }
    }

    @Test("related entities exist: every country id is a country")
    func countriesOfEntities() {
        for e in Self.entities {
            guard let c = e.country else { continue }
            #expect(Self.gazetteer.entity(id: c)?.type == .country, "\(e.id) → \(c)")
        }
    }

    @Test("every country has a capital")
    func capitals() {
        let capitals = Set(Self.entities.filter { $0.kind == "capital" }.compactMap(\.country))
        for e in Self.entities where e.type == .country {
            #expect(capitals.contains(e.id), "\(e.id) has no capital")
        }
    }

    @Test("all 193 UN member states are present")
    func unMembers() {
        let members = Self.entities.filter { $0.type == .country && $0.kind == "un" }
        #expect(members.count == 193)
        // a few that are easy to forget
        for id in ["tuvalu", "nauru", "san-marino", "eswatini", "timor-leste", "south-sudan", "north-macedonia",
                   "saint-vincent", "micronesia", "comoros", "djibouti", "mauritania"] {
            #expect(members.contains { $0.id == id }, "\(id)")
        }
    }

    @Test("canonical spellings the site shows")
    func canonical() {
        #expect(Self.gazetteer.entity(id: "usa")?.name == "أمريكا")
        #expect(Self.gazetteer.entity(id: "russia")?.name == "روسيا")
        #expect(Self.gazetteer.entity(id: "moscow")?.country == "russia")
        #expect(Self.gazetteer.entity(id: "reuters")?.type == .outlet)
        #expect(Self.gazetteer.entity(id: "reuters")?.kind == "agency")
        #expect(Self.gazetteer.entity(id: "nagorno-karabakh")?.type == .place)
    }

    @Test("entity types cover the data")
    func types() {
        for t in EntityType.allCases {
            #expect(Self.entities.contains { $0.type == t }, "\(t)")
        }
    }

    @Test("a custom gazetteer works the same way")
    func custom() {
        let g = Gazetteer(entities: [Entity(id: "atlantis", name: "أطلانتس", type: .place, aliases: ["اطلنطس"])])
        let t = Tagger(gazetteer: g)
        #expect(t.mentions(in: "رحلة إلى أطلانتس ثم إلى اطلنطس").map(\.entityID) == ["atlantis", "atlantis"])
        var g2 = g
        g2.entities.append(Entity(id: "lemuria", name: "ليموريا", type: .place, aliases: []))
        #expect(Tagger(gazetteer: g2).mentions(in: "وليموريا").map(\.entityID) == ["lemuria"])
    }

    @Test("two gazetteers in turn on one thread each read words with their own aliases")
    func memoPerGazetteer() {
        // the per-thread word memo (`WordMemo`) remembers which words start an alias: it must
        // not answer for one gazetteer what it read for the other
        let a = Tagger(gazetteer: Gazetteer(entities: [Entity(id: "atlantis", name: "أطلانتس", type: .place, aliases: [])]))
        let b = Tagger(gazetteer: Gazetteer(entities: [Entity(id: "lemuria", name: "ليموريا", type: .place, aliases: [])]))
        let text = "أبحرت السفينة من أطلانتس إلى ليموريا ثم عادت وبأطلانتس"
        for _ in 0..<3 {
            #expect(a.mentions(in: text).map(\.entityID) == ["atlantis", "atlantis"])
            #expect(b.mentions(in: text).map(\.entityID) == ["lemuria"])
        }
    }
}
