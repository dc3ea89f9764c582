import Foundation

/// Scratch space for one test process: every folder and file a test asks for lives under one
/// folder of the system's temporary directory, removed when the process exits (a crashed run
/// leaves one folder, `winnow-tests-PID-…`, not thousands).
public enum Scratch {
    /// The process's scratch folder, created on first use.
    public static let root: String = {
        let dir = NSTemporaryDirectory() + "winnow-tests-\(ProcessInfo.processInfo.processIdentifier)-" + UUID().uuidString.prefix(8)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { Scratch.removeAll() }
        return dir
    }()

    /// A fresh path under the scratch folder, `PREFIX-UUID` plus `suffix`; nothing is created.
    public static func path(_ prefix: String, suffix: String = "") -> String {
        root + "/" + prefix + "-" + UUID().uuidString + suffix
    }

    /// A fresh, empty folder under the scratch folder.
    public static func directory(_ prefix: String) -> String {
        let dir = path(prefix)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Removes the scratch folder and everything in it.
    static func removeAll() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
