import WinnowCore

/// Everything a scan produced, for the reporters.
public struct ScanReport: Sendable {
    /// The articles, in input order.
    public var articles: [Article]
    /// Their analyses (same order).
    public var analyses: [ArticleAnalysis]
    /// Their decisions (same order).
    public var decisions: [Decision]
    /// Clusters of two or more documents.
    public var clusters: [Cluster]
    /// Skipped input records.
    public var problems: [BadRecord]
    /// Stage counters.
    public var counters: StageCounters
    /// Inputs as given on the command line.
    public var inputs: [String]
    /// Revised decisions on documents of earlier runs (written after this run's decisions).
    public var revisions: [Decision] = []
    /// The findings their own run reported, by id, repeated on their revised lines.
    public var revisionFindings: [String: [Finding]] = [:]
    /// Input records that are not articles, counted by reason (WARC requests, revisits, redirects…).
    public var notArticles: [String: Int] = [:]

    /// Creates a report.
    public init(articles: [Article], analyses: [ArticleAnalysis], decisions: [Decision], clusters: [Cluster],
                problems: [BadRecord], counters: StageCounters, inputs: [String]) {
        self.articles = articles
        self.analyses = analyses
        self.decisions = decisions
        self.clusters = clusters
        self.problems = problems
        self.counters = counters
        self.inputs = inputs
    }
}

/// Renders one output file of a scan. Each reporter is its own type, in its own file.
public protocol Reporter: Sendable {
    /// The file name inside `--out`.
    var fileName: String { get }
    /// The file's bytes.
    func render(_ report: ScanReport) -> [UInt8]
}

/// The reporters a scan writes by default.
public enum Reporters {
    /// decisions.jsonl, clean.jsonl, summary.md, report.csv.
    public static let scan: [any Reporter] = [DecisionsReporter(), CleanTextReporter(), SummaryReporter(), CSVReporter()]

    /// Renders every reporter and writes each file atomically into `directory`.
    public static func write(_ report: ScanReport, reporters: [any Reporter], to directory: String) throws {
        try AtomicFile.makeDirectory(directory)
        // Render and write each file on its own core; report the first failure.
        var failure: Error?
        Parallel.forEachChunk(count: reporters.count, chunk: 1) { range in
            range.map { i -> String? in
                do {
                    try AtomicFile.write(reporters[i].render(report), to: directory + "/" + reporters[i].fileName)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        } collect: { results in
            for case let message? in results where failure == nil {
                failure = WinnowIOError.cannotWrite(path: directory, reason: message)
            }
        }
        if let failure { throw failure }
    }
}
