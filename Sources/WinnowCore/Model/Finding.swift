/// What kind of thing a finding is about.
public enum FindingCategory: String, Sendable, Codable, CaseIterable {
    /// Site furniture: navigation, metadata lines, related-article lists, templates.
    case boilerplate
    /// Legal and editorial notices: "not the view of this site", "contact us to remove".
    case disclaimer
    /// Cut-off text: excerpts ending (or starting) mid-sentence, usually with an ellipsis.
    case truncated
    /// Editors' moderation concerns: contact details, spam, banned terms.
    case moderation
    /// Properties of the whole document, such as being an excerpt.
    case quality
    /// Anything an editor's own rule defines.
    case custom

    /// Categories whose lines are page furniture rather than article text.
    public var isFurniture: Bool { self == .boilerplate || self == .disclaimer || self == .truncated }
}

/// How serious a finding is; `--fail-on` compares against it.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    /// Orders info < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule asks the pipeline to do with what it matched.
public enum RuleAction: String, Sendable, Codable, CaseIterable {
    /// Report only.
    case flag
    /// Leave the lines out of the clean text and the fingerprint.
    case strip
    /// Ask an editor to look at the document.
    case review
    /// Remove the whole document, naming the rule as the reason.
    case remove
}

/// One thing a rule or detector found in a document, pointing at original line numbers.
public struct Finding: Sendable, Codable, Hashable {
    /// The rule or detector id.
    public var rule: String
    /// The kind of finding.
    public var category: FindingCategory
    /// How serious it is.
    public var severity: Severity
    /// What the pipeline does about it.
    public var action: RuleAction
    /// First line, 1-based, inclusive.
    public var lineStart: Int
    /// Last line, 1-based, inclusive.
    public var lineEnd: Int
    /// A short human explanation.
    public var message: String
    /// A moderation match outside its rule's region (for instance in a site's stripped footer):
    /// reported once per site in the summary, never acted on. Not part of `decisions.jsonl`.
    public var outsideRegion = false

    /// Creates a finding.
    public init(rule: String, category: FindingCategory, severity: Severity = .info, action: RuleAction = .strip,
                lineStart: Int, lineEnd: Int, message: String) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.action = action
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case rule, category, severity, action, message
        case lineStart = "line_start"
        case lineEnd = "line_end"
    }
}
