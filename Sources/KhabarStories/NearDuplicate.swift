/// When two signatures are the same text (wire copy, republished article).
///
/// Candidates come from SimHash blocks and from the clusterer's term postings; the decision is
/// always made on word 3-shingles of stems, because SimHash alone misses lead-only copies (a
/// different bag of words) and lets through short texts that merely share a topic.
public struct NearDuplicateParameters: Sendable, Hashable {
    /// Shingle Jaccard at or above which two texts are copies (light edits, a different headline).
    public var jaccard: Double = 0.5
    /// Share of the smaller text's shingles found in the larger one at or above which the smaller
    /// is a copy (lead-only or truncated copy, an article with an extra paragraph).
    public var containment: Double = 0.8
    /// Containment counts only when the smaller text has at least this many shingles, so a short
    /// boilerplate paragraph is not a copy of every article that carries it.
    public var minContainmentShingles: Int = 15
    /// Largest SimHash Hamming distance for a block-table candidate (≤ 3 is exact with 4 blocks).
    public var maxHamming: Int = 3
    public init() {}
    public static let standard = NearDuplicateParameters()

    /// Jaccard and containment of the two shingle sets.
    public static func overlap(_ a: Signature, _ b: Signature) -> (jaccard: Double, containment: Double) {
        let na = a.shingles.count, nb = b.shingles.count
        if na == 0 || nb == 0 { return (0, 0) }
        let inter = sortedIntersectionCount(a.shingles, b.shingles)
        let union = na + nb - inter
        return (Double(inter) / Double(union), Double(inter) / Double(min(na, nb)))
    }

    /// The decision, with its strength (for choosing among several copies): nil when not copies.
    public func match(_ a: Signature, _ b: Signature) -> Double? {
        let (j, c) = Self.overlap(a, b)
        if j >= jaccard { return max(j, c) }
        if c >= containment && min(a.shingles.count, b.shingles.count) >= minContainmentShingles { return c }
        return nil
    }

    public func isNearDuplicate(_ a: Signature, _ b: Signature) -> Bool { match(a, b) != nil }
}

@inline(__always) func hamming(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
