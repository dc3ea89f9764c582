import Foundation
import WinnowCore

/// Reads a WARC 1.0/1.1 file (plain, one gzip stream, or one gzip member per record, as in
/// `.warc.gz`; WET files too). Records are framed in order on one thread and turned into
/// articles in batches on all cores; the result keeps the file's order.
struct WARCReader {
    /// Per-record memory limits.
    var limits: ReadLimits

    /// Records per parallel batch.
    static let batchRecords = 256
    /// Block bytes per parallel batch.
    static let batchBytes = 32 << 20

    /// Reads every record of `data` (the file's bytes, compressed or not) into `result`.
    func read(_ data: Data, file: String, into result: inout ReadResult, ids: inout [String: String]) {
        let shown = Escape.terminal(file, limit: 4096)
        let source: CrawlByteSource = data.withUnsafeBytes(Gzip.hasMagic) ? GzipStream(data) : PlainSource(data)
        var framer = WARCFramer(file: shown, source: source, maxRecordBytes: limits.maxRecordBytes) { header in
            header.type.map(WARCRecordReader.wantedTypes.contains) ?? false
        }
        var batch: [WARCFrame] = []
        var bytes = 0
        while let frame = framer.next() {
            batch.append(frame)
            if case .record(let r) = frame { bytes += r.block?.count ?? 0 }
            if batch.count >= Self.batchRecords || bytes >= Self.batchBytes {
                process(batch, file: file, shown: shown, into: &result, ids: &ids)
                batch.removeAll(keepingCapacity: true)
                bytes = 0
            }
        }
        process(batch, file: file, shown: shown, into: &result, ids: &ids)
    }

    /// Turns a batch of frames into outcomes on all cores and applies them in order.
    private func process(_ frames: [WARCFrame], file: String, shown: String, into result: inout ReadResult,
                         ids: inout [String: String]) {
        let limits = self.limits
        var outcomes: [RecordOutcome] = []
        outcomes.reserveCapacity(frames.count)
        Parallel.forEachChunk(count: frames.count, chunk: 4) { range in
            range.map { i -> RecordOutcome in
                switch frames[i] {
                case .record(let r): return WARCRecordReader.read(r, file: file, shown: shown, limits: limits)
                case .problem(let p): return .problem(p)
                }
            }
        } collect: { outcomes += $0 }
        for outcome in outcomes {
            switch outcome {
            case .article(let a): result.accept(a, ids: &ids)
            case .skipped(let why): result.skip(why)
            case .problem(let p): result.problems.append(p)
            }
        }
    }
}
