import Foundation
import GRDB

extension StoreError {
    /// Why an archive could not be opened or used, in words a user can act on: SQLite's result codes
    /// for a folder, a damaged file or a file that is no database become advice.
    static func describe(_ error: Error, path: String) -> String {
        guard let db = error as? DatabaseError else { return "\(error)" }
        switch db.resultCode.primaryResultCode {
        case .SQLITE_NOTADB:
            return "not an SQLite database (a damaged archive, or another kind of file); restore the archive from a backup or give another --index"
        case .SQLITE_CORRUPT:
            return "the database is damaged (\(db.message ?? "malformed")); restore the archive from a backup or give another --index"
        case .SQLITE_CANTOPEN:
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return "it is a folder, not an archive file" }
            return "SQLite cannot open the file (does its folder exist, and may this user read and write it?)"
        case .SQLITE_READONLY, .SQLITE_PERM:
            return "the file is read-only for this user (\(db.message ?? "read-only"))"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "another process holds the database locked (\(db.message ?? "busy")); stop it or try again"
        case .SQLITE_FULL:
            return "the disk is full; free space and try again"
        case .SQLITE_IOERR where diskIsFull(near: path):
            return "the disk is full (\(db.message ?? "disk I/O error")); free space and try again"
        case .SQLITE_IOERR:
            return "a disk I/O error (\(db.message ?? "I/O error")); check the disk holding the archive"
        default:
            return "\(error)"
        }
    }

    /// Whether the file system holding `path` (or its folder) has no space left for this user.
    static func diskIsFull(near path: String) -> Bool {
        var fs = statvfs()
        let dir = (path as NSString).deletingLastPathComponent
        guard statvfs(FileManager.default.fileExists(atPath: path) ? path : (dir.isEmpty ? "." : dir), &fs) == 0 else { return false }
        return fs.f_bavail == 0
    }

    /// The error for an archive written by a newer Winnow: its schema has steps this version does
    /// not know, so it is neither read nor changed.
    static func newerSchema(path: String, steps: [String]) -> StoreError {
        .cannotOpen(path: path, reason: "written by a newer Winnow (schema steps unknown to this version: \(steps.sorted().joined(separator: ", "))); "
                    + "use that version or a newer one; this one neither reads nor changes it")
    }
}

extension ArchiveSchema {
    /// Schema steps applied to the archive that this version does not know (a newer Winnow's).
    static func unknownSteps(in db: Database) throws -> [String] {
        let known = Set(migrator.migrations)
        return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
    }
}
