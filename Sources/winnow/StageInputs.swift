import Foundation
import WinnowCore
import WinnowIO

/// Reading inputs for the stage commands (`stats`, `analyze`), as `scan` reads them: every input
/// in order, bad records reported and skipped, ids unique across inputs.
struct StageInputs {
    /// The articles, in input order, ids unique.
    var articles: [Article] = []
    /// Whether any record or input could not be read (exit 2 at the end).
    var hadProblems = false

    /// Reads `inputs`, printing problems as `scan` does.
    static func read(_ inputs: [String], quiet: Bool) -> StageInputs {
        var out = StageInputs()
        var read = ReadResult()
        let reader = InputReader()
        for input in inputs {
            do { read.append(try reader.read([input])) } catch {
                Console.error("\(error)")
                out.hadProblems = true
            }
        }
        var seen = [String: String]()
        for a in read.articles {
            let here = a.origin?.description ?? "?"
            if let first = seen[a.id] {
                read.problems.append(BadRecord(origin: here, reason: "duplicate id \"\(Escape.terminal(a.id))\" (first at \(first))"))
            } else {
                seen[a.id] = here
                out.articles.append(a)
            }
        }
        for p in read.problems { Console.warning("\(p.origin): skipped record: \(p.reason)") }
        if !read.skipped.isEmpty && !quiet { Console.info("not articles (counted, not read): " + read.skippedSummary) }
        out.hadProblems = out.hadProblems || !read.problems.isEmpty
        return out
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
