import Foundation
import WinnowCore

extension InputReader {
    /// JSONL lines parsed (on all cores) before their articles are accepted.
    static let jsonlBlockLines = 8192

    /// Parses JSONL bytes (lines parsed on all cores, kept in order) whose first line is line
    /// `firstLine + 1` of `file`; returns the number of the last line read (the next part's
    /// `firstLine`). `release` is given each block's bytes once its lines are parsed (a mapped
    /// file gives back their pages).
    @discardableResult
    func readJSONL<Bytes: ContiguousBytes & Sendable>(_ data: Bytes, file: String, firstLine: Int = 0, into result: inout ReadResult,
                                                      ids: inout [String: String], release: ((Range<Int>) -> Void)? = nil) -> Int {
        // A block of lines at a time: its boundaries found, its lines parsed on all cores in place,
        // and its articles taken by a sink before the next block is read, so that neither a large
        // file's articles nor (mapped) its pages are ever all in memory.
        let progress = self.progress
        let maxRecord = limits.maxRecordBytes
        var start = 0, firstLine = firstLine
        let total = data.withUnsafeBytes { $0.count }
        while start < total {
            let bounds: [Range<Int>] = data.withUnsafeBytes { raw in
                var out: [Range<Int>] = []
                guard let base = raw.baseAddress else { return out }
                out.reserveCapacity(Self.jsonlBlockLines)
                var at = start
                while out.count < Self.jsonlBlockLines && at < raw.count {
                    guard let hit = memchr(base + at, 0x0A, raw.count - at) else {
                        out.append(at..<raw.count)
                        at = raw.count
                        break
                    }
                    let k = base.distance(to: UnsafeRawPointer(hit))
                    out.append(at..<k)
                    at = k + 1
                }
                return out
            }
            guard let last = bounds.last else { break }
            let blockFirstLine = firstLine
            var parsed = [Result<Article, BadRecord>?](repeating: nil, count: bounds.count)
            Parallel.forEachChunk(count: bounds.count, chunk: 256) { range in
                if let progress, let first = range.first, let last = range.last {
                    progress.read(bytes: bounds[last].upperBound + 1 - bounds[first].lowerBound, articles: range.count)
                }
                return data.withUnsafeBytes { raw in
                    let all = raw.bindMemory(to: UInt8.self)
                    return range.compactMap { i -> (Int, Result<Article, BadRecord>)? in
                        var r = bounds[i]
                        let origin = RecordOrigin(file: file, line: blockFirstLine + i + 1)
                        if r.upperBound > r.lowerBound && all[r.upperBound - 1] == 0x0D { r = r.lowerBound..<(r.upperBound - 1) }
                        let line = UnsafeBufferPointer(rebasing: all[r])
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
                        if line.count > maxRecord {
                            return (i, .failure(BadRecord(origin: origin.description,
                                                          reason: "the line is \(line.count) bytes, more than the per-record limit of \(maxRecord) bytes")))
                        }
                        return (i, JSONLLineParser.parse(line, origin: origin))
                    }
                }
            } collect: { for (i, r) in $0 { parsed[i] = r } }
            release?(bounds[0].lowerBound..<last.upperBound)
            start = last.upperBound + 1
            firstLine += bounds.count
            for case let r? in parsed {
                switch r {
                case .success(let a): result.accept(a, ids: &ids)
                case .failure(let bad): result.problems.append(bad)
                }
            }
        }
        return firstLine
    }
}
