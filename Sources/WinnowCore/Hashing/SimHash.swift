/// Charikar's SimHash over 64 bits: each feature hash votes on every bit; the sign of the tally
/// is the fingerprint bit. Near-identical texts get fingerprints a small Hamming distance apart.
///
/// The tally is kept in 16-bit SIMD lanes filled byte by byte from a lookup table, so adding a
/// feature costs eight table loads and eight vector adds instead of 64 branches.
public struct SimHashAccumulator: Sendable {
    @usableFromInline var lanes: [SIMD8<UInt16>] = Array(repeating: .zero, count: 8)
    @usableFromInline var wide: [Int32] = Array(repeating: 0, count: 64)
    @usableFromInline var pending: Int = 0
    /// How many features were added.
    public var count: Int = 0

    /// An empty accumulator.
    public init() {}

    /// Expands a byte into eight 0/1 lanes.
    @usableFromInline static let byteLanes: [SIMD8<UInt16>] = (0..<256).map { b in
        SIMD8<UInt16>((0..<8).map { UInt16((b >> $0) & 1) })
    }

    /// Adds one feature hash with weight 1.
    @inlinable
    public mutating func add(_ hash: UInt64) {
        Self.byteLanes.withUnsafeBufferPointer { table in
            lanes.withUnsafeMutableBufferPointer { acc in
                var h = hash
                for i in 0..<8 {
                    acc[i] &+= table[Int(h & 0xff)]
                    h >>= 8
                }
            }
        }
        count += 1
        pending += 1
        if pending == 65_000 { flush() }
    }

    @usableFromInline
    mutating func flush() {
        for i in 0..<8 {
            for j in 0..<8 { wide[i * 8 + j] += Int32(lanes[i][j]) }
            lanes[i] = .zero
        }
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
