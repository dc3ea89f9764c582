import Foundation

/// What a read from a crawl byte source gave.
enum SourceRead: Equatable {
    /// This many bytes were appended (always more than zero).
    case data(Int)
    /// No more bytes.
    case end
    /// The bytes stop being readable (corrupt or truncated gzip member starting at file byte
    /// `offset`); `recover` moves on.
    case failed(String, offset: Int)
}

/// The decompressed bytes of one crawl file, in pieces, with a way to name where in the file a
/// decompressed offset came from and to move past damage.
protocol CrawlByteSource: AnyObject {
    /// Appends up to `max` more bytes to `buffer`.
    func read(into buffer: inout [UInt8], max: Int) -> SourceRead
    /// Where the decompressed offset `offset` lies in the file: itself for a plain file; for a
    /// compressed one, the start of the gzip member it came from and how far into that member's
    /// output it is.
    func location(of offset: Int) -> (fileOffset: Int, intoMember: Int)
    /// After `.failed`: skips to the next readable part. False when there is none.
    func recover() -> Bool
    /// Forgets bookkeeping for decompressed offsets before `offset` (bounded memory).
    func forget(before offset: Int)
}

/// An uncompressed file: its bytes as they are.
final class PlainSource: CrawlByteSource {
    private let data: Data
    private var pos = 0

    init(_ data: Data) { self.data = data }

    func read(into buffer: inout [UInt8], max: Int) -> SourceRead {
        let n = min(max, data.count - pos)
        guard n > 0 else { return .end }
        data.withUnsafeBytes { raw in buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[pos..<(pos + n)])) }
        pos += n
        return .data(n)
    }

    func location(of offset: Int) -> (fileOffset: Int, intoMember: Int) { (offset, 0) }
    func recover() -> Bool { false }
    func forget(before offset: Int) {}
}
