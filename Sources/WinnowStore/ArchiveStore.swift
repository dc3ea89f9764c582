import Foundation
import GRDB
import WinnowCore

/// The archive index: articles accepted by earlier runs, their fingerprints, and per-site line
/// statistics, in one SQLite file (WAL). A run's writes land in one transaction: a crash, a kill
/// or a full disk leaves the archive exactly as it was.
public final class ArchiveStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// Head shingles indexed per canonical article for excerpt and partial-copy lookups (plus
    /// half as many of the lead's smallest).
    public static let anchorsPerArticle = 16

    /// Opens (creating and migrating when needed) the archive at `path`.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        let unknown: [String]
        do {
            pool = try DatabasePool(path: path, configuration: config)
            unknown = try pool.read(ArchiveSchema.unknownSteps)
            if unknown.isEmpty { try ArchiveSchema.migrator.migrate(pool) }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreError.describe(error, path: path))
        }
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, steps: unknown) }
    }

    /// Line statistics of every earlier run, to merge with tonight's.
    public func lineStatistics() throws -> LineStatistics {
        try guarded {
            try pool.read { db in
                var perSite: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT site, documents FROM sites") {
                    perSite[row[0] as String] = row[1] as Int
                }
                func table(_ name: String) throws -> CountTable {
                    var keys: [UInt64] = [], counts: [Int32] = []
                    let cursor = try Row.fetchCursor(db, sql: "SELECT key, documents FROM \(name)")
                    while let row = try cursor.next() {
                        keys.append((row[0] as Int64).unsigned)
                        counts.append(Int32(clamping: row[1] as Int64))
                    }
                    return CountTable(keys: keys, counts: counts)
                }
                var perSiteLanguage: [SiteLanguage: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT site, language, documents FROM site_languages") {
                    perSiteLanguage[SiteLanguage(site: row[0], language: row[1])] = row[2]
                }
                return LineStatistics.restored(documentsPerSite: perSite, documentsPerSiteLanguage: perSiteLanguage,
                                               documentsPerLine: try table("site_lines"), documentsPerLineAllSites: try table("all_lines"),
                                               storiesPerLine: try table("story_lines"))
            }
        }
    }

    /// The SimHash index over canonical articles, for near-duplicate lookups of a whole batch.
    public func loadIndex(maxDistance: Int) throws -> ArchiveIndex {
        let rows: [(Int64, UInt64)] = try guarded {
            try pool.read { db in
                var out: [(Int64, UInt64)] = []
                let cursor = try Row.fetchCursor(db, sql: "SELECT seq, simhash FROM articles WHERE sketch IS NOT NULL")
                while let row = try cursor.next() { out.append((row[0], (row[1] as Int64).unsigned)) }
                return out
            }
        }
        return try ArchiveIndex(store: self, sequences: rows.map(\.0), fingerprints: rows.map(\.1), maxDistance: maxDistance)
    }

    /// Canonical articles among `neighbours` and those whose indexed lead shingles meet
    /// `features` (the `limit` sharing most), in one read.
    func candidates(neighbours: [Int64], features: [UInt64], limit: Int) throws -> [ArchivedArticle] {
        try guarded {
            try pool.read { db in
                var seqs = Set(neighbours)
                for s in try Self.anchorMatches(features, limit: limit, in: db) { seqs.insert(s) }
                return try Self.articles(seqs.sorted(), in: db)
            }
        }
    }

    /// Canonical articles by sequence number.
    static func articles(_ sequences: [Int64], in db: Database) throws -> [ArchivedArticle] {
        guard !sequences.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: sequences.count).joined(separator: ",")
        return try Row.fetchAll(db, sql: "SELECT \(archivedColumns) FROM articles WHERE seq IN (\(marks)) AND sketch IS NOT NULL",
                                arguments: StatementArguments(sequences)).map(archivedArticle)
    }

    /// What a document loses when it stops being a canonical (a fuller article arrived, or an
    /// editor removed it): every column of its fingerprint, one assignment list for every such
    /// update (its findings and headline stay, for the reports).
    static let canonicalColumnsCleared = "sketch = NULL, lead = NULL, title = NULL, figures = NULL, title_figures = NULL, "
        + "ideographs = NULL, paragraph_tokens = NULL, figure_contexts = NULL, template_tokens = NULL, figure_order = NULL, "
        + "figure_lines = NULL, subject_mask = NULL, figure_sentences = NULL, headline_words = NULL"

    /// The columns `archivedArticle` reads, in its order.
    static let archivedColumns = "id, run_id, published_at, excerpt, simhash, exact, tokens, sketch, lead, title, figures, title_figures, "
        + "ideographs, paragraph_tokens, figure_contexts, template_tokens, figure_order, figure_lines, subject_mask, "
        + "figure_sentences, headline_words"

    /// How many columns `archivedColumns` names: where the columns a query selects after them begin.
    static let archivedColumnCount = archivedColumns.split(separator: ",").count

    /// An archived article from a row that starts with `archivedColumns`.
    static func archivedArticle(_ row: Row) -> ArchivedArticle {
        var fp = Fingerprint(simhash: (row[4] as Int64).unsigned, exact: (row[5] as Int64).unsigned, tokens: row[6],
                             sketch: BlobCoding.decode(row[7]), lead: BlobCoding.decode(row[8]))
        fp.title = BlobCoding.decode(row[9])
        fp.figures = BlobCoding.decode(row[10])
        fp.titleFigures = BlobCoding.decode(row[11])
        fp.ideographs = (row[12] as Int?) ?? 0
        fp.paragraphTokens = (row[13] as Int?) ?? 0
        fp.figureContexts = BlobCoding.decode(row[14])
        fp.templateTokens = (row[15] as Int?) ?? 0
        fp.figureOrder = BlobCoding.decode(row[16])
        fp.figureLines = BlobCoding.decode(row[17])
        fp.subjectMask = (row[18] as Int64?)?.unsigned ?? 0
        fp.figureSentences = BlobCoding.decode(row[19])
        fp.headlineWords = HeadlineWords(packed: BlobCoding.decode(row[20]))
        return ArchivedArticle(id: row[0], run: row[1], publishedAt: row[2], isExcerpt: (row[3] as Int) != 0, fingerprint: fp)
    }

    /// One archived article by id, with its fingerprint when it is a canonical (nil when absent).
    public func article(id: String) throws -> (ArchivedArticle, decision: String, canonical: String)? {
        try guarded {
            try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.archivedColumns), decision, canonical FROM articles WHERE id = ?",
                                                 arguments: [id]) else { return nil }
                return (Self.archivedArticle(row), row[Self.archivedColumnCount], row[Self.archivedColumnCount + 1])
            }
        }
    }

    /// The findings recorded when these archived articles were accepted, by id (articles
    /// without findings, or archived before findings were kept, are absent).
    public func findings(of ids: [String]) throws -> [String: [Finding]] {
        var out: [String: [Finding]] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try guarded {
                try pool.read { db in
                    let cursor = try Row.fetchCursor(db, sql: "SELECT id, findings FROM articles WHERE id IN (\(marks)) AND findings IS NOT NULL",
                                                     arguments: StatementArguments(chunk))
                    while let row = try cursor.next() { out[row[0]] = FindingCoding.decode(row[1]) }
                }
            }
        }
        return out
    }

    /// Canonical articles whose indexed lead shingles meet `features`, most shared first.
    static func anchorMatches(_ features: [UInt64], limit: Int, in db: Database) throws -> [Int64] {
        guard !features.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: features.count).joined(separator: ",")
        return try Int64.fetchAll(db, sql: """
            SELECT article FROM anchors WHERE feature IN (\(marks))
            GROUP BY article ORDER BY COUNT(*) DESC, article LIMIT \(limit)
            """, arguments: StatementArguments(features.map(\.sqlite)))
    }

    /// Runs `body`, turning database errors into `StoreError.failed`.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw StoreError.failed(path: path, reason: StoreError.describe(error, path: path))
        }
    }
}
