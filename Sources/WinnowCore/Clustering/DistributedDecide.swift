/// The decide stage cut into the steps a distributed run (the Spark job in `integrations/spark`)
/// spreads over machines, each computing exactly what `ScanEngine.decide` computes in one process:
///
/// 1. the batch-wide facts (exact copies, each sketch shingle's document frequency, candidate
///    pairs) come from joins elsewhere;
/// 2. `verify` and `cutLead` judge one candidate pair, as `CandidateSearch.links` does;
/// 3. `decide` clusters whole link components and decides, as `Clusterer` and `Decider` do.
///
/// Components are independent (every link and every re-verification stays inside one), so
/// deciding a batch of whole components gives each document the decision `scan` gives it.
public enum DistributedDecide {
    /// A match document whose shingle weights come from document frequencies counted elsewhere:
    /// `frequencies[k]` documents of the batch (exact copies left out) hold `sketch[k]`, and its
    /// weight is `1 / frequency`, as `ContainmentIndex.inverseFrequencies` gives it. Frequencies
    /// of the wrong count (or none) give every shingle weight 1, as `MatchDocument.build` does.
    public static func matchDocument(_ a: ArticleAnalysis, frequencies: [Int]) -> MatchDocument {
        let n = a.fingerprint.sketch.count
        let weights: [Float] = frequencies.count == n
            ? frequencies.map { 1 / Float(max(1, $0)) }
            : Array(repeating: 1, count: n)
        var doc = MatchDocument(id: a.id, publishedAt: a.publishedAt, isExcerpt: a.isExcerpt, fingerprint: a.fingerprint,
                                weights: weights, totalWeight: weights.reduce(0, +), size: n)
        doc.cutLead = a.cutLead
        doc.leadLine = a.leadLine
        return doc
    }

    /// An exact copy weighs its shingles as its representative does (`CandidateSearch.run`).
    public static func weighLikeRepresentative(_ copy: inout MatchDocument, _ representative: MatchDocument) {
        copy.weights = representative.weights
        copy.totalWeight = representative.totalWeight
    }

    /// How `a` relates to `b` and `b` to `a`: the verification of one candidate pair.
    public static func verify(_ a: MatchDocument, _ b: MatchDocument, settings: MatchSettings) -> (PairRelation, PairRelation) {
        PairJudge.relatePair(a, b, settings: settings)
    }

    /// Whether `query` may look for the article its lead line starts (`CandidateSearch.cutLeadLinks`
    /// asks the same): it has a lead line (analysis gives one only to pages with little text of
    /// their own) and a headline.
    public static func isCutLeadQuery(_ d: MatchDocument) -> Bool {
        !d.cutLead.isEmpty && !d.fingerprint.title.isEmpty
    }

    /// The lead-line check of one candidate (`PairJudge.leadLine`): an excerpt relation whose
    /// containment is the share of the query's lead line found in the candidate's opening, else
    /// nil. Of the passing candidates the one with the largest share wins.
    public static func cutLead(_ query: MatchDocument, in candidate: MatchDocument, settings: MatchSettings) -> PairRelation? {
        PairJudge.leadLine(of: query, in: candidate, settings: settings)
    }

    /// A relation from exchanged fields (a link found by another process).
    public static func relation(kind: MatchKind?, hamming: Int, jaccard: Double, containment: Double) -> PairRelation {
        PairRelation(kind: kind, hamming: hamming, jaccard: jaccard, containment: containment)
    }

    /// A verified link from exchanged fields: `from` is a copy of `to`.
    public static func link(from: Int, to: Int, relation: PairRelation) -> CandidateSearch.Link {
        CandidateSearch.Link(from: from, to: to, relation: relation)
    }

    /// Clusters and decisions for whole link components, as `ScanEngine.decide` makes them
    /// without an archive. `documents` are the match documents of `analyses` (same order, which
    /// must be the batch's input order: ties are broken by position), `copies` maps each exact
    /// copy to its representative, `links` are every verified link among them, in the order
    /// `CandidateSearch.links` returns them. `hiddenCopies[k]` exact copies of document `k` left
    /// out of `analyses` (`siblingDecision` decides them) count in its cluster's size.
    public static func decide(_ analyses: [ArticleAnalysis], documents: [MatchDocument], copies: [Int: Int],
                              links: [CandidateSearch.Link], settings: MatchSettings,
                              hiddenCopies: [Int: Int] = [:]) -> (decisions: [Decision], clusters: [Cluster]) {
        let removed = Set(analyses.indices.filter { !analyses[$0].removeRules.isEmpty })
        // The lead-line links `CandidateSearch.links` leaves out (the exchange chose them before).
        let links = CandidateSearch.withoutLeadLinksApart(links, docs: documents, settings: settings)
        let clusters = Clusterer(settings: settings).clusters(of: documents, links: links, excluded: removed, copies: copies)
        let decisions = Decider(settings: settings).decide(analyses, matches: documents, clusters: clusters, ruleRemoved: removed,
                                                           links: links, hiddenCopies: hiddenCopies)
        return (decisions, clusters.filter { !$0.members.isEmpty })
    }

    /// The decision of an exact copy left out of its component's resolution: its sibling's — a
    /// copy of the same representative with the same excerpt flag that is not the group's
    /// earliest full copy (`Clusterer.earlier`), so neither can be the canonical — under its own
    /// id. Both join the representative's cluster with its relation (re-verified against the
    /// canonical on the same fingerprint), so the Decider gives them the same decision. A
    /// 50,000-copy story then resolves its few distinct texts in one task and decides the copies
    /// anywhere.
    public static func siblingDecision(_ sibling: Decision, id: String) -> Decision {
        var d = sibling
        d.id = id
        return d
    }
}
