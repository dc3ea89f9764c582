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
        var (evidence, timedOut) = gatherEvidence(doc, statistics: statistics)
        let (body, isExcerpt) = locateBody(doc, evidence: &evidence)
        let labels = labelLines(doc, evidence: evidence, body: body)
        return finish(doc, site: doc.article.site, labels: labels, evidence: evidence, body: body, isExcerpt: isExcerpt,
                      timedOutRules: timedOut)
    }

    /// Judges every line on its own: rules, site templates, shapes, related lists. Also returns
    /// the regex rules whose step budget ran out on this document.
    func gatherEvidence(_ doc: PreparedArticle, statistics: LineStatistics) -> ([LineEvidence], [Int]) {
        let site = doc.article.site
        let counts = statistics.site(site, language: doc.language)
        let shapes = doc.shapes
        let n = shapes.count
        var evidence = [LineEvidence](repeating: LineEvidence(), count: n)
        let listing = ListingDetector.listingLines(shapes: shapes, maxGap: settings.listingMaxGap, title: doc.titleLine,
                                                   itemMinSize: settings.coreLongSize / 2)
        let regexHits = rules.regexMatches(text: doc.article.text, lines: doc.lines.map(\.original), sizes: shapes.map(\.size))
        let tuning = rules.detectors
        let checkTemplates = counts.documents >= settings.minSiteDocuments && tuning.isEnabled(.siteTemplate)
        let minDocuments = tuning.number(.siteTemplate, "min_documents").map { Int($0) } ?? settings.templateMinDocuments
        let minShare = tuning.number(.siteTemplate, "min_share") ?? settings.templateMinShare
        let dates = tuning.isEnabled(.dateLine), metadata = tuning.isEnabled(.metadataLine)
        let navigation = tuning.isEnabled(.navigationLine), truncation = tuning.isEnabled(.truncatedLine)
        let lists = tuning.isEnabled(.relatedList)
        for i in 0..<n where !shapes[i].isBlank {
            let shape = shapes[i]
            var e = LineEvidence()
            let phrases = rules.phraseMatches(normalized: doc.lines[i].normalized, size: shape.size)
            for r in phrases where applies(rules.rules[r].scope, line: i, count: n, shape: shape, doc: doc, site: site) {
                if rules.rules[r].category.isFurniture { e.furnitureRules.append(r) } else { e.otherRules.append(r) }
            }
            for r in regexHits.perLine[i] where !phrases.contains(r) && applies(rules.rules[r].scope, line: i, count: n, shape: shape, doc: doc, site: site) {
                if rules.rules[r].category.isFurniture { e.furnitureRules.append(r) } else { e.otherRules.append(r) }
            }
            if checkTemplates {
                e.templateDocuments = counts.documents(withLine: shape.key)
                e.templateShare = Double(e.templateDocuments) / Double(counts.documents)
                // Long lines need a larger share: one story reposted on a site is not its template.
                let share = shape.size >= settings.coreLongSize ? max(minShare, settings.bodyTemplateMinShare) : minShare
                if e.templateDocuments >= minDocuments && e.templateShare >= share {
                    let elsewhere = counts.shareElsewhere(ofLine: shape.key, inSite: e.templateDocuments) ?? 0
                    e.isTemplate = e.templateShare >= elsewhere * settings.templateSiteRatio
                }
            }
            e.isDate = shape.dateOnly && dates
            e.isMeta = shape.hasDate && shape.size <= settings.metaMaxSize && !shape.endsWithTerminal
                && !shape.isTruncated && shape.innerPunctuation == 0 && metadata
            e.isNavigation = shape.separators >= 2 && !shape.endsWithTerminal && shape.innerPunctuation == 0 && navigation
            e.isBullet = shape.bulleted && shape.size <= 12 && navigation
            e.isTruncated = shape.isTruncated && truncation
            e.inListing = listing[i] && lists
            evidence[i] = e
        }
        return (evidence, regexHits.timedOut)
    }

    /// Finds the body: the main run of text-like lines without evidence against them. A page
    /// whose only content is cut off is an excerpt page.
    func locateBody(_ doc: PreparedArticle, evidence: inout [LineEvidence]) -> (ClosedRange<Int>?, Bool) {
        let shapes = doc.shapes
        let title = doc.titleLine
        let core = shapes.indices.filter { i in
            let s = shapes[i], e = evidence[i]
            guard i != title, !s.isBlank, !e.inListing else { return false }
            if e.isTruncated {
                // A cut-off line outside any list may be the page's content (an excerpt page).
                var other = e
                other.isTruncated = false
                return !other.isStrong && s.size >= settings.coreMinSize
            }
            return !e.isStrong
                && ((s.endsWithTerminal && s.size >= settings.coreMinSize) || (s.size >= settings.coreLongSize && s.innerPunctuation > 0))
        }
        let prose = core.filter { !shapes[$0].isTruncated }
        if let block = BodyBlocks.main(core: core, shapes: shapes, evidence: evidence, minShare: settings.bodyBlockMinShare) {
            let proseInBlock = prose.contains { block.contains($0) }
            if !proseInBlock {
                for i in block { evidence[i].isTruncated = false }
                return (block, true)
            }
            // With prose present, cut-off lines at the block's edges stay outside the body.
            let lo = core.first { block.contains($0) && !shapes[$0].isTruncated } ?? block.lowerBound
            let hi = core.last { block.contains($0) && !shapes[$0].isTruncated } ?? block.upperBound
            return (lo...hi, false)
        }
        if let main = mainLine(shapes: shapes, evidence: evidence, title: title) {
            return (main...main, false)
        }
        return (nil, false)
    }

    /// Decides which lines are furniture given their evidence and where they stand.
    func labelLines(_ doc: PreparedArticle, evidence: [LineEvidence], body: ClosedRange<Int>?) -> [LineLabel?] {
        let shapes = doc.shapes
        let n = shapes.count
        var labels = [LineLabel?](repeating: nil, count: n)
        let firstTailNotice = rules.detectors.isEnabled(.afterNotice)
            ? body.flatMap { b in (b.upperBound + 1..<n).first { evidence[$0].isStrong } } : nil
        for i in 0..<n where !shapes[i].isBlank && i != doc.titleLine {
            var e = evidence[i]
            let region: RulePosition = body.map { i < $0.lowerBound ? .head : i > $0.upperBound ? .tail : .any } ?? .head
            e.furnitureRules.removeAll { r in
                let p = rules.rules[r].scope.position
                return !(p == .any || p == region || (p == .outsideBody && region != .any))
            }
            let flagged: Bool
            switch region {
            case .any:
                flagged = e.inListing || e.isDate || (e.isTemplate && e.templateShare >= settings.bodyTemplateMinShare)
                    || !e.furnitureRules.isEmpty
            case .tail:
                flagged = e.isStrong || (firstTailNotice.map { i > $0 } ?? false)
            default:
                flagged = e.isStrong || e.isBullet
            }
            if flagged { labels[i] = label(for: e, shape: shapes[i]) }
        }
        // Blank lines inside a run of furniture belong to it (neighbours found in two linear passes).
        var previous = [Int](repeating: -1, count: n), following = [Int](repeating: -1, count: n)
        var last = -1
        for i in 0..<n { previous[i] = last; if !shapes[i].isBlank { last = i } }
        last = -1
        for i in stride(from: n - 1, through: 0, by: -1) { following[i] = last; if !shapes[i].isBlank { last = i } }
        for i in 0..<n where shapes[i].isBlank && i != doc.titleLine {
            guard previous[i] >= 0, let p = labels[previous[i]] else { continue }
            let next = following[i]
            if next >= 0, labels[next] != nil { labels[i] = p } else if next < 0, body.map({ i > $0.upperBound }) == true { labels[i] = p }
        }
        return labels
    }

    /// When no line anchors a body, the most prose-like line is the content:
    /// the largest line, lines with clause punctuation counting four times.
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
