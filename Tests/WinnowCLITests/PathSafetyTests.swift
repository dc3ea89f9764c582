import Foundation
import Testing

/// Paths and names from the data: outputs never leave `--out`, input folders are not left
/// through symbolic links unless `--follow-symlinks`, and hostile ids are shown safely in every
/// report and message.
struct PathSafetyTests {
    /// Ids that look like paths or carry terminal controls, each twice (so they land in clusters
    /// and in the duplicate-id warnings as well).
    static let hostileIds = ["../../escaped", "/etc/passwd", "a/../../b", "esc\u{1B}[31mred\u{1B}]0;title\u{07}", "cr\rfake: line",
                             "rlo\u{202E}txt.exe", "nul\u{0}byte", "line\nbreak", ".."]

    @Test func hostileIdsStayInsideOutAndAreShownSafely() throws {
        let dir = CLI.tempDir()
        var lines = ""
        for (k, id) in Self.hostileIds.enumerated() {
            let text = "Story number \(k) about the harbour, told at some length so that it is an article.\nA second line of story \(k)."
            lines += Faults.line(["id": id, "text": text]) + Faults.line(["id": id + "-copy", "text": text]) + Faults.line(["id": id, "text": "again"])
        }
        try Faults.write(lines, to: dir + "/work/in.jsonl")
        let r = try Faults.run(["scan", "in.jsonl", "--out", "out", "--index", "archive.sqlite", "--run-id", "../../run\u{1B}[0m"], cwd: dir + "/work")
        #expect(r.status == 2, "\(r.err)")  // the repeated ids are skipped records
        // Nothing was written anywhere but out/, the archive and its lock.
        #expect(Faults.entries(dir) == ["work"])
        #expect(Faults.entries(dir + "/work").filter { !$0.hasPrefix("archive.sqlite") } == ["in.jsonl", "out"], "\(Faults.entries(dir + "/work"))")
        #expect(Faults.entries(dir + "/work/out") == Faults.reports)
        #expect(Faults.checkOutputs(dir + "/work/out").problems.isEmpty)
        // decisions.jsonl: JSON-escaped, and the ids come back exactly.
        let decisions = try Data(contentsOf: URL(fileURLWithPath: dir + "/work/out/decisions.jsonl"))
        let ids = String(decoding: decisions, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(Set(ids) == Set(Self.hostileIds + Self.hostileIds.map { $0 + "-copy" }))
        // No report, and no message, carries a control or bidi character raw.
        for name in Faults.reports {
            let text = try String(contentsOfFile: dir + "/work/out/" + name, encoding: .utf8)
            let raw = text.unicodeScalars.filter {
                $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{0}" || $0 == "\u{07}" || ($0 == "\r" && name != "report.csv")
            }
            #expect(raw.isEmpty, "\(name): raw \(raw.map { String($0.value, radix: 16) })")
        }
        let csv = try String(contentsOfFile: dir + "/work/out/report.csv", encoding: .utf8)
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(csv.contains("esc\\u{1b}[31mred") && csv.contains("rlo\\u{202e}txt.exe"))
        let summary = try String(contentsOfFile: dir + "/work/out/summary.md", encoding: .utf8)
        #expect(summary.contains("\\.\\./\\.\\./escaped") || summary.contains("../../escaped"))
        #expect(!r.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\r" || $0 == "\u{0}" })
        #expect(r.err.contains("duplicate id \"esc\\u{1b}[31mred"))
        let esc = Self.hostileIds[3]
        let explain = try CLI.run(["explain", esc, esc + "-copy", "in.jsonl", "--no-rules"], cwd: dir + "/work")
        #expect(!explain.out.unicodeScalars.contains("\u{1B}") && explain.out.contains("esc\\u{1b}[31mred"), "\(explain.out)\(explain.err)")
    }

    /// A folder with a link to a file outside, a link to a folder outside, a link to a folder
    /// inside (a loop), a broken link and a FIFO (opening it would block forever).
    static func folderWithLinks() throws -> String {
        let dir = CLI.tempDir()
        let text = "An article of the folder, with enough words to be one."
        try Faults.write(text, to: dir + "/in/a.txt")
        try Faults.write("A secret outside the folder, which must not be read.", to: dir + "/outside/secret.txt")
        try Faults.write("Another outside text in a subfolder.", to: dir + "/outside/deep/d.txt")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir + "/in/secret.txt", withDestinationPath: "../outside/secret.txt")
        try fm.createSymbolicLink(atPath: dir + "/in/outdir", withDestinationPath: dir + "/outside")
        try fm.createDirectory(atPath: dir + "/in/sub", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir + "/in/sub/loop", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/in/same.txt", withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: dir + "/in/broken.txt", withDestinationPath: "/nonexistent/x.txt")
        #expect(mkfifo(dir + "/in/fifo.txt", 0o644) == 0)
        return dir
    }

    @Test func foldersAreNotLeftThroughSymlinks() throws {
        let dir = try Self.folderWithLinks()
        let r = try Faults.run(["scan", "in", "--out", "out", "--no-rules"], cwd: dir, timeout: 60)
        #expect(r.status == 0, "\(r.err)")
        let decided = try String(contentsOfFile: dir + "/out/decisions.jsonl", encoding: .utf8)
        #expect(!decided.contains("secret") && !decided.contains("outdir"))
        #expect(decided.contains("\"id\":\"a.txt\"") && decided.contains("\"id\":\"same.txt\""))
        for warning in ["in/secret.txt: symbolic link to \(dir)/outside/secret.txt, outside", "in/outdir: symbolic link to \(dir)/outside, outside",
                        "in/sub/loop: symbolic link to the folder", "in/broken.txt: broken symbolic link", "in/fifo.txt: not a regular file"] {
            #expect(r.err.contains(warning), "\(warning)\n\(r.err)")
        }
        #expect(r.err.contains("--follow-symlinks reads it"))
        #expect(try String(contentsOfFile: dir + "/out/summary.md", encoding: .utf8).contains("folder entry not read"))

        let followed = try Faults.run(["scan", "in", "--out", "out2", "--no-rules", "--follow-symlinks"], cwd: dir, timeout: 60)
        #expect(followed.status == 0, "\(followed.err)")
        let all = try String(contentsOfFile: dir + "/out2/decisions.jsonl", encoding: .utf8)
        #expect(all.contains("\"id\":\"secret.txt\"") && all.contains("\"id\":\"outdir/deep/d.txt\""), "\(all)")
        #expect(followed.err.contains("a folder already read: not followed again"), "\(followed.err)")

        // The other commands that read folders behave the same.
        let check = try Faults.run(["check", "in", "--no-rules", "--fail-on", "off"], cwd: dir, timeout: 60)
        #expect(check.status == 0 && check.err.contains("in/secret.txt: symbolic link to"), "\(check.err)")
        let stats = try Faults.run(["stats", "in", "--out", "s.wnls"], cwd: dir, timeout: 60)
        #expect(stats.status == 0 && stats.err.contains("in/secret.txt: symbolic link to"), "\(stats.err)")
    }
}
