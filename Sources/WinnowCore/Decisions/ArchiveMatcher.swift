/// Matches tonight's documents against earlier runs' canonical articles.
///
/// Each document asks the archive for candidates (SimHash neighbours and documents sharing its
/// lead), and each candidate is verified with the same judge as within the batch; shingles are
/// weighted by their frequency in tonight's batch. The best match wins: exact, then near
/// duplicate, then partial copy, then excerpt, then the higher containment.
public struct ArchiveMatcher: Sendable {
    /// The thresholds.
    public let settings: MatchSettings

    /// Creates a matcher.
    public init(settings: MatchSettings) {
        self.settings = settings
    }

    /// Archive matches by batch document index, and archived excerpts or partial copies whose
    /// fuller article arrived tonight (they are revised to point at it). Documents in `excluded`
    /// are not looked up.
    public func match(_ docs: [MatchDocument], index: ContainmentIndex, archive: any ArchiveLookup,
                      excluded: Set<Int> = []) throws -> (matches: [Int: ArchiveMatch], revisions: [ArchiveRevision]) {
        var out: [Int: ArchiveMatch] = [:]
        var revisions: [String: ArchiveRevision] = [:]
        for (i, doc) in docs.enumerated() where !excluded.contains(i) && doc.fingerprint.tokens > 0 {
            var best: ArchiveMatch?
            for article in try archive.candidates(for: doc.fingerprint, maxDistance: settings.simhashDistance) where article.id != doc.id {
                let other = Self.matchDocument(article, index: index)
                // An archived excerpt or partial copy of tonight's fuller document: revise it.
                let back = PairJudge.relate(other, to: doc, settings: settings)
                if back.kind == .excerpt || back.kind == .partial {
                    if (revisions[article.id]?.relation.containment ?? -1) < back.containment {
                        revisions[article.id] = ArchiveRevision(article: article, into: i, relation: back)
                    }
                    continue
                }
                let r = PairJudge.relate(doc, to: other, settings: settings)
                guard let kind = r.kind else { continue }
                let candidate = ArchiveMatch(article: article, relation: r)
                if let b = best, Self.rank(b.relation.kind) < Self.rank(kind)
                    || (Self.rank(b.relation.kind) == Self.rank(kind) && b.relation.containment >= r.containment) {
                    continue
                }
                best = candidate
            }
            if let best { out[i] = best }
        }
        return (out, revisions.values.sorted { $0.article.id < $1.article.id })
    }

    /// Lower is better.
    static func rank(_ kind: MatchKind?) -> Int {
        switch kind {
        case .exact?: return 0
        case .nearDuplicate?: return 1
        case .partial?: return 2
        case .excerpt?: return 3
        case nil: return 4
        }
    }

    /// An archived article as a match document, its shingles weighted by tonight's frequencies.
    static func matchDocument(_ a: ArchivedArticle, index: ContainmentIndex) -> MatchDocument {
        let weights = a.fingerprint.sketch.map { 1 / Float(index.documentFrequency(of: $0) + 1) }
        return MatchDocument(id: a.id, publishedAt: a.publishedAt, isExcerpt: a.isExcerpt, fingerprint: a.fingerprint,
                             weights: weights, totalWeight: weights.reduce(0, +), size: a.fingerprint.sketch.count)
    }
}
