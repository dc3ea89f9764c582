/// Everything the per-article step concludes: the pure "analyze" output that candidate search,
/// clustering and reporting work from.
public struct ArticleAnalysis: Sendable {
    /// The article id.
    public let id: String
    /// Its site.
    public let site: String
    /// Detected language.
    public let language: String
    /// Publication time, as given.
    public let publishedAt: String?
    /// Findings of detectors and rules, in line order.
    public var findings: [Finding] { packedFindings.findings }
    /// 1-based numbers of lines left out of the clean text and the fingerprint.
    public var strippedLines: Set<Int> { packedStrippedLines.lines }
    /// How many findings there are (without unpacking them).
    public var findingCount: Int { packedFindings.count }
    /// How many lines were stripped (without unpacking them).
    public var strippedLineCount: Int { packedStrippedLines.count }
    /// The findings and the stripped lines, packed: a batch holds every analysis until its
    /// reports are written.
    private let packedFindings: CompactFindings
    private let packedStrippedLines: CompactLineSet
    /// The body's first and last line (1-based), when a body was found.
    public let body: ClosedRange<Int>?
    /// The document is an excerpt: its only content is a cut-off lead.
    public let isExcerpt: Bool
    /// The fingerprint of what remains after furniture is stripped.
    public internal(set) var fingerprint: Fingerprint
    /// Rule ids asking an editor to review the document.
    public let reviewRules: [String]
    /// Rule ids asking to remove the document.
    public let removeRules: [String]
    /// Sampled shingles of the page's lead line — its longest cut-off line outside related lists,
    /// stripped or not, else its longest line — when the page is not already an excerpt and holds
    /// little more text: if that line is the verbatim start of another article with the same
    /// headline, the page is an excerpt of it, whatever else it holds (a small site's notices).
    public var cutLead: [UInt64] = []
    /// The lead line (`cutLead`'s line, or an excerpt page's body) as letter windows and figures,
    /// and the page's opening as letter windows: compared whatever the spacing.
    public var leadLine = LeadLine()

    /// Creates an analysis.
    public init(id: String, site: String, language: String, publishedAt: String?, findings: [Finding],
                strippedLines: Set<Int>, body: ClosedRange<Int>?, isExcerpt: Bool, fingerprint: Fingerprint,
                reviewRules: [String] = [], removeRules: [String] = []) {
        self.id = id
        self.site = site
        self.language = language
        self.publishedAt = publishedAt
        packedFindings = CompactFindings(findings)
        packedStrippedLines = CompactLineSet(strippedLines)
        self.body = body
        self.isExcerpt = isExcerpt
        self.fingerprint = fingerprint
        self.reviewRules = reviewRules
        self.removeRules = removeRules
    }
}
