/// Builds JSON Lines output as UTF-8 bytes, escaping strings at byte speed (most crawled text
/// needs no escaping, so runs of plain bytes are copied as they are).
public struct JSONBuffer {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty buffer, optionally with room reserved.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw ASCII (keys, punctuation, numbers).
    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a preformatted ASCII fragment.
    public mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// The scalar of `E2 b1 b2` when it is one escaped for terminals and JavaScript: the line and
    /// paragraph separators U+2028/2029 and the bidirectional embeddings, overrides and isolates
    /// U+202A–202E and U+2066–2069 (shown raw, an id could read backwards in a terminal).
    @inline(__always)
    static func escapedE2(_ b1: UInt8, _ b2: UInt8) -> UInt32? {
        if b1 == 0x80 && (0xA8...0xAE).contains(b2) { return 0x2000 + UInt32(b2 - 0x80) }
        if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return 0x2040 + UInt32(b2 - 0x80) }
        return nil
    }

    /// Appends a JSON string literal: quotes, `\"`, `\\`, control characters, U+2028/2029 and
    /// bidirectional controls escaped.
    public mutating func string(_ s: some StringProtocol) {
        bytes.append(0x22)
        var copy = String(s)
        copy.withUTF8 { u in
            let n = u.count
            var runStart = 0
            var i = ByteScan.firstSpecial(u, from: 0, output: true)
            while i < n {
                let b = u[i]
                var escape: [UInt8]? = nil
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
                    switch b {
                    case 0x22: escape = [0x5C, 0x22]
                    case 0x5C: escape = [0x5C, 0x5C]
                    case 0x0A: escape = [0x5C, 0x6E]
                    case 0x0D: escape = [0x5C, 0x72]
                    case 0x09: escape = [0x5C, 0x74]
                    default: escape = Array("\\u00\(b < 0x10 ? "0" : "")\(String(b, radix: 16))".utf8)
                    }
                } else if b == 0xE2 && i + 2 < n, let scalar = Self.escapedE2(u[i + 1], u[i + 2]) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                    bytes.append(contentsOf: Array("\\u\(String(scalar, radix: 16))".utf8))
                    runStart = i + 3
                    i = ByteScan.firstSpecial(u, from: i + 3, output: true)
                    continue
                }
                if let e = escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                    bytes.append(contentsOf: e)
                    runStart = i + 1
                }
                i = ByteScan.firstSpecial(u, from: i + 1, output: true)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
        }
        bytes.append(0x22)
    }

    /// Appends an integer.
    public mutating func int(_ v: Int) {
        bytes.append(contentsOf: String(v).utf8)
    }

    /// Appends `true` or `false`.
    public mutating func bool(_ v: Bool) {
        v ? raw("true") : raw("false")
    }
}
