/// What a flagged line is called in the findings.
struct LineLabel: Equatable {
    var rule: String
    var category: FindingCategory
    var severity: Severity
    var action: RuleAction
    var message: String
    /// The built-in detector that found it, when one did.
    var detector: BuiltInDetector? = nil

    /// A label from a built-in detector.
    static func builtIn(_ d: BuiltInDetector, _ category: FindingCategory, _ message: String) -> LineLabel {
        LineLabel(rule: d.rawValue, category: category, severity: .info, action: .strip, message: message, detector: d)
    }
}

extension ArticleAnalyzer {
    /// Names the strongest reason a line is furniture, as tuned by detector rules.
    func label(for e: LineEvidence, shape: LineShape) -> LineLabel {
        var l = detectorLabel(for: e, shape: shape)
        if let d = l.detector, let rule = rules.detectors.override(for: d) {
            l = LineLabel(rule: l.rule, category: rule.category, severity: rule.severity, action: rule.action,
                          message: rule.description.isEmpty ? l.message : rule.description, detector: d)
        }
        return l
    }

    private func detectorLabel(for e: LineEvidence, shape: LineShape) -> LineLabel {
        if let r = e.furnitureRules.first {
            let rule = rules.rules[r]
            return LineLabel(rule: rule.id, category: rule.category, severity: rule.severity, action: rule.action,
                             message: rule.description.isEmpty ? "matches rule \(rule.id)" : rule.description)
        }
        if e.inListing {
            if shape.dateOnly {
                return .builtIn(.relatedList, .boilerplate, "date of a related-articles list")
            }
            let excerpt = shape.isTruncated || (shape.size >= settings.coreMinSize * 2 && shape.innerPunctuation > 0)
            return .builtIn(.relatedList, excerpt ? .truncated : .boilerplate,
                            excerpt ? "excerpt in a related-articles list" : "title in a related-articles list")
        }
        if e.isTruncated {
            return .builtIn(.truncatedLine, .truncated, "cut-off text marked with an ellipsis")
        }
        if e.isDate {
            return .builtIn(.dateLine, .boilerplate, "a date or time alone")
        }
        if e.isNavigation || e.isBullet {
            return .builtIn(.navigationLine, .boilerplate, "breadcrumb or menu")
        }
        if e.isMeta {
            return .builtIn(.metadataLine, .boilerplate, "date, source or author line")
        }
        if e.isTemplate {
            return .builtIn(.siteTemplate, .boilerplate, "recurs in \(e.templateDocuments) documents of this site")
        }
        if e.givesSiteAddress {
            return .builtIn(.siteTemplate, .boilerplate, "gives an address at this page's own site")
        }
        if e.recurs {
            return .builtIn(.siteTemplate, .boilerplate, "recurs in \(e.recurrence) documents, more than this page's own text")
        }
        if e.recursOnTinySite {
            return .builtIn(.siteTemplate, .boilerplate, "a short line under \(e.templateDocuments) of this site's stories, and other sites' too")
        }
        if e.regions.contains(.hidden) {
            return .builtIn(.pageRegion, .boilerplate, "hidden on the page")
        }
        if e.regions.contains(.caption) {
            return .builtIn(.pageRegion, .boilerplate, "a picture's caption")
        }
        let region = e.regions.intersection(LineHint.Regions.furniture)
        if !region.isEmpty {
            return .builtIn(.pageRegion, .boilerplate, "in the page's \(LineHint.Regions.name(of: region))")
        }
        if e.linkDensity >= 0.5 {
            return .builtIn(.pageRegion, .boilerplate, "mostly links")
        }
        if e.outsideMainText {
            return .builtIn(.pageRegion, .boilerplate, "outside the page's main text")
        }
        if e.isLinkOnly {
            return .builtIn(.furnitureBlock, .boilerplate, "links only, among furniture")
        }
        let cut = !shape.endsWithTerminal && shape.size >= settings.coreLongSize
        return .builtIn(.furnitureBlock, cut ? .truncated : .boilerplate, "stands inside a run of furniture")
    }

    /// Which of the `kept` lines are a template's sentences: held by pages of at least
    /// `Figures.templateStories` stories, and of more stories than the page's typical line (the
    /// lower median over its lines of text). A story reposted under other headlines shares all
    /// its lines alike; a notice's form sentences recur far more than the lines the company
    /// filled in (its code, its own sentence, its board's name).
    func templateLines(_ kept: [Int], doc: PreparedArticle, evidence: [LineEvidence]) -> [Bool] {
        var own = kept.filter { $0 != doc.titleLine && doc.shapes[$0].size >= settings.coreMinSize }.map { evidence[$0].recurrence }
        own.sort()
        let typical = own.isEmpty ? 1 : max(1, own[(own.count - 1) / 2])
        return kept.map { k in
            k != doc.titleLine && evidence[k].recurrence >= Figures.templateStories && evidence[k].recurrence > typical
        }
    }

    /// Turns line labels into findings and fingerprints the lines that remain.
    func finish(_ doc: PreparedArticle, site: String, labels: [LineLabel?], evidence: [LineEvidence],
                body: ClosedRange<Int>?, isExcerpt: Bool, timedOutRules: [Int] = [], suppressed: Set<String> = []) -> ArticleAnalysis {
        var findings: [Finding] = []
        var stripped = Set<Int>()
        var i = 0
        while i < labels.count {
            guard let l = labels[i] else { i += 1; continue }
            var j = i
            while j + 1 < labels.count && labels[j + 1] == l { j += 1 }
            findings.append(Finding(rule: l.rule, category: l.category, severity: l.severity, action: l.action,
                                    lineStart: i + 1, lineEnd: j + 1, message: l.message))
            if l.action == .strip { for k in i...j { stripped.insert(k + 1) } }
            i = j + 1
        }
        // Non-furniture rules (moderation, quality, custom): reported, and acted on per document.
        var review: [String] = [], remove: [String] = []
        let furnitureLines = stripped
        for (line, e) in evidence.enumerated() {
            for r in e.otherRules {
                let rule = rules.rules[r]
                // Stripped furniture, or a line repeated on other pages of the site: the site's text.
                let siteText = furnitureLines.contains(line + 1) || (e.templateDocuments >= 2 && !e.isStructuredContent)
                let region = rule.scope.region ?? .body
                let description = rule.description.isEmpty ? "matches rule \(rule.id)" : rule.description
                guard region == .any || (region == .furniture) == siteText else {
                    // A match outside the rule's region is reported, never acted on: a site's
                    // notice in its footer is no reason to review the article.
                    let place = furnitureLines.contains(line + 1) ? "in stripped furniture"
                        : siteText ? "in a line \(e.templateDocuments) pages of this site repeat" : "in the article text"
                    var f = Finding(rule: rule.id, category: rule.category, severity: .info, action: .flag,
                                    lineStart: line + 1, lineEnd: line + 1,
                                    message: "\(description) (\(place), outside the rule's region: no action)")
                    f.outsideRegion = true
                    findings.append(f)
                    continue
                }
                findings.append(Finding(rule: rule.id, category: rule.category, severity: rule.severity, action: rule.action,
                                        lineStart: line + 1, lineEnd: line + 1, message: description))
                if rule.action == .strip { stripped.insert(line + 1) }
                if rule.action == .review && !review.contains(rule.id) { review.append(rule.id) }
                if rule.action == .remove && !remove.contains(rule.id) { remove.append(rule.id) }
            }
        }
        for r in timedOutRules {
            findings.append(Finding(rule: rules.rules[r].id, category: .quality, severity: .warning, action: .flag,
                                    lineStart: 1, lineEnd: 1,
                                    message: "regex stopped after its step budget on this document (its other matches and the other rules still count); fix the pattern (\(rules.rules[r].definedAt))"))
        }
        if isExcerpt, let b = body, !suppressed.contains("excerpt-document") {
            findings.append(Finding(rule: "excerpt-document", category: .quality, severity: .info, action: .flag,
                                    lineStart: b.lowerBound + 1, lineEnd: b.upperBound + 1,
                                    message: "the page holds only a cut-off excerpt of an article"))
        }
        if doc.article.replacedSequences > 0 && !suppressed.contains("invalid-encoding") {
            let n = doc.article.replacedSequences
            findings.append(Finding(rule: "invalid-encoding", category: .quality, severity: .warning, action: .flag,
                                    lineStart: 1, lineEnd: max(1, doc.lines.count),
                                    message: "\(n) invalid byte sequence\(n == 1 ? " was" : "s were") replaced with U+FFFD when reading; the text may be damaged"))
        }
        findings.sort { ($0.lineStart, $0.lineEnd) < ($1.lineStart, $1.lineEnd) }

        // Everything not stripped is fingerprinted: title, subtitles and the body alike.
        var chunks: [ArraySlice<UInt8>] = [], kept: [Int] = []
        for k in doc.lines.indices where !stripped.contains(k + 1) && !doc.shapes[k].isBlank {
            chunks.append(doc.visible[k])
            kept.append(k)
        }
        let template = templateLines(kept, doc: doc, evidence: evidence)
        var headline: ArraySlice<UInt8>?
        if let t = doc.titleLine {
            headline = doc.visible[t]
        } else if let t = doc.article.title, !t.isEmpty {
            headline = Array(TextNormalizer.normalize(t).utf8)[...]
        }
        let title = headline.map { Fingerprint.allShingles(of: $0, width: settings.shingleWidth) } ?? []
        let titleFigures = headline.map { Figures.of(chunks: [$0]) } ?? []
        // The headline's words are looked for in the rest of the page's text only where the page
        // shows its headline on a line of its own (elsewhere that line could be among the text).
        let headlineChunk = doc.titleLine.flatMap { kept.firstIndex(of: $0) }
        var fingerprint = Fingerprint.of(chunks: chunks, width: settings.shingleWidth, template: template,
                                         headline: headlineChunk == nil ? [] : title, headlineChunk: headlineChunk)
        fingerprint.title = title
        fingerprint.titleFigures = titleFigures
        if let headline {
            fingerprint.headlineWords = HeadlineWords(headline: headline, text: chunks, skipping: headlineChunk)
        }
        // Figures are what a text states, its headline's first, whether or not the page shows it
        // on a line and whether or not that line went with the site's template (the same report
        // states the same figures either way); a dateline or timestamp left on the page is no figure;
        // a clock time without a date is ("Sunrise 7:52 a.m." in a forecast). A line of figures
        // before the body that went with the furniture around it on no evidence of its own (a
        // notice's code line between a byline and the form's notice) still states the page's.
        var stating = [Bool](repeating: false, count: doc.lines.count)
        for k in kept { stating[k] = true }
        var strippedFigures: [ArraySlice<UInt8>] = []
        // Before the text the page keeps, too (not a related headline after it, where the body
        // was placed below the page's own text).
        let head = min(body?.lowerBound ?? 0, labels.count, kept.first { $0 > (doc.titleLine ?? -1) } ?? Int.max)
        for k in 0..<head
        where labels[k]?.rule == BuiltInDetector.furnitureBlock.rawValue && doc.shapes[k].statesFigures {
            stating[k] = true
            strippedFigures.append(doc.visible[k])
        }
        // Such a line is part of the page's exact text too: two notices alike but for their
        // stock codes are not exact copies of each other.
        if !strippedFigures.isEmpty {
            fingerprint.exact = Figures.of(chunks: strippedFigures).reduce(fingerprint.exact, StableHash.combine)
        }
        var stated: [ArraySlice<UInt8>] = headline.map { [$0] } ?? []
        for k in doc.lines.indices where stating[k] && k != doc.titleLine {
            // A short dated line says when (a repost's timestamp is its own), but the sentences
            // before its date that a copy ran into it are the report's ("相对湿度57%，降水概率90%。
            // 发布时间：11月19日6时").
            if doc.shapes[k].hasCalendarDate && doc.shapes[k].size < settings.coreLongSize {
                stated.append(contentsOf: Self.undatedSentences(of: doc.visible[k]))
            } else {
                stated.append(doc.visible[k])
            }
        }
        let order: [UInt64]
        (fingerprint.figures, fingerprint.figureContexts, order) = Figures.stated(in: stated)
        // Reports keep their figures' order (news would hold hundreds). A filled-in template is
        // compared on its figures and their contexts only: a repost of a long post whose account's
        // boilerplate makes it read as a form edits its figures' order freely. Reports and short
        // notices keep their figure lines: one just under a report's density is still compared
        // with a report's twin line by line, and the lines tell a table (`Figures.isTable`).
        var isReport = Figures.isReport(fingerprint)
        if isReport || (!fingerprint.figures.isEmpty && Figures.isShort(fingerprint)) {
            fingerprint.figureLines = FigureLines.of(lines: stated)
            // Stripped with the site's template, or with the furniture around it on no evidence
            // of its own: what the page's site says, not what the report says.
            let template = BuiltInDetector.siteTemplate.rawValue, block = BuiltInDetector.furnitureBlock.rawValue
            fingerprint.figureSentences = FigureSentences.of(doc.shapes, kept: { stating[$0] },
                                                             stripped: { labels[$0]?.rule == template || labels[$0]?.rule == block })
        }
        // A results table repeating its scores ("Oxley Town 0 Porthaven Town 0") states few
        // distinct figures, yet one beside every name: laid out in rows, it is a report too, and
        // keeps its figures' order as one (which `Figures.isReport` then reads).
        if !isReport && Figures.isTable(fingerprint) { isReport = true }
        if isReport { fingerprint.figureOrder = Array(order.prefix(Figures.orderLimit)) }
        var analysis = ArticleAnalysis(id: doc.article.id, site: site, language: doc.language, publishedAt: doc.article.publishedAt,
                               findings: findings, strippedLines: stripped, body: body.map { ($0.lowerBound + 1)...($0.upperBound + 1) },
                               isExcerpt: isExcerpt, fingerprint: fingerprint, reviewRules: review, removeRules: remove)
        addLeadEvidence(to: &analysis, doc, evidence: evidence, body: body)
        return analysis
    }

    /// What links an excerpt page to its article whatever its spacing and cut mark: the start of
    /// the page's own text as letter windows (`LetterGrams`), and the page's lead line — its
    /// longest cut-off line outside related lists, or, on a page with little text of its own, its
    /// longest line no rule claims — as shingles (to find candidates), letter windows and figures.
    private func addLeadEvidence(to analysis: inout ArticleAnalysis, _ doc: PreparedArticle, evidence: [LineEvidence],
                                 body: ClosedRange<Int>?) {
        if !analysis.isExcerpt {
            // The article's opening as published, what excerpts are cut from: everything after the
            // headline but related lists, stripped or not ("央视网消息（新闻联播）：" on a line of its own).
            let opening = doc.lines.indices.filter { $0 > (doc.titleLine ?? -1) && !doc.shapes[$0].isBlank && !evidence[$0].inListing }
            analysis.leadLine.opening = LetterGrams.of(chunks: opening.map { doc.visible[$0] }, limit: Self.leadLetterLimit)
        }
        var line: Int?
        if analysis.isExcerpt, let body {
            line = body.filter { $0 < doc.shapes.count }.max { doc.shapes[$0].size < doc.shapes[$1].size }
            analysis.leadLine.marked = true
        } else if let cut = Self.longestCutLine(doc, evidence: evidence, minSize: settings.coreMinSize) {
            line = cut
            analysis.leadLine.marked = true
        } else {
            // The page's longest line no rule or list claims, kept or not (a lead cut without a
            // mark reads like furniture: no sentence end); a row of figures is long enough at a
            // core line's size (a dividend's rows run together: "Qtly div 51 cts vs 49 cts priorPay …").
            line = doc.shapes.indices.filter {
                    $0 != doc.titleLine && doc.shapes[$0].size >= (doc.shapes[$0].statesFigures ? settings.coreMinSize : settings.coreLongSize / 2)
                        && !evidence[$0].inListing
                        && evidence[$0].furnitureRules.isEmpty && !evidence[$0].isStructuredContent
                }.max { doc.shapes[$0].size < doc.shapes[$1].size }
        }
        guard let line else { return }
        let shingles = Fingerprint.sampledShingles(of: doc.visible[line], width: settings.shingleWidth)
        // Only a page whose own text is not much more than that line can be an excerpt page.
        guard analysis.isExcerpt || analysis.fingerprint.sketch.count <= shingles.count * Self.leadLineMaxRatio else { return }
        // Its smallest sampled shingles are a bottom-k sample: enough to find candidates (the
        // index probes fewer) and to estimate containment.
        analysis.cutLead = Array(shingles.prefix(Self.leadLineShingles))
        // Without its cut marker: every window around a figure is then the article's own text.
        let text = doc.shapes[line].trailingEllipsis ? LineShape.withoutCutMarker(doc.visible[line]) : doc.visible[line]
        analysis.leadLine.letters = LetterGrams.of(chunks: [text], limit: Self.leadLetterLimit)
        // Its figures, and when it is a row of figures (as dense as a report's), those of the
        // rows of the page's own that follow it (a results table whose second row a rule-less
        // site's block swept away): an excerpt of a report states the report's figures, not
        // one row's alone.
        let shape = doc.shapes[line]
        let row = shape.statesFigures
            && Double(shape.digitRuns) >= Figures.reportDensity * Figures.words(tokens: shape.words + shape.ideographs, ideographs: shape.ideographs)
        var rows = [doc.visible[line]]
        var next = line + 1
        while row, next < doc.shapes.count, doc.shapes[next].statesFigures, Self.ownRow(evidence[next]) {
            rows.append(doc.visible[next])
            next += 1
        }
        analysis.leadLine.figures = Figures.of(chunks: rows)
    }

    /// The sentences of a line (normalized UTF-8) that state no calendar date: cut after "。",
    /// "!", "?", ";" and a full stop before a space (not a decimal point).
    static func undatedSentences(of line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = line.startIndex, i = line.startIndex
        func close(_ end: Int) {
            let sentence = line[start..<end]
            if !sentence.isEmpty && !LineShape(normalized: sentence).hasCalendarDate { out.append(sentence) }
            start = end
        }
        while i < line.endIndex {
            let c = line[i]
            if c == 0xE3, i + 2 < line.endIndex, line[i + 1] == 0x80, line[i + 2] == 0x82 {
                close(i + 3)
                i += 3
                continue
            }
            if c == 0x21 || c == 0x3F || c == 0x3B || (c == 0x2E && i + 1 < line.endIndex && line[i + 1] == 0x20) { close(i + 1) }
            i += 1
        }
        close(line.endIndex)
        return out
    }

    /// Whether a line can be a row of the page's own table: in no listing, claimed by no rule,
    /// and held by no other page of the site nor of another story (a contact line with a phone
    /// number recurs on the site's pages).
    static func ownRow(_ e: LineEvidence) -> Bool {
        !e.inListing && e.furnitureRules.isEmpty && e.templateDocuments <= 1 && e.recurrence <= 1 && !e.recurs
    }

    /// Characters of a page's start kept as letter windows.
    static let leadLetterLimit = 350
    /// Sampled shingles of a lead line kept (its smallest: a bottom-k sample).
    static let leadLineShingles = 32
    /// A page's kept sampled shingles at most this many times its lead line's: an excerpt page.
    static let leadLineMaxRatio = 3

    /// The page's longest cut-off line of at least `minSize` outside related lists, if any.
    static func longestCutLine(_ doc: PreparedArticle, evidence: [LineEvidence], minSize: Int) -> Int? {
        var best: Int?
        for (i, shape) in doc.shapes.enumerated() where shape.isTruncated && shape.size >= minSize && !evidence[i].inListing {
            if best.map({ doc.shapes[$0].size < shape.size }) ?? true { best = i }
        }
        return best
    }
}
