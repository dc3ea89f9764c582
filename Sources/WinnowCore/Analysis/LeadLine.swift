/// What links an excerpt page to its article whatever its spacing and cut mark, kept per page
/// by analysis and read by the pair judge: the page's lead line (its longest cut-off line, or the
/// one long line a page with little text of its own holds) as letter windows (`LetterGrams`) and
/// figures, and the page's opening as letter windows.
public struct LeadLine: Sendable {
    /// Letter windows of the page's lead line (empty when it has none).
    public var letters: [LetterGrams.Window] = []
    /// Figures the lead line states: its article must state them too.
    public var figures: [UInt64] = []
    /// Letter windows of the page's opening, as published after the headline (not for excerpt
    /// pages): where an excerpt of this article must be found.
    public var opening: [LetterGrams.Window] = []
    /// The lead line is marked as cut off (or the page is an excerpt page); an unmarked line (a
    /// small page's longest line) must be found more nearly verbatim.
    public var marked = false

    /// An empty lead line.
    public init() {}
}
