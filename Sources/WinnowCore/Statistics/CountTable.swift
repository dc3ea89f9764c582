/// Counts per 64-bit key, kept as sorted parallel arrays: built by radix-sorting the keys once,
/// looked up by binary search, merged by a merge-join. Cheaper to build than a hash table for
/// the hundreds of thousands of line keys of a batch, and trivially combinable across shards.
public struct CountTable: Sendable, Equatable {
    private(set) var keys: [UInt64] = []
    private(set) var counts: [Int32] = []

    /// An empty table.
    public init() {}

    /// Counts each key's occurrences in `occurrences`.
    public init(counting occurrences: [UInt64]) {
        var sorted = occurrences
        RadixSort.sort(&sorted)
        var i = 0
        keys.reserveCapacity(sorted.count / 2)
        counts.reserveCapacity(sorted.count / 2)
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            keys.append(sorted[i])
            counts.append(Int32(j - i))
            i = j
        }
    }

    /// Distinct keys.
    public var count: Int { keys.count }

    /// The count of `key` (0 when absent).
    public func count(of key: UInt64) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? Int(counts[lo]) : 0
    }

    /// The sum of two tables.
    public func merged(with other: CountTable) -> CountTable {
        var out = CountTable()
        out.keys.reserveCapacity(keys.count + other.keys.count)
        out.counts.reserveCapacity(keys.count + other.keys.count)
        var i = 0, j = 0
        while i < keys.count || j < other.keys.count {
            if j == other.keys.count || (i < keys.count && keys[i] < other.keys[j]) {
                out.keys.append(keys[i]); out.counts.append(counts[i]); i += 1
            } else if i == keys.count || other.keys[j] < keys[i] {
                out.keys.append(other.keys[j]); out.counts.append(other.counts[j]); j += 1
            } else {
                out.keys.append(keys[i]); out.counts.append(counts[i] + other.counts[j]); i += 1; j += 1
            }
        }
        return out
    }
}
