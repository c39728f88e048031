import KhabarArabic

/// How the corpus writes a word: with the article (ال, alone or after و/ف and ب/ك/ل, or fused
/// لل) or without it.
///
/// Arabic nouns and adjectives take the article; verbs, particles and foreign names never do, and
/// a noun in the indefinite accusative (شخصا، يوميا) cannot in that form. So the documents that
/// write a word with ال tell a noun from a verb without a part-of-speech tagger: السيارة is
/// written, السيكون is not. `TermStatistics` counts both forms per document, under salted word
/// keys in its term table (`definiteKey`, `bareKey`); key-phrase tags (`Document.isTagPhrase`)
/// and the names of people the gazetteer does not know (`nameWord`, `Tagger.nameCore`) read them.
enum WordForms {
    static let definiteSalt: UInt64 = 0xA5C3_19E7_D24B_6F81
    static let bareSalt: UInt64 = 0x3B7D_E05A_91C6_4F29

    /// The statistics key of "the word `key` was written with the article" (`key`: the word after ال).
    @inline(__always) static func definiteKey(_ key: UInt64) -> UInt64 { key ^ definiteSalt }
    /// The statistics key of "the word `key` was written as it is, with no article".
    @inline(__always) static func bareKey(_ key: UInt64) -> UInt64 { key ^ bareSalt }

    // normalized letters as big-endian byte pairs
    static let alef: UInt16 = 0xD8A7, lam: UInt16 = 0xD984, waw: UInt16 = 0xD988, fa: UInt16 = 0xD981
    static let ba: UInt16 = 0xD8A8, kaf: UInt16 = 0xD983, ya: UInt16 = 0xD98A, ta: UInt16 = 0xD8AA
    static let nun: UInt16 = 0xD986, sin: UInt16 = 0xD8B3, ha: UInt16 = 0xD987, mim: UInt16 = 0xD985

    /// The letter (two bytes, big-endian) at byte `k` of `p[0..<m]`, 0 past the end.
    @inline(__always) static func letter(_ p: UnsafePointer<UInt8>, _ m: Int, _ k: Int) -> UInt16 {
        k + 1 < m ? UInt16(p[k]) << 8 | UInt16(p[k + 1]) : 0
    }

    /// Whether the normalized word is written with the article (الجيش، للرئيس، والحكومة).
    static func isDefinite(_ word: String) -> Bool {
        withUTF8Copy(word) { p, m in articleEnd(p, m) != nil }
    }

    /// Where the word after the article starts in the normalized word `p[0..<m]` (ال…، وال…، بال…،
    /// وبال…، لل…، ولل…), with at least two letters after it; nil when the word has no article.
    static func articleEnd(_ p: UnsafePointer<UInt8>, _ m: Int) -> Int? {
        @inline(__always) func at(_ k: Int) -> UInt16 { letter(p, m, k) }
        @inline(__always) func article(_ k: Int) -> Int? {
            if at(k) == alef && at(k + 2) == lam && m - (k + 4) >= 4 { return k + 4 }
            return nil
        }
        // fused لل (ل + ال): the article's alef is not written
        @inline(__always) func fused(_ k: Int) -> Int? {
            at(k) == lam && at(k + 2) == lam && m - (k + 4) >= 4 ? k + 4 : nil
        }
        if let e = article(0) { return e }
        var o = 0
        let c0 = at(0)
        if c0 == waw || c0 == fa {
            if let e = article(2), !isParentWord(p, m) { return e }
            o = 2
        }
        let c = at(o)
        if c == ba || c == kaf || c == lam, let e = article(o + 2) { return e }
        return fused(o)
    }

    /// Endings of والد (father, mother, parents) with its pronouns, after its د (ة written or
    /// normalized to ه): والده، والدة، والدته، والدتي، والدها، والديه، والدان. Such a word is no
    /// و + ال + a word of two or three letters (الده، الدتي are none). والدين stays ambiguous
    /// (and religion: و + الدين).
    private static let parentEndings: Set<[UInt16]> = {
        let h: UInt16 = 0xD987, t: UInt16 = 0xD8AA, y: UInt16 = 0xD98A, a: UInt16 = 0xD8A7, n: UInt16 = 0xD986
        let m: UInt16 = 0xD985, k: UInt16 = 0xD983
        return [[h], [h, a], [h, m], [h, m, a], [y], [y, h], [y, h, a], [y, h, m], [t, h], [t, h, a], [t, h, m],
                [t, y], [t, k], [k], [a, n], [n, a], [t, n, a]]
    }()

    /// Is the word `p[0..<m]` (normalized, or as written with ة) والد + one of `parentEndings`?
    static func isParentWord(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard m >= 10, m <= 16, letter(p, m, 0) == waw, letter(p, m, 2) == alef, letter(p, m, 4) == lam,
              letter(p, m, 6) == 0xD8AF else { return false }                                    // و ا ل د
        var rest: [UInt16] = []
        var k = 8
        while k + 1 < m { let l = letter(p, m, k); rest.append(l == 0xD8A9 ? ha : l); k += 2 }   // ة → ه
        return parentEndings.contains(rest)
    }

    /// Where the word after a written ال starts when only و / ف may precede it (الأزمة،
    /// والأزمة): the forms counted as definite. After ب / ك / ل or in a fused لل the article may
    /// be the start of a name (كاليدونيا، بالتيمور), so those count as bare words.
    static func plainArticleEnd(_ p: UnsafePointer<UInt8>, _ m: Int) -> Int? {
        guard let e = articleEnd(p, m), letter(p, m, e - 4) == alef else { return nil }
        if e == 4 { return e }
        let c0 = letter(p, m, 0)
        return e == 6 && (c0 == waw || c0 == fa) ? e : nil
    }

    /// Adds the form keys of `tokens` (their `keys`, `Analysis.keys`) to a document's key set:
    /// each word once as definite (keyed by the word after the article) or as bare.
    static func add(_ tokens: [Token], _ keys: [UInt64], into set: inout Set<UInt64>) {
        guard keys.count == tokens.count else { return }
        for (i, t) in tokens.enumerated() {
            let key = withUTF8Copy(t.text) { p, m in
                plainArticleEnd(p, m).map { definiteKey(wordKey(p + $0, m - $0)) } ?? bareKey(keys[i])
            }
            set.insert(key)
        }
    }
}

// MARK: - key-phrase tags

extension Document {
    /// The token of word `i` (title words first).
    func token(_ i: Int) -> Token {
        i < titleWordCount ? titleTokens[i] : bodyTokens[i - titleWordCount]
    }

    /// Bytes of proclitic letters word `i` carries before itself or its article: و ف ب ك ل
    /// before ال (والأهلي، بالتهاب، للفوز), or, read with the corpus' word forms, before a word
    /// the corpus writes with the article while never writing the whole word so (بأزمة: الأزمة
    /// but no البأزمة; ولاية is no و + لاية, الولاية being written), or at least twice as often
    /// without them. 0 for none.
    func procliticLength(_ i: Int, _ statistics: TermStatistics?) -> Int {
        withUTF8Copy(token(i).text) { p, m in WordForms.procliticLength(p, m, statistics) }
    }

    /// Could words first..<first+n be a tag, a noun phrase a reader browses by? Not when a
    /// further word carries a proclitic (a conjunction or a preposition: الأسر لحمايتهم، الهلال
    /// والأهلي), nor when a word reads as a verb or an adverbial accusative
    /// (`WordForms.isVerbLike`: يواصلون، يحل مشكلة، برميل يوميا), nor when one carries an attached
    /// pronoun (`WordForms.hasPronounSuffix`: إعدامها، هواتفهم: someone's, no topic).
    func isTagPhrase(_ first: Int, _ n: Int, _ statistics: TermStatistics?) -> Bool {
        for i in first..<(first + n) {
            // (only a word that ends in ه once normalized may end in ه as written)
            let writtenHa = Tagger.endsInWrittenHa(i < titleWordCount ? title : body, token(i))
            let foreign = withUTF8Copy(token(i).text) { p, m -> Bool in
                let c = WordForms.procliticLength(p, m, statistics)
                // (a first word that opens with a preposition the corpus is too thin to read off
                // for `tagDisplaySkip` makes an adverbial, no topic: كأكبر جهة، بحمولة عسكرية، كفريق)
                return (i > first && c > 0) || (i == first && c == 0 && WordForms.opensWithPreposition(p, m, statistics))
                    || WordForms.isVerbLike(p, m, statistics, proclitic: c)
                    || WordForms.hasPronounSuffix(p + c, m - c, statistics, writtenHa: writtenHa)
                    // (someone's parent, والده، والدتي، والديه: no topic, however seldom the
                    // corpus writes الوالد for `hasPronounSuffix` to tell)
                    || WordForms.isParentWord(p + c, m - c)
                    || WordForms.isShortVerb(p, m, statistics)
            }
            if foreign || stemDropsPronoun(i) { return false }
        }
        return true
    }

    /// Is word `first` (a key phrase's first word) an adjective wherever the article has it?
    /// Every unmasked word with its stem follows, with nothing but space between, a word that is
    /// no stopword and agrees with it:
    /// - written with a bare ال and shaped as an adjective (a participle in م، a nisba in ي، a
    ///   feminine in ة) after a definite word, or a noun with its pronoun (المحادثات التجارية،
    ///   المحتوى المحذوف، مكاسبه الأولية);
    /// - bare, a feminine nisba (ـية, not ـاية nor تفعلة: ولاية، رعاية، تغطية are nouns) that the
    ///   corpus also writes with ال as it is (not إشبيلية, which follows verbs: نجح إشبيلية; nor
    ///   بكمية, كمية with ب), after a bare word (ثماني هزائم متتالية).
    /// Such a word says what kind its noun is: alone it names no topic, and a phrase it opens has
    /// left its noun out (العالمية الثانية of الحرب العالمية الثانية). A noun the article also has
    /// on its own (الأسهم after a verb or a preposition) stays, and so does a verbal noun after
    /// its subject (بإمكان البشر الإنجاب).
    func isModifierOnly(_ first: Int, _ statistics: TermStatistics?, isStopword: (String) -> Bool) -> Bool {
        let stem = words[first].stemKey
        for i in 0..<words.count where words[i].stemKey == stem && words[i].stemIndex >= 0 {
            // (title and body: a word at the start of either has a break before it)
            if i == 0 || words[i].breakBefore { return false }
            let word = token(i).text, previous = token(i - 1).text
            // true: a definite adjective; false: a bare one; nil: neither
            let definite = withUTF8Copy(word) { p, m -> Bool? in
                @inline(__always) func at(_ k: Int) -> UInt16 { WordForms.letter(p, m, k) }
                if WordForms.plainArticleEnd(p, m) == 4 {
                    return at(4) == WordForms.mim || at(m - 2) == WordForms.ya || at(m - 2) == WordForms.ha ? true : nil
                }
                guard WordForms.articleEnd(p, m) == nil, m >= 10, at(m - 2) == WordForms.ha, at(m - 4) == WordForms.ya,
                      at(m - 6) != WordForms.alef, !(m == 10 && at(0) == WordForms.ta),
                      (statistics?.forms(of: wordKey(p, m))?.definite ?? 0) >= 1 else { return nil }
                return false
            }
            // the word before: definite, with three letters after its article at least (الاف is
            // آلاف "thousands") or with an attached pronoun (مكاسبه الأولية), or bare
            let writtenHa = Tagger.endsInWrittenHa(i - 1 < titleWordCount ? title : body, token(i - 1))
            guard let definite, !isStopword(previous), withUTF8Copy(previous, { p, m in
                WordForms.articleEnd(p, m).map { definite && m - $0 >= 6 }
                    ?? (definite ? WordForms.hasPronounSuffix(p, m, statistics, writtenHa: writtenHa) : true)
            }) else { return false }
        }
        return true
    }

    /// Is the phrase of `n` words at `first` cut inside a construct wherever the article has
    /// it: its last word bare and followed, with nothing but space between, by a definite word
    /// that is neither a stopword nor a generic word (`generic`: the cue lists' key-phrase flags)
    /// nor a nisba after a word the corpus never writes with ال (a name and its adjective)?
    /// The phrase then leaves out what its head is of (استخدام نظام التعرف، ملاعب كرة القدم،
    /// تراجع الدولار): the construct is the topic, not its first part. A phrase the article also
    /// ends anywhere else (حادثة طعن. …، سعر التذكرة) stays, and so does one before a time word
    /// (قوات أمريكية الأسبوع الماضي).
    func isCutConstruct(_ first: Int, _ n: Int, _ statistics: TermStatistics?, isStopword: (String) -> Bool,
                        generic: HashMap64) -> Bool {
        guard first + n <= words.count else { return false }
        var found = false
        for i in 0...(words.count - n) where words[i].stemKey == words[first].stemKey {
            // an occurrence: the same stems, all phrase words, no break inside
            var same = true
            for k in 0..<n where words[i + k].stemIndex < 0 || words[i + k].stemKey != words[first + k].stemKey
                || (k > 0 && words[i + k].breakBefore) { same = false; break }
            guard same else { continue }
            found = true
            let last = i + n - 1, next = last + 1
            guard next < words.count, !words[next].breakBefore else { return false }
            let lastWord = token(last).text, nextWord = token(next).text
            guard withUTF8Copy(lastWord, { p, m in WordForms.articleEnd(p, m) == nil }),
                  let nisba = withUTF8Copy(nextWord, { p, m -> Bool? in
                      guard WordForms.plainArticleEnd(p, m) == 4 else { return nil }
                      let last = WordForms.letter(p, m, m - 2)
                      return last == WordForms.ya || last == WordForms.ha && WordForms.letter(p, m, m - 4) == WordForms.ya
                  }),
                  !isStopword(nextWord), generic.value(wordKey(nextWord)) & 1 == 0 else { return false }
            // (a nisba after a word the corpus never writes with ال is a name's adjective:
            // كارولينا الشمالية، بوشهر النووية)
            if nisba && (statistics?.forms(of: wordKey(lastWord))?.definite ?? 0) == 0 { return false }
        }
        return found
    }

    /// Does word `i` end in an attached pronoun (ها، هم، هما، هن، كم، كن) that the analyzer's
    /// stemmer read off, its stem of three letters or more lying within the word before it
    /// (محركها: محرك، مكتبتها: مكتب، بأصواتهم: باصو)? Where the corpus is too small for
    /// `WordForms.hasPronounSuffix`, the stemmer still tells: it keeps الأسهم، درهم، التهم whole,
    /// and أبها leaves a stem of two letters. (نا is left alone: names end so, ريانا، مينا.)
    func stemDropsPronoun(_ i: Int) -> Bool {
        guard let s = stem(i) else { return false }
        let word = Array(token(i).text.utf8), stem = Array(s.utf8)
        let suffixes: [[UInt8]] = [[0xD9, 0x87, 0xD9, 0x85, 0xD8, 0xA7],                       // هما
                                   [0xD9, 0x87, 0xD8, 0xA7], [0xD9, 0x87, 0xD9, 0x85],           // ها هم
                                   [0xD9, 0x87, 0xD9, 0x86], [0xD9, 0x83, 0xD9, 0x85],           // هن كم
                                   [0xD9, 0x83, 0xD9, 0x86]]                                     // كن
        guard stem.count >= 6, let sfx = suffixes.first(where: { word.count > $0.count && word.suffix($0.count).elementsEqual($0) }) else {
            return false
        }
        let before = word[0..<(word.count - sfx.count)]
        guard stem.count <= before.count else { return false }
        // the stem within the word before the pronoun (after its proclitics, before a ت of ة)
        return (0...(before.count - stem.count)).contains { o in before[o..<(o + stem.count)].elementsEqual(stem) }
    }

    /// Does word `i` start with و that its stem has not (the analyzer read it as a conjunction)?
    func stemDropsLeadingWaw(_ i: Int) -> Bool {
        guard token(i).text.utf8.starts(with: [0xD9, 0x88]), let s = stem(i) else { return false }
        return !s.utf8.starts(with: [0xD9, 0x88])
    }

    /// The analyzer's stem of word `i` (nil for a word that is no phrase word).
    func stem(_ i: Int) -> String? {
        let k = Int(words[i].stemIndex), stems = i < titleWordCount ? titleStems : bodyStems
        return k >= 0 && k < stems.count ? stems[k] : nil
    }

    /// Bytes to leave out at the start of word `i` when a tag shows it: ب / ل before a bare word
    /// (بأزمة قلبية → أزمة قلبية), or ب / ك before the article (بالتهاب → التهاب).
    /// و / ف before the article and a fused لل are `cleanText`'s.
    /// Nothing without word-form statistics.
    func tagDisplaySkip(_ i: Int, _ statistics: TermStatistics?) -> Int {
        guard let st = statistics, st.wordFormDocuments >= TermStatistics.minimumWordFormDocuments else { return 0 }
        let stemDropsWaw = stemDropsLeadingWaw(i)
        return withUTF8Copy(token(i).text) { p, m in
            // و that the stemmer reads off too (وقتل: قتل، وابتزاز: ابتزاز; not وزير، ولاية) before
            // a word the corpus has twice or more, and twice as often as the whole (not ويندوز،
            // وقوع، وايت: يندوز، قوع never, ايت hardly), also where the corpus is too small for
            // `procliticLength` to tell; a rest of three letters only when the whole is seen too
            // (وردة is no و + رده "his reply", ويلو no و + يلو)
            if stemDropsWaw, m >= 8, WordForms.articleEnd(p, m) == nil,
               let whole = st.forms(of: wordKey(p, m)), let rest = st.forms(of: wordKey(p + 2, m - 2)),
               WordForms.seen(rest) >= 2, WordForms.seen(rest) >= 2 * WordForms.seen(whole),
               m >= 10 || WordForms.seen(whole) >= 1 {
                return 2
            }
            let c = WordForms.procliticLength(p, m, statistics)
            guard c > 0 else { return 0 }
            if let e = WordForms.articleEnd(p, m) {
                // only when ال itself follows (a fused لل has no alef to start from)
                guard WordForms.letter(p, m, e - 4) == WordForms.alef else { return 0 }
                let lead = WordForms.letter(p, m, 0)
                return (lead == WordForms.waw || lead == WordForms.fa) && c == 2 ? 0 : c
            }
            // و / ف before a bare word stay, as many words start with them (وردة، فدان، فقاعة),
            // unless the word is و + four letters or more that the corpus has four times as
            // often as the whole word (وتقنية: تقنية، وإغلاق: إغلاق)
            let lead = WordForms.letter(p, m, 0)
            guard lead == WordForms.waw || lead == WordForms.fa else { return c }
            guard lead == WordForms.waw, c == 2, m >= 10, let whole = st.forms(of: wordKey(p, m)),
                  let rest = st.forms(of: wordKey(p + 2, m - 2)) else { return 0 }
            return WordForms.seen(rest) >= 8 && WordForms.seen(rest) >= 4 * WordForms.seen(whole) ? 2 : 0
        }
    }
}

extension WordForms {
    /// Seen documents of a word either way.
    @inline(__always) static func seen(_ f: (definite: Int, bare: Int)) -> Int { f.definite + f.bare }

    /// `Document.procliticLength` of the normalized word `p[0..<m]`.
    static func procliticLength(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?) -> Int {
        if let e = articleEnd(p, m) {
            if plainArticleEnd(p, m) != nil { return e - 4 }       // ال، وال، فال
            // ب / ك / ل + ال (after و / ف or not), up to the article's ل: as written without
            // statistics; with them, when the word after is written with the article alone
            // (التهاب) and the whole word never has one of its own (البالستي); not a name's
            // letters (كاليدونيا، بالوتيلي)
            let c = letter(p, m, e - 4) == alef ? e - 4 : e - 2
            // a fused لل starts no name: always ل + ال (للأوقية)
            if c == e - 2 { return c }
            guard let st = statistics, let whole = st.forms(of: wordKey(p, m)),
                  let rest = st.forms(of: wordKey(p + e, m - e)) else { return c }
            return whole.definite == 0 && rest.definite >= 2 ? c : 0
        }
        guard let st = statistics, let whole = st.forms(of: wordKey(p, m)) else { return 0 }
        // (ك before a bare word is rare, and starts many names: كاني، كريم)
        let c0 = letter(p, m, 0)
        guard c0 == waw || c0 == fa || c0 == ba || c0 == lam else { return 0 }
        var best = 0
        // one proclitic, or و / ف + ب / ك / ل; the rest keeps three letters or more
        for o in [2, 4] where m - o >= 6 {
            if o == 4 {
                let c1 = letter(p, m, 2)
                guard c0 == waw || c0 == fa, c1 == ba || c1 == lam else { continue }
            }
            // a rest that starts with ا ل would be a second article (بالي is no ب + الي)
            if letter(p, m, o) == alef && letter(p, m, o + 2) == lam { continue }
            guard let rest = st.forms(of: wordKey(p + o, m - o)) else { continue }
            if whole.definite == 0 && (rest.definite >= 2 || seen(rest) >= 5 && seen(rest) >= 2 * seen(whole)) { best = o }
        }
        return best
    }

    /// Does the normalized word `p[0..<m]` read as ب / ل / ك + a word of three letters or more
    /// where `procliticLength` has too little evidence to read the letter off? The rest is a
    /// noun the corpus has, in two documents or more, once at least with the article, and the
    /// whole word is never written with the article (كفريق: فريق، الفريق; بدقة: الدقة; not بطاقة،
    /// لجنة، كبار, which the corpus writes البطاقة، اللجنة، الكبار). Names that start so by their
    /// own letters leave no such noun behind (بيكيه; كاني: اني, كلنا: لنا, كروز: روز are never
    /// written with the article). False without word-form statistics.
    static func opensWithPreposition(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?) -> Bool {
        guard m >= 8, let st = statistics, articleEnd(p, m) == nil else { return false }
        let c0 = letter(p, m, 0)
        // (a rest that starts with ا ل would be a second article: بالي is no ب + الي)
        guard c0 == ba || c0 == lam || c0 == kaf, !(letter(p, m, 2) == alef && letter(p, m, 4) == lam),
              let rest = st.forms(of: wordKey(p + 2, m - 2)), seen(rest) >= 2, rest.definite >= 1,
              let whole = st.forms(of: wordKey(p, m)) else { return false }
        return whole.definite == 0
    }

    /// Does the normalized word `p[0..<m]` (its proclitics read off), never written with the
    /// article in the corpus, end in an attached pronoun (ها، هم، هما، هن، كم، كن) after a noun
    /// of three letters or more that the corpus writes with the article (إعدامها: الإعدام;
    /// جنسيتها: الجنسية, whose ة is written ت before the pronoun)? Words that end so by their own
    /// letters are written with the article (الأسهم، الدرهم، التفاهم). False without word-form
    /// statistics.
    /// `writtenHa`: the word ends in ه as written, not in ة: a final ه is then the pronoun too
    /// (منصبه، مستوياته); ك and نا are read as pronouns always (بياناتك، عدونا), the noun before
    /// them being one the corpus writes with the article.
    /// `inPersonName`: the word is read inside a person's name, where ك and ي after ت are the
    /// name's own letters (دونك، بارك، غوتي); elsewhere ك is the pronoun, and so is ي after a
    /// noun's ة (روايتي، صداقتي: الرواية، الصداقة).
    static func hasPronounSuffix(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?,
                                 writtenHa: Bool = false, inPersonName: Bool = false) -> Bool {
        guard m >= 8, let st = statistics, articleEnd(p, m) == nil, let whole = st.forms(of: wordKey(p, m)),
              whole.definite == 0 else { return false }
        let mim: UInt16 = 0xD985
        let last = letter(p, m, m - 2), before = letter(p, m, m - 4)
        var suffix = 0
        if last == alef && before == mim && letter(p, m, m - 6) == ha { suffix = 6 }                  // هما
        else if last == alef && (before == ha || before == nun) { suffix = 4 }                       // ها نا
        else if (last == mim || last == nun) && (before == ha || before == kaf) { suffix = 4 }       // هم هن كم كن
        else if (last == kaf && !inPersonName) || (last == ha && writtenHa) { suffix = 2 }                     // ك ه
        else if last == ya && before == ta && !inPersonName { suffix = 2 }                                   // ي after ة
        let n = m - suffix
        guard suffix > 0, n >= 6 else { return false }
        if let noun = st.forms(of: wordKey(p, n)), noun.definite >= 2 { return true }
        // …ت + pronoun: the noun ends in ة (ه once normalized)
        guard letter(p, n, n - 2) == ta else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { buf in
            let q = buf.baseAddress!
            q.update(from: p, count: n - 2)
            q[n - 2] = 0xD9; q[n - 1] = 0x87                                                        // ه
            return (st.forms(of: wordKey(q, n))?.definite ?? 0) >= 2
        }
    }

    /// Does the normalized word `p[0..<m]`, never written with the article in the corpus, read as
    /// a verb: a future (سي… ست… سن…), an imperfect (ي…, or ت… ن… ending in ون: تتحدثون),
    /// a perfect plural (…وا), a perfect the corpus has in five documents or more (قفزت، اعتذر);
    /// or as an adverbial accusative (…ا, its stem written with the article: شخصا، يوميا)?
    /// Proclitics are read off first. False without word-form statistics.
    /// `inName`: for a word inside a found name, whose letters may be a foreign name's: no
    /// proclitic is read off, and no accusative after ي (كوريا is no accusative of كوري).
    /// `proclitic`: the word's `procliticLength` when the caller has it already.
    /// A word of three letters the corpus has in many documents and never with ال: a perfect
    /// verb (بلغ، بدأ، فاز), which `isVerbLike` cannot tell by its shape; nouns of three letters
    /// are written with the article too (حرب، بلد، سعر). Key phrases only: a name may be so too.
    static func isShortVerb(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?) -> Bool {
        guard m == 6, articleEnd(p, m) == nil, let f = statistics?.forms(of: wordKey(p, m)) else { return false }
        return f.definite == 0 && f.bare >= 20
    }

    /// Is the normalized word `p[0..<m]` shaped as a feminine perfect of the tenth form, است…ت of
    /// six letters or more (استخدمت، استهدفت، استقبلت), not a plural in ات (استثمارات)? No
    /// name is spelled so.
    static func isFormTenPerfect(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        m >= 12 && letter(p, m, 0) == alef && letter(p, m, 2) == sin && letter(p, m, 4) == ta
            && letter(p, m, m - 2) == ta && letter(p, m, m - 4) != alef
    }

    /// Is the normalized word `p[0..<m]` shaped as a participle of four to six letters: مست…
    /// (مستعد، مستقبل), مت… of five (متوفر، متأخر), مفعول (مفقود), مفاعل (مسافر), or م and
    /// three letters none of them a long vowel (مخفف، مبكر، مجدد)? Foreign names that start with
    /// م have a long vowel in these places (ماريا، مونيكا، مانيلا) or are longer (ماليزيا).
    static func isParticiple(_ p: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        let letters = m / 2
        guard (4...6).contains(letters), letter(p, m, 0) == mim else { return false }
        @inline(__always) func at(_ k: Int) -> UInt16 { letter(p, m, 2 * k) }
        if letters >= 5 && at(1) == sin && at(2) == ta { return true }
        if letters == 5 && (at(1) == ta || at(3) == waw || at(2) == alef) { return true }
        return letters == 4 && ![alef, waw, ya].contains(at(1)) && ![alef, waw, ya].contains(at(2))
            && ![alef, waw, ya].contains(at(3))
    }

    static func isVerbLike(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?, inName: Bool = false,
                           proclitic: Int? = nil) -> Bool {
        guard let st = statistics, articleEnd(p, m) == nil, let whole = st.forms(of: wordKey(p, m)),
              whole.definite == 0 else { return false }
        let c = inName ? 0 : proclitic ?? procliticLength(p, m, st)
        // و / ف before a verb, which `procliticLength` cannot read off by the article, a verb
        // having none (وأصيب، وتتكلف، ونزل): the rest, when the corpus has it on its own in two
        // documents or more, is read as a word of its own. A noun that opens with و or ف is
        // written with ال too (الوفاة، الفساد) and stopped above; a foreign name leaves no such
        // rest behind (ويندوز، فيتل).
        if !inName && c == 0 && m >= 8, letter(p, m, 0) == waw || letter(p, m, 0) == fa,
           let rest = st.forms(of: wordKey(p + 2, m - 2)), seen(rest) >= 2,
           isVerbLike(p, m, st, proclitic: 2) || isShortVerb(p + 2, m - 2, st) { return true }
        let w = p + c, n = m - c
        if !inName && isFormTenPerfect(w, n) { return true }
        guard n >= 6, let own = st.forms(of: wordKey(w, n)), own.definite == 0 else { return false }
        let letters = n / 2
        let first = letter(w, n, 0), second = letter(w, n, 2)
        let last = letter(w, n, n - 2), beforeLast = letter(w, n, n - 4)
        // (ت ن ا alone also start many foreign names, never written with ال either: نتفليكس)
        let prefixed = first == ya || first == ta || first == nun
        // سيغلق: the imperfect يغلق is written too (سنودن is no future of نودن)
        if first == sin && letters >= 5 && (second == ya || second == ta || second == nun),
           let imperfect = st.forms(of: wordKey(w + 2, n - 2)), seen(imperfect) >= 2 { return true }
        // (in a name, only a word the corpus has often and never as a surname: ياغو، يوليا are names)
        if first == ya && (!inName || whole.bare >= 5 && st.names.named(wordKey(p, m)) == 0) { return true }
        if prefixed && letters >= 4 && beforeLast == waw && last == nun { return true }
        if letters >= 4 && beforeLast == waw && last == alef { return true }
        // a word the corpus has often and never with ال, shaped as a perfect: …ت (قفزت، حصلت) or
        // ا… of up to six letters ending neither in ة nor in ا + a letter (أطلق، اعتذر، استهدف;
        // not إسقاط، اختفاء); not in a name, which the name finder reads with its learned names.
        // (A verbal noun in a construct, تحطم، إعادة، إسقاط الحكومة, is as seldom written with ال
        // in a small sample, so other shapes are left alone.)
        if !inName && own.bare >= 5
            && ((3...4).contains(letters) && last == ta
                || first == alef && (4...6).contains(letters) && last != ha && beforeLast != alef) { return true }
        // a perfect in its feminine ت whose form without it the corpus has twice or more, never
        // with ال either (تذكرت: تذكر، اصطدمت: اصطدم، ذرفت: ذرف), however seldom the sample has
        // the ت form itself (a headline verb the body repeats once); not when that form is a
        // listed given name (جونيت is no جوني + ت)
        if !inName && (4...6).contains(letters) && last == ta,
           let twin = st.forms(of: wordKey(w, n - 2)), twin.definite == 0, seen(twin) >= 2,
           NameFinder.standard.flags.value(wordKey(w, n - 2)) & (NameFlag.given | NameFlag.ambiguousGiven) == 0 { return true }
        // an adverbial accusative (هدفا، اقتراحا): its stem written with ال (in two documents for a
        // name's word, one for a key phrase's: قاربا، عمدا, the sample being thin), or outside a
        // name a participle's (مستعدا، مسافرا، مخففا); in a name, not after ي, where a nisba's stem
        // makes a place or a foreign name (كوري: كوريا، ساري: ساريا)
        if letters >= 4 && last == alef && !(inName && beforeLast == ya),
           let stem = st.forms(of: wordKey(w, n - 2)), stem.definite >= (inName ? 2 : 1) || !inName && isParticiple(w, n - 2) {
            return true
        }
        // an imperfect in ت or ن whose ي form the corpus has too (تستخدم، تخطط، نشعر: يستخدم),
        // never with ال: names that start so have no such twin (ترامب، نتفليكس)
        if !inName && (first == ta || first == nun) && letters >= 4 {
            let twin = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { buf -> UInt64 in
                let q = buf.baseAddress!
                q.update(from: w, count: n)
                q[0] = 0xD9; q[1] = 0x8A                                                               // ي
                return wordKey(q, n)
            }
            if let f = st.forms(of: twin), f.definite == 0, seen(f) >= 2 { return true }
        }
        // the eighth and tenth forms by their shape, where the corpus is too thin for a twin: an
        // imperfect in ت or ن whose third letter is ت (تستنكر، تحتفل، تستجوب), a perfect اCتCC of
        // five letters (انتحر، احتجز، اكتمل), or of six in its feminine ت (احتجزت); the second
        // and fourth letters no long vowel and the last no ا (ترتيب، تفتيش، تكتيك are nouns;
        // ناتشو، نوتردام، أوتري، أسترا names). Never written with ال (checked above): الترتيب is.
        @inline(__always) func vowel(_ l: UInt16) -> Bool { l == alef || l == waw || l == ya }
        if !inName && letters >= 5 && letter(w, n, 4) == ta && !vowel(second) && !vowel(letter(w, n, 6)) && last != alef {
            if (first == ta || first == nun) && last != ha { return true }
            if first == alef && (letters == 5 || letters == 6 && last == ta && letter(w, n, 8) != alef) { return true }
        }
        return false
    }
}

// MARK: - found names

extension WordForms {
    /// How far a word found inside an unknown person's name may belong to it. A foreign name's
    /// letters may spell Arabic words (باكل: ب + أكل; لاسمر: ل + أسمر), so only the surest
    /// readings cut a name short; the others only end it after a full name.
    enum NameWord {
        /// A word the name lists know (a given name, بن، أبو …) or one with the article alone
        /// (الزبيدي): part of the name wherever it stands.
        case name
        /// A proclitic and the article before a word the corpus writes with the article alone
        /// (للتسميم، بالذبح; but بالوتيلي، كالديرون are names), or a verb's shape (`isVerbLike` in
        /// a name: يقترب، سيغلق، نشروا): no part of any name.
        case foreign
        /// A noun or adjective the corpus writes with ال in a third of its documents or more
        /// (هداف، عمدة), a construct plural whose ين form it writes with ال (مدافعي: المدافعين),
        /// a word with a proclitic by the corpus (باتجاه، والملاجم), or a word in five documents or more
        /// that the name finder never read confidently as a surname (اعتذر، رفضت): it may be a
        /// surname (أيمن عودة، إحسان إقبال), but no word after a full name.
        case common
        /// Anything else.
        case unknown
    }

    /// Do a word's forms read as a noun or adjective: written with the article in three documents
    /// or more, a third of those that have it? Such a word may be a surname (أيمن عودة), but a
    /// bare one cannot end an organization's name (بنك سويسري، مستشفى أطفال: descriptions).
    @inline(__always) static func isCommonNoun(_ forms: (definite: Int, bare: Int)) -> Bool {
        forms.definite >= 3 && 2 * forms.definite >= forms.bare
    }

    /// Is the normalized word `p[0..<m]`, written without the article, one the corpus writes as a
    /// common noun (`isCommonNoun`)? False without word-form statistics.
    static func isBareCommonNoun(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics?) -> Bool {
        guard let st = statistics, articleEnd(p, m) == nil, let forms = st.forms(of: wordKey(p, m)) else { return false }
        return isCommonNoun(forms)
    }

    /// Could the normalized word `p[0..<m]`, heading a found person's name, be no part of it
    /// though `nameWord` would keep it: a word with a proclitic by the corpus (وسيد، لإقليم) or a
    /// verb by the key-phrase reading (استخدمت، قرر). A given name or a particle never is; a
    /// name's later words keep the narrower reading (باكل is a surname, not ب + أكل).
    static func isForeignLead(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics, _ finder: NameFinder) -> Bool {
        if finder.flags.value(wordKey(p, m)) & NameFlag.listedName != 0 { return false }
        let c = procliticLength(p, m, statistics)
        if c > 0 || isFormTenPerfect(p, m) { return true }
        // (ي… and ا… start foreign given names the lists lack as often as verbs: ياغو، إدين;
        // an ا… word is a verb only as a perfect in ت whose form without it the corpus has too:
        // أحبطت، أعلنت: أحبط، أعلن)
        let first = letter(p, m, 0)
        if first == alef { return isFemininePerfect(p, m, statistics) }
        return first != ya && isVerbLike(p, m, statistics, proclitic: c)
    }

    /// Is the normalized word `p[0..<m]` (no article) a perfect of the form أفعل in its feminine ت
    /// (أحبطت، أعلنت): five or six letters, ا first and ت last, never written with ال, and its
    /// form without the ت is in the corpus twice or more, never with ال either? Foreign names so
    /// spelled (ألبرت، أرنست) have no such twin.
    static func isFemininePerfect(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard (10...12).contains(m), letter(p, m, 0) == alef, letter(p, m, m - 2) == ta,
              articleEnd(p, m) == nil, statistics.forms(of: wordKey(p, m))?.definite ?? 1 == 0,
              let twin = statistics.forms(of: wordKey(p, m - 2)) else { return false }
        return twin.definite == 0 && seen(twin) >= 2
    }

    /// Is the normalized word `p[0..<m]` (no article) a perfect verb of a derived form that starts
    /// with ا (أطلق، افتتح، احتسب، انسحب، استهدف): four to six letters, ا first, never written with
    /// ال, and its verbal noun — the word with ا before its last letter (إطلاق، الافتتاح، الاحتساب،
    /// الانسحاب، الاستهداف) — written with ال in two documents or more? A name that starts with ا
    /// has no such noun (أنشيلوتي، إيتان); the given names that have one (أيمن: الإيمان) are
    /// listed, and a listed word never comes here.
    static func isDerivedPerfect(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard (8...12).contains(m), letter(p, m, 0) == alef, articleEnd(p, m) == nil else { return false }
        let last = letter(p, m, m - 2)
        guard last != alef && last != ha && last != ya && letter(p, m, m - 4) != alef,
              let whole = statistics.forms(of: wordKey(p, m)), whole.definite == 0 else { return false }
        let noun = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: m + 2) { buf -> UInt64 in
            let q = buf.baseAddress!
            q.update(from: p, count: m - 2)
            q[m - 2] = 0xD8; q[m - 1] = 0xA7                                                     // ا
            (q + m).update(from: p + m - 2, count: 2)
            return wordKey(q, m + 2)
        }
        return (statistics.forms(of: noun)?.definite ?? 0) >= 2
    }

    /// Is the normalized word `p[0..<m]` (no article) ب or ل and a verbal noun of a derived form
    /// (`NameFinder.prepositionAndVerbalNoun`'s shapes: است…، اCت…، ان…، اCCاC…) that the corpus
    /// writes with ال, the word itself never (كيم باستئجار، عمران باتجاه، جون شنايدر لإبلاغه: the
    /// verbal noun of what the person did, no surname)? With the pronoun ه written (`writtenHa`),
    /// the noun without it. Foreign surnames of that shape (بابتشينكو، بانيغا، لانتييري) are never
    /// written with ال, so one document is enough: such nouns are rare, and a store's statistics
    /// sample 2,000 articles (on ANT dev, two documents kept كيم باستئجار and فريدة لاستكشاف).
    static func isPrepositionAndVerbalNoun(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics,
                                           writtenHa: Bool) -> Bool {
        guard articleEnd(p, m) == nil, NameFinder.prepositionAndVerbalNoun(p, m),
              let whole = statistics.forms(of: wordKey(p, m)), whole.definite == 0 else { return false }
        let r = p + 2, n = m - 2          // the noun, ا… (ب / ل are two bytes)
        if (statistics.forms(of: wordKey(r, n))?.definite ?? 0) >= 1 { return true }
        return writtenHa && n >= 12 && letter(r, n, n - 2) == ha
            && (statistics.forms(of: wordKey(r, n - 2))?.definite ?? 0) >= 1
    }

    /// Is the normalized word `p[0..<m]` (no article), inside an unknown person's name, a perfect
    /// verb in its feminine ت (لطيفة حاولت، صفاء بولار خططت، التشيكية هزمت): four to six letters,
    /// ت last, never written with ال, and its form without the ت is in the corpus twice or more,
    /// seldom with ال (a third of its documents at most: خطط "plans" is written الخطط too), with
    /// no long vowel و or ي (foreign surnames in ت have one: بولت، كينت، أبوت، ميليت; after ا the
    /// letter is a consonant: حاولت). The word itself need not be in the corpus: a store samples
    /// 2,000 articles, and خططت, in nine of ANT dev's 9,697, is in none of its sample. A surname
    /// with no twin (روبرت، إرنست) stays; given names that have one are listed (رفعت), and a
    /// listed word never comes here.
    static func isPerfectInTa(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard (8...12).contains(m), letter(p, m, m - 2) == ta, articleEnd(p, m) == nil,
              let whole = statistics.forms(of: wordKey(p, m)), whole.definite == 0,
              let twin = statistics.forms(of: wordKey(p, m - 2)) else { return false }
        for k in stride(from: 0, to: m - 2, by: 2) where (letter(p, m, k) == waw || letter(p, m, k) == ya)
            && !(k > 0 && letter(p, m, k - 2) == alef) { return false }
        return seen(twin) >= 2 && 3 * twin.definite <= twin.bare
    }

    /// Is the normalized word `p[0..<m]` (no article) a common word the corpus has bare in twenty
    /// documents or more and with ال too (مقابل، إرسال: المقابل، الإرسال), that the name finder
    /// never read as part of a name? Such a word starts no name the lists lack, though a verbal
    /// noun in a construct is written with ال too seldom for `isCommonNoun`.
    static func isFrequentCommonWord(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard articleEnd(p, m) == nil else { return false }
        let key = wordKey(p, m)
        guard let f = statistics.forms(of: key), f.definite >= 2, f.bare >= 20 else { return false }
        return statistics.names.named(key) == 0
    }

    /// Does the corpus write the normalized word `p[0..<m]` (no article of its own) with ال, in
    /// one document or more, and has the name finder never read it as a name? A team's one-word
    /// name after a team cue (ضد بوتافوغو، مباراة بنفيكا) never has the article; a common word
    /// there does (ضد هندوس: الهندوس; لمواجهة إدمان: الإدمان; فريق هوكي: الهوكي).
    static func isWrittenWithArticle(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard articleEnd(p, m) == nil else { return false }
        let key = wordKey(p, m)
        guard let f = statistics.forms(of: key), f.definite >= 1 else { return false }
        return statistics.names.named(key) == 0
    }

    /// Is the normalized word `p[0..<m]` the article (ال alone, no proclitic) and a frequent common
    /// word (`isFrequentCommonWord`: الاتفاق، العائلة) that the name lists do not give (الأحمد is
    /// أحمد) and the name finder never read, as written, as a surname (الصباح، الجابر when it has)?
    static func isCommonWordWithArticle(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics,
                                        _ finder: NameFinder) -> Bool {
        // (`isFrequentCommonWord` of the word after the article, which has no article of its own)
        isArticleAndWord(p, m, statistics, finder) { $0.definite >= 2 && $0.bare >= 20 } && articleEnd(p + 4, m - 4) == nil
    }

    /// Is the normalized word `p[0..<m]` the article alone and a word whose forms `accept` takes
    /// (`forms(of:)` of the word after the article), that the name lists do not give (الأحمد is
    /// أحمد) and the name finder never read as a name, bare or, as written, as a surname?
    private static func isArticleAndWord(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics,
                                         _ finder: NameFinder, _ accept: ((definite: Int, bare: Int)) -> Bool) -> Bool {
        guard articleEnd(p, m) == 4, letter(p, m, 0) == alef else { return false }
        let bare = wordKey(p + 4, m - 4)
        guard finder.flags.value(bare) & NameFlag.listedName == 0,
              let f = statistics.forms(of: bare), accept(f), statistics.names.named(bare) == 0 else { return false }
        let key = wordKey(p, m)
        return statistics.names.named(key) == 0 && !statistics.names.contains(key)
    }

    /// The word forms of the word after the article, when the normalized word `p[0..<m]` is the
    /// article alone and a word the corpus also writes without it in three documents or more, a
    /// quarter as often as with it (التقرير: تقرير), whose bare form no name list gives (الناصر);
    /// nil otherwise. Unlike `isArticleAndWord`, what the name finder read does not count: the
    /// callers judge words the finder read as names (وذكر التقرير).
    static func formsAlsoBare(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics,
                              _ finder: NameFinder) -> (definite: Int, bare: Int)? {
        guard articleEnd(p, m) == 4, letter(p, m, 0) == alef else { return nil }
        let bare = wordKey(p + 4, m - 4)
        guard finder.flags.value(bare) & NameFlag.listedName == 0, let f = statistics.forms(of: bare),
              f.bare >= 3 && 4 * f.bare >= f.definite else { return nil }
        return f
    }

    /// Is the normalized word `p[0..<m]` the article and a common noun the corpus writes both ways
    /// (الطيران: طيران too; in two documents or more with ال, one or more without, five in all),
    /// that no name list gives and the name finder never read as a name? After a generic org head
    /// it says what the body does (شركة الطيران), where a proper name is never bare (الخنساء،
    /// البحرين).
    static func isGenericComplement(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics,
                                    _ finder: NameFinder) -> Bool {
        m > 8 && isArticleAndWord(p, m, statistics, finder) { $0.definite >= 2 && $0.bare >= 1 && $0.definite + $0.bare >= 5 }
    }

    /// Does the normalized word `p[0..<m]` end, after its article ending at byte `e`, in the
    /// feminine nisba ـية (normalized يه) with at least two letters before it?
    static func isFeminineNisba(_ p: UnsafePointer<UInt8>, _ m: Int, from e: Int) -> Bool {
        m - e >= 8 && letter(p, m, m - 4) == ya && letter(p, m, m - 2) == ha
    }

    /// What the normalized word `p[0..<m]` is inside a found person's name, by the corpus' word
    /// forms and learned names (`NameWord`). `writtenHa`: the word ends in ه as written
    /// (`Tagger.endsInWrittenHa`), which may be a pronoun.
    static func nameWord(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics, _ finder: NameFinder,
                         writtenHa: Bool = false) -> NameWord {
        let key = wordKey(p, m)
        if finder.flags.value(key) & NameFlag.listedName != 0 { return .name }
        guard let forms = statistics.forms(of: key) else { return .unknown }
        if let e = articleEnd(p, m) {
            // a feminine nisba with the article (الاقتصادية، الصحية، الحدودية) describes a noun
            // the name stands in (مدينة الملك عبدالله الاقتصادية), where a family name takes the
            // masculine one (الزبيدي) whoever bears it
            if e == 4 && isFeminineNisba(p, m, from: e) { return .foreign }
            if e == 4 && letter(p, m, 0) == alef { return .name }
            // a proclitic and the article before a word the corpus writes with the article alone,
            // never with this one (للتسميم: التسميم), of three letters or more (كالين is a name),
            // four after و / ف (فالكون is a name, الكون a word)
            let c0 = letter(p, m, 0)
            if forms.definite == 0, m - e >= 8 || !(c0 == waw || c0 == fa) && m - e >= 6,
               let rest = statistics.forms(of: wordKey(p + e, m - e)), rest.definite >= 3 { return .foreign }
            return procliticLength(p, m, statistics) > 0 ? .common : .unknown
        }
        if isVerbLike(p, m, statistics, inName: true) || isPerfectInTa(p, m, statistics) || isDerivedPerfect(p, m, statistics)
            || isPrepositionAndVerbalNoun(p, m, statistics, writtenHa: writtenHa) {
            return .foreign
        }
        // a noun with an attached pronoun (نور حديثها، ريان منصبه، ريبيري فريقه): someone's
        // thing, no name's word
        if hasPronounSuffix(p, m, statistics, writtenHa: writtenHa, inPersonName: true) { return .foreign }
        // a plural in ات of five letters or more that the corpus writes as a common noun
        // (إيميلي اتهامات، تركي جنسيات): the family names so spelled (بركات، عرفات، شحات) are
        // seldom written with ال, and never as often as a third of the time
        if m >= 10 && letter(p, m, m - 4) == alef && letter(p, m, m - 2) == ta && isCommonNoun(forms) { return .foreign }
        if procliticLength(p, m, statistics) > 0 || isCommonNoun(forms) { return .common }
        if isConstructPluralInYa(p, m, statistics) { return .common }
        if forms.bare >= 5 && statistics.names.named(key) == 0 && !statistics.names.contains(key) { return .common }
        return .unknown
    }

    /// Is the normalized word `p[0..<m]`, in ي, a sound plural in the construct state: its ين
    /// form written with ال in three documents or more (مدافعي: المدافعين، مقاتلي: المقاتلين)?
    static func isConstructPluralInYa(_ p: UnsafePointer<UInt8>, _ m: Int, _ statistics: TermStatistics) -> Bool {
        guard m >= 6 && letter(p, m, m - 2) == ya else { return false }
        let plural = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: m + 2) { buf -> UInt64 in
            let q = buf.baseAddress!
            q.update(from: p, count: m)
            q[m] = 0xD9; q[m + 1] = 0x86        // ن
            return wordKey(q, m + 2)
        }
        return (statistics.forms(of: plural)?.definite ?? 0) >= 3
    }
}
