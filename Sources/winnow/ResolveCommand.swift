import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow resolve`: clusters and decisions for whole link components found elsewhere (the
/// Spark job), with `scan`'s clusterer and decider, written as `decisions.jsonl` lines.
///
/// Input (see `ExchangeFormat`): a JSON line per document of the components (its position N in
/// the whole batch, record, shingle frequencies, representative when it is an exact copy, the
/// origin to report), and a `link FROM TO …` line per verified link among them. Output:
/// `N<TAB>decision` per document, in N order. Every link and every exact copy's representative
/// must be inside the input: components are whole. Exact copies may be left out of their
/// component (its representative's line counts them as `hidden`) and decided in any later run
/// from a line naming their sibling's decision (`like`): a story copied 50,000 times is
/// clustered as its few distinct texts.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Cluster whole link components and write their decisions (a distributed run's last step)."
    )

    @Argument(help: "The exchange lines to read (- for standard input).")
    var input = "-"

    @Option(help: "The file to write (- for standard output).")
    var out = "-"

    @OptionGroup var match: MatchOptions

    func run() throws {
        var documents: [ExchangeFormat.Document] = []
        var links: [(from: Int, to: Int, relation: PairRelation)] = []
        do {
            for (number, text) in try ExchangeFormat.lines(of: input) {
                switch try ExchangeFormat.parse(text, lineNumber: number) {
                case .document(let d): documents.append(d)
                case .link(let from, let to, let relation, _): links.append((from, to, relation))
                case .pair, .cut: throw ExchangeError("line \(number): resolve reads documents and links")
                }
            }
            try ExchangeFormat.write(try Self.decide(documents, links: links, settings: match.settings), to: out)
        } catch let e as ExchangeError {
            Console.error(e.description)
            throw WinnowExit.error
        }
    }

    /// The decision lines, `N<TAB>json`, in batch order.
    static func decide(_ input: [ExchangeFormat.Document], links: [(from: Int, to: Int, relation: PairRelation)],
                       settings: MatchSettings) throws -> String {
        // Left-out exact copies take their sibling's decision; the rest are clustered.
        var out: [(index: Int, line: String)] = input.compactMap { d in
            d.like.map { (d.index, DecisionsReporter.line(DistributedDecide.siblingDecision($0, id: d.record.analysis.id),
                                                          analysis: d.record.analysis, article: d.record.article)) }
        }
        // Local positions follow the batch order: the clusterer breaks ties by position.
        let documents = input.filter { $0.like == nil }.sorted { $0.index < $1.index }
        var position: [Int: Int] = [:]
        for (k, d) in documents.enumerated() {
            guard position.updateValue(k, forKey: d.index) == nil else { throw ExchangeError("document \(d.index) given twice") }
        }
        let analyses = documents.map(\.record.analysis)
        var matches = documents.map { DistributedDecide.matchDocument($0.record.analysis, frequencies: $0.frequencies) }
        var copies: [Int: Int] = [:]
        for (k, d) in documents.enumerated() {
            guard let rep = d.copyOf else { continue }
            guard let r = position[rep] else { throw ExchangeError("document \(d.index) copies \(rep), which is not in the input") }
            copies[k] = r
        }
        for (copy, rep) in copies { DistributedDecide.weighLikeRepresentative(&matches[copy], matches[rep]) }
        let local = try links.map { l -> CandidateSearch.Link in
            guard let from = position[l.from], let to = position[l.to] else {
                throw ExchangeError("link \(l.from) -> \(l.to) names a document not in the input")
            }
            return DistributedDecide.link(from: from, to: to, relation: l.relation)
        }
        var hidden: [Int: Int] = [:]
        for (k, d) in documents.enumerated() where d.hiddenCopies > 0 { hidden[k] = d.hiddenCopies }
        let decided = DistributedDecide.decide(analyses, documents: matches, copies: copies, links: local, settings: settings,
                                               hiddenCopies: hidden)
        for (k, d) in documents.enumerated() {
            out.append((d.index, DecisionsReporter.line(decided.decisions[k], analysis: analyses[k], article: d.record.article)))
        }
        return out.sorted { $0.index < $1.index }.map { "\($0.index)\t\($0.line)\n" }.joined()
    }
}
