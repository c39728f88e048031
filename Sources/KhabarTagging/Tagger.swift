import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an article into canonical entity mentions, 3–7 tags (كلمات دلالية), key phrases and an
/// attribution chain. The front door of the tagging stage; a value, safe to share.
public struct Tagger: Sendable {
    /// The version of the tagging rules (name finding, key-phrase selection, attribution): raised
    /// whenever a change gives stored articles other tags, so that a database tagged before is told
    /// to re-tag (`TagsVersion` in the pipeline, with `Gazetteer.standardDigest`).
    /// 2: found organizations and people read with the corpus' word forms, attached pronouns.
    /// 3: namesakes told apart by written marks, lists of countries, the body's names for the
    /// title's and a rival club's country; no club after an event noun; key phrases one tag with
    /// their articles or without; a country qualifies by its places, not its people or bodies.
    /// 4: a nationality before a person's name in a body is the person's, no country's; a nisba
    /// after a foreign given name or particle is a surname (دي روسي); a movement speaks of its
    /// country; readings alike go to the more named country's; a club named with a cue counts
    /// bare too; credits after نقلا عن and to whom one spoke (لوكالة); short verbs end no key phrase;
    /// the editor's hashtags are key phrases (or entities) before the ranked ones.
    /// 5: a found name's slug joins عبد / أبو to the name after it (عبدالله and عبد الله are one
    /// person's tag); a feminine nisba with ال ends a found person's name; role nouns (منفذ) and
    /// tenth-form perfects (استخدمت) start none; key phrases leave out words with an attached
    /// pronoun written ه، ك، نا and imperfects in ت / ن.
    /// 6: a found person's name starts with no frequent common word (مقابل) nor a perfect أفعلت
    /// (أحبطت); what is left after such words needs a word that reads as a name's, and an unknown
    /// word with only common nouns after it (فرض رسوم جمركية) is no name; a found organization
    /// ends in no honorific (مركز الملك) and a team cue takes no given name, title or frequent
    /// common word; a key phrase goes without a leading و that the corpus reads as the
    /// conjunction (وتقنية المعلومات → تقنية المعلومات).
    /// 7: a given name that is also a common word starts a name before a family name with ال and
    /// a title (سامي الجابر رئيس الهلال) and, after a person's title, makes the surname after it a
    /// namesake's (اللواء يحيى صلاح); a given name and a frequent common word with ال is no name
    /// (شكري الاتفاق) without a title beside it or the pair recurring in the corpus; two such
    /// given names side by side are a name (جميلة جميل، عمر شاكر); a club's everyday name is the
    /// club beside another club or the league of its country (مباراة النصر والهلال), not as a place
    /// (في تورينو) nor as a body's short form (الاتحاد after الاتحاد السعودي لكرة القدم).
    /// 8: a perfect in ت whose form without it the corpus has as a verb ends a found person's name
    /// (لطيفة حاولت، صفاء بولار خططت), and a noun whose ة is written ت before a pronoun is no
    /// name's word (منافستها); a full name named once in the body is the title's when the title
    /// names its surname alone (a coach in the headline); رفعت، نجدت، عفت، ثروت are given names.
    /// 9: a perfect of a derived form in ا whose verbal noun the corpus writes with ال is no
    /// found person's word (فرهادي افتتح: الافتتاح; أخبر، اعترض، ابتعد), nor is a noun with an
    /// attached pronoun whose noun the corpus writes with ال (نور حديثها، ريان منصبه) or an
    /// accusative whose stem it writes so (صلاح هدافا، أنور فورا); a found person's slug writes each
    /// word but Arabic given names by its skeleton, one tag for a name's spellings (`personSlug`).
    /// 10: ب or ل and a verbal noun the corpus writes with ال is no found person's word (كيم
    /// باستئجار، عمران باتجاه: `WordForms.isPrepositionAndVerbalNoun`), and a team cue's one word
    /// that it writes with ال at all is no team (ضد هندوس، لمواجهة إدمان: `isWrittenWithArticle`);
    /// adverbs in ا (مجددا، لاحقا، مؤخرا) are no name's words (NamesData not-name).
    /// 11: a found organization that ends in a bare nisba written with أ is a description (محكمة
    /// ألمانية: the normalized المانيه looks definite), as is a generic head and one definite common
    /// noun the corpus writes bare too (شركة الطيران، مركز الشرطة: `WordForms.isGenericComplement`);
    /// sports, مجهول and أتباع name no team after a cue (NamesData not-name).
    /// 12: a found person opening with ولد is the verb "was born" unless the text gives the name
    /// with the particle inside (جمال ولد عباس … ولد عباس: `startsWithBornVerb`).
    /// 13: what is said of a found organization ends its name: a noun with its pronoun (صندوق
    /// سيارتك، شركة لتطويره), a verb after its first complement word, and ل after a head and
    /// frequent definite common nouns alone (وزارة المالية للتواصل → وزارة المالية).
    /// 14: a key-phrase tag leaves out و that the stemmer reads off before a word the corpus has
    /// alone twice or more, and twice as often as the whole (وابتزاز → ابتزاز: `tagDisplaySkip`).
    /// 15: a word with an attached pronoun the stemmer reads off is no key-phrase tag's word
    /// (محركها، بأصواتهم: `Document.stemDropsPronoun`); adverbs in ا are generic words (مؤخرا).
    /// 16: a key phrase whose first word reads as ب / ل / ك + a noun the corpus writes with ال is
    /// no tag (كفريق، بحمولة عسكرية: `WordForms.opensWithPreposition`).
    /// 17: a one-word key phrase the article only ever has as an adjective after its noun is no
    /// tag (المحادثات التجارية، هزائم متتالية: `Document.isModifierOnly`).
    /// 18: nor is a key phrase that opens with such an adjective (العالمية الثانية), nor one after
    /// a noun with its pronoun (مكاسبه الأولية).
    /// 19: nor is a key phrase of two words or more cut inside a construct wherever the article
    /// has it (استخدام نظام of استخدام نظام التعرف: `Document.isCutConstruct`).
    /// 20: a key phrase's accusative in ا is read off a stem the corpus writes with ال once
    /// (قاربا، عمدا), or a participle's stem by its shape alone (مسافرا، مستعدا:
    /// `WordForms.isParticiple`).
    /// 21: a key phrase made of vague words once its proclitic is left out is no tag (بجنوب غرب
    /// shown as جنوب غرب; بقوة as قوة).
    /// 22: a found name ends before a word written with tanween (معاذ حرقاً: `NameFinder.hasTanween`).
    /// 23: a plural in ات the corpus writes as a common noun is no name's word (إيميلي اتهامات).
    /// 24: a key phrase's word with the pronoun ي after its noun's ة is no tag (روايتي: الرواية).
    /// 25: a stadium's name (ستاد الأمير فيصل بن فهد، ملعب الإمارات) names no person, country or
    /// body (`Matcher.afterStadium`).
    /// 26: after a foreign given name, a word written و + bare ا or و is its surname (توم وولف،
    /// جون وارنر: `Word.wawSurname`), not و + a word.
    /// 27: an everyday-word place ("?") after أبو / أبي / أبا is a kunya, not the place the text
    /// names elsewhere (أبو العلا: `Matcher.afterKunya`).
    /// 28: a word in ت whose form without it the corpus has twice or more, never with ال, is a
    /// feminine perfect, no key phrase however seldom the sample has it (تذكرت، اصطدمت، نصبت).
    /// 29: والد + a pronoun or ة is one word, no و + ال + a word (`WordForms.isParentWord`), and
    /// no key phrase's word (والده was shown as الده).
    /// 30: a given name the corpus writes as a common noun and a frequent common noun after it
    /// are no person's tag (رائد الفضاء، حياة طفل، أسماء المرشحين: `Tagger.isEverydayPair`).
    /// 31: one Arabic word of two letters is no key-phrase tag (يا، رد، خط: `Document.isTwoArabicLetters`).
    /// 32: ل + ال (للتنس) ends a person's name and is no subject of a reporting verb; ب / ك + ال
    /// on a word the corpus writes with ال (بالقول) is no person alone; a found name after ل is
    /// shown with ال (للجيش اليمني: الجيش اليمني) (`NameFinder.fusedLamAl`).
    /// 33: with corpus statistics, an organization found as one word that the corpus writes as a
    /// common word is no mention (ضد متظاهرين، فريق قوي: `Tagger.isCommonWordAlone`).
    /// 34: a number after more of a found organization's name than its head ends it, unless it
    /// follows a place or is written onto the word before (مجلس الوزراء 50; قناة فرنسا 24 stays).
    /// 35: with corpus statistics, an organization found as one word that is a construct plural
    /// in ي is no mention (ضد مقاتلي: `WordForms.isConstructPluralInYa`).
    /// 36: a people found in its sound plural has one id in both cases (المسلمون، المسلمين:
    /// `Tagger.groupInYn`).
    /// 37: with corpus statistics, a found name's mention is cut as its tag is (`Tagger.foundCore(of:)`:
    /// مديرية باقم بمحافظة صعدة → مديرية باقم).
    /// 38: a one-word person alias beside بن / بنت names someone else (فيصل بن مشعل:
    /// `Matcher.isNamesake`), and بن / بنت right after a person the gazetteer names is that
    /// person's lineage, no found person (`FoundName.lineage`).
    /// 39: with corpus statistics, و / ف before a verb the corpus has alone is read off (وأصيب:
    /// `WordForms.isVerbLike`).
    /// 40: بن / بنت and a name right after a found name go on with it (تركي بن محمد بن فهد بن
    /// عبدالعزيز، مدرسة حسان بن ثابت).
    /// 41: آل and the family's name after a person the gazetteer names are that person's lineage
    /// (… بن عبدالعزيز آل سعود).
    /// 42: a rank after more of a found organization's name than its head ends it (وزارة الداخلية
    /// اللواء …: `NameFinder.ranks`); a masculine nisba with ال after an Arabic given name is the
    /// family name, no country (منصور التركي: `Matcher.isFamilyNisba`); a compound given name
    /// takes its family name with ال (عبد الله الفهيد).
    /// 43: a found organization's head, an honorific or a rank, and a person's name are one body
    /// (مستشفى الدكتور سليمان الحبيب، جامعة الإمام محمد بن سعود الإسلامية); a government is its
    /// leader's (حكومة المهندس إبراهيم محلب: no organization, the person stays).
    /// 44: with corpus statistics, a found organization of a noun and the nisba that agrees with
    /// it, neither with the article, is a kind of body, no mention (منظمة إرهابية، محكمة تركية:
    /// `NameFinder.isKindOfBody`).
    /// 45: بن and a kunya's or an عبد name's head take its word whatever it says elsewhere (علي بن
    /// أبي طالب); بن / بنت alone is no person.
    /// 46: a found person takes the family name with ال after the father's name (محمد بن أحمد
    /// الحفظي; after the father's given name only a nisba, عبدالله سعيد الحارثي), a clan's nisba
    /// before the tribe's, and a lineage runs to seven words; with corpus statistics such a word
    /// the corpus writes bare as a common noun, and has not learned as a surname, is cut again
    /// (فيصل بن سلمان + المعرض). بن + a name right after another given name is that person's
    /// lineage, no gazetteer person (فيصل بن سلمان). A learned surname right after a definite
    /// word that is no title is its adjective (المسجد النبوي الشريف).
    /// 47: a learned surname right after an Arabic given name of the lists is that person's full
    /// name (منصور البلوي، فهد المرداسي), no bare surname.
    /// 48: a given name that is also an adjective or a verb (names data `given-word`), found
    /// alone, is that word right after an indefinite noun (ظبي نادر، تجربة فريدة) or right
    /// before على (أشرف على، حافظ عليها).
    /// 49: such a name and one word after it teach no surname (رائد الفضاء, the astronaut, made
    /// الفضاء a learned surname).
    /// 50: with corpus statistics, a person of two words or more that are all common words by the
    /// corpus' forms is no mention (سعر سهم، ضربات جوية: `Tagger.isCommonPhrase`).
    /// 51: after بن any given name of the lists joins the name, علي too (حمد بن علي …); a word no
    /// list knows right before a lineage found alone is its given name (مطلق بن حمد المريشد);
    /// ركن after a rank is its complement (اللواء ركن …).
    /// 52: a rank that is no title elsewhere (الفريق) ends a body's name before its complement or a
    /// given name (هيئة الأركان العامة + الفريق أول …).
    /// 53: a nisba family name with ال after a father's name no list knows, right after a listed
    /// given name, is the person's (أحمد ذباح الشمري).
    /// 54: after a name and a colon or a quote mark, the next words are a name of a list only when
    /// they start with a given name (وقال كلوب: أعتقد أننا … is no person).
    /// 55: with corpus statistics, a given name that is also a noun or a verb (names data
    /// `given-noun`) and one definite common word, no nisba, is no person: the noun and its
    /// complement (رضا الجمهور، أسماء الشركات، رائد الأعمال: `Tagger.isConstructOfGivenNoun`).
    /// 56: with corpus statistics, a learned family name with ال right after a person found, whose
    /// last word has none, is that person's (اللواء جمعان الغامدي: `LearnedNames.findBare`).
    /// 57: with corpus statistics, a gazetteer person whose name runs on into a learned family
    /// name with ال is a namesake, no mention of the entity (حسني مبارك العصيمي:
    /// `LearnedNames.withoutNamesakes`).
    /// 58: listed given names right before a person's surname alias are the person's when they
    /// agree with a longer alias of theirs (taken into the mention: ديمتري مدفيديف), and otherwise
    /// a relative's or a namesake's, no mention of the person (باربرا بوش، إيريك ترامب:
    /// `Tagger.withGivenNamesBeforeSurnames`). Names data: جيان.
    /// 59: key-phrase tags: an imperfect in ت / ن whose third letter is ت and a perfect اCتCC(ت)
    /// are verbs by their shape where the corpus has no twin (تستنكر، انتحر: `WordForms.isVerbLike`);
    /// a particle with its pronoun is no key phrase (منكم، بيننا: `Document.isParticleWithPronoun`).
    /// 60: و before a name no list knows, right after a whole name, is a list's conjunction, left
    /// out of the name (أليكسيس سانشيز وروميلو لوكاكو: `NameFinder.find`).
    public static let rulesVersion = 60

    public let gazetteer: Gazetteer
    public let analyzer: Analyzer
    /// Weights of the key-phrase scorer.
    public var keyPhraseOptions = KeyPhraseOptions()
    /// Look for people and organizations the gazetteer does not know (NameFinder.swift) in
    /// `mentions(in:)` and `tags`.
    public var findsNames = true

    public init(gazetteer: Gazetteer = .standard, analyzer: Analyzer = .standard) {
        self.gazetteer = gazetteer
        self.analyzer = analyzer
    }

    var matcher: Matcher { Matcher(compiled: gazetteer.compiled) }

    // MARK: mentions

    /// Every entity named in `text`, in order, with UTF-8 offsets into `text`.
    /// Names the gazetteer does not know come from `NameFinder` (`found` set).
    public func mentions(in text: String) -> [EntityMention] {
        mentions(in: text, statistics: nil)
    }

    /// The same, with the surnames learned in `statistics` (LearnedNames.swift): their bare
    /// occurrences are people too.
    public func mentions(in text: String, statistics: TermStatistics?) -> [EntityMention] {
        let (tokens, keys) = analyzer.keyedTokens(text)
        let learned = statistics?.learnedNames, entities = gazetteer.entities
        let matched = resolvedMentions(text, tokens, keys)
        let resolved = withTextBytes(text) { Self.refined(matched, tokens, keys, $0, learned, entities: entities) }
        return (findsNames ? mentionsWithFound(text, tokens, keys, resolved, statistics: statistics)
            : resolved).map(\.mention)
    }

    /// The entities one of whose aliases is the whole of `name`, read as the matcher reads a word
    /// (clitics, spellings), whatever the context would say: for a name standing alone, such as
    /// a tag address typed by hand or a key phrase. Each id once, in the gazetteer's order of
    /// candidates, those the marks written on the name agree with first and none they contradict
    /// (عمّان is Amman's, not Oman's).
    public func entities(named name: String) -> [String] {
        let ids = matcher.index.ids
        return entityCandidates(named: name).map { ids[$0.entity] }
    }

    /// `entities(named:)` as indices into the gazetteer's entities, each with whether the name
    /// is an everyday word for it ("??": فتح، الهلال), which only a cue right before makes it.
    func entityCandidates(named name: String) -> [(entity: Int, strict: Bool)] {
        let (tokens, keys) = analyzer.keyedTokens(name)
        guard !tokens.isEmpty else { return [] }
        let m = matcher
        return withTextBytes(name) { bytes in
            let raws = m.rawMatches(tokens, keys, bytes)
            guard raws.count == 1, let r = raws.first, r.firstToken == 0, r.tokenCount == tokens.count else { return [] }
            // the marks written on the name, as in a text (عمّان is Amman, not Oman): a reading
            // they contradict goes, one they agree with comes first
            let marked = r.candidates.count > 1 ? m.vocalVerdicts(r, bytes) : nil
            var out: [(entity: Int, strict: Bool, agrees: Bool)] = []
            for (i, c) in r.candidates.enumerated() where (marked?[i] ?? 0) >= 0 && !out.contains(where: { $0.entity == Int(c.entity) }) {
                out.append((Int(c.entity), c.strict, (marked?[i] ?? 0) > 0))
            }
            return (out.filter(\.agrees) + out.filter { !$0.agrees }).map { ($0.entity, $0.strict) }
        }
    }

    func resolvedMentions(_ text: String, _ tokens: [Token]) -> [ResolvedMention] {
        resolvedMentions(text, tokens, Matcher.keys(tokens))
    }

    /// `keys`: the tokens' `WordKey`s (`Analysis.keys`).
    func resolvedMentions(_ text: String, _ tokens: [Token], _ keys: [UInt64]) -> [ResolvedMention] {
        if tokens.isEmpty { return [] }
        let m = matcher
        return withTextBytes(text) { bytes in
            m.resolve(m.rawMatches(tokens, keys, bytes), tokens, bytes)
        }
    }

    /// The matcher's mentions read with the words around them: the given name before a surname
    /// (`withGivenNamesBeforeSurnames`), and a learned family name after a name
    /// (`LearnedNames.withoutNamesakes`).
    /// (Static, its gazetteer's entities passed in: a closure that uses `self` copies it, a dozen
    /// retains.)
    static func refined(_ resolved: [ResolvedMention], _ tokens: [Token], _ keys: [UInt64], _ bytes: TextBytes,
                        _ learned: LearnedNames?, entities: [Entity]) -> [ResolvedMention] {
        let r = withGivenNamesBeforeSurnames(resolved, tokens, keys, bytes, entities: entities)
        return learned?.withoutNamesakes(r, tokens, keys, bytes) ?? r
    }

    /// `resolved` read with the given names written right before a person's surname alias (one
    /// the gazetteer has at the end of a longer alias of the person: ترامب of دونالد ترامب).
    /// Listed given names there (up to three, after nothing but spaces), no mention of their own
    /// and no father's name (after بن), are either the person's own, in a spelling or a length
    /// the aliases may lack (ديمتري مدفيديف، ميشال بلاتيني، جواد ظريف، دييغو أرماندو مارادونا),
    /// and then the mention takes them in; or others only, and then the surname is a relative's
    /// or a namesake's (إيريك ترامب، باربرا بوش، سليمان هلال الأسد، إدوارد ميليباند), no mention
    /// of the person: the name finder reads the whole name where it can (باربرا بوش; ترامب, shaped
    /// as an imperfect verb, it leaves out). Given names are compared by their consonants (long
    /// vowels and hamza seats left out: جيانلويجي and جانلويجي agree), a short form as the start
    /// of the full one (ليو، ليونيل) or, of three consonants or more, as its end (not ريكي of
    /// ماركو), and names written apart as one (جيان لويجي، جانلويجي). A given name that is also a
    /// common word (حافظ، أسماء، على) says nothing, and nothing is judged of a person with no
    /// longer alias.
    static func withGivenNamesBeforeSurnames(_ resolved: [ResolvedMention], _ tokens: [Token], _ keys: [UInt64],
                                             _ bytes: TextBytes, entities: [Entity]) -> [ResolvedMention] {
        let finder = NameFinder.standard, flags = finder.flags   // (read once: see `foundMentions`)
        /// Is token q a listed given name, as written, right before token e (spaces between)?
        func givenName(_ q: Int, before e: Int) -> Bool {
            let f = flags.value(keys[q])
            guard f & NameFlag.given != 0, f & (NameFlag.notName | NameFlag.title) == 0, !finder.givenWords.contains(keys[q]),
                  !finder.givenNouns.contains(keys[q]), !(q > 0 && NameFinder.isLineageLink(keys[q - 1])) else { return false }
            var b = tokens[q].end
            while b < tokens[e].start { if bytes[b] != 0x20 { return false }; b += 1 }
            return true
        }
        /// The first of the given names right before mention k (nil: none to judge by). (Fields
        /// read in place: copying a mention retains its strings; a person's first, then the word
        /// before.)
        func givenRun(_ k: Int) -> Int? {
            let f = resolved[k].firstToken
            let floor = k == 0 ? 0 : resolved[k - 1].firstToken + resolved[k - 1].tokenCount
            guard f > floor, resolved[k].mention.type == .person, resolved[k].mention.form == .name,
                  flags.value(keys[f - 1]) & NameFlag.given != 0, resolved[k].mention.start == tokens[f].start else { return nil }
            var q = f
            while q - 1 >= floor && f - q < 3 && givenName(q - 1, before: q) { q -= 1 }
            return q < f ? q : nil
        }
        guard resolved.indices.contains(where: { givenRun($0) != nil }) else { return resolved }
        /// Consonants of a normalized word: without ا و ي ى and the hamza seats.
        func consonants<S: StringProtocol>(_ w: S) -> String {
            var out = String.UnicodeScalarView()
            for c in w.unicodeScalars where ![0x627, 0x648, 0x64A, 0x649, 0x621, 0x626, 0x624].contains(c.value) { out.append(c) }
            return String(out)
        }
        var out: [ResolvedMention] = []
        out.reserveCapacity(resolved.count)
        for k in resolved.indices {
            let r = resolved[k]
            guard let first = givenRun(k) else { out.append(r); continue }
            let surname = tokens[r.firstToken..<(r.firstToken + r.tokenCount)].map(\.text)
            // the words before the surname in the person's longer aliases, and pairs of them run
            // together (عبداللطيف: عبد اللطيف)
            var givenNames = Set<String>()
            for alias in entities[r.entity].aliases {
                let words = ArabicNormalizer.normalize(alias).split(separator: " ").map(String.init)
                guard words.count > surname.count, Array(words.suffix(surname.count)) == surname else { continue }
                let head = words.dropLast(surname.count).map { consonants($0) }
                givenNames.formUnion(head)
                for i in head.indices.dropLast() { givenNames.insert(head[i] + head[i + 1]) }
            }
            if givenNames.isEmpty { out.append(r); continue }
            let run = (first..<r.firstToken).map { consonants(tokens[$0].text) }
            let same = givenNames.contains(run.joined()) || run.contains { written in
                !written.isEmpty && givenNames.contains { $0.hasPrefix(written) || written.unicodeScalars.count >= 3 && $0.hasSuffix(written) }
            }
            if same {
                let m = r.mention
                out.append(ResolvedMention(mention: EntityMention(entityID: m.entityID, name: m.name, type: m.type,
                                                                  start: tokens[first].start, end: m.end, metonym: m.metonym,
                                                                  form: m.form, found: m.found),
                                           entity: r.entity, firstToken: first, tokenCount: r.firstToken + r.tokenCount - first,
                                           contextual: r.contextual))
            }
        }
        return out
    }

    // MARK: tags

    /// 3–7 tags: entities ranked by salience, then (only when fewer than three entities qualify)
    /// at most two key phrases. Analyzes title and body itself.
    public func tags(title: String, body: String, statistics: TermStatistics?) -> [Tag] {
        tags(title: title, body: body, titleAnalysis: analyzer.analyze(title),
             bodyAnalysis: analyzer.analyze(body), statistics: statistics)
    }

    /// The same, reusing the analyses the pipeline already made with this tagger's analyzer.
    ///
    /// An entity qualifies when it is in the title or the lead, or named at least twice (a
    /// country also by its places named often enough, not by its people, clubs or companies). Fewer
    /// than three qualify: up to two key phrases (not overlapping an entity mention) are added,
    /// then the other entities, so an article gets three tags whenever its text has three.
    /// `publisher`: the gazetteer id of the outlet that published the article (its attribution's
    /// outlet credit): an outlet naming itself (CNN Arabic's "قال مسؤول لـCNN") is no tag of its
    /// own article, the outlet line says it already (102 of the 103 articles tagged CNN on ANT
    /// dev were CNN Arabic's own).
    public func tags(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis,
                     statistics: TermStatistics?, publisher: String? = nil) -> [Tag] {
        tagsAndStoryEntities(title: title, body: body, titleAnalysis: titleAnalysis, bodyAnalysis: bodyAnalysis,
                             statistics: statistics, publisher: publisher).tags
    }

    /// The tags, and the tags stories compare the article by (`storyEntities`): the entity tags
    /// as ranked before a found name took one of their slots (`withinSlots`), so that what a page
    /// shows does not decide which story an article joins; otherwise the tags themselves.
    public func tagsAndStoryEntities(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis,
                                     statistics: TermStatistics?, publisher: String? = nil) -> (tags: [Tag], storyEntities: [Tag]) {
        let m = matcher
        let learned = statistics?.learnedNames, entities = gazetteer.entities
        let titleKeys = keyArray(titleAnalysis), bodyKeys = keyArray(bodyAnalysis)
        var bodyMentions: [ResolvedMention] = []
        // the raw matches, kept: a name found in the text that a gazetteer alias spans is the
        // entity's, left unresolved by the context (`foundTags`)
        var bodyRaws: [RawMatch] = [], titleRaws: [RawMatch] = []
        if !bodyAnalysis.tokens.isEmpty {
            let memo = TaggingMemo.current
            bodyMentions = withTextBytes(body) { bytes in
                bodyRaws = memo.bodyMatches(m, bodyAnalysis.tokens, bodyAnalysis.keys, bytes)
                return Self.refined(m.resolve(bodyRaws, bodyAnalysis.tokens, bytes), bodyAnalysis.tokens, bodyKeys, bytes, learned,
                                    entities: entities)
            }
        }
        // the title read with what the body names (a headline shortens the names its report
        // gives), outlets aside: a body credits them whatever the story (القمة العربية is no
        // channel because the body quotes العربية)
        var bodyNamed: [Int32] = []
        for b in bodyMentions where b.mention.type != .outlet && !bodyNamed.contains(Int32(b.entity)) {
            bodyNamed.append(Int32(b.entity))
        }
        let titleMentions: [ResolvedMention] = titleAnalysis.tokens.isEmpty ? [] : withTextBytes(title) { bytes in
            titleRaws = m.rawMatches(titleAnalysis.tokens, titleAnalysis.keys, bytes)
            return Self.refined(m.resolve(titleRaws, titleAnalysis.tokens, bytes, named: bodyNamed), titleAnalysis.tokens, titleKeys,
                                bytes, learned, entities: entities)
        }
        // People and organizations the gazetteer does not know (NameFinder.swift).
        let titleFound = findsNames ? foundNames(title, titleAnalysis.tokens, titleKeys, titleMentions, learned: learned) : FoundInText()
        let bodyFound = findsNames ? foundNames(body, bodyAnalysis.tokens, bodyKeys, bodyMentions, learned: learned) : FoundInText()
        // A dateline ("دبي، الإمارات العربية المتحدة (CNN)--") says where the desk is, not what
        // the story is about.
        let dateline = datelineCount(bodyMentions, body)
        let datelineMentions = Array(bodyMentions.prefix(dateline))
        bodyMentions.removeFirst(dateline)
        let layout = BodyLayout(body, bodyAnalysis.tokens)
        var ranked = rankEntities(layout, titleMentions, bodyMentions,
                                  skip: (qualifiers(titleMentions, titleAnalysis.tokens, title),
                                         qualifiers(bodyMentions, bodyAnalysis.tokens, body, found: bodyFound.names)))
        if let publisher { ranked.removeAll { gazetteer.index.ids[$0.entity] == publisher } }

        var out: [Tag] = []
        for r in ranked where r.qualifies && out.count < 7 { out.append(tag(r)) }
        let found = foundTags(title: title, titleTokens: titleAnalysis.tokens, titleFound: titleFound,
                              body: body, bodyTokens: bodyAnalysis.tokens, bodyFound: bodyFound, taken: out, limit: 7,
                              statistics: statistics, aliasSpans: (titleRaws, bodyRaws))
        let entityTags = out
        out = Self.withinSlots(entities: out, found: found)
        let displaced = out.filter { !$0.found }.count < entityTags.count
        out = Self.withoutPartNames(out)
        if out.count < 3 {
            // Key phrases only now: most articles name three entities and never pay for them.
            var takenWords = out.map(Self.nameWords)
            var doc = Document(title: title, body: body, titleAnalysis: titleAnalysis,
                               bodyAnalysis: bodyAnalysis, gazetteer: gazetteer)
            doc.mask(titleMentions, inTitle: true)
            doc.mask(bodyMentions, inTitle: false)
            doc.mask(datelineMentions, inTitle: false)
            // and the unknown city before them (أتلانتا، الولايات المتحدة …)
            if let d = datelineMentions.first, d.firstToken > 0 { doc.mask(bodyTokens: 0..<d.firstToken) }
            doc.mask(titleFound.masks, inTitle: true)
            doc.mask(bodyFound.masks, inTitle: false)
            var taken = out.map { ArabicNormalizer.normalize($0.name) }   // at most 7: a scan beats hashing
            var added = 0
            /// A phrase already a tag, or a part of a name already a tag (راد beside أمبر راد).
            func isTaken(_ normalized: String, _ words: [UInt64]) -> Bool {
                // (normalized text is NFKC: equal bytes are equal strings)
                taken.contains(where: { sameBytes($0, normalized) }) || takenWords.contains(where: { Self.containsRun($0, words) })
            }
            /// Entity `k`'s tag for a phrase, once.
            func addEntity(_ k: Int, _ normalized: String, score: Double) {
                let entityTag = tag(entity: k, score: score)
                if out.contains(where: { $0.slug == entityTag.slug }) { return }
                out.append(entityTag)
                taken.append(normalized)
                added += 1
            }
            func addPhrase(_ display: String, _ normalized: String, score: Double) {
                taken.append(normalized)
                out.append(Tag(name: display, slug: Self.keyPhraseSlug(display), type: "keyphrase", score: score))
                added += 1
            }
            // The editor's own hashtags first (#السلع_التموينية، #يوم_الأرض): topics someone chose,
            // where the ranked phrases are guesses (a QA review of 118 of them found 20 good).
            for h in hashtagTopics(title: title, body: body) where added < 2 && out.count < 7 {
                let normalized = ArabicNormalizer.normalize(h), words = Self.nameWords(h)
                if isTaken(normalized, words) { continue }
                let named = entityCandidates(named: h)
                if named.count == 1, !named[0].strict {
                    // (a capital stands for its country, as in the ranking: #مسقط is عمان)
                    let index = gazetteer.index, k = named[0].entity, country = Int(index.countryIndex[k])
                    addEntity(index.isCapital[k] && country >= 0 ? country : k, normalized, score: 0)
                    continue
                }
                // (one word that names nothing is a common word, no topic: #الصحة)
                if !named.isEmpty || words.count == 1 { continue }
                takenWords.append(words)
                addPhrase(h, normalized, score: 0)
            }
            for p in rankedPhrases(doc, statistics: statistics, limit: 2, repeatedOnly: true) where added < 2 && out.count < 7 {
                let normalized = ArabicNormalizer.normalize(p.display), words = normalized.split(separator: " ")
                if isTaken(normalized, Self.nameWords(normalized)) { continue }
                let score = (p.score * 1000).rounded() / 1000
                // A known entity's name the context left unresolved (نيمار with no title before
                // it) that the article repeats enough to make it a key phrase: the entity itself
                // when it is the only one so named, a person, organization or place, and the
                // name no everyday word for it; no tag when the name is several entities' or an
                // outlet's (العربية: the channel or the language). An everyday word (الهلال: the
                // club or the crescent; فتح: the movement or the verb) stays a key phrase.
                // (A word the corpus writes as a common noun is that noun, no tag at all: مشهد
                // "scene", not the city; صور "pictures", not Tyre.)
                let named = entityCandidates(named: p.display)
                // (an organization's one-word name after an event noun names the event's city:
                // دورة برشلونة is no tag of the club, nor a key phrase to browse the club by)
                if named.contains(where: { gazetteer.index.types[$0.entity] == .organization }), words.count == 1,
                   followsEventHead(words[0], titleAnalysis.tokens) || followsEventHead(words[0], bodyAnalysis.tokens) {
                    continue
                }
                if named.count == 1, !named[0].strict, [.person, .organization, .place].contains(gazetteer.index.types[named[0].entity]),
                   !(words.count == 1 && withUTF8Copy(String(words[0])) { WordForms.isBareCommonNoun($0, $1, statistics) }) {
                    addEntity(named[0].entity, normalized, score: score)
                    continue
                }
                if !named.isEmpty && !(named.count == 1 && named[0].strict) { continue }
                addPhrase(p.display, normalized, score: score)
            }
        }
        if out.count < 3 {
            for r in ranked where !r.qualifies && out.count < 3 { out.append(tag(r)) }
        }
        // (a displacement leaves seven tags, so nothing was added after it)
        return (out, displaced ? entityTags : out)
    }

    /// The entity tags, then the found ones, seven at most. When there are more, the found
    /// names fill the free slots in their order, and then one that the body names twice or more
    /// takes the slot of the weakest entity named in passing (not in the title, at most once in
    /// the body: a score under 2.5) that scores below it: a coach who announces a squad is not
    /// left out for one of his players' clubs (خوان بيتزي), a referee named for a final not for
    /// a country named once (ميلوراد مازيتش). A name found in the title alone stays in the free
    /// slots: headline fragments are found so (صلاح استمال).
    static func withinSlots(entities: [Tag], found: [FoundTag]) -> [Tag] {
        let free = max(0, 7 - entities.count)
        if found.count <= free { return entities + found.map(\.tag) }
        var kept = entities
        var taken = Array(found.prefix(free).map(\.tag))
        for f in found.dropFirst(free) where f.repeated {
            guard let weakest = kept.indices.filter({ kept[$0].score < 2.5 && kept[$0].score < f.tag.score })
                .min(by: { kept[$0].score < kept[$1].score }) else { continue }
            kept.remove(at: weakest)
            taken.append(f.tag)
        }
        return kept + taken
    }

    /// The topics an article's hashtags name (#السلع_التموينية → السلع التموينية), in order, each
    /// once: one to four words, Arabic letters only, no word of them generic, and not vague as a
    /// whole (#الرقابة is no topic to browse by; #اليمن is an entity the caller finds).
    func hashtagTopics(title: String, body: String) -> [String] {
        var out: [String] = []
        let phraseFlags = gazetteer.cueHashes.phraseFlags
        for text in [title, body] {
            // on the bytes: most articles have no # at all, and a walk by characters cost a third
            // of the tagging time of the articles that reach key phrases
            let tags: [String] = withTextBytes(text) { b in
                var found: [String] = []
                var i = 0
                while i < b.n, let q = memchr(b.p + i, 0x23, b.n - i) {
                    let start = b.p.distance(to: q.assumingMemoryBound(to: UInt8.self)) + 1
                    var end = start
                    // Arabic letters and harakat (U+0621–U+0652: D8 A1 … D9 92) and _
                    while end < b.n {
                        if b[end] == 0x5F { end += 1; continue }
                        guard end + 1 < b.n else { break }
                        let v = UInt16(b[end]) << 8 | UInt16(b[end + 1])
                        guard (0xD8A1...0xD8BF).contains(v) || (0xD980...0xD992).contains(v) else { break }
                        end += 2
                    }
                    if end > start { found.append(String(decoding: UnsafeBufferPointer(start: b.p + start, count: end - start), as: UTF8.self)) }
                    i = max(end, start)
                }
                return found
            }
            for tag in tags {
                let words = tag.split(separator: "_").map(String.init)
                guard (1...4).contains(words.count) else { continue }
                let normalized = words.map(ArabicNormalizer.normalize)
                if normalized.contains(where: { phraseFlags.value(wordKey($0)) & 1 != 0 || analyzer.isStopword($0) }) { continue }
                if isVague(normalized) { continue }
                let topic = words.joined(separator: " ")
                if !out.contains(topic) { out.append(topic) }
            }
        }
        return out
    }

    /// Does `word` follow an event noun (`event-head`: دورة، بطولة …) in `tokens`?
    func followsEventHead(_ word: Substring, _ tokens: [Token]) -> Bool {
        let cues = gazetteer.cueHashes
        for i in tokens.indices.dropFirst() where tokens[i].text == word {
            if cues.cueFlags(tokens[i - 1].text) & CueFlag.eventHead != 0 { return true }
        }
        return false
    }

    /// A tag's name as the keys of its normalized words (kept per thread:
    /// `TaggingMemo.tagNameWords`): compared as numbers, where comparing words as Strings
    /// normalized them again on each comparison.
    static func nameWords(_ tag: Tag) -> [UInt64] {
        let memo = TaggingMemo.current
        let key = ByteKey(tag.name)
        if let words = memo.tagNameWords[key] { return words }
        let words = nameWords(tag.name)
        if memo.tagNameWords.count >= 4096 { memo.tagNameWords.removeAll() }   // found names are many
        memo.tagNameWords[key] = words
        return words
    }
    /// The keys of `name`'s normalized words, split at spaces.
    static func nameWords(_ name: String) -> [UInt64] {
        withTextBytes(ArabicNormalizer.normalize(name)) { b in
            var out: [UInt64] = []
            var start = 0
            while start < b.n {
                var end = start
                while end < b.n && b[end] != 0x20 { end += 1 }
                if end > start { out.append(wordKey(b.p + start, end - start)) }
                start = end + 1
            }
            return out
        }
    }

    /// Is `inner` a run of `outer`'s words, and shorter?
    static func containsRun(_ outer: [UInt64], _ inner: [UInt64]) -> Bool {
        guard !inner.isEmpty, inner.count < outer.count else { return false }
        return (0...(outer.count - inner.count)).contains { s in (0..<inner.count).allSatisfy { outer[s + $0] == inner[$0] } }
    }

    /// `tags` with one tag per person: without a name found in the text (`Tag.found`) that
    /// - runs two other tags' names together (مديحة يسري محمد فوزي beside مديحة يسري and محمد فوزي);
    /// - is part of a known entity's name (كيم جونغ beside كيم جونغ أون);
    /// - is another found person's name with words after it (مايكل جاكسون غاضبون beside مايكل
    ///   جاكسون: what follows a name in a headline is seldom more of it), or the start of another
    ///   found organization's (منظمة الهجرة beside منظمة الهجرة الدولية: its adjectives are its name);
    /// - is the end of another found name and starts with a particle (بن شرقي beside أشرف بن
    ///   شرقي، أبو زيد beside أحمد أبو زيد); a full name at the end of a longer one is another
    ///   person's as often (محمد فوزي beside his son عمرو محمد فوزي);
    /// - is a particle and another person's surname (ولد لويس "Lewis was born" beside برنارد لويس).
    static func withoutPartNames(_ tags: [Tag]) -> [Tag] {
        guard tags.contains(where: \.found) else { return tags }
        let words = tags.map(nameWords)
        let joined = Set(tags.indices.filter { i in
            tags[i].found && tags.indices.filter { $0 != i && containsRun(words[i], words[$0]) }.count >= 2
        })
        func particle(_ w: UInt64) -> Bool { NameFinder.standard.flags.value(w) & NameFlag.particle != 0 }
        return tags.indices.filter { i in
            if joined.contains(i) { return false }
            guard tags[i].found else { return true }
            let w = words[i]
            return !tags.indices.contains { j in
                guard j != i, !joined.contains(j) else { return false }
                let o = words[j]
                // (a particle before another person's surname reads as a word: ولد لويس "Lewis was
                // born" beside برنارد لويس، ولد بن عطية beside مهدي بن عطية)
                if tags[i].type == "person" && tags[j].type == "person" && w.count >= 2 && w.count <= o.count
                    && particle(w[0]) && Array(o.suffix(w.count - 1)) == Array(w.dropFirst()) { return true }
                if !tags[j].found { return containsRun(o, w) }
                if tags[i].type == "person" && tags[j].type == "person" && o.count < w.count && Array(w.prefix(o.count)) == o { return true }
                if tags[i].type == "organization" && tags[j].type == "organization" && w.count < o.count
                    && Array(o.prefix(w.count)) == w { return true }
                return w.count < o.count && Array(o.suffix(w.count)) == w && particle(w[0])
            }
        }.map { tags[$0] }
    }

    /// The top key phrases as written in the text (title first), for evaluation and for tags.
    public func keyPhrases(title: String, body: String, statistics: TermStatistics?, limit: Int) -> [String] {
        let doc = Document(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                           bodyAnalysis: analyzer.analyze(body), gazetteer: gazetteer)
        return rankedPhrases(doc, statistics: statistics, limit: limit).map(\.display)
    }

    /// The stemmed 1–3-grams of an article, the terms `TermStatistics` counts (stems joined by
    /// one space).
    public func documentTerms(title: String, body: String) -> Set<String> {
        let doc = Document(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                           bodyAnalysis: analyzer.analyze(body), gazetteer: gazetteer)
        var out = Set<String>()
        doc.forEachNGram(maxLength: keyPhraseOptions.maxLength) { _, i, n in
            out.insert(doc.stems(i, n).joined(separator: " "))
        }
        return out
    }

    /// `documentTerms` as the keys `TermStatistics` stores (no strings built).
    public func documentTermKeys(title: String, body: String) -> Set<UInt64> {
        documentTermKeys(title: title, body: body, titleAnalysis: analyzer.analyze(title),
                         bodyAnalysis: analyzer.analyze(body))
    }

    /// The same, reusing the analyses.
    public func documentTermKeys(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis) -> Set<UInt64> {
        let doc = Document(title: title, body: body, titleAnalysis: titleAnalysis, bodyAnalysis: bodyAnalysis,
                           gazetteer: gazetteer)
        var out = Set<UInt64>()
        doc.forEachNGram(maxLength: keyPhraseOptions.maxLength) { key, _, _ in out.insert(key) }
        return out
    }

    /// A key-phrase tag's slug: `slug` of the phrase with the article of each word left out, so
    /// that one topic is one page whether an article writes it with ال or without (الدولار /
    /// دولار، البركان / بركان: about 120 such pairs were two tags on ANT dev; الانتخابات البلدية /
    /// انتخابات بلدية، الحرب التجارية / حرب تجارية). Only ال written so is an article: أل and إل
    /// start a word (ألغام، إلكترونية), three letters at least stay after it (الم is no ال + م),
    /// and الله keeps its letters. Words are split at spaces and at "-", so a slug typed into an
    /// address reads as its phrase.
    public static func keyPhraseSlug(_ phrase: String) -> String {
        if let joined = withoutArticles(phrase) { return slug(joined) }
        var words: [Substring] = []
        var any = false
        for w in phrase.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if w.hasPrefix("ال"), w.unicodeScalars.count >= 5, ArabicNormalizer.normalize(String(w)) != "الله" {
                words.append(w.dropFirst(2))
                any = true
            } else {
                words.append(w)
            }
        }
        return slug(any ? words.joined(separator: " ") : phrase)
    }

    /// `keyPhraseSlug`'s words without their article, read from the phrase's UTF-8 when each of its
    /// scalars is printable ASCII or an Arabic letter (so each is one Character, and the
    /// Character-wise reading below it would give the same words): the phrase itself when no word
    /// loses its article, nil for other phrases. (Splitting a String by Characters and comparing
    /// its prefixes cost some 10,000 instructions a phrase.) A word that keeps five scalars or
    /// more here is never الله once normalized: normalizing such letters keeps their count.
    static func withoutArticles(_ phrase: String) -> String? {
        withTextBytes(phrase) { b -> String? in
            var i = 0
            while i < b.n {
                let c = b[i]
                if c >= 0x20 && c < 0x7F { i += 1; continue }
                // ء–غ (D8 A1–BA), ف–ي (D9 81–8A)
                guard i + 1 < b.n, (c == 0xD8 && b[i + 1] >= 0xA1 && b[i + 1] <= 0xBA)
                        || (c == 0xD9 && b[i + 1] >= 0x81 && b[i + 1] <= 0x8A) else { return nil }
                i += 2
            }
            var out: [UInt8] = []
            var any = false
            var start = 0
            while start <= b.n {
                var end = start
                while end < b.n && b[end] != 0x20 && b[end] != 0x2D { end += 1 }
                if end > start {
                    var from = start
                    if end - start >= 4 && spellsAl(b.p + start) {
                        var scalars = 0
                        var k = start
                        while k < end { k += b[k] < 0x80 ? 1 : 2; scalars += 1 }
                        if scalars >= 5 { from = start + 4; any = true }
                    }
                    if !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: UnsafeBufferPointer(start: b.p + from, count: end - from))
                }
                start = end + 1
            }
            return any ? String(decoding: out, as: UTF8.self) : phrase
        }
    }

    /// A key phrase's slug: normalized, each run of spaces and punctuation as one "-".
    /// Read from the normalized text's UTF-8, the kept scalars copied as they are to a byte buffer
    /// (a String built scalar by scalar cost some 370 instructions per scalar).
    public static func slug(_ phrase: String) -> String {
        withTextBytes(ArabicNormalizer.normalize(phrase)) { b in
            // the output is never longer: a "-" stands for at least one dropped scalar
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.n + 1) { buf in
                let out = buf.baseAddress!
                var m = 0
                var dash = false
                var i = 0
                var wordStart = 0
                var head = false      // a word before a dash is ابو or عبد (`joiningCompoundHeads`)
                while i < b.n {
                    let (v, len) = decode(b, i)
                    if !isSlugWordScalar(v) { dash = true; i += len; continue }
                    if dash && m > 0 {
                        if m - wordStart == 6 && spellsCompoundHead(out + wordStart) { head = true }
                        out[m] = 0x2D; m += 1                                      // -
                        wordStart = m
                    }
                    dash = false
                    for k in 0..<len { out[m + k] = b[i + k] }
                    m += len
                    i += len
                }
                let slug = String(decoding: UnsafeBufferPointer(start: out, count: m), as: UTF8.self)
                return head ? joiningCompoundHeads(slug) : slug
            }
        }
    }

    /// The slug of a person the gazetteer does not know, which one person's spellings share
    /// (ANT dev had 48 people's tags under two spellings or three: جيريمي كوربين / جيرمي كوربن،
    /// كوتاريلي / كوتاريللي، غرينيل / جرينيل، إيلور عزاريا / عزريا / إيلئور عزاريا): each word of four
    /// letters or more that the name lists do not give as an Arabic given name or a particle,
    /// with no article and no عبد / أبو head (ماجد أبو حيمد keeps his), is written by its
    /// skeleton — its first and last letters, and between them its consonants without long
    /// vowels and hamza (ا و ي ء), doubled letters once, ج and ق as غ, ث as س, ذ as ز
    /// (transliterations of g, k, th, dh). Arabic names keep their letters, as their long
    /// vowels tell names apart (صالح، صلاح; حسن، حسين).
    /// Read from the slug's UTF-8 (a found person's mentions each ask for it).
    public static func personSlug(_ name: String) -> String {
        let plain = slug(name)
        let flags = NameFinder.standard.flags
        return withUTF8Copy(plain) { p, n -> String in
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var changed = false
            var start = 0
            while start < n {
                var end = start
                while end < n && p[end] != 0x2D { end += 1 }       // -
                defer { start = end + 1 }
                if start > 0 { out.append(0x2D) }
                let len = end - start
                // two-byte Arabic letters only: ال, عبد, ابو words, given names and particles stay
                var arabic = len >= 8 && len % 2 == 0
                var i = start
                while arabic && i < end { arabic = p[i] == 0xD8 || p[i] == 0xD9; i += 2 }
                let w = p + start
                let f = arabic ? flags.value(wordKey(w, len)) : 0
                if !arabic || f & (NameFlag.given | NameFlag.ambiguousGiven) != 0 && f & NameFlag.foreign == 0
                    || f & NameFlag.particle != 0 || spellsAl(w) || spellsCompoundHead(w) {
                    out.append(contentsOf: UnsafeBufferPointer(start: w, count: len))
                    continue
                }
                changed = true
                var last: (UInt8, UInt8) = (0, 0)
                for k in stride(from: 0, to: len, by: 2) {
                    var c = (w[k], w[k + 1])
                    switch c {
                    case (0xD8, 0xAC), (0xD9, 0x82): c = (0xD8, 0xBA)          // ج ق → غ
                    case (0xD8, 0xAB): c = (0xD8, 0xB3)                        // ث → س
                    case (0xD8, 0xB0): c = (0xD8, 0xB2)                        // ذ → ز
                    case (0xD8, 0xA7), (0xD9, 0x88), (0xD9, 0x8A), (0xD8, 0xA1):
                        // ا و ي ء inside the word go (the slug wrote ئ ؤ as ي و); a doubled
                        // letter is two in a row, not two around a vowel
                        if k > 0 && k < len - 2 { last = (0, 0); continue }
                    default: break
                    }
                    if c != last { out.append(c.0); out.append(c.1) }
                    last = c
                }
            }
            return changed ? String(decoding: out, as: UTF8.self) : plain
        }
    }

    /// Slug `s` with the head of a compound name joined to the name after it (عبد-الله-السعيد →
    /// عبدالله-السعيد, ابو-بكر-شوقي → ابوبكر-شوقي; `Analyzer.joinedName`): outlets write such
    /// names joined or apart, and one person is one tag (ANT dev had 13 people on two tag pages
    /// by this spacing alone).
    static func joiningCompoundHeads(_ s: String) -> String {
        let words = s.split(separator: "-").map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            if i + 1 < words.count, let joined = Analyzer.standard.joinedName(words[i], words[i + 1]) {
                out.append(joined)
                i += 2
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out.joined(separator: "-")
    }

    /// Does scalar `v` stay in a slug (as opposed to spaces and punctuation)?
    @inline(__always) static func isSlugWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        // everything but Latin-1 punctuation, Arabic punctuation and general punctuation
        return !(v <= 0xBF || v == 0x060C || v == 0x061B || v == 0x061F || (v >= 0x066A && v <= 0x066D)
            || v == 0x06D4 || (v >= 0x2000 && v <= 0x206F) || (v >= 0xFD3E && v <= 0xFD3F))
    }

    // MARK: entity salience

    /// How many of the first body mentions form a dateline: places (and countries) at the very
    /// start of the text, separated only by commas or spaces, then an opening bracket, a dash or
    /// a colon ("بيروت (رويترز) -"، "دبي، الإمارات العربية المتحدة (CNN)--"، "القاهرة - ").
    /// The desk's city may be one the gazetteer does not know, before a comma ("أتلانتا، الولايات
    /// المتحدة الأمريكية (CNN)--": CNN Arabic's, which tagged 44 ANT dev articles USA).
    func datelineCount(_ mentions: [ResolvedMention], _ body: String) -> Int {
        guard let first = mentions.first, first.firstToken <= 2 else { return 0 }
        return withTextBytes(body) { b in
            var k = 0
            var pos = 0
            @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
            while pos < first.mention.start && blank(b[pos]) { pos += 1 }
            if pos < first.mention.start {
                // one or two words of letters, a comma, blanks: an unknown city
                var comma = false
                while pos < first.mention.start {
                    let c = b[pos]
                    let isComma = c == 0x2C || (c == 0xD8 && pos + 1 < b.n && b[pos + 1] == 0x8C)
                    if isComma {
                        if comma { return 0 }
                        comma = true
                        pos += c == 0x2C ? 1 : 2
                    } else if comma {
                        if !blank(c) { return 0 }
                        pos += 1
                    } else {
                        // letters (any byte of a non-ASCII scalar) and spaces only
                        if c < 0x80 && !(blank(c) || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) { return 0 }
                        pos += 1
                    }
                }
                guard comma else { return 0 }
            }
            while k < mentions.count {
                let m = mentions[k]
                guard m.mention.type == .place || m.mention.type == .country, m.mention.start >= pos else { break }
                // between the previous mention and this one: spaces and at most one comma
                var i = pos
                var ok = true
                while i < m.mention.start {
                    let c = b[i]
                    if c == 0x20 || c == 0x2C { i += 1; continue }
                    if c == 0xD8 && i + 1 < m.mention.start && b[i + 1] == 0x8C { i += 2; continue }     // ،
                    ok = false
                    break
                }
                if !ok { break }
                pos = m.mention.end
                k += 1
            }
            guard k > 0 else { return 0 }
            var i = pos
            while i < b.n && (b[i] == 0x20 || b[i] == 0xC2 || b[i] == 0xA0) { i += 1 }
            guard i < b.n else { return 0 }
            let c = b[i]
            if c == 0x28 || c == 0x2D || c == 0x3A { return k }                                   // ( - :
            if c == 0xE2 && i + 2 < b.n && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94) { return k }  // – —
            if c == 0xD9 && i + 1 < b.n && b[i + 1] == 0x80 { return k }                         // ـ
            return 0
        }
    }

    /// Which of `mentions` are country nisbas that only qualify something else: a currency, a
    /// newspaper, a player, a club (`nisba-qualifier` words up to three words before, or a club,
    /// league, company or outlet mention right before; a qualifier noun counts with its pronoun,
    /// مهاجمه السوري); nil when none is. Such a country is not
    /// what the story is about: on ANT dev "ريال مدريد الإسباني" made Spain the fourth most used
    /// tag, from football alone. The mentions themselves stay (entities, NER); ranking skips them.
    ///
    /// A nisba standing as a noun right before a person's name is that person's nationality
    /// ("تغلب على الألماني ألكسندر زفيريف"، "وكان الأرجنتيني ليونيل ميسي"): it tells who the
    /// person is, as the person's own name does, and a person does not make a country tag
    /// (`rankEntities`). It stands as a noun when no definite noun or title is before it to
    /// describe (a sentence's start, a preposition, a verb); after one, it is that noun's
    /// ("الرئيس الأمريكي دونالد ترامب"، "الجيش الروسي"), and the country counts. Only in a body
    /// (`found` given: the names `NameFinder` found in it, people the gazetteer does not know):
    /// a title that leads with a nationality makes it the news ("اللبنانية نادين لبكي تفوز").
    func qualifiers(_ mentions: [ResolvedMention], _ tokens: [Token], _ text: String,
                    found: [FoundName]? = nil) -> [Bool]? {
        guard mentions.contains(where: { $0.mention.form == .nisba && $0.mention.type == .country }) else { return nil }
        let cues = gazetteer.cueHashes
        let types = gazetteer.index.types
        return withTextBytes(text) { bytes in
            let m = matcher
            var out = reservedArray(of: Bool.self, mentions.count)
            var any = false
            for k in mentions.indices {
                // fields read in place: copying a mention retains its strings
                let first = mentions[k].firstToken
                guard mentions[k].mention.form == .nisba, mentions[k].mention.type == .country else { out.append(false); continue }
                var qualifies = false
                if k > 0, first > 0, mentions[k - 1].firstToken + mentions[k - 1].tokenCount == first,
                   types[mentions[k - 1].entity] == .organization || types[mentions[k - 1].entity] == .outlet,
                   !m.hardBreak(bytes, tokens[first - 1].end, tokens[first].start) {
                    qualifies = true
                }
                var j = first - 1
                while !qualifies && j >= max(0, first - 3) {
                    if m.hardBreak(bytes, tokens[j].end, tokens[j + 1].start) { break }
                    if cues.cueFlags(tokens[j].text) & CueFlag.nisbaQualifier != 0 { qualifies = true }
                    // (with its pronoun too: لاعبه البرازيلي، مهاجمه السوري)
                    if !qualifies, cues.cueFlagsWithoutPronoun(tokens[j].text) & CueFlag.nisbaQualifier != 0 { qualifies = true }
                    j -= 1
                }
                if !qualifies, let found {
                    let next = first + mentions[k].tokenCount
                    if next < tokens.count, !m.hardBreak(bytes, tokens[next - 1].end, tokens[next].start),
                       (k + 1 < mentions.count && mentions[k + 1].firstToken == next && types[mentions[k + 1].entity] == .person)
                        || found.contains(where: { $0.first == next && $0.type == .person && !$0.group }),
                       first == 0 || m.hardBreak(bytes, tokens[first - 1].end, tokens[first].start)
                        || !WordForms.isDefinite(tokens[first - 1].text) && !Self.endsInPronoun(bytes, tokens[first - 1])
                            && cues.cueFlags(tokens[first - 1].text) & CueFlag.personTitle == 0 {
                        qualifies = true
                    }
                }
                out.append(qualifies)
                any = any || qualifies
            }
            return any ? out : nil
        }
    }

    /// Whether a word as written ends in an attached pronoun (نظيره، زميلها، قادتهم): a noun
    /// made definite so, which a nisba right after it describes ("ونظيره الأميركي دونالد ترامب").
    /// Read on the written bytes, where ه is not ة (normalized, نظيره and وزيرة end alike).
    static func endsInPronoun(_ bytes: TextBytes, _ t: Token) -> Bool {
        let e = writtenEnd(bytes, t)
        guard e - t.start >= 8 else { return false }     // four letters at least
        let last = bytes.letter(at: e - 2), before = bytes.letter(at: e - 4)
        if last == 0xD987 { return true }                                                  // ـه
        if before == 0xD987 && (last == 0xD8A7 || last == 0xD985) { return true }         // ـها ـهم
        return last == 0xD8A7 && before == 0xD985 && bytes.letter(at: e - 6) == 0xD987     // ـهما
    }

    /// Where token `t`'s letters end in `bytes`, its trailing harakat (U+064B–U+0652: D9 8B–D9 92,
    /// which the token covers) left out.
    static func writtenEnd(_ bytes: TextBytes, _ t: Token) -> Int {
        var e = min(t.end, bytes.n)
        while e - 2 >= t.start, bytes[e - 2] == 0xD9, bytes[e - 1] >= 0x8B && bytes[e - 1] <= 0x92 { e -= 2 }
        return e
    }

    /// Does token `t` of `text`, whose normalized form starts with ال, start as written with أ،
    /// إ or آ instead (ألمانية، ألعاب): a bare word, no article (normalizing folds the hamza).
    static func startsWithHamzaAlef(_ text: String, _ t: Token) -> Bool {
        guard t.text.utf8.starts(with: [0xD8, 0xA7, 0xD9, 0x84]) else { return false }
        return withTextBytes(text) { b in
            t.start + 2 <= b.n && b[t.start] == 0xD8 && (b[t.start + 1] == 0xA3 || b[t.start + 1] == 0xA5 || b[t.start + 1] == 0xA2)
        }
    }

    /// Does token `t` of `text` end, as written, in ه (not ة, which normalizes to it), harakat aside?
    static func endsInWrittenHa(_ text: String, _ t: Token) -> Bool {
        // (only a word that ends in ه once normalized may end in ه as written)
        guard t.text.utf8.last == 0x87 else { return false }
        return withTextBytes(text) { b in
            let e = writtenEnd(b, t)
            return e - 2 >= t.start && b[e - 2] == 0xD9 && b[e - 1] == 0x87
        }
    }

    /// An entity's rank, without strings: its tag is spelled out only when it is made (`tag`),
    /// and sorting values with strings retained and released them on every comparison.
    struct RankedEntity {
        var entity: Int
        /// Rounded to three decimals, as the tag shows it.
        var score: Double
        var qualifies: Bool
    }

    /// The tag of a ranked entity.
    func tag(_ r: RankedEntity) -> Tag { tag(entity: r.entity, score: r.score) }

    /// The tag of gazetteer entity `k`.
    func tag(entity k: Int, score: Double) -> Tag {
        let index = gazetteer.index
        return Tag(name: index.names[k], slug: index.ids[k], type: index.types[k].rawValue, score: score)
    }

    /// Salience per tag target: title (3, once) > lead (1.5, once) > body frequency (log₂) and
    /// spread over the body's parts. Capitals count for their country; other places, people and
    /// organizations also lend 0.3 of each mention to their country's score, though only places
    /// and movements lend to its qualifying (`RankedEntity.qualifies`); outlets count only in the
    /// title (a credited agency is not what the story is about).
    /// `skip`: mentions of the title and of the body that do not count (`qualifiers`).
    func rankEntities(_ layout: BodyLayout, _ titleMentions: [ResolvedMention],
                      _ bodyMentions: [ResolvedMention], skip: ([Bool]?, [Bool]?) = (nil, nil)) -> [RankedEntity] {
        struct Acc {
            var entity: Int
            var title = 0.0, lead = 0.0, body = 0.0
            /// `title`, `lead` and `body` without the weight people and organizations lend: what
            /// decides whether the entity qualifies.
            var titleNamed = 0.0, leadNamed = 0.0, bodyNamed = 0.0
            var parts: UInt64 = 0
            var first = Int.max
        }
        let index = gazetteer.index
        let countryOf = index.countryIndex, types = index.types
        var acc: [Acc] = []
        acc.reserveCapacity(16)
        @inline(__always) func slot(_ acc: inout [Acc], _ e: Int) -> Int {
            for k in acc.indices where acc[k].entity == e { return k }
            acc.append(Acc(entity: e))
            return acc.count - 1
        }
        let isCapital = index.isCapital, speaks = index.speaksOfCountry
        for pass in 0..<2 {
            let list = pass == 0 ? titleMentions : bodyMentions
            let skipped = pass == 0 ? skip.0 : skip.1
            // fields read in place: copying a mention retains its strings
            for order in list.indices {
                if let skipped, skipped[order] { continue }
                let entity = list[order].entity
                let start = list[order].mention.start
                let firstToken = list[order].firstToken
                let type = types[entity]
                if pass == 1 && type == .outlet { continue }
                let country = Int(countryOf[entity])
                var target = entity
                var lend = -1                           // country that gets 0.3
                if isCapital[entity] && country >= 0 { target = country }
                else if type != .country && country >= 0 { lend = country }
                let part = pass == 1 ? layout.part(ofByte: start) : 0
                let inLead = pass == 1 && start < layout.leadEnd
                for step in 0..<2 {
                    let t = step == 0 ? target : lend
                    if t < 0 { continue }
                    let w = step == 0 ? 1.0 : 0.3
                    let k = slot(&acc, t)
                    // a place in a country speaks of it (غزة of فلسطين), as does a movement of it
                    // (الحوثيون of اليمن); a club, a company or a person does not
                    let named = step == 0 || speaks[entity] ? w : 0
                    if pass == 0 {
                        acc[k].title += w
                        acc[k].titleNamed += named
                        acc[k].first = min(acc[k].first, order)
                    } else {
                        acc[k].body += w
                        if inLead { acc[k].lead += w }
                        acc[k].bodyNamed += named
                        if inLead { acc[k].leadNamed += named }
                        if w >= 1 { acc[k].parts |= 1 << UInt64(min(part, 63)) }
                        acc[k].first = min(acc[k].first, 1000 + firstToken)
                    }
                }
            }
        }
        let partCount = Double(max(1, min(layout.partStarts.count, 64)))
        var out: [(RankedEntity, Int)] = []
        out.reserveCapacity(acc.count)
        for a in acc {
            let type = types[a.entity]
            if type == .outlet && a.title == 0 { continue }
            var s = 0.0
            if a.title > 0 { s += 3 + log2(max(a.title, 1)) * 0.5 }
            if a.lead > 0 { s += 1.5 }
            s += log2(1 + a.body)
            s += Double(a.parts.nonzeroBitCount) / partCount
            // named, or its places often enough, not lent to by the rest: a club's or a company's
            // country is not what a report on the club or the company is about (eight mentions of
            // فيسبوك made an أمريكا tag, a Premier League report a بريطانيا tag)
            let qualifies = a.titleNamed >= 1 || a.leadNamed >= 1 || a.bodyNamed >= 2
            out.append((RankedEntity(entity: a.entity, score: (s * 1000).rounded() / 1000, qualifies: qualifies), a.first))
        }
        out.sort { $0.0.score != $1.0.score ? $0.0.score > $1.0.score : $0.1 < $1.1 }
        return out.map(\.0)
    }

    // MARK: key phrases

    struct Phrase {
        var display: String
        var score: Double
        var first: Int
        var count: Int
    }

    /// TF-IDF over the stemmed 1–3-grams of the document (see `KeyPhraseOptions`); a phrase
    /// that contains, or sits inside, one already chosen is skipped.
    /// `repeatedOnly` (for tags): score only phrases that occur at least twice (or in the title)
    /// when there are enough of them — a tag should be what the article keeps talking about,
    /// and it spares scoring the long tail — and never pick two phrases that share a word.
    /// Is every one of the normalized `words` a vague word by its stem (`CueHashes.vagueStems`:
    /// الرئيس، جنوب غرب)? For phrases read off a text as written (a hashtag, a shown key phrase),
    /// not off the analysis (`Document.isVague`).
    func isVague(_ words: [String]) -> Bool {
        let vague = gazetteer.cueHashes.vagueStems
        return words.allSatisfy { vague.value(stemHash(analyzer.stem($0))) != 0 }
    }

    func rankedPhrases(_ doc: Document, statistics: TermStatistics?, limit: Int, repeatedOnly: Bool = false) -> [Phrase] {
        let o = keyPhraseOptions
        var table = NGramTable(capacity: doc.phraseWordCount * 2 + 8)
        doc.forEachNGram(maxLength: o.maxLength) { key, i, n in
            table.add(key, first: i, inTitle: doc.words[i].inTitle)
        }
        let vague = gazetteer.cueHashes.vagueStems
        let docs = Double(statistics?.documentCount ?? 0)
        let logDocs = log(docs + 1)
        let total = Double(max(1, doc.bodyWordCount))
        var scored: [(score: Double, slot: Int32, length: Int32)] = []
        scored.reserveCapacity(table.count)
        var minCount: UInt16 = 1
        if repeatedOnly {
            var repeated = 0
            for slot in table.occupied where table.entries[Int(slot)].count > 1 || table.entries[Int(slot)].titleCount > 0 {
                repeated += 1
            }
            if repeated >= limit + 2 { minCount = 2 }
        }
        // Candidates first, then their document frequencies in one tight loop (independent
        // lookups into a large table overlap their cache misses), then the scores.
        var picked: [Int32] = []
        picked.reserveCapacity(table.count)
        for slot in table.occupied {
            let c = table.entries[Int(slot)]
            if c.count < minCount && c.titleCount == 0 { continue }
            // A tag is a subject the body takes up: a headline word the body never repeats in
            // the same form is most often the headline's verb (يهز، تعتقل، يتراجع).
            if repeatedOnly && c.count == c.titleCount && doc.bodyWordCount > 0 { continue }
            picked.append(slot)
        }
        var dfs = [Int](repeating: 0, count: picked.count)
        if let st = statistics, docs > 0 {
            for (k, slot) in picked.enumerated() { dfs[k] = st.documentFrequency(key: table.entries[Int(slot)].key) }
        }
        for (k, slot) in picked.enumerated() {
            let c = table.entries[Int(slot)]
            let first = Int(c.first)
            let length = doc.length(ofPhraseAt: first, key: c.key, maxLength: o.maxLength)
            if length > 1 && Int(c.count) < o.minRepeatsForPhrase { continue }
            // (tags only: the AKEC annotators do list such words, a reader cannot browse by them)
            if repeatedOnly && doc.isVague(first, length, vague) { continue }
            var idf = 1.0
            if statistics != nil && docs > 0 {
                let df = dfs[k]
                idf = logDocs - (df < logOnePlus.count ? logOnePlus[df] : log(1 + Double(df))) + 1
            }
            let tf = Double(c.count) + (o.titleWeight - 1) * Double(c.titleCount)
            let w = doc.words[first]
            let pos = w.inTitle ? 0 : Double(w.bodyIndex) / total
            let len = length == 1 ? 1 : (length == 2 ? o.bigramWeight : o.trigramWeight)
            let s = (tf > 1 ? 1 + log(tf) : 1) * (o.idfPower == 1 ? idf : pow(idf, o.idfPower)) * len
                * (1 + o.positionWeight * (1 - pos))
            scored.append((s, slot, Int32(length)))
        }
        // Repeated best-first extraction: only a handful of phrases are ever needed.
        var out: [Phrase] = []
        var chosen: [(Int, Int)] = []   // (first word, length) of chosen phrases
        while out.count < limit, !scored.isEmpty {
            var best = 0
            for k in 1..<scored.count {
                let a = scored[k], b = scored[best]
                if a.score > b.score || (a.score == b.score
                    && table.entries[Int(a.slot)].first < table.entries[Int(b.slot)].first) { best = k }
            }
            scored.swapAt(best, scored.count - 1)
            let pick = scored.removeLast()
            let first = Int(table.entries[Int(pick.slot)].first), n = Int(pick.length)
            if chosen.contains(where: { doc.overlapsByStems(first, n, $0.0, $0.1)
                || (repeatedOnly && doc.sharesStem(first, n, $0.0, $0.1)) }) { continue }
            let shown = doc.displayStart(key: table.entries[Int(pick.slot)].key, count: n, first: first)
            // (tags only: a tag is a noun phrase, shown without the proclitics of its first word)
            if repeatedOnly && !doc.isTagPhrase(shown, n, statistics) { continue }
            // (nor one Arabic word of two letters: يا، رد، كن، خط are no topics to browse by)
            if repeatedOnly && n == 1 && doc.isTwoArabicLetters(shown) { continue }
            // (nor a particle with its pronoun: منكم، بيننا، لأنه)
            if repeatedOnly && n == 1 && doc.isParticleWithPronoun(shown, isStopword: analyzer.isStopword) { continue }
            // (nor a phrase that opens with an adjective of the noun before it: التجارية of
            // المحادثات التجارية, العالمية الثانية of الحرب العالمية الثانية)
            if repeatedOnly && doc.isModifierOnly(first, statistics, isStopword: analyzer.isStopword) { continue }
            // (nor one of two words or more cut inside a construct: استخدام نظام of استخدام نظام
            // التعرف; a one-word head alone, أسعار of أسعار القطن, is a word still, and often the
            // only other candidate)
            if repeatedOnly && n > 1 && doc.isCutConstruct(first, n, statistics, isStopword: analyzer.isStopword,
                                                  generic: gazetteer.cueHashes.phraseFlags) { continue }
            let skip = repeatedOnly ? doc.tagDisplaySkip(shown, statistics) : 0
            let display = doc.display(from: shown, count: n, skip: skip)
            // (nor one vague once its proclitic is left out: بجنوب غرب, whose stem keeps the ب,
            // is shown as جنوب غرب)
            if skip > 0 && isVague(ArabicNormalizer.normalize(display).split(separator: " ").map(String.init)) { continue }
            chosen.append((first, n))
            out.append(Phrase(display: display, score: pick.score, first: first, count: n))
        }
        return out
    }
}

/// Weights of the key-phrase scorer: score = (1 + ln tf) · idf^idfPower · length weight ·
/// (1 + positionWeight · (1 − relative position of the first occurrence)), where tf counts a
/// title occurrence `titleWeight` times and idf = ln((N + 1) / (df + 1)) + 1 (1 without
/// statistics). Defaults checked on the AKEC dev set.
public struct KeyPhraseOptions: Sendable {
    public var maxLength = 3
    public var titleWeight = 3.0
    public var bigramWeight = 1.3
    public var trigramWeight = 1.2
    public var positionWeight = 0.5
    public var idfPower = 1.0
    /// Multi-word phrases must occur this often (title occurrences included).
    public var minRepeatsForPhrase = 2
    public init() {}
}

// MARK: - term keys

/// Key of a stemmed n-gram: `wordKey` of the first stem, then each further stem's key folded in.
/// Stable across runs and versions (statistics are persisted).
@inline(__always) func stemHash(_ s: String) -> UInt64 { wordKey(s) }

@inline(__always) func appendTermKey(_ key: UInt64, _ stem: UInt64) -> UInt64 {
    ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) ^ stem
}

/// Per-document n-gram counts, open addressing on the term key (key 0 marks an empty slot).
struct NGramTable {
    struct Entry {
        var key: UInt64 = 0
        var count: UInt16 = 0
        var titleCount: UInt16 = 0
        var first: Int32 = 0
    }
    var entries: [Entry]
    var occupied: [Int32] = []
    var count: Int { occupied.count }
    let mask: Int

    init(capacity: Int) {
        var size = 64
        while size < capacity + capacity / 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(), count: size)
        mask = size - 1
        occupied.reserveCapacity(capacity)
    }

    @inline(__always) mutating func add(_ key0: UInt64, first: Int, inTitle: Bool) {
        let key = key0 == 0 ? 1 : key0
        var i = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while entries[i].key != 0 && entries[i].key != key { i = (i + 1) & mask }
        if entries[i].key == 0 {
            entries[i].key = key
            entries[i].first = Int32(first)
            occupied.append(Int32(i))
        }
        entries[i].count &+= 1
        if inTitle { entries[i].titleCount &+= 1 }
    }
}

/// ln(1 + k) for small k (document frequencies are mostly small).
let logOnePlus: [Double] = (0..<256).map { log(1 + Double($0)) }

// MARK: - body layout

/// Where the body's paragraphs and lead are, in UTF-8 offsets (one scan for newlines).
struct BodyLayout {
    /// Byte offset where each part starts: the paragraphs when there are at least three, else
    /// the thirds of the text.
    var partStarts: [Int] = [0]
    /// Mentions that start before this offset are in the lead: the first paragraph (a short one,
    /// such as a dateline, is joined to the next), at least 12 and at most 60 words.
    var leadEnd = 0

    init(_ body: String, _ tokens: [Token]) {
        var paragraphs: [Int] = []
        let n = body.utf8.count
        withTextBytes(body) { b in
            // paragraph = the first non-blank byte after a line break (memchr finds the breaks)
            var i = 0
            while i < b.n {
                while i < b.n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A) { i += 1 }
                if i >= b.n { break }
                paragraphs.append(i)
                guard let nl = memchr(b.p + i, 0x0A, b.n - i) else { break }
                i = b.p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        if paragraphs.count >= 3 {
            partStarts = paragraphs
        } else if n >= 3 {
            partStarts = [0, n / 3, 2 * n / 3]
        }
        var lead = paragraphs.count > 1 ? paragraphs[1] : n
        if lead - (paragraphs.first ?? 0) < 80, paragraphs.count > 2 { lead = paragraphs[2] }
        if !tokens.isEmpty {
            lead = max(lead, tokens[min(11, tokens.count - 1)].end)
            if tokens.count > 60 { lead = min(lead, tokens[59].end) }
        }
        leadEnd = lead
    }

    func part(ofByte o: Int) -> Int {
        var lo = 0, hi = partStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if partStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

// MARK: - document words

/// Title and body as one sequence of words, with what the key-phrase pass needs per word.
struct Document {
    struct Word {
        var stemIndex: Int32       // index into the field's Analysis.stems; -1: not a phrase word
        var stemKey: UInt64        // stemHash of the stem
        var canStart: Bool         // false for name links (بن)
        var canEnd: Bool           // false for name links and heads (بن، أبو، عبد)
        var inTitle: Bool
        var breakBefore: Bool      // punctuation (or the title/body boundary) before this word
        var start: Int32
        var end: Int32
        var bodyIndex: Int32       // index among body tokens (-1 in the title)
    }

    let title: String
    let body: String
    let titleStems: [String]
    let bodyStems: [String]
    let titleTokens: [Token]
    let bodyTokens: [Token]
    var words: [Word] = []
    var titleWordCount = 0
    var bodyWordCount = 0
    /// Words that can be part of a phrase.
    var phraseWordCount: Int { words.reduce(0) { $0 + ($1.stemIndex != -1 ? 1 : 0) } }

    init(title: String, body: String, titleAnalysis: Analysis, bodyAnalysis: Analysis, gazetteer: Gazetteer) {
        self.title = title
        self.body = body
        titleStems = titleAnalysis.stems
        bodyStems = bodyAnalysis.stems
        titleTokens = titleAnalysis.tokens
        bodyTokens = bodyAnalysis.tokens
        titleWordCount = titleAnalysis.tokens.count
        bodyWordCount = bodyAnalysis.tokens.count
        let hashes = gazetteer.cueHashes
        let total = titleWordCount + bodyWordCount
        // One word per token, written in place (no per-word append bookkeeping).
        words = [Word](unsafeUninitializedCapacity: total) { buf, initialized in
            let base = buf.baseAddress!
            Self.fill(base, title, titleAnalysis, inTitle: true, hashes)
            Self.fill(base + titleAnalysis.tokens.count, body, bodyAnalysis, inTitle: false, hashes)
            initialized = total
        }
    }

    /// Writes one word per token of `a` to `out`.
    private static func fill(_ out: UnsafeMutablePointer<Word>, _ text: String, _ a: Analysis, inTitle: Bool,
                             _ hashes: CueHashes) {
        let phraseFlags = hashes.phraseFlags
        let keyArray = a.keys.count == a.tokens.count ? a.keys : Matcher.keys(a.tokens)
        keyArray.withUnsafeBufferPointer { keys in
        a.tokens.withUnsafeBufferPointer { tokens in
          a.terms.withUnsafeBufferPointer { terms in
            a.stems.withUnsafeBufferPointer { stems in
            withTextBytes(text) { bytes in
                let tokenReader = WordBits.TokenReader(tokens)
                let termReader = WordBits.StringReader(terms)
                let stemReader = WordBits.StringReader(stems)
                var j = 0
                var prevEnd = 0
                // token offsets read in place (a `Token` copy retains its text)
                let raw = UnsafeRawPointer(tokens.baseAddress)
                let stride = MemoryLayout<Token>.stride
                let startOffset = MemoryLayout<Token>.offset(of: \Token.start)!
                let endOffset = MemoryLayout<Token>.offset(of: \Token.end)!
                for i in 0..<tokens.count {
                    let start = raw!.load(fromByteOffset: i * stride + startOffset, as: Int.self)
                    let end = raw!.load(fromByteOffset: i * stride + endOffset, as: Int.self)
                    let packed = tokenReader.packed(i)
                    // Terms are the tokens minus stopwords and single letters, in order; equal texts
                    // have equal status, so a byte comparison realigns them.
                    var isTerm = false
                    if j < terms.count {
                        let t = termReader.packed(j)
                        if let w = packed, let t { isTerm = w == t }
                        else if packed == nil && t == nil {
                            // the analyzer appends the token's own string to the terms: the same
                            // storage is the same bytes
                            isTerm = termReader.sameBits(j, tokenReader, i) || sameBytes(tokens[i].text, terms[j])
                        }
                    }
                    // key of the word, of the word minus a leading و/ف, and its kind:
                    // 0 has a digit (no phrase word), 2 و/ف + more than 3 letters, 1 otherwise
                    let h = keys[i]
                    var first: UInt8, second: UInt8, n: Int
                    var digit = false
                    if let w = packed {
                        n = w.count; first = n > 0 ? w[0] : 0; second = n > 1 ? w[1] : 0
                        if w.hasASCII { for b in 0..<n where w[b] >= 0x30 && w[b] <= 0x39 { digit = true; break } }
                    } else {
                        let t = tokens[i].text
                        n = t.utf8.count
                        first = t.utf8.first ?? 0; second = n > 1 ? t.utf8[t.utf8.index(after: t.utf8.startIndex)] : 0
                        digit = withUTF8Copy(t) { p, m in
                            for b in 0..<m where p[b] >= 0x30 && p[b] <= 0x39 { return true }
                            return false
                        }
                    }
                    let kind = digit ? 0
                        : (n > 6 && first == 0xD9 && (second == 0x88 || second == 0x81)) ? 2 : 1
                    var stemIndex: Int32 = -1
                    var key: UInt64 = 0
                    var canStart = true, canEnd = true
                    let flags = phraseFlags.value(h)       // 1 generic, 2 name link, 4 name head
                    if isTerm {
                        var generic = kind == 0 || flags & 1 != 0
                        if !generic && kind == 2 {
                            let tailKey = packed.map { $0.dropFirst(2).key }
                                ?? withUTF8Copy(tokens[i].text) { p, m in wordKey(p + 2, m - 2) }
                            generic = phraseFlags.value(tailKey) & 1 != 0
                        }
                        if !generic {
                            stemIndex = Int32(j)
                            key = stemReader.packed(j)?.key ?? stemHash(stems[j])
                        }
                        j += 1
                    }
                    if flags & 6 != 0 {
                        // a word that only joins or opens a name (بن، أبو): inside phrases only
                        stemIndex = isTerm ? Int32(j - 1) : -2
                        key = h
                        canEnd = false
                        canStart = flags & 2 == 0
                    }
                    var brk = i == 0
                    if i > 0 {
                        var k = prevEnd
                        if start == k + 1 && bytes[k] == 0x20 { k = start }     // one space: the usual gap
                        while k < start {
                            let c = bytes[k]
                            if c == 0x20 || c == 0x09 || c == 0x0D { }
                            else if c == 0xC2 && k + 1 < start && bytes[k + 1] == 0xA0 { k += 1 }
                            else if c == 0xE2 && k + 2 < start && bytes[k + 1] == 0x80 && bytes[k + 2] >= 0x8B && bytes[k + 2] <= 0x8F { k += 2 }
                            else { brk = true }
                            k += 1
                        }
                    }
                    prevEnd = end
                    (out + i).initialize(to: Word(stemIndex: stemIndex, stemKey: key, canStart: canStart, canEnd: canEnd,
                                                  inTitle: inTitle, breakBefore: brk, start: Int32(start), end: Int32(end),
                                                  bodyIndex: inTitle ? -1 : Int32(i)))
                }
            }
            }
          }
        }
        }
    }
    /// Takes the tokens of entity mentions out of the phrase candidates (tags already name them).
    mutating func mask(_ mentions: [ResolvedMention], inTitle: Bool) {
        let offset = inTitle ? 0 : titleWordCount
        for m in mentions {
            for k in m.firstToken..<(m.firstToken + m.tokenCount) where offset + k < words.count {
                words[offset + k].stemIndex = -1
            }
        }
    }

    /// Takes body tokens `range` out of the phrase candidates.
    mutating func mask(bodyTokens range: Range<Int>) {
        for k in range where titleWordCount + k < words.count { words[titleWordCount + k].stemIndex = -1 }
    }

    /// Is word `i` a particle or a preposition with an attached pronoun, or after و / ف (منكم،
    /// بيننا، معك، غيره، وفيه، لكنني، فكل، لأنه)? A stopword once و / ف before it and the pronoun
    /// after it are left out, and ل too where a pronoun was: no topic. The pronoun ي only after
    /// two letters (مني، ضدي: ذكرى is a noun), ه only as written (لفتة is no لفت + ه).
    /// (The corpus' word forms tell it too, where it has them often enough:
    /// `WordForms.hasPronounSuffix`.)
    func isParticleWithPronoun(_ i: Int, isStopword: (String) -> Bool) -> Bool {
        let t = token(i)
        return withUTF8Copy(t.text) { p, m -> Bool in
            guard m >= 6 else { return false }
            @inline(__always) func at(_ k: Int) -> UInt16 { WordForms.letter(p, m, k) }
            let lead = at(0) == WordForms.waw || at(0) == WordForms.fa                        // و ف
            let a = lead ? 2 : 0
            var b = m, pronoun = false
            for suffix in Document.pronounSuffixes {
                let n = 2 * suffix.count
                guard b - a - n >= 4, (0..<suffix.count).allSatisfy({ at(b - n + 2 * $0) == suffix[$0] }) else { continue }
                if suffix == [WordForms.ya] && b - a != 6 { break }
                if suffix == [WordForms.ha] && !Tagger.endsInWrittenHa(i < titleWordCount ? title : body, t) { break }
                b -= n
                pronoun = true
                break
            }
            // (nothing left out: a stopword as written is no candidate to begin with)
            guard lead || pronoun else { return false }
            func stopword(from s: Int) -> Bool {
                isStopword(String(decoding: UnsafeBufferPointer(start: p + s, count: b - s), as: UTF8.self))
            }
            if stopword(from: a) { return true }
            return pronoun && b - a >= 8 && at(a) == WordForms.lam && stopword(from: a + 2)                   // ل
        }
    }

    /// Attached pronouns, longest first, as normalized letters: كما هما كم هم هن ها نا ني ه ك ي.
    static let pronounSuffixes: [[UInt16]] = {
        let k: UInt16 = 0xD983, m: UInt16 = 0xD985, a: UInt16 = 0xD8A7, h = WordForms.ha, n = WordForms.nun, y = WordForms.ya
        return [[k, m, a], [h, m, a], [k, m], [h, m], [h, n], [h, a], [n, a], [n, y], [h], [k], [y]]
    }()

    /// Is word `i`, as the analyzer normalized it (proclitics and all: بخط is three), two Arabic
    /// letters?
    func isTwoArabicLetters(_ i: Int) -> Bool {
        withUTF8Copy(token(i).text) { p, m in m == 4 && (0xD8...0xDB).contains(p[0]) && (0xD8...0xDB).contains(p[2]) }
    }

    /// Is every word of the phrase at `i` (`n` words) a vague word (`CueHashes.vagueStems`)?
    func isVague(_ i: Int, _ n: Int, _ vague: HashMap64) -> Bool {
        for k in i..<min(words.count, i + n) where vague.value(words[k].stemKey) == 0 { return false }
        return true
    }

    /// Stems of words i..<i+n (for term strings; a name link stands for itself).
    func stems(_ i: Int, _ n: Int) -> [String] {
        (i..<(i + n)).map { k in
            let w = words[k]
            if w.stemIndex >= 0 { return (w.inTitle ? titleStems : bodyStems)[Int(w.stemIndex)] }
            return token(k).text
        }
    }

    /// Calls `body(key, firstWord, length)` for every run of 1…maxLength phrase words inside
    /// one sentence that neither starts nor ends with a name link.
    func forEachNGram(maxLength: Int, _ body: (UInt64, Int, Int) -> Void) {
        let count = words.count
        words.withUnsafeBufferPointer { w in
            for i in 0..<count {
                guard w[i].stemIndex != -1, w[i].canStart else { continue }
                var key: UInt64 = 0
                var n = 0
                while n < maxLength && i + n < count {
                    let x = w[i + n]
                    guard x.stemIndex != -1, n == 0 || !x.breakBefore else { break }
                    key = n == 0 ? x.stemKey : appendTermKey(key, x.stemKey)
                    n += 1
                    if x.canEnd { body(key, i, n) }
                }
            }
        }
    }

    /// The length of the n-gram starting at word `i` whose term key is `key`.
    func length(ofPhraseAt i: Int, key: UInt64, maxLength: Int) -> Int {
        var k: UInt64 = 0
        var n = 0
        while n < maxLength && i + n < words.count {
            let x = words[i + n]
            guard x.stemIndex != -1, n == 0 || !x.breakBefore else { break }
            k = n == 0 ? x.stemKey : appendTermKey(k, x.stemKey)
            n += 1
            if (k == 0 ? 1 : k) == key && x.canEnd { return n }
        }
        return max(n, 1)
    }

    /// Do two phrases share a stem ("قمرا صناعيا" and "صناعيا جديدا")?
    func sharesStem(_ a: Int, _ na: Int, _ b: Int, _ nb: Int) -> Bool {
        for i in a..<(a + na) {
            for j in b..<(b + nb) where words[i].stemKey == words[j].stemKey { return true }
        }
        return false
    }

    /// Do the stem sequences of two phrases contain one another?
    func overlapsByStems(_ a: Int, _ na: Int, _ b: Int, _ nb: Int) -> Bool {
        let (long, nl, short, ns) = na >= nb ? (a, na, b, nb) : (b, nb, a, na)
        for s in 0...(nl - ns) {
            var all = true
            for k in 0..<ns where words[long + s + k].stemKey != words[short + k].stemKey { all = false; break }
            if all { return true }
        }
        return false
    }

    /// Where to show the phrase of term key `key` (as stored in an `NGramTable`) and `n` words
    /// that occurs at `first`: the earliest occurrence whose first word starts with ال (الليرة,
    /// السكك الحديدية — not للسكك), else with no letter that can be a proclitic, else with ب / ل /
    /// ك (بيغ شو, not وبيغ شو), else the first. A key-phrase tag's slug is made from its
    /// display, so articles that write the phrase with other proclitics then share one tag.
    func displayStart(key: UInt64, count n: Int, first: Int) -> Int {
        withTextBytes(title) { tb in withTextBytes(body) { bb in
            func rank(_ i: Int) -> Int {
                let w = words[i]
                let bytes = w.inTitle ? tb : bb
                let s = Int(w.start)
                guard Int(w.end) - s >= 4 else { return 1 }
                let first = bytes.letter(at: s)
                if first == 0xD8A7 && bytes.letter(at: s + 2) == 0xD984 { return 0 }   // ال
                if first == 0xD988 || first == 0xD981 { return 3 }                    // و ف
                if first == 0xD8A8 || first == 0xD984 || first == 0xD983 { return 2 } // ب ل ك
                return 1
            }
            var best = first, bestRank = rank(first)
            let head = words[first].stemKey
            var i = 0
            while i + n <= words.count && bestRank > 0 {
                defer { i += 1 }
                guard i != first, words[i].stemKey == head, termKey(at: i, count: n) == key else { continue }
                let r = rank(i)
                if r < bestRank || (r == bestRank && i < best) { best = i; bestRank = r }
            }
            return best
        } }
    }

    /// The term key of words i..<i+n as an `NGramTable` stores it (0 read as 1), when they form
    /// a phrase `forEachNGram` would give; nil otherwise.
    func termKey(at i: Int, count n: Int) -> UInt64? {
        guard n > 0, i + n <= words.count, words[i].canStart, words[i + n - 1].canEnd else { return nil }
        var k: UInt64 = 0
        for m in 0..<n {
            let x = words[i + m]
            if x.stemIndex == -1 || (m > 0 && x.breakBefore) { return nil }
            k = m == 0 ? x.stemKey : appendTermKey(k, x.stemKey)
        }
        return k == 0 ? 1 : k
    }

    /// The phrase as written: harakat, tatweel and controls dropped, spaces collapsed, and a
    /// leading conjunction و / ف dropped when the word is و + ال… (والمكتبات → المكتبات).
    /// `skip`: bytes of the first word's normalized text to leave out (`tagDisplaySkip`), taken
    /// off as that many letters' worth of the text as written.
    func display(from i: Int, count n: Int, skip: Int = 0) -> String {
        let first = words[i], last = words[i + n - 1]
        let text = first.inTitle ? title : body
        return withTextBytes(text) { bytes in
            let start = skip > 0 ? Matcher.skipLetters(bytes, from: Int(first.start), to: Int(first.end), count: skip / 2)
                : Int(first.start)
            return cleanText(bytes, start, Int(last.end), dropLeadingConjunction: true)
        }
    }
}

/// Text of bytes `from..<to` as written, without harakat, tatweel and controls, spaces collapsed;
/// with `dropLeadingConjunction`, a leading و / ف goes when the word is و + ال… (والمكتبات →
/// المكتبات), and a fused لل is written ال (للرواية الهزلية → الرواية الهزلية: a phrase found
/// only after ل was shown with it). Kept scalars are re-encoded into a byte buffer (a String built scalar by scalar
/// costs hundreds of instructions per scalar).
/// End of the first word of `p[0..<m]` (its first space, or `m`).
private func wordEnd(_ p: UnsafeMutablePointer<UInt8>, _ m: Int) -> Int {
    var e = 0
    while e < m && p[e] != 0x20 { e += 1 }
    return e
}

func cleanText(_ bytes: TextBytes, _ from: Int, _ to: Int, dropLeadingConjunction: Bool) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * max(0, to - from) + 8) { buf in
        let out = buf.baseAddress!
        var m = 0
        var scalars = 0
        var k = from
        var pendingSpace = false
        while k < to {
            let (v, len) = decode(bytes, k)
            k += len
            if isMarkOrControl(v) { continue }
            if v == 0x20 || v == 0x0A || v == 0x09 || v == 0xA0 || v == 0x0D { pendingSpace = true; continue }
            if pendingSpace && m > 0 { out[m] = 0x20; m += 1; scalars += 1 }
            pendingSpace = false
            guard v < 0xD800 || (v >= 0xE000 && v <= 0x10FFFF) else { continue }
            if v < 0x80 {
                out[m] = UInt8(v); m += 1
            } else if v < 0x800 {
                out[m] = UInt8(0xC0 | (v >> 6)); out[m + 1] = UInt8(0x80 | (v & 0x3F)); m += 2
            } else if v < 0x10000 {
                out[m] = UInt8(0xE0 | (v >> 12)); out[m + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                out[m + 2] = UInt8(0x80 | (v & 0x3F)); m += 3
            } else {
                out[m] = UInt8(0xF0 | (v >> 18)); out[m + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                out[m + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[m + 3] = UInt8(0x80 | (v & 0x3F)); m += 4
            }
            scalars += 1
        }
        // و / ف + ال… (at least 4 scalars after the conjunction): drop the conjunction
        var start = 0
        if dropLeadingConjunction && m >= 6 && out[0] == 0xD9 && (out[1] == 0x88 || out[1] == 0x81) && scalars - 1 >= 4 {
            let a0 = out[2], a1 = out[3]
            let alef = a0 == 0xD8 && (a1 == 0xA7 || a1 == 0xA5 || a1 == 0xA3)     // ا إ أ
            // (not والد + a pronoun or ة: والدته is no و + الدته)
            if alef && out[4] == 0xD9 && out[5] == 0x84 && !WordForms.isParentWord(out, wordEnd(out, m)) { start = 2 } // ل
        }
        // (و / ف +) لل + three letters or more: ل + ال…, shown as ال…
        if dropLeadingConjunction {
            var s = start
            if s == 0 && m >= 12 && out[0] == 0xD9 && (out[1] == 0x88 || out[1] == 0x81) && out[2] == 0xD9 && out[3] == 0x84 { s = 2 }
            if m - s >= 10 && out[s] == 0xD9 && out[s + 1] == 0x84 && out[s + 2] == 0xD9 && out[s + 3] == 0x84
                && out[s + 4] >= 0xD8 && out[s + 4] <= 0xDB {
                out[s] = 0xD8; out[s + 1] = 0xA7
                start = s
            }
        }
        return String(decoding: UnsafeBufferPointer(start: out + start, count: m - start), as: UTF8.self)
    }
}
