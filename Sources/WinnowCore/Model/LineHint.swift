/// What the markup said about one line of an article read from HTML: evidence the analyzer weighs
/// beside the line's text. Text-only inputs have no hints and are analysed on their text alone.
public struct LineHint: Sendable, Hashable {
    /// Page regions and class/id tokens around the line's block.
    public struct Regions: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        /// Creates a set from its raw bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Inside `<nav>`, `role=navigation`, or a class/id token such as nav, menu, breadcrumb.
        public static let navigation = Regions(rawValue: 1 << 0)
        /// Inside `<header>` (outside `<article>`) or `role=banner`.
        public static let header = Regions(rawValue: 1 << 1)
        /// Inside `<footer>`, `role=contentinfo`, or a footer/copyright token.
        public static let footer = Regions(rawValue: 1 << 2)
        /// Inside `<aside>`, `role=complementary`, or a sidebar/widget token.
        public static let aside = Regions(rawValue: 1 << 3)
        /// Inside `<form>`, `<button>`, `<select>` or a search/login token.
        public static let form = Regions(rawValue: 1 << 4)
        /// A comment/reply token.
        public static let comments = Regions(rawValue: 1 << 5)
        /// A related/recommend/more-articles token, or a list of teasers (titles linked over
        /// excerpts: other articles) outside the main text.
        public static let related = Regions(rawValue: 1 << 6)
        /// A share/social/follow token.
        public static let share = Regions(rawValue: 1 << 7)
        /// An ad/sponsor/promo token.
        public static let advert = Regions(rawValue: 1 << 8)
        /// Inside `<article>`, `<main>`, `role=main`, `itemprop=articleBody`, or a content/article/post-body token.
        public static let content = Regions(rawValue: 1 << 9)
        /// A hidden element (`hidden`, `aria-hidden=true`, `display:none`).
        public static let hidden = Regions(rawValue: 1 << 10)
        /// Inside the element holding the page's main text, as a readability-style score of the
        /// page's non-link paragraph text picks it (weighed by the element's markup: comments and
        /// other furniture down, `<article>` and `itemprop=articleBody` up; by its share of text
        /// outside links; down for lists of teasers; hidden text not counted): strong evidence of
        /// the article.
        public static let mainText = Regions(rawValue: 1 << 11)
        /// Inside `<figcaption>` or a caption/credit token: the words under a picture (what it
        /// shows, who took it), which readers of the article's text skip.
        public static let caption = Regions(rawValue: 1 << 12)

        /// A reader's name for the most telling region in the set ("navigation", "footer", …).
        public static func name(of set: Regions) -> String {
            let names: [(Regions, String)] = [(.navigation, "navigation"), (.footer, "footer"), (.comments, "comments"),
                                              (.related, "related links"), (.share, "share bar"), (.advert, "adverts"),
                                              (.form, "forms"), (.aside, "sidebar"), (.header, "header")]
            return names.first { set.contains($0.0) }?.1 ?? "furniture"
        }

        /// Regions that are furniture whatever the text says.
        public static let furniture: Regions = [.navigation, .header, .footer, .aside, .form, .comments, .related, .share, .advert]
    }

    /// The kind of block the line is.
    public enum Block: UInt8, Sendable, Hashable {
        case paragraph, heading, listItem, tableCell, preformatted, quote, other
    }

    /// Regions around the line.
    public var regions: Regions
    /// The kind of block.
    public var block: Block
    /// Heading level 1–6 for headings, else 0.
    public var headingLevel: UInt8
    /// Share of the line's visible characters inside links, 0…1.
    public var linkDensity: Float

    /// Creates a hint.
    public init(regions: Regions = [], block: Block = .other, headingLevel: UInt8 = 0, linkDensity: Float = 0) {
        self.regions = regions
        self.block = block
        self.headingLevel = headingLevel
        self.linkDensity = linkDensity
    }
}
