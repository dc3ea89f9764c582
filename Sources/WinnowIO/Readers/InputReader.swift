import Foundation
import WinnowCore

/// What reading the inputs gave: the usable articles and every record that was skipped.
public struct ReadResult: Sendable {
    /// Articles in input order.
    public var articles: [Article] = []
    /// Skipped records, with file:line and the reason.
    public var problems: [BadRecord] = []
    /// Bytes of article text read.
    public var textBytes = 0

    /// An empty result.
    public init() {}
}

/// Reads articles from JSONL files, folders (every `.txt`/`.md` file one article, id = its path
/// relative to the folder; `.jsonl` files inside read as JSONL), or standard input (`-`).
///
/// Bad input is explicit policy: a record that is not JSON, has no text, is not UTF-8 or repeats
/// an id is reported with its file and line and skipped; every other record is read.
public struct InputReader: Sendable {
    /// Extensions read from folders.
    public var folderExtensions: Set<String> = ["txt", "md"]

    /// A reader with default settings.
    public init() {}

    /// Reads all inputs in order.
    public func read(_ inputs: [String]) throws -> ReadResult {
        var result = ReadResult()
        var ids = [String: String]()
        for input in inputs {
            var isDir: ObjCBool = false
            if input != "-" && FileManager.default.fileExists(atPath: input, isDirectory: &isDir) && isDir.boolValue {
                try readFolder(input, into: &result, ids: &ids)
            } else {
                let data = try load(input)
                readJSONL(data, file: input, into: &result, ids: &ids)
            }
        }
        return result
    }

    private func load(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else { throw WinnowIOError.cannotRead(path: path, reason: "no such file or folder") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw WinnowIOError.cannotRead(path: path, reason: error.localizedDescription)
        }
    }

    /// Parses JSONL bytes (lines parsed on all cores, kept in order).
    func readJSONL(_ data: Data, file: String, into result: inout ReadResult, ids: inout [String: String]) {
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
        var parsed = [Result<Article, BadRecord>?](repeating: nil, count: bounds.count)
        Parallel.forEachChunk(count: bounds.count, chunk: 256) { range in
            data.withUnsafeBytes { raw in
                let all = raw.bindMemory(to: UInt8.self)
                return range.compactMap { i -> (Int, Result<Article, BadRecord>)? in
                    var r = bounds[i]
                    if r.upperBound > r.lowerBound && all[r.upperBound - 1] == 0x0D { r = r.lowerBound..<(r.upperBound - 1) }
                    let line = UnsafeBufferPointer(rebasing: all[r])
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
                    return (i, JSONLLineParser.parse(line, origin: RecordOrigin(file: file, line: i + 1)))
                }
            }
        } collect: { for (i, r) in $0 { parsed[i] = r } }
        for case let r? in parsed {
            switch r {
            case .success(let a): accept(a, into: &result, ids: &ids)
            case .failure(let bad): result.problems.append(bad)
            }
        }
    }

    private func readFolder(_ root: String, into result: inout ReadResult, ids: inout [String: String]) throws {
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw WinnowIOError.cannotRead(path: root, reason: "cannot list folder")
        }
        var files: [URL] = []
        for case let url as URL in walker {
            let ext = url.pathExtension.lowercased()
            if folderExtensions.contains(ext) || ext == "jsonl" { files.append(url) }
        }
        let rootPath = base.standardizedFileURL.path
        for url in files.sorted(by: { $0.path < $1.path }) {
            var rel = url.standardizedFileURL.path
            if rel.hasPrefix(rootPath + "/") { rel.removeFirst(rootPath.count + 1) }
            let origin = RecordOrigin(file: url.path, line: 0)
            if url.pathExtension.lowercased() == "jsonl" {
                do { readJSONL(try load(url.path), file: url.path, into: &result, ids: &ids) } catch {
                    result.problems.append(BadRecord(origin: url.path, reason: "cannot read file"))
                }
                continue
            }
            guard let data = try? Data(contentsOf: url) else {
                result.problems.append(BadRecord(origin: url.path, reason: "cannot read file")); continue
            }
            guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
                result.problems.append(BadRecord(origin: url.path, reason: "invalid UTF-8")); continue
            }
            if text.allSatisfy(\.isWhitespace) {
                result.problems.append(BadRecord(origin: url.path, reason: "no text")); continue
            }
            accept(Article(id: rel, text: text, origin: origin), into: &result, ids: &ids)
        }
    }

    private func accept(_ article: Article, into result: inout ReadResult, ids: inout [String: String]) {
        let here = article.origin?.description ?? "?"
        if let first = ids[article.id] {
            result.problems.append(BadRecord(origin: here, reason: "duplicate id \"\(Escape.terminal(article.id))\" (first at \(first))"))
            return
        }
        ids[article.id] = here
        result.textBytes += article.text.utf8.count
        result.articles.append(article)
    }
}
