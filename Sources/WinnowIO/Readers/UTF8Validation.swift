/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF) with an ASCII
/// fast path eight bytes at a time: every input byte passes through here once.
enum UTF8Validation {
    /// For a lead byte: how many continuation bytes follow and the range the first of them must
    /// lie in (no overlongs, no surrogates, nothing above U+10FFFF); nil for a byte that cannot lead.
    @inline(__always)
    static func sequence(lead c: UInt8) -> (need: Int, lo: UInt8, hi: UInt8)? {
        switch c {
        case 0xC2...0xDF: return (1, 0x80, 0xBF)
        case 0xE0: return (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (2, 0x80, 0xBF)
        case 0xED: return (2, 0x80, 0x9F)
        case 0xF0: return (3, 0x90, 0xBF)
        case 0xF1...0xF3: return (3, 0x80, 0xBF)
        case 0xF4: return (3, 0x80, 0x8F)
        default: return nil
        }
    }

    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            // Skip ASCII in 8-byte words.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard let (need, lo, hi) = sequence(lead: c) else { return false }
            if i + need >= n { return false }
            let c1 = b[i + 1]
            if c1 < lo || c1 > hi { return false }
            var k = 2
            while k <= need {
                let ck = b[i + k]
                if ck < 0x80 || ck > 0xBF { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
