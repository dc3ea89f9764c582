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
    /// Exact duplicates (same fingerprinted tokens) take part through one representative each:
    /// `copies` maps every other copy to its representative. Documents in `excluded` are never
    /// representatives.
    public func run(_ analyses: [ArticleAnalysis], excluded: Set<Int> = []) throws
        -> (documents: [MatchDocument], links: [Link], index: ContainmentIndex, copies: [Int: Int]) {
        let copies = Self.exactCopies(analyses, excluded: excluded)
        let sketches = analyses.indices.map { copies[$0] == nil ? analyses[$0].fingerprint.sketch : [] }
        let index = ContainmentIndex(sketches: sketches, stories: analyses.map(\.fingerprint.story),
                                     maxPostings: max(64, analyses.count / 100))
        let docs = MatchDocument.build(from: analyses, index: index, copies: copies)
        return (docs, try links(among: docs, containment: index, skipping: Set(copies.keys)), index, copies)
    }

    /// Each exact copy (beyond the first of its group) mapped to the group's first document: its
    /// first full page, where it has one. An excerpt page that holds a whole short report (cut only
    /// after its last row) reads as that report, but is compared as an excerpt (leniently, with
    /// its rows run together): a full page stands for the group.
    static func exactCopies(_ analyses: [ArticleAnalysis], excluded: Set<Int>) -> [Int: Int] {
        var first: [UInt64: Int] = [:]
        var copies: [Int: Int] = [:]
        let eligible = analyses.indices.filter { i in
            analyses[i].fingerprint.tokens > 0 && !analyses[i].fingerprint.isHeadlineOnly && !excluded.contains(i)
        }
        for excerpts in [false, true] {
            for i in eligible where analyses[i].isExcerpt == excerpts {
                let key = StableHash.combine(analyses[i].fingerprint.exact, UInt64(analyses[i].fingerprint.tokens))
                if let rep = first[key] { copies[i] = rep } else { first[key] = i }
            }
        }
        return copies
    }

    /// All verified links among `docs`: candidate pairs from both indexes (each pair once), then
    /// both directions of each pair verified with one sketch intersection.
    public func links(among docs: [MatchDocument], containment: ContainmentIndex, skipping: Set<Int> = []) throws -> [Link] {
        let simhashes = try SimHashIndex(fingerprints: docs.map(\.fingerprint.simhash), maxDistance: settings.simhashDistance)
        let settings = self.settings
        let leaders = crowdLeaders(simhashes, docs: docs, skipping: skipping)
        let chunk = max(64, docs.count / 64)
        var pairs: [UInt64] = []
        Parallel.forEachChunk(count: docs.count, chunk: chunk) { range in
            var local: [UInt64] = []
            for q in range where docs[q].fingerprint.tokens > 0 && !skipping.contains(q) {
                func add(_ c: Int) {
                    guard c != q, docs[c].fingerprint.tokens > 0, !skipping.contains(c) else { return }
                    local.append(UInt64(min(q, c)) << 32 | UInt64(max(q, c)))
                }
                for hit in simhashes.query(docs[q].fingerprint.simhash, limit: settings.maxCandidates) { add(hit.doc) }
                if !leaders.isEmpty {
                    let fp = docs[q].fingerprint.simhash
                    for (t, key) in simhashes.keys(of: fp).enumerated() {
                        for l in leaders[t][key] ?? [] where (docs[l].fingerprint.simhash ^ fp).nonzeroBitCount <= settings.simhashDistance { add(l) }
                    }
                }
                var hits = containment.candidates(for: docs[q].sketch, minShare: settings.candidateShare)
                if hits.count > settings.maxContainmentCandidates {
                    hits.sort { ($0.hits, $1.doc) > ($1.hits, $0.doc) }
                    hits.removeLast(hits.count - settings.maxContainmentCandidates)
                }
                for hit in hits { add(hit.doc) }
            }
            return local
        } collect: { pairs.append(contentsOf: $0) }
        let cutLeads = cutLeadLinks(among: docs, containment: containment, skipping: skipping)
        RadixSort.sort(&pairs)
        pairs.dedupe()
        let unique = pairs
        var out: [Link] = []
        Parallel.forEachChunk(count: unique.count, chunk: max(256, unique.count / 64)) { range in
            var local: [Link] = []
            for p in range {
                let a = Int(unique[p] >> 32), b = Int(unique[p] & 0xFFFF_FFFF)
                let (ab, ba) = PairJudge.relatePair(docs[a], docs[b], settings: settings)
                // Pairs told apart by their figures alone travel too (no cluster takes them).
                if ab.kind != nil || ab.figuresDiffer { local.append(Link(from: a, to: b, relation: ab)) }
                if ba.kind != nil || ba.figuresDiffer { local.append(Link(from: b, to: a, relation: ba)) }
            }
            return local
        } collect: { out.append(contentsOf: $0) }
        // A page already linked some other way to a page at least as full keeps that link; one
        // linked only to smaller pages (another excerpt of the story) still gets its cut-lead link.
        let linked = Set(out.filter { $0.relation.kind != nil && docs[$0.to].size >= docs[$0.from].size }.map(\.from))
        out.append(contentsOf: cutLeads.filter { !linked.contains($0.from) })
        return Self.withoutLeadLinksApart(out, docs: docs, settings: settings)
    }

    /// `links` without the lead-line links (`PairJudge.leadLine`: excerpt links of full pages)
    /// whose page is as alike its article as a near duplicate but for figures in place of the
    /// article's (another report, worth a review; not a small site's counter kept beside them):
    /// no excerpt of it on its lead line alone. `DistributedDecide.decide` applies it too.
    public static func withoutLeadLinksApart(_ links: [Link], docs: [MatchDocument], settings: MatchSettings) -> [Link] {
        let apart = Set(links.filter { $0.relation.kind == nil && $0.relation.figuresDiffer && !docs[$0.from].isExcerpt
                                       && $0.relation.jaccard >= settings.nearDuplicateJaccard
                                       && Clusterer.inPlaceOfEachOther(docs[$0.from].fingerprint, docs[$0.to].fingerprint) }
            .map { UInt64($0.from) << 32 | UInt64($0.to) })
        guard !apart.isEmpty else { return links }
        // (Only full pages are apart: an excerpt link from one is a lead-line link.)
        return links.filter { !($0.relation.kind == .excerpt && apart.contains(UInt64($0.from) << 32 | UInt64($0.to))) }
    }

    /// Per table, the leaders of each crowded key (`MatchSettings.crowdLeaders`): the key's first
    /// documents in the order clustering visits them (full pages first, larger first, then
    /// position; exact copies and empty pages are no candidates). Empty when no key is crowded.
    func crowdLeaders(_ simhashes: SimHashIndex, docs: [MatchDocument], skipping: Set<Int>) -> [[UInt64: [Int]]] {
        let crowded = simhashes.crowdedKeys(moreThan: settings.maxCandidates)
        guard crowded.contains(where: { !$0.isEmpty }) else { return [] }
        let count = settings.crowdLeaders
        return crowded.map { keys in
            keys.mapValues { members in
                let eligible = members.map(Int.init).filter { docs[$0].fingerprint.tokens > 0 && !skipping.contains($0) }
                return Array(eligible.sorted { (docs[$0].isExcerpt ? 1 : 0, -docs[$0].size, $0) < (docs[$1].isExcerpt ? 1 : 0, -docs[$1].size, $1) }
                    .prefix(count))
            }
        }
    }

    /// Pages whose longest cut-off line is the verbatim start of another article with the same
    /// headline: excerpts of it, whatever else they hold (on a site seen twice, its notices can
    /// pass for the page's body). Verified on the article's lead, unweighted.
    func cutLeadLinks(among docs: [MatchDocument], containment: ContainmentIndex, skipping: Set<Int>) -> [Link] {
        let settings = self.settings
        // Analysis gives a lead line only to pages whose own text is not much more than it: a full
        // article with a teaser of another under a series headline ("国内联播快讯") is no excerpt page.
        let queries = docs.indices.filter { DistributedDecide.isCutLeadQuery(docs[$0]) && !skipping.contains($0) }
        var out: [Link] = []
        Parallel.forEachChunk(count: queries.count, chunk: 64) { range in
            var local: [Link] = []
            for k in range {
                let q = queries[k], cut = docs[q].cutLead
                var best: (doc: Int, relation: PairRelation)?
                for hit in containment.candidates(for: cut, minShare: settings.candidateShare) where hit.doc != q && !skipping.contains(hit.doc) {
                    guard let r = PairJudge.leadLine(of: docs[q], in: docs[hit.doc], settings: settings) else { continue }
                    if best.map({ r.containment > $0.relation.containment }) ?? true { best = (hit.doc, r) }
                }
                if let b = best { local.append(Link(from: q, to: b.doc, relation: b.relation)) }
            }
            return local
        } collect: { out.append(contentsOf: $0) }
        return out
    }
}
