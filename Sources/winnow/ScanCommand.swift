import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import WinnowCore
import WinnowIO
import WinnowStore

/// `winnow scan`: read articles, strip furniture, fingerprint, cluster near-duplicates, decide.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Clean and deduplicate crawled articles; write decisions and reports.",
        discussion: """
        INPUTS are JSONL files (one object per line: id and text required; title, url, \
        published_at, source optional), folders (every .txt/.md file is one article, id = its \
        relative path; .jsonl files inside are read as JSONL) or - for standard input. Writes decisions.jsonl, clean.jsonl, summary.md \
        and report.csv into --out, each atomically.
        """
    )

    @Argument(help: "JSONL, WARC/WET or HTML files (any of them gzipped), .txt/.md files, folders of them, or - for standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String

    @OptionGroup var rules: RuleOptions

    @OptionGroup var match: MatchOptions

    @Option(help: "Exit 1 when a finding has this severity or higher (info|warning|error), or when any document gets this decision (review|merge|remove). Default: off.")
    var failOn: FailThreshold = .off

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var log: LogOptions

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Option(help: "Worker threads (default: one per core). Output is the same for any number.")
    var jobs: Int?

    @Option(help: "Archive index (SQLite): match against earlier runs and record this run. Created if missing.")
    var index: String?

    @Flag(help: "Wait for another run holding the index instead of failing.")
    var waitForIndex = false

    @Option(help: "Id of this run in the archive (default: the start time).")
    var runId: String?

    @Option(help: "Language of report.html: zh or en (default: from LC_ALL/LC_MESSAGES/LANG; zh* gives zh).")
    var reportLang: ReportLanguage?

    @Flag(help: "Do not write report.html (it embeds every text: nightly runs nobody reviews can skip it).")
    var noHtmlReport = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (a JSONL file, a folder, or -)") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read once") }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be 1...1024") }
    }

    func run() throws {
        SignalHandling.install()
        let started = Date()
        log.apply()
        if let jobs { Parallel.jobs.store(jobs, ordering: .relaxed) }
        // ICU's tables are built while the inputs are read.
        let icuReady = DispatchSemaphore(value: 0)
        let icuError = Mutex<Error?>(nil)
        DispatchQueue.global().async {
            do { try TextNormalizer.prepare() } catch { icuError.withLock { $0 = error } }
            icuReady.signal()
        }
        let ruleList = try rules.loadRules()
        let archive: ArchiveSession?
        do { archive = try index.map { try ArchiveSession(path: $0, wait: waitForIndex) } } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        defer { archive?.close() }
        let readStarted = Date()
        let progress = RunProgress(inputBytes: StageInputs.size(of: inputs))
        let display = ProgressDisplay.start(progress, options: log, quiet: quiet)
        defer { display?.stop() }
        let memory = MemoryProbe.start(progress)
        // The articles' texts go to a spool file as they are read: only a chunk of them is in
        // memory at a time, in every stage.
        let unique: ArticleSpool
        do { unique = try ArticleSpool() } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let stage = StageInputs.read(inputs, quiet: quiet, followSymlinks: followSymlinks, progress: progress, spool: unique)
        let read = stage.read, failedInputs = stage.failedInputs
        do { try unique.finish() } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let readSeconds = Date().timeIntervalSince(readStarted)
        icuReady.wait()
        if let error = icuError.withLock({ $0 }) {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        let ruleSet = try RuleOptions.compile(ruleList)

        let match = self.match.settings
        var engine = ScanEngine(rules: ruleSet, match: match)
        engine.progress = progress
        engine.keepsStatistics = archive != nil
        let result: ScanEngine.Result
        do {
            let history = try archive?.store.lineStatistics()
            let lookup = try archive?.store.loadIndex(maxDistance: match.simhashDistance)
            result = try engine.scan(unique, extraStatistics: history, archive: lookup, verdicts: archive?.store)
        } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        var report = ScanReport(articles: unique, analyses: result.analyses, decisions: result.decisions, clusters: result.clusters,
                                problems: read.problems, counters: result.counters, inputs: inputs)
        report.notArticles = read.skipped
        report.revisions = result.revisions
        if let archive, !result.revisions.isEmpty {
            do { report.revisionFindings = try archive.store.findings(of: result.revisions.map(\.id)) } catch {
                Console.error("\(error)")
                throw WinnowExit.error
            }
        }
        let writeStarted = Date()
        progress.enter(.write)
        let html = HTMLReportReporter(language: reportLang ?? .fromEnvironment(ProcessInfo.processInfo.environment))
        do { try Reporters.write(report, reporters: Reporters.scan + (noHtmlReport ? [] : [html]), to: out) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        if let archive {
            progress.enter(.archive)
            let run = RunRecord(id: runId ?? ArchiveSession.runId(started), startedAt: ArchiveSession.iso(started),
                                finishedAt: ArchiveSession.iso(Date()), inputs: inputs, rulesVersion: rules.version,
                                winnowVersion: WinnowVersion.string)
            let crash = ProcessInfo.processInfo.environment["WINNOW_TEST_CRASH_AFTER_WRITES"].flatMap { Int($0) }
            do {
                try SignalHandling.finishing("the archive commit") {
                    try archive.store.commit(run: run, articles: unique, analyses: result.analyses, decisions: result.decisions,
                                             revisions: result.revisions, statistics: result.statistics, reviewQueue: true,
                                             crashAfterWrites: crash)
                }
            } catch {
                Console.error("\(error) (the reports in \(out) describe this run; the archive was left as it was)")
                throw WinnowExit.error
            }
        }
        display?.stop()
        memory?.stop()
        if timings {
            var parts = [String(format: "read %.3f", readSeconds)]
            for stage in ["prepare", "statistics", "analyze", "decide"] {
                parts.append(String(format: "%@ %.3f (cpu %.3f)", stage, result.counters.seconds[stage] ?? 0, result.counters.cpuSeconds[stage] ?? 0))
            }
            parts.append(String(format: "write %.3f", Date().timeIntervalSince(writeStarted)))
            Console.info("timings (s): " + parts.joined(separator: ", "))
        }
        if !quiet {
            let secs = Date().timeIntervalSince(started)
            let c = result.counters.decisions
            Console.info(String(format: "%d documents (%.1f MB) in %.2f s: %d kept, %d merged, %d removed, %d for review; %d clusters; %d matched the archive; %d skipped records -> %@",
                                unique.count, Double(read.textBytes) / 1e6, secs, c["keep"] ?? 0, c["merge"] ?? 0, c["remove"] ?? 0,
                                c["review"] ?? 0, result.clusters.count, result.counters.archiveMatches, read.problems.count, out))
        }
        let code: Int32 = failedInputs > 0 || !read.problems.isEmpty ? 2 : shouldFail(result) ? 1 : 0
        // Everything is written and closed: leave without tearing down the in-memory batch,
        // which can take longer than the last stage on big inputs.
        archive?.close()
        fflush(nil)
        Foundation.exit(code)
    }

    private func shouldFail(_ result: ScanEngine.Result) -> Bool {
        switch failOn {
        case .off: return false
        case .review, .merge, .remove:
            return result.decisions.contains { $0.kind.rawValue == failOn.rawValue }
        case .info, .warning, .error:
            guard let threshold = Severity(rawValue: failOn.rawValue) else { return false }
            return result.analyses.contains { $0.findings.contains { $0.severity >= threshold } }
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
