// The single pass over UTF-8 that both normalizes and splits into words.

/// Word-splitting state; a local struct with mutating methods keeps exclusivity checks static
/// (nested functions capturing local vars cost a dynamic check per access).
struct WordState {
    var buf = ByteBuffer(capacity: 64)
    var inWord = false
    var wStart = 0
    var wEnd = 0
    /// `classScript` of the word's last letter.
    var script: UInt32 = 0

    @inline(__always)
    mutating func process(_ c: UInt32, _ s: Int, _ e: Int,
                          _ emit: (UnsafePointer<UInt8>, Int, Int, Int) -> Void) {
        let kind = classKind(c)
        if kind == kindWord {
            let g = classScript(c)
            // Arabic letters and a Latin or digit run written together are two words: a proclitic
            // on a name or a number (لـCNN، و20، الـ5G) or a letter after a year (2018م), so that
            // CNN, 20 and 2018 are found and matched as they are written elsewhere.
            if inWord && g | script == 3 {
                emit(buf.base, buf.count, wStart, wEnd)
                inWord = false
            }
            if !inWord { inWord = true; wStart = s; buf.count = 0 }
            script = g
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

    @inline(never)
    mutating func processExpansion(_ v: UInt32, _ s: Int, _ e: Int,
                                   _ emit: (UnsafePointer<UInt8>, Int, Int, Int) -> Void) {
        let (scalars, reclassify) = expansion(v)
        for x in scalars {
            process(reclassify ? classifyPlain(x) : packClass(.word, x), s, e, emit)
        }
    }
}

/// Calls `emit(normalizedBytes, count, start, end)` for every word of the valid UTF-8 in
/// `p[0..<n]`. `start`/`end` are byte offsets of the word in the input; `end` covers trailing
/// harakat and tatweel but not trailing controls. The byte buffer is only valid during the call.
@inline(__always)
func scanWords(_ p: UnsafePointer<UInt8>, _ n: Int,
               _ emit: (UnsafePointer<UInt8>, Int, Int, Int) -> Void) {
    var st = WordState()
    let table = lowTablePointer
    var i = 0
    while i < n {
        let b0 = p[i]
        if b0 < 0x80 {
            st.process(table[Int(b0)], i, i + 1, emit)
            i += 1
        } else if b0 < 0xE0 {
            let v = (UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F)
            st.process(table[Int(v)], i, i + 2, emit)
            i += 2
        } else {
            let (v, len) = decodeScalar(p, i)
            let c = classifyHigh(v)
            if classKind(c) == kindExpand {
                st.processExpansion(v, i, i + len, emit)
            } else {
                st.process(c, i, i + len, emit)
            }
            i += len
        }
    }
    if st.inWord { emit(st.buf.base, st.buf.count, st.wStart, st.wEnd) }
    st.buf.free()
}

/// Normalizer output state (see `WordState` for why a struct).
struct NormalizeState {
    var out: ByteBuffer
    var changed = false

    @inline(__always)
    mutating func put(_ c: UInt32, _ v: UInt32, _ src: UnsafePointer<UInt8>, _ len: Int) {
        let kind = classKind(c)
        if kind == kindWord {
            let m = classScalar(c)
            if m == v { out.appendBytes(src, len) } else { out.appendScalar(m); changed = true }
        } else if kind == kindSeparator || kind == kindKeepMark {
            out.appendBytes(src, len)
        } else {
            changed = true   // dropMark, dropSeparator, control
        }
    }

    @inline(never)
    mutating func putExpansion(_ v: UInt32) {
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
    }
}

/// Normalizes the valid UTF-8 `p[0..<n]`; returns nil when the text is already normal.
func normalizeBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
    var st = NormalizeState(out: ByteBuffer(capacity: n + 16))
    let table = lowTablePointer
    var i = 0
    while i < n {
        let b0 = p[i]
        if b0 < 0x80 {
            st.put(table[Int(b0)], UInt32(b0), p + i, 1)
            i += 1
            continue
        }
        let (v, len) = decodeScalar(p, i)
        let c = v < 0x800 ? table[Int(v)] : classifyHigh(v)
        if classKind(c) == kindExpand {
            st.putExpansion(v)
        } else {
            st.put(c, v, p + i, len)
        }
        i += len
    }
    let result = st.changed ? st.out.makeString() : nil
    st.out.free()
    return result
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
