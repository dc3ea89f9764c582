/// Thresholds of candidate search and pair verification.
public struct MatchSettings: Sendable, Equatable {
    /// SimHash Hamming distance searched through the blocked tables (k).
    public var simhashDistance = 6
    /// Verified near-duplicates share at least this estimated Jaccard similarity of shingles.
    public var nearDuplicateJaccard = 0.5
    /// A shorter document is a partial copy or excerpt when at least this share of it is contained.
    public var containment = 0.7
    /// ... and it is at most this share of the longer document's size.
    public var containedMaxRatio = 0.92
    /// Joining a cluster through one of its members needs at least this containment in the centre.
    public var relaxedContainment = 0.4
    /// Share of probed shingles a containment candidate must share before it is verified.
    public var candidateShare = 0.34

    /// The defaults.
    public init() {}
}

/// How two documents relate, from one side's point of view.
public struct PairRelation: Sendable, Equatable {
    /// The kind of copy, or nil when they are not related.
    public var kind: MatchKind?
    /// SimHash distance.
    public var hamming: Int
    /// Estimated Jaccard similarity.
    public var jaccard: Double
    /// Share of this side contained in the other.
    public var containment: Double

    /// The evidence to report.
    public var evidence: MatchEvidence? {
        kind.map { MatchEvidence(kind: $0, hamming: hamming, jaccard: jaccard, containment: containment) }
    }
}

/// Decides whether a document is a copy of another.
public enum PairJudge {
    /// How `a` relates to `b`: an exact or near duplicate, or contained in it as a partial copy or excerpt.
    public static func relate(_ a: ArticleAnalysis, to b: ArticleAnalysis, settings: MatchSettings) -> PairRelation {
        let fa = a.fingerprint, fb = b.fingerprint
        let hamming = SimHash.distance(fa.simhash, fb.simhash)
        if fa.tokens > 0 && fa.exact == fb.exact && fa.tokens == fb.tokens {
            return PairRelation(kind: .exact, hamming: hamming, jaccard: 1, containment: 1)
        }
        let (j, aInB, _) = SketchOverlap.compare(fa.sketch, fb.sketch)
        var kind: MatchKind?
        let smaller = Double(fa.sketch.count) <= Double(fb.sketch.count) * settings.containedMaxRatio
        if smaller && aInB >= settings.containment {
            kind = a.isExcerpt ? .excerpt : .partial
        } else if j >= settings.nearDuplicateJaccard {
            kind = a.isExcerpt ? .excerpt : .nearDuplicate
        }
        return PairRelation(kind: kind, hamming: hamming, jaccard: j, containment: aInB)
    }
}
