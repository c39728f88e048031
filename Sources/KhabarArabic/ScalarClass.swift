// Per-scalar classification shared by the normalizer and the tokenizer.
//
// Every Unicode scalar falls into one kind:
//   word      letter or digit: part of a token, written out as `mapped` (folded/lowercased)
//   dropMark  Arabic harakat, Quranic marks, superscript alef, tatweel: removed, but inside a word
//             they neither split it nor end its source range (so offsets cover كَتَبَ whole)
//   keepMark  other combining marks (e.g. Latin U+0301): kept as they are, do not split a word
//   control   format controls (Cf: zero-width, bidi, BOM, ALM, soft hyphen): removed, never split
//   separator anything else (spaces, punctuation, symbols): kept by normalize, splits tokens
//   expand    presentation form or a multi-scalar lowercase: replaced by several scalars
//   dropSeparator  Quranic signs that stand between words or before a verse number (۝ ۞ ۩):
//             removed by normalize, but they split words
//
// A class is packed in a UInt32: bits 0-20 the mapped scalar, bits 21-22 a word scalar's script
// (`classScript`), bits 24-27 the kind.

enum ScalarKind: UInt32 {
    case separator = 0, word = 1, dropMark = 2, keepMark = 3, control = 4, expand = 5, dropSeparator = 6
}

@inline(__always) func packClass(_ kind: ScalarKind, _ mapped: UInt32) -> UInt32 {
    let script: UInt32 = kind != .word ? 0 : mapped < 0x80 ? 2 : (mapped &- 0x0600 < 0x100 ? 1 : 0)
    return (kind.rawValue << 24) | (script << 21) | mapped
}
@inline(__always) func classKind(_ c: UInt32) -> UInt32 { c >> 24 }
@inline(__always) func classScalar(_ c: UInt32) -> UInt32 { c & 0x1F_FFFF }
/// A word scalar's script, from its mapped form: 1 Arabic, 2 ASCII (letter or digit), 0 other.
/// The tokenizer splits a word where 1 and 2 meet.
@inline(__always) func classScript(_ c: UInt32) -> UInt32 { (c >> 21) & 3 }

let kindSeparator = ScalarKind.separator.rawValue
let kindWord = ScalarKind.word.rawValue
let kindDropMark = ScalarKind.dropMark.rawValue
let kindKeepMark = ScalarKind.keepMark.rawValue
let kindControl = ScalarKind.control.rawValue
let kindExpand = ScalarKind.expand.rawValue
let kindDropSeparator = ScalarKind.dropSeparator.rawValue

/// Arabic-specific rules for U+0600–U+06FF and the Arabic Extended-A marks; nil = use Unicode properties.
func arabicOverride(_ v: UInt32) -> UInt32? {
    switch v {
    case 0x06DD, 0x06DE, 0x06E9:
        return packClass(.dropSeparator, v)                  // ۝ end of ayah, ۞ rub el hizb, ۩ sajdah
    case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640:
        return packClass(.dropMark, v)                       // marks, superscript alef, tatweel
    case 0x0622, 0x0623, 0x0625, 0x0671: return packClass(.word, 0x0627)   // آ أ إ ٱ → ا
    case 0x0649: return packClass(.word, 0x064A)                           // ى → ي
    case 0x0629: return packClass(.word, 0x0647)                           // ة → ه
    case 0x0624: return packClass(.word, 0x0648)                           // ؤ → و
    case 0x0626: return packClass(.word, 0x064A)                           // ئ → ي
    case 0x06A9: return packClass(.word, 0x0643)                           // Persian ک → ك
    case 0x06CC: return packClass(.word, 0x064A)                           // Persian ی → ي
    // the heh, kaf and yeh shapes of Urdu and Kurdish typing and of some Arabic sites' fonts:
    // ھ ۀ ہ ۂ ۃ ە → ه (ۃ is a taa marbuta, and ة folds to ه), ڪ → ك, ے ۓ → ي
    case 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06D5: return packClass(.word, 0x0647)
    case 0x06AA: return packClass(.word, 0x0643)
    case 0x06D2, 0x06D3: return packClass(.word, 0x064A)
    case 0x0660...0x0669: return packClass(.word, v - 0x0660 + 0x30)       // Arabic-Indic digits
    case 0x06F0...0x06F9: return packClass(.word, v - 0x06F0 + 0x30)       // Persian digits
    case 0x0898...0x089F, 0x08CA...0x08E1, 0x08E3...0x08FF:
        return packClass(.dropMark, v)                       // Arabic Extended-A/B marks
    default: return nil
    }
}

/// Classification by Unicode properties (stdlib only), after the Arabic overrides.
func classifyScalar(_ v: UInt32) -> UInt32 {
    if let a = arabicOverride(v) { return a }
    guard let s = Unicode.Scalar(v) else { return packClass(.separator, v) }
    if v < 0x80 {
        switch v {
        case 0x41...0x5A: return packClass(.word, v + 0x20)
        case 0x61...0x7A, 0x30...0x39: return packClass(.word, v)
        default: return packClass(.separator, v)
        }
    }
    let p = s.properties
    switch p.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .decimalNumber:
        if p.changesWhenLowercased {
            let lower = p.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first { return packClass(.word, l.value) }
            return packClass(.expand, v)
        }
        return packClass(.word, v)
    case .nonspacingMark, .spacingMark, .enclosingMark:
        return packClass(.keepMark, v)
    case .format:
        return packClass(.control, v)
    default:
        return packClass(.separator, v)
    }
}

/// Classes of U+0000–U+07FF (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic …), built once.
let lowTable: [UInt32] = (0..<0x800).map { classifyScalar(UInt32($0)) }

/// The same table as a raw pointer for the scanning loops (allocated once, never freed).
nonisolated(unsafe) let lowTablePointer: UnsafePointer<UInt32> = {
    let p = UnsafeMutablePointer<UInt32>.allocate(capacity: lowTable.count)
    p.initialize(from: lowTable, count: lowTable.count)
    return UnsafePointer(p)
}()

/// Presentation forms: for each code point U+FB50–U+FEFF, 0 (none) or
/// (offset << 8 | count) into `presentationScalars`; the dropMark kind for space+harakat forms.
struct PresentationForms: Sendable {
    static let first: UInt32 = 0xFB50
    static let last: UInt32 = 0xFEFF
    let index: [UInt32]
    let scalars: [UInt32]
    let drop: [Bool]

    init(data: String) {
        var index = [UInt32](repeating: 0, count: Int(Self.last - Self.first + 1))
        var drop = [Bool](repeating: false, count: index.count)
        var scalars: [UInt32] = [0]   // offset 0 means "no mapping"
        for line in data.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard parts.count >= 2 else { continue }
            let range = parts[0].split(separator: "-").compactMap { UInt32($0, radix: 16) }
            let mapping = parts.dropFirst().compactMap { UInt32($0, radix: 16) }
            guard let lo = range.first, let hi = range.last, lo >= Self.first, hi <= Self.last else { continue }
            // A mapping that is only spaces and droppable marks is itself a droppable mark.
            let onlyMarks = mapping.allSatisfy { $0 == 0x20 || classKind(classifyScalar($0)) == kindDropMark }
            let offset = UInt32(scalars.count)
            scalars.append(contentsOf: mapping)
            for cp in lo...hi {
                index[Int(cp - Self.first)] = offset << 8 | UInt32(mapping.count)
                drop[Int(cp - Self.first)] = onlyMarks
            }
        }
        self.index = index
        self.scalars = scalars
        self.drop = drop
    }

    /// Mapping of `v` (must be within first...last), empty when none.
    @inline(__always) func mapping(_ v: UInt32) -> ArraySlice<UInt32> {
        let e = index[Int(v - Self.first)]
        if e == 0 { return [] }
        let off = Int(e >> 8)
        return scalars[off..<(off + Int(e & 0xFF))]
    }
}

let presentationForms = PresentationForms(data: presentationFormsData)

/// Class of a scalar ≥ U+0800 (three- and four-byte UTF-8).
@inline(never)
func classifyHigh(_ v: UInt32) -> UInt32 {
    if v >= 0x2000 && v <= 0x206F {                       // general punctuation block
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F: return packClass(.control, v)
        default: return packClass(.separator, v)
        }
    }
    if v >= PresentationForms.first && v <= PresentationForms.last {
        if v == 0xFEFF { return packClass(.control, v) }
        let i = Int(v - PresentationForms.first)
        if presentationForms.index[i] != 0 {
            return presentationForms.drop[i] ? packClass(.dropMark, v) : packClass(.expand, v)
        }
    }
    return classifyScalar(v)
}

/// Scalars that replace an `expand` scalar: presentation-form decomposition (each to be
/// classified again) or the lowercase mapping (all word scalars).
@inline(never)
func expansion(_ v: UInt32) -> (scalars: [UInt32], reclassify: Bool) {
    if v >= PresentationForms.first && v <= PresentationForms.last {
        return (Array(presentationForms.mapping(v)), true)
    }
    guard let s = Unicode.Scalar(v) else { return ([], false) }
    return (s.properties.lowercaseMapping.unicodeScalars.map(\.value), false)
}

/// Class of a scalar that comes out of a presentation-form decomposition (never `expand`).
@inline(__always) func classifyPlain(_ v: UInt32) -> UInt32 {
    v < 0x800 ? lowTablePointer[Int(v)] : classifyScalar(v)
}

// MARK: - UTF-8 helpers

/// Appends the UTF-8 encoding of scalar `v` to a growable byte buffer.
struct ByteBuffer {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        // initialized throughout: `WordKey.ofPadded` reads 16 bytes from the start
        base.initialize(repeating: 0, count: self.capacity)
    }
    func free() { base.deallocate() }

    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }
    @inline(never) mutating func grow(_ needed: Int) {
        let newCap = max(needed, capacity * 2)
        let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: newCap)
        nb.initialize(repeating: 0, count: newCap)
        nb.update(from: base, count: count)
        base.deallocate()
        base = nb
        capacity = newCap
    }
    @inline(__always) mutating func appendScalar(_ v: UInt32) {
        reserve(4)
        if v < 0x80 {
            base[count] = UInt8(v); count += 1
        } else if v < 0x800 {
            base[count] = UInt8(0xC0 | (v >> 6)); base[count + 1] = UInt8(0x80 | (v & 0x3F)); count += 2
        } else if v < 0x10000 {
            base[count] = UInt8(0xE0 | (v >> 12)); base[count + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            base[count + 2] = UInt8(0x80 | (v & 0x3F)); count += 3
        } else {
            base[count] = UInt8(0xF0 | (v >> 18)); base[count + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            base[count + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); base[count + 3] = UInt8(0x80 | (v & 0x3F))
            count += 4
        }
    }
    @inline(__always) mutating func appendBytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + count).update(from: p, count: n)
        count += n
    }
    func makeString() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}

/// Decodes the scalar at `i` of valid UTF-8 `p`; returns (scalar, byte length).
@inline(__always) func decodeScalar(_ p: UnsafePointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
    if b0 < 0xF0 {
        return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
    }
    return (((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
            | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F), 4)
}
