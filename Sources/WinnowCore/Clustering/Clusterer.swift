/// A cluster: one centre and the documents directly related to it.
public struct Cluster: Sendable {
    /// The document the cluster grew around (the fullest copy).
    public var center: Int
    /// The chosen canonical (a full copy; earliest published among near-equal full copies).
    public var canonical: Int
    /// Other members with how each relates to the centre.
    public var members: [(doc: Int, relation: PairRelation)]
}

/// Groups verified links into clusters without chaining.
///
/// Documents are visited fullest first (complete pages before excerpts, longer before shorter,
/// then earliest, then id). An unassigned document becomes a centre and takes every unassigned
/// document linked *to it directly*; so A~B and B~C never put A and C together unless C also
/// matches the centre. A document left alone whose link points into another cluster joins it
/// if it is still related to that cluster's centre at a relaxed threshold.
public struct Clusterer: Sendable {
    /// The thresholds.
    public let settings: MatchSettings

    /// Creates a clusterer.
    public init(settings: MatchSettings) {
        self.settings = settings
    }

    /// Visiting order: fullest first.
    public static func precedes(_ a: ArticleAnalysis, _ b: ArticleAnalysis) -> Bool {
        if a.isExcerpt != b.isExcerpt { return !a.isExcerpt }
        if a.fingerprint.sketch.count != b.fingerprint.sketch.count { return a.fingerprint.sketch.count > b.fingerprint.sketch.count }
        return earlier(a, b)
    }

    /// Earliest `published_at` first (missing dates last), then id.
    public static func earlier(_ a: ArticleAnalysis, _ b: ArticleAnalysis) -> Bool {
        switch (a.publishedAt, b.publishedAt) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.id < b.id
        }
    }

    /// Clusters `docs` given the links among them. Documents in `excluded` stay out of every cluster.
    public func clusters(of docs: [ArticleAnalysis], links: [CandidateSearch.Link], excluded: Set<Int> = []) -> [Cluster] {
        // copiesOf[c] = documents that are copies of c (with the relation from their side).
        var copiesOf = [[(doc: Int, relation: PairRelation)]](repeating: [], count: docs.count)
        var targetsOf = [[Int]](repeating: [], count: docs.count)
        for l in links where !excluded.contains(l.from) && !excluded.contains(l.to) {
            copiesOf[l.to].append((l.from, l.relation))
            targetsOf[l.from].append(l.to)
        }
        let order = docs.indices.filter { !excluded.contains($0) }.sorted { Self.precedes(docs[$0], docs[$1]) }
        var clusterOf = [Int?](repeating: nil, count: docs.count)
        var clusters: [Cluster] = []
        for d in order where clusterOf[d] == nil {
            let id = clusters.count
            clusterOf[d] = id
            var members: [(doc: Int, relation: PairRelation)] = []
            for copy in copiesOf[d] where clusterOf[copy.doc] == nil {
                clusterOf[copy.doc] = id
                members.append(copy)
            }
            clusters.append(Cluster(center: d, canonical: d, members: members))
        }
        // Singletons linked into another cluster: join it when still related to its centre.
        for (id, c) in clusters.enumerated() where c.members.isEmpty {
            let d = c.center
            var best: (cluster: Int, relation: PairRelation)?
            for t in targetsOf[d] {
                guard let tc = clusterOf[t], tc != id, clusters[tc].center != d else { continue }
                let r = PairJudge.relate(docs[d], to: docs[clusters[tc].center], settings: settings)
                guard r.containment >= settings.relaxedContainment else { continue }
                if best == nil || r.containment > best!.relation.containment { best = (tc, r) }
            }
            if let b = best {
                var relation = b.relation
                if relation.kind == nil { relation.kind = docs[d].isExcerpt ? .excerpt : .partial }
                clusters[b.cluster].members.append((d, relation))
                clusters[id].members = []
                clusters[id].center = -1
                clusterOf[d] = b.cluster
            }
        }
        clusters.removeAll { $0.center < 0 }
        for i in clusters.indices { clusters[i].canonical = canonical(of: clusters[i], docs: docs) }
        return clusters
    }

    /// The canonical: among the centre and its full near-equal copies, the earliest published.
    private func canonical(of c: Cluster, docs: [ArticleAnalysis]) -> Int {
        let size = docs[c.center].fingerprint.sketch.count
        var best = c.center
        for m in c.members where (m.relation.kind == .exact || m.relation.kind == .nearDuplicate) && !docs[m.doc].isExcerpt
            && Double(docs[m.doc].fingerprint.sketch.count) >= Double(size) * 0.95 {
            if Self.earlier(docs[m.doc], docs[best]) { best = m.doc }
        }
        return best
    }
}
