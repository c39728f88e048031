extension StringProtocol {
    /// The string without leading/trailing white space (Unicode `White_Space`, which includes
    /// newlines and NBSP) and without the `extra` characters. Foundation's `trimmingCharacters(in:)`
    /// goes through NSString/UTF-16 on Linux and was the top cost of feed parsing; this stays on
    /// Unicode scalars and returns the string untouched when there is nothing to trim.
    func trimmed(_ extra: Unicode.Scalar...) -> String {
        let u = unicodeScalars
        func strip(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || extra.contains(s) }
        guard let first = u.firstIndex(where: { !strip($0) }) else { return "" }
        let last = u.lastIndex(where: { !strip($0) })!
        if first == u.startIndex && u.index(after: last) == u.endIndex, let s = self as? String { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: u[first...last])
        return String(out)
    }
}

extension String {
    /// Trims white space and control characters (C0, DEL, C1) at both ends.
    func trimmedControls() -> String {
        let u = unicodeScalars
        func strip(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || s.value < 0x20 || (0x7F...0x9F).contains(s.value) }
        guard let first = u.firstIndex(where: { !strip($0) }) else { return "" }
        let last = u.lastIndex(where: { !strip($0) })!
        if first == u.startIndex && u.index(after: last) == u.endIndex { return self }
        return String(u[first...last])
    }
}
