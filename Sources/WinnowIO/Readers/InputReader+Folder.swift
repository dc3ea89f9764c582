import Foundation
import WinnowCore

extension InputReader {
    /// Reads every known file under `root`, sorted by path. Whole-file articles get the path
    /// relative to `root` as id. Symbolic links leaving `root` are not followed unless
    /// `followSymlinks` (see `FolderWalker`); what is passed over is counted and named in `warnings`.
    func readFolder(_ root: String, into result: inout ReadResult, ids: inout [String: String]) throws {
        let folderExtensions = self.folderExtensions
        let (sorted, passedOver) = try FolderWalker(followSymlinks: followSymlinks).walk(URL(fileURLWithPath: root).path) { name in
            let named = InputFormat.byName(name)
            switch named.format {
            case .jsonl?, .warc?: return true
            case .text?, .html?: return folderExtensions.contains(named.ext)
            case nil: return false
            }
        }
        for message in passedOver {
            result.warnings.append(message)
            result.skip(.notFollowed)
        }
        // Runs of whole-file pages (text, HTML) are parsed on all cores, then taken in path order;
        // JSONL and WARC files parallelise inside.
        var k = 0
        while k < sorted.count {
            guard isWholeFile(sorted[k].path) else {
                read(sorted[k].path, id: sorted[k].id, into: &result, ids: &ids)
                k += 1
                continue
            }
            var end = k
            while end < sorted.count && isWholeFile(sorted[end].path) { end += 1 }
            let run = Array(sorted[k..<end])
            Parallel.forEachChunk(count: run.count, chunk: 4) { range in
                range.map { i in
                    var local = ReadResult(), seen = [String: String]()
                    read(run[i].path, id: run[i].id, into: &local, ids: &seen)
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

    private func isWholeFile(_ path: String) -> Bool {
        switch InputFormat.byName(path).format {
        case .text?, .html?: return true
        default: return false
        }
    }

    private func read(_ path: String, id: String, into result: inout ReadResult, ids: inout [String: String]) {
        // Mapped by hand where it can be, so that a large JSONL file's pages parsed are given back.
        let mapped = MappedFile(path: path)
        guard let data = mapped?.data ?? (try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)) else {
            result.problems.append(BadRecord(origin: path, reason: "cannot read file")); return
        }
        readFile(data, path: path, id: id, into: &result, ids: &ids, release: mapped?.release)
    }
}
