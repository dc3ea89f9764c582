import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO
import WinnowStore

extension CheckFormat: ExpressibleByArgument {}

/// What `winnow check --fail-on` compares finding severities against.
enum CheckFailOn: String, ExpressibleByArgument, CaseIterable {
    case info, warning, error, off

    /// The severity that fails the check, nil for `off`.
    var severity: Severity? { Severity(rawValue: rawValue) }
}

/// `winnow check FILES…`: pre-publish checks of drafts, for CI jobs and pre-commit hooks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts before publishing: pasted furniture and disclaimers, moderation findings, copies of archived articles or of each other.",
        discussion: """
        Each draft is analysed as scan analyses articles (the same rules; line statistics of the \
        drafts alone) and matched against the other drafts and, with --index, against the \
        archive's canonical articles. The archive is opened read-only, without the run lock: a \
        nightly scan may run meanwhile.

        Severities in a draft: an exact or near-duplicate of an archived article is an error; a \
        partial copy or excerpt of one, and a copy of another draft, are warnings; furniture a \
        rule finds (boilerplate, disclaimers) is at least a warning, since a draft only carries \
        it when it was pasted in; furniture only a built-in detector sees keeps the detector's \
        severity (info unless tuned); moderation and other rules keep their own severity.

        Exit codes: 0 clean; 1 a finding at or above --fail-on (default: warning); 2 an input \
        could not be read, a record was skipped, or the archive could not be opened (the rest \
        is still checked and reported); 64 usage errors.
        """
    )

    @Argument(help: "Drafts: Markdown or text files (one article each, id = the path), JSONL files of articles, or - for standard input.")
    var files: [String]

    @Option(help: "Archive index (SQLite) to match the drafts against; opened read-only.")
    var index: String?

    @OptionGroup var rules: RuleOptions

    @Option(help: "Exit 1 when a finding has this severity or higher (off: never).")
    var failOn: CheckFailOn = .warning

    @Option(help: "Report format: text, json, sarif, github, junit.")
    var format: CheckFormat = .text

    @Option(name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "After a clean check, add the drafts to the archive as canonicals (takes the run lock; creates the archive when missing).")
    var record = false

    @Flag(help: "With --record: wait for a run holding the archive instead of failing.")
    var waitForIndex = false

    @OptionGroup var match: MatchOptions

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one draft (a Markdown or text file, a JSONL file, or -)") }
        guard files.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read once") }
        guard !record || index != nil else { throw ValidationError("--record needs --index ARCHIVE") }
        guard !waitForIndex || record else { throw ValidationError("--wait-for-index goes with --record") }
    }

    func run() throws {
        let started = Date()
        let ruleSet = try rules.load()
        let (drafts, problems) = CheckInputs.read(files, followSymlinks: followSymlinks)
        // --record writes: the run lock first (no run may change the archive between the check
        // and the commit), which also creates and migrates the archive.
        let session: ArchiveSession?
        do { session = try record ? index.map { try ArchiveSession(path: $0, wait: waitForIndex) } : nil } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        defer { session?.close() }
        let reader: ArchiveReader?
        do {
            let bands = ProcessInfo.processInfo.environment["WINNOW_TEST_NO_BAND_INDEX"] == nil
            reader = try index.map { try ArchiveReader(path: $0, bandIndexes: bands) }
        } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let match = self.match.settings
        let outcome: CheckRunner.Outcome
        do { outcome = try CheckRunner(engine: ScanEngine(rules: ruleSet, match: match)).run(drafts, archive: reader) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let report = CheckReport(drafts: outcome.drafts, rules: outcome.rules, failOn: failOn.severity,
                                 problems: problems, toolVersion: WinnowVersion.string, archive: index)
        try write(format.reporter.render(report))
        // The text report already shows problems where it is printed; other formats carry them inside.
        if format != .text || output != nil { for p in problems { Console.error(p.description) } }
        let code: Int32 = !problems.isEmpty ? 2 : report.failed ? 1 : 0
        if let session {
            if code == 0 {
                try commit(outcome, drafts: drafts, to: session, started: started)
            } else if !quiet {
                Console.info("nothing recorded: the check did not pass")
            }
        }
        if !quiet { summarize(report, seconds: Date().timeIntervalSince(started)) }
        if code != 0 { throw ExitCode(code) }
    }

    /// Writes the report to `--output` atomically, or to standard output.
    private func write(_ bytes: [UInt8]) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do { try AtomicFile.write(bytes, to: output) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
    }

    /// `--record`: the drafts go into the archive through the scan's commit, as one run.
    private func commit(_ outcome: CheckRunner.Outcome, drafts: [Article], to session: ArchiveSession, started: Date) throws {
        let run = RunRecord(id: ArchiveSession.runId(started), startedAt: ArchiveSession.iso(started), finishedAt: ArchiveSession.iso(Date()),
                            inputs: files, rulesVersion: rules.version, winnowVersion: WinnowVersion.string)
        do {
            try session.store.commit(run: run, articles: drafts, analyses: outcome.analyses, decisions: outcome.decisions,
                                     revisions: outcome.revisions, statistics: outcome.statistics)
        } catch {
            Console.error("\(error) (nothing was recorded)")
            throw WinnowExit.error
        }
        if !quiet { Console.info("recorded \(drafts.count) drafts in \(index ?? "") as run \(run.id)") }
    }

    /// One line on standard error: counts, threshold, time.
    private func summarize(_ report: CheckReport, seconds: Double) {
        let c = report.counts
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var line = "checked \(count(report.drafts.count, "draft"))"
        if let index { line += " against \(index)" }
        line += String(format: " in %.2f s: ", seconds)
        line += [count(c[.error] ?? 0, "error"), count(c[.warning] ?? 0, "warning"), count(c[.info] ?? 0, "note")].joined(separator: ", ")
        if !report.problems.isEmpty { line += ", " + count(report.problems.count, "input problem") }
        line += report.failed ? " (fails at \(failOn.rawValue))" : failOn == .off ? "" : " (passes at \(failOn.rawValue))"
        Console.info(line)
    }
}
