/// A document's exact text as the pipeline sees it: `Fingerprint.exact` with the token count,
/// the key `CandidateSearch.exactCopies` groups exact copies by. A re-crawl of the same text
/// under a new id has the same key, so verdicts keyed by it follow the text.
public struct TextKey: Hashable, Sendable, Comparable {
    /// Hash of the normalized tokens left after furniture is stripped.
    public var exact: UInt64
    /// How many tokens were hashed.
    public var tokens: Int

    /// Creates a key.
    public init(exact: UInt64, tokens: Int) {
        self.exact = exact
        self.tokens = tokens
    }

    /// Orders by hash, then token count.
    public static func < (a: TextKey, b: TextKey) -> Bool { (a.exact, a.tokens) < (b.exact, b.tokens) }
}

extension Fingerprint {
    /// The exact-text key, or nil when no text was fingerprinted (an empty page matches nothing).
    public var textKey: TextKey? { tokens > 0 ? TextKey(exact: exact, tokens: tokens) : nil }
}

extension MatchEvidence {
    /// How sure a match is, for the review queue: the figure its kind is decided on. Jaccard
    /// similarity for a near-duplicate, containment for a partial copy or an excerpt, 1 for an
    /// exact copy. Figures below the thresholds occur where a member was re-measured against a
    /// canonical that is not its cluster's centre, or joined through the relaxed containment.
    public var confidence: Double {
        switch kind {
        case .exact: return 1
        case .nearDuplicate: return jaccard
        case .partial, .excerpt: return containment
        }
    }
}

/// What an editor said about a decision (`winnow review apply`).
public enum VerdictKind: String, Sendable, CaseIterable, Codable {
    /// The decision was right (recorded only).
    case accept
    /// The document is no copy of the other one named: the pair is never merged again.
    case notDuplicate = "not-duplicate"
    /// A rule's finding on the document was wrong: the rule is not applied to it again.
    case falsePositive = "false-positive"
    /// The document goes, whatever later runs decide.
    case remove
}

/// A document a verdict names: its id and, when the archive knows it, its exact text.
public struct VerdictSubject: Sendable, Hashable {
    /// The document id.
    public var id: String
    /// Its exact-text key, when it had text.
    public var key: TextKey?

    /// Creates a subject.
    public init(id: String, key: TextKey?) {
        self.id = id
        self.key = key
    }

    /// Whether a document with this id or with one of these texts is the subject.
    public func names(id other: String, keys: [TextKey]) -> Bool {
        other == id || (key.map { keys.contains($0) } ?? false)
    }
}

/// One recorded verdict.
public struct Verdict: Sendable, Equatable {
    /// Its number in the archive (later verdicts have higher numbers).
    public var number: Int64
    /// What the editor said.
    public var kind: VerdictKind
    /// The document judged.
    public var subject: VerdictSubject
    /// For `not-duplicate`: the document it must not be merged with.
    public var other: VerdictSubject?
    /// For `false-positive`: the rule (or built-in detector) overturned.
    public var rule: String?
    /// Who said it.
    public var editor: String
    /// Their note, if any.
    public var note: String?
    /// When it was recorded (ISO 8601).
    public var recordedAt: String

    /// Creates a verdict.
    public init(number: Int64, kind: VerdictKind, subject: VerdictSubject, other: VerdictSubject? = nil, rule: String? = nil,
                editor: String, note: String? = nil, recordedAt: String) {
        self.number = number
        self.kind = kind
        self.subject = subject
        self.other = other
        self.rule = rule
        self.editor = editor
        self.note = note
        self.recordedAt = recordedAt
    }

    /// How a decision names the verdict that changed it.
    public var applied: AppliedVerdict {
        AppliedVerdict(kind: kind, editor: editor, note: note, rule: rule, other: other?.id)
    }
}

/// The verdict that changed a decision, as `decisions.jsonl` reports it.
public struct AppliedVerdict: Sendable, Equatable {
    /// What the editor said.
    public var kind: VerdictKind
    /// Who said it.
    public var editor: String
    /// Their note, if any.
    public var note: String?
    /// For `false-positive`: the rule no longer applied.
    public var rule: String?
    /// For `not-duplicate`: the document it is not merged with.
    public var other: String?

    /// Creates an applied verdict.
    public init(kind: VerdictKind, editor: String, note: String?, rule: String? = nil, other: String? = nil) {
        self.kind = kind
        self.editor = editor
        self.note = note
        self.rule = rule
        self.other = other
    }
}

/// Verdicts that bear on a batch, indexed by id and exact text. Later scans honour them:
/// `not-duplicate` pairs are never merged, `false-positive` rules are not applied to the
/// document, `remove` sticks; `accept` changes nothing. A verdict given on one document holds
/// for any document with its id or its exact text (a re-crawl under a new id).
public struct Verdicts: Sendable {
    /// Every verdict, oldest first.
    public let all: [Verdict]
    private let byId: [String: [Int]]
    private let byKey: [TextKey: [Int]]

    /// No verdicts.
    public static let none = Verdicts([])

    /// Indexes verdicts (duplicates by number are dropped; kept oldest first).
    public init(_ verdicts: [Verdict]) {
        var seen = Set<Int64>()
        all = verdicts.filter { seen.insert($0.number).inserted }.sorted { $0.number < $1.number }
        var ids: [String: [Int]] = [:], keys: [TextKey: [Int]] = [:]
        for (i, v) in all.enumerated() {
            for side in [v.subject] + (v.other.map { [$0] } ?? []) {
                ids[side.id, default: []].append(i)
                if let k = side.key { keys[k, default: []].append(i) }
            }
        }
        byId = ids.mapValues { Array(Set($0)).sorted() }
        byKey = keys.mapValues { Array(Set($0)).sorted() }
    }

    /// Whether there are none.
    public var isEmpty: Bool { all.isEmpty }

    /// These verdicts and `more` (by number, without repeats).
    public func merging(_ more: Verdicts) -> Verdicts {
        more.isEmpty ? self : Verdicts(all + more.all)
    }

    /// Verdicts naming a document with this id or one of these texts (on either side), oldest first.
    public func touching(id: String, keys: [TextKey]) -> [Verdict] {
        var found = Set(byId[id] ?? [])
        for k in keys { for i in byKey[k] ?? [] { found.insert(i) } }
        return found.sorted().map { all[$0] }
    }

    /// The latest `remove` verdict on the document, if any.
    public func removal(id: String, keys: [TextKey]) -> Verdict? {
        touching(id: id, keys: keys).last { $0.kind == .remove && $0.subject.names(id: id, keys: keys) }
    }

    /// Rules an editor marked false-positive on the document, each with its latest verdict.
    public func suppressedRules(id: String, keys: [TextKey]) -> [String: Verdict] {
        var out: [String: Verdict] = [:]
        for v in touching(id: id, keys: keys) where v.kind == .falsePositive && v.subject.names(id: id, keys: keys) {
            if let r = v.rule { out[r] = v }
        }
        return out
    }

    /// `not-duplicate` verdicts naming the document, each with the side it must stay apart from.
    public func apartFrom(id: String, keys: [TextKey]) -> [(other: VerdictSubject, verdict: Verdict)] {
        var out: [(VerdictSubject, Verdict)] = []
        for v in touching(id: id, keys: keys) where v.kind == .notDuplicate {
            guard let o = v.other else { continue }
            if v.subject.names(id: id, keys: keys) { out.append((o, v)) }
            if o.names(id: id, keys: keys) { out.append((v.subject, v)) }
        }
        return out
    }
}

/// Where verdicts are looked up (the archive implements it; the core does no I/O itself).
public protocol VerdictLookup: Sendable {
    /// Verdicts naming, on either side, a document with one of these ids or exact texts.
    func verdicts(ids: [String], keys: [TextKey]) throws -> Verdicts
}
