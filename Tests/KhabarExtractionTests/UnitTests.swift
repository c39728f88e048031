import Foundation
import Testing
@testable import KhabarExtraction

@Suite("Charset")
struct CharsetTests {
    static let arabic = "العربية لغة جميلة"

    @Test("windows-1256 declared in <meta charset>")
    func windows1256Meta() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><p>\(Self.arabic)</p></body></html>"
        let bytes = [UInt8](page.data(using: String.Encoding(rawValue: 0x8000_0506))!)
        #expect(Charset.decode(bytes).contains(Self.arabic))
    }

    @Test("the sanitizer reads bytes as extraction does: windows-1256 from <meta charset>")
    func sanitizerDecodesLikeExtraction() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><h2>\(Self.arabic)</h2></body></html>"
        let bytes = [UInt8](page.data(using: String.Encoding(rawValue: 0x8000_0506))!)
        #expect(Sanitizer.sanitize(bytes: bytes, charset: nil, baseURL: nil) == "<h2>\(Self.arabic)</h2>")
    }

    @Test("ISO-8859-6 declared through http-equiv")
    func iso8859_6() {
        let bytes: [UInt8] = Array("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'><p>".utf8)
            + [0xC7, 0xE4, 0xD9, 0xD1, 0xC8, 0xEA, 0xC9] + Array("</p>".utf8)
        #expect(Charset.decode(bytes).contains("العربية"))
    }

    @Test("BOMs win over declarations")
    func bom() {
        let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1256>\(Self.arabic)".utf8)
        #expect(Charset.decode(utf8).hasSuffix(Self.arabic))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("نص".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Charset.decode(utf16) == "نص")
    }

    @Test("a stale legacy declaration on a UTF-8 page is ignored")
    func staleMeta() {
        let bytes = Array("<meta charset=\"windows-1256\"><p>\(Self.arabic)</p>".utf8)
        #expect(Charset.decode(bytes).contains(Self.arabic))
    }

    @Test("undeclared windows-1256 bytes are recognised")
    func undeclared() {
        let bytes = [UInt8]("<p>\(Self.arabic)</p>".data(using: String.Encoding(rawValue: 0x8000_0506))!)
        #expect(Charset.decode(bytes).contains(Self.arabic))
    }

    @Test("the transport charset is used first")
    func transport() {
        let bytes = [UInt8]("<p>\(Self.arabic)</p>".data(using: String.Encoding(rawValue: 0x8000_0506))!)
        #expect(Charset.decode(bytes, transport: "windows-1256").contains(Self.arabic))
        let a = Extractor.extract(html: Data(bytes), url: nil, charset: "cp1256")
        #expect(a.lang == nil || a.lang == "ar")
    }
}

@Suite("Dates")
struct DateTests {
    @Test("formats pages use", arguments: [
        ("2018-05-08T10:20:30+03:00", "2018-05-08T07:20:30Z"),
        ("2018-05-08T10:20:30.123Z", "2018-05-08T10:20:30Z"),
        ("2018-05-08T10:20:30+0300", "2018-05-08T07:20:30Z"),
        ("2018-05-08T10:20:30-05:00", "2018-05-08T15:20:30Z"),
        ("2018-05-08 10:20", "2018-05-08T10:20:00Z"),
        ("2018/05/08", "2018-05-08T00:00:00Z"),
        ("2018-05-08", "2018-05-08T00:00:00Z"),
        ("Tue, 08 May 2018 10:20:30 +0300", "2018-05-08T07:20:30Z"),
        ("08 May 2018 10:20:30 GMT", "2018-05-08T10:20:30Z"),
        ("٢٠١٨-٠٥-٠٨", "2018-05-08T00:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
    ])
    func parse(_ raw: String, _ iso: String) {
        #expect(DateParser.parse(raw)?.iso == iso)
    }

    @Test("garbage is nil", arguments: ["", "أمس", "2018-13-01", "99999", "yesterday 10:00", "1800-01-01"])
    func garbage(_ raw: String) {
        #expect(DateParser.parse(raw) == nil)
    }
}

@Suite("Selectors")
struct SelectorTests {
    static let html = """
    <html><body><div id="main" class="page wide"><article class="story"><div class="body" data-x="a b">
    <p class="lead">أول</p><p>ثان</p></div></article><aside><div class="body">جانب</div></aside></div></body></html>
    """

    @Test("subset: tag, class, id, attributes, descendant, child, groups", arguments: [
        ("p", 2), (".body", 2), ("#main", 1), ("div.body", 2), ("article .body", 1), ("article > div.body", 1),
        ("#main > .body", 0), ("[data-x]", 1), ("[data-x=\"a b\"]", 1), ("[data-x~=b]", 1), ("[data-x^=a]", 1),
        ("[data-x$=b]", 1), ("[data-x*=' ']", 1), ("div.page.wide", 1), ("p.lead, aside .body", 2), ("section", 0),
    ])
    func match(_ sel: String, _ count: Int) throws {
        let dom = DOM.parse(utf8: Self.html)
        let s = try #require(Selector(sel))
        let all = dom.elements(under: 0).filter { s.matches(dom, $0) }
        #expect(all.count == count, "\(sel)")
    }

    @Test("unsupported syntax is rejected", arguments: ["", "a:hover", "p + p", "p ~ p", "[x", ".", "> p", "p >"])
    func reject(_ sel: String) {
        #expect(Selector(sel) == nil)
    }

    @Test("every site rule parses and names a host")
    func siteRules() {
        let lines = siteRuleData.split(separator: "\n").filter { !$0.trimmingSpaces().isEmpty && !$0.hasPrefix("#") }
        #expect(SiteRules.all.count == lines.count)
        #expect(SiteRules.all.count >= 21)
        for r in SiteRules.all { #expect(!r.content.isEmpty && !r.host.isEmpty) }
        #expect(SiteRules.rule(for: "https://www.aljazeera.net/news/x")?.host == "aljazeera.net")
        #expect(SiteRules.rule(for: "https://www.bbc.com/arabic/articles/x")?.pathPrefix == "/arabic")
        #expect(SiteRules.rule(for: "https://www.bbc.com/news/x") == nil)
        #expect(SiteRules.rule(for: "https://www.france24.com/ar/x")?.host == "france24.com")
        #expect(SiteRules.rule(for: "https://notaljazeera.net/x") == nil)
        #expect(SiteRules.rule(for: nil) == nil)
    }
}

@Suite("JSON-LD and metadata")
struct MetadataTests {
    func page(_ head: String, _ body: String = "<p>نص قصير.</p>") -> [UInt8] {
        Array("<html><head>\(head)</head><body>\(body)</body></html>".utf8)
    }

    @Test("top-level array, author string, ReportageNews")
    func array() {
        let ld = #"<script type="application/ld+json">[{"@type":"WebSite"},{"@type":"ReportageNews","headline":"تقرير ميداني","author":"فريق التحرير","datePublished":"2020-01-02T03:04:05Z","image":"/i.jpg","url":"https://x.example/r"}]</script>"#
        let a = Extractor.extract(html: page(ld), url: "https://x.example/r?utm=1")
        #expect(a.title == "تقرير ميداني")
        #expect(a.author == "فريق التحرير")
        #expect(a.published?.iso == "2020-01-02T03:04:05Z")
        #expect(a.image == "https://x.example/i.jpg")
        #expect(a.canonicalURL == "https://x.example/r")
    }

    @Test("broken JSON-LD (raw newlines, trailing commas, comment wrapper) still reads")
    func broken() {
        let ld = "<script type=\"application/ld+json\"><!--\n{\"@type\": \"NewsArticle\", \"headline\": \"عنوان\",\n \"articleBody\": \"سطر أول في الخبر، وهو طويل بما يكفي ليعد نصاً كاملاً ومفيداً للقارئ.\nسطر ثان يكمل الخبر ويضيف تفاصيل أخرى عن الحدث والمكان والزمان والأشخاص.\",}\n--></script>"
        let a = Extractor.extract(html: page(ld), url: nil)
        #expect(a.method == "json-ld")
        #expect(a.body.split(separator: "\n").count == 2)
        #expect(a.title == "عنوان")
    }

    @Test("a truncated articleBody loses to the full page text")
    func truncated() {
        let para = "وقال المتحدث باسم الوزارة إن العمل في المشروع سيستمر حتى نهاية العام، مؤكداً أن التمويل متوفر بالكامل."
        let body = "<article>" + String(repeating: "<p>\(para)</p>", count: 8) + "</article>"
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"وقال المتحدث باسم الوزارة إن العمل…"}</script>"#
        let a = Extractor.extract(html: page(ld, body), url: nil)
        #expect(a.method == "generic")
        #expect(a.body.contains("التمويل متوفر"))
    }

    @Test("OpenGraph, Twitter, link rel=canonical, og:locale and <base>")
    func meta() {
        let head = #"<base href="https://cdn.example/base/"><meta property="og:title" content="عنوان | الموقع"><meta property="og:site_name" content="الموقع"><meta name="twitter:image" content="img/a.jpg"><meta property="og:locale" content="ar_AR"><link rel="canonical" href="/canonical/path"><meta name="author" content="https://facebook.com/someone"><meta property="article:author" content="ليلى حسن">"#
        let a = Extractor.extract(html: page(head), url: "https://site.example/x")
        #expect(a.title == "عنوان")
        #expect(a.image == "https://cdn.example/base/img/a.jpg")
        #expect(a.canonicalURL == "https://cdn.example/canonical/path")
        #expect(a.lang == "ar")
        #expect(a.author == "ليلى حسن")
    }

    @Test("<html lang> is reduced to its primary subtag")
    func lang() {
        let a = Extractor.extract(html: Array("<html lang=\"ar-EG\"><body><p>x</p></body></html>".utf8), url: nil)
        #expect(a.lang == "ar")
    }

    @Test("title: site name stripped from either end of <title>")
    func titleTag() {
        #expect(Extractor.stripSiteName("جريدة المدينة - افتتاح المعرض الدولي للكتاب", site: nil, h1: nil, aggressive: true)
                == "افتتاح المعرض الدولي للكتاب")
        #expect(Extractor.stripSiteName("افتتاح المعرض الدولي للكتاب | جريدة المدينة", site: nil, h1: nil, aggressive: true)
                == "افتتاح المعرض الدولي للكتاب")
        #expect(Extractor.stripSiteName("مصر - السودان: اتفاق جديد", site: "الموقع", h1: nil) == "مصر - السودان: اتفاق جديد")
    }
}

@Suite("Robustness")
struct RobustnessTests {
    static let hostileInputs: [String: String] = [
        "empty": "", "lone <": "<", "brackets": "<<<<>>>>", "NULs": "\u{0}\u{0}<p>\u{0}</p>",
        "5000 unclosed <b>": "<p>" + String(repeating: "<b>", count: 5000) + "نص",
        "20000 nested divs": String(repeating: "<div>", count: 20000) + "نص" + String(repeating: "</div>", count: 20000),
        "3000 unclosed rows": "<table>" + String(repeating: "<tr><td>خلية</td>", count: 3000),
        "unterminated script": "<script>" + String(repeating: "x", count: 100_000),
        "3000 paragraphs": "<html><body>" + String(repeating: "<p>فقرة فيها كلام، وتنتهي بنقطة.</p>", count: 3000) + "</body></html>",
        "10000 % in href": "<a href='" + String(repeating: "%", count: 10_000) + "'>x</a>",
        "RLO before scheme": "<img src=\"\u{202E}javascript:alert(1)\">",
        "unknown charset": "<meta charset=\"x-unknown\"><p>نص</p>",
        "nested JSON-LD arrays": "<script type=\"application/ld+json\">{\"@graph\": [[[[[[[[[[]]]]]]]]]]}</script>",
    ]

    @Test("never crashes, never hangs on hostile input", arguments: hostileInputs.keys.sorted())
    func hostile(_ name: String) {
        let html = Self.hostileInputs[name] ?? ""
        let a = Extractor.extract(html: Array(html.utf8), url: "https://example.com/")
        #expect(a.method.count > 0)
        _ = Sanitizer.sanitize(html, baseURL: "https://example.com/")
    }

    @Test("random bytes")
    func randomBytes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0..<5000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = Extractor.extract(html: bytes, url: nil)
            _ = Sanitizer.sanitize(String(decoding: bytes, as: UTF8.self), baseURL: nil)
        }
    }

    @Test("a page with no article gives an empty body, not a crash")
    func empty() {
        let a = Extractor.extract(html: Array("<html><body><nav><a href=/>الرئيسية</a></nav></body></html>".utf8), url: nil)
        #expect(a.body.isEmpty)
    }

    @Test("concurrent extraction is safe")
    func concurrent() async {
        let page = Paths.bytes(Paths.extraction.appendingPathComponent("03-generic-wordpress.html"))
        let expected = Extractor.extract(html: page, url: nil).body
        await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { Extractor.extract(html: page, url: nil).body } }
            for await body in group { #expect(body == expected) }
        }
    }
}

@Suite("Boilerplate data")
struct BoilerplateTests {
    @Test("phrase lines are recognised whatever the hamza, tanween or punctuation", arguments: [
        "اقرأ أيضاً:", "إقرأ ايضا", "اقرأ أيضا: عنوان خبر آخر هنا", "مقالات ذات صلة", "كلمات دلالية: روسيا أمريكا",
        "الكلمات الدلالية", "تابعونا على فيسبوك وتويتر", "شاهد أيضاً", "مواضيع متعلقة", "الأكثر قراءة", "التعليقات (12)",
        "شارك", "مشاركة", "اشترك في النشرة البريدية", "لمزيد من الأخبار تابعوا موقعنا", "تابع آخر الأخبار عبر تطبيقنا",
        "فيسبوك تويتر واتساب", "جميع الحقوق محفوظة © 2024",
    ])
    func boilerplate(_ line: String) {
        #expect(Boilerplate.shared.isBoilerplateLine(MatchText.key(line), words: TextUtil.wordCount(line)))
    }

    @Test("ordinary article sentences are not boilerplate", arguments: [
        "شارك آلاف المتظاهرين في مسيرة سلمية وسط العاصمة يوم الجمعة.",
        "وقال الوزير إن الحكومة ستواصل دعم المزارعين خلال الموسم المقبل.",
        "إعلان الحكومة عن خطة جديدة للنقل العام أثار ردود فعل واسعة.",
        "تابع الرئيس أعمال القمة من مقر إقامته.",
    ])
    func prose(_ line: String) {
        #expect(!Boilerplate.shared.isBoilerplateLine(MatchText.key(line), words: TextUtil.wordCount(line)))
    }

    @Test("match keys fold Arabic spelling variants")
    func keys() {
        #expect(MatchText.normalize("إقرأ أيضاً:") == MatchText.normalize("اقرا ايضا"))
        #expect(MatchText.normalize("مُشارَكة") == "مشاركه")
    }
}
