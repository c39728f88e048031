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

    /// A stored list of strings (a JSON array of strings, as `encode` writes it); nil when missing
    /// or unreadable. An array whose strings hold no escape and no control character is split
    /// where it stands (JSONDecoder was most of the home page's story reads); anything else goes
    /// through `decode`.
    public static func strings(_ text: String?) -> [String]? {
        guard let text, !text.isEmpty else { return nil }
        if let fast = plainStrings(text) { return fast }
        return decode([String].self, from: text)
    }

    /// `["a","b"]` with optional spaces, no backslash and no control character; nil otherwise.
    static func plainStrings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { b -> [String]? in
            var i = 0
            let n = b.count
            func skipSpaces() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
            skipSpaces()
            guard i < n, b[i] == 0x5B else { return nil }   // [
            i += 1
            var out: [String] = []
            skipSpaces()
            if i < n, b[i] == 0x5D {                        // ]
                i += 1
                skipSpaces()
                return i == n ? out : nil
            }
            while true {
                skipSpaces()
                guard i < n, b[i] == 0x22 else { return nil }   // "
                let start = i + 1
                i = start
                while i < n, b[i] != 0x22 {
                    if b[i] == 0x5C || b[i] < 0x20 { return nil }
                    i += 1
                }
                guard i < n else { return nil }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                i += 1
                skipSpaces()
                guard i < n else { return nil }
                if b[i] == 0x2C { i += 1; continue }            // ,
                guard b[i] == 0x5D else { return nil }
                i += 1
                skipSpaces()
                return i == n ? out : nil
            }
        }
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
