import GRDB

extension ArchiveSchema {
    /// The migration adding editors' verdicts and the review queue.
    static let verdictsMigration = "v6-verdicts"

    /// Schema v6: editors' verdicts (`winnow review apply`) and, per run, the figures behind the
    /// decisions an editor may want to look at (`winnow review export`).
    ///
    /// `verdicts`: one row per verdict, never updated. The document judged is named by id and by
    /// its exact text (`Fingerprint.exact` and token count, NULL when it had no text), and so is
    /// the other side of a `not-duplicate`: later runs honour the verdict for either id or text.
    /// `run_id`, `decision`, `decision_rules` and `match_kind` keep what was judged, for
    /// `review stats`. A verdict given twice (same document, kind, other side, rule, editor and
    /// note) is recorded once.
    ///
    /// `review_queue`: per run, each merge or removal with its match figures (exact copies
    /// excepted: nothing to review), each review decision, and each document a rule asked to
    /// review or remove, with its reasons and the rules whose findings it carries. A partial
    /// index finds the review decisions of runs recorded before this table.
    static func registerVerdicts(_ m: inout DatabaseMigrator) {
        m.registerMigration(verdictsMigration) { db in
            try db.execute(sql: """
                CREATE TABLE verdicts (
                    seq INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('accept', 'not-duplicate', 'false-positive', 'remove')),
                    article_id TEXT NOT NULL,
                    article_exact INTEGER,
                    article_tokens INTEGER,
                    other_id TEXT,
                    other_exact INTEGER,
                    other_tokens INTEGER,
                    rule TEXT,
                    run_id TEXT,
                    decision TEXT,
                    decision_rules TEXT,
                    match_kind TEXT,
                    editor TEXT NOT NULL,
                    note TEXT,
                    recorded_at TEXT NOT NULL,
                    source TEXT,
                    CHECK ((kind = 'not-duplicate') = (other_id IS NOT NULL)),
                    CHECK ((kind = 'false-positive') = (rule IS NOT NULL))
                );
                CREATE INDEX verdicts_article ON verdicts(article_id);
                CREATE INDEX verdicts_article_exact ON verdicts(article_exact);
                CREATE INDEX verdicts_other ON verdicts(other_id);
                CREATE INDEX verdicts_other_exact ON verdicts(other_exact);
                CREATE UNIQUE INDEX verdicts_once ON verdicts(article_id, kind, IFNULL(other_id, ''), IFNULL(rule, ''), editor, IFNULL(note, ''));
                CREATE TABLE review_queue (
                    run_id TEXT NOT NULL REFERENCES runs(id),
                    article_id TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    canonical TEXT NOT NULL,
                    canonical_run TEXT,
                    match_kind TEXT,
                    hamming INTEGER,
                    jaccard REAL,
                    containment REAL,
                    reasons TEXT NOT NULL,
                    rules TEXT NOT NULL,
                    review_rules TEXT NOT NULL,
                    remove_rules TEXT NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (run_id, article_id)
                ) WITHOUT ROWID;
                CREATE INDEX review_queue_article ON review_queue(article_id);
                CREATE INDEX articles_review ON articles(id) WHERE decision = 'review';
                """)
        }
    }
}
