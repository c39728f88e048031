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
//   holds the analysis' key array (`Analysis.keys`, one per token: a plain buffer, freed with no
//   per-element work — holding the tokens made the next article free them cold), so an equal
//   buffer address means the very same analysis; the tokens' address and count are compared too.
// - Outlet names, bylines and whether a credit names the publisher: a feed repeats a handful
//   of source names and bylines
//   ("أبوظبي - سكاي نيوز عربية") thousands of times.

final class TaggingMemo {
    var keys: [UInt64] = []
    var keysBase: UnsafeRawPointer? = nil
    var tokensBase: UnsafeRawPointer? = nil
    var tokenCount = -1
    var bodyLength = -1
    /// The index the matches point into (held: they borrow its candidate block).
    var gazetteer: CompiledGazetteer? = nil
    var raws: [RawMatch] = []

    let slotCache = SlotCache()
    /// Made on first use: a thread that only attributes never needs its 2 MB.
    lazy var wordMemo = WordMemo()
    /// The words (`NameFinder.readWords`) of the last two key arrays (an article's title and
    /// body), each held with its key array so an equal buffer address means the same keys.
    private var lexicons: [(keys: [UInt64], finder: NameFinder, index: AliasIndex, words: [NameFinder.Word])] = []

    /// Outlet names, bylines and `Tagger.names` answers below come from this gazetteer (held, so
    /// its identity cannot be reused); another one finds them emptied (`attribution(for:)`).
    private var attributionGazetteer: CompiledGazetteer? = nil
    /// `Tagger.findOutletIndex` answers (entity indices, -1 for none) by the name's bytes (hashing a
    /// `String` normalizes Arabic).
    var outlets: [ByteKey: Int32] = [:]
    /// The last few outlet lookups (entries of `outlets`), scanned before hashing: a feed
    /// aggregator interleaves a handful of sources.
    var recentOutlets: [(name: String, entity: Int32)] = []
    var bylines: [String: (sources: [Credit], byline: [Credit])] = [:]
    /// The last byline answer (an entry of `bylines`): publisher id, byline, answer.
    var lastByline: (outletID: String?, author: String, parsed: (sources: [Credit], byline: [Credit]))? = nil
    /// Answers of `bylines`, by the key's bytes.
    var bylinesByBytes: [ByteKey: (sources: [Credit], byline: [Credit])] = [:]
    /// `Tagger.names` by outlet id and credited entity id.
    var names: [String: [String: Bool]] = [:]
    /// Tag names as the keys of their normalized words (`Tagger.nameWords`), by the name's bytes:
    /// entity tags repeat across articles, and normalizing each one per article cost a few points
    /// of tagging time.
    var tagNameWords: [ByteKey: [UInt64]] = [:]

    /// The raw matches of `tokens` (with their `keys`) over `text`, computed at most once in a row
    /// for the same analysis.
    func bodyMatches(_ m: Matcher, _ tokens: [Token], _ keys: [UInt64], _ text: TextBytes) -> [RawMatch] {
        let base = tokens.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let kbase = keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let g = m.compiled
        if !keys.isEmpty, kbase == keysBase, base == tokensBase, tokens.count == tokenCount,
           keys.count == self.keys.count, text.n == bodyLength, g === gazetteer {
            return raws
        }
        let r = m.rawMatches(tokens, keys, text)
        self.keys = keys
        keysBase = kbase
        tokensBase = base
        tokenCount = tokens.count
        bodyLength = text.n
        gazetteer = g
        raws = r
        return r
    }

    /// The lexical fields of `tokens` (keys `keys`), read by `finder` with `index`: read at most
    /// once in a row for the same analysis (the matcher and the name finder both need them).
    /// `take`: the caller is the last to need them and will change them (the name finder sets
    /// each word's contextual fields): the memo lets go of its copy, so the array the caller
    /// gets is its only reference and changes in place (copying a whole article's words on write
    /// cost a cache miss per 64 bytes written).
    func lexicon(_ tokens: [Token], _ keys: [UInt64], _ finder: NameFinder, _ index: AliasIndex,
                 take: Bool = false) -> [NameFinder.Word] {
        let kbase = keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        for (k, l) in lexicons.enumerated() where !keys.isEmpty && l.keys.count == keys.count && l.finder === finder
            && l.index === index && l.keys.withUnsafeBufferPointer({ UnsafeRawPointer($0.baseAddress) }) == kbase {
            if take { return lexicons.remove(at: k).words }
            return l.words
        }
        let words = finder.readWords(tokens, keys, index, wordMemo.entries(for: finder, index))
        if take { return words }
        if lexicons.count == 2 { lexicons.removeFirst() }
        lexicons.append((keys, finder, index, words))
        return words
    }

    /// Readies the attribution answers for gazetteer `g`: kept when they came from it, dropped
    /// otherwise.
    func attribution(for g: CompiledGazetteer) {
        if attributionGazetteer === g { return }
        outlets.removeAll(); recentOutlets.removeAll()
        bylines.removeAll(); bylinesByBytes.removeAll(); lastByline = nil
        names.removeAll()
        attributionGazetteer = g
    }

    func trim() {
        if outlets.count > 512 { outlets.removeAll(); recentOutlets.removeAll() }
        if bylines.count > 2048 || bylinesByBytes.count > 4096 {
            bylines.removeAll(); bylinesByBytes.removeAll(); lastByline = nil
        }
        if names.count > 512 { names.removeAll() }
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

/// An empty array with room for `n` elements, to be appended. Small per-call arrays are built
/// so rather than with `init(repeating:count:)`: that (like `init(unsafeUninitializedCapacity:)`)
/// allocates through a function the standard library keeps unspecialized, which looks the array
/// type up in the runtime's metadata table on every call (some 650 instructions and 40
/// instruction-cache misses per array, under callgrind); `reserveCapacity` allocates through code
/// specialized for the element type.
@inline(__always) func reservedArray<T>(of: T.Type, _ n: Int) -> [T] {
    var a: [T] = []
    a.reserveCapacity(n)
    return a
}

/// A string compared and hashed by its UTF-8 bytes (String's own hashing normalizes).
struct ByteKey: Hashable {
    let string: String

    init(_ s: String) { string = s }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        sameBytes(a.string, b.string)
    }

    func hash(into hasher: inout Hasher) {
        withUTF8Copy(string) { p, n in hasher.combine(bytes: UnsafeRawBufferPointer(start: p, count: n)) }
    }
}

/// Per-thread copies of alias-index slots of recently matched small words, direct-mapped by
/// key. The index is a few hundred KB probed at random, so a probe is usually a cache miss;
/// the names an article repeats (and a feed repeats across articles) hit this 20 KB table.
final class SlotCache {
    struct Entry {
        var key: UInt64 = 0
        var slot = AliasIndex.Slot()
    }
    static let size = 512
    private let table: UnsafeMutablePointer<Entry>
    /// The index the entries come from (held, so its identity cannot be reused).
    private var owner: AliasIndex? = nil

    init() {
        table = .allocate(capacity: Self.size)
        table.initialize(repeating: Entry(), count: Self.size)
    }

    deinit { table.deallocate() }

    /// The entries, emptied first when they belong to another index.
    func entries(for index: AliasIndex) -> UnsafeMutablePointer<Entry> {
        if owner !== index {
            table.update(repeating: Entry(), count: Self.size)
            owner = index
        }
        return table
    }
}

/// Per-thread memo of what the tagger reads of a word as written (`NameFinder.Word`'s lexical
/// fields: its name-list flags under each proclitic reading, definiteness, letter count, shape,
/// whether it is a stopword, which of its readings start a gazetteer alias), direct-mapped by
/// `WordKey` (a 64-bit key standing for its word, as in the finder's and the matcher's own
/// tables). Those fields are a function of the word alone, and reading them costs several table
/// probes per token, most of them cache misses; a copy from here is one.
///
/// Size: 131,072 entries of 16 bytes (2 MB per thread). An entry keeps the key's bits that its
/// slot does not stand for, so a hit is exact, and the word's packed fields. Entries were 40
/// bytes (the unpacked `Word` and the key), half of them across two cache lines. Over the first
/// 1,500 ANT dev articles under callgrind's cache model (32 KB D1, 512 KB L2; `scripts/bench
/// tags-instructions`), tagging's L2 misses fell by a third with 16-byte entries; 128 k entries
/// took 4 % fewer instructions than 64 k at the same misses, 256 k 1 % fewer again at 3 % more
/// misses. One pass over ANT dev (2.35 M tokens, 123 k distinct words) finds another word in
/// 12 % of lookups at 64 k entries, 9 % at 128 k and 7 % at 256 k.
final class WordMemo {
    struct Entry {
        /// The key's bits outside the slot's (`checkMask`), with `Word.flags` in the slot's bits.
        var lo: UInt64 = 0
        /// `Word.lexical`, with `valid` set.
        var hi: UInt64 = 0

        static let checkMask: UInt64 = ~(UInt64(WordMemo.size - 1) << 40)
        static let valid: UInt64 = 1 << 63

        init() {}

        init(key k: UInt64, word w: NameFinder.Word) {
            lo = (k & Self.checkMask) | UInt64(w.flags) << 40
            hi = w.lexical | Self.valid
        }

        /// Whether this entry is the word of key `k` (its slot's bits are `k`'s by construction).
        @inline(__always) func holds(_ k: UInt64) -> Bool {
            (lo ^ k) & Self.checkMask == 0 && hi & Self.valid != 0
        }

        /// The word's lexical fields (contextual ones unset).
        @inline(__always) var word: NameFinder.Word {
            NameFinder.Word(lexical: hi & ~Self.valid, flags: UInt16(truncatingIfNeeded: lo >> 40), context: 0)
        }
    }

    /// At least 1 << 16: `Entry.lo` keeps `Word.flags` in the slot's lowest 16 bits.
    static let size = 1 << 17
    private let table: UnsafeMutablePointer<Entry>
    /// The finder and the alias index the entries come from (held, so their identities cannot
    /// be reused).
    private var finder: NameFinder? = nil
    private var index: AliasIndex? = nil

    init() {
        table = .allocate(capacity: Self.size)
        table.initialize(repeating: Entry(), count: Self.size)
    }

    deinit { table.deallocate() }

    @inline(__always) static func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: k >> 40) & (size - 1) }

    /// The entries, emptied first when they belong to another finder or index.
    func entries(for finder: NameFinder, _ index: AliasIndex) -> UnsafeMutablePointer<Entry> {
        if self.finder !== finder || self.index !== index {
            table.update(repeating: Entry(), count: Self.size)
            self.finder = finder
            self.index = index
        }
        return table
    }
}
