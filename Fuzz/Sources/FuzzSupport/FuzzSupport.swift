import CFuzzDriver
import Foundation
@testable import WinnowCore
@testable import WinnowIO

/// What every fuzz target shares: one-time set-up, small memory limits, and the readers'
/// entry points called the way `winnow` calls them on a file of the given name.
public enum FuzzSupport {
    /// Runs libFuzzer on `testOneInput` with this process's arguments and exits with its code.
    public static func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        exit(winnow_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, testOneInput))
    }

    /// Per-record limits small enough that a legitimate but large record (a gzip bomb of a few
    /// KiB) is reported as too large instead of tripping libFuzzer's memory limit.
    public static let limits: ReadLimits = {
        var l = ReadLimits()
        l.maxRecordBytes = 1 << 20
        l.maxInflatedFileBytes = 16 << 20
        return l
    }()

    /// ICU set up once, one worker thread (runs are then reproducible); false when ICU is missing.
    public static let ready: Bool = {
        Parallel.jobs.store(1, ordering: .relaxed)
        do { try TextNormalizer.prepare(); return true } catch {
            FileHandle.standardError.write(Data("fuzz: ICU unavailable: \(error)\n".utf8))
            return false
        }
    }()

    /// Reads `bytes` as a file named `path` (the name picks the format: `.jsonl`, `.warc`,
    /// `.html`), exactly as `InputReader.read` does for a file on disk.
    public static func read(_ bytes: UnsafeRawBufferPointer, as path: String) -> ReadResult {
        var reader = InputReader()
        reader.limits = limits
        var result = ReadResult()
        var ids: [String: String] = [:]
        reader.readFile(Data(bytes), path: path, id: path, into: &result, ids: &ids)
        return result
    }

    /// Checks what every reader promises of its result; traps (a libFuzzer crash) when broken.
    public static func checkInvariants(_ result: ReadResult) {
        for article in result.articles {
            precondition(!article.id.isEmpty, "an article with an empty id")
            precondition(article.replacedSequences >= 0, "a negative count of replaced sequences")
            if let hints = article.lineHints {
                let lines = article.text.isEmpty ? 0 : article.text.split(separator: "\n", omittingEmptySubsequences: false).count
                precondition(hints.count == lines, "\(hints.count) line hints for \(lines) lines")
            }
        }
    }

    /// The rules in the folder named by `WINNOW_FUZZ_RULES` (scripts/fuzz.sh sets it to the
    /// repository's `rules/`), or the empty set when it is unset or does not compile.
    public static let bundledRules: RuleSet = {
        guard let folder = ProcessInfo.processInfo.environment["WINNOW_FUZZ_RULES"] else { return .empty }
        let loaded = RuleFileLoader().load(paths: [folder])
        do {
            let set = try RuleSet(rules: loaded.rules)
            FileHandle.standardError.write(Data("fuzz: \(set.rules.count) rules from \(folder)\n".utf8))
            return set
        } catch {
            FileHandle.standardError.write(Data("fuzz: rules in \(folder) do not compile (\(error)); using none\n".utf8))
            return .empty
        }
    }()

    /// Analyzes `articles` as one batch, as `winnow analyze` does: prepare, line statistics over
    /// the batch, then the per-article analysis; checks that findings point at real lines.
    @discardableResult
    public static func analyze(_ articles: [Article], rules: RuleSet) -> [[Finding]] {
        let engine = ScanEngine(rules: rules)
        let prepared = engine.prepare(articles)
        let analyses = engine.analyze(prepared, statistics: engine.statistics(of: prepared))
        precondition(analyses.count == articles.count, "\(analyses.count) analyses for \(articles.count) articles")
        for (doc, analysis) in zip(prepared, analyses) {
            for finding in analysis.findings {
                precondition(finding.lineStart >= 1 && finding.lineStart <= finding.lineEnd && finding.lineEnd <= max(doc.lines.count, 1),
                             "finding lines \(finding.lineStart)...\(finding.lineEnd) of \(doc.lines.count)")
            }
        }
        return analyses.map(\.findings)
    }
}
