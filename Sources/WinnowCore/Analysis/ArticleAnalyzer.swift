/// The per-article step: finds furniture lines and fingerprints what remains.
///
/// A pure function of the prepared article, the shared line statistics, the rules and the
/// settings; it can run on any core or machine (the "analyze" map step).
///
/// Layout: lines are first judged on their own (rules, site templates, dates, metadata,
/// breadcrumbs, cut-off excerpts, related lists). Lines that read like article text and carry
/// no such evidence anchor the body. Before the body only evidenced lines are furniture (titles
/// and bylines survive); inside it only the strongest evidence counts; after it, everything from
/// the first notice on is furniture (the blocks that follow a disclaimer).
public struct ArticleAnalyzer: Sendable {
    /// Rules to apply.
    public let rules: RuleSet
    /// Thresholds.
    public let settings: AnalysisSettings

    /// Creates an analyzer.
    public init(rules: RuleSet, settings: AnalysisSettings = AnalysisSettings()) {
        self.rules = rules
        self.settings = settings
    }

    /// Analyzes one article.
    public func analyze(_ doc: PreparedArticle, statistics: LineStatistics) -> ArticleAnalysis {
        let site = doc.article.site
        let counts = statistics.site(site)
        let shapes = doc.shapes
        let n = shapes.count
        var evidence = [LineEvidence](repeating: LineEvidence(), count: n)
        let listing = ListingDetector.listingLines(shapes: shapes, maxGap: settings.listingMaxGap, title: doc.titleLine,
                                                   itemMinSize: settings.coreLongSize / 2)

        for i in 0..<n where !shapes[i].isBlank {
            let shape = shapes[i]
            var e = LineEvidence()
            for r in rules.matches(normalized: doc.lines[i].normalized, original: doc.lines[i].original)
            where applies(rules.rules[r].scope, line: i, count: n, shape: shape, doc: doc, site: site) {
                if rules.rules[r].category.isFurniture { e.furnitureRules.append(r) } else { e.otherRules.append(r) }
            }
            if counts.documents >= settings.minSiteDocuments {
                e.templateDocuments = counts.documents(withLine: shape.key)
                e.templateShare = Double(e.templateDocuments) / Double(counts.documents)
                // Sentence-like lines need a larger share: the same story reposted on one site is not its template.
                let share = shape.size >= settings.coreLongSize && shape.endsWithTerminal ? settings.bodyTemplateMinShare : settings.templateMinShare
                e.isTemplate = e.templateDocuments >= settings.templateMinDocuments && e.templateShare >= share
            }
            e.isDate = shape.dateOnly
            e.isMeta = shape.hasDate && shape.size <= settings.metaMaxSize && !shape.endsWithTerminal
                && !shape.isTruncated && shape.innerPunctuation == 0
            e.isNavigation = shape.separators >= 2 && !shape.endsWithTerminal || (shape.bulleted && shape.size <= 12)
            e.isTruncated = shape.isTruncated
            e.inListing = listing.contains(i)
            evidence[i] = e
        }

        // Body anchors: text-like lines with no evidence against them.
        let title = doc.titleLine
        let core = (0..<n).filter { i in
            let s = shapes[i]
            return i != title && !s.isBlank && !evidence[i].isStrong
                && ((s.endsWithTerminal && s.size >= settings.coreMinSize) || (s.size >= settings.coreLongSize && s.innerPunctuation > 0))
        }
        var body: ClosedRange<Int>?
        var isExcerpt = false
        if let block = BodyBlocks.main(core: core, shapes: shapes, evidence: evidence, minShare: settings.bodyBlockMinShare) {
            body = block
        } else if let main = mainLine(shapes: shapes, evidence: evidence, title: title) {
            body = main...main
            isExcerpt = shapes[main].trailingEllipsis || shapes[main].leadingEllipsis
            evidence[main].isTruncated = false
        }

        var labels = [LineLabel?](repeating: nil, count: n)
        let firstTailNotice = body.flatMap { b in (b.upperBound + 1..<n).first { evidence[$0].isStrong } }
        for i in 0..<n where !shapes[i].isBlank && i != title {
            var e = evidence[i]
            let region: RulePosition = body.map { i < $0.lowerBound ? .head : i > $0.upperBound ? .tail : .any } ?? .head
            e.furnitureRules.removeAll { r in
                let p = rules.rules[r].scope.position
                return !(p == .any || p == region || (p == .outsideBody && region != .any))
            }
            let flagged: Bool
            if let b = body, b.contains(i) {
                flagged = e.inListing || e.isDate || e.templateShare >= settings.bodyTemplateMinShare && e.isTemplate
                    || e.furnitureRules.contains { rules.rules[$0].scope.position == .any }
            } else if let b = body, i > b.upperBound {
                flagged = e.isStrong || (firstTailNotice.map { i > $0 } ?? false)
            } else {
                flagged = e.isStrong
            }
            if flagged { labels[i] = label(for: e, shape: shapes[i]) }
        }

        return finish(doc, site: site, labels: labels, evidence: evidence, body: body, isExcerpt: isExcerpt)
    }

    /// When no line anchors a body, the most prose-like line is the content (an excerpt page):
    /// the largest line with clause punctuation, titles and menus counting a quarter.
    private func mainLine(shapes: [LineShape], evidence: [LineEvidence], title: Int?) -> Int? {
        var best: Int?
        var bestScore = -1
        for i in shapes.indices where i != title && !shapes[i].isBlank {
            let e = evidence[i]
            if e.inListing || e.isTemplate || e.isDate || e.isMeta || e.isNavigation || !e.furnitureRules.isEmpty { continue }
            let score = shapes[i].innerPunctuation > 0 ? shapes[i].size * 4 : shapes[i].size
            if score > bestScore { best = i; bestScore = score }
        }
        return best
    }

    private func applies(_ scope: RuleScope, line: Int, count: Int, shape: LineShape, doc: PreparedArticle, site: String) -> Bool {
        if let max = scope.maxLineSize, shape.size > max { return false }
        if let within = scope.withinLines {
            switch scope.position {
            case .head: if line >= within { return false }
            case .tail: if line < count - within { return false }
            default: if line >= within && line < count - within { return false }
            }
        }
        if !scope.languages.isEmpty && !scope.languages.contains(doc.language) { return false }
        if !scope.sites.isEmpty && !scope.sites.contains(site) { return false }
        return true
    }
}
