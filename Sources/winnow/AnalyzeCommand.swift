import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow analyze`: pass 2 of a staged run — one analysis record per article, each a pure
/// function of the article, the rules and the statistics, written as a `WNAR` file.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse articles with given line statistics into analysis records (pass 2 of a staged run)."
    )

    @Argument(help: "Inputs as `scan` reads them (- for standard input).")
    var inputs: [String] = []

    @Option(help: "Line statistics from `winnow stats`.")
    var stats: String

    @Option(help: "The records file to write (- for standard output).")
    var out: String

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
    }

    func run() throws {
        let statistics: LineStatistics
        do { statistics = try LineStatisticsFile.decode(StageInputs.bytes(of: stats)) } catch let e as RecordError {
            Console.error("\(Escape.terminal(stats)): \(e)")
            throw WinnowExit.error
        }
        let ruleSet = try rules.load()
        let read = StageInputs.read(inputs, quiet: quiet, followSymlinks: followSymlinks)
        let engine = ScanEngine(rules: ruleSet)
        let analyses = engine.analyze(engine.prepare(read.articles), statistics: statistics)
        var bytes = AnalysisRecordFile.header
        for (article, analysis) in zip(read.articles, analyses) {
            bytes += AnalysisRecordFile.encode(AnalysisRecord(article: article, analysis: analysis))
        }
        try StageInputs.write(bytes, to: out)
        if !quiet { Console.info("\(analyses.count) records (\(bytes.count / max(1, analyses.count)) bytes each on average) -> \(out)") }
        if read.hadProblems { throw WinnowExit.error }
    }
}
