/// The detectors built into the analyzer. They need no list: they work from a page's structure
/// and from statistics across documents. A rule with `detector: NAME` tunes one of them: its
/// category, severity, action and description replace the detector's, `params: {enabled: false}`
/// switches it off, and some take parameters.
public enum BuiltInDetector: String, CaseIterable, Sendable {
    /// Lines recurring across many documents of one site (and far less elsewhere), and lines
    /// giving an e-mail address at the page's own site (its contact or takedown notice).
    /// Params: `min_documents`, `min_share`.
    case siteTemplate = "site-template"
    /// Related-article lists: items alternating with dates.
    case relatedList = "related-list"
    /// Text cut off with an ellipsis.
    case truncatedLine = "truncated-line"
    /// A date or time alone.
    case dateLine = "date-line"
    /// Breadcrumbs, menus, bulleted short lines at the head.
    case navigationLine = "navigation-line"
    /// Short lines holding a date plus a source or author.
    case metadataLine = "metadata-line"
    /// Lines inside a run of furniture (between notices, promos and lists, or after the page's
    /// last notice) that carry no evidence of their own: the page's layout puts them there.
    case furnitureBlock = "furniture-block"
    /// HTML pages only: lines inside a page's menus, header, footer, sidebars, forms, comment,
    /// share, related or advert blocks, hidden elements, and blocks that are mostly links.
    case pageRegion = "page-region"

    /// Position in `allCases`, for table lookups.
    var ordinal: Int {
        switch self {
        case .siteTemplate: return 0
        case .relatedList: return 1
        case .truncatedLine: return 2
        case .dateLine: return 3
        case .navigationLine: return 4
        case .metadataLine: return 5
        case .furnitureBlock: return 6
        case .pageRegion: return 7
        }
    }

    /// What the detector finds, in one sentence.
    public var summary: String {
        switch self {
        case .siteTemplate: return "lines recurring across many documents of a site, far more than elsewhere, or giving the site's own e-mail address"
        case .relatedList: return "related-article lists whose items alternate with dates"
        case .truncatedLine: return "cut-off text marked with an ellipsis"
        case .dateLine: return "a date or time alone"
        case .navigationLine: return "breadcrumbs, menus and bulleted short lines at the head"
        case .metadataLine: return "short lines with a date plus source or author"
        case .furnitureBlock: return "lines without evidence of their own inside a run of furniture"
        case .pageRegion: return "HTML: lines in menus, headers, footers, sidebars, share or comment blocks, hidden or link-heavy blocks"
        }
    }
}

/// How rules tune the built-in detectors.
public struct DetectorSettings: Sendable {
    /// Detectors switched off.
    public var disabled: Set<BuiltInDetector> = [] { didSet { enabled = BuiltInDetector.allCases.map { !disabled.contains($0) } } }
    /// Rules replacing a detector's category, severity, action and message.
    public var overrides: [BuiltInDetector: Rule] = [:] { didSet { overrideTable = BuiltInDetector.allCases.map { overrides[$0] } } }
    private var enabled = Array(repeating: true, count: BuiltInDetector.allCases.count)
    private var overrideTable = [Rule?](repeating: nil, count: BuiltInDetector.allCases.count)
    /// Parameters per detector.
    public var params: [BuiltInDetector: [String: String]] = [:]

    /// No tuning.
    public init() {}

    /// Whether a detector is on.
    public func isEnabled(_ d: BuiltInDetector) -> Bool { enabled[d.ordinal] }

    /// The rule tuning a detector, if any.
    public func override(for d: BuiltInDetector) -> Rule? { overrideTable[d.ordinal] }

    /// A numeric parameter, when given and valid.
    public func number(_ d: BuiltInDetector, _ key: String) -> Double? {
        params[d]?[key].flatMap(Double.init)
    }
}
