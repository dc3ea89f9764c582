import WinnowCore

/// An archived article a draft copies, as a check finding names it.
public struct ArchivedReference: Sendable, Equatable {
    /// Its id.
    public var id: String
    /// The run that archived it.
    public var run: String
    /// Its address, when known.
    public var url: String?
    /// Its headline, when the archive keeps one.
    public var title: String?
    /// Publication time, as given.
    public var publishedAt: String?

    /// Creates a reference.
    public init(id: String, run: String, url: String? = nil, title: String? = nil, publishedAt: String? = nil) {
        self.id = id
        self.run = run
        self.url = url
        self.title = title
        self.publishedAt = publishedAt
    }
}

/// One thing `winnow check` found in a draft. Text fields hold raw (possibly hostile) text:
/// every reporter escapes them for its own format.
public struct CheckFinding: Sendable, Equatable {
    /// The rule id: a rule or detector of the analysis, or one of the check's own (`archive-…`, `draft-…`).
    public var rule: String
    /// How serious it is in a draft (see the severity mapping in `winnow check --help`).
    public var severity: Severity
    /// The finding's category: a rule category, or `duplicate`.
    public var category: String
    /// A one-line explanation.
    public var message: String
    /// First line in the draft's text, 1-based.
    public var lineStart: Int
    /// Last line in the draft's text, 1-based, inclusive.
    public var lineEnd: Int
    /// For copies: the draft's lines found in the other document.
    public var matchedLines: [ClosedRange<Int>] = []
    /// For copies of the archive: the archived article.
    public var archived: ArchivedReference?
    /// For copies of another draft: its id.
    public var otherDraft: String?
    /// For copies: the similarity figures.
    public var similarity: MatchEvidence?
    /// A stable fingerprint (see `stableFingerprint`) that tracks the finding across commits.
    public var fingerprint: UInt64

    /// Creates a finding.
    public init(rule: String, severity: Severity, category: String, message: String, lineStart: Int, lineEnd: Int,
                fingerprint: UInt64) {
        self.rule = rule
        self.severity = severity
        self.category = category
        self.message = message
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.fingerprint = fingerprint
    }

    /// A fingerprint that survives edits elsewhere in the file: the rule, the draft, and the text
    /// the finding is about (its lines' words, or the id of what it copies), never line numbers.
    /// FNV-1a (`StableHash`), never Swift's per-process `Hasher`.
    public static func stableFingerprint(rule: String, draft: String, subject: String) -> UInt64 {
        var h = StableHash.fnv1a("winnow-check/v1\u{1F}" + rule + "\u{1F}" + draft + "\u{1F}")
        let words = subject.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        h = StableHash.fnv1a(Array(words.utf8), seed: h)
        return StableHash.mix(h)
    }

    /// `3-9, 12, 15-17`.
    public static func describe(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
    }
}

/// Where a finding is shown: a file and its lines.
public struct CheckLocation: Sendable, Equatable {
    /// The file (as given on the command line, or `-`).
    public var file: String
    /// First line, 1-based.
    public var startLine: Int
    /// Last line, 1-based.
    public var endLine: Int
}

/// One draft and what was found in it.
public struct CheckedDraft: Sendable {
    /// The article id (a Markdown or text file's path).
    public var id: String
    /// The file it was read from.
    public var file: String
    /// For a record of a JSONL file: its line in that file (its text's lines are not the file's).
    public var recordLine: Int?
    /// Findings, in line order.
    public var findings: [CheckFinding]

    /// Creates a checked draft.
    public init(id: String, file: String, recordLine: Int? = nil, findings: [CheckFinding] = []) {
        self.id = id
        self.file = file
        self.recordLine = recordLine
        self.findings = findings
    }

    /// Where a finding points: its lines in a whole-file draft, the record's line in a JSONL file.
    public func location(of f: CheckFinding) -> CheckLocation {
        if let r = recordLine { return CheckLocation(file: file, startLine: r, endLine: r) }
        return CheckLocation(file: file, startLine: f.lineStart, endLine: max(f.lineStart, f.lineEnd))
    }

    /// The message as shown: for a JSONL record it names the record and the line in its text.
    public func message(of f: CheckFinding) -> String {
        guard recordLine != nil else { return f.message }
        let lines = f.lineStart == f.lineEnd ? "line \(f.lineStart)" : "lines \(f.lineStart)-\(f.lineEnd)"
        return "\(id): text \(lines): \(f.message)"
    }
}

/// A rule as the report describes it (SARIF `rules[]`, JSON `rules`).
public struct CheckRule: Sendable, Equatable {
    /// Its id.
    public var id: String
    /// One sentence.
    public var shortDescription: String
    /// What it means in a draft and what to do.
    public var help: String
    /// The severity its findings usually have.
    public var defaultSeverity: Severity

    /// Creates a rule description.
    public init(id: String, shortDescription: String, help: String, defaultSeverity: Severity) {
        self.id = id
        self.shortDescription = shortDescription
        self.help = help
        self.defaultSeverity = defaultSeverity
    }
}

/// Everything `winnow check` found, for the reporters.
public struct CheckReport: Sendable {
    /// The drafts, in input order.
    public var drafts: [CheckedDraft]
    /// Descriptions of the rules the findings name.
    public var rules: [CheckRule]
    /// The severity that fails the check (nil: never).
    public var failOn: Severity?
    /// Inputs that could not be read, and skipped records.
    public var problems: [BadRecord]
    /// Winnow's version.
    public var toolVersion: String
    /// The archive the drafts were matched against, when one was.
    public var archive: String?

    /// The project's address, for SARIF's `informationUri` (an absolute URI). A placeholder
    /// until the project has a public home: `.invalid` can never resolve to someone else's site.
    public static let informationUri = "https://winnow.invalid/"

    /// Creates a report.
    public init(drafts: [CheckedDraft], rules: [CheckRule], failOn: Severity?, problems: [BadRecord] = [],
                toolVersion: String, archive: String? = nil) {
        self.drafts = drafts
        self.rules = rules
        self.failOn = failOn
        self.problems = problems
        self.toolVersion = toolVersion
        self.archive = archive
    }

    /// Whether a finding reaches `failOn`.
    public func fails(_ f: CheckFinding) -> Bool { failOn.map { f.severity >= $0 } ?? false }

    /// Whether any finding reaches `failOn`.
    public var failed: Bool { drafts.contains { $0.findings.contains(where: fails) } }

    /// Findings per severity.
    public var counts: [Severity: Int] {
        var out: [Severity: Int] = [:]
        for d in drafts { for f in d.findings { out[f.severity, default: 0] += 1 } }
        return out
    }
}

/// Renders a check report in one format. Each format is its own type, in its own file.
public protocol CheckReporter: Sendable {
    /// The report's bytes.
    func render(_ report: CheckReport) -> [UInt8]
}

/// The formats of `winnow check --format`.
public enum CheckFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message [rule]`, as compilers print.
    case text
    /// One JSON document.
    case json
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
    /// JUnit XML, for CI test reports.
    case junit

    /// The reporter of this format.
    public var reporter: any CheckReporter {
        switch self {
        case .text: return CheckTextReporter()
        case .json: return CheckJSONReporter()
        case .sarif: return CheckSARIFReporter()
        case .github: return CheckGitHubReporter()
        case .junit: return CheckJUnitReporter()
        }
    }
}

extension Severity {
    /// SARIF's and GitHub's name for the level: `note`, `warning`, `error`.
    public var sarifLevel: String { self == .info ? "note" : rawValue }
}
