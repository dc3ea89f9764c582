/// Where in a document a rule applies.
public enum RulePosition: String, Sendable, Codable, CaseIterable {
    /// Anywhere.
    case any
    /// Before the article body starts.
    case head
    /// After the article body ends.
    case tail
    /// Head or tail: anywhere but inside the body.
    case outsideBody = "outside-body"
}

/// Which lines' matches count: the article's own text, the furniture stripped from it, or both.
public enum RuleRegion: String, Sendable, Codable, CaseIterable {
    /// Lines kept as the article's text.
    case body
    /// Lines stripped as furniture.
    case furniture
    /// Every line.
    case any
}

/// Limits on where a rule applies.
public struct RuleScope: Sendable, Equatable {
    /// Position relative to the detected body.
    public var position: RulePosition = .any
    /// Only lines within this many lines of the document's start (head) or end (tail).
    public var withinLines: Int?
    /// Only lines of at most this size (character-equivalents), so long body sentences that
    /// merely mention a phrase are left alone.
    public var maxLineSize: Int?
    /// Only these languages ("zh", "en", ...); empty means all.
    public var languages: [String] = []
    /// Only these sites (hosts or sources); empty means all.
    public var sites: [String] = []
    /// The rule recognizes a heading whose whole section is furniture ("相关阅读", "About us"):
    /// a matching heading after the body's start makes the lines under it furniture up to the
    /// next heading of the same or a higher rank, unless they are code or tables.
    public var opensSection = false
    /// Whose lines' matches act (`review`, `remove`): nil means the article's own text for
    /// moderation, quality and custom rules (a site's takedown notice with an e-mail address is
    /// no reason to review the article) and every line for furniture rules.
    public var region: RuleRegion?

    /// Creates a scope.
    public init(position: RulePosition = .any, withinLines: Int? = nil, maxLineSize: Int? = nil,
                languages: [String] = [], sites: [String] = [], opensSection: Bool = false, region: RuleRegion? = nil) {
        self.position = position
        self.withinLines = withinLines
        self.maxLineSize = maxLineSize
        self.languages = languages
        self.sites = sites
        self.opensSection = opensSection
        self.region = region
    }
}

/// How a rule recognizes a line.
public enum RuleMatcher: Sendable, Equatable {
    /// Any of these phrases, matched on normalized text.
    case phrases([String])
    /// An ICU regular expression on the original line, with a step budget.
    case regex(String)
    /// A built-in detector by name, with parameters.
    case detector(String, [String: String])
}

/// Example texts a rule must and must not match; `winnow rules test` runs them.
public struct RuleExamples: Sendable, Equatable {
    /// Lines that must match.
    public var match: [String]
    /// Lines that must not match.
    public var noMatch: [String]

    /// Creates examples.
    public init(match: [String] = [], noMatch: [String] = []) {
        self.match = match
        self.noMatch = noMatch
    }
}

/// One rule as an editor writes it in `rules/*.yaml`.
public struct Rule: Sendable, Equatable {
    /// Unique id, kebab-case.
    public var id: String
    /// What it is for, in one sentence.
    public var description: String
    /// What the finding is about.
    public var category: FindingCategory
    /// How serious a finding is.
    public var severity: Severity
    /// What happens to matched lines or their document.
    public var action: RuleAction
    /// How lines are recognized.
    public var matcher: RuleMatcher
    /// Where the rule applies.
    public var scope: RuleScope
    /// Texts that must and must not match.
    public var examples: RuleExamples
    /// Where the rule was defined (`file:line`), for messages.
    public var definedAt: String
    /// For regex rules: literals of which a document must contain one before the regex runs on
    /// it (a fast pre-filter, as literal extraction does in grep tools). Empty: always run.
    public var requires: [String] = []
    /// For regex rules: the regex runs only on documents holding a run of at least this many
    /// ASCII digits (single spaces or hyphens may separate them), as phone and ID numbers need.
    public var requiresDigits: Int?

    /// Creates a rule.
    public init(id: String, description: String = "", category: FindingCategory, severity: Severity = .info,
                action: RuleAction = .strip, matcher: RuleMatcher, scope: RuleScope = RuleScope(),
                examples: RuleExamples = RuleExamples(), definedAt: String = "") {
        self.id = id
        self.description = description
        self.category = category
        self.severity = severity
        self.action = action
        self.matcher = matcher
        self.scope = scope
        self.examples = examples
        self.definedAt = definedAt
    }
}
