import Foundation
import GRDB
import Synchronization
import WinnowCore

/// An archived article as a finding names it: what a reader needs to find it again.
public struct ArchivedDetails: Sendable, Equatable {
    /// Its id.
    public var id: String
    /// The run that accepted it.
    public var run: String
    /// The crawled address, when known.
    public var url: String?
    /// Its headline, when the archive keeps headlines (schema v5 on).
    public var headline: String?
    /// Publication time, as given.
    public var publishedAt: String?
}

/// The archive opened for reading only (`winnow check`): SQLite's read-only mode, no migration,
/// no run lock, so a nightly run may write meanwhile (a WAL reader sees the last committed run).
///
/// Nothing is loaded up front: each document's candidates are queried through the SimHash band
/// indexes and the lead anchors, so one draft costs a few index reads whatever the archive's size.
/// An archive written before the band indexes (schema v5) still works: its canonicals' SimHashes
/// are then loaded once into memory, as `scan --index` does.
public final class ArchiveReader: ArchiveLookup {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// Whether lookups use the band indexes (else every SimHash is loaded on the first lookup).
    public let usesBandIndexes: Bool
    /// Whether the archive keeps headlines.
    let hasHeadlines: Bool
    private let loaded = Mutex<(maxDistance: Int, sequences: [Int64], index: SimHashIndex)?>(nil)

    /// Opens the archive at `path` read-only. Fails when there is no archive there, when the file
    /// is no Winnow archive, or when it predates a schema change the reader needs (a writer —
    /// the next `scan --index`, or `winnow index vacuum` — migrates it). `bandIndexes: false`
    /// forces the in-memory lookup (for tests).
    public init(path: String, bandIndexes: Bool = true) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "no such file (check never creates an archive; --record does)")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let applied: Set<String>
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            applied = try queue.read { db in try ArchiveSchema.migrator.appliedIdentifiers(db) }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreError.describe(error, path: path))
        }
        guard applied.contains("v1") else { throw StoreError.cannotOpen(path: path, reason: "not a Winnow archive") }
        let known = Set(ArchiveSchema.migrator.migrations)
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, steps: Array(unknown)) }
        // Band indexes (v5) and verdicts (v6) are optional for reading: without them lookups load the
        // SimHashes once and no verdicts apply.
        let optional: Set<String> = [ArchiveSchema.simHashBandsMigration, ArchiveSchema.verdictsMigration]
        let missing = ArchiveSchema.migrator.migrations.filter { !applied.contains($0) && !optional.contains($0) }
        guard missing.isEmpty else {
            throw StoreError.cannotOpen(path: path, reason: "written by an older Winnow (missing schema \(missing.joined(separator: ", "))); "
                                        + "a writer migrates it: the next scan --index, or winnow index vacuum")
        }
        hasHeadlines = applied.contains(ArchiveSchema.simHashBandsMigration)
        usesBandIndexes = hasHeadlines && bandIndexes
    }

    /// Canonical articles indexed.
    public func canonicalCount() throws -> Int {
        try guarded { try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE sketch IS NOT NULL") ?? 0 } }
    }

    /// Archived canonicals that may be copies of, or copied by, this fingerprint: SimHash
    /// neighbours and canonicals sharing its lead anchors (the probes `ArchiveIndex` uses).
    public func candidates(for fingerprint: Fingerprint, maxDistance: Int) throws -> [ArchivedArticle] {
        let probes = Array(Set(fingerprint.head).union(fingerprint.lead.prefix(64)))
        let near = try neighbours(of: fingerprint.simhash, maxDistance: maxDistance)
        return try guarded {
            try queue.read { db in
                var seqs = Set(near)
                for s in try ArchiveStore.anchorMatches(probes, limit: 32, in: db) { seqs.insert(s) }
                return try ArchiveStore.articles(seqs.sorted(), in: db)
            }
        }
    }

    /// Sequence numbers of articles whose SimHash is within `maxDistance` (0...16) of `simhash`.
    /// Through the band indexes these may include non-canonicals, which `candidates` drops.
    public func neighbours(of simhash: UInt64, maxDistance: Int) throws -> [Int64] {
        guard usesBandIndexes else { return try loadedNeighbours(of: simhash, maxDistance: maxDistance) }
        let radius = SimHashBands.radius(for: maxDistance)
        return try guarded {
            try queue.read { db in
                var out = Set<Int64>()
                for band in 0..<SimHashBands.count {
                    let values = SimHashBands.values(near: SimHashBands.value(simhash, band: band), radius: radius)
                    // Integers only, written inline: a radius of 4 asks for 2,517 values per band.
                    let list = values.map(String.init).joined(separator: ",")
                    let rows = try Row.fetchCursor(db, sql: "SELECT seq, simhash FROM articles WHERE \(SimHashBands.expression(band)) IN (\(list))")
                    while let row = try rows.next() {
                        if SimHash.distance((row[1] as Int64).unsigned, simhash) <= maxDistance { out.insert(row[0]) }
                    }
                }
                return out.sorted()
            }
        }
    }

    /// The in-memory lookup of archives without band indexes: every canonical's SimHash, once.
    private func loadedNeighbours(of simhash: UInt64, maxDistance: Int) throws -> [Int64] {
        try loaded.withLock { state in
            if state == nil || state?.maxDistance != maxDistance {
                let rows: [(Int64, UInt64)] = try guarded {
                    try queue.read { db in
                        var out: [(Int64, UInt64)] = []
                        let cursor = try Row.fetchCursor(db, sql: "SELECT seq, simhash FROM articles WHERE sketch IS NOT NULL")
                        while let row = try cursor.next() { out.append((row[0], (row[1] as Int64).unsigned)) }
                        return out
                    }
                }
                state = (maxDistance, rows.map(\.0), try SimHashIndex(fingerprints: rows.map(\.1), maxDistance: maxDistance))
            }
            guard let state else { return [] }
            return state.index.query(simhash).map { state.sequences[$0.doc] }
        }
    }

    /// Id, run, url, headline and publication time of archived articles, by id (absent ids are left out).
    public func details(of ids: [String]) throws -> [String: ArchivedDetails] {
        guard !ids.isEmpty else { return [:] }
        let headline = hasHeadlines ? "headline" : "NULL"
        var out: [String: ArchivedDetails] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try guarded {
                try queue.read { db in
                    let rows = try Row.fetchCursor(db, sql: "SELECT id, run_id, url, \(headline), published_at FROM articles WHERE id IN (\(marks))",
                                                   arguments: StatementArguments(chunk))
                    while let r = try rows.next() {
                        out[r[0]] = ArchivedDetails(id: r[0], run: r[1], url: r[2], headline: r[3], publishedAt: r[4])
                    }
                }
            }
        }
        return out
    }

    /// Runs `body`, turning database errors into `StoreError.failed`.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw StoreError.failed(path: path, reason: StoreError.describe(error, path: path))
        }
    }
}
