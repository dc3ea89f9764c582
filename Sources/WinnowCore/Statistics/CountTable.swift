/// Counts per 64-bit key, kept as sorted parallel arrays: built by radix-sorting the keys once,
/// looked up by binary search, merged by a merge-join. Cheaper to build than a hash table for
/// the hundreds of thousands of line keys of a batch, and trivially combinable across shards.
public struct CountTable: Sendable, Equatable {
    private(set) var keys: [UInt64] = []
    private(set) var counts: [Int32] = []
    /// Open-addressing index over `keys` (slot -> key index + 1; 0 = empty), for lookups with one
    /// cache miss instead of a binary search's twenty. Keys are hashes already: their low bits spread.
    private var slots: [Int32] = []

    /// An empty table.
    public init() {}

    /// Equal keys with equal counts.
    public static func == (a: CountTable, b: CountTable) -> Bool { a.keys == b.keys && a.counts == b.counts }

    private mutating func buildSlots() {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var table = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (i, k) in keys.enumerated() {
            var s = Int(truncatingIfNeeded: StableHash.mix(k)) & mask
            while table[s] != 0 { s = (s + 1) & mask }
            table[s] = Int32(i + 1)
        }
        slots = table
    }

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
        buildSlots()
    }

    /// A table from keys and their counts (any order; repeated keys are summed).
    public init(keys: [UInt64], counts: [Int32]) {
        var k = keys
        var order = (0..<Int32(keys.count)).map { $0 }
        RadixSort.sort(keys: &k, payloads: &order)
        var i = 0
        while i < k.count {
            var total: Int32 = 0
            var j = i
            while j < k.count && k[j] == k[i] { total &+= counts[Int(order[j])]; j += 1 }
            self.keys.append(k[i])
            self.counts.append(total)
            i = j
        }
        buildSlots()
    }

    /// Every key with its count, in key order.
    public var entries: Zip2Sequence<[UInt64], [Int32]> { zip(keys, counts) }

    /// Distinct keys.
    public var count: Int { keys.count }

    /// The count of `key` (0 when absent).
    public func count(of key: UInt64) -> Int {
        guard !slots.isEmpty else { return 0 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: StableHash.mix(key)) & mask
        while true {
            let i = Int(slots[s])
            if i == 0 { return 0 }
            if keys[i - 1] == key { return Int(counts[i - 1]) }
            s = (s + 1) & mask
        }
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
        out.buildSlots()
        return out
    }
}
