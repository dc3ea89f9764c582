import Foundation
import WinnowCore

extension InputReader {
    /// JSONL lines parsed (on all cores) before their articles are accepted.
    static let jsonlBlockLines = 8192

    /// Parses JSONL bytes (lines parsed on all cores, kept in order).
    func readJSONL<Bytes: ContiguousBytes & Sendable>(_ data: Bytes, file: String, into result: inout ReadResult,
                                                      ids: inout [String: String]) {
        // Line boundaries first (one pass), then every line parsed on all cores in place.
        let bounds: [Range<Int>] = data.withUnsafeBytes { raw in
            var out: [Range<Int>] = []
            guard let base = raw.baseAddress else { return out }
            var start = 0
            while start < raw.count, let hit = memchr(base + start, 0x0A, raw.count - start) {
                let k = base.distance(to: UnsafeRawPointer(hit))
                out.append(start..<k)
                start = k + 1
            }
            if start < raw.count { out.append(start..<raw.count) }
            return out
        }
        // A block of lines at a time, so that a sink takes each block's articles before the next
        // is parsed: a large file's articles are never all in memory.
        let progress = self.progress
        let maxRecord = limits.maxRecordBytes
        for blockStart in stride(from: 0, to: bounds.count, by: Self.jsonlBlockLines) {
            let block = blockStart..<min(bounds.count, blockStart + Self.jsonlBlockLines)
            var parsed = [Result<Article, BadRecord>?](repeating: nil, count: block.count)
            Parallel.forEachChunk(count: block.count, chunk: 256) { chunk in
                let range = (block.lowerBound + chunk.lowerBound)..<(block.lowerBound + chunk.upperBound)
                if let progress, let first = range.first, let last = range.last {
                    progress.read(bytes: bounds[last].upperBound + 1 - bounds[first].lowerBound, articles: range.count)
                }
                return data.withUnsafeBytes { raw in
                    let all = raw.bindMemory(to: UInt8.self)
                    return range.compactMap { i -> (Int, Result<Article, BadRecord>)? in
                        var r = bounds[i]
                        if r.upperBound > r.lowerBound && all[r.upperBound - 1] == 0x0D { r = r.lowerBound..<(r.upperBound - 1) }
                        let line = UnsafeBufferPointer(rebasing: all[r])
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
                        if line.count > maxRecord {
                            return (i, .failure(BadRecord(origin: RecordOrigin(file: file, line: i + 1).description,
                                                          reason: "the line is \(line.count) bytes, more than the per-record limit of \(maxRecord) bytes")))
                        }
                        return (i, JSONLLineParser.parse(line, origin: RecordOrigin(file: file, line: i + 1)))
                    }
                }
            } collect: { for (i, r) in $0 { parsed[i - block.lowerBound] = r } }
            for case let r? in parsed {
                switch r {
                case .success(let a): result.accept(a, ids: &ids)
                case .failure(let bad): result.problems.append(bad)
                }
            }
        }
    }
}
