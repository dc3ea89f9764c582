import Foundation
import Testing

/// The command line as users and CI see it: outputs, exit codes, messages.
struct ScanCommandTests {
    @Test func samplesScanWritesAllReports() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["scan", "samples", "--out", out], cwd: CLI.root)
        #expect(r.status == 0, "\(r.err)")
        for f in ["decisions.jsonl", "clean.jsonl", "summary.md", "report.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + f))
        }
        let lines = try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 11)
    }

    @Test func decisionsDoNotDependOnTheNumberOfJobs() throws {
        let one = CLI.tempDir(), many = CLI.tempDir()
        #expect(try CLI.run(["scan", "samples", "--out", one, "--jobs", "1", "-q"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["scan", "samples", "--out", many, "--jobs", "8", "-q"], cwd: CLI.root).status == 0)
        for f in ["decisions.jsonl", "clean.jsonl"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: one + "/" + f)) == Data(contentsOf: URL(fileURLWithPath: many + "/" + f)), "\(f)")
        }
        #expect(try CLI.run(["scan", "samples", "--out", one, "--jobs", "0"], cwd: CLI.root).status == 64)
    }

    @Test func exitCodes() throws {
        let out = CLI.tempDir()
        #expect(try CLI.run(["scan", "samples"], cwd: CLI.root).status == 64)  // --out missing
        #expect(try CLI.run(["scan", "samples", "--out", out, "--fail-on", "review"], cwd: CLI.root).status == 1)
        #expect(try CLI.run(["scan", "samples", "--out", out, "--fail-on", "error"], cwd: CLI.root).status == 0)
        let bad = out + "/bad.jsonl"
        try "{\"id\": \"a\", \"text\": \"ok text.\"}\nnot json\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", bad, "--out", out + "/o2", "--no-rules"])
        #expect(r.status == 2)
        #expect(r.err.contains("bad.jsonl:2: skipped record: not JSON"))
        #expect(FileManager.default.fileExists(atPath: out + "/o2/decisions.jsonl"))
        #expect(try CLI.run(["scan", "/nonexistent.jsonl", "--out", out + "/o3", "--no-rules"]).status == 2)
    }

    @Test func invalidRulesStopTheScan() throws {
        let dir = CLI.tempDir()
        try "rules:\n  - id: x\n    category: nonsense\n    phrases: [a]\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", "samples", "--out", dir + "/o", "--rules", dir], cwd: CLI.root)
        #expect(r.status == 2)
        #expect(r.err.contains("bad.yaml:3:15:"))
        #expect(try CLI.run(["scan", "samples", "--out", dir + "/o", "--rules", dir, "--skip-invalid-rules"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["rules", "test", dir]).status == 2)
        #expect(try CLI.run(["rules", "test", "rules"], cwd: CLI.root).status == 0)
    }

    @Test func hostileTextIsEscapedOnTheTerminal() throws {
        let dir = CLI.tempDir()
        let input = dir + "/in.jsonl"
        try "{\"id\": \"\\u001b[31mred\", \"text\": \"x\"}\n{\"id\": \"\\u001b[31mred\", \"text\": \"y\"}\n".write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", input, "--out", dir + "/o", "--no-rules"])
        #expect(!r.err.contains("\u{1B}"))
        #expect(r.err.contains("\\u{1b}[31mred"))
    }

    @Test func theArticleSpoolLeavesNothingBehindAndItsFailureWritesNothing() throws {
        let spool = CLI.tempDir(), out = CLI.tempDir()
        let r = try CLI.run(["scan", "samples", "--out", out + "/o", "-q"], environment: ["TMPDIR": spool, "WINNOW_DEBUG_MEMORY": "1"],
                            cwd: CLI.root)
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty)
        // Sampled every 10 ms: the stages of a scan this small may pass unseen, reading does not.
        #expect(r.err.contains("memory (peak MB by stage): read "))
        let failed = try CLI.run(["scan", "samples", "--out", out + "/o2", "-q"], environment: ["TMPDIR": spool + "/missing"], cwd: CLI.root)
        #expect(failed.status == 2 && failed.err.contains("cannot write"), "\(failed.err)")
        #expect(!FileManager.default.fileExists(atPath: out + "/o2/decisions.jsonl"))
    }
}
