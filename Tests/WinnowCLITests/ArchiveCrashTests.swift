import Foundation
import Testing

/// A run killed with SIGKILL in the middle of writing the archive leaves it as it was, and the
/// next run works.
struct ArchiveCrashTests {
    @Test func killedRunLeavesTheArchiveUnchanged() throws {
        let dir = CLI.tempDir()
        let index = dir + "/archive.sqlite"
        let first = try CLI.run(["scan", "samples/pages", "--out", dir + "/o1", "--index", index], cwd: CLI.root)
        #expect(first.status == 0, "\(first.err)")
        // Counts, not the file size: a killed transaction may leave dead pages in the WAL.
        func counts() throws -> String { try CLI.run(["index", "stats", index]).out.split(separator: "\n").filter { !$0.hasPrefix("size") }.joined(separator: "\n") }
        let before = try counts()
        #expect(before.contains("articles    2"))

        let killed = try CLI.run(["scan", "samples/crawl.jsonl", "--out", dir + "/o2", "--index", index],
                                 environment: ["WINNOW_TEST_CRASH_AFTER_WRITES": "4"], cwd: CLI.root)
        #expect(killed.status == -9)
        #expect(try counts() == before)

        let again = try CLI.run(["scan", "samples/crawl.jsonl", "--out", dir + "/o3", "--index", index], cwd: CLI.root)
        #expect(again.status == 0, "\(again.err)")
        #expect(try CLI.run(["index", "stats", index]).out.contains("articles    11"))
        let export = try CLI.run(["index", "export", index]).out.split(separator: "\n")
        #expect(export.count == 11)
    }

    @Test func secondRunOnABusyIndexFailsClearly() throws {
        let dir = CLI.tempDir()
        let index = dir + "/archive.sqlite"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [index + ".lock", "sleep", "20"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        // Wait until the holder really has the lock (a busy machine may take a moment).
        for _ in 0..<100 {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", index + ".lock", "true"]
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let r = try CLI.run(["scan", "samples/pages", "--out", dir + "/o", "--index", index], cwd: CLI.root)
        #expect(r.status == 2)
        #expect(r.err.contains("in use by another run"))
    }
}
