/// Thresholds of the per-article analysis. The defaults are tuned on generic properties of news
/// pages (sizes in character-equivalents: one Han character, or two thirds of a word).
public struct AnalysisSettings: Sendable, Equatable {
    /// A line recurring in at least this many documents of a site may be template.
    public var templateMinDocuments = 4
    /// ... and in at least this share of the site's documents.
    public var templateMinShare = 0.01
    /// Inside the body a template line must recur in this share of the site's documents.
    public var bodyTemplateMinShare = 0.05
    /// A template line is at least this many times more frequent on its site than on others.
    public var templateSiteRatio = 4.0
    /// Sites with fewer documents get no cross-document template detection of the full kind ...
    public var minSiteDocuments = 8
    /// ... but on them (two pages or more) a line under at least this share of the site's
    /// stories, and two of them, is its template.
    public var tinySiteTemplateShare = 0.5
    /// ... and a line shorter than `recurrenceMinSize` (a breadcrumb, a section name, a comment
    /// counter) under at least this many of them: two alike may be chance.
    public var tinySiteShortLineDocuments = 3
    /// Lines below a page's headline where its byline, date and counters stand (the page's head).
    public var tinySiteMetaLines = 3
    /// A sentence-final line of at least this size can anchor the body.
    public var coreMinSize = 12
    /// Any line of at least this size can anchor the body, punctuation or not.
    public var coreLongSize = 40
    /// A run of body lines cut off from the main run by notices joins it only at this share of its size.
    public var bodyBlockMinShare = 0.5
    /// Date lines at most this many lines apart form one related-articles list.
    public var listingMaxGap = 4
    /// Metadata lines (a date plus a few words) are at most this size.
    public var metaMaxSize = 40
    /// A line in at least this many documents (stories of any site), and in more than the
    /// document's own text, recurs: a promo or notice pasted under many articles.
    public var recurrenceMinDocuments = 3
    /// ... and is at least this size (short headings recur by chance).
    public var recurrenceMinSize = 8
    /// How strongly a line that travels with its story (`LineEvidence.travelsWithStory`) leans
    /// body: more than two switches, so it stays body between two lines of furniture.
    public var storyLineLean = 6.0
    /// What switching between body and furniture costs the line labelling (`LineLabeller`).
    public var switchCost = 2.5
    /// What switching costs on top of that between a line announcing what follows and what it
    /// announces (`LineShape.introducesNext`), and between the pictures it announces.
    public var bindCost = 3.0
    /// Without a known title, the first unflagged line of at least this size without
    /// sentence-final punctuation before the body is taken for the headline.
    public var headlineMinSize = 8
    /// Tokens per shingle.
    public var shingleWidth = 3

    /// The defaults.
    public init() {}
}
