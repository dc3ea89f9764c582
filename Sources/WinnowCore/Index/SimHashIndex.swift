/// Near-duplicate search on 64-bit SimHash fingerprints with blocked tables (Manku, Jain and
/// Das Sarma, "Detecting Near-Duplicates for Web Crawling", WWW 2007).
///
/// The 64 bits are cut into `blocks` blocks. Two fingerprints within Hamming distance k differ
/// in at most k blocks, so they agree exactly on at least `blocks - k` of them. One table per
/// choice of `blocks - k` blocks buckets every fingerprint by those bits; a query visits one
/// bucket per table and compares only the fingerprints there. Buckets are addressed directly (an
/// offset array, no search), so a lookup costs one bucket scan per table, not a scan of all
/// documents. Tables hold document numbers (4 bytes each: with 28 tables for k = 6, inline
/// fingerprints would cost 450 bytes per document); the fingerprints are kept once.
public struct SimHashIndex: Sendable {
    /// The largest Hamming distance queries return.
    public let maxDistance: Int
    private var tables: [Table]
    /// Each document's fingerprint, by document number.
    private let fingerprints: [UInt64]

    /// One table: which blocks form its key, and the documents bucketed by that key.
    struct Table: Sendable {
        var blocks: [(shift: UInt64, width: UInt64)]
        var bucketBits: Int
        var offsets: [Int32]
        /// Document numbers, bucket after bucket.
        var entries: [Int32]

        /// The table's key of a fingerprint: its blocks concatenated.
        @inline(__always)
        func key(_ fp: UInt64) -> UInt64 {
            var key: UInt64 = 0
            for b in blocks { key = (key << b.width) | ((fp >> b.shift) & ((1 << b.width) - 1)) }
            return key
        }

        /// The bucket of a fingerprint: its key folded to `bucketBits`.
        @inline(__always)
        func bucket(_ fp: UInt64) -> Int {
            var key = key(fp)
            if bucketBits < 64 { key = (key ^ (key >> UInt64(bucketBits)) ^ (key >> UInt64(2 * bucketBits))) & ((1 << UInt64(bucketBits)) - 1) }
            return Int(key)
        }
    }

    /// Builds an index over `fingerprints` (documents are their indexes).
    /// `blocks` defaults to `maxDistance + 2`, giving C(k+2, 2) tables.
    public init(fingerprints: [UInt64], maxDistance: Int, blocks: Int? = nil) throws {
        let b = blocks ?? maxDistance + 2
        guard maxDistance >= 0, maxDistance < 32, b > maxDistance, b <= 64 else {
            throw WinnowCoreError.invalidConfiguration("SimHash index needs 0 <= k < 32 and k < blocks <= 64 (k \(maxDistance), blocks \(b))")
        }
        self.maxDistance = maxDistance
        self.fingerprints = fingerprints
        var bounds: [(shift: UInt64, width: UInt64)] = []
        var start = 0
        for i in 0..<b {
            let width = 64 / b + (i < 64 % b ? 1 : 0)
            bounds.append((UInt64(start), UInt64(width)))
            start += width
        }
        var choices: [[(shift: UInt64, width: UInt64)]] = []
        Self.combinations(of: b, choose: b - maxDistance) { chosen in choices.append(chosen.map { bounds[$0] }) }
        // Direct addressing: up to 2^22 buckets, about one per document.
        var sizeBits = 8
        while sizeBits < 22 && (1 << sizeBits) < fingerprints.count { sizeBits += 1 }
        var built = [Table?](repeating: nil, count: choices.count)
        let tableChoices = choices, bucketLimit = sizeBits
        Parallel.forEachChunk(count: tableChoices.count, chunk: 1) { range in
            range.map { t -> (Int, Table) in
                let keyBits = tableChoices[t].reduce(0) { $0 + Int($1.width) }
                var table = Table(blocks: tableChoices[t], bucketBits: min(keyBits, bucketLimit), offsets: [], entries: [])
                let buckets = 1 << table.bucketBits
                var counts = [Int32](repeating: 0, count: buckets + 1)
                let keys = fingerprints.map { table.bucket($0) }
                for k in keys { counts[k + 1] += 1 }
                for i in 0..<buckets { counts[i + 1] += counts[i] }
                var next = counts
                var entries = [Int32](repeating: 0, count: fingerprints.count)
                for (doc, k) in keys.enumerated() {
                    entries[Int(next[k])] = Int32(doc)
                    next[k] += 1
                }
                table.offsets = counts
                table.entries = entries
                return (t, table)
            }
        } collect: { for (t, table) in $0 { built[t] = table } }
        tables = built.compactMap { $0 }
    }

    /// Number of tables.
    public var tableCount: Int { tables.count }

    /// Documents within `maxDistance` of `fingerprint`, with their distances; at most `limit`,
    /// the nearest first when there are more (a flood of near-identical pages must not make
    /// candidate search quadratic).
    public func query(_ fingerprint: UInt64, limit: Int = .max) -> [(doc: Int, distance: Int)] {
        var out: [(doc: Int, distance: Int)] = []
        var seen = Set<Int32>()
        let enough = limit == .max ? Int.max : limit * 4
        for table in tables where out.count < enough {
            let b = table.bucket(fingerprint)
            let lo = Int(table.offsets[b]), hi = Int(table.offsets[b + 1])
            guard lo < hi else { continue }
            table.entries.withUnsafeBufferPointer { entries in
                fingerprints.withUnsafeBufferPointer { fingerprints in
                    for i in lo..<hi {
                        let doc = entries[i]
                        let d = (fingerprints[Int(doc)] ^ fingerprint).nonzeroBitCount
                        guard d <= maxDistance else { continue }
                        // Few hits is the rule: a linear check, a set once there are many.
                        if out.count < 16 {
                            if !out.contains(where: { $0.doc == Int(doc) }) { out.append((Int(doc), d)) }
                        } else {
                            if seen.isEmpty { seen = Set(out.map { Int32($0.doc) }) }
                            if seen.insert(doc).inserted { out.append((Int(doc), d)) }
                        }
                    }
                }
            }
        }
        if out.count > limit {
            out.sort { ($0.distance, $0.doc) < ($1.distance, $1.doc) }
            out.removeLast(out.count - limit)
        }
        return out
    }

    /// Per table, the documents of each key (the table's blocks, not the folded bucket) that more
    /// than `moreThan` documents share: where a flood of near-identical pages crowds the nearest hits.
    public func crowdedKeys(moreThan limit: Int) -> [[UInt64: [Int32]]] {
        tables.map { table in
            var out: [UInt64: [Int32]] = [:]
            for b in 0..<(table.offsets.count - 1) where Int(table.offsets[b + 1] - table.offsets[b]) > limit {
                var members: [UInt64: [Int32]] = [:]
                for doc in table.entries[Int(table.offsets[b])..<Int(table.offsets[b + 1])] {
                    members[table.key(fingerprints[Int(doc)]), default: []].append(doc)
                }
                for (key, docs) in members where docs.count > limit { out[key] = docs }
            }
            return out
        }
    }

    /// The key of `fingerprint` in each table, in table order (`crowdedKeys`' order).
    public func keys(of fingerprint: UInt64) -> [UInt64] {
        tables.map { $0.key(fingerprint) }
    }

    static func combinations(of n: Int, choose k: Int, _ body: ([Int]) -> Void) {
        var chosen: [Int] = []
        func walk(_ from: Int) {
            if chosen.count == k { body(chosen); return }
            guard from < n else { return }
            for i in from..<n where n - i >= k - chosen.count {
                chosen.append(i)
                walk(i + 1)
                chosen.removeLast()
            }
        }
        walk(0)
    }
}
