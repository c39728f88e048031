extension StringProtocol {
    /// The text without leading and trailing white space (newlines included).
    ///
    /// Pure Swift on purpose: Foundation's `trimmingCharacters(in:)` goes through NSString on Linux
    /// and was 13 % of `khabar import` and 28 % of an article page in profiles.
    public var trimmed: String {
        let scalars = unicodeScalars
        // Most values have nothing to trim: no scalar-by-scalar copy then.
        if let head = scalars.first, let tail = scalars.last,
           !head.properties.isWhitespace, !tail.properties.isWhitespace {
            return String(self)
        }
        guard let (first, last) = Self.unwhiteBounds(scalars) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    /// The first and the last scalar that are no white space: what `trimmed` keeps (nil: none).
    @inline(__always)
    static func unwhiteBounds<C: BidirectionalCollection>(_ scalars: C) -> (C.Index, C.Index)? where C.Element == Unicode.Scalar {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        return (first, scalars.lastIndex(where: { !$0.properties.isWhitespace })!)
    }
}

extension StringProtocol {
    /// The text without the characters no stored field should hold: C0 controls other than tab,
    /// line feed and carriage return, DEL, the noncharacters U+FFFE and U+FFFF, and the bidi
    /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). SQLite cut a
    /// value at a NUL; an override left open reversed what a page printed after the field. The
    /// marks U+200E and U+200F stay: they direct nothing beyond themselves.
    public var withoutControls: String {
        let bytes = Array(utf8)
        guard bytes.indices.contains(where: { Self.controlLength(bytes, $0) > 0 }) else { return String(self) }
        return String(decoding: Self.keptOffsets(bytes).map { bytes[$0] }, as: UTF8.self)
    }

    /// The offsets of the bytes `withoutControls` keeps, ascending.
    static func keptOffsets(_ bytes: [UInt8]) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let n = controlLength(bytes, i)
            if n == 0 { kept.append(i) }
            i += Swift.max(n, 1)
        }
        return kept
    }

    /// The byte length of the dropped character starting at `i`, or 0.
    @inline(__always)
    static func controlLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c < 0x20 { return c == 0x09 || c == 0x0A || c == 0x0D ? 0 : 1 }
        if c == 0x7F { return 1 }
        guard c == 0xE2 || c == 0xEF, i + 2 < b.count else { return 0 }
        let c1 = b[i + 1], c2 = b[i + 2]
        if c == 0xE2 && c1 == 0x80 && (0xAA...0xAE).contains(c2) { return 3 }   // U+202A–U+202E
        if c == 0xE2 && c1 == 0x81 && (0xA6...0xA9).contains(c2) { return 3 }   // U+2066–U+2069
        if c == 0xEF && c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF) { return 3 }   // U+FFFE, U+FFFF
        return 0
    }
}

extension StringProtocol {
    /// Where each UTF-8 byte of `withoutControls.trimmed` stands in the text itself: one byte
    /// offset per byte, ascending. A reader of cleaned text points back into the text it was given
    /// with it (`khabar analyze` writes offsets into its input).
    public var cleanedByteOrigins: [Int] {
        let bytes = Array(utf8)
        let kept = Self.keptOffsets(bytes)
        // then what `trimmed` keeps of the text without controls, by the same bounds
        let clean = String(decoding: kept.map { bytes[$0] }, as: UTF8.self)
        guard let (first, last) = Self.unwhiteBounds(clean.unicodeScalars) else { return [] }
        let lead = clean.utf8.distance(from: clean.startIndex, to: first)
        let end = clean.utf8.distance(from: clean.startIndex, to: clean.unicodeScalars.index(after: last))
        return Array(kept[lead..<end])
    }
}
