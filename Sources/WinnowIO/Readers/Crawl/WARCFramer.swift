/// One WARC record as framed: its number, where it is, its header and (when wanted) its block.
struct WARCRawRecord: Sendable {
    /// 1-based position among the records of the file.
    var number: Int
    /// `record N at byte X`, for messages.
    var location: String
    /// The header.
    var header: WARCHeader
    /// The content block, or nil when it was not wanted. For a block over the per-record limit,
    /// only its first `WARCFramer.prefixBytes` (enough to see the HTTP head).
    var block: [UInt8]?
    /// The block's full length when it was too large to hold (then `block` is its prefix).
    var oversize: Int?
}

/// What the framer found next.
enum WARCFrame: Sendable {
    /// A well-framed record.
    case record(WARCRawRecord)
    /// A broken record or damaged stretch, skipped; framing goes on after it.
    case problem(BadRecord)
}

/// Splits a WARC stream into records (`WARC/1.x` header, blank line, `Content-Length` bytes,
/// CRLF CRLF). A broken record is reported with its number and byte offset and skipped, and
/// framing resynchronises on the next `WARC/1.` at the start of a line (or the next gzip member).
/// Memory stays bounded: blocks up to `maxRecordBytes` are held, larger ones streamed past.
struct WARCFramer {
    /// The file as shown in messages (already escaped).
    let file: String
    /// Where the bytes come from.
    let source: CrawlByteSource
    /// Largest block held in memory.
    let maxRecordBytes: Int
    /// Longest record header accepted.
    var maxHeaderBytes = 64 << 10
    /// Whether a record's block should be kept (by its header).
    let wantsBlock: (WARCHeader) -> Bool

    var buf: [UInt8] = []
    /// Read position in `buf`.
    var head = 0
    /// Decompressed offset of `buf[0]`.
    var base = 0
    var eof = false
    /// A source failure not handled yet: message and file offset.
    var failure: (message: String, offset: Int)?
    /// A decompressed offset that counts as the start of a line (the first byte after a recovery).
    var lineStart = 0
    /// Records seen so far.
    var number = 0
    var queue: [WARCFrame] = []

    static let magic = Array("WARC/1.".utf8)
    /// How much of a block over the limit is kept.
    static let prefixBytes = 64 << 10

    init(file: String, source: CrawlByteSource, maxRecordBytes: Int, wantsBlock: @escaping (WARCHeader) -> Bool) {
        self.file = file
        self.source = source
        self.maxRecordBytes = maxRecordBytes
        self.wantsBlock = wantsBlock
    }

    /// The next record or problem, or nil at the end of the file.
    mutating func next() -> WARCFrame? {
        while queue.isEmpty && step() {}
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// Frames one record (or one damaged stretch). False at the end.
    private mutating func step() -> Bool {
        // The CR LF CR LF that ends the previous record, and any stray blank lines.
        while fill(1), buf[head] == 0x0D || buf[head] == 0x0A { head += 1 }
        if head == buf.count {
            guard let f = failure else { return false }
            reportFailure(f)
            recoverSource()
            resync()
            return true
        }
        let start = base + head
        source.forget(before: start)
        let here = locate(start, record: number + 1)
        guard fill(Self.magic.count), matches(Self.magic, at: head) else {
            let reported = queue.count
            let skipped = resync()
            // Garbage from a gzip member that then failed is reported as that failure alone.
            if queue.count == reported {
                report(locate(start, record: nil), "not the start of a WARC record"
                       + (skipped.map { "; skipped to the next record at byte \($0)" } ?? "; no further records"))
            }
            return true
        }
        number += 1
        // Header lines up to the blank line; positions are relative to `head`, which `fill` may move.
        var header = WARCHeader(version: "")
        var rel = 0
        while true {
            guard let nl = findNewline(fromRel: rel) else {
                let why = failure?.message ?? (eof ? "the file ends inside the record header" : "the record header is longer than \(maxHeaderBytes) bytes")
                skipBroken(here, why, resumeRel: Self.magic.count)
                return true
            }
            var end = nl
            if end > rel && buf[head + end - 1] == 0x0D { end -= 1 }
            let line = buf[(head + rel)..<(head + end)]
            rel = nl + 1
            if header.version.isEmpty {
                header.version = String(decoding: line, as: UTF8.self)
                continue
            }
            if line.isEmpty { break }
            guard header.fields.parse(line: line) else {
                skipBroken(here, "malformed header line \"\(Escape.terminal(String(decoding: line, as: UTF8.self), limit: 80))\"", resumeRel: Self.magic.count)
                return true
            }
        }
        let headerLength = rel
        guard let lengthText = header.fields["Content-Length"], let length = Int(lengthText), length >= 0,
              lengthText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            skipBroken(here, "missing or bad Content-Length", resumeRel: headerLength)
            return true
        }
        let wanted = wantsBlock(header)
        if length > maxRecordBytes {
            // Too large to hold: keep the start (its HTTP head says whether it matters), stream past the rest.
            head += headerLength
            var prefix: [UInt8]?
            if wanted {
                fill(Self.prefixBytes)
                prefix = Array(buf[head..<(head + min(Self.prefixBytes, buf.count - head))])
            }
            queue.append(.record(WARCRawRecord(number: number, location: here, header: header, block: prefix, oversize: length)))
            streamPast(length, here)
            return true
        }
        let total = headerLength + length
        _ = fill(total + 4 + Self.magic.count)
        let available = buf.count - head
        guard available >= total else {
            if let f = failure {
                report(here, f.message + (source.location(of: start).fileOffset == f.offset ? "" : " (gzip member at byte \(f.offset))"))
                recoverSource()
            } else {
                report(here, "Content-Length \(length) runs past the end of the file")
                head += headerLength
            }
            resync()
            return true
        }
        // The block must be followed by the CR LF CR LF and the next record (or the end).
        var t = total
        while t < available && t < total + 4 && (buf[head + t] == 0x0D || buf[head + t] == 0x0A) { t += 1 }
        let atEnd = t == available && (eof || failure != nil)
        guard atEnd || (available - t >= Self.magic.count && matches(Self.magic, at: head + t)) else {
            skipBroken(here, "Content-Length \(length) does not end at a record boundary", resumeRel: headerLength)
            return true
        }
        let block = wanted ? Array(buf[(head + headerLength)..<(head + total)]) : nil
        queue.append(.record(WARCRawRecord(number: number, location: here, header: header, block: block)))
        head += total
        return true
    }

    /// Reports a broken record and resynchronises after `resumeRel` bytes of it.
    private mutating func skipBroken(_ here: String, _ why: String, resumeRel: Int) {
        report(here, why)
        if failure != nil { recoverSource() } else { head = min(buf.count, head + resumeRel) }
        resync()
    }

    /// Reports a gzip member that failed outside any record framed so far. In a `.warc.gz` each
    /// member holds one record, so it counts as one broken record (later records keep their numbers).
    mutating func reportFailure(_ f: (message: String, offset: Int)) {
        number += 1
        report("record \(number) at byte \(f.offset)", f.message)
    }

    private mutating func report(_ location: String, _ reason: String) {
        queue.append(.problem(BadRecord(origin: "\(file): \(location)", reason: reason)))
    }

    /// `record N at byte X` (gzip: X is the member's compressed offset; a record inside a member
    /// also names its uncompressed offset), or `at byte X` when `record` is nil.
    private func locate(_ offset: Int, record: Int?) -> String {
        let (fileOffset, into) = source.location(of: offset)
        let at = into == 0 ? "at byte \(fileOffset)" : "at byte \(fileOffset) (gzip member), uncompressed byte \(offset)"
        return record.map { "record \($0) \(at)" } ?? at
    }
}
