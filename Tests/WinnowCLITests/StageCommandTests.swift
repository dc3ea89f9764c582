import Foundation
import Testing

/// The staged run (`stats`, `analyze`, `decide`) is the scan cut into stages: same decisions.
struct StageCommandTests {
    @Test func stagesGiveTheScansDecisions() throws {
        let dir = CLI.tempDir()
        let input = "samples/crawl.jsonl"
        #expect(try CLI.run(["stats", input, "--out", dir + "/s.wnls", "-q"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["analyze", input, "--stats", dir + "/s.wnls", "--out", dir + "/r.wnar", "-q"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["decide", dir + "/r.wnar", "--out", dir + "/staged", "-q"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["scan", input, "--out", dir + "/scan", "-q"], cwd: CLI.root).status == 0)
        let staged = try Data(contentsOf: URL(fileURLWithPath: dir + "/staged/decisions.jsonl"))
        let scanned = try Data(contentsOf: URL(fileURLWithPath: dir + "/scan/decisions.jsonl"))
        #expect(staged == scanned)
        // Statistics files add up.
        #expect(try CLI.run(["stats", "--merge", dir + "/s.wnls", dir + "/s.wnls", "--out", dir + "/twice.wnls"]).status == 0)
        // A damaged records file is refused with a message naming it.
        try Data("WNAR\u{1}\u{7F}".utf8).write(to: URL(fileURLWithPath: dir + "/bad.wnar"))
        let bad = try CLI.run(["decide", dir + "/bad.wnar", "--out", dir + "/o"])
        #expect(bad.status == 2 && bad.err.contains("bad.wnar"))
    }
}
