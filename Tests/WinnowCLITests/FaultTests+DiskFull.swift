import Foundation
import Testing

/// A full disk under `--out` and under `--index`: exit 2 with a message, no truncated file, the
/// folder and the archive as they were. Needs a small tmpfs: runs as root where mounting one is
/// allowed, else is skipped with the reason printed.
extension FaultTests {
    /// Mounts a tmpfs of `size` at `path`, or says why not.
    static func mountTmpfs(_ path: String, size: String) -> String? {
        guard getuid() == 0 else { return "not running as root (mounting a small tmpfs needs it)" }
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return Faults.shell("mount -t tmpfs -o size=\(size) tmpfs '\(path)'") ? nil : "mount -t tmpfs is not allowed here"
    }

    /// Fills the file system holding `dir` with a file `filler`, leaving about `leave` bytes.
    static func fill(_ dir: String, leave: Int) {
        let fd = open(dir + "/filler", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let block = [UInt8](repeating: 0x66, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        let size = lseek(fd, 0, SEEK_END)
        ftruncate(fd, max(0, size - off_t(leave)))
        close(fd)
    }

    @Test func fullDiskUnderTheOutputsAndTheArchive() throws {
        let dir = CLI.tempDir(), mount = dir + "/small"
        if let why = Self.mountTmpfs(mount, size: "4m") {
            print("faults: disk full -> skipped: \(why)")
            return
        }
        defer { Faults.shell("umount '\(mount)'") }
        try Faults.write(Faults.articles(count: 40, prefix: "full", seed: 5), to: dir + "/in.jsonl")

        // Outputs: nothing fits, then the smaller reports fit but report.html does not.
        for leave in [0, 24 << 10] {
            Self.fill(mount, leave: leave)
            let out = mount + "/out-\(leave)"
            let r = try Faults.run(["scan", "in.jsonl", "--out", out, "-q"], cwd: dir)
            print("matrix: out: full disk (\(leave) bytes free) -> exit \(r.status): \(r.err.split(separator: "\n").first ?? "")")
            #expect(r.status == 2, "\(r.err)")
            #expect(r.err.contains("No space left on device") && r.err.contains("no output was written"), "\(r.err)")
            #expect(Faults.entries(out).isEmpty, "\(Faults.entries(out))")
            try? FileManager.default.removeItem(atPath: mount + "/filler")
        }

        // The archive: its commit fails on the full disk and leaves it as it was; the reports
        // (written elsewhere) describe the run; with space again the next run commits.
        let first = try Faults.run(["scan", "in.jsonl", "--index", mount + "/archive.sqlite", "--out", "o1", "-q"], cwd: dir)
        try #require(first.status == 0, "\(first.err)")
        let before = try Faults.archiveState(mount + "/archive.sqlite", cwd: dir)
        try Faults.write(Faults.articles(count: 150, prefix: "more", seed: 6), to: dir + "/more.jsonl")
        // No room at all: the archive does not even open; a little room: its commit fails.
        for leave in [0, 96 << 10] {
            Self.fill(mount, leave: leave)
            let full = try Faults.run(["scan", "more.jsonl", "--index", mount + "/archive.sqlite", "--out", "o2-\(leave)", "-q"], cwd: dir)
            print("matrix: index: full disk (\(leave) bytes free) -> exit \(full.status): \(full.err.split(separator: "\n").first ?? "")")
            #expect(full.status == 2, "\(full.err)")
            #expect(full.err.contains("the disk is full"), "\(full.err)")
            try? FileManager.default.removeItem(atPath: mount + "/filler")
            #expect(try Faults.archiveState(mount + "/archive.sqlite", cwd: dir) == before)
        }
        let again = try Faults.run(["scan", "more.jsonl", "--index", mount + "/archive.sqlite", "--out", "o3", "-q"], cwd: dir)
        #expect(again.status == 0, "\(again.err)")
    }
}
