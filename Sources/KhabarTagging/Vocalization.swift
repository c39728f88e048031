// The harakat a text writes on a name, read against the gazetteer's vocalized spellings.
//
// Normalization folds harakat and shadda away before matching, so عمّان (Amman) and عُمان (Oman)
// are one word to the matcher. A writer who marks them says which is meant. The gazetteer lists
// such spellings as aliases of their entity (`amman=عمان,عمّان`; `عُمان` for Oman); where a
// match has several readings and its words carry marks, those spellings decide between them.

enum Vocalization {
    /// Bit of the shadda (U+0651) in a letter's mark mask; bit k is U+064B + k.
    static let shadda: UInt8 = 1 << 6

    /// One mask per letter of `bytes` (UTF-8): the harakat written on it. Marks attach to the
    /// letter before them; tatweel, superscript alef, spaces and punctuation are no letters.
    static func marks(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // letters and digits count; spaces, punctuation and # do not
                if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { out.append(0) }
                i += 1
                continue
            }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if len == 2 && i + 1 < n {
                let scalar = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                switch scalar {
                case 0x064B...0x0652:
                    if !out.isEmpty { out[out.count - 1] |= UInt8(1) << UInt8(scalar - 0x064B) }
                case 0x0640, 0x0670, 0x00A0: break   // tatweel, superscript alef, no-break space
                default: out.append(0)
                }
            } else if len == 3 && i + 2 < n && b == 0xE2 && bytes[i + 1] == 0x80 {
                // U+2000–U+203F: spaces, joiners, marks of direction, dashes and quotes
            } else {
                out.append(0)
            }
            i += len
        }
        return out
    }

    /// Does `text` carry any haraka or shadda? (Read before `marks`, which builds an array.)
    static func isVocalized(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x064B...0x0652).contains($0.value) }
    }

    static func marks(_ text: String) -> [UInt8] {
        withUTF8Copy(text) { p, n in marks(UnsafeBufferPointer(start: p, count: n)) }
    }

    /// Does the UTF-8 span carry any haraka or shadda?
    static func hasMarks(_ text: TextBytes, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 1 < end {
            if text[i] == 0xD9 && text[i + 1] >= 0x8B && text[i + 1] <= 0x92 { return true }
            i += 1
        }
        return false
    }

    /// How far the written marks `text` agree with the vocalized spelling `spelling` (the same
    /// letters): nil when they contradict it (a shadda the spelling lacks, or another vowel on
    /// a letter both mark), else the count of marks both write. A mark the text leaves out is
    /// no contradiction: writers mark only the letter that tells the names apart.
    static func agreement(_ text: [UInt8], _ spelling: [UInt8]) -> Int? {
        guard text.count == spelling.count else { return 0 }
        var agreed = 0
        for (t, s) in zip(text, spelling) {
            if t & shadda != 0 && s & shadda == 0 { return nil }
            let tv = t & ~shadda, sv = s & ~shadda
            if tv != 0 && sv != 0 && tv != sv { return nil }
            agreed += (t & s).nonzeroBitCount
        }
        return agreed
    }
}
