import Foundation
import Synchronization
import WinnowCore

/// Takes articles as a reader accepts them, instead of `ReadResult.articles` collecting them.
public protocol ArticleSink: AnyObject, Sendable {
    /// Takes the next article (calls come in input order, one at a time).
    func take(_ article: Article)
}

/// A batch's articles on disk instead of in memory: each article is appended to a temporary file
/// as it is read (unlinked at once, so nothing is left behind however the process ends) and
/// fetched back by position a range at a time. What stays in memory is one offset per article.
///
/// Writes are buffered; a write that fails is remembered and thrown by `finish()`, so a reader
/// never has to stop half-way through a record. Fetching is safe from any thread.
public final class ArticleSpool: ArticleSource, ArticleSink {
    private struct State {
        var buffer: [UInt8] = []
        /// Where each article starts, and after the last one where the file ends.
        var offsets: [Int] = [0]
        var failure: WinnowIOError?
    }

    private let fd: Int32
    private let path: String
    private let state = Mutex(State())
    /// Buffered bytes written out at a time.
    private let flushBytes = 4 << 20

    /// Creates an empty spool in `directory` (default: `$TMPDIR`, else `/tmp`).
    public init(directory: String? = nil) throws {
        let dir = directory ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((dir + "/winnow-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        let name = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw WinnowIOError.cannotWrite(path: name, reason: String(cString: strerror(errno))) }
        unlink(name)
        self.fd = fd
        path = name
    }

    deinit { close(fd) }

    /// How many articles the spool holds.
    public var count: Int { state.withLock { $0.offsets.count - 1 } }

    /// Appends an article (written out when the buffer is full).
    public func take(_ article: Article) {
        var w = ByteWriter()
        Self.encode(article, into: &w)
        state.withLock { s in
            s.buffer += w.bytes
            s.offsets.append(s.offsets[s.offsets.count - 1] + w.bytes.count)
            if s.buffer.count >= flushBytes { flush(&s) }
        }
    }

    /// Writes out what is buffered; throws the first write that failed.
    public func finish() throws {
        try state.withLock { s in
            flush(&s)
            if let failure = s.failure { throw failure }
        }
    }

    private func flush(_ s: inout State) {
        guard !s.buffer.isEmpty else { return }
        defer { s.buffer.removeAll(keepingCapacity: true) }
        guard s.failure == nil else { return }
        let start = s.offsets[s.offsets.count - 1] - s.buffer.count
        var done = 0
        while done < s.buffer.count {
            let n = s.buffer.withUnsafeBytes { b in b.baseAddress.map { pwrite(fd, $0 + done, b.count - done, off_t(start + done)) } ?? -1 }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                s.failure = .cannotWrite(path: path, reason: "spooling articles: " + String(cString: strerror(errno)))
                return
            }
            done += n
        }
    }

    /// The articles at positions `range`, read back from the file.
    public func articles(in range: Range<Int>) throws -> [Article] {
        try records(in: range, decode: Self.decode)
    }

    /// The articles at positions `range` without their texts and line hints (passed over, not decoded).
    public func headers(in range: Range<Int>) throws -> [Article] {
        try records(in: range, decode: Self.decodeHeader)
    }

    /// The records at positions `range`, read back from the file and decoded with `decode`.
    private func records(in range: Range<Int>, decode: (inout ByteReader) throws -> Article) throws -> [Article] {
        guard !range.isEmpty else { return [] }
        let offsets: [Int] = try state.withLock { s in
            guard range.lowerBound >= 0, range.upperBound < s.offsets.count else {
                throw WinnowCoreError.articleMissing(position: range.upperBound - 1)
            }
            if !s.buffer.isEmpty { flush(&s) }
            if let failure = s.failure { throw failure }
            return Array(s.offsets[range.lowerBound...range.upperBound])
        }
        let base = offsets[0]
        var bytes = [UInt8](repeating: 0, count: offsets[offsets.count - 1] - base)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { b in
                b.baseAddress.map { pread(fd, $0 + done, b.count - done, off_t(base + done)) } ?? -1
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let why = n == 0 ? "the file is short" : String(cString: strerror(errno))
                throw WinnowIOError.cannotRead(path: path, reason: "reading spooled articles: " + why)
            }
            done += n
        }
        var r = ByteReader(bytes)
        var out: [Article] = []
        out.reserveCapacity(range.count)
        do {
            for _ in range { out.append(try decode(&r)) }
        } catch {
            throw WinnowIOError.cannotRead(path: path, reason: "reading spooled articles: \(error)")
        }
        return out
    }
}
