/// An article accepted in an earlier run, as the archive gives it back for matching.
public struct ArchivedArticle: Sendable {
    /// Its id.
    public var id: String
    /// The run that accepted it.
    public var run: String
    /// Publication time, as given.
    public var publishedAt: String?
    /// Whether it is an excerpt page.
    public var isExcerpt: Bool
    /// Its fingerprint (SimHash, exact hash, sketches).
    public var fingerprint: Fingerprint

    /// Creates an archived article.
    public init(id: String, run: String, publishedAt: String?, isExcerpt: Bool, fingerprint: Fingerprint) {
        self.id = id
        self.run = run
        self.publishedAt = publishedAt
        self.isExcerpt = isExcerpt
        self.fingerprint = fingerprint
    }
}

/// Where earlier runs' canonical articles are looked up (the archive index implements it; the
/// core does no I/O itself).
public protocol ArchiveLookup: Sendable {
    /// Archived canonical articles that may be copies of, or copied by, a document with this
    /// fingerprint: SimHash neighbours within `maxDistance` and documents sharing its lead.
    func candidates(for fingerprint: Fingerprint, maxDistance: Int) throws -> [ArchivedArticle]
}

/// A document of tonight's batch matched to an article of an earlier run.
public struct ArchiveMatch: Sendable {
    /// The archived canonical.
    public var article: ArchivedArticle
    /// How tonight's document relates to it.
    public var relation: PairRelation
}

/// An archived excerpt or partial copy whose fuller article arrived in tonight's batch.
public struct ArchiveRevision: Sendable {
    /// The archived document to revise.
    public var article: ArchivedArticle
    /// The batch document (index) that contains it.
    public var into: Int
    /// How the archived document relates to it.
    public var relation: PairRelation
}
