import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow verify`: the verification step of candidate search for pairs found elsewhere (the
/// Spark job's joins on SimHash blocks and shared shingles), with `scan`'s judge and weights.
///
/// Input (see `ExchangeFormat`): a JSON line per document the pairs name (its record and the
/// document frequencies of its sketch shingles), then `pair A B` lines (judged both ways) and
/// `cut Q C` lines (does the cut-off line of excerpt page Q start article C?). Output: one
/// `link FROM TO …` line per verified direction (ending in `cut` for a cut-lead link), in
/// input order.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify candidate pairs of analysis records (a distributed run's pair judge)."
    )

    @Argument(help: "The exchange lines to read (- for standard input).")
    var input = "-"

    @Option(help: "The file to write (- for standard output).")
    var out = "-"

    @OptionGroup var match: MatchOptions

    func run() throws {
        let settings = match.settings
        var docs: [Int: MatchDocument] = [:]
        var out = ""
        do {
            for (number, text) in try ExchangeFormat.lines(of: input) {
                switch try ExchangeFormat.parse(text, lineNumber: number) {
                case .document(let d):
                    docs[d.index] = DistributedDecide.matchDocument(d.record.analysis, frequencies: d.frequencies)
                case .pair(let x, let y):
                    guard let a = docs[x], let b = docs[y] else { throw ExchangeError("line \(number): pair names an unknown document") }
                    let (ab, ba) = DistributedDecide.verify(a, b, settings: settings)
                    if ab.kind != nil || ab.figuresDiffer { out += ExchangeFormat.linkLine(from: x, to: y, ab) }
                    if ba.kind != nil || ba.figuresDiffer { out += ExchangeFormat.linkLine(from: y, to: x, ba) }
                case .cut(let x, let y):
                    guard let q = docs[x], let c = docs[y] else { throw ExchangeError("line \(number): cut names an unknown document") }
                    if let r = DistributedDecide.cutLead(q, in: c, settings: settings) {
                        out += ExchangeFormat.linkLine(from: x, to: y, r, cut: true)
                    }
                case .link:
                    throw ExchangeError("line \(number): verify reads documents, pairs and cuts")
                }
            }
        } catch let e as ExchangeError {
            Console.error(e.description)
            throw WinnowExit.error
        }
        try ExchangeFormat.write(out, to: self.out)
    }
}
