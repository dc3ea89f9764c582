import Foundation
import WinnowCore
import WinnowIO

/// Reading the drafts of `winnow check`: every input on its own, so one unreadable file is a
/// problem to report while the others are still checked; ids unique across inputs.
///
/// Standard input (`-`) is JSONL when it starts with `{` (or a WARC file when it starts with
/// `WARC/`), else one Markdown or text draft with id `-`: a hook can pipe a staged file in.
enum CheckInputs {
    /// The drafts in input order, and the inputs or records that could not be read.
    /// Warnings (links not followed in a folder) are printed on standard error.
    static func read(_ files: [String], followSymlinks: Bool = false) -> (drafts: [Article], problems: [BadRecord]) {
        var drafts: [Article] = []
        var problems: [BadRecord] = []
        var seen: [String: String] = [:]
        let here = FileManager.default.currentDirectoryPath + "/"
        for file in files {
            do {
                var reader = InputReader()
                reader.followSymlinks = followSymlinks
                let r = try file == "-" ? readStandardInput() : reader.read([file])
                problems += r.problems
                for w in r.warnings { Console.warning(w) }
                for var a in r.articles {
                    // Files found in a folder given relatively are shown relatively too.
                    if !file.hasPrefix("/"), let o = a.origin, o.file.hasPrefix(here) {
                        a.origin = RecordOrigin(file: String(o.file.dropFirst(here.count)), line: o.line)
                    }
                    let at = a.origin?.description ?? file
                    if let first = seen[a.id] {
                        problems.append(BadRecord(origin: at, reason: "duplicate id \"\(a.id)\" (first at \(first))"))
                    } else {
                        seen[a.id] = at
                        drafts.append(a)
                    }
                }
            } catch let WinnowIOError.cannotRead(_, reason) {
                problems.append(BadRecord(origin: file, reason: "cannot read: \(reason)"))
            } catch {
                problems.append(BadRecord(origin: file, reason: "\(error)"))
            }
        }
        return (drafts, problems)
    }

    /// Standard input, read by the reader's own rules (BOM, invalid UTF-8, gzip) through a
    /// temporary file named for the format its first bytes show; origins then say `-` again.
    static func readStandardInput() throws -> ReadResult {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let start = data.prefix(4096).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        let ext = start.first == UInt8(ascii: "{") ? "jsonl" : start.starts(with: Array("WARC/".utf8)) ? "warc" : "md"
        let dir = NSTemporaryDirectory() + "winnow-check-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/stdin." + ext
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw WinnowIOError.cannotRead(path: "-", reason: "cannot buffer standard input: \(error.localizedDescription)")
        }
        var r = try InputReader().read([path])
        for i in r.articles.indices {
            if ext == "md" { r.articles[i].id = "-" }
            if let line = r.articles[i].origin?.line { r.articles[i].origin = RecordOrigin(file: "-", line: line) }
        }
        for i in r.problems.indices { r.problems[i].origin = r.problems[i].origin.replacingOccurrences(of: path, with: "-") }
        return r
    }
}
