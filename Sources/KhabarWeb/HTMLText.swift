/// HTML escaping and bidi isolation for text we did not write.
///
/// Mustache's `{{…}}` escapes, but Arabic pages also need Latin and numeric runs isolated so that
/// "WE CONNECT PEOPLE." or "2-1" do not reorder the sentence around them. `isolated` escapes
/// first and then wraps each left-to-right run in `<bdi>`; its output is the only raw HTML the
/// templates insert with `{{{…}}}`.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaped text with every run that starts with a Latin letter or a digit wrapped in `<bdi>`.
    ///
    /// A run continues over Latin letters, digits and the punctuation that binds them (`. , : - / % +`
    /// and inner spaces) and ends on a letter or digit, so trailing punctuation stays in the Arabic
    /// sentence.
    public static func isolated(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        var i = 0
        while i < scalars.count {
            if isStrongLTRStart(scalars[i]) {
                var end = i + 1
                var lastSolid = i
                while end < scalars.count, isRunPart(scalars[end]) {
                    if isStrongLTRStart(scalars[end]) { lastSolid = end }
                    end += 1
                }
                var run = String.UnicodeScalarView()
                run.append(contentsOf: scalars[i...lastSolid])
                let runText = String(run)
                // A bare number inside Arabic text needs no isolation; only mixed or Latin runs do.
                if runText.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "," || $0 == "." }) {
                    out += escape(runText)
                } else {
                    out += "<bdi>" + escape(runText) + "</bdi>"
                }
                i = lastSolid + 1
            } else {
                out += escape(String(scalars[i]))
                i += 1
            }
        }
        return out
    }

    static func isStrongLTRStart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: true
        default: false
        }
    }

    static func isRunPart(_ s: Unicode.Scalar) -> Bool {
        if isStrongLTRStart(s) { return true }
        switch s {
        case ".", ",", ":", "-", "/", "%", "+", " ", "'", "&", "_", "@", "#": return true
        default: return false
        }
    }
}
