import Foundation

/// A small gzip/DEFLATE (RFC 1951/1952) decoder, so the corpus tests read `.jsonl.gz` without
/// zlib or a child process. Table-driven Huffman decoding; checks structure, not the CRC.
enum Gunzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Decompresses every gzip member of `data`; plain (non-gzip) data is returned unchanged.
    static func decompress(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count >= 2, data[0] == 0x1F, data[1] == 0x8B else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4)
        var pos = 0
        while pos + 18 <= data.count && data[pos] == 0x1F && data[pos + 1] == 0x8B {
            guard data[pos + 2] == 8 else { throw Failure(description: "gzip: not deflate") }
            let flags = data[pos + 3]
            var i = pos + 10
            if flags & 4 != 0 { i += 2 + Int(data[i]) + Int(data[i + 1]) << 8 }
            if flags & 8 != 0 { while data[i] != 0 { i += 1 }; i += 1 }
            if flags & 16 != 0 { while data[i] != 0 { i += 1 }; i += 1 }
            if flags & 2 != 0 { i += 2 }
            var inflater = Inflater(data, i)
            try inflater.run(&out)
            pos = inflater.bytePosition + 8
        }
        return out
    }

    static func read(path: String) throws -> [UInt8] {
        try decompress(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

private struct Huffman {
    var table: [UInt16]   // symbol << 4 | length; length 0 = invalid code
    var bits: Int

    init(_ lengths: [Int]) throws {
        let maxLen = max(1, lengths.max() ?? 1)
        bits = maxLen
        table = [UInt16](repeating: 0, count: 1 << maxLen)
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[l] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1..<16 {
            code = (code + count[l - 1]) << 1
            next[l] = code
        }
        for (sym, l) in lengths.enumerated() where l > 0 {
            let c = next[l]
            next[l] += 1
            var r = 0
            for b in 0..<l where c & (1 << b) != 0 { r |= 1 << (l - 1 - b) }
            var k = r
            while k < table.count {
                table[k] = UInt16(sym << 4 | l)
                k += 1 << l
            }
        }
    }
}

private struct Inflater {
    let data: [UInt8]
    var pos: Int
    var bitBuf: UInt64 = 0
    var bitCount = 0

    init(_ data: [UInt8], _ start: Int) {
        self.data = data
        self.pos = start
    }

    /// Position of the first byte after the stream (unused buffered bytes given back).
    var bytePosition: Int { pos - bitCount / 8 }

    mutating func fill(_ n: Int) {
        while bitCount < n {
            let byte: UInt64 = pos < data.count ? UInt64(data[pos]) : 0
            pos += 1
            bitBuf |= byte << UInt64(bitCount)
            bitCount += 8
        }
    }

    mutating func bits(_ n: Int) -> Int {
        if n == 0 { return 0 }
        fill(n)
        let v = Int(bitBuf & ((1 << UInt64(n)) - 1))
        bitBuf >>= UInt64(n)
        bitCount -= n
        return v
    }

    mutating func decode(_ h: Huffman) throws -> Int {
        fill(h.bits)
        let e = Int(h.table[Int(bitBuf & ((1 << UInt64(h.bits)) - 1))])
        let l = e & 15
        guard l > 0 else { throw Gunzip.Failure(description: "inflate: bad Huffman code") }
        bitBuf >>= UInt64(l)
        bitCount -= l
        return e >> 4
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    mutating func run(_ out: inout [UInt8]) throws {
        var final = false
        while !final {
            final = bits(1) == 1
            switch bits(2) {
            case 0:
                bitBuf = 0
                pos -= bitCount / 8
                bitCount = 0
                guard pos + 4 <= data.count else { throw Gunzip.Failure(description: "inflate: truncated") }
                let len = Int(data[pos]) | Int(data[pos + 1]) << 8
                pos += 4
                guard pos + len <= data.count else { throw Gunzip.Failure(description: "inflate: truncated") }
                out.append(contentsOf: data[pos..<(pos + len)])
                pos += len
            case 1:
                var l = [Int](repeating: 8, count: 288)
                for i in 144..<256 { l[i] = 9 }
                for i in 256..<280 { l[i] = 7 }
                try block(&out, try Huffman(l), try Huffman([Int](repeating: 5, count: 30)))
            case 2:
                let hlit = bits(5) + 257, hdist = bits(5) + 1, hclen = bits(4) + 4
                var cl = [Int](repeating: 0, count: 19)
                for i in 0..<hclen { cl[Self.order[i]] = bits(3) }
                let clh = try Huffman(cl)
                var lengths: [Int] = []
                while lengths.count < hlit + hdist {
                    let s = try decode(clh)
                    switch s {
                    case 0..<16: lengths.append(s)
                    case 16:
                        guard let last = lengths.last else { throw Gunzip.Failure(description: "inflate: bad repeat") }
                        lengths += [Int](repeating: last, count: 3 + bits(2))
                    case 17: lengths += [Int](repeating: 0, count: 3 + bits(3))
                    default: lengths += [Int](repeating: 0, count: 11 + bits(7))
                    }
                }
                try block(&out, try Huffman(Array(lengths[0..<hlit])), try Huffman(Array(lengths[hlit..<(hlit + hdist)])))
            default:
                throw Gunzip.Failure(description: "inflate: bad block type")
            }
        }
    }

    mutating func block(_ out: inout [UInt8], _ lit: Huffman, _ dist: Huffman) throws {
        while true {
            let s = try decode(lit)
            if s < 256 { out.append(UInt8(s)); continue }
            if s == 256 { return }
            let li = s - 257
            guard li < 29 else { throw Gunzip.Failure(description: "inflate: bad length") }
            let len = Self.lengthBase[li] + bits(Self.lengthExtra[li])
            let di = try decode(dist)
            guard di < 30 else { throw Gunzip.Failure(description: "inflate: bad distance") }
            let d = Self.distBase[di] + bits(Self.distExtra[di])
            guard d <= out.count else { throw Gunzip.Failure(description: "inflate: distance too far") }
            let from = out.count - d
            for k in 0..<len { out.append(out[from + k]) }
        }
    }
}
