import Foundation
import KhabarModel

/// One JSONL line of an import file, in the shape of `shared/data` (`id,title,body,summary,source,
/// source_domain,published,url,category,category_ar,author`). Unknown fields are ignored.
struct ImportRecord: Decodable {
    var id: String?
    var title: String?
    var body: String?
    var summary: String?
    var source: String?
    var source_ar: String?
    var source_domain: String?
    var published: String?
    var url: String?
    var category: String?
    var category_ar: String?
    var author: String?
}

/// Turns import lines into drafts; every failure is a reason naming the field.
public enum RecordParser {
    /// Parses one line; throws `KhabarError.badField` (or a JSON reason) for a line that must be skipped.
    public static func draft(fromJSONLine line: [UInt8]) throws -> ArticleDraft {
        try draft(from: record(fromJSONLine: line))
    }

    /// The draft of one line with its title and body as the line gives them, before `clean`:
    /// what a reader of the line's text points into.
    public static func draftAndInput(fromJSONLine line: [UInt8]) throws -> (draft: ArticleDraft, title: String, body: String) {
        let record = try record(fromJSONLine: line)
        let draft = try draft(from: record)
        return (draft, record.title ?? "", record.body ?? "")
    }

    static func record(fromJSONLine line: [UInt8]) throws -> ImportRecord {
        let record: ImportRecord
        do {
            record = try decoder.decode(ImportRecord.self, from: Data(line))
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
            // the line is JSON, but an array, a string, a number or null instead of an object
            throw KhabarError.badField(field: "(line)", reason: "expected a JSON object with id, title, body, …")
        } catch let DecodingError.valueNotFound(_, context) where context.codingPath.isEmpty {
            throw KhabarError.badField(field: "(line)", reason: "expected a JSON object with id, title, body, …")
        } catch let DecodingError.typeMismatch(_, context) {
            throw KhabarError.badField(field: fieldName(context), reason: "has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw KhabarError.badField(field: fieldName(context), reason: "is null")
        } catch {
            throw KhabarError.badField(field: "(line)", reason: "invalid JSON")
        }
        return record
    }

    static let decoder = JSONDecoder()

    static func fieldName(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.withoutControls.trimmed, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func draft(from record: ImportRecord) throws -> ArticleDraft {
        guard let title = clean(record.title) else { throw KhabarError.badField(field: "title", reason: "is missing or empty") }
        guard let body = clean(record.body) else { throw KhabarError.badField(field: "body", reason: "is missing or empty") }
        var url: String?
        if let raw = clean(record.url) {
            guard let canonical = CanonicalURL.canonicalize(raw) else {
                throw KhabarError.badField(field: "url", reason: "is not an absolute URL: \(raw.prefix(120))")
            }
            url = canonical
        }
        let id: String
        if let given = clean(record.id) {
            id = given
        } else if let url {
            var hasher = FNV1a64()
            hasher.combine(url)
            id = "u-" + hasher.hexDigest
        } else {
            throw KhabarError.badField(field: "id", reason: "is missing and there is no url to derive it from")
        }
        var published: Date?
        if let raw = clean(record.published) {
            guard let date = DateParsing.parse(raw) else {
                throw KhabarError.badField(field: "published", reason: "is not an ISO 8601 date: \(raw.prefix(60))")
            }
            published = date
        }
        let domain = clean(record.source_domain) ?? url.flatMap { URLComponents(string: $0)?.host }
        guard let sourceName = clean(record.source) ?? clean(record.source_ar) ?? domain else {
            throw KhabarError.badField(field: "source", reason: "is missing and there is no source_domain or url")
        }
        return ArticleDraft(
            id: id, title: title, body: body, summary: clean(record.summary).map { SummaryText.repaired($0, body: body) },
            author: Byline.clean(record.author),
            url: url ?? ArticleDraft.placeholderURL(id: id), published: published,
            category: clean(record.category), categoryAr: clean(record.category_ar),
            source: SourceDraft(name: sourceName, domain: domain))
    }
}
