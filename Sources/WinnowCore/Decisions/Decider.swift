/// Turns clusters and rule outcomes into one decision per document, each with its reasons.
/// Nothing is dropped without a decision naming why.
public struct Decider: Sendable {
    /// The thresholds (for re-verifying members against a canonical that is not the centre).
    public let settings: MatchSettings

    /// Creates a decider.
    public init(settings: MatchSettings) {
        self.settings = settings
    }

    /// Decisions for `docs`, in input order. Documents in `verdictRemoved` are removed, their
    /// reason naming the editor's verdict.
    /// Of two documents whose texts match but whose figures differ (`PairRelation.figuresDiffer`,
    /// among `links`), the later published is kept but sent to review, naming the other; so is a
    /// document that copies two such reports alike (`Cluster.ambiguousBetween`), and each copy of
    /// it but its exact copies (they cannot tell either; an exact copy goes with its canonical).
    /// `hiddenCopies[d]` exact copies of `d` not among `docs` (a distributed run decides them
    /// elsewhere, like a sibling) count in the size of `d`'s cluster.
    public func decide(_ docs: [ArticleAnalysis], matches: [MatchDocument], clusters: [Cluster], ruleRemoved: Set<Int>,
                       archived: [Int: ArchiveMatch] = [:], verdictRemoved: [Int: Verdict] = [:],
                       links: [CandidateSearch.Link] = [], hiddenCopies: [Int: Int] = [:]) -> [Decision] {
        var decisions = [Decision?](repeating: nil, count: docs.count)
        for (i, m) in archived {
            let kind = m.relation.kind ?? .nearDuplicate
            decisions[i] = Decision(id: docs[i].id, kind: kind == .exact ? .remove : .merge, canonical: m.article.id,
                                    canonicalRun: m.article.run,
                                    reasons: [Self.reason(kind, of: m.article.id, m.relation) + " from run \(m.article.run)"],
                                    match: m.relation.evidence, clusterSize: 2)
        }
        for i in ruleRemoved {
            let d = docs[i]
            decisions[i] = Decision(id: d.id, kind: .remove, canonical: d.id,
                                    reasons: d.removeRules.map { "removed by rule \($0)" }, clusterSize: 1)
        }
        for (i, v) in verdictRemoved {
            decisions[i] = Decision(id: docs[i].id, kind: .remove, canonical: docs[i].id, reasons: [Self.reason(removedBy: v)], clusterSize: 1)
            decisions[i]?.verdict = v.applied
        }
        for c in clusters {
            let hidden = hiddenCopies.isEmpty ? 0 : ([c.center] + c.members.map(\.doc)).reduce(0) { $0 + (hiddenCopies[$1] ?? 0) }
            let size = c.members.count + 1 + hidden
            let canon = docs[c.canonical]
            var keepReasons: [String] = []
            if size > 1 { keepReasons.append("canonical of \(size) copies") }
            if canon.isExcerpt { keepReasons.append("excerpt of an article not in the archive") }
            decisions[c.canonical] = keepDecision(canon, reasons: keepReasons, size: size)
            var members = c.members
            if c.canonical != c.center {
                members.removeAll { $0.doc == c.canonical }
                members.append((c.center, PairJudge.relate(matches[c.center], to: matches[c.canonical], settings: settings)))
            }
            for m in members {
                let d = docs[m.doc]
                var relation = m.relation
                if c.canonical != c.center && m.doc != c.center {
                    let r = PairJudge.relate(matches[m.doc], to: matches[c.canonical], settings: settings)
                    relation = r.kind == nil ? PairRelation(kind: m.relation.kind, hamming: r.hamming, jaccard: r.jaccard, containment: r.containment) : r
                }
                let kind = relation.kind ?? .nearDuplicate
                let reason = Self.reason(kind, of: canon.id, relation)
                decisions[m.doc] = Decision(id: d.id, kind: kind == .exact ? .remove : .merge, canonical: canon.id,
                                            reasons: [reason], match: relation.evidence ?? MatchEvidence(kind: kind, hamming: relation.hamming, jaccard: relation.jaccard, containment: relation.containment),
                                            clusterSize: size)
            }
        }
        var out = docs.indices.map { i in
            decisions[i] ?? keepDecision(docs[i], reasons: [], size: 1)
        }
        markFigureConflicts(&out, matches: matches, links: links)
        for c in clusters where c.ambiguousBetween.count == 2 && out[c.canonical].kind == .keep {
            let names = c.ambiguousBetween.map { out[$0].canonical }
            // One of the two joined this very cluster (an exact copy of its canonical): the
            // cluster holds that report, so there is nothing to choose.
            if names.contains(out[c.canonical].id) { continue }
            let reason = "copies only what \(names[0]) and \(names[1]) share, reports whose figures differ:"
                + " which one it copies, its text cannot tell"
            out[c.canonical].kind = .review
            out[c.canonical].reasons = [reason]
            for m in c.members where m.relation.kind != .exact && out[m.doc].kind == .merge {
                out[m.doc] = keepDecision(docs[m.doc], reasons: [reason], size: 1)
                out[m.doc].kind = .review
            }
        }
        return out
    }

    /// Reports on one template with other figures are other reports, never merged; but the pair
    /// is worth an editor's look (a correction, or a copy whose numbers were changed), once.
    private func markFigureConflicts(_ decisions: inout [Decision], matches: [MatchDocument], links: [CandidateSearch.Link]) {
        // Per document, the closest such pair (then the other's id): the same whatever order the
        // links come in (one process, or a distributed run's components).
        var closest: [Int: (other: Int, relation: PairRelation)] = [:]
        // Twins under a copy's thresholds (`MatchSettings.twinContainment`) tell the clusters
        // which copies are ambiguous; they are too far apart to be worth a review themselves.
        let close = { (r: PairRelation) in r.containment >= settings.containment || r.jaccard >= settings.nearDuplicateJaccard }
        for l in links where l.relation.figuresDiffer && l.relation.kind == nil && close(l.relation) {
            let (later, earlier) = Clusterer.earlier(matches[l.from], matches[l.to]) ? (l.to, l.from) : (l.from, l.to)
            guard later == l.from, decisions[later].kind == .keep, decisions[later].clusterSize == 1,
                  decisions[earlier].canonical != decisions[later].id else { continue }
            if let c = closest[later] {
                let a = (l.relation.jaccard, l.relation.containment), b = (c.relation.jaccard, c.relation.containment)
                guard a > b || (a == b && decisions[earlier].canonical < decisions[c.other].canonical) else { continue }
            }
            closest[later] = (earlier, l.relation)
        }
        for (later, c) in closest {
            decisions[later].kind = .review
            decisions[later].reasons = ["reads like a copy of \(decisions[c.other].canonical), but its figures differ (or the words beside them):"
                                        + " another report, or a copy whose numbers were changed (jaccard \(Self.fmt(c.relation.jaccard)), containment \(Self.fmt(c.relation.containment)))"]
        }
    }

    /// Revised decisions for archived documents whose fuller article arrived: merged into the
    /// canonical of the document that contains them.
    public func revise(_ revisions: [ArchiveRevision], decisions: [Decision]) -> [Decision] {
        revisions.map { r in
            let target = decisions[r.into]
            let kind = r.relation.kind ?? .excerpt
            var d = Decision(id: r.article.id, kind: .merge, canonical: target.canonical, canonicalRun: target.canonicalRun,
                             reasons: [Self.reason(kind, of: target.canonical, r.relation) + "; revised: its article arrived after run \(r.article.run)"],
                             match: r.relation.evidence, clusterSize: target.clusterSize + 1)
            d.revisedFromRun = r.article.run
            return d
        }
    }

    private func keepDecision(_ d: ArticleAnalysis, reasons: [String], size: Int) -> Decision {
        if !d.reviewRules.isEmpty {
            return Decision(id: d.id, kind: .review, canonical: d.id,
                            reasons: d.reviewRules.map { "rule \($0) asks for review" } + reasons, clusterSize: size)
        }
        return Decision(id: d.id, kind: .keep, canonical: d.id, reasons: reasons.isEmpty ? ["unique"] : reasons, clusterSize: size)
    }

    /// "removed by verdict of EDITOR on ID (DATE): NOTE".
    static func reason(removedBy v: Verdict) -> String {
        "removed by verdict of \(v.editor) on \(v.subject.id) (\(v.recordedAt))" + (v.note.map { ": \($0)" } ?? "")
    }

    /// "near-duplicate of X (simhash distance …, jaccard …, containment …)".
    static func reason(_ kind: MatchKind, of canonical: String, _ r: PairRelation) -> String {
        let figures = "simhash distance \(r.hamming), jaccard \(fmt(r.jaccard)), containment \(fmt(r.containment))"
        switch kind {
        case .exact: return "exact duplicate of \(canonical)"
        case .nearDuplicate: return "near-duplicate of \(canonical) (\(figures))"
        case .partial: return "partial copy of \(canonical) (\(figures))"
        case .excerpt: return "excerpt of \(canonical) (\(figures))"
        }
    }

    /// A similarity figure with three decimals.
    public static func fmt(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 1000
        return String(v)
    }
}
