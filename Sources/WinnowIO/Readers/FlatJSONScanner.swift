/// A fast reader for the common JSONL record: one flat JSON object whose values are strings,
/// numbers, booleans or null (nested values are skipped). It extracts only the fields Winnow
/// reads, copying unescaped string runs as they are. Anything it does not understand returns
/// nil, and the caller falls back to `JSONDecoder` (which also words the error message).
enum FlatJSONScanner {
    /// A scalar value of a top-level field.
    enum Value: Equatable {
        case string(String)
        case number(String)
        case other
    }

    /// The top-level fields of `bytes` named in `wanted`, or nil when the line is not a JSON
    /// object this scanner handles (the caller then decodes it the slow way).
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, wanted: Set<String>) -> [String: Value]? {
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 } }
        skipSpace()
        guard i < n, bytes[i] == 0x7B else { return nil }
        i += 1
        var out: [String: Value] = [:]
        skipSpace()
        if i < n, bytes[i] == 0x7D { i += 1; skipSpace(); return i == n ? out : nil }
        while true {
            skipSpace()
            guard let key = string(bytes, &i) else { return nil }
            // A wanted field given twice: JSONDecoder keeps the first, so let it decide.
            if out[key] != nil { return nil }
            skipSpace()
            guard i < n, bytes[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            guard i < n else { return nil }
            let c = bytes[i]
            if c == 0x22 {
                guard let s = string(bytes, &i) else { return nil }
                if wanted.contains(key) { out[key] = .string(s) }
            } else if c == 0x2D || (c >= 0x30 && c <= 0x39) {
                let start = i
                while i < n, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
                if wanted.contains(key) { out[key] = .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
            } else if c == 0x74 || c == 0x66 || c == 0x6E {
                let word: [UInt8] = c == 0x74 ? Array("true".utf8) : c == 0x66 ? Array("false".utf8) : Array("null".utf8)
                guard i + word.count <= n, Array(bytes[i..<i + word.count]) == word else { return nil }
                i += word.count
                if wanted.contains(key) { out[key] = .other }
            } else {
                return nil  // nested object or array: leave it to the full decoder
            }
            if out[key] == nil, wanted.contains(key) { return nil }
            skipSpace()
            guard i < n else { return nil }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; skipSpace(); return i == n ? out : nil }
            return nil
        }
    }

    /// Reads a JSON string starting at the quote; advances past the closing quote.
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        let n = b.count
        guard i < n, b[i] == 0x22 else { return nil }
        i += 1
        let start = i
        // Fast path: no escapes; skip plain bytes eight at a time.
        i = ByteScan.firstSpecial(b, from: i, output: false)
        while i < n {
            let c = b[i]
            if c == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == 0x5C { break }
            if c < 0x20 { return nil }
            i += 1
        }
        var out = Array(b[start..<i])
        while i < n {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { return nil }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < n else { return nil }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4(b, i) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= n, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(b, i + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                return nil
            }
        }
        return nil
    }

    static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[at + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
