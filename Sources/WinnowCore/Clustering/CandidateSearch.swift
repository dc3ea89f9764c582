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

    /// All verified links among `docs`, in both directions where both hold.
    public func links(among docs: [ArticleAnalysis]) throws -> [Link] {
        let simhashes = try SimHashIndex(fingerprints: docs.map(\.fingerprint.simhash), maxDistance: settings.simhashDistance)
        let containment = ContainmentIndex(sketches: docs.map(\.fingerprint.sketch))
        var out: [[Link]] = Array(repeating: [], count: docs.count)
        // Each document's candidates are independent: verify them on all cores.
        let chunk = max(64, docs.count / 64)
        Parallel.forEachChunk(count: docs.count, chunk: chunk) { range in
            var local: [(Int, [Link])] = []
            for q in range {
                let doc = docs[q]
                guard doc.fingerprint.tokens > 0 else { local.append((q, [])); continue }
                var candidates = Set<Int>()
                for hit in simhashes.query(doc.fingerprint.simhash) where hit.doc != q { candidates.insert(hit.doc) }
                for hit in containment.candidates(for: doc.fingerprint.sketch, minShare: settings.candidateShare) where hit.doc != q {
                    candidates.insert(hit.doc)
                }
                var links: [Link] = []
                for c in candidates.sorted() {
                    let r = PairJudge.relate(doc, to: docs[c], settings: settings)
                    if r.kind != nil { links.append(Link(from: q, to: c, relation: r)) }
                }
                local.append((q, links))
            }
            return local
        } collect: { results in
            for (q, links) in results { out[q] = links }
        }
        return out.flatMap { $0 }
    }
}
