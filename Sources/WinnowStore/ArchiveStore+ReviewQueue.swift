import Foundation
import GRDB
import WinnowCore

/// A decision an editor may want to look at, as the review queue keeps it.
public struct ReviewItem: Sendable, Equatable {
    /// The document id.
    public var id: String
    /// The run that decided.
    public var run: String
    /// keep, merge, remove or review.
    public var decision: String
    /// Its canonical (its own id when kept, reviewed or removed by a rule).
    public var canonical: String
    /// The run holding the canonical, when an earlier one.
    public var canonicalRun: String?
    /// How it matched its canonical, when it did.
    public var match: MatchEvidence?
    /// The decision's reasons.
    public var reasons: [String]
    /// Rules with findings on it.
    public var rules: [String]
    /// Rules whose findings ask for review.
    public var reviewRules: [String]
    /// Rules whose findings removed it.
    public var removeRules: [String]
    /// A revised decision on a document of an earlier run.
    public var revision: Bool

    /// How sure the match is (`MatchEvidence.confidence`), when it matched.
    public var confidence: Double? { match?.confidence }

    /// Whether it awaits an editor: a review decision, a finding asking for review, or a merge or
    /// removal whose confidence is below `below`.
    public func awaitsReview(below: Double) -> Bool {
        decision == DecisionKind.review.rawValue || !reviewRules.isEmpty || (confidence.map { $0 < below } ?? false)
    }
}

extension ArchiveStore {
    /// Records the run's review queue (after the run itself was committed): each merge or removal
    /// with its figures (exact copies excepted), each review decision, and each document a rule
    /// asked to review or remove. A run recorded again replaces its rows. (`commit(…,
    /// reviewQueue: true)` records it inside the run's own transaction instead.)
    public func recordReviewQueue(run: String, analyses: [ArticleAnalysis], decisions: [Decision], revisions: [Decision] = []) throws {
        try guarded {
            try pool.write { db in try Self.insertReviewQueue(run: run, analyses: analyses, decisions: decisions, revisions: revisions, into: db) }
        }
    }

    /// Inserts the run's review queue rows (see `recordReviewQueue`) in the caller's transaction.
    static func insertReviewQueue(run: String, analyses: [ArticleAnalysis], decisions: [Decision], revisions: [Decision],
                                  into db: Database) throws {
        let items = decisions.indices.compactMap { queueItem(decisions[$0], analysis: analyses[$0], run: run) }
            + revisions.compactMap { queueItem($0, analysis: nil, run: run) }
        guard !items.isEmpty else { return }
        let insert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO review_queue (run_id, article_id, decision, canonical, canonical_run, match_kind, hamming, jaccard,
                containment, reasons, rules, review_rules, remove_rules, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for q in items {
            try insert.execute(arguments: [
                q.run, q.id, q.decision, q.canonical, q.canonicalRun, q.match?.kind.rawValue, q.match?.hamming, q.match?.jaccard,
                q.match?.containment, joined(q.reasons), joined(q.rules), joined(q.reviewRules),
                joined(q.removeRules), q.revision ? 1 : 0,
            ])
        }
    }

    /// What the queue keeps of a decision, or nil when there is nothing to review.
    static func queueItem(_ d: Decision, analysis a: ArticleAnalysis?, run: String) -> ReviewItem? {
        let review = a?.reviewRules ?? []
        let remove = a?.removeRules ?? []
        let inexact = d.match.map { $0.kind != .exact } ?? false
        // Decided by an editor already: nothing left to review.
        guard d.verdict?.kind != .remove, d.kind == .review || !review.isEmpty || !remove.isEmpty || (d.kind != .keep && inexact) else { return nil }
        return ReviewItem(id: d.id, run: run, decision: d.kind.rawValue, canonical: d.canonical,
                          canonicalRun: d.canonicalRun, match: d.match, reasons: d.reasons, rules: distinct(a?.findings.map(\.rule) ?? []),
                          reviewRules: review, removeRules: remove, revision: d.revisedFromRun != nil)
    }

    /// What awaits review, one item per document (its latest run's), oldest run first: every
    /// review decision, every finding asking for review, every merge or removal whose confidence
    /// is below `below`, leaving out decisions an editor has given a verdict on. `run` limits it
    /// to one run. Review decisions of runs recorded before the queue come from their articles.
    public func reviewQueue(run: String?, below: Double) throws -> [ReviewItem] {
        try guarded {
            try pool.read { db in
                var latest: [String: Int] = [:]
                var items: [ReviewItem] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(Self.queueColumns) FROM review_queue q JOIN runs r ON r.id = q.run_id
                    WHERE (?1 IS NULL OR q.run_id = ?1)
                      AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.article_id = q.article_id AND v.run_id = q.run_id)
                    ORDER BY r.started_at, q.run_id, q.article_id
                    """, arguments: [run])
                while let r = try rows.next() {
                    let item = Self.queueItem(r)
                    if let k = latest[item.id] { items[k] = item } else {
                        latest[item.id] = items.count
                        items.append(item)
                    }
                }
                items += try Self.earlierReviews(run: run, in: db)
                return items.filter { $0.awaitsReview(below: below) }
            }
        }
    }

    /// The ids of the latest runs recorded, newest first.
    public func latestRuns(limit: Int) throws -> [String] {
        try guarded { try pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit]) } }
    }

    /// Whether a run with this id is recorded.
    public func hasRun(_ id: String) throws -> Bool {
        try guarded { try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [id]) ?? false } }
    }

    /// Review decisions of runs recorded before the review queue, from their article records.
    static func earlierReviews(run: String?, in db: Database) throws -> [ReviewItem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.id, a.run_id, a.canonical, a.findings FROM articles a JOIN runs r ON r.id = a.run_id
            WHERE a.decision = 'review' AND (?1 IS NULL OR a.run_id = ?1)
              AND NOT EXISTS (SELECT 1 FROM review_queue q WHERE q.article_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.article_id = a.id)
            ORDER BY r.started_at, a.id
            """, arguments: [run])
        return rows.map { r in
            let findings = FindingCoding.decode(r[3])
            let review = distinct(findings.filter { $0.action == .review }.map(\.rule))
            return ReviewItem(id: r[0], run: r[1], decision: DecisionKind.review.rawValue, canonical: r[2], canonicalRun: nil, match: nil,
                              reasons: review.map { "rule \($0) asks for review" }, rules: distinct(findings.map(\.rule)),
                              reviewRules: review, removeRules: [], revision: false)
        }
    }

    /// The latest queued item of each of these ids (`marks`: their placeholders).
    static func queued(_ ids: [String], marks: String, in db: Database) throws -> [ReviewItem] {
        var latest: [String: ReviewItem] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(queueColumns) FROM review_queue q JOIN runs r ON r.id = q.run_id
            WHERE q.article_id IN (\(marks)) ORDER BY r.started_at, q.run_id
            """, arguments: StatementArguments(ids))
        while let r = try rows.next() {
            let item = queueItem(r)
            latest[item.id] = item
        }
        return Array(latest.values)
    }

    /// The columns `queueItem(_:)` reads, in its order.
    static let queueColumns = """
        q.article_id, q.run_id, q.decision, q.canonical, q.canonical_run, q.match_kind, q.hamming, q.jaccard, q.containment, q.reasons,
        q.rules, q.review_rules, q.remove_rules, q.revision
        """

    /// An item from a row that starts with `queueColumns`.
    static func queueItem(_ r: Row) -> ReviewItem {
        let kind: String? = r[5]
        let match = kind.flatMap(MatchKind.init(rawValue:)).map {
            MatchEvidence(kind: $0, hamming: r[6] ?? 0, jaccard: r[7] ?? 0, containment: r[8] ?? 0)
        }
        return ReviewItem(id: r[0], run: r[1], decision: r[2], canonical: r[3], canonicalRun: r[4], match: match,
                          reasons: split(r[9]), rules: split(r[10]),
                          reviewRules: split(r[11]), removeRules: split(r[12]), revision: (r[13] as Int) != 0)
    }
}
