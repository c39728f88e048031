// The single pass over UTF-8 that both normalizes and splits into words.

/// Calls `emit(normalizedBytes, start, end)` for every word of the valid UTF-8 in `p[0..<n]`.
/// `start`/`end` are byte offsets of the word in the input; `end` covers trailing harakat and
/// tatweel but not trailing controls. The byte buffer is only valid during the call.
@inline(__always)
func scanWords(_ p: UnsafePointer<UInt8>, _ n: Int,
               _ emit: (UnsafePointer<UInt8>, Int, Int, Int) -> Void) {
    var buf = ByteBuffer(capacity: 64)
    defer { buf.free() }
    var inWord = false
    var wStart = 0
    var wEnd = 0
    let table = lowTable
    table.withUnsafeBufferPointer { table in
        @inline(__always) func process(_ c: UInt32, _ s: Int, _ e: Int) {
            let kind = classKind(c)
            if kind == kindWord {
                if !inWord { inWord = true; wStart = s; buf.count = 0 }
                buf.appendScalar(classScalar(c))
                wEnd = e
            } else if kind == kindSeparator || kind == kindDropSeparator {
                if inWord {
                    inWord = false
                    emit(buf.base, buf.count, wStart, wEnd)
                }
            } else if kind == kindDropMark {
                if inWord { wEnd = e }
            } else if kind == kindKeepMark {
                if inWord { buf.appendScalar(classScalar(c)); wEnd = e }
            }
            // control: nothing
        }

        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                process(table[Int(b0)], i, i + 1)
                i += 1
                continue
            }
            if b0 < 0xE0 {
                let v = (UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F)
                process(table[Int(v)], i, i + 2)
                i += 2
                continue
            }
            let (v, len) = decodeScalar(p, i)
            let c = classifyHigh(v)
            if classKind(c) == kindExpand {
                let (scalars, reclassify) = expansion(v)
                for s in scalars {
                    process(reclassify ? classifyPlain(s) : packClass(.word, s), i, i + len)
                }
            } else {
                process(c, i, i + len)
            }
            i += len
        }
        if inWord { emit(buf.base, buf.count, wStart, wEnd) }
    }
}

/// Normalizes the valid UTF-8 `p[0..<n]`; returns nil when the text is already normal.
func normalizeBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
    var out = ByteBuffer(capacity: n + 16)
    defer { out.free() }
    var changed = false
    let table = lowTable
    table.withUnsafeBufferPointer { table in
        @inline(__always) func put(_ c: UInt32, _ v: UInt32, _ src: UnsafePointer<UInt8>, _ len: Int) {
            let kind = classKind(c)
            if kind == kindWord {
                let m = classScalar(c)
                if m == v { out.appendBytes(src, len) } else { out.appendScalar(m); changed = true }
            } else if kind == kindSeparator || kind == kindKeepMark {
                out.appendBytes(src, len)
            } else {
                changed = true   // dropMark, control
            }
        }
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                put(table[Int(b0)], UInt32(b0), p + i, 1)
                i += 1
                continue
            }
            let (v, len) = decodeScalar(p, i)
            let c = v < 0x800 ? table[Int(v)] : classifyHigh(v)
            if classKind(c) == kindExpand {
                changed = true
                let (scalars, reclassify) = expansion(v)
                for s in scalars {
                    if reclassify {
                        let sc = classifyPlain(s)
                        let k = classKind(sc)
                        if k == kindWord { out.appendScalar(classScalar(sc)) }
                        else if k == kindSeparator || k == kindKeepMark { out.appendScalar(s) }
                    } else {
                        out.appendScalar(s)
                    }
                }
            } else {
                put(c, v, p + i, len)
            }
            i += len
        }
    }
    return changed ? out.makeString() : nil
}

/// Runs `body` over the contiguous UTF-8 of `text` (no copy for native strings).
@inline(__always)
func withUTF8<R>(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable({ buf in
        body(buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, buf.count)
    }) {
        return r
    }
    var copy = text
    return copy.withUTF8 { buf in body(buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, buf.count) }
}
