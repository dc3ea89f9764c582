import Foundation

/// Little-endian encoding of 64-bit values for SQLite blobs (stable across machines).
enum BlobCoding {
    static func encode(_ values: [UInt64]) -> Data {
        var data = Data(capacity: values.count * 8)
        for v in values {
            withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data?) -> [UInt64] {
        guard let data, data.count % 8 == 0 else { return [] }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }
}

extension UInt64 {
    /// The same bits as a signed SQLite integer.
    var sqlite: Int64 { Int64(bitPattern: self) }
}

extension Int64 {
    /// The same bits as an unsigned value.
    var unsigned: UInt64 { UInt64(bitPattern: self) }
}
