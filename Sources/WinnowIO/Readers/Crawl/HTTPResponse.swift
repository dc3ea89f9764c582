/// The head of an HTTP response stored in a WARC `response` record: status and header fields,
/// and where the body starts in the block.
struct HTTPResponseHead: Sendable {
    /// The status code (200, 404, ...).
    var status: Int
    /// The header fields.
    var fields: HeaderFields
    /// Index in the block where the body starts.
    var bodyStart: Int

    /// Longest head accepted.
    static let maxHeadBytes = 64 << 10

    /// Parses the head at the start of `block`, or nil when the block is not an HTTP response.
    static func parse(_ block: [UInt8]) -> HTTPResponseHead? {
        guard block.count >= 12, block[0] == 0x48, block[1] == 0x54, block[2] == 0x54, block[3] == 0x50, block[4] == 0x2F else {
            return nil  // "HTTP/"
        }
        let limit = min(block.count, maxHeadBytes)
        var fields = HeaderFields()
        var status: Int?
        var i = 0
        while i < limit {
            var nl = i
            while nl < limit && block[nl] != 0x0A { nl += 1 }
            var end = nl
            if end > i && block[end - 1] == 0x0D { end -= 1 }
            let line = block[i..<end]
            i = min(nl + 1, block.count)
            if status == nil {
                // HTTP/1.1 200 OK
                let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: true)
                guard parts.count >= 2, parts[1].count == 3, let code = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
                status = code
                continue
            }
            if line.isEmpty { return HTTPResponseHead(status: status ?? 0, fields: fields, bodyStart: i) }
            _ = fields.parse(line: line)  // a malformed line is ignored, as browsers do
            if nl >= limit { break }
        }
        // No blank line: the record holds the head alone (or was truncated inside it).
        return status.map { HTTPResponseHead(status: $0, fields: fields, bodyStart: block.count) }
    }

    /// The body's media type, lower-cased (empty when not given).
    var mediaType: String { fields["Content-Type"].map(CharsetLabels.mediaType(ofContentType:)) ?? "" }
}

/// Undoing the transfer and content codings of a stored HTTP body.
enum HTTPBody {
    /// The decoded body, or why it cannot be read.
    enum Decoded {
        /// The payload bytes.
        case bytes([UInt8])
        /// A content coding this reader does not support (br, zstd, compress).
        case unsupported(String)
        /// Inflating failed in a way that leaves nothing usable, or went over the limit.
        case failed(String)
    }

    /// The payload of `block` after `head`: de-chunked when `Transfer-Encoding: chunked`, inflated
    /// for `Content-Encoding: gzip/deflate` (at most `limit` bytes). Bodies a crawler already
    /// decoded but labelled with the original headers are recognised and passed through.
    static func decode(_ block: [UInt8], head: HTTPResponseHead, limit: Int) -> Decoded {
        var body = Array(block[min(head.bodyStart, block.count)...])
        if let te = head.fields["Transfer-Encoding"]?.lowercased(), te.contains("chunked"), let plain = dechunk(body) {
            body = plain
        }
        let codings = (head.fields["Content-Encoding"] ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingASCIISpaces() }.filter { !$0.isEmpty && $0 != "identity" }
        for coding in codings.reversed() {
            switch coding {
            case "gzip", "x-gzip":
                guard body.withUnsafeBytes(Gzip.hasMagic) else { continue }  // already decoded by the crawler
                let (out, failure) = body.withUnsafeBytes { Gzip.inflate($0, format: .gzip, limit: limit) }
                if let failure, failure.overLimit || out.isEmpty { return .failed("payload " + failure.message) }
                body = out
            case "deflate":
                let zlib = body.withUnsafeBytes(Gzip.hasZlibHeader)
                let (out, failure) = body.withUnsafeBytes { Gzip.inflate($0, format: zlib ? .zlib : .raw, limit: limit) }
                if let failure, failure.overLimit { return .failed("payload " + failure.message) }
                if failure != nil && out.isEmpty { continue }  // not deflated after all
                body = out
            default:
                return .unsupported(coding)
            }
        }
        return .bytes(body)
    }

    /// The body of a chunked transfer, or nil when `body` is not chunked after all. A body cut
    /// short (a truncated record) gives what was there.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var i = 0
        var first = true
        while i < body.count {
            var size = 0, digits = 0
            while i < body.count, let d = hexValue(body[i]), digits < 15 {
                size = size << 4 | d
                digits += 1
                i += 1
            }
            if digits == 0 { return first ? nil : out }
            first = false
            while i < body.count && body[i] != 0x0A { i += 1 }  // chunk extensions, CR LF
            i += 1
            if size == 0 { break }
            let end = min(body.count, i + size)
            if i < end { out.append(contentsOf: body[i..<end]) }
            i = end
            if i < body.count && body[i] == 0x0D { i += 1 }
            if i < body.count && body[i] == 0x0A { i += 1 }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x37)
        case 0x61...0x66: return Int(c - 0x57)
        default: return nil
        }
    }
}
