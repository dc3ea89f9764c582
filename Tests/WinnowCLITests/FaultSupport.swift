import Foundation
import TestScratch
import Testing

/// Helpers of the bad-input matrix and the fault tests: running the binary with a time limit
/// (output to files, so a flood of messages cannot block it), checking that every output file
/// is whole, reading an archive's state, and generating inputs.
enum Faults {
    /// What a finished run gave: its exit status (the signal that ended it, negated), its
    /// standard error, and how long it took.
    struct Outcome {
        var status: Int32
        var err: String
        var seconds: Double
    }

    /// Runs `winnow args` in `cwd`, killing it after `timeout` seconds (then the test fails).
    static func run(_ args: [String], cwd: String, environment: [String: String] = [:], timeout: Double = 120) throws -> Outcome {
        let p = try start(args, cwd: cwd, environment: environment)
        let started = Date()
        while p.process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                kill(p.process.processIdentifier, SIGKILL)
                p.process.waitUntilExit()
                Issue.record("winnow \(args.joined(separator: " ")) still ran after \(timeout) s: killed")
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        p.process.waitUntilExit()
        return Outcome(status: status(of: p.process), err: p.stderr(), seconds: Date().timeIntervalSince(started))
    }

    /// A started run: the process and its standard error, kept in a file.
    struct Started {
        var process: Process
        var errPath: String
        /// Standard error so far.
        func stderr() -> String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
    }

    /// Starts `winnow args` in `cwd` without waiting; standard output is discarded.
    static func start(_ args: [String], cwd: String, environment: [String: String] = [:]) throws -> Started {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let errPath = Scratch.path("err")
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try p.run()
        return Started(process: p, errPath: errPath)
    }

    /// The exit status, or the terminating signal negated.
    static func status(of p: Process) -> Int32 {
        p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus
    }

    /// Writes bytes to a file (creating its folder).
    static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Writes text to a file (creating its folder).
    static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

    /// One JSONL line for an article (JSON-escaped by Foundation).
    static func line(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Runs a shell pipeline (for gzip), returning whether it succeeded.
    @discardableResult
    static func shell(_ command: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// Files in `dir` (names), hidden ones included; empty when it does not exist.
    static func entries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    /// The reports a scan writes.
    static let reports = ["clean.jsonl", "decisions.jsonl", "report.csv", "report.html", "summary.md"]

    /// Problems with the outputs in `dir`: a file that is not whole (a JSONL line that is not a
    /// JSON object, a CSV row with the wrong number of cells, an HTML page without its end),
    /// or a leftover temporary file. Returns the reports present too.
    static func checkOutputs(_ dir: String) -> (present: [String], problems: [String]) {
        var problems: [String] = []
        let all = entries(dir)
        for e in all where e.hasPrefix(".") { problems.append("leftover temporary file \(e)") }
        let present = all.filter { reports.contains($0) }
        for name in present {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { problems.append("\(name): unreadable"); continue }
            let text = String(decoding: data, as: UTF8.self)
            switch name {
            case "decisions.jsonl", "clean.jsonl":
                if !text.isEmpty && !text.hasSuffix("\n") { problems.append("\(name): no final newline") }
                for (k, line) in text.split(separator: "\n").enumerated() {
                    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
                    if !(object is [String: Any]) { problems.append("\(name):\(k + 1): not a JSON object"); break }
                }
            case "report.csv":
                let rows = csvRows(text)
                let width = rows.first?.count ?? 0
                if width != 13 { problems.append("report.csv: header has \(width) cells") }
                if let bad = rows.firstIndex(where: { $0.count != width }) { problems.append("report.csv: row \(bad + 1) has \(rows[bad].count) cells") }
                if !text.hasSuffix("\r\n") { problems.append("report.csv: no final line end") }
            case "report.html":
                if !text.hasSuffix("</html>\n") { problems.append("report.html: does not end with </html>") }
            default:
                if !text.hasPrefix("# Winnow scan summary") || !text.hasSuffix("\n") { problems.append("\(name): not whole") }
            }
        }
        return (present, problems)
    }

    /// RFC 4180 rows (quoted cells may hold commas, quotes and line breaks).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { cell.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(cell); cell = ""
            } else if c == "\r" && it.first == "\n" { it.removeFirst(); row.append(cell); rows.append(row); row = []; cell = ""
            } else { cell.unicodeScalars.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// An archive's state as its users see it: the counts of `index stats` (file size aside) and
    /// every archived id with its run and decision, from `index export`.
    static func archiveState(_ index: String, cwd: String) throws -> String {
        let stats = try CLI.run(["index", "stats", index], cwd: cwd)
        let export = try CLI.run(["index", "export", index], cwd: cwd)
        guard stats.status == 0, export.status == 0 else { return "unreadable: \(stats.err) \(export.err)" }
        let counts = stats.out.split(separator: "\n").filter { !$0.hasPrefix("size") }
        let ids = export.out.split(separator: "\n").compactMap { line -> String? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return "bad line" }
            return "\(o["id"] ?? "?") \(o["run"] ?? o["run_id"] ?? "?") \(o["decision"] ?? "?")"
        }.sorted()
        return (counts + ids.map { Substring($0) }).joined(separator: "\n")
    }

    /// Copies an archive (its main file and WAL) to `to`, removing what was there.
    static func copyArchive(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: to + suffix) }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: from + suffix) {
            try FileManager.default.copyItem(atPath: from + suffix, toPath: to + suffix)
        }
    }

    /// News-like articles: `count` stories on `sites` sites with a furniture line each, every
    /// fifth a near-copy of an earlier one (so there are clusters to decide). Deterministic.
    static func articles(count: Int, prefix: String, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let words = (0..<2000).map { "w\($0 * 7919 % 10007)" }
        var stories: [String] = []
        var out = ""
        for i in 0..<count {
            let text: String
            if i % 5 == 4, let source = stories.randomElement(using: &rng) {
                text = source.replacingOccurrences(of: " w", with: " v", options: [], range: source.range(of: " w"))
            } else {
                text = (0..<6).map { _ in (0..<22).map { _ in words.randomElement(using: &rng) ?? "" }.joined(separator: " ") + "." }
                    .joined(separator: "\n")
                stories.append(text)
            }
            let site = "site\(i % 5).example"
            out += line(["id": "\(prefix)-\(i)", "source": site, "title": "Story \(i)",
                         "text": "Home | News | Sport\n\(text)\nCopyright \(site), all rights reserved."])
        }
        return out
    }
}

/// A small seeded generator (SplitMix64), so a failing fault run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
