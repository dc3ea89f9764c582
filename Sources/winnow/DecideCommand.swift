import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow decide`: the last stage of a staged run — candidate search, clusters, canonicals and
/// decisions over analysis records, reported as `scan` reports them (without `clean.jsonl`,
/// which needs the text: take it from `scan`, or re-read the inputs with the decisions).
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide over analysis records (the last stage of a staged run) and write the reports."
    )

    @Argument(help: "Analysis-record files from `winnow analyze`, in input order (- for standard input).")
    var records: [String] = []

    @Option(help: "Folder for decisions.jsonl, summary.md and report.csv.")
    var out: String

    @OptionGroup var match: MatchOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !records.isEmpty else { throw ValidationError("give at least one records file") }
    }

    func run() throws {
        var all: [AnalysisRecord] = []
        for path in records {
            do { all += try AnalysisRecordFile.decode(StageInputs.bytes(of: path)) } catch let e as RecordError {
                Console.error("\(Escape.terminal(path)): \(e)")
                throw WinnowExit.error
            }
        }
        let match = self.match.settings
        let analyses = all.map(\.analysis)
        let decided: (decisions: [Decision], clusters: [Cluster], archived: [Int: ArchiveMatch], revisions: [Decision])
        do { decided = try ScanEngine(rules: .empty, match: match).decide(analyses) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        var counters = StageCounters()
        counters.articles = analyses.count
        counters.linesFlagged = analyses.reduce(0) { $0 + $1.strippedLineCount }
        counters.excerpts = analyses.filter(\.isExcerpt).count
        for d in decided.decisions { counters.decisions[d.kind.rawValue, default: 0] += 1 }
        counters.clusters = decided.clusters.count
        let report = ScanReport(articles: all.map(\.article), analyses: analyses, decisions: decided.decisions,
                                clusters: decided.clusters, problems: [], counters: counters, inputs: records)
        let reporters: [any Reporter] = [DecisionsReporter(), SummaryReporter(), CSVReporter()]
        do { try Reporters.write(report, reporters: reporters, to: out) } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        if !quiet { Console.info("\(analyses.count) documents: \(counters.decisions["keep"] ?? 0) kept, \(counters.decisions["merge"] ?? 0) merged, \(counters.decisions["remove"] ?? 0) removed -> \(out)") }
    }
}
