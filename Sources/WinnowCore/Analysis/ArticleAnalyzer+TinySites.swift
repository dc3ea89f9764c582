/// Sites seen a handful of times (`AnalysisSettings.minSiteDocuments`): too few pages for a
/// template of their own by shares, yet a line under several of their stories is telling.
extension ArticleAnalyzer {
    /// Whether a line too short to recur by size (a breadcrumb of one separator, a section name,
    /// a comment counter, "Sponsored") recurs on a tiny site: under `tinySiteShortLineDocuments`
    /// of its stories or more, and half of them, and no statement (a notice's closing formula,
    /// "特此公告。", recurs on a small site of notices too).
    func recursAsShortLine(_ e: LineEvidence, shape: LineShape) -> Bool {
        e.templateDocuments >= settings.tinySiteShortLineDocuments && e.templateShare >= settings.tinySiteTemplateShare
            && !shape.endsWithTerminal
    }

    /// Judges a short line that recurs on a tiny site (`recursAsShortLine`). In the page's head
    /// (`inHead`: "Комментарии: 678"), or under hardly any story of other sites ("Aktuelles"),
    /// it is the site's template. Further down, a line every site's stories carry ("Sponsored",
    /// a report's "Year") leans furniture only weakly, so where it stands decides (`LineLabeller`:
    /// between notices it goes with them, among a report's rows with those). A line that states
    /// a number there is a report's row ("Chance of precipitation: 72%", "Record Oct 13"): no
    /// evidence, however rare its words elsewhere.
    func judgeShortLine(_ e: inout LineEvidence, line i: Int, shape: LineShape, doc: PreparedArticle) {
        let ownWords = shape.digitRuns == 0
        e.isTemplate = inHead(i, of: doc, shape: shape) || (ownWords && e.recurrence <= e.templateDocuments + 1)
        e.recursOnTinySite = !e.isTemplate && ownWords
    }

    /// Whether a line stands in the page's head: above its headline, or in the few lines below
    /// it (`tinySiteMetaLines`) where a byline, a date or a view counter stand, before any line
    /// that states figures or a sentence, and names no date itself (a report's "Qtr ended
    /// Sept 9" or "Year" stands there too when its rows begin right below the headline).
    func inHead(_ i: Int, of doc: PreparedArticle, shape: LineShape) -> Bool {
        guard let title = doc.titleLine else { return false }
        if i < title { return true }
        guard i > title, i <= title + settings.tinySiteMetaLines, !shape.hasDate else { return false }
        return ((title + 1)..<i).allSatisfy { !doc.shapes[$0].statesFigures && !doc.shapes[$0].isStatement }
    }
}
