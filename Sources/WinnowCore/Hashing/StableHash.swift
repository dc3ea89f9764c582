/// Hash functions whose values are stored and compared across runs and machines.
///
/// Never replace these with Swift's `Hasher` (seeded per process). Golden-value tests pin them.
public enum StableHash {
    /// FNV-1a 64-bit offset basis.
    public static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64-bit prime.
    public static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over bytes, continuing from `seed`.
    @inlinable
    public static func fnv1a<C: Collection>(_ bytes: C, seed: UInt64 = fnvOffset) -> UInt64 where C.Element == UInt8 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h &*= fnvPrime
        }
        return h
    }

    /// FNV-1a over a string's UTF-8 bytes.
    public static func fnv1a(_ string: String) -> UInt64 {
        var s = string
        return s.withUTF8 { fnv1a($0) }
    }

    /// The MurmurHash3 64-bit finalizer: spreads every input bit over the output.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    /// Combines hashes in order (order matters: `combine(a, b) != combine(b, a)`).
    @inlinable
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9e37_79b9_7f4a_7c15 ^ (b &+ 0x632b_e59b_d9b4_e019))
    }

    /// A stable 64-bit hash as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
