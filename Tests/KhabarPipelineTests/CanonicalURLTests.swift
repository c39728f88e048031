import KhabarModel
import Testing

/// The canonical form URLs are stored and matched under: input → canonical (nil: not an address).
@Suite struct CanonicalURLTests {
    static let rows: [(String, String?)] = [
        ("https://News.Example.COM/a/b?id=3", "https://news.example.com/a/b?id=3"),
        ("HTTP://paper.example:80/x", "http://paper.example/x"),
        ("https://paper.example:443/x", "https://paper.example/x"),
        ("https://paper.example:8443/x", "https://paper.example:8443/x"),
        ("https://paper.example/x#comments", "https://paper.example/x"),
        ("https://paper.example/x?utm_source=tw&utm_medium=s&id=7&fbclid=abc", "https://paper.example/x?id=7"),
        ("https://paper.example/x?gclid=1&UTM_CAMPAIGN=2", "https://paper.example/x"),
        ("https://paper.example", "https://paper.example/"),
        ("  https://paper.example/space in path  ", "https://paper.example/space%20in%20path"),
        ("http://paper.example/x", "http://paper.example/x"),
        ("https://paper.example:99999/feed.xml", nil),
        ("https://paper.example:0/feed.xml", nil),
        ("/relative/path", nil),
        ("paper.example/x", nil),
        ("", nil),
        ("   ", nil),
    ]

    @Test(arguments: rows.indices)
    func row(_ k: Int) {
        let (input, expected) = Self.rows[k]
        #expect(CanonicalURL.canonicalize(input) == expected, "\(input)")
    }
}
