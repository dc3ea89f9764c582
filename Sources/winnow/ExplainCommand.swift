import ArgumentParser
import WinnowCore
import WinnowIO
import WinnowStore

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

    @Option(help: "Archive index: ids not in the inputs are looked up there.")
    var index: String?

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    func run() throws {
        try TextNormalizer.prepare()
        let ruleSet = try rules.load()
        var reader = InputReader()
        reader.followSymlinks = followSymlinks
        let read = try reader.read(inputs)
        for w in read.warnings { Console.warning(w) }
        let engine = ScanEngine(rules: ruleSet)
        let prepared = engine.prepare(read.articles)
        let analyses = engine.analyze(prepared, statistics: engine.statistics(of: prepared))
        let (matches, _, _, _) = try CandidateSearch(settings: engine.match).run(analyses)
        let a = analyses.firstIndex(where: { $0.id == first }), b = analyses.firstIndex(where: { $0.id == second })
        if a == nil || b == nil {
            try explainWithArchive(batch: a ?? b, analyses: analyses, matches: matches, engine: engine)
            return
        }
        guard let a, let b else { return }
        for i in [a, b] {
            let an = analyses[i], m = matches[i]
            print("== \(Escape.terminal(an.id))  site \(Escape.terminal(an.site))  language \(an.language)  excerpt \(an.isExcerpt)")
            let fp = an.fingerprint
            print("   simhash \(StableHash.hex(fp.simhash))  tokens \(fp.tokens)  sketch \(fp.sketch.count)  weight \(m.totalWeight)  lead \(m.lead.count)")
            print("   figures \(fp.figures.count) (\(fp.figureContexts.count) in context)  words \(Int(Figures.words(fp).rounded()))  in paragraphs \(fp.paragraphTokens) of \(fp.tokens) tokens"
                  + "  \(Figures.isReport(fp) ? "templated report" : Figures.isRunOnReport(fp) ? "run-on report" : "not a report")")
            print("   in template lines \(fp.templateTokens) of \(fp.tokens) tokens  \(Figures.isTemplated(fp) ? "filled-in template" : "own text")"
                  + "  figures in order \(fp.figureOrder.count)  figure lines \(fp.figureLines.count)"
                  + "  sentences with figures \(fp.figureSentences.count) (\(fp.figureSentences.filter { $0 & 1 == 1 }.count) stripped)"
                  + "  headline shingles said in the text \(fp.subjectMask.nonzeroBitCount) of \(min(fp.title.count, 64))"
                  + ", words \(fp.headlineWords.said.nonzeroBitCount) of \(min(fp.headlineWords.words.count, 64))"
                  + (fp.isHeadlineOnly ? "  (kept only its headline)" : ""))
            print("   body lines \(an.body.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "none")")
            for f in an.findings {
                let text = prepared[i].lines[f.lineStart - 1].original
                print("   line \(f.lineStart)-\(f.lineEnd) \(f.category.rawValue) [\(f.rule)] \(Escape.terminal(text, limit: 60))")
            }
        }
        for (x, y) in [(a, b), (b, a)] {
            let r = PairJudge.relate(matches[x], to: matches[y], settings: engine.match)
            let lead = SketchOverlap.intersection(matches[x].sketch, matches[y].lead)
            let apart = r.kind == nil ? PairJudge.reasonApart(matches[x], matches[y], settings: engine.match).map { " (\($0))" } ?? "" : ""
            print("\(Escape.terminal(analyses[x].id)) -> \(Escape.terminal(analyses[y].id)): \(r.kind?.rawValue ?? "not a copy")\(apart)  hamming \(r.hamming)/\(engine.match.simhashDistance)  jaccard \(Decider.fmt(r.jaccard))/\(engine.match.nearDuplicateJaccard)  containment \(Decider.fmt(r.containment))/\(engine.match.containment)  in lead \(lead)/\(matches[x].sketch.count)")
            // The page's cut lead line found in the other's opening links it as an excerpt, whatever the texts weigh.
            if !matches[x].cutLead.isEmpty, let l = PairJudge.leadLine(of: matches[x], in: matches[y], settings: engine.match) {
                print("   by its lead line: an excerpt of \(Escape.terminal(analyses[y].id))  containment \(Decider.fmt(l.containment))")
            }
        }
    }

    /// One document from the inputs (or none), the other from the archive.
    private func explainWithArchive(batch: Int?, analyses: [ArticleAnalysis], matches: [MatchDocument], engine: ScanEngine) throws {
        guard let index else {
            Console.error("both ids must be in the inputs (\(Escape.terminal(first)), \(Escape.terminal(second))), or pass --index")
            throw WinnowExit.error
        }
        let store = try ArchiveSession.openStore(index)
        let missing = [first, second].filter { id in !analyses.contains { $0.id == id } }
        var archived: [MatchDocument] = []
        for id in missing {
            guard let (a, decision, canonical) = try store.article(id: id) else {
                Console.error("\(Escape.terminal(id)) is neither in the inputs nor in \(index)")
                throw WinnowExit.error
            }
            print("== \(Escape.terminal(id))  archived by run \(Escape.terminal(a.run)): \(decision), canonical \(Escape.terminal(canonical))")
            if a.fingerprint.sketch.isEmpty { print("   (not a canonical: its fingerprint was not kept)") }
            archived.append(MatchDocument(id: a.id, publishedAt: a.publishedAt, isExcerpt: a.isExcerpt, fingerprint: a.fingerprint,
                                          weights: Array(repeating: 1, count: a.fingerprint.sketch.count),
                                          totalWeight: Float(a.fingerprint.sketch.count), size: a.fingerprint.sketch.count))
        }
        let docs = (batch.map { [matches[$0]] } ?? []) + archived
        guard docs.count == 2 else { return }
        for (x, y) in [(docs[0], docs[1]), (docs[1], docs[0])] {
            let r = PairJudge.relate(x, to: y, settings: engine.match)
            print("\(Escape.terminal(x.id)) -> \(Escape.terminal(y.id)): \(r.kind?.rawValue ?? "not a copy")  hamming \(r.hamming)  jaccard \(Decider.fmt(r.jaccard))  containment \(Decider.fmt(r.containment))")
        }
    }
}
