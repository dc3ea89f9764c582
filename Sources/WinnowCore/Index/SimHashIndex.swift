/// Near-duplicate search on 64-bit SimHash fingerprints with blocked tables (Manku, Jain and
/// Das Sarma, "Detecting Near-Duplicates for Web Crawling", WWW 2007).
///
/// The 64 bits are cut into `blocks` blocks. Two fingerprints within Hamming distance k differ
/// in at most k blocks, so they agree exactly on at least `blocks - k` of them. One sorted table
/// per choice of `blocks - k` blocks, keyed on those bits, finds every such pair by exact key
/// lookup; only fingerprints in the matching buckets are compared bit by bit. Cost per query is
/// a few binary searches plus the bucket sizes, not a scan of all documents.
public struct SimHashIndex: Sendable {
    /// The largest Hamming distance queries return.
    public let maxDistance: Int
    /// Bit masks of the tables' keys.
    public let masks: [UInt64]
    private var tables: [[Entry]]
    private var fingerprints: [UInt64]

    struct Entry: Sendable {
        var key: UInt64
        var doc: Int32
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
        // Block boundaries: as even as 64 bits allow.
        var blockMasks: [UInt64] = []
        var start = 0
        for i in 0..<b {
            let width = 64 / b + (i < 64 % b ? 1 : 0)
            let mask: UInt64 = width == 64 ? ~0 : ((1 << UInt64(width)) - 1) << UInt64(start)
            blockMasks.append(mask)
            start += width
        }
        var masks: [UInt64] = []
        Self.combinations(of: b, choose: b - maxDistance) { chosen in
            masks.append(chosen.reduce(0) { $0 | blockMasks[$1] })
        }
        self.masks = masks
        let tableMasks = masks
        var built = [[Entry]](repeating: [], count: masks.count)
        Parallel.forEachChunk(count: tableMasks.count, chunk: 1) { range in
            range.map { t -> (Int, [Entry]) in
                var keys = fingerprints.map { $0 & tableMasks[t] }
                var docs = (0..<Int32(fingerprints.count)).map { $0 }
                RadixSort.sort(keys: &keys, payloads: &docs)
                return (t, zip(keys, docs).map { Entry(key: $0, doc: $1) })
            }
        } collect: { for (t, entries) in $0 { built[t] = entries } }
        tables = built
    }

    /// Number of tables.
    public var tableCount: Int { tables.count }

    /// Documents within `maxDistance` of `fingerprint`, with their distances.
    public func query(_ fingerprint: UInt64) -> [(doc: Int, distance: Int)] {
        var out: [(doc: Int, distance: Int)] = []
        var seen = Set<Int32>()
        for (t, mask) in masks.enumerated() {
            let key = fingerprint & mask
            let table = tables[t]
            var lo = 0, hi = table.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if table[mid].key < key { lo = mid + 1 } else { hi = mid }
            }
            var i = lo
            while i < table.count && table[i].key == key {
                let doc = table[i].doc
                let d = SimHash.distance(fingerprints[Int(doc)], fingerprint)
                if d <= maxDistance && seen.insert(doc).inserted { out.append((Int(doc), d)) }
                i += 1
            }
        }
        return out
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
