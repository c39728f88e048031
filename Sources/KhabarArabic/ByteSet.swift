/// An immutable set of short UTF-8 byte strings, looked up straight from a byte buffer
/// (no String made, no Unicode-aware hashing). Open addressing, FNV-1a.
final class ByteSet: @unchecked Sendable {   // immutable after init; storage never mutated
    private let keys: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int32>   // key k = keys[offsets[k] ..< offsets[k+1]]
    private let slots: UnsafeMutablePointer<Int32>     // -1 = empty, else key index
    private let mask: Int
    private let lengths: UInt64                        // bit l: some key has l bytes (l < 63); bit 63: longer
    private let filter: UnsafeMutablePointer<UInt64>   // 16384-bit prefilter (`filterIndex`)
    private let starts: UnsafeMutablePointer<UInt64>   // 4096-bit set of (2nd byte, 4th byte) of keys ≥ 4 bytes
    let count: Int

    init<S: Sequence>(_ words: S) where S.Element == String {
        var unique: [[UInt8]] = []
        var seen = Set<String>()
        for w in words where !w.isEmpty && seen.insert(w).inserted { unique.append(Array(w.utf8)) }
        count = unique.count
        var cap = 16
        while cap < unique.count * 4 { cap <<= 1 }
        mask = cap - 1
        let total = unique.reduce(0) { $0 + $1.count }
        keys = .allocate(capacity: max(total, 1))
        offsets = .allocate(capacity: unique.count + 1)
        slots = .allocate(capacity: cap)
        slots.initialize(repeating: -1, count: cap)
        filter = .allocate(capacity: Self.filterWords)
        filter.initialize(repeating: 0, count: Self.filterWords)
        starts = .allocate(capacity: 64)
        starts.initialize(repeating: 0, count: 64)
        var lengths: UInt64 = 0
        var off = 0
        for (k, w) in unique.enumerated() {
            offsets[k] = Int32(off)
            for b in w { keys[off] = b; off += 1 }
            lengths |= 1 << UInt64(min(w.count, 63))
            let n = w.count
            let f = Self.filterIndex(n >= 2 ? w[1] : 0, n >= 4 ? w[3] : 0, n >= 3 ? w[n - 3] : 0, w[n - 1], n)
            filter[f >> 6] |= 1 << UInt64(f & 63)
            if w.count >= 4 {
                let st = Self.startIndex(w[1], w[3])
                starts[st >> 6] |= 1 << UInt64(st & 63)
            }
            var h = w.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) } & (cap - 1)
            while slots[h] >= 0 { h = (h + 1) & (cap - 1) }
            slots[h] = Int32(k)
        }
        offsets[unique.count] = Int32(off)
        self.lengths = lengths
    }

    deinit {
        keys.deallocate()
        offsets.deallocate()
        slots.deallocate()
        filter.deallocate()
        starts.deallocate()
    }

    @inline(__always) static func startIndex(_ b1: UInt8, _ b3: UInt8) -> Int {
        Int(b1 & 0x3F) << 6 | Int(b3 & 0x3F)
    }

    /// False when no key of ≥ 4 bytes can start like `p[0..<4]` (for two-byte letters: no key
    /// starts with these two letters); true means "maybe".
    @inline(__always) func mayStartWith(_ p: UnsafePointer<UInt8>) -> Bool {
        let st = Self.startIndex(p[1], p[3])
        return starts[st >> 6] & (1 << UInt64(st & 63)) != 0
    }

    /// 256 words: 16384 bits, 2 KB. The prefilter reads the 2nd, 4th, 3rd-last and last bytes
    /// and the length: of a word of two-byte letters, its first two letters and its last two. On
    /// (2nd, last, length) in 4096 bits, the light stemmer's trial stems (each checked against
    /// the ~330 protected words and their ة forms) passed it often enough to be hashed and probed
    /// that the analyzer ran 4–6 % slower on ANT dev (`khabar bench analyze`).
    static let filterWords = 256

    @inline(__always) static func filterIndex(_ second: UInt8, _ fourth: UInt8, _ penultimate: UInt8, _ last: UInt8,
                                              _ n: Int) -> Int {
        let x = UInt64(second) << 32 | UInt64(fourth) << 24 | UInt64(penultimate) << 16 | UInt64(last) << 8
            | UInt64(truncatingIfNeeded: n)
        return Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> 50)   // 14 bits
    }

    @inline(__always) static func hashRaw(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        return h
    }
    @inline(__always) static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }
    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int { finish(hashRaw(p, n)) }
    @inline(__always) static func hashContinue(_ h: UInt64, _ t0: UInt8, _ t1: UInt8) -> Int {
        finish((((h ^ UInt64(t0)) &* 0x100_0000_01b3) ^ UInt64(t1)) &* 0x100_0000_01b3)
    }

    @inline(__always) func contains(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n == 0 || lengths & (1 << UInt64(min(n, 63))) == 0 { return false }
        let f = Self.filterIndex(n >= 2 ? p[1] : 0, n >= 4 ? p[3] : 0, n >= 3 ? p[n - 3] : 0, p[n - 1], n)
        if filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { return false }
        var h = Self.hash(p, n) & mask
        while true {
            let k = Int(slots[h])
            if k < 0 { return false }
            let o = Int(offsets[k])
            if Int(offsets[k + 1]) - o == n && memeq(keys + o, p, n) { return true }
            h = (h + 1) & mask
        }
    }

    /// Is `p[0..<n]` followed by the two bytes `t0 t1` a key? (n ≥ 2)
    @inline(__always) func contains(_ p: UnsafePointer<UInt8>, _ n: Int, tail t0: UInt8, _ t1: UInt8) -> Bool {
        let m = n + 2
        if lengths & (1 << UInt64(min(m, 63))) == 0 { return false }
        // the key's bytes are p[0..<n] + t0 t1: its 4th is t1 (n = 2), t0 (n = 3) or p[3]
        let f = Self.filterIndex(p[1], n >= 4 ? p[3] : (n == 3 ? t0 : t1), p[n - 1], t1, m)
        if filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { return false }
        var h = Self.hashContinue(Self.hashRaw(p, n), t0, t1) & mask
        while true {
            let k = Int(slots[h])
            if k < 0 { return false }
            let o = Int(offsets[k])
            if Int(offsets[k + 1]) - o == m && memeq(keys + o, p, n) && keys[o + n] == t0 && keys[o + n + 1] == t1 {
                return true
            }
            h = (h + 1) & mask
        }
    }

    func contains(_ s: String) -> Bool {
        withUTF8(s) { contains($0, $1) }
    }

    @inline(__always) private func memeq(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for i in 0..<n where a[i] != b[i] { return false }
        return true
    }
}
