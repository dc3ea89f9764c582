/// Candidate search: every pair worth verifying, from the SimHash tables and the containment
/// index, verified once. Kept apart from per-article analysis (the "decide" stage's first step).
public struct CandidateSearch: Sendable {
    /// The thresholds.
    public let settings: MatchSettings

    /// Creates a search.
    public init(settings: MatchSettings) {
        self.settings = settings
    }

    /// A verified relation: `from` is a copy of `to` (as `relation.kind` says).
    public struct Link: Sendable {
        /// The copy.
        public var from: Int
        /// What it copies.
        public var to: Int
        /// How.
        public var relation: PairRelation
    }

    /// Match documents for `analyses`, all verified links among them, and the shingle index.
    public func run(_ analyses: [ArticleAnalysis]) throws -> (documents: [MatchDocument], links: [Link], index: ContainmentIndex) {
        let index = ContainmentIndex(sketches: analyses.map(\.fingerprint.sketch), maxPostings: max(64, analyses.count / 100))
        let docs = MatchDocument.build(from: analyses, index: index)
        return (docs, try links(among: docs, containment: index), index)
    }

    /// All verified links among `docs`.
    public func links(among docs: [MatchDocument], containment: ContainmentIndex) throws -> [Link] {
        let simhashes = try SimHashIndex(fingerprints: docs.map(\.fingerprint.simhash), maxDistance: settings.simhashDistance)
        var out: [[Link]] = Array(repeating: [], count: docs.count)
        let settings = self.settings
        // Each document's candidates are independent: verify them on all cores.
        Parallel.forEachChunk(count: docs.count, chunk: max(64, docs.count / 64)) { range in
            range.map { q -> (Int, [Link]) in
                let doc = docs[q]
                guard doc.fingerprint.tokens > 0 else { return (q, []) }
                var candidates = Set<Int>()
                for hit in simhashes.query(doc.fingerprint.simhash) where hit.doc != q { candidates.insert(hit.doc) }
                for hit in containment.candidates(for: doc.sketch, minShare: settings.candidateShare) where hit.doc != q {
                    candidates.insert(hit.doc)
                }
                var links: [Link] = []
                for c in candidates.sorted() {
                    let r = PairJudge.relate(doc, to: docs[c], settings: settings)
                    if r.kind != nil { links.append(Link(from: q, to: c, relation: r)) }
                }
                return (q, links)
            }
        } collect: { results in
            for (q, links) in results { out[q] = links }
        }
        return out.flatMap { $0 }
    }
}
