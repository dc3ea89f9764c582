/// Replaces invalid UTF-8 with U+FFFD, one replacement per maximal invalid subpart (the
/// Unicode/WHATWG practice), and counts the replacements.
enum UTF8Repair {
    /// The repaired bytes and how many sequences were replaced (0 means the input was valid and
    /// is returned as it was).
    static func repair(_ b: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], replaced: Int) {
        if UTF8Validation.isValid(b) { return (Array(b), 0) }
        var out = [UInt8]()
        out.reserveCapacity(b.count + 16)
        var replaced = 0
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { out.append(c); i += 1; continue }
            let (need, lo, hi) = UTF8Validation.sequence(lead: c) ?? (-1, 0x80, 0xBF)
            // Accept as many continuation bytes as fit; a short or broken sequence is one replacement.
            var k = 1
            if need > 0 {
                while k <= need && i + k < n {
                    let ck = b[i + k]
                    let ok = k == 1 ? (ck >= lo && ck <= hi) : (ck >= 0x80 && ck <= 0xBF)
                    if !ok { break }
                    k += 1
                }
            }
            if need > 0 && k == need + 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + k)]))
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
            }
            i += k
        }
        return (out, replaced)
    }

    /// `repair` for an array; valid input is returned without a copy.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        if bytes.withUnsafeBufferPointer(UTF8Validation.isValid) { return (bytes, 0) }
        return bytes.withUnsafeBufferPointer { repair($0) }
    }
}
