/// What is known about one line before layout is considered.
struct LineEvidence {
    /// Indexes (into the rule set) of furniture rules matching the line.
    var furnitureRules: [Int] = []
    /// Indexes of other (moderation, quality, custom) rules matching the line.
    var otherRules: [Int] = []
    /// Documents of the site sharing this line, and their share.
    var templateDocuments = 0
    var templateShare = 0.0
    var isTemplate = false
    /// The line recurs across more documents (of any site) than the document's own text does:
    /// promos and notices pasted under many articles, when the site is unknown or small.
    var recurs = false
    /// A line too short to recur by size stands under several of its tiny site's stories, and
    /// under other sites' stories too (`ArticleAnalyzer.recursAsShortLine`): "Sponsored" between
    /// notices, or a report's "Year" between its rows. Weak evidence: its neighbours decide.
    var recursOnTinySite = false
    /// Stories of any site holding the line.
    var recurrence = 0
    /// The line also occurs on other sites than the page's (never known for pages without a site).
    var recursElsewhere = false
    /// The line travels with its story: other sites carry it under this page's headline, and no
    /// page of another story holds it. Reposts keep an article's own lines (a notice's stock code
    /// line, a report's opening), while a site's furniture stays on that site or goes under
    /// other stories too.
    var travelsWithStory = false
    /// The line gives an e-mail address at the page's own site (`SiteAddress`): the site's
    /// contact or takedown notice, in whatever words.
    var givesSiteAddress = false
    var isDate = false
    var isMeta = false
    var isNavigation = false
    /// A short bulleted line: menu-like at the head, but a list item inside an article.
    var isBullet = false
    var isTruncated = false
    /// Part of a related-articles list (items alternating with dates).
    var inListing = false
    /// Code or a table: article content, whatever its shape.
    var isStructuredContent = false
    /// Only links (and punctuation or numbering) on the line.
    var isLinkOnly = false
    /// A Markdown heading.
    var isHeading = false
    /// Heading rank (1 biggest … 7 a bold line, 8 a short plain line that only names a section);
    /// nil for lines that are no heading.
    var headingRank: Int?
    /// A rule says the section under this heading is furniture.
    var opensSection = false
    /// Page regions the line sits in, from HTML markup (empty for text inputs).
    var regions: LineHint.Regions = []
    /// HTML: the page has a main-text element and this line is outside it.
    var outsideMainText = false
    /// Share of the line's text inside links, from HTML markup (0 for text inputs).
    var linkDensity: Float = 0

    /// Evidence strong enough to flag a line in the head or tail.
    var isStrong: Bool { isStrongBesidesCut || isTruncated }

    /// Strong evidence other than a cut mark: a cut-off line without it may still be the page's
    /// content (an excerpt page's lead, the most prose-like line of a page without a body).
    var isStrongBesidesCut: Bool {
        !furnitureRules.isEmpty || isTemplate || isDate || isMeta || isNavigation || inListing || givesSiteAddress
    }
}
