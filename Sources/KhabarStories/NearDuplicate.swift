/// When two signatures are the same text (wire copy, republished or lightly edited article).
///
/// Candidates come from SimHash blocks and from the clusterer's term postings; the decision is
/// made on word 3-shingles of stems, because SimHash alone misses lead-only copies (a different
/// bag of words) and lets through short texts that merely share a topic. Three ways to be a copy:
/// 1. shingle Jaccard ≥ `jaccard` (light edits, another headline);
/// 2. containment of the smaller text ≥ `containment` (lead-only, shortened, or bundled with
///    other items), when the smaller text has at least `minContainmentShingles` shingles and the
///    two do not name different actors when of like length (templates share most shingles);
/// 3. containment ≥ `supportedContainment` backed by a TF-IDF term cosine ≥ `supportingCosine`
///    (an outlet that rewrote a word in every sentence), unless the two name different actors in
///    their top entities (the same template "the King congratulates the president of X" for X =
///    Chad and X = Singapore is not one article).
/// Tuned on hand-labelled SaudiNewsNet pairs (bench/stories/EVAL.md).
public struct NearDuplicateParameters: Sendable, Hashable {
    public var jaccard: Double = 0.45
    public var containment: Double = 0.6
    public var minContainmentShingles: Int = 15
    public var supportedContainment: Double = 0.4
    public var supportingCosine: Double = 0.55
    /// How many top entities of each side are checked for a conflict in rule 3.
    public var conflictEntities: Int = 3
    /// Rule 2 checks entity conflicts when the smaller text has at least this share of the
    /// larger's shingles (two fills of one template are of like length).
    public var templateLengthRatio: Double = 0.5
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
    /// `termCosine` (TF-IDF cosine of the two texts, from corpus statistics the caller holds) is
    /// asked for only when rule 3 needs it; without it rule 3 is off.
    public func match(_ a: Signature, _ b: Signature, termCosine: (() -> Double)? = nil) -> Double? {
        let (j, c) = Self.overlap(a, b)
        let na = a.shingles.count, nb = b.shingles.count
        if j >= jaccard { return max(j, c) }
        let big = min(na, nb) >= minContainmentShingles
        if !big { return nil }
        // Two texts of like length that name different actors are one template filled twice (a
        // cable to the president of Chad, another to Singapore's); a much shorter text inside a
        // long one (lead-only, bundled) is checked by rule 3 only, since the long one's leading
        // entities may be another item's.
        let comparable = Double(min(na, nb)) >= templateLengthRatio * Double(max(na, nb))
        if c >= containment && !(comparable && entitiesConflict(a, b)) { return c }
        if entitiesConflict(a, b) { return nil }
        if c >= supportedContainment, let termCosine, termCosine() >= supportingCosine {
            return c
        }
        return nil
    }

    public func isNearDuplicate(_ a: Signature, _ b: Signature, termCosine: (() -> Double)? = nil) -> Bool {
        match(a, b, termCosine: termCosine) != nil
    }

    /// Each side has a top entity the other does not name at all.
    func entitiesConflict(_ a: Signature, _ b: Signature) -> Bool {
        a.entities.prefix(conflictEntities).contains { !b.entities.contains($0) }
            && b.entities.prefix(conflictEntities).contains { !a.entities.contains($0) }
    }
}

@inline(__always) func hamming(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
