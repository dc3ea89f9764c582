import WinnowCore

/// Near-duplicate lookups against the archive: SimHash blocked tables over every canonical
/// article, held in memory (16 bytes per article per table), plus the stored lead anchors for
/// excerpts and partial copies, which SimHash cannot see. Candidates' fingerprints are read
/// from the database on demand.
public final class ArchiveIndex: ArchiveLookup {
    let store: ArchiveStore
    let sequences: [Int64]
    let simhashes: SimHashIndex

    init(store: ArchiveStore, sequences: [Int64], fingerprints: [UInt64], maxDistance: Int) throws {
        self.store = store
        self.sequences = sequences
        simhashes = try SimHashIndex(fingerprints: fingerprints, maxDistance: maxDistance)
    }

    /// Canonical articles indexed.
    public var count: Int { sequences.count }

    /// SimHash neighbours (sequence numbers) of a fingerprint.
    public func neighbours(of simhash: UInt64) -> [Int64] {
        simhashes.query(simhash).map { sequences[$0.doc] }
    }

    /// Archived canonicals that may be copies of, or copied by, this fingerprint.
    public func candidates(for fingerprint: Fingerprint, maxDistance: Int) throws -> [ArchivedArticle] {
        // A new archive has nothing to find: spare the first night a query per article.
        guard !sequences.isEmpty else { return [] }
        let probes = Array(Set(fingerprint.head).union(fingerprint.lead.prefix(64)))
        return try store.candidates(neighbours: neighbours(of: fingerprint.simhash), features: probes, limit: 32)
    }
}
