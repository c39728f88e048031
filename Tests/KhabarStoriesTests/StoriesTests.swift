import Foundation
import Testing
import KhabarArabic
import KhabarPipeline
@testable import KhabarStories

@Suite("Signature")
struct SignatureTests {
    @Test("encode/decode round trip")
    func roundTrip() throws {
        let s = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        #expect(!s.shingles.isEmpty && !s.bodyTerms.isEmpty && !s.titleTerms.isEmpty)
        #expect(s.bodyTerms.count <= 64)
        let bytes = s.encoded()
        let back = try Signature(decoding: bytes)
        #expect(back == s)
        #expect(try Signature(decoding: bytes[...]) == s)
        let empty = Fixture.sig("", "", [])
        #expect(try Signature(decoding: empty.encoded()) == empty)
    }

    @Test("bad bytes give a clear error")
    func badBytes() {
        let bytes = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities).encoded()
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: [UInt8]()) }
        #expect(throws: SignatureDecodingError.badMagic) { try Signature(decoding: [0x00, 0x53, 1] + bytes.dropFirst(3)) }
        #expect(throws: SignatureDecodingError.unsupportedVersion(9)) { try Signature(decoding: [0x4B, 0x53, 9] + bytes.dropFirst(3)) }
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: bytes.dropLast(3)) }
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: bytes + [0]) }
        let err = SignatureDecodingError.truncated(at: 12)
        #expect(err.description.contains("end early"))
    }

    @Test("format version 1 bytes (before the lead) still decode, with an empty lead")
    func version1() throws {
        let s = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        #expect(!s.leadTerms.isEmpty)
        let v1 = s.encoded(version: 1)
        #expect(v1[2] == 1 && s.encoded(version: 2)[2] == 2)
        #expect(v1.count == s.encoded(version: 2).count - 1 - 12 * s.leadTerms.count)
        var old = s
        old.leadTerms = []
        #expect(try Signature(decoding: v1) == old)
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: v1.dropLast(2)) }
    }

    @Test("entity kinds are stored (format version 3); version 2 bytes decode without them")
    func entityKinds() throws {
        let kinds: [EntityKind] = [.country, .country, .country, .place, .place, .organization]
        let s = Fixture.fp.signature(title: Fixture.damTitle, body: Fixture.damBody, entities: Fixture.damEntities, entityKinds: kinds)
        #expect(s.entityKinds == kinds && s.kind(at: 3) == .place && s.kind(at: 9) == .unknown)
        let bytes = s.encoded()
        #expect(bytes[2] == 3)
        #expect(try Signature(decoding: bytes) == s)
        // a repeated entity keeps its first kind, aligned
        let twice = Fixture.fp.signature(title: "", body: Fixture.damLead, entities: ["egypt", "egypt", "african-union"],
                                         entityKinds: [.country, .country, .organization])
        #expect(twice.entities == ["egypt", "african-union"] && twice.entityKinds == [.country, .organization])
        // kinds that do not line up with the entities are not recorded
        #expect(Fixture.fp.signature(title: "", body: Fixture.damLead, entities: ["egypt"], entityKinds: [.country, .place]).entityKinds == [])
        let v2 = s.encoded(version: 2)
        #expect(v2.count == bytes.count - 1 - kinds.count)
        var old = s
        old.entityKinds = []
        let back = try Signature(decoding: v2)
        #expect(back == old && back.kind(at: 0) == .unknown && !back.kind(at: 0).isBroad)
        // kinds for some entities only, or an unknown kind byte, are refused
        var bad = bytes
        bad[bad.count - kinds.count - 1] = 2
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: bad.dropLast(kinds.count - 2)) }
        bad = bytes
        bad[bad.count - 1] = 77
        #expect(throws: SignatureDecodingError.self) { try Signature(decoding: bad) }
        #expect(EntityKind(tagType: "country") == .country && EntityKind(tagType: "person") == .person
                && EntityKind(tagType: "outlet") == .other && EntityKind.country.isBroad && !EntityKind.place.isBroad)
    }

    @Test("the pipeline's signature records each entity's kind from its tag")
    func pipelineKinds() throws {
        let stage = AnalysisStage()
        let title = "وزير الخارجية المصري يبحث مع نظيره السوداني في القاهرة ملف سد النهضة"
        let body = """
        استقبل وزير الخارجية المصري في القاهرة اليوم نظيره السوداني، وبحث الجانبان مفاوضات سد النهضة الإثيوبي ودور الاتحاد الأفريقي في الوساطة بين الدول الثلاث.

        وقال الوزير المصري إن بلاده تتمسك باتفاق ملزم لملء السد وتشغيله، فيما أكد الوزير السوداني حرص الخرطوم على التنسيق مع مصر.
        """
        let a = stage.annotations(title: title, body: body, outlet: "outlet-1", author: nil,
                                  titleAnalysis: stage.analyzer.analyze(title), bodyAnalysis: stage.analyzer.analyze(body))
        let sig = try Signature(decoding: a.signature)
        let byTag = Dictionary(a.tags.map { ($0.slug, $0.type) }, uniquingKeysWith: { x, _ in x })
        #expect(sig.entities.contains("egypt") && sig.entityKinds.count == sig.entities.count, "\(sig.entities)")
        for (i, e) in sig.entities.enumerated() {
            #expect(sig.kind(at: i) == EntityKind(tagType: byTag[e] ?? ""), "\(e)")
        }
        #expect(sig.entities.indices.contains { sig.kind(at: $0) == .country } && sig.entities.indices.contains { !sig.kind(at: $0).isBroad })
    }

    @Test("the lead is the body's first stems after the wrappers, counted there")
    func lead() throws {
        var fp = Fingerprinter()
        fp.leadTermLimit = 4
        // Our own sentence behind an SPA-style dateline (a wrapper: not the lead).
        let body = "الرياض 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م واس افتتح وزير النقل الطريق الجديد وقال الوزير إن الطريق الجديد يختصر الرحلة"
        let s = fp.signature(title: "", body: body, entities: [])
        let stems = fp.analyzer.analyze("افتتح وزير النقل الطريق").stems
        #expect(stems.count == 4)
        #expect(s.leadTerms == Fingerprinter.counts(stems.map(Fingerprinter.termKey), limit: .max))
        #expect(s.leadTerms.allSatisfy { t in s.bodyTerms.contains { $0.key == t.key } })
        let none = Fingerprinter().signature(title: "عنوان فقط", body: "", entities: [])
        #expect(none.leadTerms.isEmpty)
        fp.leadTermLimit = 0
        #expect(fp.signature(title: "", body: body, entities: []).leadTerms.isEmpty)
    }

    @Test("term keys are stable FNV-1a 64")
    func termKey() {
        #expect(Fingerprinter.termKey("") == 0xcbf2_9ce4_8422_2325)
        #expect(Fingerprinter.termKey("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Fingerprinter.termKey("سد") == Fingerprinter.termKey("سد"))
    }

    @Test("signatures are stable across processes and versions (they are stored)")
    func pinned() {
        // Signatures are stored: these change only with a deliberate format change (bump
        // Signature.formatVersion) or a change of KhabarArabic's stopwords/stemmer (then stored
        // signatures must be recomputed: `khabar reprocess`).
        let s = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        #expect(String(s.simhash, radix: 16) == "28b55cb21b6abc27")   // analyzer 6: كلمته is كلم
        #expect(s.shingles.count == 101)
        #expect(s.bodyTerms.count == 64 && s.titleTerms.count == 10)
        #expect(s.leadTerms.count == 8)
        #expect(s.encoded().count == 1480)   // format 3: one byte more (no entity kinds given)
        #expect(Fingerprinter.termKey("سد") == 0x4e29_4385_88ee_bcd9)
    }

    @Test("the analysis overload gives the same signature")
    func analysisOverload() {
        let fp = Fingerprinter()
        let a = fp.signature(title: Fixture.damTitle, body: Fixture.damBody, entities: ["egypt"])
        let b = fp.signature(titleAnalysis: fp.analyzer.analyze(Fixture.damTitle),
                             bodyAnalysis: fp.analyzer.analyze(Fixture.damBody), entities: ["egypt"])
        #expect(a == b)
    }
}

@Suite("Near duplicates")
struct NearDuplicateTests {
    let nd = NearDuplicateParameters.standard

    @Test("a lightly edited copy is a near duplicate, with a close SimHash")
    func editedCopy() {
        let a = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        let b = Fixture.sig(Fixture.damTitle, Fixture.damEditedBody, Fixture.damEntities)
        #expect(nd.isNearDuplicate(a, b))
        #expect(hamming(a.simhash, b.simhash) <= 12)
        let c = Fixture.sig(Fixture.cupTitle, Fixture.cupBody, Fixture.cupEntities)
        #expect(!nd.isNearDuplicate(a, c))
        #expect(hamming(a.simhash, c.simhash) > 16)
    }

    @Test("a lead-only copy is found by containment")
    func leadOnly() {
        let full = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        let lead = Fixture.sig(Fixture.damTitle, Fixture.damLead, Fixture.damEntities)
        let (j, c) = NearDuplicateParameters.overlap(full, lead)
        #expect(j < nd.jaccard)
        #expect(c >= nd.containment)
        #expect(nd.isNearDuplicate(full, lead))
    }

    @Test("same story in another outlet's words is not a copy")
    func ownWords() {
        let a = Fixture.sig(Fixture.damTitle, Fixture.damBody, Fixture.damEntities)
        let b = Fixture.sig(Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities)
        #expect(!nd.isNearDuplicate(a, b))
    }
}

@Suite("Story clustering")
struct ClustererTests {
    static func items() -> [ClusterItem] {
        [
            Fixture.item(1, 0, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities),
            Fixture.item(2, 0.5, "outlet-3", Fixture.cupTitle, Fixture.cupBody, Fixture.cupEntities),
            Fixture.item(3, 1, "outlet-2", Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities),
            Fixture.item(4, 2, "outlet-4", Fixture.damOtherHeadline, Fixture.damBody, Fixture.damEntities),
            Fixture.item(5, 3, "outlet-1", Fixture.rateTitle, Fixture.rateBody, Fixture.rateEntities),
            Fixture.item(6, 4, "outlet-5", Fixture.damTitle, Fixture.damLead, Fixture.damEntities),
        ]
    }

    @Test("same event joins one story; copies attach to the earliest; others open stories")
    func clusters() {
        var c = StoryClusterer()
        var out: [Int64: StoryAssignment] = [:]
        for it in Self.items() {
            let a = c.assign(it)
            #expect(a.first?.seq == it.seq)
            for x in a { out[x.seq] = x }
        }
        #expect(out[1] == StoryAssignment(seq: 1, storyID: 1, duplicateOf: nil))
        #expect(out[2]?.storyID == 2)
        #expect(out[3] == StoryAssignment(seq: 3, storyID: 1, duplicateOf: nil))
        #expect(out[4] == StoryAssignment(seq: 4, storyID: 1, duplicateOf: 1), "different headline, same body")
        #expect(out[5]?.storyID == 5)
        #expect(out[6] == StoryAssignment(seq: 6, storyID: 1, duplicateOf: 1), "lead-only copy")
        #expect(c.count == 6)
    }

    /// Two events of one day that share a country and no words: the second opens its own story,
    /// however fully the first story's entities cover its own (gated by `entityTextGate`).
    @Test("a shared country alone does not join a story")
    func entitiesAloneDoNotJoin() {
        let festivalTitle = "انطلاق مهرجان الإسماعيلية للأفلام التسجيلية بمشاركة ستين فيلما"
        let festivalBody = """
        افتتحت إدارة المهرجان دورته الجديدة مساء الأحد بعرض فيلم وثائقي عن حياة الصيادين على ضفاف القناة، وتتنافس على جوائزه أعمال من أربعين دولة في مسابقات الأفلام القصيرة والطويلة والتحريك.

        وقالت رئيسة لجنة التحكيم إن اللجنة ستعلن النتائج في حفل الختام نهاية الأسبوع، وإن الدورة تكرم مخرجين راحلين أثروا السينما التسجيلية العربية.
        """
        for gate in [0.0, StoryParameters.standard.entityTextGate] {
            var p = StoryParameters.standard
            p.entityTextGate = gate
            var c = StoryClusterer(parameters: p)
            _ = c.assign(Fixture.item(1, 0, "outlet-1", Fixture.rateTitle, Fixture.rateBody, Fixture.rateEntities))
            let festival = c.assign(Fixture.item(2, 0.5, "outlet-2", festivalTitle, festivalBody, ["egypt"]))
            // without the gate the country alone carried it (the failure this guards against)
            #expect(festival.first?.storyID == (gate == 0 ? 1 : 2), "gate \(gate)")
        }
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 0, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        #expect(c.assign(Fixture.item(2, 1, "outlet-2", Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities)).first?.storyID == 1)
    }

    /// Two events of one country and one day: the country is all they have in common (the first
    /// names a place too) and its name is a word of both titles and bodies, so the text's share
    /// passed `entityTextGate` and the country's entity share carried the second article into
    /// the first one's story.
    @Test("a country shared with little text in common does not join two events of one day")
    func countryAloneDoesNotJoin() throws {
        let airportTitle = "الأردن يفتتح مطارا جديدا في العقبة لاستقبال الرحلات السياحية"
        let airportBody = """
        افتتح الأردن اليوم مطارا جديدا في مدينة العقبة على البحر الأحمر، قال وزير النقل الأردني إنه سيستقبل رحلات الطيران العارض القادمة من أوروبا طوال العام.

        وأضاف الوزير أن المطار يضم صالة للمسافرين تتسع لمليون راكب سنويا، وأن الحكومة الأردنية تأمل أن يضاعف عدد السياح الذين يزورون البتراء ووادي رم خلال السنوات الثلاث المقبلة.
        """
        let airportOwnTitle = "مطار العقبة الجديد يستقبل أولى رحلاته السياحية من أوروبا"
        let airportOwnBody = """
        استقبل مطار العقبة الجديد في جنوب الأردن أولى رحلات الطيران العارض القادمة من أوروبا، بعد افتتاحه صباح اليوم بحضور وزير النقل.

        وتتسع صالة المسافرين في المطار لمليون راكب في السنة، وتراهن الحكومة على أن يرفع المطار أعداد السياح المتجهين إلى البتراء ووادي رم.
        """
        let quakeTitle = "هزة أرضية خفيفة تضرب شمال الأردن اليوم دون إصابات بين السياح"
        let quakeBody = """
        قال وزير الداخلية الأردني اليوم إن هزة أرضية خفيفة ضربت مناطق في شمال الأردن مساء أمس، وشعر بها سكان إربد وعجلون دون أن تسفر عن إصابات أو أضرار.

        وأضاف الوزير أن الحكومة الأردنية تتابع تقارير مرصد الزلازل على مدار العام، داعيا المواطنين إلى الهدوء واتباع إرشادات الدفاع المدني خلال السنوات المقبلة.
        """
        let airport = (ids: ["jordan", "aqaba"], kinds: [EntityKind.country, .place])
        func item(_ seq: Int64, _ h: Double, _ src: String, _ title: String, _ body: String,
                  _ ents: (ids: [String], kinds: [EntityKind]), withKinds: Bool) -> ClusterItem {
            ClusterItem(seq: seq, published: Fixture.hours(h), source: src, title: title,
                        signature: Fixture.fp.signature(title: title, body: body, entities: ents.ids,
                                                        entityKinds: withKinds ? ents.kinds : []))
        }
        func run(_ p: StoryParameters, airport: (ids: [String], kinds: [EntityKind]), withKinds: Bool) throws -> (quake: Int64, own: Int64?, score: Double) {
            var c = StoryClusterer(parameters: p)
            for it in ClustererTests.items() where it.seq == 2 || it.seq == 5 { _ = c.assign(it) }   // other stories in the window
            _ = c.assign(item(10, 0, "outlet-1", airportTitle, airportBody, airport, withKinds: withKinds))
            let quake = item(11, 3, "outlet-2", quakeTitle, quakeBody, (["jordan"], [.country]), withKinds: withKinds)
            let score = c.score(quake.signature, c.bodyVector(quake.signature), Fixture.hours(3).timeIntervalSince1970,
                                try #require(c.stories[10]))
            let story = try #require(c.assign(quake).first).storyID
            // another outlet's report of the airport, naming only the country, still joins
            let own = c.assign(item(12, 4, "outlet-3", airportOwnTitle, airportOwnBody, (["jordan"], [.country]), withKinds: withKinds))
            return (story, own.first?.storyID, score)
        }
        var before = StoryParameters.standard
        before.broadEntityTextGate = 0
        // before (gate 0), and with signatures that do not record kinds, the country carried it
        for (p, withKinds) in [(before, true), (StoryParameters.standard, false)] {
            let r = try run(p, airport: airport, withKinds: withKinds)
            #expect(r.quake == 10 && r.own == 10, "gate \(p.broadEntityTextGate), kinds \(withKinds): \(r)")
        }
        let r = try run(.standard, airport: airport, withKinds: true)
        #expect(r.quake == 11 && r.own == 10, "\(r)")
        // when neither names anything but the country, the lower countriesOnlyTextGate applies
        var onlyOff = StoryParameters.standard
        onlyOff.countriesOnlyTextGate = 0
        let plain = try run(onlyOff, airport: (["jordan"], [.country]), withKinds: true)
        #expect(plain.quake == 10, "\(plain)")
        let plainGated = try run(.standard, airport: (["jordan"], [.country]), withKinds: true)
        #expect(plainGated.score < plain.score && plainGated.score > r.score, "\(plainGated) \(plain) \(r)")
        // a specific entity in common lets the country count in full
        var c = StoryClusterer()
        _ = c.assign(item(10, 0, "outlet-1", airportTitle, airportBody, airport, withKinds: true))
        let story = try #require(c.stories[10])
        func score(_ ents: [String], _ kinds: [EntityKind]) -> Double {
            let sig = Fixture.fp.signature(title: quakeTitle, body: quakeBody, entities: ents, entityKinds: kinds)
            return c.score(sig, c.bodyVector(sig), Fixture.hours(3).timeIntervalSince1970, story)
        }
        #expect(score(["jordan", "aqaba"], [.country, .place]) == score(["jordan", "aqaba"], []))
        #expect(score(["jordan", "irbid"], [.country, .place]) < score(["jordan", "irbid"], []))
    }

    @Test("same inputs in the same order give the same output")
    func deterministic() {
        func run() -> [[StoryAssignment]] {
            var c = StoryClusterer()
            return Self.items().map { c.assign($0) }
        }
        let first = run()
        for _ in 0..<3 { #expect(run() == first) }
    }

    @Test("an earlier-published copy arriving late becomes the primary")
    func lateEarlierCopy() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(10, 5, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        let b = c.assign(Fixture.item(11, 6, "outlet-2", Fixture.damOtherHeadline, Fixture.damEditedBody, Fixture.damEntities))
        #expect(b == [StoryAssignment(seq: 11, storyID: 10, duplicateOf: 10)])
        let late = c.assign(Fixture.item(12, 1, "outlet-3", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        #expect(late == [
            StoryAssignment(seq: 12, storyID: 10, duplicateOf: nil),
            StoryAssignment(seq: 10, storyID: 10, duplicateOf: 12),
            StoryAssignment(seq: 11, storyID: 10, duplicateOf: 12),
        ])
        // A later copy now attaches to the new primary.
        let d = c.assign(Fixture.item(13, 7, "outlet-4", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        #expect(d == [StoryAssignment(seq: 13, storyID: 10, duplicateOf: 12)])
    }

    @Test("restore then assign continues the same clustering; evict forgets old items")
    func restoreAndEvict() {
        var a = StoryClusterer()
        var assignments: [Int64: StoryAssignment] = [:]
        let items = Self.items()
        for it in items.prefix(4) { for x in a.assign(it) { assignments[x.seq] = x } }
        var b = StoryClusterer()
        for it in items.prefix(4) {
            let x = assignments[it.seq]!
            b.restore(it, storyID: x.storyID, duplicateOf: x.duplicateOf)
        }
        #expect(b.count == 4)
        #expect(b.assign(items[5]) == a.assign(items[5]))
        b.evict(olderThan: Fixture.hours(72 + 1.5))
        #expect(b.count == 2)   // published at 0, 0.5 and 1 h are gone; 2 h and 4 h stay
        b.evict(olderThan: Fixture.hours(1000))
        #expect(b.count == 0)
        // After eviction a new article opens its own story.
        #expect(b.assign(Fixture.item(20, 1001, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
                == [StoryAssignment(seq: 20, storyID: 20, duplicateOf: nil)])
    }

    @Test("a paper article carrying two wire items is a copy of both")
    func bundleCopiesBoth() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 0, "wire", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        _ = c.assign(Fixture.item(2, 1, "wire", Fixture.portTitle, Fixture.portBody, Fixture.portEntities))
        let b = c.assign(Fixture.item(3, 5, "paper", Fixture.portTitle, Fixture.bundleBody,
                                      Fixture.portEntities + Fixture.damEntities))
        #expect(b.count == 1)
        let a = b[0]
        #expect(a.duplicateOf != nil)
        #expect(Set([a.duplicateOf!] + a.alsoDuplicateOf) == [1, 2])
        #expect(a.alsoDuplicateOf.count == 1 && a.alsoDuplicateOf[0] != a.duplicateOf)
        #expect(a.storyID == (a.duplicateOf == 1 ? 1 : 2), "the story of the primary it copies most closely")
        // The two wire items stay apart: neither becomes a copy of the other through the bundle.
        let again = c.assign(Fixture.item(4, 6, "paper-2", Fixture.damOtherHeadline, Fixture.damEditedBody, Fixture.damEntities))
        #expect(again == [StoryAssignment(seq: 4, storyID: 1, duplicateOf: 1)])
    }

    @Test("the parts of a wire item, reassembled by a paper: a copy of each part")
    func reassembledParts() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 0, "wire", Fixture.damTitle, Fixture.damLead, Fixture.damEntities))
        _ = c.assign(Fixture.item(2, 0.1, "wire", Fixture.damPart2Title, Fixture.damRest, Fixture.damEntities))
        let b = c.assign(Fixture.item(3, 4, "paper", Fixture.damOtherHeadline, Fixture.damBody, Fixture.damEntities))
        #expect(b.count == 1)
        #expect(Set([b[0].duplicateOf].compactMap { $0 } + b[0].alsoDuplicateOf) == [1, 2])
    }

    @Test("a wire item arriving after the bundle that carries it: the bundle gains it")
    func partArrivesAfterBundle() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 0, "wire", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        let b = c.assign(Fixture.item(2, 5, "paper", Fixture.portTitle, Fixture.bundleBody,
                                      Fixture.portEntities + Fixture.damEntities))
        #expect(b.count == 1 && b[0].duplicateOf == 1 && b[0].alsoDuplicateOf.isEmpty)
        let port = c.assign(Fixture.item(3, 6, "wire", Fixture.portTitle, Fixture.portBody, Fixture.portEntities))
        #expect(port.count == 2)
        #expect(port[0].seq == 3 && port[0].duplicateOf == nil, "the port item is no copy of the dam item")
        #expect(port[1] == StoryAssignment(seq: 2, storyID: b[0].storyID, duplicateOf: 1, alsoDuplicateOf: [3]))
        // Restoring the recorded assignments gives a clusterer that decides the same.
        var r = StoryClusterer()
        r.restore(Fixture.item(1, 0, "wire", Fixture.damTitle, Fixture.damBody, Fixture.damEntities), storyID: 1, duplicateOf: nil)
        r.restore(Fixture.item(2, 5, "paper", Fixture.portTitle, Fixture.bundleBody, Fixture.portEntities + Fixture.damEntities),
                  storyID: port[1].storyID, duplicateOf: 1, alsoDuplicateOf: [3])
        r.restore(Fixture.item(3, 6, "wire", Fixture.portTitle, Fixture.portBody, Fixture.portEntities),
                  storyID: port[0].storyID, duplicateOf: nil)
        let copy = Fixture.item(4, 7, "paper-2", Fixture.portTitle, Fixture.bundleBody, Fixture.portEntities + Fixture.damEntities)
        #expect(r.assign(copy) == c.assign(copy))
    }

    @Test("a late earlier copy taking over a primary is reported for the bundles that carried it")
    func lateCopyTakesOverInBundle() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 2, "wire", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        _ = c.assign(Fixture.item(2, 3, "wire", Fixture.portTitle, Fixture.portBody, Fixture.portEntities))
        let b = c.assign(Fixture.item(3, 5, "paper", Fixture.portTitle, Fixture.bundleBody,
                                      Fixture.portEntities + Fixture.damEntities))[0]
        // An earlier-published copy of the port item alone arrives late: it becomes the port
        // group's primary, and the bundle now names it where it named seq 2.
        let late = c.assign(Fixture.item(4, 0, "paper-2", Fixture.portTitle, Fixture.portBody, Fixture.portEntities))
        #expect(late.first == StoryAssignment(seq: 4, storyID: 2, duplicateOf: nil))
        #expect(late.contains(StoryAssignment(seq: 2, storyID: 2, duplicateOf: 4)))
        let bundle = late.first { $0.seq == 3 }
        #expect(bundle != nil)
        #expect(Set([bundle!.duplicateOf!] + bundle!.alsoDuplicateOf) == [1, 4])
        #expect(bundle!.storyID == b.storyID)
        #expect(late.dropFirst().map(\.seq) == late.dropFirst().map(\.seq).sorted())
    }

    @Test("a story covers at most maxSpan of publication time; copies follow their primary anyway")
    func spanCap() {
        func run(maxSpan: TimeInterval) -> [Int64: StoryAssignment] {
            var p = StoryParameters()
            p.maxSpan = maxSpan
            var c = StoryClusterer(parameters: p)
            var out: [Int64: StoryAssignment] = [:]
            for it in [
                Fixture.item(1, 0, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities),
                Fixture.item(2, 1, "outlet-2", Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities),
                Fixture.item(3, 3, "outlet-3", Fixture.damThirdTitle, Fixture.damThirdBody, Fixture.damEntities),
                Fixture.item(4, 3.5, "outlet-4", Fixture.damOtherHeadline, Fixture.damEditedBody, Fixture.damEntities),
            ] {
                for a in c.assign(it) { out[a.seq] = a }
            }
            return out
        }
        let open = run(maxSpan: 0)
        #expect(open[2]?.storyID == 1 && open[3]?.storyID == 1, "without a cap the three reports are one story")
        let capped = run(maxSpan: 2 * 3600)
        #expect(capped[2]?.storyID == 1)
        #expect(capped[3] == StoryAssignment(seq: 3, storyID: 3, duplicateOf: nil), "3 h after the story began: a new story")
        #expect(capped[4] == StoryAssignment(seq: 4, storyID: 1, duplicateOf: 1), "a copy joins its primary's story")
        #expect(StoryParameters.standard.maxSpan == 36 * 3600)
    }

    @Test("articles outside the window never join")
    func window() {
        var c = StoryClusterer()
        _ = c.assign(Fixture.item(1, 0, "o1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities))
        let far = c.assign(Fixture.item(2, 24 * 10, "o2", Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities))
        #expect(far == [StoryAssignment(seq: 2, storyID: 2, duplicateOf: nil)])
    }
}

@Suite("Related articles")
struct RelatedTests {
    static func entries() -> [RelatedEntry] {
        func e(_ seq: Int64, _ h: Double, _ src: String, _ title: String, _ body: String, _ ents: [String],
               story: Int64?, dup: Int64? = nil) -> RelatedEntry {
            RelatedEntry(seq: seq, published: Fixture.hours(h), source: src, title: title, storyID: story,
                         duplicateOf: dup, signature: Fixture.sig(title, body, ents))
        }
        return [
            e(1, 0, "outlet-1", Fixture.damTitle, Fixture.damBody, Fixture.damEntities, story: 1),
            e(2, 1, "outlet-2", Fixture.damOwnTitle, Fixture.damOwnBody, Fixture.damEntities, story: 1),
            e(3, 2, "outlet-3", Fixture.damOtherHeadline, Fixture.damEditedBody, Fixture.damEntities, story: 1, dup: 1),
            // A copy the clusterer did not link (no story): still excluded by its shingles.
            e(4, 3, "outlet-4", Fixture.damTitle, Fixture.damLead, Fixture.damEntities, story: nil),
            e(10, 20, "outlet-1", Fixture.fillingTitle, Fixture.fillingBody, ["ethiopia", "egypt", "sudan", "grand-ethiopian-renaissance-dam", "african-union"], story: 10),
            e(11, 21, "outlet-2", Fixture.fillingTitle2, Fixture.fillingBody2, ["egypt", "sudan", "ethiopia", "grand-ethiopian-renaissance-dam", "khartoum"], story: 10),
            e(20, 5, "outlet-3", Fixture.cupTitle, Fixture.cupBody, Fixture.cupEntities, story: 20),
            e(30, 6, "outlet-1", Fixture.rateTitle, Fixture.rateBody, Fixture.rateEntities, story: 30),
        ]
    }

    @Test("similar excludes own story and copies, keeps one per story; sameStory has the other outlet")
    func related() throws {
        let index = RelatedIndex()
        index.upsert(Self.entries())
        #expect(index.count == 8)
        let r = try #require(index.related(to: 1))
        let seqs = r.similar.map(\.seq)
        #expect(!seqs.contains(1) && !seqs.contains(2) && !seqs.contains(3) && !seqs.contains(4))
        #expect(seqs.filter { $0 == 10 || $0 == 11 }.count == 1, "one per story: \(r.similar)")
        #expect(!seqs.contains(20), "football is under the threshold")
        #expect(r.readAlso == r.similar.first)
        #expect(r.readAlso != nil)
        #expect(r.sameStory.map(\.seq) == [2], "\(r.sameStory)")
        for s in r.similar { #expect(s.score >= RelatedParameters.standard.threshold && s.score <= 1) }
        #expect(index.related(to: 999) == nil)
    }

    @Test("a story member that shares little with the article is no version of it")
    func sameStoryFloor() throws {
        let index = RelatedIndex()
        var all = Self.entries()
        // a cup report the clusterer put into the dam story, from another outlet
        all.append(RelatedEntry(seq: 5, published: Fixture.hours(4), source: "outlet-5", title: Fixture.cupTitle, storyID: 1,
                                duplicateOf: nil, signature: Fixture.sig(Fixture.cupTitle, Fixture.cupBody, Fixture.cupEntities)))
        index.upsert(all)
        let r = try #require(index.related(to: 1))
        #expect(r.sameStory.map(\.seq) == [2], "\(r.sameStory)")
        for s in r.sameStory { #expect(s.score >= RelatedParameters.standard.threshold) }
    }

    @Test("a bundle that copies two wire items is left out of both items' similar lists")
    func bundleIsACopyOfEach() throws {
        let index = RelatedIndex()
        var all = Self.entries()
        all.append(RelatedEntry(seq: 40, published: Fixture.hours(22), source: "outlet-5", title: Fixture.fillingTitle,
                                storyID: 10, duplicateOf: 10, alsoDuplicateOf: [1],
                                signature: Fixture.sig(Fixture.fillingTitle, Fixture.fillingBody + " " + Fixture.damBody,
                                                       Fixture.damEntities)))
        index.upsert(all)
        for primary: Int64 in [1, 10] {
            let r = try #require(index.related(to: primary))
            #expect(!(r.similar + r.sameStory).map(\.seq).contains(40), "\(primary): \(r)")
        }
        let r = try #require(index.related(to: 40))
        #expect(!(r.similar + r.sameStory).map(\.seq).contains { [1, 10].contains($0) }, "\(r)")
    }

    /// Everyday items on other subjects (our own phrases, three per item), to grow an index.
    static func filler(_ n: Int) -> [RelatedEntry] {
        let phrases = [
            "ارتفعت أسعار الذهب في الأسواق العالمية مع تراجع الدولار", "توقعت هيئة الأرصاد أمطارا غزيرة على المناطق الساحلية",
            "افتتح معرض الكتاب أبوابه بمشاركة مئات دور النشر", "أطلقت وزارة الصحة حملة للتطعيم في المدارس",
            "سجلت البورصة المحلية مكاسب في ختام تعاملات الأسبوع", "حصد الفيلم جائزة أفضل إخراج في المهرجان السينمائي",
            "أعلنت شركة الطيران عن رحلات جديدة إلى العواصم الأوروبية", "بدأ موسم جني الزيتون في القرى الجبلية",
            "ناقش مجلس المدينة خطة لتوسيع شبكة الحافلات", "فازت المدرسة بالمركز الأول في مسابقة الروبوتات",
            "تراجعت أسعار الخضروات في أسواق الجملة هذا الشهر", "احتفلت الجامعة بتخريج دفعة جديدة من طلاب الطب",
            "حذرت الشرطة من عمليات احتيال عبر الرسائل الهاتفية", "افتتح متحف للفنون الشعبية في وسط العاصمة",
            "ارتفع عدد السياح الوافدين خلال فصل الصيف", "أطلق مطورون تطبيقا لحجز المواعيد في العيادات",
            "انطلقت بطولة الشطرنج بمشاركة لاعبين من عشرين دولة", "أعلن المصرف عن قروض ميسرة للمشروعات الصغيرة",
            "بدأت أعمال ترميم السوق القديم في المدينة", "نظمت الجمعية يوما للتبرع بالدم في الحي",
        ]
        return (0..<n).map { i in
            let text = (0..<3).map { k in phrases[(i * 7 + k * 13 + i / 20) % phrases.count] }.joined(separator: ". ")
            return RelatedEntry(seq: Int64(1000 + i), published: Fixture.hours(Double(i % 48)), source: "filler",
                                title: "", storyID: nil, duplicateOf: nil, signature: Fixture.sig("", text, []))
        }
    }

    @Test("the content score does not depend on how many articles the index holds")
    func scaleFree() throws {
        func scores(_ p: RelatedParameters, filler: Int) -> [Double] {
            let index = RelatedIndex(parameters: p)
            index.upsert(Self.entries() + Self.filler(filler))
            return [(1, 10), (1, 11), (1, 2), (10, 11)].map { index.similarity($0.0, $0.1)! }
        }
        let small = scores(.standard, filler: 0), large = scores(.standard, filler: 400)
        for (s, l) in zip(small, large) { #expect(abs(s - l) <= 0.2 * l, "8 articles \(s), 408 articles \(l)") }
        // Without the IDF prior the 8-article index scores the same pairs far lower.
        var noPrior = RelatedParameters.standard
        noPrior.idfPriorDocs = 0
        let small0 = scores(noPrior, filler: 0), large0 = scores(noPrior, filler: 400)
        #expect(zip(small0, large0).contains { $0.0 < 0.6 * $0.1 }, "\(small0) vs \(large0)")
    }

    @Test("nothing related gives an empty list, not junk")
    func threshold() throws {
        let index = RelatedIndex()
        index.upsert(Self.entries())
        let r = try #require(index.related(to: 20))
        #expect(r.similar.isEmpty, "\(r.similar)")
        #expect(r.readAlso == nil)
        var strict = RelatedParameters.standard
        strict.threshold = 1.01
        let strictIndex = RelatedIndex(parameters: strict)
        strictIndex.upsert(Self.entries())
        #expect(strictIndex.related(to: 1)?.similar.isEmpty == true)
    }

    @Test("recency is relative to the two articles, so an old article is not read-also")
    func recency() throws {
        let index = RelatedIndex()
        var es = Self.entries()
        es[4].published = Fixture.hours(-24 * 365 * 3)
        es[5].published = Fixture.hours(-24 * 365 * 3)
        index.upsert(es)
        let r = try #require(index.related(to: 1))
        #expect(!r.similar.contains { $0.seq == 10 || $0.seq == 11 })
        #expect(try #require(index.similarity(1, 10)) > 0.1, "content score has no recency factor")
    }

    @Test("an article of the same subject from weeks before is listed when its content is strong, after the recent ones")
    func listedRecency() throws {
        let index = RelatedIndex()
        var es = Self.entries()
        // the dam's filling (story 10), reported three weeks before the talks
        es[4].published = Fixture.hours(-24 * 21)
        es[5].published = Fixture.hours(-24 * 21)
        index.upsert(es)
        let r = try #require(index.related(to: 1))
        let content = try #require(index.similarity(1, 10))
        #expect(content * 0.125 < RelatedParameters.standard.threshold && content >= 2 * RelatedParameters.standard.threshold,
                "the fixture: hidden by recency alone, strong in content (\(content))")
        #expect(r.similar.contains { $0.seq == 10 || $0.seq == 11 }, "\(r.similar)")
    }

    @Test("read also is the listed article most about the same subject, not the newest that shares a little")
    func readAlsoByContent() throws {
        func e(_ seq: Int64, _ h: Double, _ src: String, _ title: String, _ body: String, _ ents: [String]) -> RelatedEntry {
            RelatedEntry(seq: seq, published: Fixture.hours(h), source: src, title: title, storyID: seq, duplicateOf: nil,
                         signature: Fixture.sig(title, body, ents))
        }
        let index = RelatedIndex()
        index.upsert([
            e(1, 0, "outlet-1", Fixture.fillingTitle, Fixture.fillingBody, ["ethiopia", "egypt", "sudan", "grand-ethiopian-renaissance-dam"]),
            // the same subject twelve days before
            e(2, -288, "outlet-2", Fixture.fillingTitle2, Fixture.fillingBody2, ["egypt", "sudan", "ethiopia", "grand-ethiopian-renaissance-dam"]),
            // the next day, sharing a country and a few words
            e(3, 24, "outlet-3", Fixture.plantTitle, Fixture.plantBody, ["ethiopia", "african-union"]),
        ] + Self.entries().filter { $0.seq >= 20 })
        let r = try #require(index.related(to: 1))
        #expect(r.similar.map(\.seq) == [3, 2], "the list by content × recency: \(r.similar)")
        #expect(r.readAlso?.seq == 2, "\(String(describing: r.readAlso))")
    }

    /// The same subject three and a half weeks before against the next day's neighbour sharing a
    /// country and a few words: at `readAlsoRecencyPower` 0.5 the neighbour won (an older match had
    /// to be 2.8 times as strong after three weeks); read also is the strong match.
    @Test("read also takes a much stronger match weeks older over the next day's weak one")
    func readAlsoOlderStrong() throws {
        func e(_ seq: Int64, _ h: Double, _ src: String, _ title: String, _ body: String, _ ents: [String]) -> RelatedEntry {
            RelatedEntry(seq: seq, published: Fixture.hours(h), source: src, title: title, storyID: seq, duplicateOf: nil,
                         signature: Fixture.sig(title, body, ents))
        }
        let entries = [
            e(1, 0, "outlet-1", Fixture.fillingTitle, Fixture.fillingBody, ["ethiopia", "egypt", "sudan", "grand-ethiopian-renaissance-dam"]),
            e(2, -24 * 24, "outlet-2", Fixture.fillingTitle2, Fixture.fillingBody2, ["egypt", "sudan", "ethiopia", "grand-ethiopian-renaissance-dam"]),
            e(3, 24, "outlet-3", Fixture.plantTitle, Fixture.plantBody, ["ethiopia", "african-union"]),
        ] + Self.entries().filter { $0.seq >= 20 }
        let index = RelatedIndex()
        index.upsert(entries)
        let strong = try #require(index.similarity(1, 2)), weak = try #require(index.similarity(1, 3))
        let p = RelatedParameters.standard
        func pick(_ content: Double, days: Double, power: Double) -> Double { content * pow(pow(0.5, days / 7), power) }
        #expect(pick(strong, days: 24, power: 0.5) < pick(weak, days: 1, power: 0.5), "the fixture: \(strong) vs \(weak)")
        let r = try #require(index.related(to: 1))
        #expect(Set(r.similar.map(\.seq)) == [2, 3], "\(r.similar)")
        #expect(weak >= p.readAlsoMinContent)
        #expect(r.readAlso?.seq == 2, "\(String(describing: r.readAlso))")
        var old = p
        old.readAlsoRecencyPower = 0.5
        let before = RelatedIndex(parameters: old)
        before.upsert(entries)
        #expect(before.related(to: 1)?.readAlso?.seq == 3, "at 0.5 the next day's neighbour was read also")
    }

    @Test("a bound leaves out the articles published after it before one is chosen per story and per outlet")
    func notAfter() throws {
        let index = RelatedIndex()
        var es = Self.entries()
        // story 10 told twice in one text: 11, dated past the bound, is nearer to 1 in time than 10
        es[4].published = Fixture.hours(-30)
        es[5] = RelatedEntry(seq: 11, published: Fixture.hours(25), source: "outlet-2", title: Fixture.fillingTitle,
                             storyID: 10, duplicateOf: nil, signature: es[4].signature)
        index.upsert(es)
        let all = try #require(index.related(to: 1))
        #expect(all.similar.map(\.seq).contains(11) && !all.similar.map(\.seq).contains(10), "\(all.similar)")
        let bounded = try #require(index.related(to: 1, notAfter: Fixture.hours(24)))
        #expect(bounded.similar.map(\.seq).contains(10) && !bounded.similar.map(\.seq).contains(11),
                "the story by its article within the bound: \(bounded.similar)")
        #expect(bounded.readAlso == bounded.similar.first)
        // same story: 2 (an hour after 1) is left out by a bound before it, listed at the bound's own second
        #expect(try #require(index.related(to: 1, notAfter: Fixture.hours(0.5))).sameStory.isEmpty)
        #expect(try #require(index.related(to: 1, notAfter: Fixture.hours(1).addingTimeInterval(0.5))).sameStory.map(\.seq) == [2])
    }

    @Test("similarity is symmetric, in [0,1], 1 for self; upsert replaces; remove forgets")
    func similarity() throws {
        let index = RelatedIndex()
        index.upsert(Self.entries())
        let ab = try #require(index.similarity(1, 2))
        let ba = try #require(index.similarity(2, 1))
        #expect(abs(ab - ba) < 1e-9)
        #expect(ab > 0 && ab <= 1)
        #expect(index.similarity(1, 1) == 1)
        let cup = try #require(index.similarity(1, 20))
        #expect(cup < ab)
        index.upsert([Self.entries()[0]])
        #expect(index.count == 8)
        index.remove([1, 2])
        #expect(index.count == 6)
        #expect(index.similarity(1, 2) == nil)
        #expect(index.related(to: 1) == nil)
        #expect(index.related(to: 10) != nil)
    }

    @Test("queries run while another thread upserts")
    func concurrent() async {
        let index = RelatedIndex()
        let base = Self.entries()
        index.upsert(base)
        await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for round in 0..<30 {
                    let batch = base.map { e -> RelatedEntry in
                        var x = e
                        x.seq = e.seq + Int64(1000 * (round + 1))
                        x.storyID = e.storyID.map { $0 + Int64(1000 * (round + 1)) }
                        return x
                    }
                    index.upsert(batch)
                    if round % 3 == 0 { index.remove(batch.prefix(2).map(\.seq)) }
                }
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var n = 0
                    for _ in 0..<200 {
                        if let r = index.related(to: 1) {
                            n += r.similar.count
                            for s in r.similar { if s.seq == 1 { return -1 } }
                        }
                    }
                    return n
                }
            }
            for await n in group { #expect(n >= 0) }
        }
        #expect(index.count == base.count * 31 - 2 * 10)
    }
}

@Suite("Boilerplate")
struct BoilerplateTests {
    // Rules of our own in the data format (not the shipped list): a lead with one extra token, a
    // tail, a dropped share line, a soft courtesy title, and a lead with a wildcard.
    let rules = Boilerplate(data: """
        lead 5 | وكالة الأنباء | 1
        tail 4 | انتهى
        drop | شارك الخبر
        soft | صاحب السمو
        lead 6 | الموافق * م
        """)

    @Test("wrappers, dropped and soft phrases are marked by word, with hamza and ى normalized")
    func marks() {
        let a = Analyzer.standard.analyze("وكالة الأنباء الرياض أعلن صاحب السمو الأمير افتتاح المعرض شارك الخبر انتهى")
        #expect(a.tokens.count == 12)
        #expect(rules.marks(a.keys) == [2, 2, 2, 0, 1, 1, 0, 0, 0, 2, 2, 2])
        // the wildcard takes any one token; the phrase must still start within the lead window
        let dated = Analyzer.standard.analyze("جدة الموافق 22 م افتتح الوزير المعرض")
        #expect(rules.marks(dated.keys) == [2, 2, 2, 2, 0, 0, 0])
        let late = Analyzer.standard.analyze("افتتح الوزير المعرض الجديد في جدة اليوم الموافق 22 م")
        #expect(rules.marks(late.keys).allSatisfy { $0 == 0 })
    }

    @Test("term marks follow the terms (stopwords left out) in order")
    func termMarks() {
        let a = Analyzer.standard.analyze("وكالة الأنباء الرياض أعلن صاحب السمو في المعرض أن شارك الخبر انتهى")
        let byToken = rules.marks(a.keys)
        var expected: [UInt8] = []
        var j = 0
        for t in a.terms {
            while a.tokens[j].text != t { j += 1 }
            expected.append(byToken[j])
            j += 1
        }
        #expect(a.terms.count < a.tokens.count)   // في and أن are stopwords
        #expect(rules.termMarks(a) == expected)
    }
}
