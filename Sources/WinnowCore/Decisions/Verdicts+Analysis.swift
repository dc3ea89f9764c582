/// The detectors' tuning for one article, with the rules and detectors an editor marked
/// false-positive on it switched off (the analyzer reads this instead of `rules.detectors`).
struct SuppressedTuning {
    /// The rule set's tuning.
    let detectors: DetectorSettings
    /// Rule and detector ids not applied to this article.
    let suppressed: Set<String>

    /// Whether a detector runs on this article.
    func isEnabled(_ d: BuiltInDetector) -> Bool {
        detectors.isEnabled(d) && !suppresses(d.rawValue)
    }

    /// Whether a rule (by id) is left out for this article.
    func suppresses(_ id: String) -> Bool { !suppressed.isEmpty && suppressed.contains(id) }

    /// A numeric parameter of a detector.
    func number(_ d: BuiltInDetector, _ key: String) -> Double? { detectors.number(d, key) }
}

extension ScanEngine {
    /// Brings editors' verdicts into a batch: loads those naming its documents (by id or exact
    /// text, on either side), analyses again — without the overturned rules — the documents an
    /// editor marked a rule false-positive on, and resolves the verdicts for `decide`.
    ///
    /// A rule's false-positive verdict is keyed by the text the rule was applied to, so the first
    /// analysis (with every rule) finds re-crawls of that text; the second one is what counts.
    /// Costs two indexed reads per batch when no verdict applies.
    public func applyVerdicts(to analyses: [ArticleAnalysis], prepared: [PreparedArticle], statistics: LineStatistics,
                              lookup: any VerdictLookup) throws -> (analyses: [ArticleAnalysis], verdicts: BatchVerdicts) {
        try applyVerdicts(to: analyses, prepare: { prepared[$0] }, statistics: statistics, lookup: lookup)
    }

    /// `applyVerdicts(to:prepared:statistics:lookup:)` for a batch whose prepared articles are not
    /// held: `prepare` gives document `i` prepared (again), for the few an editor's verdict re-analyses.
    public func applyVerdicts(to analyses: [ArticleAnalysis], prepare: @Sendable (Int) throws -> PreparedArticle, statistics: LineStatistics,
                              lookup: any VerdictLookup) throws -> (analyses: [ArticleAnalysis], verdicts: BatchVerdicts) {
        let ids = analyses.map(\.id)
        var keys = analyses.map { a in a.fingerprint.textKey.map { [$0] } ?? [] }
        var verdicts = try lookup.verdicts(ids: ids, keys: Array(Set(keys.joined())).sorted())
        guard !verdicts.isEmpty else { return (analyses, .none) }
        var out = analyses
        var suppressed: [Int: Verdict] = [:]
        let redo: [(doc: Int, rules: [String: Verdict])] = analyses.indices.compactMap { i in
            let rules = verdicts.suppressedRules(id: ids[i], keys: keys[i])
            return rules.isEmpty ? nil : (i, rules)
        }
        if !redo.isEmpty {
            let analyzer = self.analyzer
            var redone: [Int: ArticleAnalysis] = [:]
            var failure: Error?
            Parallel.forEachChunk(count: redo.count, chunk: 8) { range in
                range.map { k in
                    (redo[k].doc, Swift.Result {
                        analyzer.analyze(try prepare(redo[k].doc), statistics: statistics, suppressedRules: Set(redo[k].rules.keys))
                    })
                }
            } collect: {
                for (i, r) in $0 {
                    switch r {
                    case .success(let a): redone[i] = a
                    case .failure(let e): failure = failure ?? e
                    }
                }
            }
            if let failure { throw failure }
            var newKeys: [TextKey] = []
            for (i, rules) in redo {
                guard let a = redone[i] else { continue }
                // The verdict changed the outcome where the rule had fired.
                let fired = rules.values.filter { v in analyses[i].findings.contains { $0.rule == v.rule } }
                if let v = fired.max(by: { $0.number < $1.number }) { suppressed[i] = v }
                out[i] = a
                if let k = a.fingerprint.textKey, !keys[i].contains(k) {
                    keys[i].append(k)
                    newKeys.append(k)
                }
            }
            // Without the rule the text may be one an editor judged in another way too.
            if !newKeys.isEmpty { verdicts = verdicts.merging(try lookup.verdicts(ids: [], keys: newKeys.sorted())) }
        }
        var batch = BatchVerdicts(verdicts, ids: ids, keys: keys)
        batch.suppressed = suppressed
        return (out, batch)
    }
}
