/// Little-endian, varint-prefixed binary writing and reading for Winnow's record files: the
/// analysis records one stage hands the next, and line statistics. No I/O: bytes in, bytes out.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// An unsigned LEB128 varint.
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A non-negative Int as a varint (negative values are written as 0).
    public mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    /// One byte.
    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Eight little-endian bytes.
    public mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A UTF-8 string, length first.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { count($0.count); bytes.append(contentsOf: $0) }
    }

    /// An optional string: a presence byte, then the string.
    public mutating func optionalString(_ s: String?) {
        if let s { byte(1); string(s) } else { byte(0) }
    }

    /// 64-bit values, count first.
    public mutating func fixed64s(_ values: [UInt64]) {
        count(values.count)
        for v in values { fixed64(v) }
    }

    /// 16-bit values, count first, two little-endian bytes each.
    public mutating func fixed16s(_ values: [UInt16]) {
        count(values.count)
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    /// Appends raw bytes.
    public mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what `ByteWriter` wrote; every read checks bounds and throws `RecordError.truncated`
/// instead of trapping on damaged input.
public struct ByteReader {
    private let bytes: [UInt8]
    /// The next position to read.
    public private(set) var position: Int

    /// A reader over `bytes` from `position`.
    public init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Whether everything was read.
    public var atEnd: Bool { position >= bytes.count }

    /// An unsigned LEB128 varint (at most ten bytes).
    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw RecordError.truncated(at: position) }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A non-negative integer value (a varint, clamped to Int).
    public mutating func int() throws -> Int { Int(clamping: try varint()) }

    /// A count of elements that follow, refused when they could not fit in what is left (each
    /// element takes at least `minBytes`): a damaged length cannot make the reader allocate wildly.
    public mutating func count(minBytes: Int = 1) throws -> Int {
        let v = try varint()
        guard v <= UInt64(max(0, bytes.count - position) / max(1, minBytes)) else { throw RecordError.truncated(at: position) }
        return Int(v)
    }

    /// One byte.
    public mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw RecordError.truncated(at: position) }
        defer { position += 1 }
        return bytes[position]
    }

    /// Eight little-endian bytes.
    public mutating func fixed64() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw RecordError.truncated(at: position) }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return v
    }

    /// A UTF-8 string (invalid bytes replaced).
    public mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: bytes[position..<(position + n)], as: UTF8.self)
    }

    /// Passes over a string without decoding it.
    public mutating func skipString() throws {
        _ = try raw(try count())
    }

    /// An optional string.
    public mutating func optionalString() throws -> String? {
        try byte() == 0 ? nil : try string()
    }

    /// 64-bit values, count first.
    public mutating func fixed64s() throws -> [UInt64] {
        let n = try count(minBytes: 8)
        var out: [UInt64] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try fixed64()) }
        return out
    }

    /// 16-bit values, count first.
    public mutating func fixed16s() throws -> [UInt16] {
        let n = try count(minBytes: 2)
        guard position + 2 * n <= bytes.count else { throw RecordError.truncated(at: position) }
        var out: [UInt16] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            out.append(UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8)
            position += 2
        }
        return out
    }

    /// The next `n` raw bytes.
    public mutating func raw(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, position + n <= bytes.count else { throw RecordError.truncated(at: position) }
        defer { position += n }
        return bytes[position..<(position + n)]
    }
}

/// Why a record file could not be read.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    /// The bytes end (or a length points) before the record does.
    case truncated(at: Int)
    /// The file does not start with the expected magic.
    case notARecordFile(expected: String)
    /// A newer format than this Winnow reads.
    case unsupportedVersion(Int, supported: Int)
    /// A field holds a value the format does not define.
    case invalidValue(field: String, at: Int)

    public var description: String {
        switch self {
        case .truncated(let at): return "the data ends early (at byte \(at)): the file is damaged or was cut short"
        case .notARecordFile(let expected): return "not a \(expected) file"
        case .unsupportedVersion(let v, let s): return "format version \(v) is newer than this Winnow reads (\(s)); upgrade Winnow"
        case .invalidValue(let field, let at): return "invalid \(field) at byte \(at)"
        }
    }
}
