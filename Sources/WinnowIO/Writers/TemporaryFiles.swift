import Foundation
import Synchronization

/// The temporary files this process is writing (`AtomicFile`), so that a stop signal can remove
/// them before the process exits, and so that a set of outputs is renamed into place without a
/// stop in between.
///
/// A file is registered in the same locked step that creates it, and renames happen under the
/// same lock: `abandon()` therefore sees every temporary file that exists, and never runs in the
/// middle of renaming a set of outputs (it waits for the renames to finish).
public enum TemporaryFiles {
    private struct State {
        var paths: Set<String> = []
        var closed = false
        var renamed = 0
    }

    private static let state = Mutex(State())

    /// Creates (truncating) and registers a temporary file; returns its descriptor. Fails once the
    /// process is stopping.
    static func create(_ path: String) throws -> Int32 {
        try state.withLock { s in
            guard !s.closed else { throw WinnowIOError.cannotWrite(path: path, reason: "the process is stopping") }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw WinnowIOError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            s.paths.insert(path)
            return fd
        }
    }

    /// Removes a temporary file that will not be renamed (a failed write).
    static func discard(_ path: String) {
        state.withLock { s in
            if s.paths.remove(path) != nil { unlink(path) }
        }
    }

    /// Renames each temporary file over its target, all under one lock, so a stop signal comes
    /// before the first rename or after the last. Stops at the first failure (naming it); the
    /// temporary files not yet renamed are removed.
    static func rename(_ pairs: [(temporary: String, target: String)]) throws {
        try state.withLock { s in
            guard !s.closed else { throw WinnowIOError.cannotWrite(path: pairs.first?.target ?? "", reason: "the process is stopping") }
            // A folder where a file goes is the one failure foreseeable here: refuse before any rename.
            for pair in pairs {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: pair.target, isDirectory: &isDir), isDir.boolValue {
                    for p in pairs where s.paths.remove(p.temporary) != nil { unlink(p.temporary) }
                    throw WinnowIOError.cannotWrite(path: pair.target, reason: "a folder is in the way")
                }
            }
            for (k, pair) in pairs.enumerated() {
                guard Foundation.rename(pair.temporary, pair.target) == 0 else {
                    let reason = String(cString: strerror(errno))
                    for rest in pairs[k...] where s.paths.remove(rest.temporary) != nil { unlink(rest.temporary) }
                    throw WinnowIOError.cannotWrite(path: pair.target, reason: reason)
                }
                s.paths.remove(pair.temporary)
                s.renamed += 1
            }
        }
    }

    /// Removes every temporary file still being written and refuses new ones and renames: for a
    /// process about to exit on a signal. Returns how many files were removed and how many
    /// outputs this process had already renamed into place.
    public static func abandon() -> (removed: Int, renamed: Int) {
        state.withLock { s in
            s.closed = true
            for p in s.paths { unlink(p) }
            let removed = s.paths.count
            s.paths = []
            return (removed, s.renamed)
        }
    }

    /// The temporary name `AtomicFile` writes `path` under: `.NAME.tmp-PID` in the same folder.
    static func name(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
    }

    /// Removes temporary files that a killed process (`kill -9`, a crash, a power cut) left for
    /// these outputs in `directory`: `.NAME.tmp-PID` where PID is no running process. Files of a
    /// live process (another run writing the same folder) are left alone.
    static func removeStale(in directory: String, names: [String]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let wanted = Set(names.map { ".\($0).tmp-" })
        for entry in entries {
            guard let cut = entry.range(of: ".tmp-", options: .backwards) else { continue }
            let prefix = String(entry[..<cut.upperBound])
            guard wanted.contains(prefix), let pid = Int32(entry[cut.upperBound...]), pid > 0 else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) { unlink(directory + "/" + entry) }
        }
    }
}
