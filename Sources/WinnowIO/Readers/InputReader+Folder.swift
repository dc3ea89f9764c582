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
        for url in files.sorted(by: { $0.path < $1.path }) {
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(rootPath + "/") { rel.removeFirst(rootPath.count + 1) }
            guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
                result.problems.append(BadRecord(origin: url.path, reason: "cannot read file")); continue
            }
            readFile(data, path: url.path, id: rel, into: &result, ids: &ids)
        }
    }
}
