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

    /// Analyzes one article. Rules and built-in detectors named in `suppressedRules` (by id; an
    /// editor's `false-positive` verdicts on this article) are not applied to it at all.
    public func analyze(_ doc: PreparedArticle, statistics: LineStatistics, suppressedRules: Set<String> = []) -> ArticleAnalysis {
        var (evidence, timedOut) = gatherEvidence(doc, statistics: statistics, suppressed: suppressedRules)
        let (body, isExcerpt) = locateBody(doc, evidence: &evidence)
        let labels = labelLines(doc, evidence: evidence, body: body, excerpt: isExcerpt, suppressed: suppressedRules)
        return finish(doc, site: doc.article.site, labels: labels, evidence: evidence, body: body, isExcerpt: isExcerpt,
                      timedOutRules: timedOut, suppressed: suppressedRules)
    }

    /// Judges every line on its own: rules, site templates, shapes, related lists. Also returns
    /// the regex rules whose step budget ran out on this document.
    func gatherEvidence(_ doc: PreparedArticle, statistics: LineStatistics, suppressed: Set<String> = []) -> ([LineEvidence], [Int]) {
        let site = doc.article.site
        let counts = statistics.site(site, language: doc.language)
        let shapes = doc.shapes
        let n = shapes.count
        var evidence = [LineEvidence](repeating: LineEvidence(), count: n)
        let listing = ListingDetector.listingLines(shapes: shapes, maxGap: settings.listingMaxGap, title: doc.titleLine,
                                                   itemMinSize: settings.coreLongSize / 2)
        // Regexes (e-mail, phone) read the text with web addresses blanked: "name@2x.png" in an
        // image URL is no e-mail address, and long URLs no longer exhaust a pattern's budget.
        let sizes = shapes.map(\.size)
        let regexHits = (rules.hasRegexes ? MarkupReader.blankingURLs(in: doc.article.text) : nil).map {
            rules.regexMatches(text: $0, lines: LineSplitter.splitLines($0), sizes: sizes)
        } ?? rules.regexMatches(text: doc.article.text, lines: doc.lines.map(\.original), sizes: sizes)
        let tuning = SuppressedTuning(detectors: rules.detectors, suppressed: suppressed)
        // Without a site every document shares one bucket: what many authors write alike (section
        // numbers, common headings) would pass for a template. Recurrence covers that case.
        let checkTemplates = !site.isEmpty && counts.documents >= settings.minSiteDocuments && tuning.isEnabled(.siteTemplate)
        // A site of a handful of pages: a line under two of its stories already recurs, and under
        // half of them or more, it is the site's template.
        let tinySite = !site.isEmpty && !checkTemplates && counts.documents >= 2 && tuning.isEnabled(.siteTemplate)
        let minDocuments = tuning.number(.siteTemplate, "min_documents").map { Int($0) } ?? settings.templateMinDocuments
        let minShare = tuning.number(.siteTemplate, "min_share") ?? settings.templateMinShare
        let dates = tuning.isEnabled(.dateLine), metadata = tuning.isEnabled(.metadataLine)
        let navigation = tuning.isEnabled(.navigationLine), truncation = tuning.isEnabled(.truncatedLine)
        let lists = tuning.isEnabled(.relatedList)
        // The site's host, when it is one, for the addresses its own notices give.
        let siteHost = tuning.isEnabled(.siteTemplate) ? SiteAddress.host(of: site) : nil
        let hints = tuning.isEnabled(.pageRegion) ? doc.article.lineHints.flatMap { $0.count == n ? $0 : nil } : nil
        let hasMainText = hints?.contains { $0.regions.contains(.mainText) } ?? false
        let ruleList = rules.rules
        for i in 0..<n where !shapes[i].isBlank {
            let shape = shapes[i]
            let markup = doc.markup[i]
            var e = LineEvidence()
            e.isLinkOnly = markup.isLinkOnly
            e.isHeading = markup.block == .heading || markup.isEmphasis
            e.headingRank = markup.headingRank
            if let hint = hints?[i] {
                e.regions = hint.regions
                e.linkDensity = hint.linkDensity
                e.outsideMainText = hasMainText && !hint.regions.contains(.mainText)
            }
            let phrases = rules.phraseMatches(normalized: doc.visible[i], size: shape.size)
            for r in phrases where !tuning.suppresses(rules.rules[r].id) && applies(rules.rules[r].scope, line: i, count: n, shape: shape, doc: doc, site: site) {
                if rules.rules[r].category.isFurniture { e.furnitureRules.append(r) } else { e.otherRules.append(r) }
            }
            for r in regexHits.perLine[i] where !phrases.contains(r) && !tuning.suppresses(rules.rules[r].id) && applies(rules.rules[r].scope, line: i, count: n, shape: shape, doc: doc, site: site) {
                if rules.rules[r].category.isFurniture { e.furnitureRules.append(r) } else { e.otherRules.append(r) }
            }
            e.opensSection = !e.furnitureRules.isEmpty && e.furnitureRules.contains { ruleList[$0].scope.opensSection }
            if e.opensSection && e.headingRank == nil { e.headingRank = 8 }
            if markup.isStructuredContent {
                // Code and tables are content: no shape or template detector judges them.
                e.isStructuredContent = true
                evidence[i] = e
                continue
            }
            e.recurrence = counts.storiesAnywhere(withLine: shape.key)
            // How many of the site's stories carry the line (also for sites too small for templates:
            // a moderation match in a line every page repeats is the site's, not the article's).
            if !site.isEmpty { e.templateDocuments = counts.documents(withLine: shape.key) }
            // Without a site, an author's own repeated text cannot be told from other sites' notices.
            let anywhere = site.isEmpty ? 0 : counts.documentsAnywhere(withLine: shape.key)
            e.recursElsewhere = !site.isEmpty && anywhere > e.templateDocuments
            e.travelsWithStory = e.recurrence == 1 && anywhere >= 2 && anywhere > e.templateDocuments
                && shape.size >= settings.recurrenceMinSize
            if checkTemplates || tinySite { e.templateShare = Double(e.templateDocuments) / Double(counts.documents) }
            if checkTemplates {
                // Long lines need a larger share: one story reposted on a site is not its template.
                let share = shape.size >= settings.coreLongSize ? max(minShare, settings.bodyTemplateMinShare) : minShare
                if e.templateDocuments >= minDocuments && e.templateShare >= share {
                    let elsewhere = counts.shareElsewhere(ofLine: shape.key, inSite: e.templateDocuments) ?? 0
                    e.isTemplate = e.templateShare >= elsewhere * settings.templateSiteRatio
                }
            } else if tinySite && e.templateDocuments >= 2 && shape.size >= settings.recurrenceMinSize {
                e.recurs = true
                e.isTemplate = e.templateShare >= settings.tinySiteTemplateShare
            } else if tinySite && recursAsShortLine(e, shape: shape) {
                judgeShortLine(&e, line: i, shape: shape, doc: doc)
            }
            e.givesSiteAddress = siteHost.map { SiteAddress.appears(in: doc.visible[i], host: $0) } ?? false
            e.isDate = shape.dateOnly && dates
            e.isMeta = shape.hasDate && shape.size <= settings.metaMaxSize && !shape.endsWithTerminal
                && !shape.isTruncated && shape.innerPunctuation == 0 && metadata
            e.isNavigation = shape.separators >= 2 && !shape.endsWithTerminal && shape.innerPunctuation == 0 && navigation
            e.isBullet = shape.bulleted && shape.size <= 12 && navigation
            e.isTruncated = shape.isTruncated && truncation
            e.inListing = listing[i] && lists
            evidence[i] = e
        }
        // Recurrence stands in for a site's template where no site is known (feeds of
        // self-published articles) or the site has too few pages for its own statistics (the
        // long tail, seen a handful of times); with a site of its own, those are sharper.
        if !checkTemplates && !tuning.suppresses(BuiltInDetector.siteTemplate.rawValue) { markRecurring(&evidence, shapes: shapes) }
        return (evidence, regexHits.timedOut.filter { !tuning.suppresses(rules.rules[$0].id) })
    }

    /// Finds the body: the main run of text-like lines without evidence against them. A page
    /// whose only content is cut off is an excerpt page.
    func locateBody(_ doc: PreparedArticle, evidence: inout [LineEvidence]) -> (ClosedRange<Int>?, Bool) {
        let shapes = doc.shapes
        let title = doc.titleLine
        let core = shapes.indices.filter { i in
            let s = shapes[i], e = evidence[i]
            guard i != title, !s.isBlank, !e.inListing else { return false }
            // HTML: text in a furniture region outside the page's main text (a rail of excerpts)
            // does not anchor the body, however well written.
            if e.outsideMainText && !e.regions.isDisjoint(with: LineHint.Regions.furniture) { return false }
            if e.isTruncated {
                // A cut-off line outside any list may be the page's content (an excerpt page).
                return !e.isStrongBesidesCut && s.size >= settings.coreMinSize
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

    /// Decides which lines are furniture: each line's evidence weighed against its neighbours'
    /// (`LineLabeller`). Rules limited to the head or tail count only there.
    func labelLines(_ doc: PreparedArticle, evidence: [LineEvidence], body: ClosedRange<Int>?, excerpt: Bool = false,
                    suppressed: Set<String> = []) -> [LineLabel?] {
        let settings = self.settings  // closures below capture the settings, not the whole analyzer
        let shapes = doc.shapes
        let n = shapes.count
        var evidence = evidence
        var weights = [Double?](repeating: nil, count: n)
        let middle = Self.middle(of: shapes)
        // The tail: past the body's last line (or, without a body, past the page's last sentence).
        let lastProse = body?.upperBound ?? shapes.indices.last { i in
            shapes[i].endsWithTerminal && shapes[i].size >= settings.coreMinSize && !evidence[i].isStrong && !evidence[i].recurs
        } ?? -1
        // HTML: a caption is set apart from the text around it: furniture whatever its neighbours
        // are, while in the sequence it weighs no more than weak evidence (`LineEvidence.weight`).
        let setApart = evidence.map { $0.regions.contains(.caption) }
        // The picture right above the body's first line (blank lines between) is its lead image.
        let leadImage: Int? = body.flatMap { b in
            var k = b.lowerBound - 1
            while k >= 0 && shapes[k].isBlank && doc.markup[k].images == 0 { k -= 1 }
            return k >= 0 && Self.isPicture(doc, k) ? k : nil
        }
        let ruleList = rules.rules
        for i in 0..<n where i != doc.titleLine {
            if shapes[i].isBlank {
                // Images sit with what surrounds them (an article's figures, a promo's QR codes).
                // Tags and comments alone carry nothing to read: furniture of the conversion.
                if doc.markup[i].images > 0 { weights[i] = i == leadImage ? -0.5 : 0.2 } else if doc.markup[i].tags > 0 { weights[i] = 3 }
                continue
            }
            let region: RulePosition = body.map { i < $0.lowerBound ? .head : i > $0.upperBound ? .tail : .any } ?? .head
            if !evidence[i].furnitureRules.isEmpty {
                evidence[i].furnitureRules.removeAll { r in
                    let p = ruleList[r].scope.position
                    return !(p == .any || p == region || (p == .outsideBody && region != .any))
                }
            }
            let inMiddle = (middle?.contains(i) ?? false) && (body?.contains(i) ?? false)
            weights[i] = evidence[i].weight(shape: shapes[i], settings: settings, atEdge: !inMiddle,
                                            inTail: i > lastProse)
            // An excerpt page's cut-off lead is its content, whatever surrounds it.
            if excerpt, let b = body, b.contains(i), evidence[i].furnitureRules.isEmpty { weights[i] = -8 }
            // So is a page's only text line when it states figures and nothing marks it: a
            // report's row among the furniture of a site seen on a few pages.
            // (Not one whose words a listing glued together, nor a line of Chinese that stops
            // short of a full stop or a figure: that is a cut-off lead, an excerpt's.)
            if !excerpt, body == i...i, shapes[i].statesFigures, !evidence[i].isStrong, !evidence[i].recurs,
               evidence[i].otherRules.isEmpty, !Self.looksGlued(doc.lines[i].original.utf8),
               shapes[i].ideographs <= shapes[i].words || shapes[i].endsWithTerminal || Self.endsWithFigure(doc.visible[i]) {
                weights[i] = min(weights[i] ?? 0, -8)
            }
        }
        Self.markFigureRuns(evidence, shapes: shapes, weights: &weights)
        markSections(evidence, shapes: shapes, weights: &weights, body: body, title: doc.titleLine)
        if !excerpt {
            markSignOff(doc, evidence: evidence, weights: &weights, body: body)
            markNumberedSections(doc, evidence: evidence, weights: &weights)
            markReferences(doc, evidence: evidence, weights: &weights)
        }
        // Without a known title, the first headline-shaped line before the body is the headline.
        let untitled = doc.article.title?.isEmpty ?? true
        let title = doc.titleLine ?? body.flatMap { b in
            guard untitled else { return nil }
            return (0..<b.lowerBound).first { i in
                (weights[i] ?? 1) <= 0 && !shapes[i].isBlank && shapes[i].size >= settings.headlineMinSize && !shapes[i].endsWithTerminal
            }
        }
        let bound = Self.bindings(doc, evidence: evidence, weights: weights)
        // A picture a line announces is the article's figure: it leans body, as the lead picture does.
        var member: Int?
        for i in 0..<n where weights[i] != nil {
            if let p = member, bound[p], Self.isPicture(doc, i) { weights[i] = min(weights[i] ?? 0, -0.5) }
            member = i
        }
        let furniture = LineLabeller(switchCost: settings.switchCost, bindCost: settings.bindCost)
            .furniture(weights: weights, title: title, bound: bound)
        var labels = [LineLabel?](repeating: nil, count: n)
        let absorbing = SuppressedTuning(detectors: rules.detectors, suppressed: suppressed).isEnabled(.furnitureBlock)
        for i in 0..<n where furniture[i] {
            let l = label(for: evidence[i], shape: shapes[i])
            // Switched off, `furniture-block` flags no line that has no evidence of its own.
            if l.detector == .furnitureBlock && !absorbing { continue }
            labels[i] = l
        }
        for i in 0..<n where setApart[i] && labels[i] == nil && i != doc.titleLine {
            labels[i] = label(for: evidence[i], shape: shapes[i])
        }
        // Blank lines inside a run of furniture belong to it (neighbours found in two linear passes).
        var previous = [Int](repeating: -1, count: n), following = [Int](repeating: -1, count: n)
        var last = -1
        for i in 0..<n { previous[i] = last; if weights[i] != nil { last = i } }
        last = -1
        for i in stride(from: n - 1, through: 0, by: -1) { following[i] = last; if weights[i] != nil { last = i } }
        for i in 0..<n where weights[i] == nil && labels[i] == nil && i != doc.titleLine {
            guard previous[i] >= 0, let p = labels[previous[i]] else { continue }
            let next = following[i]
            // At the page's end a bare web address stays: it is what the last words pointed at
            // ("PoC: https://…"); a link with an anchor ("[](…)", "[往期](…)") goes with the furniture.
            if next >= 0, labels[next] != nil { labels[i] = p } else if next < 0 && !Self.isBareAddress(doc.lines[i].original) { labels[i] = p }
        }
        return labels
    }

    /// Under a heading that a rule says opens furniture ("相关阅读", "About us"), every line up to
    /// the next heading of the same or a higher rank leans furniture, however it reads: an
    /// organisation's self-introduction is prose, but not the article's. Under a real heading
    /// (`#`…`######`, `<h1>`…`<h6>`) with no evidence against it, the article goes on ("## 7.
    /// 整改意见" between two promos): the heading and its unevidenced text lines lean body (images
    /// go with their neighbours). Code and
    /// tables keep their weight; headings before the body's start open nothing.
    func markSections(_ evidence: [LineEvidence], shapes: [LineShape], weights: inout [Double?], body: ClosedRange<Int>?, title: Int?) {
        var furniture: Int?, content: Int?
        for i in evidence.indices where i != title {
            guard let w = weights[i] else { continue }
            let e = evidence[i]
            // On HTML pages the markup already says what is the article's: menus, sidebars and
            // text outside the main element take no lean from a heading.
            let pageSays = !e.regions.isDisjoint(with: LineHint.Regions.furniture) || e.outsideMainText || e.linkDensity >= 0.5
            if let rank = e.headingRank {
                if let o = furniture, rank <= o { furniture = nil }
                if let o = content, rank <= o { content = nil }
                let afterStart = body.map { i > $0.lowerBound } ?? true
                if e.opensSection && afterStart { furniture = rank; continue }
                if rank <= 6 && afterStart && furniture == nil && !e.isStrong && !e.recurs && !pageSays {
                    content = rank
                    weights[i] = min(w, -3)
                    continue
                }
            }
            if furniture != nil && !e.isStructuredContent {
                weights[i] = max(w, 1)
            } else if content != nil && !shapes[i].isBlank && !e.isStrong && !e.recurs && !pageSays && abs(w) < 1 {
                weights[i] = min(w, -1)
            }
        }
    }

    /// Lines whose label goes with the next line of the sequence: a line announcing figures
    /// ("部分工具如下所示。", "as shown below:") and each picture of that run but the last; a short
    /// label announcing a line a rule flags ("PoC 使用声明：" above a disclaimer). A label above a
    /// line of weaker evidence (a link, a line other pages repeat) is not bound: that evidence
    /// is as often the article's own (its reference links) as furniture; nor is a heading
    /// ("### PoC：" opens a section of the article, whatever its first line is).
    static func bindings(_ doc: PreparedArticle, evidence: [LineEvidence], weights: [Double?]) -> [Bool] {
        let members = weights.indices.filter { weights[$0] != nil }
        var bound = [Bool](repeating: false, count: weights.count)
        var announcing = false, figures = false
        for (k, i) in members.enumerated() {
            let picture = isPicture(doc, i)
            // A line that carries its link ("参考：https://…") announces nothing more.
            if !picture {
                announcing = doc.shapes[i].introducesNext && doc.markup[i].links == 0
                figures = announcing && doc.shapes[i].announcesFigure
            }
            guard announcing, k + 1 < members.count else { continue }
            let next = members[k + 1]
            // What it announces comes right after it (a link between is the announced thing).
            guard (i + 1..<next).allSatisfy({ doc.lines[$0].original.allSatisfy(\.isWhitespace) }) else { continue }
            if isPicture(doc, next) {
                // Pictures under "扫码加入：" are a promo's; under "如下所示" the article's figures.
                bound[i] = figures
            } else if !picture && doc.shapes[i].size <= labelMaxSize && evidence[i].headingRank == nil && !evidence[next].furnitureRules.isEmpty {
                bound[i] = true
            }
        }
        return bound
    }

    /// A line holding a picture and nothing to read.
    static func isPicture(_ doc: PreparedArticle, _ i: Int) -> Bool {
        doc.shapes[i].isBlank && doc.markup[i].images > 0
    }

    /// Size of a label line ("免责声明：", "PoC 使用声明：") at most.
    static let labelMaxSize = 16

    /// The lines between the first and last fifth of the page's text: furniture lives at the
    /// edges, so text repeated from other pages in the middle is more likely quoted content.
    static func middle(of shapes: [LineShape]) -> ClosedRange<Int>? {
        let total = shapes.reduce(0) { $0 + $1.size }
        guard total > 0 else { return nil }
        var seen = 0, lo: Int?, hi: Int?
        for (i, s) in shapes.enumerated() {
            seen += s.size
            if lo == nil && seen * 5 > total { lo = i + 1 }
            if hi == nil && seen * 5 >= total * 4 { hi = i }
        }
        guard let lo, let hi, lo <= hi else { return nil }
        return lo...hi
    }

    /// Marks lines that recur across more documents than the document's own text does. A
    /// repost's paragraphs recur as often as the story is reposted; a promo pasted under every
    /// article of an account recurs more, and a unique article's text not at all.
    func markRecurring(_ evidence: inout [LineEvidence], shapes: [LineShape]) {
        var own = evidence.indices.filter { shapes[$0].size >= settings.coreMinSize && !evidence[$0].isStructuredContent }
            .map { evidence[$0].recurrence }
        own.sort()
        let typical = own.isEmpty ? 1 : max(1, own[own.count / 2])
        for i in evidence.indices where evidence[i].recurrence >= settings.recurrenceMinDocuments && evidence[i].recurrence > typical
            && shapes[i].size >= settings.recurrenceMinSize {
            evidence[i].recurs = true
        }
    }

    /// When no line anchors a body, the most prose-like line is the content:
    /// the largest line, lines with clause punctuation counting four times.
    private func mainLine(shapes: [LineShape], evidence: [LineEvidence], title: Int?) -> Int? {
        var best: Int?
        var bestScore = -1
        for i in shapes.indices where i != title && !shapes[i].isBlank {
            let e = evidence[i]
            if e.isStrongBesidesCut { continue }
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

