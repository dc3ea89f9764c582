/// Charikar's SimHash over 64 bits: each feature hash votes on every bit; the sign of the tally
/// is the fingerprint bit. Near-identical texts get fingerprints a small Hamming distance apart.
///
/// The tally is kept in 16-bit SIMD lanes filled byte by byte from a lookup table, so adding a
/// feature costs eight table loads and eight vector adds instead of 64 branches.
public struct SimHashAccumulator: Sendable {
    @usableFromInline var l0 = SIMD8<UInt16>(), l1 = SIMD8<UInt16>(), l2 = SIMD8<UInt16>(), l3 = SIMD8<UInt16>()
    @usableFromInline var l4 = SIMD8<UInt16>(), l5 = SIMD8<UInt16>(), l6 = SIMD8<UInt16>(), l7 = SIMD8<UInt16>()
    @usableFromInline var wide = [Int32](repeating: 0, count: 64)
    @usableFromInline var pending: Int = 0
    /// How many features were added.
    public var count: Int = 0

    /// An empty accumulator.
    public init() {}

    /// Expands a byte into eight 0/1 lanes.
    @usableFromInline nonisolated(unsafe) static let byteLanes: UnsafePointer<SIMD8<UInt16>> = {
        let table = UnsafeMutablePointer<SIMD8<UInt16>>.allocate(capacity: 256)
        for b in 0..<256 { table[b] = SIMD8<UInt16>((0..<8).map { UInt16((b >> $0) & 1) }) }
        return UnsafePointer(table)
    }()

    /// Adds one feature hash with weight 1.
    @inlinable
    public mutating func add(_ hash: UInt64) {
        let t = Self.byteLanes
        l0 &+= t[Int(hash & 0xff)]
        l1 &+= t[Int((hash >> 8) & 0xff)]
        l2 &+= t[Int((hash >> 16) & 0xff)]
        l3 &+= t[Int((hash >> 24) & 0xff)]
        l4 &+= t[Int((hash >> 32) & 0xff)]
        l5 &+= t[Int((hash >> 40) & 0xff)]
        l6 &+= t[Int((hash >> 48) & 0xff)]
        l7 &+= t[Int(hash >> 56)]
        count += 1
        pending += 1
        if pending == 65_000 { flush() }
    }

    @usableFromInline
    mutating func flush() {
        let lanes = [l0, l1, l2, l3, l4, l5, l6, l7]
        for i in 0..<8 {
            for j in 0..<8 { wide[i * 8 + j] += Int32(lanes[i][j]) }
        }
        l0 = .zero; l1 = .zero; l2 = .zero; l3 = .zero; l4 = .zero; l5 = .zero; l6 = .zero; l7 = .zero
        pending = 0
    }

    /// The fingerprint: bit i is set when more than half of the features have bit i set.
    public mutating func fingerprint() -> UInt64 {
        flush()
        var fp: UInt64 = 0
        let total = Int32(count)
        for bit in 0..<64 where wide[bit] * 2 > total {
            fp |= 1 << UInt64(bit)
        }
        return fp
    }
}

/// Bit helpers for 64-bit fingerprints.
public enum SimHash {
    /// Number of differing bits.
    @inlinable
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// The fingerprint of a sequence of feature hashes.
    public static func fingerprint<S: Sequence>(of features: S) -> UInt64 where S.Element == UInt64 {
        var acc = SimHashAccumulator()
        for f in features { acc.add(f) }
        return acc.fingerprint()
    }
}
