import KhabarArabic
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Per-thread memo of the tagging stage (no locks: each thread has its own).
//
// - The raw gazetteer matches of the last body: the pipeline calls `attribution` and `tags` with
//   the same `bodyAnalysis`, and both need the body's matches (the most expensive step). The memo
//   holds the token array itself, so equal buffer addresses mean the very same (immutable) tokens.
// - Outlet names and bylines: a feed repeats a handful of source names and bylines
//   ("أبوظبي - سكاي نيوز عربية") thousands of times.

final class TaggingMemo {
    var tokens: [Token] = []
    var tokensBase: UnsafeRawPointer? = nil
    var bodyLength = -1
    var gazetteer: ObjectIdentifier? = nil
    var raws: [RawMatch] = []

    var outlets: [String: Entity?] = [:]
    var bylines: [String: (sources: [Credit], byline: [Credit])] = [:]

    /// The raw matches of `tokens` over `text`, computed at most once in a row for the same tokens.
    func bodyMatches(_ m: Matcher, _ tokens: [Token], _ text: TextBytes) -> [RawMatch] {
        let base = tokens.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let g = ObjectIdentifier(m.compiled)
        if base != nil, base == tokensBase, tokens.count == self.tokens.count, text.n == bodyLength, g == gazetteer {
            return raws
        }
        let r = m.rawMatches(tokens, text)
        self.tokens = tokens
        tokensBase = base
        bodyLength = text.n
        gazetteer = g
        raws = r
        return r
    }

    func trim() {
        if outlets.count > 512 { outlets.removeAll() }
        if bylines.count > 2048 { bylines.removeAll() }
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in
            guard let p else { return }
            Unmanaged<TaggingMemo>.fromOpaque(p).release()
        }
        return k
    }()

    /// This thread's memo.
    static var current: TaggingMemo {
        if let p = pthread_getspecific(key) { return Unmanaged<TaggingMemo>.fromOpaque(p).takeUnretainedValue() }
        let m = TaggingMemo()
        pthread_setspecific(key, Unmanaged.passRetained(m).toOpaque())
        return m
    }
}
