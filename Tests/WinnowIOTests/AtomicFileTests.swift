import Foundation
import Testing
@testable import WinnowIO

/// Outputs are written whole or not at all, as one set, and leave no temporary file behind.
struct AtomicFileTests {
    @Test func stagedFilesAppearOnlyWhenCommitted() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write("old", to: dir + "/a.txt")
        let a = try AtomicFile.stage(Array("new a".utf8), for: dir + "/a.txt")
        let b = try AtomicFile.stage(Array("new b".utf8), for: dir + "/b.txt")
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: dir + "/b.txt"))
        try AtomicFile.commit([a, b])
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "new a")
        #expect(try String(contentsOfFile: dir + "/b.txt", encoding: .utf8) == "new b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.txt", "b.txt"])

        let c = try AtomicFile.stage(Array("discarded".utf8), for: dir + "/a.txt")
        AtomicFile.discard([c])
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "new a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.txt", "b.txt"])
    }

    @Test func aFailingReporterLeavesTheFolderAsItWas() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write("old decisions", to: dir + "/decisions.jsonl")
        // A folder where report.csv should go makes that one rename fail after staging.
        try FileManager.default.createDirectory(atPath: dir + "/report.csv/inside", withIntermediateDirectories: true)
        #expect(throws: WinnowIOError.self) {
            try Reporters.write(ScanReport(articles: [], analyses: [], decisions: [], clusters: [], problems: [], counters: .init(), inputs: []),
                                reporters: Reporters.scan, to: dir)
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir)).contains { $0.hasPrefix(".") })
        #expect(try String(contentsOfFile: dir + "/decisions.jsonl", encoding: .utf8) == "old decisions")
        #expect(!FileManager.default.fileExists(atPath: dir + "/summary.md"))
    }

    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let dir = IOSupport.tempDir()
        // A pid that is not running (pid_max is far below this on Linux) and one that is (ours).
        IOSupport.write("half", to: dir + "/.decisions.jsonl.tmp-99999999")
        IOSupport.write("mine", to: dir + "/.summary.md.tmp-1")
        IOSupport.write("other", to: dir + "/.notes.txt.tmp-99999999")
        AtomicFile.removeStaleTemporaries(in: dir, names: ["decisions.jsonl", "summary.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".notes.txt.tmp-99999999", ".summary.md.tmp-1"])
    }

    @Test func outputFoldersThatCannotBeMadeAreNamed() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write("x", to: dir + "/file")
        #expect(throws: WinnowIOError.cannotWrite(path: dir + "/file", reason: "it is a file, not a folder")) {
            try AtomicFile.makeDirectory(dir + "/file")
        }
        #expect(throws: WinnowIOError.cannotWrite(path: dir + "/file/a/b", reason: "\(dir)/file is a file, not a folder")) {
            try AtomicFile.makeDirectory(dir + "/file/a/b")
        }
    }
}
