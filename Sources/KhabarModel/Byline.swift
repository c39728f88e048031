/// An article's author as readers should see it, or nil when the value names nobody.
///
/// Outlets and feeds put keys and addresses where the author goes: the ANT corpus' Al Arabiya
/// columns carry a UUID (97 articles on the dev file), CMS exports carry user numbers, and an RSS
/// `<author>` may be a bare e-mail address (the feed reader already keeps the name of
/// "address (Name)"). Such a value would be shown under the outlet line and written into feeds as
/// `dc:creator`, so import and refresh read it here once.
public enum Byline {
    public static func clean(_ raw: String?) -> String? {
        guard let s = raw?.withoutControls.trimmed, !s.isEmpty, !isAddress(s), !isIdentifier(s) else { return nil }
        return s
    }

    /// One word with an @ between a local part and a domain with a dot.
    static func isAddress(_ s: String) -> Bool {
        guard !s.contains(" "), let at = s.firstIndex(of: "@") else { return false }
        return at != s.startIndex && s[s.index(after: at)...].contains(".")
    }

    /// Nothing but hex digits, dashes and underscores, eight digits or more (a UUID, a hash, a
    /// user number): a key, not a name.
    static func isIdentifier(_ s: String) -> Bool {
        var hex = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x30...0x39, 0x41...0x46, 0x61...0x66: hex += 1
            case 0x2D, 0x5F: continue
            default: return false
            }
        }
        return hex >= 8
    }
}
