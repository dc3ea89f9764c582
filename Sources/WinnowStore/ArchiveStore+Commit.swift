import Foundation
import GRDB
import WinnowCore

/// What a run adds to the archive.
public struct RunRecord: Sendable {
    /// Unique run id (a timestamp plus a random suffix by default).
    public var id: String
    /// When the run started (ISO 8601).
    public var startedAt: String
    /// When the run finished (ISO 8601).
    public var finishedAt: String
    /// Inputs as given.
    public var inputs: [String]
    /// Version of the rule packs (a hash of the rule files).
    public var rulesVersion: String
    /// Winnow's version.
    public var winnowVersion: String

    /// Creates a run record.
    public init(id: String, startedAt: String, finishedAt: String, inputs: [String], rulesVersion: String, winnowVersion: String) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.inputs = inputs
        self.rulesVersion = rulesVersion
        self.winnowVersion = winnowVersion
    }
}

extension ArchiveStore {
    /// Records a run: its articles with their decisions (fingerprints for the kept ones, which
    /// later runs match against), and its line statistics. One transaction: all or nothing.
    /// Articles whose id is already archived keep their first record.
    ///
    /// With `reviewQueue`, the run's review queue (see `recordReviewQueue`) is recorded in the same
    /// transaction, so a kill can never leave a run without its queue.
    ///
    /// `crashAfterWrites` is for tests only: the process kills itself after that many article
    /// rows, inside the transaction, to prove that nothing of the run survives.
    public func commit(run: RunRecord, articles: any ArticleSource, analyses: [ArticleAnalysis], decisions: [Decision],
                       revisions: [Decision] = [], statistics: LineStatistics, reviewQueue: Bool = false,
                       crashAfterWrites: Int? = nil) throws {
        // Only the url and headline of each article are recorded: fetched before the transaction.
        var urls: [String?] = [], titles: [String?] = []
        urls.reserveCapacity(articles.count)
        titles.reserveCapacity(articles.count)
        try articles.forEach { _, a in
            urls.append(a.url)
            titles.append(a.title)
        }
        var counts: [DecisionKind: Int] = [:]
        for d in decisions { counts[d.kind, default: 0] += 1 }
        try guarded {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (id, started_at, finished_at, inputs, documents, kept, merged, removed, review, rules_version, winnow_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [run.id, run.startedAt, run.finishedAt, run.inputs.joined(separator: "\n"), decisions.count,
                                     counts[.keep] ?? 0, counts[.merge] ?? 0, counts[.remove] ?? 0, counts[.review] ?? 0,
                                     run.rulesVersion, run.winnowVersion])
                let insert = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO articles (id, run_id, site, url, published_at, simhash, exact, tokens, excerpt, decision,
                                                    canonical, canonical_run, sketch, lead, title, findings, figures, title_figures,
                                                    headline, ideographs, paragraph_tokens, figure_contexts, template_tokens,
                                                    figure_order, figure_lines, subject_mask, figure_sentences, headline_words)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let anchor = try db.makeStatement(sql: "INSERT OR IGNORE INTO anchors (feature, article) VALUES (?, ?)")
                for i in decisions.indices {
                    let a = analyses[i], d = decisions[i], fp = a.fingerprint
                    let canonicalCopy = d.kind == .keep || d.kind == .review
                    try insert.execute(arguments: [
                        d.id, run.id, a.site, urls[i], a.publishedAt, fp.simhash.sqlite, fp.exact.sqlite, fp.tokens,
                        a.isExcerpt ? 1 : 0, d.kind.rawValue, d.canonical, d.canonicalRun,
                        canonicalCopy ? BlobCoding.encode(fp.sketch) : nil, canonicalCopy ? BlobCoding.encode(fp.lead) : nil,
                        canonicalCopy ? BlobCoding.encode(fp.title) : nil,
                        canonicalCopy ? FindingCoding.encode(a.findings) : nil,
                        canonicalCopy ? BlobCoding.encode(fp.figures) : nil, canonicalCopy ? BlobCoding.encode(fp.titleFigures) : nil,
                        canonicalCopy ? titles[i] : nil, canonicalCopy ? fp.ideographs : nil, canonicalCopy ? fp.paragraphTokens : nil,
                        canonicalCopy ? BlobCoding.encode(fp.figureContexts) : nil, canonicalCopy ? fp.templateTokens : nil,
                        canonicalCopy ? BlobCoding.encode(fp.figureOrder) : nil, canonicalCopy ? BlobCoding.encode(fp.figureLines) : nil,
                        canonicalCopy ? fp.subjectMask.sqlite : nil, canonicalCopy ? BlobCoding.encode(fp.figureSentences) : nil,
                        canonicalCopy ? BlobCoding.encode(fp.headlineWords.packed) : nil,
                    ])
                    if canonicalCopy && db.changesCount > 0 {
                        let seq = db.lastInsertedRowID
                        for f in Self.anchors(of: fp) { try anchor.execute(arguments: [f.sqlite, seq]) }
                    }
                    if let n = crashAfterWrites, i + 1 >= n { kill(getpid(), SIGKILL) }
                }
                // Earlier documents whose fuller article arrived now point at it and stop being canonical.
                for r in revisions {
                    try db.execute(sql: """
                        UPDATE articles SET decision = ?, canonical = ?, canonical_run = ?, \(Self.canonicalColumnsCleared)
                        WHERE id = ?
                        """, arguments: [r.kind.rawValue, r.canonical, r.canonicalRun ?? run.id, r.id])
                    try db.execute(sql: "DELETE FROM anchors WHERE article = (SELECT seq FROM articles WHERE id = ?)", arguments: [r.id])
                }
                try Self.addStatistics(statistics, to: db)
                if reviewQueue {
                    try Self.insertReviewQueue(run: run.id, analyses: analyses, decisions: decisions, revisions: revisions, into: db)
                }
            }
            // Fold the run into the main file so the WAL does not grow run after run.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }

    /// The shingles a canonical is found by: its head (an excerpt starts there) and the smallest
    /// of its lead (a copy cut short shares them).
    static func anchors(of fp: Fingerprint) -> [UInt64] {
        var all = Set(fp.head.prefix(anchorsPerArticle))
        for f in fp.lead.prefix(anchorsPerArticle / 2) { all.insert(f) }
        return all.sorted()
    }

    /// Adds a run's line counts. New keys are stored only when they recur within the run:
    /// a line seen once is no template, and the table stays a fraction of all lines.
    static func addStatistics(_ s: LineStatistics, to db: Database) throws {
        for (site, n) in s.documentsPerSite {
            try db.execute(sql: "INSERT INTO sites (site, documents) VALUES (?, ?) ON CONFLICT(site) DO UPDATE SET documents = documents + excluded.documents",
                           arguments: [site, n])
        }
        for (key, n) in s.documentsPerSiteLanguage {
            try db.execute(sql: """
                INSERT INTO site_languages (site, language, documents) VALUES (?, ?, ?)
                ON CONFLICT(site, language) DO UPDATE SET documents = documents + excluded.documents
                """, arguments: [key.site, key.language, n])
        }
        for (table, counts) in [("site_lines", s.documentsPerLine), ("all_lines", s.documentsPerLineAllSites), ("story_lines", s.storiesPerLine)] {
            let update = try db.makeStatement(sql: "UPDATE \(table) SET documents = documents + ? WHERE key = ?")
            let insert = try db.makeStatement(sql: "INSERT INTO \(table) (key, documents) VALUES (?, ?)")
            for (key, n) in counts.entries {
                try update.execute(arguments: [Int(n), key.sqlite])
                if db.changesCount == 0 && n >= 2 { try insert.execute(arguments: [key.sqlite, Int(n)]) }
            }
        }
    }
}
