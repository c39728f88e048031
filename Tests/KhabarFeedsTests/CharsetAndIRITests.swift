import Foundation
import Testing
@testable import KhabarFeeds

@Suite("CharsetDecoder")
struct CharsetDecoderTests {
    @Test("windows-1256 table agrees with Foundation for every byte")
    func windows1256MatchesFoundation() throws {
        for b in UInt8(0x80)...UInt8(0xFF) {
            let ours = CharsetDecoder.decode([b], contentType: "text/xml; charset=windows-1256").text
            let foundation = try #require(String(bytes: [b], encoding: String.Encoding(rawValue: 0x8000_0506)))
            #expect(ours == foundation, "byte \(b)")
        }
    }

    @Test("priority: BOM, header, XML declaration, HTML meta, default")
    func priority() {
        let arabic = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><a>سلام</a>"
        let cp1256 = encode1256(arabic)
        #expect(CharsetDecoder.decode(cp1256, contentType: nil).text == arabic)
        #expect(CharsetDecoder.decode(cp1256, contentType: nil).charset == "windows-1256")
        #expect(CharsetDecoder.detect(cp1256, contentType: "text/xml; charset=iso-8859-6").source == .header)
        #expect(CharsetDecoder.detect([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8), contentType: "text/xml; charset=windows-1256").source == .bom)
        let meta = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head></html>".utf8)
        #expect(CharsetDecoder.detect(meta, contentType: nil).charset == "windows-1256")
        #expect(CharsetDecoder.detect(meta, contentType: nil).source == .htmlMeta)
        let meta5 = Array("<!doctype html><meta charset='ISO-8859-6'><p>x</p>".utf8)
        #expect(CharsetDecoder.detect(meta5, contentType: nil).charset == "iso-8859-6")
        #expect(CharsetDecoder.detect(Array("<a/>".utf8), contentType: nil).source == .defaulted)
    }

    @Test("UTF-16 without BOM is sniffed from \"<?\"")
    func utf16Sniff() {
        let s = "<?xml version=\"1.0\"?><t>خبر</t>"
        let le = s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(CharsetDecoder.decode(le, contentType: nil).text == s)
        #expect(CharsetDecoder.decode(be, contentType: nil).text == s)
        #expect(CharsetDecoder.decode(le + [0x41], contentType: nil).text.hasSuffix("\u{FFFD}"))
    }

    @Test("labels and header parameters")
    func labels() {
        #expect(CharsetDecoder.charsetParameter("text/xml; charset=\"Windows-1256\"") == "Windows-1256")
        #expect(CharsetDecoder.charsetParameter("application/rss+xml;CHARSET=utf-8;q=1") == "utf-8")
        #expect(CharsetDecoder.charsetParameter("text/xml") == nil)
        #expect(CharsetDecoder.kind(forLabel: "cp1256").name == "windows-1256")
        #expect(CharsetDecoder.kind(forLabel: "ASMO-708").name == "iso-8859-6")
        #expect(CharsetDecoder.kind(forLabel: "latin1").name == "windows-1252")
        #expect(CharsetDecoder.kind(forLabel: "UTF8").name == "utf-8")
        #expect(CharsetDecoder.decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0x80], contentType: "text/xml; charset=iso-8859-1").text == "café €")
        #expect(CharsetDecoder.decode([0xC7, 0xE1, 0xD3, 0xE1, 0xC7, 0xE3], contentType: "text/xml; charset=windows-1256").text == "السلام")
        #expect(CharsetDecoder.decode([0xC7, 0xE4, 0xD3, 0xE4, 0xC7, 0xE5], contentType: "text/xml; charset=iso-8859-6").text == "السلام")
        // A server-default ISO-8859-1 header loses to the document's declaration.
        let doc = encode1256("<?xml version=\"1.0\" encoding=\"windows-1256\"?><a>سلام</a>")
        #expect(CharsetDecoder.decode(doc, contentType: "text/xml; charset=ISO-8859-1").charset == "windows-1256")
        // An unknown charset falls back to UTF-8 instead of failing.
        #expect(CharsetDecoder.decode(Array("<?xml version=\"1.0\" encoding=\"x-klingon\"?><a>b</a>".utf8), contentType: nil).charset == "utf-8")
    }

    @Test("invalid UTF-8 never traps: every byte value, truncated sequences")
    func invalidUTF8() {
        var all: [UInt8] = Array(0...255)
        all += [0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xF0, 0x9F, 0x98]
        let r = CharsetDecoder.decode(all, contentType: "text/plain; charset=utf-8")
        #expect(r.text.unicodeScalars.contains("\u{FFFD}"))
        #expect(CharsetDecoder.firstInvalidUTF8(Array("سلام".utf8).withUnsafeBufferPointer { $0 }) == nil)
        #expect(CharsetDecoder.isValidUTF8([0xC0, 0xAF].withUnsafeBufferPointer { $0 }) == false)   // overlong
        #expect(CharsetDecoder.isValidUTF8([0xED, 0xA0, 0x80].withUnsafeBufferPointer { $0 }) == false) // surrogate
    }

    private func encode1256(_ s: String) -> [UInt8] {
        var reverse: [UInt32: UInt8] = [:]
        for (i, u) in CharsetTables.windows1256.enumerated() { reverse[UInt32(u)] = UInt8(0x80 + i) }
        return s.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : reverse[$0.value] ?? 0x3F }
    }
}

@Suite("IRI and Punycode")
struct IRITests {
    @Test("RFC 3492 §7.1 sample strings")
    func punycodeVectors() {
        // (A) Arabic (Egyptian), (B) Chinese (simplified), (L) 3<nen>B<gumi><kinpachi><sensei>
        let arabic = "\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}"
        #expect(Punycode.encode(arabic) == "egbpdaj6bu4bxfgehfvwxn")
        #expect(Punycode.decode("egbpdaj6bu4bxfgehfvwxn") == arabic)
        #expect(Punycode.encode("\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}") == "ihqwcrb4cv8a8dqg056pqjye")
        #expect(Punycode.encode("3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}") == "3B-ww4c5e180e575a65lsy2b")
        #expect(Punycode.decode("3B-ww4c5e180e575a65lsy2b") == "3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}")
    }

    @Test("IDN hosts")
    func idn() {
        #expect(IRI.idnaHost("مثال.مصر") == "xn--mgbh0fb.xn--wgbh1c")
        #expect(IRI.idnaHost("WWW.Example.COM") == "www.example.com")
        #expect(IRI.idnaHost("أخبار。مثال") == "xn--igbicxr.xn--mgbh0fb")
        #expect(IRI.normalize("https://%D9%85%D8%AB%D8%A7%D9%84.%D9%85%D8%B5%D8%B1/") == "https://xn--mgbh0fb.xn--wgbh1c/")
    }

    /// RFC 3986 §5.4.1 normal examples, base "http://a/b/c/d;p?q".
    static let rfc3986: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        // §5.4.2 abnormal
        ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
    ]

    @Test("RFC 3986 §5.4 resolution examples")
    func resolution() {
        let base = IRI.split("http://a/b/c/d;p?q")
        for (ref, expected) in Self.rfc3986 {
            let got = IRI.resolve(IRI.split(ref), against: base).string
            // "//g" resolves to "http://g" (no path); normalize() adds the "/".
            #expect(got == expected || got + "/" == expected, "\(ref)")
        }
        #expect(IRI.normalize("//g", base: "http://a/b/c/d;p?q") == "http://g/")
        #expect(IRI.normalize("g:h", base: "http://a/b") == nil)           // not a web scheme
        #expect(IRI.normalize("g:h", base: "http://a/b", webOnly: false) == "g:h")
    }

    @Test("normalization: encoding, case, ports, whitespace, refused schemes")
    func normalization() throws {
        let cases: [(String, String?)] = [
            ("https://www.akhbar.example/أخبار/اليوم", "https://www.akhbar.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%A7%D9%84%D9%8A%D9%88%D9%85"),
            ("HTTP://Example.COM:80/a b", "http://example.com/a%20b"),
            ("https://example.com:8443", "https://example.com:8443/"),
            ("https://example.com/%7e/%d8%a7", "https://example.com/%7E/%D8%A7"),
            ("https://example.com/100%/x", "https://example.com/100%25/x"),
            ("  https://example.com/x\n/y\t ", "https://example.com/x/y"),
            ("https://example.com/a?b=c d&e=\"f\"#ج", "https://example.com/a?b=c%20d&e=%22f%22#%D8%AC"),
            ("javascript:alert(1)", nil), ("data:text/html,x", nil), ("   ", nil),
            ("https://user:pw@Example.com/", "https://user:pw@example.com/"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ]
        for (input, expected) in cases {
            let got = IRI.normalize(input)
            #expect(got == expected, "\(input)")
            if let got { #expect(URL(string: got) != nil, "\(got)") }
        }
        // Already-normal links take the fast path and come back identical.
        #expect(IRI.isAlreadyNormal("https://www.example.com/a/b.html?x=1#y"))
        #expect(!IRI.isAlreadyNormal("https://www.example.com/a/./b"))
        #expect(!IRI.isAlreadyNormal("https://www.Example.com/"))
        #expect(!IRI.isAlreadyNormal("https://www.example.com"))
    }
}
