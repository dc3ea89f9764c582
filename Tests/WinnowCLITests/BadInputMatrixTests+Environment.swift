import Foundation
import GRDB
import Testing

/// The rest of the matrix: rule files, the archive (`--index`) and the output folder (`--out`).
/// Where the run cannot start, nothing may be written; where it ran, every output is whole.
extension BadInputMatrixTests {
    /// Runs `scan` on a small good input with `extra` arguments in `dir`; checks the status, the
    /// message, and that the outputs are all there (`written`) or none is.
    @discardableResult
    static func scan(_ name: String, in dir: String, _ extra: [String], status: Int32, message: String, written: Bool,
                     out: String = "out") throws -> Faults.Outcome {
        if !FileManager.default.fileExists(atPath: dir + "/in.jsonl") {
            try Faults.write(Faults.articles(count: 12, prefix: "m", seed: 3), to: dir + "/in.jsonl")
        }
        let r = try Faults.run(["scan", "in.jsonl", "--out", out, "--no-html-report", "-q"] + extra, cwd: dir)
        let shown = r.err.split(separator: "\n").first { $0.contains(message) } ?? ""
        print("matrix: \(name) -> exit \(r.status) in \(String(format: "%.1f", r.seconds)) s: \(shown.prefix(240))")
        #expect(r.status == status, "\(name): \(r.err)")
        #expect(message.isEmpty ? !r.err.contains("error") : r.err.contains(message), "\(name): \(r.err)")
        let (present, problems) = Faults.checkOutputs(dir + "/" + out)
        #expect(problems.isEmpty, "\(name): \(problems)")
        #expect(present.count == (written ? 4 : 0), "\(name): outputs \(present)")
        return r
    }

    // MARK: Rule files

    @Test func ruleFileWithBadYAML() throws {
        let dir = CLI.tempDir()
        try Faults.write("rules:\n  - id: x\n    phrases: [a, b\n", to: dir + "/rules/bad.yaml")
        try Self.scan("rules: bad YAML", in: dir, ["--rules", "rules"], status: 2, message: "rules/bad.yaml:4:1: YAML: did not find expected ',' or ']'",
                      written: false)
    }

    @Test func ruleFileWithAnUnknownKey() throws {
        let dir = CLI.tempDir()
        try Faults.write("rules:\n  - id: x\n    description: d\n    category: custom\n    severity: info\n    action: flag\n    phrases: [hello]\n    colour: red\n",
                         to: dir + "/rules/unknown.yaml")
        try Self.scan("rules: unknown key", in: dir, ["--rules", "rules"], status: 2, message: "rules/unknown.yaml:8:5: unknown key `colour`", written: false)
        try Self.scan("rules: unknown key, skipped", in: dir, ["--rules", "rules", "--skip-invalid-rules"], status: 0,
                      message: "unknown key `colour` (allowed:", written: true, out: "out2")
    }

    /// `(a+)+$` backtracks exponentially on "aaa…ab": ICU's time limit stops each search, the
    /// rule is reported as a finding, and a page of 2,000 such lines costs one budget, not 2,000.
    @Test func catastrophicRegexIsBounded() throws {
        let dir = CLI.tempDir()
        let rule = "    description: d\n    category: custom\n    severity: info\n    action: flag\n    regex: '(a+)+$'\n"
        try Faults.write("rules:\n  - id: whole\n" + rule + "  - id: scoped\n" + rule + "    scope: { max_size: 120 }\n", to: dir + "/rules/cat.yaml")
        let hostile = Array(repeating: String(repeating: "a", count: 40) + "b", count: 2000).joined(separator: "\n")
        try Faults.write(Faults.line(["id": "cat", "text": hostile]) + Faults.line(["id": "ok", "text": "An ordinary article."]), to: dir + "/in.jsonl")
        let r = try Self.scan("rules: catastrophic regex (a+)+$", in: dir, ["--rules", "rules"], status: 0, message: "", written: true)
        #expect(r.seconds < 20, "took \(r.seconds) s")
        let decisions = try String(contentsOfFile: dir + "/out/decisions.jsonl", encoding: .utf8)
        #expect(decisions.components(separatedBy: "regex stopped after its step budget").count - 1 == 2, "\(decisions.prefix(2000))")
    }

    // MARK: The archive

    @Test func archiveThatIsAFolderOrInAMissingFolder() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/archive.sqlite", withIntermediateDirectories: true)
        try Self.scan("index: a folder", in: dir, ["--index", "archive.sqlite"], status: 2,
                      message: "archive.sqlite: cannot open the archive index: it is a folder, not an archive file", written: false)
        try Self.scan("index: in a missing folder", in: dir, ["--index", "missing/archive.sqlite"], status: 2,
                      message: "missing/archive.sqlite.lock: cannot open the archive index: No such file or directory", written: false)
        // An archive file this user may not read: as root permissions do not stop reads, so the
        // folder above stands in for it.
        guard getuid() != 0 else {
            print("matrix: index: unreadable file (chmod 000) -> skipped: running as root, where permissions do not stop reads")
            return
        }
        try Self.scan("index: first run", in: dir, ["--index", "mine.sqlite"], status: 0, message: "", written: true, out: "first")
        chmod(dir + "/mine.sqlite", 0)
        try Self.scan("index: unreadable file", in: dir, ["--index", "mine.sqlite"], status: 2, message: "mine.sqlite: cannot open the archive index",
                      written: false)
    }

    @Test func archiveLockedByAnotherRun() throws {
        let dir = CLI.tempDir()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [dir + "/archive.sqlite.lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        // Wait until the holder really has the lock (a busy machine may take a moment).
        for _ in 0..<200 {
            if !Faults.shell("flock -n '\(dir)/archive.sqlite.lock' true") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try Self.scan("index: locked by another run", in: dir, ["--index", "archive.sqlite"], status: 2,
                      message: "the archive index is in use by another run", written: false)
    }

    @Test func archiveOfGarbageBytes() throws {
        let dir = CLI.tempDir()
        var rng = SplitMix64(seed: 7)
        try Faults.write((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &rng) }, to: dir + "/archive.sqlite")
        try Self.scan("index: garbage bytes", in: dir, ["--index", "archive.sqlite"], status: 2,
                      message: "archive.sqlite: cannot open the archive index: not an SQLite database", written: false)
    }

    @Test func archiveWithDamagedPages() throws {
        let dir = CLI.tempDir()
        try Self.scan("index: first run", in: dir, ["--index", "archive.sqlite"], status: 0, message: "", written: true, out: "first")
        let h = try FileHandle(forUpdating: URL(fileURLWithPath: dir + "/archive.sqlite"))
        h.seek(toFileOffset: 4096)
        var rng = SplitMix64(seed: 8)
        h.write(Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        h.closeFile()
        try Self.scan("index: damaged pages", in: dir, ["--index", "archive.sqlite"], status: 2, message: "the database is damaged", written: false)
    }

    @Test func archiveFromANewerSchema() throws {
        let dir = CLI.tempDir()
        try Self.scan("index: first run", in: dir, ["--index", "archive.sqlite"], status: 0, message: "", written: true, out: "first")
        let before = try Faults.archiveState(dir + "/archive.sqlite", cwd: dir)
        let db = try DatabaseQueue(path: dir + "/archive.sqlite")
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try db.close()
        try Self.scan("index: newer schema", in: dir, ["--index", "archive.sqlite"], status: 2,
                      message: "written by a newer Winnow (schema steps unknown to this version: v99-from-the-future)", written: false)
        let check = try Faults.run(["check", "in.jsonl", "--index", "archive.sqlite", "-q"], cwd: dir)
        #expect(check.status == 2 && check.err.contains("written by a newer Winnow"), "\(check.err)")
        let db2 = try DatabaseQueue(path: dir + "/archive.sqlite")
        try db2.write { try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v99-from-the-future'") }
        try db2.close()
        #expect(try Faults.archiveState(dir + "/archive.sqlite", cwd: dir) == before)
    }

    // MARK: The output folder

    @Test func outputFolderThatIsAFile() throws {
        let dir = CLI.tempDir()
        try Faults.write("not a folder", to: dir + "/out")
        try Self.scan("out: a file", in: dir, [], status: 2, message: "out: cannot write: it is a file, not a folder", written: false, out: "out")
        try Self.scan("out: under a file", in: dir, [], status: 2, message: "out/sub: cannot write: out is a file, not a folder", written: false, out: "out/sub")
    }

    /// A read-only output folder. As root, permissions do not stop writes: a read-only tmpfs
    /// mount does (skipped with a message when mounting is not allowed either).
    @Test func readOnlyOutputFolder() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/ro", withIntermediateDirectories: true)
        if getuid() == 0 {
            guard Faults.shell("mount -t tmpfs -o ro,size=1m tmpfs '\(dir)/ro'") else {
                print("matrix: out: read-only -> skipped: running as root, and mounting a read-only tmpfs is not allowed here")
                return
            }
        } else {
            chmod(dir + "/ro", 0o555)
        }
        defer { if getuid() == 0 { Faults.shell("umount '\(dir)/ro'") } }
        let r = try Self.scan("out: read-only folder", in: dir, [], status: 2, message: "cannot write", written: false, out: "ro")
        #expect(r.err.contains("Read-only file system") || r.err.contains("Permission denied"), "\(r.err)")
        #expect(r.err.contains("no output was written"), "\(r.err)")
        try Self.scan("out: folder inside a read-only one", in: dir, [], status: 2, message: "cannot create a folder in ro", written: false, out: "ro/sub")
    }
}
