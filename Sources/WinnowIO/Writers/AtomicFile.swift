import Foundation

/// Writes a file all at once or not at all: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and only then renamed over the target. A crash or a full disk leaves the
/// old file (or none), never half a file. Several files can be staged first and renamed together
/// (`stage`, `commit`): a failure in any leaves every target as it was.
public enum AtomicFile {
    /// A file written to its temporary name, not yet renamed into place.
    public struct Staged: Sendable {
        /// The temporary file.
        let temporary: String
        /// Where it goes.
        public let target: String
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try commit([stage(bytes, for: path)])
    }

    /// Writes a string's UTF-8 atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk. Nothing is left
    /// behind when this fails (a full disk, a read-only folder).
    public static func stage(_ bytes: [UInt8], for path: String) throws -> Staged {
        try stage(for: path) { try $0.write(bytes) }
    }

    /// Where `stage(for:writing:)` writes: bytes handed on a piece at a time.
    public struct Output: Sendable {
        let fd: Int32
        /// Appends bytes to the file (the error names no path: `stage` adds it).
        public func write(_ bytes: [UInt8]) throws {
            var reason: String?
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var off = 0
                while off < raw.count {
                    let n = Foundation.write(fd, base + off, raw.count - off)
                    if n <= 0 {
                        if n < 0 && errno == EINTR { continue }
                        reason = n == 0 ? "the disk took no more bytes" : String(cString: strerror(errno))
                        break
                    }
                    off += n
                }
            }
            if let reason { throw WinnowIOError.cannotWrite(path: "", reason: reason) }
        }
    }

    /// Writes a temporary file beside `path` a piece at a time (`writing` hands the pieces to
    /// its `Output`, so the whole file need never be in memory) and flushes it to disk. Nothing
    /// is left behind when this fails (a full disk, a read-only folder, an error of `writing`).
    public static func stage(for path: String, writing: (Output) throws -> Void) throws -> Staged {
        let tmp = TemporaryFiles.name(for: path)
        let fd: Int32
        do { fd = try TemporaryFiles.create(tmp) } catch WinnowIOError.cannotWrite(_, let reason) {
            throw WinnowIOError.cannotWrite(path: path, reason: reason)
        }
        var failure: Error?
        do { try writing(Output(fd: fd)) } catch { failure = error }
        if failure == nil && fsync(fd) != 0 { failure = WinnowIOError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        if close(fd) != 0 && failure == nil { failure = WinnowIOError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard let failure else { return Staged(temporary: tmp, target: path) }
        TemporaryFiles.discard(tmp)
        // `Output.write` names no path: this file's.
        if case WinnowIOError.cannotWrite(let p, let reason) = failure, p.isEmpty { throw WinnowIOError.cannotWrite(path: path, reason: reason) }
        throw failure
    }

    /// Renames staged files into place, one after another without a stop signal in between, and
    /// flushes their folders.
    public static func commit(_ staged: [Staged]) throws {
        try TemporaryFiles.rename(staged.map { ($0.temporary, $0.target) })
        for dir in Set(staged.map { ($0.target as NSString).deletingLastPathComponent }) {
            let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 { fsync(fd); close(fd) }
        }
    }

    /// Removes staged files instead of renaming them (another file of the set failed).
    public static func discard(_ staged: [Staged]) {
        for s in staged { TemporaryFiles.discard(s.temporary) }
    }

    /// Removes the temporary files a killed process left for `names` in `directory` (see
    /// `TemporaryFiles.removeStale`).
    public static func removeStaleTemporaries(in directory: String, names: [String]) {
        TemporaryFiles.removeStale(in: directory, names: names)
    }

    /// Creates a folder (and parents) for outputs; a path that is a file, or lies under one, is
    /// named in the error.
    public static func makeDirectory(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw WinnowIOError.cannotWrite(path: path, reason: "it is a file, not a folder") }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw WinnowIOError.cannotWrite(path: path, reason: whyNoFolder(path) ?? error.localizedDescription)
        }
    }

    /// Why a folder cannot be created at `path`: the nearest existing ancestor is a file, or
    /// this user may not write into it.
    private static func whyNoFolder(_ path: String) -> String? {
        var ancestor = (path as NSString).deletingLastPathComponent
        while !ancestor.isEmpty && ancestor != "/" {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDir) {
                if !isDir.boolValue { return "\(ancestor) is a file, not a folder" }
                return access(ancestor, W_OK) != 0 ? "cannot create a folder in \(ancestor): \(String(cString: strerror(errno)))" : nil
            }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        return nil
    }
}
