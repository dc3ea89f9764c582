/// Thresholds of candidate search and pair verification.
public struct MatchSettings: Sendable, Equatable {
    /// SimHash Hamming distance searched through the blocked tables (k).
    public var simhashDistance = 6
    /// Verified near-duplicates share at least this estimated Jaccard similarity of shingles.
    public var nearDuplicateJaccard = 0.5
    /// Share of a document's figures (of the smaller set, for near-duplicates) the other must
    /// state too; below it the two are different reports built on one template, never copies.
    public var figuresMinShared = 0.5
    /// Two templated reports (`Figures.isReport`) with headlines sharing less than this Jaccard
    /// similarity are about different subjects (Shenyang's weather is not Wuhan's).
    public var reportTitleJaccard = 0.5
    /// A shorter document is a partial copy or excerpt when at least this share of it is contained.
    public var containment = 0.7
    /// An excerpt's sampled shingles, counted without weights, must be found in the other's lead at least this much.
    public var excerptPlainContainment = 0.75
    /// A page's lead line not marked as cut off (its longest line) must be found in an article's
    /// opening at least this much to make the page an excerpt of it (official prose shares long
    /// phrases between different reports; an excerpt is verbatim).
    public var unmarkedLeadContainment = 0.9
    /// A cut-off line's letter windows around digits (`LetterGrams`) missing from its article's
    /// opening at most: the cut may end inside the last figure ("Revs 84.…"); an unmarked line
    /// may miss none.
    public var cutFigureWindows = 0
    /// When both have headlines, an excerpt's headline shares at least this Jaccard similarity with its article's.
    public var excerptTitleJaccard = 0.5
    /// A partial copy's lead must be found in the other's lead at least this much (copies cut short keep the beginning).
    public var leadContainment = 0.6
    /// ... and it is at most this share of the longer document's size.
    public var containedMaxRatio = 0.92
    /// Reports under one headline that state other figures are twins from this containment, under
    /// `containment` (`PairRelation.figuresDiffer` without a kind).
    public var twinContainment = 0.55
    /// A copy held by two twin reports is ambiguous between them unless it is contained in one by
    /// more than this much over the other: a copy that ran the twins' lines together, or split
    /// them, shares fewer shingles with either, which says nothing of which report it copies.
    public var twinContainmentSlack = 0.1
    /// ... and it holds at least this many tokens of its own: a page left with its headline and
    /// a few words (a listing's excerpt whose cut line was stripped) is contained in every
    /// article under that headline, which says nothing; such a page links by its lead line.
    public var partialMinTokens = 16
    /// Joining a cluster through one of its members needs at least this containment in the centre.
    public var relaxedContainment = 0.4
    /// SimHash candidates verified per document at most (the nearest ones).
    public var maxCandidates = 64
    /// Where more than `maxCandidates` documents share a SimHash table key, every one of them is
    /// also verified against this many of them that clustering visits first (full pages, larger
    /// first, then position): the centre a viral story's cluster grows around is among them, so a
    /// copy edited by a word still meets it however many copies crowd its nearest hits.
    public var crowdLeaders = 8
    /// Containment candidates verified per document at most (those sharing the most probed
    /// shingles): a story copied thousands of times costs a bounded number of pairs per copy.
    public var maxContainmentCandidates = 64
    /// Share of probed shingles a containment candidate must share before it is verified.
    public var candidateShare = 0.34

    /// The defaults.
    public init() {}
}
