import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// What a page repeats of the request that asked for it: never a control character, never more
/// of a query than was searched.
@Suite(.scratch) struct RequestEchoTests {
    @Test func aBadRequestPageCarriesNoControlCharacter() async throws {
        try await withApp { client in
            for raw in ["%1B", "%7F"] {
                try await client.execute(uri: "/tags?period=all\(raw)", method: .get) { response in
                    #expect(response.status == .badRequest)
                    let html = String(buffer: response.body)
                    #expect(html.contains("«period»"))
                    #expect(!html.unicodeScalars.contains { $0.value < 0x09 || (0x0E..<0x20).contains($0.value) || $0.value == 0x7F }, "\(raw)")
                }
            }
        }
    }

    /// SQLite reads a bound text as a C string: an id or a slug with a NUL in it was looked up
    /// as what comes before the NUL (`/tag/russia%00junk` answered with Russia's page).
    @Test func anAddressWithANULCharacterIsABadRequest() async throws {
        try await withApp { client in
            for uri in ["/tag/russia%00junk", "/api/tags/usa%00x", "/article/a%00b", "/search?q=x&tag=russia%00junk",
                        "/tags?period=all%00", "/tag/russia%00.rss"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let body = String(buffer: response.body)
                    #expect(body.contains("NUL"), "\(uri)")
                    #expect(!body.unicodeScalars.contains { $0.value == 0 }, "\(uri)")
                }
            }
        }
    }

    /// A query whose percent-encoding cannot be read is a 400 naming the parameter, on every
    /// page, feed and API path (it was read as written, `%ZZ`, or with U+FFFD for half a letter);
    /// valid escapes, lowercase hex, `+` and `%25` read as before.
    @Test func aBrokenPercentEscapeInAQueryIsABadRequestNamingTheParameter() async throws {
        try await withApp { client in
            for (uri, name) in [("/search?q=%ZZ", "q"), ("/search?q=100%", "q"), ("/search?q=%E0%A4", "q"),
                                ("/api/search?q=%E0%A4", "q"), ("/api/search?q=x&tag=%C3%28", "tag"),
                                ("/search.atom?q=x&from=%2", "from"), ("/latest?before=%G0", "before"),
                                ("/tags?period=all%", "period"), ("/api/tags?limit=%ED%A0%80", "limit"),
                                ("/api/articles?source=1&limit=%FF", "limit"), ("/tag/x?q=%zz", "q"), ("/search?q=x&%ZZ=1", "%ZZ")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let body = String(buffer: response.body)
                    if uri.hasPrefix("/api/") {
                        let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect((json?["error"] as? String)?.hasPrefix("\(name): ") == true, "\(uri): \(body)")
                    } else {
                        #expect(body.contains("«\(name)»"), "\(uri): \(body.suffix(400))")
                    }
                }
            }
            for uri in ["/search?q=%D8%AA%D9%88%D9%86%D8%B3+%D9%85%D9%83%D8%AA%D8%A8%D8%A9", "/search?q=%d8%aa%d9%88%d9%86%d8%b3",
                        "/api/search?q=C%2B%2B+x", "/api/search?q=100%25", "/search?q=a+b&&page=1", "/tags?period=all&type="] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body).suffix(300))")
                }
            }
            try await client.execute(uri: "/search?q=%D8%AA%D9%88%D9%86%D8%B3+%D9%85%D9%83%D8%AA%D8%A8%D8%A9", method: .get) { response in
                #expect(String(buffer: response.body).contains(#"value="تونس مكتبة""#))
            }
        }
    }

    @Test func aSearchPageRepeatsTheQueryAsSearched() async throws {
        let word = "قافلة "
        let query = String(repeating: word, count: 3_000)          // 18,000 characters
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await withApp { client in
            try await client.execute(uri: "/search?q=\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                // the form and three feed links (percent-encoded: six characters a letter), each
                // at most what the engine reads; uncut, they made 340,000 characters
                #expect(body.count < (1 + 3 * 6) * SearchEngine.maxQueryCharacters + 20_000, "\(body.count)")
                #expect(body.contains(String(repeating: word, count: 600).trimmingCharacters(in: .whitespaces)))
            }
        }
    }
}
