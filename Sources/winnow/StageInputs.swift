import Foundation
import Synchronization
import WinnowCore
import WinnowIO

/// Reading inputs as every command that analyses articles reads them (`scan`, `stats`,
/// `analyze`): every input in order, bad records reported and skipped, ids unique across inputs.
struct StageInputs {
    /// The articles, in input order, ids unique.
    var articles: [Article] = []
    /// Everything read: problems (duplicate ids across inputs included), skipped records, bytes.
    var read = ReadResult()
    /// Inputs that could not be read at all.
    var failedInputs = 0

    /// Whether any record or input could not be read (exit 2 at the end).
    var hadProblems: Bool { failedInputs > 0 || !read.problems.isEmpty }

    /// Reads `inputs`, printing problems, warnings and skipped counts on standard error. With a
    /// `spool`, the articles (ids unique) go into it as they are read and `articles` stays empty.
    static func read(_ inputs: [String], quiet: Bool, followSymlinks: Bool = false, progress: RunProgress? = nil,
                     spool: ArticleSpool? = nil) -> StageInputs {
        var out = StageInputs()
        var reader = InputReader()
        reader.followSymlinks = followSymlinks
        reader.progress = progress
        let unique = UniqueIDs(spool)
        if spool != nil { reader.sink = unique }
        for input in inputs {
            do { out.read.append(try reader.read([input])) } catch {
                Console.error("\(error)")
                out.failedInputs += 1
            }
        }
        for a in out.read.articles { unique.take(a) }
        out.read.articles = []
        let (articles, duplicates) = unique.result()
        out.articles = articles
        out.read.problems += duplicates
        for p in out.read.problems { Console.warning("\(p.origin): skipped record: \(p.reason)") }
        for w in out.read.warnings { Console.warning(w) }
        if !out.read.skipped.isEmpty && !quiet { Console.info("not articles (counted, not read): " + out.read.skippedSummary) }
        return out
    }

    /// Keeps the first article of each id across inputs (a reader keeps ids unique within one
    /// input); later ones become problems naming the first. Passes articles on to a spool, or
    /// collects them.
    private final class UniqueIDs: ArticleSink, Sendable {
        private struct State {
            var seen: [String: String] = [:]
            var articles: [Article] = []
            var duplicates: [BadRecord] = []
        }
        private let spool: ArticleSpool?
        private let state = Mutex(State())

        init(_ spool: ArticleSpool?) { self.spool = spool }

        func take(_ a: Article) {
            let here = a.origin?.description ?? "?"
            let first: Bool = state.withLock { s in
                if let earlier = s.seen[a.id] {
                    s.duplicates.append(BadRecord(origin: here, reason: "duplicate id \"\(Escape.terminal(a.id))\" (first at \(earlier))"))
                    return false
                }
                s.seen[a.id] = here
                if spool == nil { s.articles.append(a) }
                return true
            }
            if first { spool?.take(a) }
        }

        func result() -> (articles: [Article], duplicates: [BadRecord]) { state.withLock { ($0.articles, $0.duplicates) } }
    }

    /// Bytes of all inputs (files, and files inside folders), or nil when one is standard input.
    static func size(of inputs: [String]) -> Int? {
        var total = 0
        let fm = FileManager.default
        for input in inputs {
            guard input != "-" else { return nil }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { continue }
            if !isDir.boolValue {
                total += (try? fm.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
                continue
            }
            let walker = fm.enumerator(at: URL(fileURLWithPath: input), includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
            while let url = walker?.nextObject() as? URL {
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), values.isRegularFile == true else { continue }
                total += values.fileSize ?? 0
            }
        }
        return total
    }

    /// Reads a whole file (or standard input for `-`) as bytes, or exits with a message.
    static func bytes(of path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("\(Escape.terminal(path)): cannot read the file")
            throw WinnowExit.error
        }
        return [UInt8](data)
    }

    /// Writes bytes atomically to a file, or to standard output for `-`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" { FileHandle.standardOutput.write(Data(bytes)); return }
        do { try AtomicFile.write(bytes, to: path) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
    }
}
