/// The 64-bit key of a normalized word: what the tagger's gazetteer index, cue lists and term
/// statistics are keyed by. `Analysis.keys` holds it for every token, computed during the
/// analyzer's one scan while the word's bytes are in its buffer, so consumers never re-read or
/// rehash token text.
///
/// A function of the bytes alone, stable across runs and versions (`TermStatistics` persists
/// keys of stems): a word of up to 15 bytes is packed into two little-endian 64-bit words (bytes
/// 0–7, 8–14, zeros after the end) and mixed with its length; a longer word is hashed 8 bytes at
/// a time.
public enum WordKey {
    /// Key of a word of at most 15 bytes given packed (see the type's summary).
    @inlinable @inline(__always)
    public static func packed(lo: UInt64, hi: UInt64, count: Int) -> UInt64 {
        var k = (lo ^ (UInt64(truncatingIfNeeded: count) << 58)) &* 0x9E37_79B9_7F4A_7C15
        k ^= hi &* 0xC2B2_AE3D_27D4_EB4F
        k ^= k >> 29
        k &*= 0xBF58_476D_1CE4_E5B9
        k ^= k >> 32
        return k
    }

    /// Key of a word of more than 15 bytes: 8-byte chunks, multiply–xorshift, length mixed in.
    @inlinable
    public static func long(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var t: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { t |= UInt64(p[i]) << shift; shift += 8; i += 1 }
            h = (h ^ t) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h
    }

    /// Key of the bytes `p[0..<n]`.
    @inlinable @inline(__always)
    public static func of(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n > 15 { return long(p, n) }
        var lo: UInt64 = 0, hi: UInt64 = 0
        for i in 0..<min(n, 8) { lo |= UInt64(p[i]) << UInt64(8 * i) }
        if n > 8 { for i in 8..<n { hi |= UInt64(p[i]) << UInt64(8 * (i - 8)) } }
        return packed(lo: lo, hi: hi, count: n)
    }

    /// Key of a string's UTF-8.
    public static func of(_ s: String) -> UInt64 {
        withUTF8(s) { p, n in of(p, n) }
    }

    /// `of(p, n)` for bytes followed by at least 16 − n readable bytes (the analyzer's word
    /// buffer): two unaligned loads instead of a byte loop.
    @inline(__always)
    static func ofPadded(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n > 15 { return long(p, n) }
        let raw = UnsafeRawPointer(p)
        var lo = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var hi = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if n <= 8 {
            hi = 0
            if n < 8 { lo &= (UInt64(1) << UInt64(8 * n)) &- 1 }
        } else {
            hi &= (UInt64(1) << UInt64(8 * (n - 8))) &- 1
        }
        return packed(lo: lo, hi: hi, count: n)
    }
}
