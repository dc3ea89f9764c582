/// How two documents relate, from one side's point of view.
public struct PairRelation: Sendable, Equatable {
    /// The kind of copy, or nil when they are not related.
    public var kind: MatchKind?
    /// SimHash distance.
    public var hamming: Int
    /// Estimated Jaccard similarity.
    public var jaccard: Double
    /// Share of this side contained in the other (in its lead, for an excerpt).
    public var containment: Double
    /// The texts match as a copy would, but their figures say another report: no copy, at most
    /// worth a review (`Decider`); or two reports under one headline, too far apart for a copy
    /// (`MatchSettings.twinContainment`), that state other figures: twins, worth no review.
    public var figuresDiffer = false
    /// An excerpt's figures are not all its candidate's, whether or not the texts match otherwise:
    /// no cluster takes it at a relaxed threshold (`Clusterer`). Not exchanged between stages.
    public var otherFigures = false

    /// The evidence to report.
    public var evidence: MatchEvidence? {
        kind.map { MatchEvidence(kind: $0, hamming: hamming, jaccard: jaccard, containment: containment) }
    }
}

/// Decides whether a document is a copy of another.
public enum PairJudge {
    /// Whether `query`'s lead line (`MatchDocument.cutLead`: its longest cut-off line, or the
    /// one line a page with little text of its own holds) is the verbatim start of `candidate`, an
    /// article with the same headline that states the line's figures: then the page is an excerpt
    /// of it, whatever else the page holds (on a site seen twice, its notices can pass for the
    /// page's body). Verbatim means most of the line's shingles (unweighted) or of its letter
    /// windows (whatever the spacing: listings glue words) are in the article's opening. A page
    /// that reads as a report is held to the report's figures, line by line and in order; one
    /// whose text is mostly a filled-in template's (`isStrict`) to its figures (a notice's copy
    /// with another stock code, whose longest line is the notice's verbatim).
    public static func leadLine(of query: MatchDocument, in candidate: MatchDocument, settings: MatchSettings) -> PairRelation? {
        let cut = query.cutLead
        guard !cut.isEmpty, !candidate.isExcerpt, !candidate.fingerprint.title.isEmpty else { return nil }
        // Reports as `relate` tells them: the candidate, or the query when it is a full page
        // (a report whose repost runs in paragraphs is still compared as a report).
        let report = isReport(query, candidate, gluedFirst: false)
        // An excerpt names its article's subject: a page whose headline and text name another is
        // not one, whether or not the two are compared as reports (strict).
        if apartBySubject(query.fingerprint, candidate.fingerprint, report: report, strict: true, settings: settings) != nil { return nil }
        // A report's excerpt carries the report's headline: one with a word of it replaced
        // ("昆明…批发价格行情" / "沈阳…批发价格行情") is another report's, however its text runs.
        if Figures.isReport(candidate.fingerprint) && wordsReplaced(query.fingerprint.title, candidate.fingerprint.title) { return nil }
        let marked = query.leadLine.marked
        // A full page whose lead line is only its longest (nothing marks it cut) states a figure
        // where the article states another beside the same names ("证券代码：914922" over a
        // notice whose every sentence is a template's), or a sentence the article states (or its
        // site strips) with other figures ("可拨打12317进行举报。" / "…12315…"): another document.
        if !marked && !query.isExcerpt && (FigureLines.figureReplaced(query.fingerprint.figureLines, candidate.fingerprint.figureLines)
            || FigureSentences.replaced(query.fingerprint.figureSentences, candidate.fingerprint.figureSentences, kept: true)
            || FigureLines.fieldReplaced(query.fingerprint.figureLines, candidate.fingerprint.figureLines)
            || (laidOutOrRunOn(query.fingerprint) && laidOutOrRunOn(candidate.fingerprint)
                && FigureLines.wordsReplaced(query.fingerprint.figureLines, candidate.fingerprint.figureLines))) { return nil }
        // A page that reads as a report itself, whatever the other reads as (a twin glued into
        // prose), or whose own text is mostly a report's or a filled-in template's, is a copy of
        // it or its near twin: then all its figures must be the report's (a line alone says too
        // little: "最高气温17℃"), but for the end of a figure a marked cut may have lost.
        let readsAsReport = Figures.isReport(query.fingerprint)
        if !query.sketch.isEmpty, readsAsReport || (isStrict(query.fingerprint, candidate.fingerprint, report: report)
            && Double(SketchOverlap.intersection(query.sketch, candidate.sketch)) >= Double(query.sketch.count) * settings.excerptPlainContainment) {
            // In context too: "第7分钟" is not "第10分钟" though 7 is elsewhere.
            let missing = Figures.missing(query.fingerprint, from: candidate.fingerprint)
            if missing > (marked && query.leadLine.figures.count >= 4 ? 1 : 0) { return nil }
            // Its lines say the report's figures in the report's words, and the figures both
            // state come in the same order (a figure a marked cut lost is allowed for above).
            if (readsAsReport && Figures.isReport(candidate.fingerprint)
                    && FigureLines.wordsReplaced(query.fingerprint.figureLines, candidate.fingerprint.figureLines))
                || FigureLines.figureReplaced(query.fingerprint.figureLines, candidate.fingerprint.figureLines)
                || FigureSentences.replaced(query.fingerprint.figureSentences, candidate.fingerprint.figureSentences) { return nil }
            let stated = Set(candidate.fingerprint.figureContexts)
            let order = query.fingerprint.figureOrder.filter { stated.contains($0) }
            if !order.isEmpty, !candidate.fingerprint.figureOrder.isEmpty, !Figures.inOrder(order, within: candidate.fingerprint.figureOrder) {
                return nil
            }
        }
        let shingles = Double(SketchOverlap.intersection(cut, candidate.lead)) / Double(cut.count)
        let letters = LetterGrams.containment(of: query.leadLine.letters, in: candidate.leadLine.opening)
        let share = max(shingles, letters)
        let titles = SketchOverlap.compare(query.fingerprint.title, candidate.fingerprint.title).jaccard
        guard share >= (marked ? settings.excerptPlainContainment : settings.unmarkedLeadContainment),
              titles >= settings.excerptTitleJaccard else { return nil }
        // A templated report's line with other figures is another report's ("Shr 34 cts"); only
        // a line marked as cut may have lost the end of its last figure ("Revs 84.…").
        // Checked in place too: every window around a digit must be in the article's opening.
        let figures = query.leadLine.figures
        let missing = Figures.missing(figures, from: candidate.fingerprint.figures)
        guard missing == 0 || (missing == 1 && figures.count >= 4 && marked) else { return nil }
        let misplaced = LetterGrams.missingFigureWindows(of: query.leadLine.letters, in: candidate.leadLine.opening)
        guard misplaced <= (marked ? settings.cutFigureWindows : 0) else { return nil }
        let hamming = SimHash.distance(query.fingerprint.simhash, candidate.fingerprint.simhash)
        return PairRelation(kind: .excerpt, hamming: hamming, jaccard: 0, containment: share)
    }

    /// How `a` relates to `b`: an exact or near duplicate, a partial copy contained in it, or an
    /// excerpt found in its lead.
    public static func relate(_ a: MatchDocument, to b: MatchDocument, settings: MatchSettings) -> PairRelation {
        relate(a, to: b, shared: nil, settings: settings)
    }

    /// Both directions at once, sharing the sketch intersection (weights are per shingle, so the
    /// shared weight is the same from either side). Documents from one batch only.
    public static func relatePair(_ a: MatchDocument, _ b: MatchDocument, settings: MatchSettings) -> (PairRelation, PairRelation) {
        let shared = a.sharedWeight(with: b.sketch)
        return (relate(a, to: b, shared: shared, settings: settings), relate(b, to: a, shared: shared, settings: settings))
    }

    /// Whether two documents are compared as templated reports: a full page of the two reads
    /// as one (`Figures.isReport`, or one whose lines run together: `Figures.isRunOnReport`) and
    /// neither runs in paragraphs but as a run-on report does (`Figures.isProse`: a copy cut
    /// short of a news story keeps too little to tell it from a notice), or, beside the report,
    /// as densely as one (`Figures.isGluedReport`). Excerpts do not say.
    static func isReport(_ a: MatchDocument, _ b: MatchDocument, gluedFirst: Bool = true) -> Bool {
        let x = layout(a), y = layout(b)
        guard x?.report == true || y?.report == true else { return false }
        // Beside a report laid out in rows, a short text as dense in figures as a report that runs
        // in paragraphs is that report glued into one line by a listing, not a story cut short
        // (`gluedFirst` false: not `a`, a page whose lead line is looked for in `b`).
        return (x?.prose != true || (gluedFirst && x?.glued == true)) && (y?.prose != true || y?.glued == true)
    }

    /// How a full page is laid out for `isReport` (nil for an excerpt): as a report (or a run-on
    /// one), in paragraphs as no run-on report is, and whether those paragraphs are short and
    /// state figures as densely as a report (`Figures.isGluedReport`). Asked per pair: no arrays, no copies.
    private static func layout(_ d: MatchDocument) -> (report: Bool, prose: Bool, glued: Bool)? {
        if d.isExcerpt { return nil }
        let runOn = Figures.isRunOnReport(d.fingerprint)
        let prose = Figures.isProse(d.fingerprint) && !runOn
        return (Figures.isReport(d.fingerprint) || runOn, prose, prose && Figures.isGluedReport(d.fingerprint))
    }

    /// Whether two texts are compared as reports are (figures, names): templated reports, or
    /// either a filled-in template (a notice in a template's sentences, `Figures.isTemplated`).
    static func isStrict(_ fa: Fingerprint, _ fb: Fingerprint, report: Bool) -> Bool {
        report || Figures.isTemplated(fa) || Figures.isTemplated(fb)
    }

    /// Whether the headlines name other subjects: other figures ("第1场" / "第2场"), or, for
    /// templated reports, little in common or a word replaced.
    static func otherSubjects(_ fa: Fingerprint, _ fb: Fingerprint, report: Bool, settings: MatchSettings) -> Bool {
        if Figures.headlinesDiffer(fa.titleFigures, fb.titleFigures) { return true }
        guard report, !fa.title.isEmpty, !fb.title.isEmpty else { return false }
        return SketchOverlap.compare(fa.title, fb.title).jaccard < settings.reportTitleJaccard || wordsReplaced(fa.title, fb.title)
    }

    /// Whether two texts state other figures (`Figures.differ`); templated reports are compared
    /// in context too, when both texts carry figures in context: the same numbers after other
    /// words are another report; line by line (`FigureLines`); and in order, when both keep it
    /// (`Figures.inOrder`).
    static func figuresDiffer(_ fa: Fingerprint, _ fb: Fingerprint, aInB: Bool, report: Bool, settings: MatchSettings) -> Bool {
        if Figures.differ(fa.figures, fb.figures, aInB: aInB, minShared: settings.figuresMinShared, report: report) { return true }
        guard report else { return false }
        // A sentence one page stripped with its site's template, stated with other figures.
        if FigureSentences.replaced(fa.figureSentences, fb.figureSentences) || FigureSentences.replaced(fb.figureSentences, fa.figureSentences) {
            return true
        }
        if Figures.differ(fa.figureContexts, fb.figureContexts, aInB: aInB, minShared: settings.figuresMinShared, report: true) { return true }
        // A field with another value beside the same figures: another contact on one template.
        if FigureLines.fieldReplaced(fa.figureLines, fb.figureLines) || (!aInB && FigureLines.fieldReplaced(fb.figureLines, fa.figureLines)) {
            return true
        }
        // A line with the same figures in other words: another company, another scorer.
        // (Reports both, laid out or run on, as a score report's scorers in one sentence: a text's
        // figure lines leave out a short dated line, so a figure of a dateline may stand beside
        // other words in the other's headline.)
        if laidOutOrRunOn(fa) && laidOutOrRunOn(fb)
            && (FigureLines.wordsReplaced(fa.figureLines, fb.figureLines) || (!aInB && FigureLines.wordsReplaced(fb.figureLines, fa.figureLines))) {
            return true
        }
        // A figure with other names beside it: the same round, scorer or price with another number.
        if FigureLines.figureReplaced(fa.figureLines, fb.figureLines) || (!aInB && FigureLines.figureReplaced(fb.figureLines, fa.figureLines)) {
            return true
        }
        // In order too, when both keep it: a copy states its figures in the same order (the
        // shorter's within the longer's, or the contained one's within its container's).
        guard !fa.figureOrder.isEmpty, !fb.figureOrder.isEmpty else { return false }
        if aInB { return !Figures.inOrder(fa.figureOrder, within: fb.figureOrder) }
        return !Figures.inOrder(fa.figureOrder, within: fb.figureOrder) && !Figures.inOrder(fb.figureOrder, within: fa.figureOrder)
    }

    /// Whether one of two excerpt pages' lead lines (letter windows) states its figures in the
    /// other's words: the shorter cut of an article is the start of the longer. True when either is empty.
    static func leadsInPlace(_ a: [LetterGrams.Window], _ b: [LetterGrams.Window], settings: MatchSettings) -> Bool {
        a.isEmpty || b.isEmpty || LetterGrams.missingFigureWindows(of: a, in: b) <= settings.cutFigureWindows
            || LetterGrams.missingFigureWindows(of: b, in: a) <= settings.cutFigureWindows
    }

    /// Whether a text reads as a report laid out in rows, or as one whose rows run together
    /// (`Figures.isRunOnReport`: a score report's scorers in one sentence).
    static func laidOutOrRunOn(_ f: Fingerprint) -> Bool { Figures.isReport(f) || Figures.isRunOnReport(f) }

    /// Whether the headlines name other subjects that each text repeats: each headline holds a
    /// word the other lacks that its own text says too ("永兴物流：关于…的公告" over "永兴物流股份有限
    /// 公司股票于…", "明德物流：…" over "明德物流股份有限公司…"), and neither text says the other's
    /// (as far as its sketch tells: sampled shingles). A repost under another headline says the
    /// new headline's words nowhere, or says both headlines' words. Headlines in letters are
    /// compared word by word too (`HeadlineWords`: "NORLAND CORP CUTS…" over "Norland Corp
    /// said…", "MARSTON CORP CUTS…" over "Marston Corp said…"), where three-word shingles of a
    /// headline hardly ever stand in its text.
    static func namesReplaced(_ fa: Fingerprint, _ fb: Fingerprint) -> Bool {
        (fa.subjectMask != 0 && fb.subjectMask != 0 && ownNames(fa, fb) && ownNames(fb, fa))
            || (fa.headlineWords.namesOwnSubject(against: fb.headlineWords) && fb.headlineWords.namesOwnSubject(against: fa.headlineWords))
    }

    /// Whether `a`'s headline holds a word `b`'s lacks that `a`'s text says (`subjectMask`) and
    /// `b`'s does not.
    static func ownNames(_ a: Fingerprint, _ b: Fingerprint) -> Bool {
        var said = false, j = 0
        for (i, s) in a.title.enumerated() {
            while j < b.title.count && b.title[j] < s { j += 1 }
            if j < b.title.count && b.title[j] == s { continue }
            guard i < 64, a.subjectMask >> UInt64(i) & 1 == 1 else { continue }
            // Sampled shingles of `b`'s text are all in its sketch: there, `b` says that word too.
            if s >> 63 == 0 && SketchOverlap.contains(b.sketch, s) { return false }
            said = true
        }
        return said
    }

    /// What keeps two documents apart before their texts are weighed (`relate` asks it first, and
    /// `reasonApart` names it).
    enum Apart: String {
        case headlineOnly = "a page kept only its headline"
        case headlineFigures = "the headlines state other figures"
        case headlineSubjects = "the reports' headlines name other subjects"
        case namesReplaced = "headline and text name other subjects"
    }

    /// Whether the headlines say other documents (`otherSubjects`, and for texts compared as
    /// reports, `namesReplaced`): the checks `relate` makes before it weighs the texts.
    static func apartBySubject(_ fa: Fingerprint, _ fb: Fingerprint, report: Bool, strict: Bool, settings: MatchSettings) -> Apart? {
        if Figures.headlinesDiffer(fa.titleFigures, fb.titleFigures) { return .headlineFigures }
        if otherSubjects(fa, fb, report: report, settings: settings) { return .headlineSubjects }
        // Short notices too ("Larkin Energy Co said it lowered…" / "Norland Energy Co said…"):
        // a long story re-headlined for a repost says both headlines' words, or neither.
        if (strict || (Figures.isShort(fa) && Figures.isShort(fb))) && namesReplaced(fa, fb) { return .namesReplaced }
        return nil
    }

    /// Why `a` is no copy of `b` when a check other than the thresholds says so, in words for
    /// `winnow explain`; nil when only similarity falls short (or it is a copy).
    public static func reasonApart(_ a: MatchDocument, _ b: MatchDocument, settings: MatchSettings) -> String? {
        if a.isHeadlineOnly || b.isHeadlineOnly { return Apart.headlineOnly.rawValue }
        let report = isReport(a, b)
        if let apart = apartBySubject(a.fingerprint, b.fingerprint, report: report,
                                      strict: isStrict(a.fingerprint, b.fingerprint, report: report), settings: settings) {
            return apart.rawValue
        }
        let r = relate(a, to: b, settings: settings)
        return r.figuresDiffer || r.otherFigures ? "its figures differ, or the words beside them" : nil
    }

    /// Whether each headline holds shingles the other lacks: a word replaced ("沈阳天气预报" /
    /// "武汉天气预报"), where a copy's headline is the same or only gains a suffix.
    static func wordsReplaced(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        let shared = SketchOverlap.intersection(a, b)
        return shared < a.count && shared < b.count
    }

    static func relate(_ a: MatchDocument, to b: MatchDocument, shared known: Float?, settings: MatchSettings) -> PairRelation {
        let fa = a.fingerprint, fb = b.fingerprint
        let hamming = SimHash.distance(fa.simhash, fb.simhash)
        // A page left with its headline says nothing of what it holds (its excerpt line may be
        // another's): no copy either way. An excerpt page is still linked by its cut lead (`leadLine`).
        if a.isHeadlineOnly || b.isHeadlineOnly { return PairRelation(kind: nil, hamming: hamming, jaccard: 0, containment: 0) }
        if fa.tokens > 0 && fa.exact == fb.exact && fa.tokens == fb.tokens {
            return PairRelation(kind: .exact, hamming: hamming, jaccard: 1, containment: 1)
        }
        guard a.totalWeight > 0, b.totalWeight > 0 else { return PairRelation(kind: nil, hamming: hamming, jaccard: 0, containment: 0) }
        // Reports built on one template and headed with other figures, or (for figure-dense
        // reports) with another subject in the headline, are other reports.
        let report = isReport(a, b)
        // A filled-in template states its figures as a report does.
        let strict = isStrict(fa, fb, report: report)
        if apartBySubject(fa, fb, report: report, strict: strict, settings: settings) != nil {
            return PairRelation(kind: nil, hamming: hamming, jaccard: 0, containment: 0)
        }
        let shared = known ?? a.sharedWeight(with: b.sketch)
        // Against an archived article the two sides' weights differ slightly (its shingles count
        // themselves once more): figures are capped at 1.
        let j = min(1, Double(shared / max(a.totalWeight + b.totalWeight - shared, shared)))
        let aInB = min(1, Double(shared / a.totalWeight))
        if a.isExcerpt {
            // An excerpt is the start of an article: look for it in the other's lead.
            let inLead = Double(a.sharedWeight(with: b.lead) / a.totalWeight)
            // Verbatim: most of its shingles, counted plainly too, are in that lead.
            let plain = a.sketch.isEmpty ? 0 : Double(SketchOverlap.intersection(a.sketch, b.lead)) / Double(a.sketch.count)
            // An excerpt page carries its article's headline: a different headline is a different article.
            let ta = a.fingerprint.title, tb = b.fingerprint.title
            let sameTitle = ta.isEmpty || tb.isEmpty || SketchOverlap.compare(ta, tb).jaccard >= settings.excerptTitleJaccard
            // Two excerpt pages as dense in figures as reports are excerpts of reports: held to
            // each other's figures as reports are ("Qtly div 33 cts vs 30 cts prior…" is not
            // "… vs 57 cts prior…"), where an excerpt of a story keeps the lenient test.
            let reports = report || (b.isExcerpt && Figures.isGluedReport(fa) && Figures.isGluedReport(fb))
            // Two cut leads of one article: the shorter is the start of the longer, so each of its
            // figures stands in the same words there ("Oxley Town 0 Porthaven" is not "Oxley Town
            // 7 Porthaven", though both listings state a 0 and a 7 somewhere).
            let sameFigures = !figuresDiffer(fa, fb, aInB: true, report: reports, settings: settings)
                && (!b.isExcerpt || Self.leadsInPlace(a.leadLine.letters, b.leadLine.letters, settings: settings))
            // Or, whatever its spacing: its lead line's letters are found in the other's opening.
            let letters = LetterGrams.containment(of: a.leadLine.letters, in: b.leadLine.opening)
            let inPlace = LetterGrams.missingFigureWindows(of: a.leadLine.letters, in: b.leadLine.opening) <= settings.cutFigureWindows
            let verbatim = ((inLead >= settings.containment && plain >= settings.excerptPlainContainment)
                || letters >= settings.excerptPlainContainment) && (a.leadLine.letters.isEmpty || b.leadLine.opening.isEmpty || inPlace)
            let matches = (!b.isExcerpt && sameTitle && verbatim) || j >= settings.nearDuplicateJaccard
            var relation = PairRelation(kind: matches && sameFigures ? .excerpt : nil, hamming: hamming, jaccard: j,
                                        containment: max(inLead, letters, b.isExcerpt ? aInB : 0))
            // It matches but for its figures: another report (worth a review); matching or not,
            // no cluster takes it at a relaxed threshold either.
            relation.figuresDiffer = matches && !sameFigures
            relation.otherFigures = !sameFigures
            return relation
        }
        // A full page is never a copy of an excerpt page.
        if b.isExcerpt { return PairRelation(kind: nil, hamming: hamming, jaccard: j, containment: aInB) }
        var kind: MatchKind?
        let shorter = Double(a.size) <= Double(b.size) * settings.containedMaxRatio
        if shorter && fa.tokens >= settings.partialMinTokens && aInB >= settings.containment
            && Double(SketchOverlap.intersection(a.lead, b.lead)) >= Double(a.lead.count) * settings.leadContainment {
            // A copy cut short keeps the article's beginning: its lead is the other's lead.
            // ... and states no figures of its own: a templated report with other numbers is another report.
            kind = figuresDiffer(fa, fb, aInB: true, report: strict, settings: settings) ? nil : .partial
        } else if j >= settings.nearDuplicateJaccard {
            // One no larger that states only the other's figures may have lost a line of them, as
            // a copy cut short does: then held to the other's figures (not the other to its own)
            // it is a copy too.
            let within = a.size <= b.size && Figures.missing(fa.figures, from: fb.figures) == 0
            let differ = figuresDiffer(fa, fb, aInB: false, report: strict, settings: settings)
                && (!within || figuresDiffer(fa, fb, aInB: true, report: strict, settings: settings))
            kind = differ ? nil : .nearDuplicate
        } else {
            var relation = PairRelation(kind: nil, hamming: hamming, jaccard: j, containment: aInB)
            // Reports under one headline that share most of a line-by-line table and state other
            // figures are twins, though a line run together or a note keeps them under the
            // thresholds of a copy: a copy of what they share may be either's.
            relation.figuresDiffer = report && aInB >= settings.twinContainment && !fa.figureOrder.isEmpty && !fb.figureOrder.isEmpty
                && !fa.title.isEmpty && fa.title == fb.title && figuresDiffer(fa, fb, aInB: false, report: true, settings: settings)
            return relation
        }
        var relation = PairRelation(kind: kind, hamming: hamming, jaccard: j, containment: aInB)
        relation.figuresDiffer = kind == nil
        return relation
    }
}
