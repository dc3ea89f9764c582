import Foundation
import GRDB
import WinnowCore

/// A verdict as `winnow review apply` hands it to the archive (validated).
public struct VerdictEntry: Sendable, Equatable {
    /// What the editor said.
    public var kind: VerdictKind
    /// The document judged.
    public var id: String
    /// For `not-duplicate`: the document it must not be merged with.
    public var other: String?
    /// For `false-positive`: the rule or detector overturned.
    public var rule: String?
    /// Who said it.
    public var editor: String
    /// Their note.
    public var note: String?
    /// Where it came from (`file:line`).
    public var source: String?

    /// Creates an entry.
    public init(kind: VerdictKind, id: String, other: String? = nil, rule: String? = nil, editor: String, note: String? = nil,
                source: String? = nil) {
        self.kind = kind
        self.id = id
        self.other = other
        self.rule = rule
        self.editor = editor
        self.note = note
        self.source = source
    }
}

/// What the archive knows of a document an editor judges: its text key and its latest recorded
/// decision (from the review queue when the run kept one, else from its article record).
public struct JudgedDocument: Sendable, Equatable {
    /// The document id.
    public var id: String
    /// Its exact-text key, when it had text.
    public var key: TextKey?
    /// The run of the decision.
    public var run: String
    /// keep, merge, remove or review.
    public var decision: String
    /// Its canonical.
    public var canonical: String
    /// How it matched its canonical, when it did.
    public var matchKind: String?
    /// Rules with findings on it, when recorded (nil: unknown, e.g. an exact copy).
    public var rules: [String]?
    /// Rules that asked to review or remove it.
    public var reviewRules: [String]
}

/// Verdict counts for `winnow review stats`.
public struct VerdictStats: Sendable, Equatable {
    /// Counts by verdict kind.
    public typealias Counts = [VerdictKind: Int]
    /// Verdicts recorded.
    public var total = 0
    /// By kind.
    public var byKind: Counts = [:]
    /// Distinct editors.
    public var editors = 0
    /// Per rule: `false-positive` verdicts naming it, and `accept` and `remove` verdicts on
    /// decisions it asked for (review or removal).
    public var byRule: [String: Counts] = [:]
    /// Per decision judged (keep, merge, remove, review).
    public var byDecision: [String: Counts] = [:]
    /// Per match kind of the merges and removals judged (near-duplicate, partial, excerpt, exact).
    public var byMatch: [String: Counts] = [:]
}

extension ArchiveStore: VerdictLookup {
    /// Verdicts naming, on either side, a document with one of these ids or exact texts.
    public func verdicts(ids: [String], keys: [TextKey]) throws -> Verdicts {
        try guarded { try pool.read { db in try Self.loadVerdicts(ids: ids, keys: keys, in: db) } }
    }

    /// The documents these ids name, as the archive last decided on them (absent ids are left out).
    public func judgedDocuments(_ ids: [String]) throws -> [String: JudgedDocument] {
        try guarded {
            try pool.read { db in
                var out: [String: JudgedDocument] = [:]
                try Self.chunked(ids) { chunk, marks in
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT id, run_id, exact, tokens, decision, canonical, findings FROM articles WHERE id IN (\(marks))
                        """, arguments: StatementArguments(chunk))
                    while let r = try rows.next() {
                        let findings = FindingCoding.decode(r[6])
                        let tokens: Int = r[3]
                        out[r[0]] = JudgedDocument(id: r[0], key: tokens > 0 ? TextKey(exact: (r[2] as Int64).unsigned, tokens: tokens) : nil,
                                                   run: r[1], decision: r[4], canonical: r[5],
                                                   rules: r[4] == "keep" || r[4] == "review" ? Self.distinct(findings.map(\.rule)) : nil,
                                                   reviewRules: Self.distinct(findings.filter { $0.action == .review || $0.action == .remove }.map(\.rule)))
                    }
                    for q in try Self.queued(chunk, marks: marks, in: db) {
                        guard var d = out[q.id] else { continue }
                        (d.run, d.decision, d.canonical, d.matchKind) = (q.run, q.decision, q.canonical, q.match?.kind.rawValue)
                        d.rules = q.rules
                        d.reviewRules = Self.distinct(q.reviewRules + q.removeRules)
                        out[q.id] = d
                    }
                }
                return out
            }
        }
    }

    /// Records verdicts in one transaction (all or nothing). A `remove` also withdraws the
    /// document from the canonicals later runs match against. Returns how many were new (a
    /// verdict given before, word for word, is not recorded twice).
    @discardableResult
    public func record(_ entries: [VerdictEntry], on documents: [String: JudgedDocument], at time: String) throws -> Int {
        try guarded {
            try pool.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO verdicts (kind, article_id, article_exact, article_tokens, other_id, other_exact, other_tokens,
                        rule, run_id, decision, decision_rules, match_kind, editor, note, recorded_at, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                var added = 0
                for e in entries {
                    let d = documents[e.id], o = e.other.flatMap { documents[$0] }
                    try insert.execute(arguments: [
                        e.kind.rawValue, e.id, d?.key?.exact.sqlite, d?.key?.tokens, e.other, o?.key?.exact.sqlite, o?.key?.tokens,
                        e.rule, d?.run, d?.decision, d.map { Self.joined($0.reviewRules) }, d?.matchKind, e.editor, e.note, time, e.source,
                    ])
                    guard db.changesCount > 0 else { continue }
                    added += 1
                    if e.kind == .remove { try Self.withdrawCanonical(e.id, in: db) }
                }
                return added
            }
        }
    }

    /// Counts of every verdict recorded, by kind, rule, decision and match kind.
    public func verdictStats() throws -> VerdictStats {
        try guarded {
            try pool.read { db in
                var s = VerdictStats()
                var editors = Set<String>()
                let rows = try Row.fetchCursor(db, sql: "SELECT kind, rule, decision, decision_rules, match_kind, editor FROM verdicts")
                while let r = try rows.next() {
                    guard let kind = VerdictKind(rawValue: r[0]) else { continue }
                    s.total += 1
                    s.byKind[kind, default: 0] += 1
                    editors.insert(r[5])
                    // A false-positive counts for the rule it names; accept and remove for the rules
                    // that asked to review or remove the document (they confirm them).
                    let rules: [String] = kind == .falsePositive ? [r[1]].compactMap { $0 } : kind == .notDuplicate ? [] : Self.split(r[3])
                    for rule in Set(rules) { s.byRule[rule, default: [:]][kind, default: 0] += 1 }
                    if let d: String = r[2] { s.byDecision[d, default: [:]][kind, default: 0] += 1 }
                    if let m: String = r[4] { s.byMatch[m, default: [:]][kind, default: 0] += 1 }
                }
                s.editors = editors.count
                return s
            }
        }
    }

    /// A removed document is no canonical any more: later copies of it are not merged into it.
    static func withdrawCanonical(_ id: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM anchors WHERE article = (SELECT seq FROM articles WHERE id = ? AND sketch IS NOT NULL)", arguments: [id])
        try db.execute(sql: """
            UPDATE articles SET decision = 'remove', canonical = id, \(ArchiveStore.canonicalColumnsCleared)
            WHERE id = ? AND sketch IS NOT NULL
            """, arguments: [id])
    }

    /// Verdicts naming these ids or texts, read in `db` (none when the archive predates them).
    static func loadVerdicts(ids: [String], keys: [TextKey], in db: Database) throws -> Verdicts {
        // The common case, an archive without verdicts, costs one read.
        guard try db.tableExists("verdicts"), try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM verdicts)") == true else { return .none }
        var found: [Verdict] = []
        let columns = "seq, kind, article_id, article_exact, article_tokens, other_id, other_exact, other_tokens, rule, editor, note, recorded_at"
        try chunked(ids) { chunk, marks in
            let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM verdicts WHERE article_id IN (\(marks)) OR other_id IN (\(marks))",
                                        arguments: StatementArguments(chunk + chunk))
            found += rows.compactMap(verdict)
        }
        try chunked(Array(Set(keys.map(\.exact.sqlite))).sorted()) { chunk, marks in
            let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM verdicts WHERE article_exact IN (\(marks)) OR other_exact IN (\(marks))",
                                        arguments: StatementArguments(chunk + chunk))
            found += rows.compactMap(verdict)
        }
        return Verdicts(found)
    }

    /// A verdict from a row of `loadVerdicts`' columns.
    static func verdict(_ r: Row) -> Verdict? {
        guard let kind = VerdictKind(rawValue: r[1]) else { return nil }
        func key(_ exact: Int64?, _ tokens: Int?) -> TextKey? {
            guard let exact, let tokens, tokens > 0 else { return nil }
            return TextKey(exact: exact.unsigned, tokens: tokens)
        }
        let other: String? = r[5]
        return Verdict(number: r[0], kind: kind, subject: VerdictSubject(id: r[2], key: key(r[3], r[4])),
                       other: other.map { VerdictSubject(id: $0, key: key(r[6], r[7])) }, rule: r[8], editor: r[9], note: r[10],
                       recordedAt: r[11])
    }

    /// Calls `body` with chunks of at most 400 values and their `?` placeholders.
    static func chunked<T: DatabaseValueConvertible>(_ values: [T], _ body: ([T], String) throws -> Void) throws {
        for start in stride(from: 0, to: values.count, by: 400) {
            let chunk = Array(values[start..<min(values.count, start + 400)])
            try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
        }
    }

    /// Rule lists are stored joined by U+001F.
    static func joined(_ rules: [String]) -> String { rules.joined(separator: "\u{1F}") }

    /// A stored rule list.
    static func split(_ s: String?) -> [String] {
        guard let s, !s.isEmpty else { return [] }
        return s.split(separator: "\u{1F}").map(String.init)
    }

    /// Each value once, in first-seen order.
    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension ArchiveReader: VerdictLookup {
    /// Verdicts naming, on either side, a document with one of these ids or exact texts (none
    /// when the archive predates verdicts).
    public func verdicts(ids: [String], keys: [TextKey]) throws -> Verdicts {
        try guarded { try queue.read { db in try ArchiveStore.loadVerdicts(ids: ids, keys: keys, in: db) } }
    }
}
