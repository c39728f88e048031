import Foundation
import Hummingbird
import HummingbirdTesting
import KhabarModel
import Logging
import Testing

@testable import KhabarWeb
import KhabarTestSupport

/// Checks JSON answers against the schemas of `/api/openapi.json`: `$ref`, `type`, `required`,
/// `properties` (a field the schema does not list is a problem: the document must describe
/// everything the API sends), `items`, `enum` and `format: date-time`.
struct SchemaChecker {
    let document: [String: Any]

    init(_ data: Data) throws {
        document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String else { return node }
        var current: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { current = (current as? [String: Any])?[String(part)] ?? [:] }
        return resolve(current as? [String: Any] ?? [:])
    }

    /// The JSON schema of `template`'s `method` answer with `status`.
    func schema(_ template: String, _ method: String, _ status: Int) -> [String: Any]? {
        let paths = document["paths"] as? [String: Any]
        guard let operation = (paths?[template] as? [String: Any])?[method] as? [String: Any],
              let responses = operation["responses"] as? [String: Any],
              let response = responses[String(status)] as? [String: Any] else { return nil }
        let content = resolve(response)["content"] as? [String: Any]
        return (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    func problems(_ value: Any, _ schemaNode: [String: Any], at path: String = "$") -> [String] {
        let schema = resolve(schemaNode)
        var out: [String] = []
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): missing \(key)") }
            for (key, v) in object.sorted(by: { $0.key < $1.key }) {
                guard let p = properties[key] as? [String: Any] else { out.append("\(path).\(key): not in the document"); continue }
                out += problems(v, p, at: "\(path).\(key)")
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { out += problems(v, items, at: "\(path)[\(i)]") }
            }
        case "string":
            guard let s = value as? String else { return ["\(path): expected a string"] }
            if schema["format"] as? String == "date-time", DateParsing.parse(s) == nil { out.append("\(path): not a date-time: \(s)") }
            if let allowed = schema["enum"] as? [String], !allowed.contains(s) { out.append("\(path): \(s) not in \(allowed)") }
        case "integer":
            guard let n = value as? NSNumber, n.doubleValue.rounded() == n.doubleValue else { return ["\(path): expected an integer"] }
        case "number":
            guard value is NSNumber else { return ["\(path): expected a number"] }
        case "boolean":
            guard value is Bool else { return ["\(path): expected a boolean"] }
        default:
            out.append("\(path): schema without a type")
        }
        return out
    }
}

@Suite(.scratch) struct OpenAPITests {
    @Test func documentIsServedAndEveryDocumentedAnswerMatchesItsSchema() async throws {
        let store = try await StoryFixtures.store()
        let configuration = WebConfiguration(timeZone: TimeZone(identifier: "UTC")!, adminToken: "test-token")
        let app = try buildApplication(store: store, configuration: configuration, logger: Logger(label: "test"))
        let storyID = try #require(try await store.article(id: "s-1")?.storyID)
        try await app.test(.router) { client in
            let checker = try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                return try SchemaChecker(Data(buffer: response.body))
            }
            #expect(checker.document["openapi"] as? String == "3.1.0")
            let lafrof = "%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81"
            // (request, documented path, status)
            let cases: [(String, String, Int)] = [
                ("/api/articles", "/api/articles", 200),
                ("/api/articles?source=2&limit=1", "/api/articles", 200),
                ("/api/articles?limit=0", "/api/articles", 400),
                ("/api/articles/s-1", "/api/articles/{id}", 200),
                ("/api/articles/no-such-id", "/api/articles/{id}", 404),
                ("/api/articles/s-1/related", "/api/articles/{id}/related", 200),
                ("/api/articles/s-1/related?limit=99", "/api/articles/{id}/related", 400),
                ("/api/stories", "/api/stories", 200),
                ("/api/stories?limit=1&before=1", "/api/stories", 200),
                ("/api/stories?limit=0", "/api/stories", 400),
                ("/api/stories/\(storyID)", "/api/stories/{id}", 200),
                ("/api/stories/0", "/api/stories/{id}", 404),
                ("/api/tags", "/api/tags", 200),
                ("/api/tags/russia?limit=2", "/api/tags/{slug}", 200),
                ("/api/tags/no-such-tag", "/api/tags/{slug}", 404),
                ("/api/search?q=\(lafrof)", "/api/search", 200),
                ("/api/search?q=\(lafrof)&from=yesterday", "/api/search", 400),
                ("/api/search?q=\(lafrof)&tag=russia", "/api/search", 200),
                ("/api/search?q=-\(lafrof)", "/api/search", 200),
                ("/api/search?q=\(lafrof)&tag=no-such-tag", "/api/search", 404),
                ("/api/sources", "/api/sources", 200),
            ]
            for (uri, template, status) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(Int(response.status.code) == status, "\(uri)")
                    let schema = try #require(checker.schema(template, "get", status), "\(template) \(status) is not documented")
                    let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                    let problems = checker.problems(value, schema)
                    #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
                }
            }
            // The write side: the answers of POST and DELETE as documented.
            let added = try await client.execute(uri: "/api/sources", method: .post,
                                                 headers: [.authorization: "Bearer test-token", .contentType: "application/json"],
                                                 body: ByteBuffer(string: #"{"url": "https://feeds.example/rss.xml", "name": "مصدر تجريبي"}"#)) { response in
                #expect(response.status == .created)
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                let schema = try #require(checker.schema("/api/sources", "post", 201))
                #expect(checker.problems(value, schema).isEmpty, "\(checker.problems(value, schema))")
                return try #require((value as? [String: Any])?["id"] as? NSNumber).intValue
            }
            try await client.execute(uri: "/api/sources", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"url": "https://feeds.example/other.xml"}"#)) { response in
                #expect(response.status == .unauthorized)
                let schema = try #require(checker.schema("/api/sources", "post", 401))
                #expect(checker.problems(try JSONSerialization.jsonObject(with: Data(buffer: response.body)), schema).isEmpty)
            }
            try await client.execute(uri: "/api/sources/\(added)", method: .delete, headers: [.authorization: "Bearer test-token"]) { response in
                #expect(response.status == .noContent)
            }
        }
    }

    /// The checker itself finds what it must: a missing required field, an undocumented field, a
    /// wrong type and a bad date.
    @Test func checkerReportsDrift() throws {
        let checker = try SchemaChecker(Data(OpenAPIDocument.json.utf8))
        let schema = try #require(checker.schema("/api/articles/{id}/related", "get", 200))
        let good: [String: Any] = ["id": "a", "similar": [], "sameStory": [["id": "b", "title": "t", "source": "s",
                                                                            "published": "2024-05-07T10:00:00Z", "score": 0.5]]]
        #expect(checker.problems(good, schema).isEmpty)
        let bad: [String: Any] = ["id": 3, "similar": [["id": "b", "title": "t", "source": "s", "published": "أمس", "score": 1]],
                                  "extra": true]
        let found = checker.problems(bad, schema)
        #expect(found.contains("$: missing sameStory"))
        #expect(found.contains("$.extra: not in the document"))
        #expect(found.contains("$.id: expected a string"))
        #expect(found.contains("$.similar[0].published: not a date-time: أمس"))
    }
}
