/// Word-at-a-time scanning for the bytes JSON treats specially, eight bytes per step: crawled
/// text is long and mostly plain, so reading and writing it is dominated by this search.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }

    @inline(__always)
    private static func hasByte(_ v: UInt64, _ b: UInt8) -> Bool { hasZero(v ^ (ones &* UInt64(b))) }

    /// Any byte below 0x20 (bytes ≥ 0x80 are excluded by the mask on `~v`).
    @inline(__always)
    private static func hasControl(_ v: UInt64) -> Bool { (v &- ones &* 0x20) & ~v & highs != 0 }

    /// Index of the first `"`, `\`, or control byte at or after `from` (or `bytes.count`); with
    /// `output`, also DEL (0x7F) and 0xE2 (which starts U+2028 and U+2029).
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, output: Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = from
        let n = bytes.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasByte(w, 0x22) || hasByte(w, 0x5C) || hasControl(w) || (output && (hasByte(w, 0x7F) || hasByte(w, 0xE2))) { break }
            i += 8
        }
        while i < n {
            let b = bytes[i]
            if b == 0x22 || b == 0x5C || b < 0x20 || (output && (b == 0x7F || b == 0xE2)) { return i }
            i += 1
        }
        return n
    }
}
