import Foundation

/// Writes a file all at once or not at all: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and only then renamed over the target. A crash or a full disk leaves the
/// old file (or none), never half a file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WinnowIOError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var reason = ""
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var off = 0
            while off < raw.count {
                let n = Foundation.write(fd, base + off, raw.count - off)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    ok = false; reason = String(cString: strerror(errno)); break
                }
                off += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            if ok { reason = String(cString: strerror(errno)) }
            unlink(tmp)
            throw WinnowIOError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes a string's UTF-8 atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Creates a folder (and parents) for outputs.
    public static func makeDirectory(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw WinnowIOError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
