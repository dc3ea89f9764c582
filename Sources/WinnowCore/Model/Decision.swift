/// The verdict on one document.
public enum DecisionKind: String, Sendable, Codable, CaseIterable {
    /// The document stays (alone, or as its cluster's canonical copy).
    case keep
    /// A near-duplicate, partial copy or excerpt folded into its canonical.
    case merge
    /// Dropped: an exact duplicate, or a rule with action `remove`.
    case remove
    /// Kept for now but an editor must look at it.
    case review
}

/// Why a document relates to its canonical.
public enum MatchKind: String, Sendable, Codable {
    /// Same text after normalization and furniture removal.
    case exact
    /// SimHash-close and verified by shingle overlap.
    case nearDuplicate = "near-duplicate"
    /// A copy cut short: most of it is contained in the canonical.
    case partial
    /// A short excerpt (a lead plus an ellipsis) of the canonical.
    case excerpt
}

/// How a document was matched to its canonical, with the figures behind it.
public struct MatchEvidence: Sendable, Codable, Equatable {
    /// What kind of copy it is.
    public var kind: MatchKind
    /// SimHash Hamming distance to the canonical.
    public var hamming: Int
    /// Estimated Jaccard similarity of the shingle sets.
    public var jaccard: Double
    /// Estimated share of this document's shingles found in the canonical.
    public var containment: Double

    /// Creates evidence.
    public init(kind: MatchKind, hamming: Int, jaccard: Double, containment: Double) {
        self.kind = kind
        self.hamming = hamming
        self.jaccard = jaccard
        self.containment = containment
    }
}

/// The decision for one document with everything a report needs to justify it.
public struct Decision: Sendable {
    /// The document id.
    public var id: String
    /// keep, merge, remove or review.
    public var kind: DecisionKind
    /// The canonical document's id (its own id when kept as canonical or alone).
    public var canonical: String
    /// The run that holds the canonical, when it came from an earlier run's archive.
    public var canonicalRun: String?
    /// Human-readable reasons, most important first.
    public var reasons: [String]
    /// How it matched its canonical, when it did.
    public var match: MatchEvidence?
    /// Number of documents in its cluster, itself included.
    public var clusterSize: Int
    /// For a revised decision on a document of an earlier run: that run.
    public var revisedFromRun: String?
    /// The editor's verdict that changed this decision, when one did (`winnow review apply`).
    public var verdict: AppliedVerdict?

    /// Creates a decision.
    public init(id: String, kind: DecisionKind, canonical: String, canonicalRun: String? = nil,
                reasons: [String], match: MatchEvidence? = nil, clusterSize: Int) {
        self.id = id
        self.kind = kind
        self.canonical = canonical
        self.canonicalRun = canonicalRun
        self.reasons = reasons
        self.match = match
        self.clusterSize = clusterSize
    }
}
