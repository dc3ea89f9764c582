import Foundation

/// Lists the files of an input folder, recursively, without leaving it: a symbolic link whose
/// target lies outside the folder is not followed unless `followSymlinks` is set, and links to
/// folders are only descended with it (never twice into the same folder, so link loops end).
/// Anything passed over — such links, broken links, FIFOs, sockets and devices (reading a FIFO
/// would block forever) — is named in a `skipped` message rather than dropped silently.
struct FolderWalker {
    /// One file to read: its path (through the links followed) and its id, the path relative
    /// to the folder given.
    struct Entry: Equatable {
        var path: String
        var id: String
    }

    /// Whether links that leave the folder, and links to folders, are followed.
    var followSymlinks = false

    /// The files under `root` that `wanted` accepts by name, sorted by id, and a message for
    /// each entry passed over.
    func walk(_ root: String, wanted: (String) -> Bool) throws -> (files: [Entry], skipped: [String]) {
        guard let rootReal = Self.realPath(root) else { throw WinnowIOError.cannotRead(path: root, reason: "cannot resolve folder") }
        var files: [Entry] = [], skipped: [String] = []
        var visited: Set<String> = [rootReal]
        var pending: [(dir: String, id: String)] = [(root, "")]
        while let (dir, prefix) = pending.popLast() {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
                if prefix.isEmpty { throw WinnowIOError.cannotRead(path: root, reason: "cannot list folder") }
                skipped.append("\(dir): cannot list the folder; its files were not read")
                continue
            }
            for name in names {
                let path = (dir.hasSuffix("/") ? dir : dir + "/") + name
                let id = prefix.isEmpty ? name : prefix + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                var kind = st.st_mode & S_IFMT
                if kind == S_IFLNK {
                    guard let target = Self.realPath(path), stat(target, &st) == 0 else {
                        if wanted(name) { skipped.append("\(path): broken symbolic link, not read") }
                        continue
                    }
                    kind = st.st_mode & S_IFMT
                    let inside = target == rootReal || target.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
                    if !followSymlinks {
                        if !inside {
                            if kind == S_IFDIR || wanted(name) {
                                skipped.append("\(path): symbolic link to \(target), outside \(root): not followed (--follow-symlinks reads it)")
                            }
                            continue
                        }
                        if kind == S_IFDIR {
                            skipped.append("\(path): symbolic link to the folder \(target): not followed (its files are read where they are; --follow-symlinks reads them here too)")
                            continue
                        }
                    } else if kind == S_IFDIR {
                        guard visited.insert(target).inserted else {
                            skipped.append("\(path): symbolic link to \(target), a folder already read: not followed again")
                            continue
                        }
                    }
                } else if kind == S_IFDIR, followSymlinks, let real = Self.realPath(path) {
                    visited.insert(real)
                }
                if kind == S_IFDIR {
                    pending.append((path, id))
                } else if wanted(name) {
                    if kind == S_IFREG { files.append(Entry(path: path, id: id)) } else { skipped.append("\(path): not a regular file (a FIFO, socket or device), not read") }
                }
            }
        }
        files.sort { $0.id < $1.id }
        return (files, skipped.sorted())
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
