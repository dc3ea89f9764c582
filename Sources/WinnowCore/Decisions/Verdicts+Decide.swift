/// What `ScanEngine.decide` had before `not-duplicate` verdicts kept documents apart: enough
/// to decide again without them and see which decisions they changed.
struct Unconstrained {
    var analyses: [ArticleAnalysis]
    var matches: [MatchDocument]
    var links: [CandidateSearch.Link]
    var copies: [Int: Int]
    var ruleRemoved: Set<Int>
    /// Archive matches as they would have been without verdicts (exact copies not yet added).
    var archived: [Int: ArchiveMatch]
}

extension ScanEngine {
    /// Two documents judged apart must not meet through an archived article they both copy:
    /// the stronger match stays, the other document goes on to clustering within the batch
    /// (its match is kept in `unconstrained`).
    static func keepApart(_ archived: inout [Int: ArchiveMatch], unconstrained: inout [Int: ArchiveMatch], verdicts: BatchVerdicts) {
        var byArticle: [String: [(doc: Int, match: ArchiveMatch)]] = [:]
        for (i, m) in archived where !verdicts.partners(of: i).isEmpty { byArticle[m.article.id, default: []].append((i, m)) }
        for (_, group) in byArticle where group.count > 1 {
            let ranked = group.sorted { a, b in
                ArchiveMatcher.better(a.match, than: b.match) || (!ArchiveMatcher.better(b.match, than: a.match) && a.doc < b.doc)
            }
            var kept: [Int] = []
            for (i, m) in ranked {
                if kept.contains(where: { verdicts.apart(i, $0) != nil }) {
                    archived[i] = nil
                    if unconstrained[i] == nil { unconstrained[i] = m }
                } else {
                    kept.append(i)
                }
            }
        }
    }

    /// Names on each decision the verdict that changed it: a removal (set by the decider), a
    /// `not-duplicate` when deciding without those verdicts gives the document another kind or
    /// canonical, else a `false-positive` rule that had fired on it. Only documents a verdict
    /// names (by id or text) are marked, not third documents whose cluster changed with them.
    static func mark(_ decisions: inout [Decision], verdicts: BatchVerdicts, unconstrained u: Unconstrained, settings: MatchSettings) {
        for (i, v) in verdicts.suppressed where decisions[i].verdict == nil { decisions[i].verdict = v.applied }
        let scope = decisions.indices.filter { decisions[$0].verdict?.kind != .remove && !verdicts.sides(of: $0).isEmpty }
        guard !scope.isEmpty else { return }
        var free = u.archived
        for (copy, rep) in u.copies { if let m = free[rep] { free[copy] = m } }
        let removed = u.ruleRemoved.union(verdicts.removed.keys)
        let clusters = Clusterer(settings: settings).clusters(of: u.matches, links: u.links, excluded: removed.union(free.keys),
                                                              copies: u.copies.filter { free[$0.key] == nil })
        let before = Decider(settings: settings).decide(u.analyses, matches: u.matches, clusters: clusters, ruleRemoved: u.ruleRemoved,
                                                        archived: free, verdictRemoved: verdicts.removed)
        for i in scope where before[i].kind != decisions[i].kind || before[i].canonical != decisions[i].canonical {
            let sides = verdicts.sides(of: i)
            let v = sides.last { $0.other.id == before[i].canonical }?.verdict ?? sides.last?.verdict
            if let v { decisions[i].verdict = v.applied }
        }
    }

    /// Archived excerpts and partial copies are not revised into a canonical they are judged apart from.
    static func keepApart(_ revisions: [ArchiveRevision], decisions: [Decision], analyses: [ArticleAnalysis],
                          verdicts: BatchVerdicts) -> [ArchiveRevision] {
        guard !revisions.isEmpty else { return revisions }
        let index = Dictionary(analyses.indices.map { (analyses[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        return revisions.filter { r in
            guard let c = index[decisions[r.into].canonical] else { return true }
            return verdicts.apart(c, archived: r.article) == nil
        }
    }
}
