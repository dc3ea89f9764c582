import ArgumentParser
import Foundation
import WinnowIO
import WinnowStore

/// `winnow index`: look after an archive index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Inspect and maintain an archive index.",
        subcommands: [IndexStatsCommand.self, IndexVacuumCommand.self, IndexPruneCommand.self, IndexExportCommand.self]
    )
}

/// The index path, shared by the index subcommands.
struct IndexPath: ParsableArguments {
    @Argument(help: "The archive index (SQLite file).")
    var path: String

    func validate() throws {
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no archive index at \(path)") }
    }

    /// The archive with the run lock held, for changing it.
    func openForWriting() throws -> ArchiveSession {
        do { return try ArchiveSession(path: path, wait: true) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
    }

    /// The archive without the lock, for reading.
    func openForReading() throws -> ArchiveStore { try ArchiveSession.openStore(path) }
}

struct IndexStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Runs, articles, canonicals and size per article.")
    @OptionGroup var index: IndexPath

    func run() throws {
        let store = try index.openForReading()
        let s = try store.stats()
        print("runs        \(s.runs)\narticles    \(s.articles)\ncanonicals  \(s.canonicals)\nanchors     \(s.anchors)\nline keys   \(s.lineKeys)")
        print(String(format: "size        %.1f MB (%.0f bytes per article)", Double(s.bytes) / 1e6, s.bytesPerArticle))
    }
}

struct IndexVacuumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vacuum", abstract: "Rebuild the file to reclaim space.")
    @OptionGroup var index: IndexPath

    func run() throws {
        let session = try index.openForWriting()
        defer { session.close() }
        try session.store.vacuum()
    }
}

struct IndexPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Delete articles published before a date, keeping those later articles reference.")
    @OptionGroup var index: IndexPath
    @Option(help: "Delete articles published before this date (YYYY-MM-DD).")
    var before: String

    func validate() throws {
        guard before.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil else {
            throw ValidationError("--before takes a date like 2025-01-31")
        }
    }

    func run() throws {
        let session = try index.openForWriting()
        defer { session.close() }
        let n = try session.store.prune(before: before)
        print("pruned \(n) articles published before \(before)")
    }
}

struct IndexExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every archived article as JSONL to standard output.")
    @OptionGroup var index: IndexPath

    func run() throws {
        let store = try index.openForReading()
        let out = FileHandle.standardOutput
        var buffer = JSONBuffer()
        try store.exportArticles { row in
            buffer.raw("{")
            for (i, key) in ["id", "run", "site", "url", "published_at", "simhash", "exact", "decision", "canonical", "canonical_run", "excerpt"].enumerated() {
                if i > 0 { buffer.raw(",") }
                buffer.string(key)
                buffer.raw(":")
                if key == "excerpt" { buffer.raw((row[key] ?? nil) ?? "false") } else if let v = row[key] ?? nil { buffer.string(v) } else { buffer.raw("null") }
            }
            buffer.raw("}\n")
            if buffer.bytes.count > 1 << 20 { out.write(Data(buffer.bytes)); buffer = JSONBuffer() }
        }
        out.write(Data(buffer.bytes))
    }
}
