import WinnowCore

/// Everything a scan produced, for the reporters.
public struct ScanReport: Sendable {
    /// The articles, in input order: in memory, or fetched a chunk at a time from a spool.
    public var articles: any ArticleSource
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
    public init(articles: any ArticleSource, analyses: [ArticleAnalysis], decisions: [Decision], clusters: [Cluster],
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
    /// Renders the file, handing its bytes to `emit` in order, a piece at a time (a large file
    /// need never be in memory whole); fails when the report's articles cannot be fetched or
    /// `emit` fails.
    func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws
    /// Roughly how much work the file is, relative to the others (default 1): a set of files is
    /// started heaviest first, so the longest one is not left to run alone at the end.
    var renderWeight: Int { get }
}

extension Reporter {
    /// One unit of work: a small file.
    public var renderWeight: Int { 1 }

    /// The file's bytes, all at once.
    public func render(_ report: ScanReport) throws -> [UInt8] {
        var all: [UInt8] = []
        try render(report) { all += $0 }
        return all
    }
}

/// Bytes a reporter hands on whenever a megabyte has gathered.
struct ReportPieces {
    /// The bytes not yet handed on.
    var buffer = JSONBuffer(capacity: ReportPieces.size + (64 << 10))
    /// Bytes gathered before they are handed on.
    static let size = 1 << 20

    /// Hands the buffer on when it is full (`end`: whatever it holds).
    mutating func flush(_ emit: ([UInt8]) throws -> Void, end: Bool = false) throws {
        guard buffer.bytes.count >= (end ? 1 : Self.size) else { return }
        try emit(buffer.bytes)
        buffer = JSONBuffer(capacity: end ? 0 : Self.size + (64 << 10))
    }
}

/// The reporters a scan writes by default.
public enum Reporters {
    /// decisions.jsonl, clean.jsonl, summary.md, report.csv.
    public static let scan: [any Reporter] = [DecisionsReporter(), CleanTextReporter(), SummaryReporter(), CSVReporter()]

    /// Renders every reporter and writes the files into `directory` as one set: each is written
    /// and flushed under a temporary name first, and only when all of them are on disk are they
    /// renamed into place. A failure (a full disk, a read-only folder) leaves every file in
    /// `directory` as it was and no temporary file behind.
    public static func write(_ report: ScanReport, reporters: [any Reporter], to directory: String) throws {
        try AtomicFile.makeDirectory(directory)
        AtomicFile.removeStaleTemporaries(in: directory, names: reporters.map(\.fileName))
        // Render and write each file on its own core, the heaviest started first.
        let order = reporters.indices.sorted { (-reporters[$0].renderWeight, $0) < (-reporters[$1].renderWeight, $1) }
        var staged: [(Int, AtomicFile.Staged)] = []
        var failure: Error?
        Parallel.forEachChunk(count: reporters.count, chunk: 1) { range in
            range.map { k -> Result<(Int, AtomicFile.Staged), Error> in
                let i = order[k]
                return Result {
                    (i, try AtomicFile.stage(for: directory + "/" + reporters[i].fileName) { out in try reporters[i].render(report, emit: out.write) })
                }
            }
        } collect: { results in
            for r in results {
                switch r {
                case .success(let s): staged.append(s)
                case .failure(let e): if failure == nil { failure = e }
                }
            }
        }
        // Renamed into place in the order given, whatever order they were written in.
        let files = staged.sorted { $0.0 < $1.0 }.map(\.1)
        if let failure {
            AtomicFile.discard(files)
            throw Self.unwritten(failure, directory: directory)
        }
        try AtomicFile.commit(files)
    }

    /// The error for a set of outputs that was not written, saying that nothing changed.
    private static func unwritten(_ error: Error, directory: String) -> Error {
        guard case WinnowIOError.cannotWrite(let path, let reason) = error else { return error }
        return WinnowIOError.cannotWrite(path: path, reason: reason + " (no output was written; \(directory) holds what it held before)")
    }
}
