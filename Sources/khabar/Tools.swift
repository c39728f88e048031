import ArgumentParser
import Foundation
import KhabarExtraction
import KhabarFeeds

/// Reads a file, `-` for standard input, or fetches an http(s) URL.
func readInput(_ location: String, accept: String? = nil) async throws -> (bytes: [UInt8], contentType: String?, url: String?) {
    if location.hasPrefix("http://") || location.hasPrefix("https://") {
        let fetcher = HTTPFetcher()
        defer { Task { try? await fetcher.shutdown() } }
        var request = FetchRequest(url: location)
        if let accept { request.accept = accept }
        let response = try await fetcher.fetch(request)
        guard (200...299).contains(response.status) else { throw Failure("\(location): HTTP \(response.status)") }
        return (response.body, response.contentType, response.url)
    }
    let data: Data
    if location == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let read = FileManager.default.contents(atPath: location) else {
            throw Failure("\(location): cannot read the file")
        }
        data = read
    }
    return ([UInt8](data), nil, nil)
}

struct Feed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse one feed (RSS, RDF, Atom, JSON Feed; any charset) and print what was recovered and its errors.")
    @Argument(help: "Feed file, - for standard input, or an http(s) URL.") var input: String
    @Flag(help: "JSON output (the default shape of DESIGN.md §5).") var json = false
    @Option(help: "URL to resolve relative links against (for files).") var url: String?

    func run() async throws {
        let (bytes, contentType, fetchedURL) = try await readInput(input)
        let feed = FeedParser.parse(bytes, contentType: contentType, url: url ?? fetchedURL)
        if json {
            print(feed.jsonString(pretty: true))
        } else {
            print("\(feed.format?.rawValue ?? "unknown format"): \(feed.title ?? "(no title)") — \(feed.items.count) items")
            for item in feed.items {
                print("- \(item.title ?? "(no title)")\n  \(item.link ?? "")\(item.published.map { "  " + FeedDate.iso8601($0) } ?? "")")
            }
            for error in feed.errors { printError("error: \(error)") }
        }
        if feed.items.isEmpty && !feed.errors.isEmpty { throw ExitCode(1) }
    }
}

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extract an article's main text and metadata from an HTML page.")
    @Argument(help: "HTML file, - for standard input, or an http(s) URL.") var input: String
    @Option(help: "The page's URL (site rules, relative links).") var url: String?

    func run() async throws {
        let (bytes, contentType, fetchedURL) = try await readInput(input, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
        let article = Extractor.extract(html: bytes, url: url ?? fetchedURL, charset: contentType)
        struct Output: Encodable {
            var title: String?, body: String, published: String?, author: String?, image: String?, canonicalURL: String?, lang: String?, method: String

            enum CodingKeys: String, CodingKey { case title, body, published, author, image, canonicalURL, lang, method }

            /// Every key DESIGN §5 lists is written: a value the page lacks is null, not absent.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(title, forKey: .title)
                try c.encode(body, forKey: .body)
                try c.encode(published, forKey: .published)
                try c.encode(author, forKey: .author)
                try c.encode(image, forKey: .image)
                try c.encode(canonicalURL, forKey: .canonicalURL)
                try c.encode(lang, forKey: .lang)
                try c.encode(method, forKey: .method)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys, .prettyPrinted]
        let output = Output(title: article.title, body: article.body, published: article.published.map(FeedDate.iso8601),
                            author: article.author, image: article.image, canonicalURL: article.canonicalURL,
                            lang: article.lang, method: article.method)
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}

struct Sanitize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "HTML in, the allow-listed safe HTML that pages would show, out.")
    @Argument(help: "HTML file or - for standard input.") var input = "-"
    @Option(name: .customLong("base-url"), help: "Base URL that relative links are made absolute against.") var baseURL: String?

    func run() async throws {
        let (bytes, contentType, _) = try await readInput(input)
        print(Sanitizer.sanitize(bytes: bytes, charset: contentType, baseURL: baseURL))
    }
}
