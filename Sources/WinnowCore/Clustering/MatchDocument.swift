/// What candidate search and clustering know of a document: its fingerprint, with each sampled
/// shingle weighted by its inverse document frequency in the batch. Overlap is then measured in
/// weight, so that shingles shared by a whole series of articles or a wire service's house style
/// count little and those of the story itself count much. A story copied very widely is not
/// harmed: all its shingles are equally frequent, and the ratios stay the same.
public struct MatchDocument: Sendable {
    /// Article id.
    public var id: String
    /// Publication time, as given.
    public var publishedAt: String?
    /// The page is only an excerpt.
    public var isExcerpt: Bool
    /// Full fingerprint (SimHash, exact hash, sketches, token count).
    public var fingerprint: Fingerprint
    /// Weight of each sketch shingle (same order as `fingerprint.sketch`).
    public var weights: [Float]
    /// Sum of `weights`.
    public var totalWeight: Float
    /// Size for ordering: distinct sampled shingles.
    public var size: Int
    /// Sampled shingles of the page's lead line (`ArticleAnalysis.cutLead`).
    public var cutLead: [UInt64] = []
    /// The lead line's letter windows and figures, and the page's opening (`ArticleAnalysis.leadLine`).
    public var leadLine = LeadLine()
    /// All the page kept is its headline (`Fingerprint.isHeadlineOnly`), read once.
    public let isHeadlineOnly: Bool

    /// Creates a match document.
    public init(id: String, publishedAt: String?, isExcerpt: Bool, fingerprint: Fingerprint, weights: [Float], totalWeight: Float, size: Int) {
        self.id = id
        self.publishedAt = publishedAt
        self.isExcerpt = isExcerpt
        self.fingerprint = fingerprint
        self.weights = weights
        self.totalWeight = totalWeight
        self.size = size
        isHeadlineOnly = fingerprint.isHeadlineOnly
    }

    /// The sorted sampled shingles.
    public var sketch: [UInt64] { fingerprint.sketch }
    /// The sorted sampled shingles of the lead.
    public var lead: [UInt64] { fingerprint.lead }

    /// Builds match documents from analyses and the index over their sketches. An exact copy
    /// (`copies`: copy -> representative, whose sketch alone was indexed) shares its
    /// representative's weights: its shingles are the representative's.
    public static func build(from analyses: [ArticleAnalysis], index: ContainmentIndex, copies: [Int: Int] = [:]) -> [MatchDocument] {
        let weights = index.inverseFrequencies(documentCount: analyses.count)
        return analyses.indices.map { i in
            let a = analyses[i]
            let own = weights[copies[i] ?? i]
            let w = own.count == a.fingerprint.sketch.count ? own : Array(repeating: 1, count: a.fingerprint.sketch.count)
            var doc = MatchDocument(id: a.id, publishedAt: a.publishedAt, isExcerpt: a.isExcerpt, fingerprint: a.fingerprint,
                                    weights: w, totalWeight: w.reduce(0, +), size: a.fingerprint.sketch.count)
            doc.cutLead = a.cutLead
            doc.leadLine = a.leadLine
            return doc
        }
    }

    /// Weight of this document's shingles also found in `other` (sorted).
    public func sharedWeight(with other: [UInt64]) -> Float {
        let a = fingerprint.sketch
        var i = 0, j = 0
        var total: Float = 0
        while i < a.count && j < other.count {
            let x = a[i], y = other[j]
            if x == y { total += weights[i]; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return total
    }
}
