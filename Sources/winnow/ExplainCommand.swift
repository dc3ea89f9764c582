import ArgumentParser
import WinnowCore
import WinnowIO

/// `winnow explain A B INPUTS`: why two documents are (or are not) copies of each other.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain how two documents compare: SimHash distance, shingle overlap, stripped lines, verdict."
    )

    @Argument(help: "The first document id.")
    var first: String

    @Argument(help: "The second document id.")
    var second: String

    @Argument(help: "The inputs the documents are in (the whole batch: line statistics need it).")
    var inputs: [String]

    @OptionGroup var rules: RuleOptions

    func run() throws {
        try TextNormalizer.prepare()
        let ruleSet = try rules.load()
        let read = try InputReader().read(inputs)
        let engine = ScanEngine(rules: ruleSet)
        let prepared = engine.prepare(read.articles)
        let analyses = engine.analyze(prepared, statistics: engine.statistics(of: prepared))
        let (matches, _, _) = try CandidateSearch(settings: engine.match).run(analyses)
        guard let a = analyses.firstIndex(where: { $0.id == first }), let b = analyses.firstIndex(where: { $0.id == second }) else {
            Console.error("both ids must be in the inputs (\(Escape.terminal(first)), \(Escape.terminal(second)))")
            throw WinnowExit.error
        }
        for i in [a, b] {
            let an = analyses[i], m = matches[i]
            print("== \(Escape.terminal(an.id))  site \(Escape.terminal(an.site))  language \(an.language)  excerpt \(an.isExcerpt)")
            print("   simhash \(StableHash.hex(an.fingerprint.simhash))  tokens \(an.fingerprint.tokens)  sketch \(an.fingerprint.sketch.count)  weight \(m.totalWeight)  lead \(m.lead.count)")
            print("   body lines \(an.body.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "none")")
            for f in an.findings {
                let text = prepared[i].lines[f.lineStart - 1].original
                print("   line \(f.lineStart)-\(f.lineEnd) \(f.category.rawValue) [\(f.rule)] \(Escape.terminal(text, limit: 60))")
            }
        }
        for (x, y) in [(a, b), (b, a)] {
            let r = PairJudge.relate(matches[x], to: matches[y], settings: engine.match)
            let lead = SketchOverlap.intersection(matches[x].sketch, matches[y].lead)
            print("\(Escape.terminal(analyses[x].id)) -> \(Escape.terminal(analyses[y].id)): \(r.kind?.rawValue ?? "not a copy")  hamming \(r.hamming)/\(engine.match.simhashDistance)  jaccard \(Decider.fmt(r.jaccard))/\(engine.match.nearDuplicateJaccard)  containment \(Decider.fmt(r.containment))/\(engine.match.containment)  in lead \(lead)/\(matches[x].sketch.count)")
        }
    }
}
