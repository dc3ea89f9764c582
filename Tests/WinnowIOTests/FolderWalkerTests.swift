import Foundation
import Testing
@testable import WinnowIO

/// Input folders are read without leaving them through symbolic links (unless asked), without
/// opening FIFOs, and without looping.
struct FolderWalkerTests {
    static func folder() throws -> String {
        let dir = IOSupport.tempDir()
        let fm = FileManager.default
        for sub in ["/in/sub", "/outside/deep"] { try fm.createDirectory(atPath: dir + sub, withIntermediateDirectories: true) }
        for file in ["/in/a.txt", "/in/sub/b.md", "/outside/o.txt", "/outside/deep/d.txt"] { IOSupport.write("text", to: dir + file) }
        try fm.createSymbolicLink(atPath: dir + "/in/out.txt", withDestinationPath: "../outside/o.txt")
        try fm.createSymbolicLink(atPath: dir + "/in/outdir", withDestinationPath: dir + "/outside")
        try fm.createSymbolicLink(atPath: dir + "/in/same.txt", withDestinationPath: "sub/b.md")
        try fm.createSymbolicLink(atPath: dir + "/in/sub/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/in/gone.txt", withDestinationPath: dir + "/nowhere.txt")
        #expect(mkfifo(dir + "/in/pipe.txt", 0o644) == 0)
        return dir
    }

    func walk(_ root: String, follow: Bool) throws -> (ids: [String], skipped: [String]) {
        let (files, skipped) = try FolderWalker(followSymlinks: follow).walk(root) { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        return (files.map(\.id), skipped)
    }

    @Test func linksLeavingTheFolderAreNotFollowed() throws {
        let dir = try Self.folder()
        let (ids, skipped) = try walk(dir + "/in", follow: false)
        #expect(ids == ["a.txt", "same.txt", "sub/b.md"])
        #expect(skipped == [
            "\(dir)/in/gone.txt: broken symbolic link, not read",
            "\(dir)/in/out.txt: symbolic link to \(dir)/outside/o.txt, outside \(dir)/in: not followed (--follow-symlinks reads it)",
            "\(dir)/in/outdir: symbolic link to \(dir)/outside, outside \(dir)/in: not followed (--follow-symlinks reads it)",
            "\(dir)/in/pipe.txt: not a regular file (a FIFO, socket or device), not read",
            "\(dir)/in/sub/up: symbolic link to the folder \(dir)/in: not followed (its files are read where they are; --follow-symlinks reads them here too)",
        ])
    }

    @Test func followingLinksReadsThemOnceAndEndsLoops() throws {
        let dir = try Self.folder()
        let (ids, skipped) = try walk(dir + "/in", follow: true)
        #expect(ids == ["a.txt", "out.txt", "outdir/deep/d.txt", "outdir/o.txt", "same.txt", "sub/b.md"])
        #expect(skipped.contains("\(dir)/in/sub/up: symbolic link to \(dir)/in, a folder already read: not followed again"))
        #expect(skipped.count == 3)
    }

    @Test func theReaderCountsAndNamesWhatItPassedOver() throws {
        let dir = try Self.folder()
        let r = try InputReader().read([dir + "/in"])
        #expect(r.articles.map(\.id) == ["a.txt", "same.txt", "sub/b.md"])
        #expect(r.warnings.count == 5 && r.problems.isEmpty)
        #expect(r.skipped == [SkipReason.notFollowed.rawValue: 5])
    }
}
