import Foundation
import GRDB
import WinnowCore

/// Figures about an archive, for `winnow index stats`.
public struct ArchiveStats: Sendable, Equatable {
    /// Runs recorded.
    public var runs: Int
    /// Articles recorded.
    public var articles: Int
    /// Canonical articles (kept, with fingerprints).
    public var canonicals: Int
    /// Lead anchors stored.
    public var anchors: Int
    /// Line-statistics rows.
    public var lineKeys: Int
    /// Size of the database file (and its WAL) in bytes.
    public var bytes: Int

    /// Bytes per article.
    public var bytesPerArticle: Double { articles == 0 ? 0 : Double(bytes) / Double(articles) }
}

extension ArchiveStore {
    /// Counts and size.
    public func stats() throws -> ArchiveStats {
        let counts: [Int] = try guarded {
            try pool.read { db in
                try ["SELECT COUNT(*) FROM runs", "SELECT COUNT(*) FROM articles", "SELECT COUNT(*) FROM articles WHERE sketch IS NOT NULL",
                     "SELECT COUNT(*) FROM anchors", "SELECT (SELECT COUNT(*) FROM site_lines) + (SELECT COUNT(*) FROM all_lines) + (SELECT COUNT(*) FROM story_lines)"]
                    .map { try Int.fetchOne(db, sql: $0) ?? 0 }
            }
        }
        let size = [path, path + "-wal"].reduce(0) { total, p in
            total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0)
        }
        return ArchiveStats(runs: counts[0], articles: counts[1], canonicals: counts[2], anchors: counts[3], lineKeys: counts[4], bytes: size)
    }

    /// Deletes articles published before `date` (text comparison of ISO-like dates), except those
    /// that articles kept in the archive still name as their canonical. Returns how many went.
    @discardableResult
    public func prune(before date: String) throws -> Int {
        try guarded {
            try pool.write { db in
                try db.execute(sql: """
                    DELETE FROM articles WHERE published_at < ?
                      AND id NOT IN (SELECT canonical FROM articles WHERE published_at IS NULL OR published_at >= ?)
                    """, arguments: [date, date])
                return db.changesCount
            }
        }
    }

    /// Rebuilds the file to reclaim space.
    public func vacuum() throws {
        try guarded {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// Calls `row` with one JSON-ready dictionary per article, in insertion order.
    public func exportArticles(_ row: ([String: String?]) throws -> Void) throws {
        try guarded {
            try pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT id, run_id, site, url, published_at, simhash, exact, decision, canonical, canonical_run, excerpt
                    FROM articles ORDER BY seq
                    """)
                while let r = try cursor.next() {
                    try row([
                        "id": r[0], "run": r[1], "site": r[2], "url": r[3], "published_at": r[4],
                        "simhash": StableHash.hex((r[5] as Int64).unsigned), "exact": StableHash.hex((r[6] as Int64).unsigned),
                        "decision": r[7], "canonical": r[8], "canonical_run": r[9], "excerpt": (r[10] as Int) != 0 ? "true" : "false",
                    ])
                }
            }
        }
    }
}
