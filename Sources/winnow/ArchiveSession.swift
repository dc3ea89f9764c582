import Foundation
import WinnowStore

/// An archive opened for one run: the run lock plus the store.
final class ArchiveSession {
    let lock: RunLock
    let store: ArchiveStore

    init(path: String, wait: Bool) throws {
        lock = try RunLock(index: path, wait: wait)
        do { store = try ArchiveStore(path: path) } catch {
            lock.release()
            throw error
        }
    }

    func close() { lock.release() }

    /// The archive at `path` without the run lock (for reading); a failure is reported and ends
    /// the command with exit code 2.
    static func openStore(_ path: String) throws -> ArchiveStore {
        do { return try ArchiveStore(path: path) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
    }

    static func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }

    /// A run id from the start time, e.g. `run-20261129T093000Z-4f2a`.
    static func runId(_ d: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        f.timeZone = TimeZone(identifier: "UTC")
        return "run-" + f.string(from: d) + "-" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
    }
}
