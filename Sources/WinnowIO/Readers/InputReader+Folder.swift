import Foundation
import WinnowCore

extension InputReader {
    /// Reads every known file under `root`, sorted by path. Whole-file articles get the path
    /// relative to `root` as id.
    func readFolder(_ root: String, into result: inout ReadResult, ids: inout [String: String]) throws {
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw WinnowIOError.cannotRead(path: root, reason: "cannot list folder")
        }
        var files: [URL] = []
        for case let url as URL in walker {
            let named = InputFormat.byName(url.path)
            switch named.format {
            case .jsonl?, .warc?: files.append(url)
            case .text?, .html?: if folderExtensions.contains(named.ext) { files.append(url) }
            case nil: break
            }
        }
        let rootPath = base.standardizedFileURL.path
        let sorted = files.sorted(by: { $0.path < $1.path })
        func relative(_ url: URL) -> String {
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(rootPath + "/") { rel.removeFirst(rootPath.count + 1) }
            return rel
        }
        // Runs of whole-file pages (text, HTML) are parsed on all cores, then taken in path order;
        // JSONL and WARC files parallelise inside.
        var k = 0
        while k < sorted.count {
            guard isWholeFile(sorted[k]) else {
                read(sorted[k], id: relative(sorted[k]), into: &result, ids: &ids)
                k += 1
                continue
            }
            var end = k
            while end < sorted.count && isWholeFile(sorted[end]) { end += 1 }
            let run = Array(sorted[k..<end]).map { ($0, relative($0)) }
            Parallel.forEachChunk(count: run.count, chunk: 4) { range in
                range.map { i in
                    var local = ReadResult(), seen = [String: String]()
                    read(run[i].0, id: run[i].1, into: &local, ids: &seen)
                    return local
                }
            } collect: { parts in
                for part in parts {
                    for a in part.articles { result.accept(a, ids: &ids) }
                    result.problems += part.problems
                    for (reason, n) in part.skipped { result.skipped[reason, default: 0] += n }
                }
            }
            k = end
        }
    }

    private func isWholeFile(_ url: URL) -> Bool {
        switch InputFormat.byName(url.path).format {
        case .text?, .html?: return true
        default: return false
        }
    }

    private func read(_ url: URL, id: String, into result: inout ReadResult, ids: inout [String: String]) {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            result.problems.append(BadRecord(origin: url.path, reason: "cannot read file")); return
        }
        readFile(data, path: url.path, id: id, into: &result, ids: &ids)
    }
}
