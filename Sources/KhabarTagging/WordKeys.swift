import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Word keys: the 64-bit keys the matcher, the cue sets and the term statistics use for a
// normalized word, computed without touching the word's bytes one by one.
//
// Why: the tagger looks at every word of every article, and reading a Swift String's UTF-8
// costs 50–80 ns for a small string (≤ 15 bytes, 90 % of Arabic words) through
// `withContiguousStorageIfAvailable`, and ~15 ns through a bulk copy — more than the rest of the
// per-word work. A small string keeps its bytes inline in its two words, so the key is computed
// from those bits directly. The key is a function of the bytes alone (not of the representation):
// words of up to 15 bytes are packed into two little-endian 64-bit words exactly as a small
// string holds them and mixed; longer words are hashed 8 bytes at a time. It is stable across
// runs and versions (`TermStatistics` persists keys).
//
// The small-string layout is an implementation detail of the standard library, so it is checked
// once at start-up against strings whose bytes are known (`WordBits.layoutVerified`); if the
// check fails, every path falls back to copying the bytes, with the same keys.

/// A word of at most 15 UTF-8 bytes, packed: bytes 0–7 in `lo`, 8–14 in `hi` (little-endian),
/// zeros after the end.
struct PackedWord: Equatable {
    var lo: UInt64
    var hi: UInt64
    var count: Int

    /// The word minus its first `k` bytes (k < 8).
    @inline(__always) func dropFirst(_ k: Int) -> PackedWord {
        let s = UInt64(8 * k)
        return PackedWord(lo: (lo >> s) | (k == 0 ? 0 : hi << (64 - s)), hi: hi >> s, count: count - k)
    }

    /// "ال" + this word (which must have at most 11 bytes).
    @inline(__always) func prefixedWithAl() -> PackedWord {
        PackedWord(lo: (lo << 32) | 0x84D9_A7D8, hi: ((hi << 32) | (lo >> 32)) & 0x00FF_FFFF_FFFF_FFFF,
                   count: count + 4)
    }

    @inline(__always) var key: UInt64 { WordKey.packed(lo: lo, hi: hi, count: count) }

    /// Does the word have an ASCII byte (a digit or a Latin letter)? Arabic letters are all
    /// two-byte sequences with the high bit set.
    @inline(__always) var hasASCII: Bool {
        let n = UInt64(count)
        let loMask: UInt64 = n >= 8 ? ~0 : (n == 0 ? 0 : (~0 >> (64 - 8 * n)))
        let hiMask: UInt64 = n <= 8 ? 0 : (~0 >> (64 - 8 * (n - 8)))
        return (~lo & loMask | ~hi & hiMask) & 0x8080_8080_8080_8080 != 0
    }

    /// Byte `i` (< count).
    @inline(__always) subscript(_ i: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: i < 8 ? lo >> UInt64(8 * i) : hi >> UInt64(8 * (i - 8)))
    }

    init(lo: UInt64, hi: UInt64, count: Int) {
        self.lo = lo
        self.hi = hi
        self.count = count
    }

    /// Packs `p[0..<n]`, n ≤ 15.
    @inline(__always) init(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        for i in 0..<min(n, 8) { lo |= UInt64(p[i]) << UInt64(8 * i) }
        if n > 8 { for i in 8..<n { hi |= UInt64(p[i]) << UInt64(8 * (i - 8)) } }
        self.init(lo: lo, hi: hi, count: n)
    }
}

/// Key of a longer word (`WordKey.long`).
@inline(__always) func longKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 { WordKey.long(p, n) }

/// The key of the bytes `p[0..<n]`.
@inline(__always) func wordKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    n <= 15 ? PackedWord(p, n).key : longKey(p, n)
}

/// The key of a string's UTF-8.
@inline(__always) func wordKey(_ s: String) -> UInt64 {
    if let w = WordBits.packed(s) { return w.key }
    return withUTF8Copy(s) { p, n in wordKey(p, n) }
}

/// Do the four bytes at `p` spell ال (the article, as normalized text writes it)?
@inline(__always) func spellsAl(_ p: UnsafePointer<UInt8>) -> Bool {
    p[0] == 0xD8 && p[1] == 0xA7 && p[2] == 0xD9 && p[3] == 0x84
}

/// Do the six bytes at `p` spell ابو or عبد, the heads of compound names
/// (`Tagger.joiningCompoundHeads`)?
@inline(__always) func spellsCompoundHead(_ p: UnsafePointer<UInt8>) -> Bool {
    p[0] == 0xD8 && p[2] == 0xD8 && p[3] == 0xA8
        && (p[1] == 0xA7 && p[4] == 0xD9 && p[5] == 0x88          // ابو
            || p[1] == 0xB9 && p[4] == 0xD8 && p[5] == 0xAF)      // عبد
}

/// Runs `body` on a copy of the string's UTF-8 (bulk copy, no per-byte access).
@inline(__always) func withUTF8Copy<R>(_ s: String, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    let n = s.utf8.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 8) { buf in
        let p = buf.baseAddress!
        if n > 0 { _ = UnsafeMutableBufferPointer(start: p, count: n).initialize(from: s.utf8) }
        return body(p, n)
    }
}

/// Byte equality of two strings (String == compares canonical equivalence, which is slow for
/// Arabic and not what we mean: both sides are already normalized).
func sameBytes(_ a: String, _ b: String) -> Bool {
    if let x = WordBits.packed(a), let y = WordBits.packed(b) { return x == y }
    let n = a.utf8.count
    if n != b.utf8.count { return false }
    return withUTF8Copy(a) { pa, _ in withUTF8Copy(b) { pb, _ in memcmp(pa, pb, n) == 0 } }
}

enum WordBits {
    /// The small-string layout matches what this file assumes (checked once).
    static let layoutVerified: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        for s in ["a", "abc", "موسكو", "الأمريك", "عمان1", "abcdefghijklmno", "ترامب", "ة"] {
            let bytes = Array(s.utf8)
            guard bytes.count <= 15, let w = rawPacked(s) else { return false }
            let expected = bytes.withUnsafeBufferPointer { PackedWord($0.baseAddress!, bytes.count) }
            if w != expected { return false }
        }
        return true
    }()

    /// Offset of `Token.text` inside a `Token` (for reading words without retaining them).
    static let tokenTextOffset: Int? = MemoryLayout<Token>.offset(of: \Token.text)

    @inline(__always) static func rawPacked(_ s: String) -> PackedWord? {
        let (w0, w1) = unsafeBitCast(s, to: (UInt64, UInt64).self)
        return fromBits(w0, w1)
    }

    /// Small-string bits → packed word: bit 61 of the second word marks a small string, bits
    /// 56–59 hold its length, the top byte holds these flags.
    @inline(__always) static func fromBits(_ w0: UInt64, _ w1: UInt64) -> PackedWord? {
        guard (w1 >> 61) & 1 == 1 else { return nil }
        let n = Int((w1 >> 56) & 0xF)
        return PackedWord(lo: w0, hi: w1 & 0x00FF_FFFF_FFFF_FFFF, count: n)
    }

    /// The packed bytes of a small string, or nil (large string, or unverified layout).
    @inline(__always) static func packed(_ s: String) -> PackedWord? {
        layoutVerified ? rawPacked(s) : nil
    }

    /// The packed `strings[i]`, read in place (no retain), or nil when it is not a small string.
    @inline(__always) static func packed(_ strings: UnsafeBufferPointer<String>, _ i: Int) -> PackedWord? {
        guard layoutVerified, let base = strings.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + i)
        return fromBits(raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// Reads token texts in place; made once per text so the per-word path has no lazy globals.
    struct TokenReader {
        let base: UnsafeRawPointer?
        let offset: Int
        let count: Int

        init(_ tokens: UnsafeBufferPointer<Token>) {
            if layoutVerified, let off = tokenTextOffset, let b = tokens.baseAddress {
                base = UnsafeRawPointer(b)
                offset = off
            } else {
                base = nil
                offset = 0
            }
            count = tokens.count
        }

        /// The packed text of token `i`, or nil when it is not a small string.
        @inline(__always) func packed(_ i: Int) -> PackedWord? {
            guard let b = base else { return nil }
            let raw = b + i * MemoryLayout<Token>.stride + offset
            return fromBits(raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// Reads strings of an array in place; made once per array so the per-word path has no
    /// lazy globals.
    struct StringReader {
        let base: UnsafeRawPointer?

        init(_ strings: UnsafeBufferPointer<String>) {
            base = layoutVerified ? strings.baseAddress.map { UnsafeRawPointer($0) } : nil
        }

        /// Are `strings[i]` and the text of token `k` of `tokens` the very same string value
        /// (same bits, so same storage)? False when unknown.
        @inline(__always) func sameBits(_ i: Int, _ tokens: TokenReader, _ k: Int) -> Bool {
            guard let b = base, let t = tokens.base else { return false }
            let x = b + i * MemoryLayout<String>.stride
            let y = t + k * MemoryLayout<Token>.stride + tokens.offset
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }

        /// The packed `strings[i]`, or nil when it is not a small string.
        @inline(__always) func packed(_ i: Int) -> PackedWord? {
            guard let b = base else { return nil }
            let raw = b + i * MemoryLayout<String>.stride
            return fromBits(raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// The packed text of `tokens[i]`, read in place (no retain), or nil when it is not a
    /// small string.
    @inline(__always) static func packed(_ tokens: UnsafeBufferPointer<Token>, _ i: Int) -> PackedWord? {
        TokenReader(tokens).packed(i)
    }
}
