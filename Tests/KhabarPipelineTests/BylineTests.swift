import Testing
import KhabarModel
@testable import KhabarPipeline

@Suite struct BylineTests {
    @Test("a key or a bare address is no byline; a name stays as written")
    func cleaned() {
        #expect(Byline.clean("eea0b3c9-d12d-48de-b374-e2e6cafcbe18") == nil)
        #expect(Byline.clean("  1234567890 ") == nil)
        #expect(Byline.clean("desk@example.com") == nil)
        #expect(Byline.clean(" القاهرة - مراسل الموقع ") == "القاهرة - مراسل الموقع")
        #expect(Byline.clean("سارة علي") == "سارة علي")
        #expect(Byline.clean("Ahmed 2018") == "Ahmed 2018")
        #expect(Byline.clean("cafe") == "cafe")            // hex letters, but too short for a key
    }

    @Test("an import line whose author is a key is stored without one")
    func imported() throws {
        let line = #"{"id":"b1","title":"عنوان","body":"نص الخبر","source":"مصدر","url":"https://example.com/b1","author":"eea0b3c9-d12d-48de-b374-e2e6cafcbe18"}"#
        #expect(try RecordParser.draft(fromJSONLine: Array(line.utf8)).author == nil)
        let named = #"{"id":"b2","title":"عنوان","body":"نص الخبر","source":"مصدر","url":"https://example.com/b2","author":"سارة علي"}"#
        #expect(try RecordParser.draft(fromJSONLine: Array(named.utf8)).author == "سارة علي")
    }
}
