import Foundation

/// JSON columns (attribution, a story's outlets) as both backends store them: compact text with
/// sorted keys, so the same value is always the same bytes.
public enum StoredJSON {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Nil for a missing column or text that does not decode (never a crash on a hand-edited row).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A list of article seqs as stored (`also_duplicate_of`): a JSON array, or nil when empty.
    public static func encodeSeqs(_ seqs: [Int64]) -> String? {
        seqs.isEmpty ? nil : encode(seqs)
    }

    /// A stored list of seqs; a missing or unreadable column reads as none.
    public static func seqs(_ text: String?) -> [Int64] {
        decode([Int64].self, from: text) ?? []
    }
}
