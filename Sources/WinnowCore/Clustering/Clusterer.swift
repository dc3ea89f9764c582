/// A cluster: one centre and the documents related to it.
public struct Cluster: Sendable {
    /// The document the cluster grew around (the fullest copy).
    public var center: Int
    /// The chosen canonical (a full copy; earliest published among near-equal full copies).
    public var canonical: Int
    /// Other members with how each relates to the centre.
    public var members: [(doc: Int, relation: PairRelation)]
    /// For a centre left alone because it copies two reports whose figures differ (twins on one
    /// template, or two tables sharing the rows it holds) as fully, so its text cannot say which
    /// it copies: those two. Empty otherwise.
    public var ambiguousBetween: [Int] = []
}

/// Groups verified links into clusters without chaining.
///
/// 1. Duplicates: documents are visited fullest first (complete pages before excerpts, larger
///    before smaller, then earliest, then id). An unassigned document becomes a centre and takes
///    every unassigned document that is an exact or near duplicate *of it directly*; so A~B and
///    B~C never put A and C together unless C also matches the centre. Nor does it take two
///    reports stating figures in place of each other's (linked as `figuresDiffer`): of two such
///    rivals, one that states figures the centre does not stays out (`outsiders`).
/// 2. Partial copies and excerpts: each document still alone that is contained in others joins
///    the cluster of the document containing it best, provided it is still related to that
///    cluster's centre at a relaxed threshold.
/// 3. Copies of a canonical: a document still alone because the centre states other figures,
///    though it duplicates the cluster's canonical, joins that cluster (`joinCanonicals`).
///
/// A partial copy (or a near duplicate that lost a line of figures, or a full page its lead line
/// links) that a twin of its report (a report as full, on one template, stating a figure in place
/// of one of the report's) holds as fully is taken by neither, in step 1 or 2, nor, in
/// step 2, one that two reports of other clusters stating figures in place of each other's hold
/// as fully (tables sharing their opening rows): its text cannot say which it copies
/// (`Cluster.ambiguousBetween`, a review). Should both reports end in
/// one cluster after all, it joins them (`joinSettledAmbiguities`).
///
/// Editors' `not-duplicate` verdicts hold throughout: such a pair's links are dropped, and no
/// step puts both documents in one cluster, not even through a third document they both copy.
public struct Clusterer: Sendable {
    /// The thresholds.
    public let settings: MatchSettings

    /// Creates a clusterer.
    public init(settings: MatchSettings) {
        self.settings = settings
    }

    /// Visiting order: fullest first.
    public static func precedes(_ a: MatchDocument, _ b: MatchDocument) -> Bool {
        if a.isExcerpt != b.isExcerpt { return !a.isExcerpt }
        if a.size != b.size { return a.size > b.size }
        return earlier(a, b)
    }

    /// Earliest `published_at` first (missing dates last), then id.
    public static func earlier(_ a: MatchDocument, _ b: MatchDocument) -> Bool {
        switch (a.publishedAt, b.publishedAt) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.id < b.id
        }
    }

    /// Clusters `docs` given the links among them. Documents in `excluded` stay out of every
    /// cluster; exact `copies` (copy -> representative) join their representative's cluster;
    /// pairs `verdicts` keeps apart never share a cluster.
    public func clusters(of docs: [MatchDocument], links: [CandidateSearch.Link], excluded: Set<Int> = [],
                         copies: [Int: Int] = [:], verdicts: BatchVerdicts = .none) -> [Cluster] {
        let excluded = excluded.union(copies.keys)
        let constrained = !verdicts.apart.isEmpty
        var duplicatesOf = [[(doc: Int, relation: PairRelation)]](repeating: [], count: docs.count)
        var duplicated = [[(doc: Int, relation: PairRelation)]](repeating: [], count: docs.count)
        var containers = [[(doc: Int, relation: PairRelation)]](repeating: [], count: docs.count)
        // Texts that match but whose figures differ (twin reports), both ways.
        var twins: [Int: [Int]] = [:]
        for l in links where !excluded.contains(l.from) && !excluded.contains(l.to) {
            if constrained && verdicts.apart(l.from, l.to) != nil { continue }
            if l.relation.kind == nil && l.relation.figuresDiffer {
                twins[l.from, default: []].append(l.to)
                twins[l.to, default: []].append(l.from)
            }
            switch l.relation.kind {
            case .exact?, .nearDuplicate?:
                duplicatesOf[l.to].append((l.from, l.relation))
                duplicated[l.from].append((l.to, l.relation))
            case .partial? where l.relation.jaccard >= settings.nearDuplicateJaccard:
                duplicatesOf[l.to].append((l.from, l.relation))
            case .partial?, .excerpt?:
                containers[l.from].append((l.to, l.relation))
            case nil: break
            }
        }
        let order = docs.indices.filter { !excluded.contains($0) }.sorted { Self.precedes(docs[$0], docs[$1]) }
        var clusterOf = [Int?](repeating: nil, count: docs.count)
        var clusters: [Cluster] = []
        var ambiguous: [Int: [Int]] = [:]
        // Whether `x` must stay out of cluster `c` (it holds a document `x` is judged apart from).
        func conflict(_ x: Int, _ c: Int) -> Bool {
            verdicts.partners(of: x).keys.contains { clusterOf[$0] == c }
        }
        for d in order where clusterOf[d] == nil {
            let id = clusters.count
            clusterOf[d] = id
            var members: [(doc: Int, relation: PairRelation)] = []
            // Two reports stating figures in place of each other's never share a cluster, though
            // each matches the centre: a copy run into paragraphs is judged as prose, where one
            // changed figure is an edit, so "可拨打12315…" and "…12320…" both match it.
            let left = outsiders(of: d, copies: duplicatesOf[d], twins: twins, docs: docs)
            for copy in duplicatesOf[d] where clusterOf[copy.doc] == nil && !left.contains(copy.doc) {
                if constrained && conflict(copy.doc, id) { continue }
                // A partial copy (or a near duplicate that lost a line of figures) a twin of the
                // centre holds as fully: which one it copies, its text cannot tell.
                if copy.relation.kind == .partial || copy.relation.kind == .nearDuplicate,
                   let twin = twin(of: d, holding: copy.doc, asFullyAs: copy.relation, twins: twins, docs: docs) {
                    ambiguous[copy.doc] = [d, twin]
                    continue
                }
                clusterOf[copy.doc] = id
                members.append(copy)
            }
            clusters.append(Cluster(center: d, canonical: d, members: members, ambiguousBetween: ambiguous[d] ?? []))
        }
        // Clusters whose centre is contained in another document move, whole, into that
        // document's cluster (best containment first), when their centre still relates to its centre.
        for d in order {
            guard let own = clusterOf[d], clusters[own].center == d, !containers[d].isEmpty, clusters[own].ambiguousBetween.isEmpty else { continue }
            let ranked = containers[d].sorted {
                ($0.relation.containment, $0.relation.jaccard, -$0.doc) > ($1.relation.containment, $1.relation.jaccard, -$1.doc)
            }
            // Contained as fully in a twin of the report it is contained in best, or in another
            // report of another cluster: no choice to make. (A full page its lead line links is
            // a copy cut short too; a twin in its own cluster already says which it copies.)
            if let first = ranked.first(where: { clusterOf[$0.doc] != own }),
               first.relation.kind == .partial || (first.relation.kind == .excerpt && !docs[d].isExcerpt),
               let other = twin(of: first.doc, holding: d, asFullyAs: first.relation, twins: twins, docs: docs)
                ?? otherReport(than: first, holding: d, among: ranked, clusterOf: clusterOf, clusters: clusters, docs: docs),
               clusterOf[other] != own {
                clusters[own].ambiguousBetween = [first.doc, other]
                continue
            }
            for target in ranked {
                guard let tc = clusterOf[target.doc], tc != own else { continue }
                if constrained && ([d] + clusters[own].members.map(\.doc)).contains(where: { conflict($0, tc) }) { continue }
                let center = clusters[tc].center
                var relation = center == target.doc ? target.relation : PairJudge.relate(docs[d], to: docs[center], settings: settings)
                // A page linked by its lead line is checked on its lead line again.
                if relation.kind == nil, target.relation.kind == .excerpt, center != target.doc,
                   let lead = PairJudge.leadLine(of: docs[d], in: docs[center], settings: settings) { relation = lead }
                // Never into a cluster whose centre states other figures: another report.
                guard relation.kind != nil
                    || (relation.containment >= settings.relaxedContainment && !relation.figuresDiffer && !relation.otherFigures) else { continue }
                var moved: [(doc: Int, relation: PairRelation)] = []
                for m in clusters[own].members {
                    var r = PairJudge.relate(docs[m.doc], to: docs[center], settings: settings)
                    // Another excerpt of the story is one of the centre too when its lead line says so.
                    if r.kind == nil, let lead = PairJudge.leadLine(of: docs[m.doc], in: docs[center], settings: settings) { r = lead }
                    if r.figuresDiffer || r.otherFigures { break }
                    if r.kind == nil { r.kind = docs[m.doc].isExcerpt ? .excerpt : .partial }
                    moved.append((m.doc, r))
                }
                guard moved.count == clusters[own].members.count else { continue }
                if relation.kind == nil || relation.kind == .nearDuplicate { relation.kind = target.relation.kind }
                clusters[tc].members.append((d, relation))
                clusterOf[d] = tc
                for m in moved {
                    clusters[tc].members.append(m)
                    clusterOf[m.doc] = tc
                }
                clusters[own].members = []
                clusters[own].center = -1
                break
            }
        }
        // Exact copies join their representative, with its relation to the centre.
        let exact = PairRelation(kind: .exact, hamming: 0, jaccard: 1, containment: 1)
        var relationOf: [Int: PairRelation] = [:]
        if !copies.isEmpty {
            for c in clusters where c.center >= 0 { for m in c.members { relationOf[m.doc] = m.relation } }
        }
        for (copy, rep) in copies.sorted(by: { $0.key < $1.key }) {
            guard let c = clusterOf[rep], clusters[c].center >= 0 else { continue }
            if constrained && conflict(copy, c) {
                // Same text, yet judged no copy: it stands alone.
                clusterOf[copy] = clusters.count
                clusters.append(Cluster(center: copy, canonical: copy, members: []))
                continue
            }
            let relation = clusters[c].center == rep ? exact : relationOf[rep] ?? exact
            clusters[c].members.append((copy, relation))
            clusterOf[copy] = c
        }
        for i in clusters.indices where clusters[i].center >= 0 { clusters[i].canonical = canonical(of: clusters[i], docs: docs) }
        joinCanonicals(&clusters, clusterOf: &clusterOf, docs: docs, duplicated: duplicated, copies: copies,
                       verdicts: constrained ? verdicts : .none)
        joinSettledAmbiguities(&clusters, clusterOf: &clusterOf, docs: docs, verdicts: constrained ? verdicts : .none)
        clusters.removeAll { $0.center < 0 }
        return clusters
    }

    /// A copy left alone between two reports whose figures differ joins them when they ended in
    /// one cluster after all (a copy with a note added looked like another report, but both
    /// copy the same canonical): then there was nothing to choose between.
    private func joinSettledAmbiguities(_ clusters: inout [Cluster], clusterOf: inout [Int?], docs: [MatchDocument], verdicts: BatchVerdicts) {
        for i in clusters.indices where clusters[i].center >= 0 && clusters[i].ambiguousBetween.count == 2 {
            let pair = clusters[i].ambiguousBetween
            guard let c = clusterOf[pair[0]], c == clusterOf[pair[1]], c != i, clusters[c].center >= 0 else { continue }
            let group = [clusters[i].center] + clusters[i].members.map(\.doc)
            guard !group.contains(where: { x in verdicts.partners(of: x).keys.contains { clusterOf[$0] == c } }) else { continue }
            let center = clusters[c].center
            for x in group {
                var r = PairJudge.relate(docs[x], to: docs[center], settings: settings)
                if r.kind == nil { r.kind = .partial }
                clusters[c].members.append((x, r))
                clusterOf[x] = c
            }
            clusters[i].members = []
            clusters[i].center = -1
            clusters[i].ambiguousBetween = []
        }
    }

    /// The centre's copies that a rival leaves out: linked to the centre or another of its copies
    /// as a report whose figures differ, compared as reports (`PairJudge.isStrict`: in prose a
    /// changed figure is an edit), as full as it (neither a copy cut short of the other) and
    /// stating a figure in place of one of its (`inPlaceOfEachOther`), while stating figures
    /// the centre does not, or beside other names. Of two rivals, the one that states only the
    /// centre's figures stays, whichever link the search met first; two copies of the centre
    /// that each lost another line are no rivals.
    private func outsiders(of center: Int, copies: [(doc: Int, relation: PairRelation)], twins: [Int: [Int]],
                           docs: [MatchDocument]) -> Set<Int> {
        guard copies.contains(where: { twins[$0.doc] != nil }) else { return [] }
        let whole = docs[center].fingerprint
        let group = Set([center] + copies.map(\.doc))
        var out = Set<Int>()
        for c in copies {
            guard let linked = twins[c.doc] else { continue }
            let f = docs[c.doc].fingerprint
            if Figures.missing(f.figures, from: whole.figures) == 0 && !FigureLines.figureReplaced(f.figureLines, whole.figureLines) { continue }
            let size = Double(docs[c.doc].size)
            if linked.contains(where: { t in
                t != c.doc && group.contains(t) && Double(docs[t].size) > size * settings.containedMaxRatio
                    && size > Double(docs[t].size) * settings.containedMaxRatio && Self.inPlaceOfEachOther(f, docs[t].fingerprint)
                    && PairJudge.isStrict(f, docs[t].fingerprint, report: PairJudge.isReport(docs[c.doc], docs[t]))
            }) { out.insert(c.doc) }
        }
        return out
    }

    /// A report that states other figures than `report` (its twin on one template: linked to it
    /// as `figuresDiffer`) and holds `copy` at least as fully as `report` does (`relation`): a copy
    /// of the part the twins share, a quarter's table without the year's line where they differ.
    private func twin(of report: Int, holding copy: Int, asFullyAs relation: PairRelation, twins: [Int: [Int]],
                      docs: [MatchDocument]) -> Int? {
        guard let candidates = twins[report] else { return nil }
        // A twin is a report as full as this one, not a shorter copy with a figure changed, and
        // states a figure in place of one of this one's: not a copy that only lost a line of
        // figures, nor one whose lines were run together.
        for t in candidates.sorted() where t != copy && !docs[t].isExcerpt && Double(docs[t].size) > Double(docs[report].size) * settings.containedMaxRatio
            && Self.inPlaceOfEachOther(docs[t].fingerprint, docs[report].fingerprint) {
            if holds(docs[t], docs[copy], asFullyAs: relation) { return t }
        }
        return nil
    }

    /// Whether `twin` holds `copy` as fully as its report does (`relation`), not clearly less
    /// (`twinContainmentSlack`: a copy of the twin itself is the twin's): as a copy of it, as an
    /// excerpt of it (a lead line too), or, under the thresholds of a copy (the twin carries a
    /// byline the report lacks), holding as much of its text and stating its figures as it does.
    private func holds(_ twin: MatchDocument, _ copy: MatchDocument, asFullyAs relation: PairRelation) -> Bool {
        let least = relation.containment - settings.twinContainmentSlack
        let r = PairJudge.relate(copy, to: twin, settings: settings)
        if r.kind != nil { return r.kind != .exact && r.containment >= least }
        if relation.kind == .excerpt { return PairJudge.leadLine(of: copy, in: twin, settings: settings).map { $0.containment >= least } ?? false }
        let (a, b) = (copy.fingerprint, twin.fingerprint)
        return r.containment >= least
            && !PairJudge.figuresDiffer(a, b, aInB: true, report: PairJudge.isStrict(a, b, report: PairJudge.isReport(copy, twin)), settings: settings)
    }

    /// A report of another cluster than `first`'s (and the copy's) that holds the copy `d` as
    /// fully as `first` does, when the copy is compared as a report with both: two reports that
    /// share the lines it holds (a commodity table's opening rows) and no more.
    private func otherReport(than first: (doc: Int, relation: PairRelation), holding d: Int, among ranked: [(doc: Int, relation: PairRelation)],
                             clusterOf: [Int?], clusters: [Cluster], docs: [MatchDocument]) -> Int? {
        guard PairJudge.isReport(docs[d], docs[first.doc]) else { return nil }
        // The reports the clusters hold, where a container is itself a copy cut short (which
        // states fewer figures than either report).
        func report(_ x: Int) -> Fingerprint {
            guard let c = clusterOf[x], clusters[c].center >= 0 else { return docs[x].fingerprint }
            return docs[clusters[c].center].fingerprint
        }
        return ranked.first {
            $0.relation.kind == .partial && $0.relation.containment >= first.relation.containment
                && clusterOf[$0.doc] != clusterOf[first.doc] && clusterOf[$0.doc] != clusterOf[d] && PairJudge.isReport(docs[d], docs[$0.doc])
                && (Self.inPlaceOfEachOther(docs[$0.doc].fingerprint, docs[first.doc].fingerprint)
                    || Self.inPlaceOfEachOther(report($0.doc), report(first.doc)))
        }?.doc
    }

    /// Whether each report states a figure in place of one of the other's: each states a figure
    /// the other lacks, or, where both keep their order, neither's order stands within the
    /// other's (a figure changed to one the report states elsewhere: "气温12～16℃" / "气温13～16℃"
    /// beside "最低气温13℃"), or beside the same names (`FigureLines.figureReplaced`: "暂列积分榜第6位。"
    /// / "…第3位。" where both state 3 and 6 elsewhere).
    static func inPlaceOfEachOther(_ a: Fingerprint, _ b: Fingerprint) -> Bool {
        if Figures.missing(a.figures, from: b.figures) > 0 && Figures.missing(b.figures, from: a.figures) > 0 { return true }
        if FigureLines.figureReplaced(a.figureLines, b.figureLines) && FigureLines.figureReplaced(b.figureLines, a.figureLines) { return true }
        return !a.figureOrder.isEmpty && !b.figureOrder.isEmpty
            && !Figures.inOrder(a.figureOrder, within: b.figureOrder) && !Figures.inOrder(b.figureOrder, within: a.figureOrder)
    }

    /// A document left alone (with its exact copies) because the cluster's centre states other
    /// figures, though it copies the cluster's canonical, joins that cluster: the centre (the
    /// fullest copy) may be one with a note added and a figure edited, which a copy of the
    /// canonical need not resemble; the canonical vouches for its figures. The most alike
    /// canonical wins; the canonical stays.
    private func joinCanonicals(_ clusters: inout [Cluster], clusterOf: inout [Int?], docs: [MatchDocument],
                                duplicated: [[(doc: Int, relation: PairRelation)]], copies: [Int: Int], verdicts: BatchVerdicts) {
        var clusterOfCanonical: [Int: Int] = [:]
        for (i, c) in clusters.enumerated() where c.center >= 0 && !c.members.isEmpty { clusterOfCanonical[c.canonical] = i }
        guard !clusterOfCanonical.isEmpty else { return }
        for i in clusters.indices where clusters[i].center >= 0 {
            let d = clusters[i].center
            guard clusterOfCanonical[d] == nil, clusters[i].members.allSatisfy({ copies[$0.doc] == d }) else { continue }
            let targets = duplicated[d].filter { clusterOfCanonical[$0.doc] != nil }
                .sorted { ($0.relation.jaccard, -$0.doc) > ($1.relation.jaccard, -$1.doc) }
            let group = [d] + clusters[i].members.map(\.doc)
            guard let t = targets.first, let c = clusterOfCanonical[t.doc], c != i, clusters[c].center != t.doc,
                  PairJudge.relate(docs[d], to: docs[clusters[c].center], settings: settings).figuresDiffer,
                  !group.contains(where: { x in verdicts.partners(of: x).keys.contains { clusterOf[$0] == c } })
            else { continue }
            clusters[c].members.append(contentsOf: group.map { ($0, t.relation) })
            for x in group { clusterOf[x] = c }
            clusters[i].members = []
            clusters[i].center = -1
        }
    }

    /// The canonical: among the centre and its full near-equal copies, the earliest published.
    private func canonical(of c: Cluster, docs: [MatchDocument]) -> Int {
        let size = docs[c.center].size
        var best = c.center
        for m in c.members where (m.relation.kind == .exact || m.relation.kind == .nearDuplicate) && !docs[m.doc].isExcerpt
            && Double(docs[m.doc].size) >= Double(size) * 0.95 {
            if Self.earlier(docs[m.doc], docs[best]) { best = m.doc }
        }
        return best
    }
}
