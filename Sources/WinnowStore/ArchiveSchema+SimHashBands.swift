import GRDB

/// SimHash bands: the 64 bits cut into four 16-bit blocks, each indexed (with the whole
/// fingerprint beside it, so a lookup reads index entries only). Two fingerprints within Hamming
/// distance k differ in at most ⌊k/4⌋ bits of at least one block, so looking each block up at
/// every value within that radius finds all of them: one document is matched against the archive
/// without loading every canonical's SimHash first (`winnow check`). About 75 bytes per article.
public enum SimHashBands {
    /// Blocks the 64 bits are cut into.
    public static let count = 4
    /// Bits per block.
    public static let width = 16

    /// The SQL expression of a block; the indexes and the queries use this exact text (SQLite
    /// matches an indexed expression by its form).
    static func expression(_ band: Int) -> String { "((simhash >> \(band * width)) & \((1 << width) - 1))" }

    /// The name of a block's index.
    static func indexName(_ band: Int) -> String { "articles_simhash_band\(band)" }

    /// A block of a fingerprint, as SQLite computes it from the stored signed value.
    static func value(_ simhash: UInt64, band: Int) -> Int { Int((simhash >> UInt64(band * width)) & ((1 << UInt64(width)) - 1)) }

    /// The block radius that guarantees every fingerprint within `maxDistance` is found.
    static func radius(for maxDistance: Int) -> Int { max(0, maxDistance) / count }

    /// Every block value within `radius` bits of `value` (itself first).
    static func values(near value: Int, radius: Int) -> [Int] {
        var out = [value]
        func flip(_ v: Int, from bit: Int, left: Int) {
            guard left > 0 else { return }
            for b in bit..<width {
                let w = v ^ (1 << b)
                out.append(w)
                flip(w, from: b + 1, left: left - 1)
            }
        }
        flip(value, from: 0, left: radius)
        return out
    }
}

extension ArchiveSchema {
    /// The migration adding the band indexes and headlines (the last one a read-only reader can
    /// do without: it then loads every SimHash once, as a scan does, and names no headlines).
    static let simHashBandsMigration = "v5-simhash-bands"

    /// Schema v5: the SimHash band indexes and the canonicals' headlines (for findings that name
    /// what a draft copies). Applied by any writer that opens the archive (the next `scan
    /// --index`, `index vacuum`, `check --record`); one pass per index over the articles.
    static func registerSimHashBands(_ m: inout DatabaseMigrator) {
        m.registerMigration(simHashBandsMigration) { db in
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN headline TEXT")
            for band in 0..<SimHashBands.count {
                try db.execute(sql: "CREATE INDEX \(SimHashBands.indexName(band)) ON articles(\(SimHashBands.expression(band)), simhash)")
            }
        }
    }
}
