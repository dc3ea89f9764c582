import WinnowCore
import WinnowIO

/// How `winnow check` rates what it finds in a draft, and how it describes its rules.
///
/// - Copies of the archive: an exact or near-duplicate of an archived canonical is an `error`
///   (`archive-duplicate`, `archive-near-duplicate`); a partial copy or an excerpt of one is a
///   `warning` (`archive-partial-copy`, `archive-excerpt`); a draft that is the full article of
///   an archived excerpt or partial copy is an `info` (`archive-contains`).
/// - Copies among the drafts: a `warning` (`draft-duplicate`, `draft-partial-copy`).
/// - Furniture a rule finds (boilerplate, disclaimer, truncated): at least a `warning`, whatever
///   the rule says: crawled pages carry such lines, a draft only when they were pasted in.
/// - Furniture only a built-in detector sees (dates, bylines, menus, lines between notices):
///   the detector's severity (`info` unless a `detector:` rule tunes it); a single draft gives
///   them little evidence.
/// - Every other finding (moderation, quality, custom rules): the rule's own severity.
enum CheckSeverity {
    /// The check's own rules: id, description, help, severity.
    static let builtInRules: [CheckRule] = [
        CheckRule(id: "archive-duplicate", shortDescription: "Exact copy of an archived article",
                  help: "The draft's text (after furniture is stripped) equals an article an earlier run archived. Publish a link or an update instead of a copy.",
                  defaultSeverity: .error),
        CheckRule(id: "archive-near-duplicate", shortDescription: "Near-duplicate of an archived article",
                  help: "SimHash-close and verified by shingle overlap: a light edit of an archived article. The message names it with the similarity figures and the draft's matching lines.",
                  defaultSeverity: .error),
        CheckRule(id: "archive-partial-copy", shortDescription: "Partial copy of an archived article",
                  help: "Most of the draft, lead included, is contained in an archived article. Quote and attribute it, or rewrite.",
                  defaultSeverity: .warning),
        CheckRule(id: "archive-excerpt", shortDescription: "Excerpt of an archived article",
                  help: "The draft is a cut-off excerpt found in the lead of an archived article.",
                  defaultSeverity: .warning),
        CheckRule(id: "archive-contains", shortDescription: "Full article of an archived excerpt or partial copy",
                  help: "An archived excerpt or partial copy is contained in this draft; recording the draft revises it.",
                  defaultSeverity: .info),
        CheckRule(id: "draft-duplicate", shortDescription: "Duplicate of another draft",
                  help: "Two drafts checked together are exact or near-duplicates of each other.",
                  defaultSeverity: .warning),
        CheckRule(id: "draft-partial-copy", shortDescription: "Partial copy or excerpt of another draft",
                  help: "Most of this draft is contained in another draft checked with it.",
                  defaultSeverity: .warning),
    ]

    /// The check rule for a copy of the archive.
    static func archiveRule(_ kind: MatchKind) -> (id: String, severity: Severity) {
        switch kind {
        case .exact: return ("archive-duplicate", .error)
        case .nearDuplicate: return ("archive-near-duplicate", .error)
        case .partial: return ("archive-partial-copy", .warning)
        case .excerpt: return ("archive-excerpt", .warning)
        }
    }

    /// The check rule for a copy of another draft.
    static func draftRule(_ kind: MatchKind) -> (id: String, severity: Severity) {
        kind == .exact || kind == .nearDuplicate ? ("draft-duplicate", .warning) : ("draft-partial-copy", .warning)
    }

    /// Whether a finding comes from a built-in detector (layout and statistics evidence).
    static func isBuiltIn(_ f: Finding) -> Bool { BuiltInDetector(rawValue: f.rule) != nil }

    /// A rule finding's severity in a draft.
    static func severity(of f: Finding) -> Severity {
        f.category.isFurniture && !isBuiltIn(f) ? max(f.severity, .warning) : f.severity
    }

    /// Describes a rule of the analysis for the report.
    static func describe(rule id: String, in rules: RuleSet) -> CheckRule {
        if let r = rules.rules.first(where: { $0.id == id }) {
            let furniture = r.category.isFurniture
            let help = furniture
                ? "Site furniture (\(r.category.rawValue)) that Winnow strips from crawled pages. In a draft it was most likely pasted from another page: remove it. Defined at \(r.definedAt)."
                : "A \(r.category.rawValue) rule (action \(r.action.rawValue)); an editor should look at the line before publishing. Defined at \(r.definedAt)."
            return CheckRule(id: r.id, shortDescription: r.description.isEmpty ? r.id : r.description, help: help,
                             defaultSeverity: furniture ? max(r.severity, .warning) : r.severity)
        }
        if let d = BuiltInDetector(rawValue: id) {
            let tuned = rules.detectors.override(for: d)
            return CheckRule(id: id, shortDescription: d.summary,
                             help: "Built-in detector: page layout and statistics, weak evidence in a single draft; reported, failing only when a detector rule raises its severity.",
                             defaultSeverity: tuned?.severity ?? .info)
        }
        if id == "excerpt-document" {
            return CheckRule(id: id, shortDescription: "The draft holds only a cut-off excerpt of an article",
                             help: "Its only content is a lead ending in an ellipsis.", defaultSeverity: .info)
        }
        return builtInRules.first { $0.id == id } ?? CheckRule(id: id, shortDescription: id, help: id, defaultSeverity: .info)
    }
}
