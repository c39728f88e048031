import Foundation
import Testing
@testable import KhabarTagging
import KhabarArabic

@Suite("Tagger")
struct TaggerTests {
    static let tagger = Tagger()

    @Test("a clitic is left out of the span; a fused لل is kept")
    func spans() {
        let text = "قال وبموسكو إن للأمم المتحدة دورا"
        let m = Self.tagger.mentions(in: text)
        #expect(m.map(\.entityID) == ["moscow", "un"])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[m[0].start..<m[0].end], as: UTF8.self) == "موسكو")
        #expect(String(decoding: bytes[m[1].start..<m[1].end], as: UTF8.self) == "للأمم المتحدة")
    }

    @Test("given names before a surname alias: the person's own are taken in, another's make a relative or a namesake")
    func givenNamesBeforeSurnames() {
        func mentions(_ text: String) -> [(id: String, span: String, found: Bool)] {
            let bytes = Array(text.utf8)
            return Self.tagger.mentions(in: text).filter { $0.type == .person }
                .map { ($0.entityID, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.found) }
        }
        // the person's own, in a spelling or with a middle name the aliases lack
        let own: [(String, String, String)] = [
            ("وقال رئيس الوزراء ديمتري مدفيديف إن الحكومة مستعدة", "dmitry-medvedev", "ديمتري مدفيديف"),
            ("وقال الأرجنتيني دييغو أرماندو مارادونا إن الفريق قوي", "diego-maradona", "دييغو أرماندو مارادونا"),
            ("وقال زميله ليو ميسي إن المباراة صعبة", "lionel-messi", "ليو ميسي"),
        ]
        for (text, id, span) in own {
            let m = mentions(text)
            #expect(m.count == 1 && m[0].id == id && m[0].span == span && !m[0].found, "\(text): \(m)")
        }
        // another given name: a relative, no mention of the president; the name finder reads
        // the whole name where it can
        let wife = mentions("وتوفيت باربرا بوش عن 92 عاما بعد مرض طويل")
        #expect(!wife.contains { $0.id == "george-w-bush" }, "\(wife)")
        #expect(wife.contains { $0.found && $0.span == "باربرا بوش" }, "\(wife)")
        #expect(!mentions("وقال إيريك ترامب إن والده سيزور المدينة").contains { $0.id == "donald-trump" })
        // a common word before the surname says nothing (على is not the name علي)
        #expect(mentions("وضغطت ميركل على ترامب كي يبقى في الاتفاق").contains { $0.id == "donald-trump" && $0.span == "ترامب" })
    }

    @Test("harakat and tatweel do not hide a name")
    func marks() {
        #expect(Self.tagger.mentions(in: "زار الوفدُ مُوسْكُو ثم روسـيـا").map(\.entityID) == ["moscow", "russia"])
    }

    @Test("key phrases never start or end with a generic word or a stopword")
    func keyPhrases() {
        let body = "قال الوزير إن مشروع السكك الحديدية سيربط المدن. وأضاف أن مشروع السكك الحديدية يوفر الوظائف. وأعلن الوزير أن السكك الحديدية ستعمل العام المقبل."
        let phrases = Self.tagger.keyPhrases(title: "", body: body, statistics: nil, limit: 5)
        #expect(!phrases.isEmpty)
        let analyzer = Analyzer.standard
        for p in phrases {
            let words = analyzer.tokenize(p).map(\.text)
            for w in [words.first!, words.last!] {
                #expect(!analyzer.isStopword(w), "\(p)")
                #expect(Tagger().gazetteer.cues.generic.contains(w) == false, "\(p)")
            }
        }
        #expect(phrases.contains { $0.contains("السكك الحديدية") })
    }

    @Test("tags reuse the analyses and give the same answer")
    func reuse() {
        let title = "الكرملين يرحب بالمحادثات مع واشنطن"
        let body = "رحب الكرملين الاثنين بالمحادثات مع الولايات المتحدة.\nوقال المتحدث إن موسكو مستعدة للحوار."
        let a = Self.tagger.tags(title: title, body: body, statistics: nil)
        let b = Self.tagger.tags(title: title, body: body, titleAnalysis: Analyzer.standard.analyze(title),
                                 bodyAnalysis: Analyzer.standard.analyze(body), statistics: nil)
        #expect(a == b)
        #expect(a.map(\.slug).prefix(2).sorted() == ["russia", "usa"])
    }

    /// A word longer than any letter count a field holds (a feed item of one 40,000-letter
    /// "word", a URL of 32,768 x's) is read like any other, never a crash.
    @Test("an absurdly long word is tagged, and named, without a crash", arguments: [32_768, 70_000])
    func longWord(letters: Int) {
        for word in [String(repeating: "x", count: letters), String(repeating: "س", count: letters)] {
            let body = "قال الرئيس \(word) إن موسكو ترحب.\nوأكد \(word) ذلك."
            let tags = Self.tagger.tags(title: word, body: body, statistics: nil)
            #expect(tags.contains { $0.slug == "russia" })
            #expect(Self.tagger.entities(named: word).isEmpty)
        }
    }

    @Test("one tag per person: a found name that is part of another tag's, or runs two together, is left out")
    func partNames() {
        func person(_ name: String, found: Bool = true) -> KhabarTagging.Tag {
            KhabarTagging.Tag(name: name, slug: Tagger.slug(name), type: "person", score: 1, found: found)
        }
        func org(_ name: String) -> KhabarTagging.Tag { KhabarTagging.Tag(name: name, slug: Tagger.slug(name), type: "organization", score: 1, found: true) }
        func kept(_ tags: [KhabarTagging.Tag]) -> [String] { Tagger.withoutPartNames(tags).map(\.name) }
        // part of a known entity's name
        #expect(kept([person("كيم جونغ أون", found: false), person("كيم جونغ")]) == ["كيم جونغ أون"])
        // the end of a longer found name, starting with a particle; a full name at the end of a
        // longer one is another person (a son) and stays
        #expect(kept([person("أشرف بن شرقي"), person("بن شرقي")]) == ["أشرف بن شرقي"])
        #expect(kept([person("عمرو محمد فوزي"), person("محمد فوزي")]) == ["عمرو محمد فوزي", "محمد فوزي"])
        // a person's name with words after it goes; an organization's name goes on
        #expect(kept([person("مايكل جاكسون غاضبون"), person("مايكل جاكسون")]) == ["مايكل جاكسون"])
        #expect(kept([org("منظمة الهجرة"), org("منظمة الهجرة الدولية")]) == ["منظمة الهجرة الدولية"])
        // two names run together
        #expect(kept([person("محمد فوزي"), person("مديحة يسري"), person("مديحة يسري محمد فوزي")]) == ["محمد فوزي", "مديحة يسري"])
        // a gazetteer tag is never left out
        #expect(kept([person("جون", found: false), person("جون سميث")]) == ["جون", "جون سميث"])
        // a particle before another person's surname is a word (ولد لويس: "Lewis was born")
        #expect(kept([person("هنري لويس", found: false), person("ولد لويس")]) == ["هنري لويس"])
        #expect(kept([person("سمير بن عطية"), person("ولد بن عطية")]) == ["سمير بن عطية"])
    }

    @Test("a found name that takes an entity's slot leaves the story entities as they were ranked")
    func storyEntitiesKeepTheDisplaced() {
        let title = "روسيا وأمريكا وفرنسا وألمانيا وإيطاليا تبحث أزمة الطاقة"
        let body = ["اجتمع ممثلو الدول الخمس في العاصمة لبحث أسعار الطاقة.",
                    "وقال الوزير سمير الكناني إن الاتفاق قريب.",
                    "وأضاف سمير الكناني أن الوفود ستعود الأسبوع المقبل.",
                    "وأكد سمير الكناني أن المحادثات كانت صريحة.",
                    "وتتابع اليابان المحادثات، كما ترسل اليابان مراقبين.",
                    "وقال سمير الكناني إن الخطة ستنشر قريبا.",
                    "وأعلنت الصين دعمها، وقالت الصين إنها ستشارك."].joined(separator: "\n")
        let a = Self.tagger.analyzer
        let r = Self.tagger.tagsAndStoryEntities(title: title, body: body, titleAnalysis: a.analyze(title),
                                                 bodyAnalysis: a.analyze(body), statistics: nil)
        let shown = r.tags.map(\.name), story = r.storyEntities.map(\.name)
        #expect(shown.count == 7 && shown.contains("سمير الكناني"), "\(shown)")
        #expect(story.count == 7 && story.contains("اليابان") && story.contains("الصين") && !story.contains("سمير الكناني"), "\(story)")
        #expect(!(shown.contains("اليابان") && shown.contains("الصين")), "\(shown)")
    }

    @Test("seven slots: a found name the body repeats takes the slot of an entity named in passing")
    func slots() {
        func entity(_ name: String, _ score: Double) -> KhabarTagging.Tag {
            KhabarTagging.Tag(name: name, slug: Tagger.slug(name), type: "country", score: score)
        }
        func found(_ name: String, _ score: Double, repeated: Bool) -> Tagger.FoundTag {
            Tagger.FoundTag(tag: KhabarTagging.Tag(name: name, slug: Tagger.slug(name), type: "person", score: score, found: true),
                            repeated: repeated)
        }
        let entities = [entity("أ", 6), entity("ب", 5), entity("ج", 4.5), entity("د", 4), entity("ه", 3), entity("و", 2.2),
                        entity("ز", 1.2)]
        func names(_ tags: [KhabarTagging.Tag]) -> [String] { tags.map(\.name) }
        // room enough: everything, entities first
        #expect(names(Tagger.withinSlots(entities: Array(entities.prefix(5)), found: [found("سمير كامل", 1, repeated: false)]))
            == ["أ", "ب", "ج", "د", "ه", "سمير كامل"])
        // full: a repeated name that outscores the weakest passing entity takes its slot; one found
        // in the title alone does not, and nor does one scoring below every passing entity
        #expect(names(Tagger.withinSlots(entities: entities, found: [found("نادر سليم", 4, repeated: false),
                                                                     found("سمير كامل", 1.585, repeated: true),
                                                                     found("رامي فؤاد", 1, repeated: true)]))
            == ["أ", "ب", "ج", "د", "ه", "و", "سمير كامل"])
        // an entity in the title (a score of 2.5 or more) keeps its slot
        #expect(names(Tagger.withinSlots(entities: Array(entities.prefix(5)) + [entity("و", 3.2), entity("ز", 2.6)],
                                         found: [found("سمير كامل", 3.585, repeated: true)]))
            == ["أ", "ب", "ج", "د", "ه", "و", "ز"])
    }

    @Test("a key phrase is one tag with its articles or without them; أل and إل are no article")
    func keyPhraseSlugs() {
        #expect(Tagger.keyPhraseSlug("الدولار") == "دولار")
        #expect(Tagger.keyPhraseSlug("دولار") == "دولار")
        #expect(Tagger.keyPhraseSlug("الإجهاض") == Tagger.keyPhraseSlug("إجهاض"))
        #expect(Tagger.keyPhraseSlug("الله") == "الله")
        #expect(Tagger.keyPhraseSlug("الم") == "الم")
        #expect(Tagger.keyPhraseSlug("أسعار النفط") == "اسعار-نفط")
        #expect(Tagger.keyPhraseSlug("الحرب التجارية") == Tagger.keyPhraseSlug("حرب تجارية"))
        #expect(Tagger.keyPhraseSlug("الانتخابات البلدية") == "انتخابات-بلديه")
        // أل and إل are a word's own letters, not the article
        #expect(Tagger.keyPhraseSlug("ألغام") == "الغام")
        #expect(Tagger.keyPhraseSlug("الألغام") == "الغام")
        #expect(Tagger.keyPhraseSlug("إلكترونية") == "الكترونيه")
        // a slug typed into an address
        #expect(Tagger.keyPhraseSlug("الانتخابات-البلديه") == "انتخابات-بلديه")
        // read by bytes when every scalar is a letter or ASCII, by Characters otherwise: both
        // readings give one slug
        #expect(Tagger.keyPhraseSlug("  الحرب  التجارية ") == "حرب-تجاريه")
        #expect(Tagger.keyPhraseSlug("الحَرب التجارية") == "حرب-تجاريه")
        #expect(Tagger.keyPhraseSlug("اللّه") == "الله")
        #expect(Tagger.keyPhraseSlug("الـحرب") == "حرب")
        #expect(Tagger.keyPhraseSlug("الCOVID") == "covid")
        #expect(Tagger.keyPhraseSlug("الأمم المتحدة 2") == "امم-متحده-2")
    }

    @Test("key-phrase slugs are URL-safe words joined by dashes")
    func slugs() {
        #expect(Tagger.slug("أسعار الذهب") == "اسعار-الذهب")
        #expect(Tagger.slug("  فيلق الرحمن، ") == "فيلق-الرحمن")
        #expect(Tagger.slug("COVID 19") == "covid-19")
    }

    @Test("a compound name is one slug whether written joined or apart")
    func compoundNameSlugs() {
        #expect(Tagger.slug("عبد الله السعيد") == Tagger.slug("عبدالله السعيد"))
        #expect(Tagger.slug("أبو بكر شوقي") == "ابوبكر-شوقي")
        #expect(Tagger.slug("محمد عبد الرحمن") == "محمد-عبدالرحمن")
        // a head with no name after it, or a short tail, stays a word of its own
        #expect(Tagger.slug("ابو 20") == "ابو-20")
        #expect(Tagger.slug("وزير عبد") == "وزير-عبد")
    }

    @Test("a found person's slug: one for a foreign name's spellings, an Arabic name's letters kept",
          .tags(.golden), arguments: Golden.rows("person-slugs.tsv"))
    func personSlugs(_ row: GoldenRow) {
        #expect(Tagger.personSlug(row.input) == row.column(1))
        // the slug of a slug is itself: a typed address finds its page (`canonicalTagSlug`)
        #expect(Tagger.personSlug(row.column(1).replacingOccurrences(of: "-", with: " ")) == row.column(1))
    }

    @Test("slugs made from bytes equal the definition scalar by scalar, in every script")
    func slugsByScalar() {
        // the definition: the normalized text's scalars, each run of non-word scalars as one "-"
        func reference(_ phrase: String) -> String {
            var out = String.UnicodeScalarView()
            var dash = false
            for u in ArabicNormalizer.normalize(phrase).unicodeScalars {
                if !Tagger.isSlugWordScalar(u.value) { dash = true; continue }
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.append(u)
            }
            return String(out)
        }
        let phrases = ["  «قمة» الرياض—2024: الاتفاق… النهائي؟ ", "Sky News عربية / BBC", "نسبة ٥٠٪ من السكان",
                       "مدينة 🌍 الغد", "", "،،،", "a-b_c.d", "سعر\u{00A0}النفط", "Ça coûte 5€ — déjà",
                       "الـــدوري (الممتاز)", "x", "——قبل——", "東京 2020"]
        for p in phrases { #expect(Tagger.slug(p) == reference(p), "\(p)") }
    }

    @Test("empty texts")
    func empty() {
        #expect(Self.tagger.mentions(in: "").isEmpty)
        #expect(Self.tagger.tags(title: "", body: "", statistics: nil).isEmpty)
        #expect(Self.tagger.keyPhrases(title: "", body: "", statistics: nil, limit: 5).isEmpty)
        let a = Self.tagger.attribution(outlet: nil, author: nil, body: "")
        #expect(a.outlet == nil && a.credits.isEmpty)
    }
}

@Suite("Term statistics")
struct TermStatisticsTests {
    @Test("document frequencies count documents, not occurrences")
    func counts() {
        var s = TermStatistics()
        let t = Tagger()
        s.add(title: "", body: "ارتفعت أسعار الذهب. ارتفعت أسعار الذهب مرة أخرى.", tagger: t)
        s.add(title: "", body: "تراجعت أسعار النفط.", tagger: t)
        #expect(s.documentCount == 2)
        let terms = t.documentTerms(title: "", body: "ارتفعت أسعار الذهب")
        let stem = Analyzer.standard.analyze("أسعار").stems[0]
        #expect(terms.contains(stem))
        #expect(s.documentFrequency(stem) == 2)
        #expect(t.documentTermKeys(title: "", body: "ارتفعت أسعار الذهب") == Set(terms.map(TermStatistics.key)))
        s.add(document: terms)
        #expect(s.documentCount == 3 && s.documentFrequency(stem) == 3)
    }

    @Test("coding round trip, merge and prune")
    func coding() throws {
        var s = TermStatistics()
        for body in ["السكك الحديدية", "السكك الحديدية والمطارات", "المطارات"] { s.add(title: "", body: body) }
        let data = try JSONEncoder().encode(s)
        let back = try JSONDecoder().decode(TermStatistics.self, from: data)
        #expect(back == s)
        var m = s
        m.merge(back)
        #expect(m.documentCount == 6)
        m.prune(minimumDocumentFrequency: 4)
        #expect(m.termCount < s.termCount)
        #expect(m.documentFrequency(Analyzer.standard.analyze("المطارات").stems[0]) == 4)
    }
}

@Suite("Word keys")
struct WordKeyTests {
    @Test("the small-string layout check passes on this platform")
    func layout() {
        #expect(WordBits.layoutVerified)
    }

    @Test("keys depend on the bytes only, whatever the representation")
    func keys() {
        let words = ["موسكو", "الأمريكية", "والولايات", "a", "", "abcdefghijklmnop", "للأمم", "واشنطن1"]
        for w in words {
            let bytes = Array(w.utf8)
            let k = bytes.withUnsafeBufferPointer { wordKey($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count) }
            #expect(wordKey(w) == k, "\(w)")
            // a native (non-small) copy of a short word
            var big = String(repeating: "x", count: 40) + w
            big.removeFirst(40)
            #expect(wordKey(big) == k, "\(w) large")
        }
        let w = WordBits.packed("والأمم")!
        #expect(w.dropFirst(2) == WordBits.packed("الأمم")!)
        #expect(WordBits.packed("لأمم")!.dropFirst(2).prefixedWithAl() == WordBits.packed("الأمم")!)
    }

    @Test("the analyzer hands out each token's word key, as the tagger computes it from the text")
    func analyzerKeys() {
        // short and long (> 15 bytes) words, Latin and digits, harakat and tatweel, a
        // presentation form (ﻻ), a proclitic and a fused لل
        let text = "أعلنت الاستراتيجيات الأمريكيةُ وبموسكو للأمم ـ ﻻ عام 2024 Reuters ABCdefghijklmnopq ة"
        let a = Analyzer.standard.analyze(text)
        #expect(a.keys.count == a.tokens.count)
        #expect(a.keys == a.tokens.map { wordKey($0.text) })
        let (tokens, keys) = Analyzer.standard.keyedTokens(text)
        #expect(tokens == a.tokens)
        #expect(keys == a.keys)
        // keys are persisted (term statistics): pinned values
        #expect(WordKey.of("موسكو") == 0xe2def7ed232915bf)
        #expect(WordKey.of("الاستراتيجيه") == 0x51364df26e86c64e)
        #expect(wordKey("موسكو") == 0xe2def7ed232915bf)
    }

    @Test("tags and attribution sharing one body analysis answer as if each ran alone")
    func sharedBodyMatches() {
        let bodies = [
            "القاهرة (رويترز) - أعلنت الحكومة المصرية أن الرئيس سيزور موسكو، وفق ما نقلت قناة العربية عن وكالة رويترز.",
            "بيروت - أ ف ب\nقال رئيس الوزراء اللبناني إن الحكومة ستجتمع في بيروت.\nفرانس24/ أ ف ب",
            "وصل الوفد إلى واشنطن.",
        ]
        let analyzer = Analyzer.standard
        for (k, body) in bodies.enumerated() {
            let a = analyzer.analyze(body), t = analyzer.analyze("عنوان")
            let alone = Tagger().attribution(outlet: "الوطن", author: "لندن - رويترز", body: body)
            let tagsAlone = TaggerTests.tagger.tags(title: "عنوان", body: body, statistics: nil)
            // interleave, in both orders, with the same analysis
            let tags1 = TaggerTests.tagger.tags(title: "عنوان", body: body, titleAnalysis: t, bodyAnalysis: a, statistics: nil)
            let attr1 = TaggerTests.tagger.attribution(outlet: "الوطن", author: "لندن - رويترز", body: body, bodyAnalysis: a)
            let attr2 = TaggerTests.tagger.attribution(outlet: "الوطن", author: "لندن - رويترز", body: body, bodyAnalysis: a)
            let tags2 = TaggerTests.tagger.tags(title: "عنوان", body: body, titleAnalysis: t, bodyAnalysis: a, statistics: nil)
            #expect(attr1 == alone, "body \(k)")
            #expect(attr2 == alone, "body \(k)")
            #expect(tags1 == tagsAlone && tags2 == tagsAlone, "body \(k)")
        }
    }

    @Test("two gazetteers in turn on one thread each attribute with their own outlets")
    func attributionMemoPerGazetteer() {
        // the per-thread memo of outlet names and bylines must not answer for one gazetteer what
        // it found with another
        let plain = Tagger(gazetteer: Gazetteer(entities: [
            Entity(id: "al-ghad-test", name: "صحيفة الغد التجريبية", type: .outlet, aliases: []),
        ]))
        let standard = Tagger()
        let body = "أعلنت البلدية افتتاح حديقة جديدة."
        for _ in 0..<2 {
            let s = standard.attribution(outlet: "رويترز", author: "لندن - رويترز", body: body)
            #expect(s.credits.contains { $0.entityID == "reuters" && $0.role == "outlet" })
            let p = plain.attribution(outlet: "رويترز", author: "لندن - رويترز", body: body)
            #expect(!p.credits.contains { $0.entityID == "reuters" }, "\(p.credits)")
        }
    }
}
