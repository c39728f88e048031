/// An immutable set of short UTF-8 byte strings, looked up straight from a byte buffer
/// (no String made, no Unicode-aware hashing). Open addressing, FNV-1a.
final class ByteSet: @unchecked Sendable {   // immutable after init; storage never mutated
    private let keys: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int32>   // key k = keys[offsets[k] ..< offsets[k+1]]
    private let slots: UnsafeMutablePointer<Int32>     // -1 = empty, else key index
    private let mask: Int
    private let lengths: UInt64                        // bit l: some key has l bytes (l < 63); bit 63: longer
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
        var lengths: UInt64 = 0
        var off = 0
        for (k, w) in unique.enumerated() {
            offsets[k] = Int32(off)
            for b in w { keys[off] = b; off += 1 }
            lengths |= 1 << UInt64(min(w.count, 63))
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
    }

    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always) func contains(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if lengths & (1 << UInt64(min(n, 63))) == 0 { return false }
        var h = Self.hash(p, n) & mask
        while true {
            let k = Int(slots[h])
            if k < 0 { return false }
            let o = Int(offsets[k])
            if Int(offsets[k + 1]) - o == n && memeq(keys + o, p, n) { return true }
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
