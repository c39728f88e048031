import KhabarStorage

/// The syntax of a search query as typed, before any analysis: what Google News, FreshRSS and
/// Miniflux users type.
///
/// - `"…"` (or `“…”`, `«…»`: any of these quote marks opens a phrase, and the next one closes it)
///   is a phrase. A quote mark left open opens a phrase that runs to the end of the query, as
///   Google reads it: the closing quote is the one a reader forgets (`"وزير الخارجية`), and
///   `-"وزير الخارجية` still leaves the phrase out rather than look for its last word.
/// - `-` before a word or a phrase (at the start of the query or after a space) excludes it. A lone
///   `-`, or one inside a word (كوريا-الشمالية), is punctuation.
/// - `OR`, in capitals and standing alone, joins the terms either side of it (`ترامب OR بايدن`);
///   lower-case `or` is a word. An `OR` with no term on one side (at either end, beside an
///   exclusion or another `OR`) is dropped.
///
/// Nothing here becomes index syntax: the pieces are only text for the analyzer, and the backends
/// build their expressions from its tokens (`SearchIndex`).
struct QuerySyntax {
    enum Piece: Equatable {
        /// Text outside quotes, without whitespace: one or more words once analyzed.
        case text(String)
        /// The text between two quote marks.
        case phrase(String)
        /// A standalone `OR`.
        case or
    }

    struct Item: Equatable {
        var piece: Piece
        var excluded: Bool
    }

    static let quoteMarks: Set<Character> = ["\"", "“", "”", "„", "«", "»"]

    /// The pieces of `text`, in order.
    static func read(_ text: String) -> [Item] {
        var items: [Item] = []
        let chars = Array(text)
        var i = 0
        var chunk = ""
        func endChunk() {
            defer { chunk = "" }
            guard !chunk.isEmpty else { return }
            if chunk == "OR" {
                items.append(Item(piece: .or, excluded: false))
            } else if chunk.hasPrefix("-") {
                let rest = String(chunk.dropFirst())
                // a lone '-' is punctuation, and "--" no word
                if !rest.isEmpty { items.append(Item(piece: .text(rest), excluded: true)) }
            } else {
                items.append(Item(piece: .text(chunk), excluded: false))
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                endChunk()
                i += 1
            } else if quoteMarks.contains(c) {
                // `-"…"` excludes the phrase; a quote after other text ends that text first
                let excluded = chunk == "-"
                if excluded { chunk = "" } else { endChunk() }
                let close = chars[(i + 1)...].firstIndex(where: quoteMarks.contains) ?? chars.count
                items.append(Item(piece: .phrase(String(chars[(i + 1)..<close])), excluded: excluded))
                i = close + 1
            } else {
                chunk.append(c)
                i += 1
            }
        }
        endChunk()
        return items
    }
}
