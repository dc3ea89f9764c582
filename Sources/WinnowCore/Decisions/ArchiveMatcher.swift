import Synchronization

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
    /// are not looked up. Archived articles `verdicts` keeps a document apart from are passed
    /// over; `unconstrained` holds, for the documents one of them would have matched, the match
    /// they would have had without verdicts.
    public func match(_ docs: [MatchDocument], index: ContainmentIndex, archive: any ArchiveLookup, excluded: Set<Int> = [],
                      verdicts: BatchVerdicts = .none) throws
        -> (matches: [Int: ArchiveMatch], revisions: [ArchiveRevision], unconstrained: [Int: ArchiveMatch]) {
        var out: [Int: ArchiveMatch] = [:]
        var unconstrained: [Int: ArchiveMatch] = [:]
        var revisions: [String: ArchiveRevision] = [:]
        var failure: Error?
        let settings = self.settings
        let prepared = PreparedArchiveDocuments()
        // Lookups are independent reads: run them on all cores, then merge in document order.
        Parallel.forEachChunk(count: docs.count, chunk: 16) { range -> ([(Int, ArchiveMatch?, [ArchiveRevision], ArchiveMatch?)], String?) in
            var local: [(Int, ArchiveMatch?, [ArchiveRevision], ArchiveMatch?)] = []
            for i in range where !excluded.contains(i) && docs[i].fingerprint.tokens > 0 {
                do {
                    let (best, revised, blocked) = try Self.bestMatch(docs[i], index: i, in: index, archive: archive, settings: settings,
                                                                      prepared: prepared, verdicts: verdicts)
                    local.append((i, best, revised, blocked))
                } catch {
                    return (local, "\(error)")
                }
            }
            return (local, nil)
        } collect: { chunk in
            if let message = chunk.1, failure == nil { failure = WinnowCoreError.archiveLookup(message) }
            for (i, best, revised, blocked) in chunk.0 {
                if let best { out[i] = best }
                if let blocked { unconstrained[i] = blocked }
                for r in revised where (revisions[r.article.id]?.relation.containment ?? -1) < r.relation.containment {
                    revisions[r.article.id] = r
                }
            }
        }
        if let failure { throw failure }
        return (out, revisions.values.sorted { $0.article.id < $1.article.id }, unconstrained)
    }

    /// The best archive match of one document, the archived documents it revises, and — when a
    /// verdict kept it from a candidate it matched — its best match without verdicts.
    static func bestMatch(_ doc: MatchDocument, index i: Int, in index: ContainmentIndex, archive: any ArchiveLookup,
                          settings: MatchSettings, prepared: PreparedArchiveDocuments, verdicts: BatchVerdicts = .none)
        throws -> (ArchiveMatch?, [ArchiveRevision], ArchiveMatch?) {
        var best: ArchiveMatch?, free: ArchiveMatch?
        var revised: [ArchiveRevision] = []
        var blocked = false
        for article in try archive.candidates(for: doc.fingerprint, maxDistance: settings.simhashDistance) where article.id != doc.id {
            let apart = verdicts.apart(i, archived: article) != nil
            let other = prepared.document(for: article) { matchDocument(article, index: index) }
            // An archived excerpt or partial copy of tonight's fuller document: revise it.
            let back = PairJudge.relate(other, to: doc, settings: settings)
            if back.kind == .excerpt || back.kind == .partial {
                if !apart { revised.append(ArchiveRevision(article: article, into: i, relation: back)) }
                continue
            }
            let r = PairJudge.relate(doc, to: other, settings: settings)
            guard r.kind != nil else { continue }
            let m = ArchiveMatch(article: article, relation: r)
            if better(m, than: free) { free = m }
            if apart { blocked = true } else if better(m, than: best) { best = m }
        }
        return (best, revised, blocked ? free : nil)
    }

    /// Whether `m` beats `b`: a better kind, or the same kind with higher containment.
    static func better(_ m: ArchiveMatch, than b: ArchiveMatch?) -> Bool {
        guard let b else { return true }
        let (rm, rb) = (rank(m.relation.kind), rank(b.relation.kind))
        return rm < rb || (rm == rb && m.relation.containment > b.relation.containment)
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

/// Archived candidates weighted for tonight's batch, shared by the lookup threads: copies of one
/// story all meet the same archived canonical, whose weights are worked out once. Bounded: it is
/// emptied when full.
final class PreparedArchiveDocuments: Sendable {
    private let cache = Mutex<[String: MatchDocument]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func document(for article: ArchivedArticle, make: () -> MatchDocument) -> MatchDocument {
        if let known = cache.withLock({ $0[article.id] }) { return known }
        let made = make()
        cache.withLock { c in
            if c.count >= capacity { c.removeAll(keepingCapacity: true) }
            c[article.id] = made
        }
        return made
    }
}
