// Names Arabic writes as one word or two: أبوظبي and أبو ظبي, عبدالله and عبد الله.

extension Analyzer {
    /// The heads of compound names that outlets write joined to the next word or apart (أبو ظبي،
    /// عبد الرحمن), normalized. A rule, not a list of names: any name so made is covered.
    static let joinableHeads = ["ابو", "عبد"]

    /// At least this many letters must follow a head for a word to be read as a joined name: the
    /// shortest name after one is three letters (ظبي، بكر), and a shorter tail is a suffix, not a
    /// name (عبده، عبدة).
    static let joinedNameTail = 3

    /// The two words of the normalized word `word` when it is a joined compound name (ابوظبي →
    /// ابو ظبي, عبدالله → عبد الله); nil otherwise.
    public func splitName(_ word: String) -> (head: String, tail: String)? {
        for head in Self.joinableHeads where word.hasPrefix(head) {
            let tail = String(word.dropFirst(head.count))
            if Self.isNameTail(tail) { return (head, tail) }
        }
        return nil
    }

    /// The one word the normalized words `head` and `tail` make when written joined (ابو + ظبي →
    /// ابوظبي); nil when `head` is no compound name's head or `tail` cannot end one.
    public func joinedName(_ head: String, _ tail: String) -> String? {
        Self.joinableHeads.contains(head) && Self.isNameTail(tail) ? head + tail : nil
    }

    /// Arabic letters only, at least `joinedNameTail` of them.
    static func isNameTail(_ tail: String) -> Bool {
        tail.count >= joinedNameTail && tail.unicodeScalars.allSatisfy { (0x0621...0x064A).contains($0.value) }
    }
}
