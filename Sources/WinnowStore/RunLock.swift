import Foundation

/// One run at a time per archive: an exclusive `flock` on `INDEX.lock`, held until released or
/// the process ends (the kernel drops it even after a kill -9).
public final class RunLock {
    private let fd: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock; waits for it when `wait`, else fails at once naming the holder.
    public init(index: String, wait: Bool) throws {
        path = index + ".lock"
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
            close(fd)
            throw StoreError.busy(path: index, holder: holder.isEmpty ? "unknown" : holder)
        }
        let note = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        ftruncate(fd, 0)
        _ = note.withCString { write(fd, $0, strlen($0)) }
    }

    /// Releases the lock.
    public func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
