import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow stats`: pass 1 of a staged run — per-site line statistics of the inputs, or the sum
/// of statistics files (`--merge`), written as a `WNLS` file for `winnow analyze --stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count lines per site (pass 1 of a staged run), or merge statistics files.",
        discussion: """
        `winnow stats INPUTS --out S`, `winnow analyze INPUTS --stats S --out R` and \
        `winnow decide R --out DIR` give the same decisions as `winnow scan INPUTS --out DIR`. \
        With --merge the inputs are statistics files and their counts are summed (shards of one \
        batch: a story split across shards then counts once per shard).
        """
    )

    @Argument(help: "Inputs as `scan` reads them, or statistics files with --merge.")
    var inputs: [String] = []

    @Option(help: "The statistics file to write (- for standard output).")
    var out: String

    @Flag(help: "Sum statistics files instead of reading articles.")
    var merge = false

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
    }

    func run() throws {
        if merge {
            var total = LineStatistics()
            for path in inputs {
                do { total.merge(try LineStatisticsFile.decode(StageInputs.bytes(of: path))) } catch let e as RecordError {
                    Console.error("\(Escape.terminal(path)): \(e)")
                    throw WinnowExit.error
                }
            }
            try StageInputs.write(LineStatisticsFile.encode(total), to: out)
            return
        }
        try TextNormalizer.prepare()
        let read = StageInputs.read(inputs, quiet: quiet, followSymlinks: followSymlinks)
        let engine = ScanEngine(rules: .empty)
        let statistics = engine.statistics(of: engine.prepare(read.articles))
        try StageInputs.write(LineStatisticsFile.encode(statistics), to: out)
        if !quiet { Console.info("\(read.articles.count) documents, \(statistics.documentsPerSite.count) sites -> \(out)") }
        if read.hadProblems { throw WinnowExit.error }
    }
}
