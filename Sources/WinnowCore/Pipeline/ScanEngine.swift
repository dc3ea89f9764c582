/// The in-memory core of a scan, with no I/O: prepare -> statistics -> analyze -> search ->
/// cluster -> decide. Readers feed it articles; reporters print what it returns.
public struct ScanEngine: Sendable {
    /// Per-article analysis.
    public let analyzer: ArticleAnalyzer
    /// Candidate search and clustering thresholds.
    public let match: MatchSettings
    /// Counters a progress display reads (none by default).
    public var progress: RunProgress?
    /// Articles prepared at a time in a batch larger than this. A prepared article holds several
    /// times its text, so a large batch is prepared twice, a chunk at a time — once to count its
    /// lines, once to analyse it with the whole batch's counts — and its prepared articles are
    /// never all in memory. Smaller batches are prepared once. The result is the same either way.
    public var chunkSize = 4096
    /// Whether `Result.statistics` holds the batch's line statistics (what an archive records);
    /// when not, they are let go once the batch is analysed and the result's are empty.
    public var keepsStatistics = true

    /// Creates an engine.
    public init(rules: RuleSet, analysis: AnalysisSettings = AnalysisSettings(), match: MatchSettings = MatchSettings()) {
        analyzer = ArticleAnalyzer(rules: rules, settings: analysis)
        self.match = match
    }

    /// The result of a scan.
    public struct Result: Sendable {
        /// Per-article analyses, in input order.
        public var analyses: [ArticleAnalysis]
        /// Decisions, in input order.
        public var decisions: [Decision]
        /// Clusters with more than one document.
        public var clusters: [Cluster]
        /// Counters per stage.
        public var counters: StageCounters
        /// Line statistics of this batch alone (what an archive adds to its history); empty
        /// unless `keepsStatistics`.
        public var statistics: LineStatistics
        /// Revised decisions on earlier runs' documents (excerpts and partial copies whose fuller
        /// article arrived in this batch).
        public var revisions: [Decision] = []
    }

    /// Prepares articles on all cores.
    public func prepare(_ articles: [Article]) -> [PreparedArticle] {
        progress?.enter(.prepare, total: articles.count)
        return prepare(loaded: articles)
    }

    /// Prepares the articles at positions `range` of `source` on all cores, counting them done in
    /// the current stage.
    func prepare(_ source: some ArticleSource, range: Range<Int>) throws -> [PreparedArticle] {
        prepare(loaded: try source.articles(in: range))
    }

    /// Prepares articles on all cores, counting them done in the current stage.
    private func prepare(loaded articles: [Article]) -> [PreparedArticle] {
        var out: [PreparedArticle] = []
        out.reserveCapacity(articles.count)
        let progress = self.progress
        Parallel.forEachChunk(count: articles.count, chunk: 32) { range in
            defer { progress?.advance(by: range.count) }
            return range.map { PreparedArticle(articles[$0]) }
        } collect: { out += $0 }
        return out
    }

    /// Counts lines per site across the batch.
    public func statistics(of prepared: [PreparedArticle]) -> LineStatistics {
        var builder = LineStatistics.Builder()
        for p in prepared { builder.add(p) }
        return builder.build()
    }

    /// Analyzes prepared articles on all cores.
    public func analyze(_ prepared: [PreparedArticle], statistics: LineStatistics) -> [ArticleAnalysis] {
        progress?.enter(.analyze, total: prepared.count)
        var out: [ArticleAnalysis] = []
        var pool = FingerprintPool()
        analyze(prepared, statistics: statistics, into: &out, pool: &pool)
        return out
    }

    /// Analyzes prepared articles on all cores, appending in order, counting them done in the
    /// current stage; exact copies' fingerprints are held once (`pool`).
    func analyze(_ prepared: [PreparedArticle], statistics: LineStatistics, into out: inout [ArticleAnalysis],
                 pool: inout FingerprintPool) {
        let analyzer = self.analyzer, progress = self.progress
        Parallel.forEachChunk(count: prepared.count, chunk: 32) { range in
            defer { progress?.advance(by: range.count) }
            return range.map { analyzer.analyze(prepared[$0], statistics: statistics) }
        } collect: { chunk in
            for var a in chunk {
                pool.share(&a)
                out.append(a)
            }
        }
    }

    /// Candidate search, clustering and decisions over analyses; with an archive, documents that
    /// copy an earlier run's canonical are merged into it first. Editors' `verdicts` hold
    /// throughout (`applyVerdicts`): removed documents go, pairs judged apart are never merged.
    public func decide(_ analyses: [ArticleAnalysis], archive: (any ArchiveLookup)? = nil, verdicts: BatchVerdicts = .none) throws
        -> (decisions: [Decision], clusters: [Cluster], archived: [Int: ArchiveMatch], revisions: [Decision]) {
        let ruleRemoved = Set(analyses.indices.filter { !analyses[$0].removeRules.isEmpty })
        let removed = ruleRemoved.union(verdicts.removed.keys)
        let (matches, links, index, copies) = try CandidateSearch(settings: match).run(analyses, excluded: removed)
        var archived: [Int: ArchiveMatch] = [:]
        var revisions: [ArchiveRevision] = []
        var unconstrained: [Int: ArchiveMatch] = [:]
        if let archive {
            (archived, revisions, unconstrained) = try ArchiveMatcher(settings: match).match(
                matches, index: index, archive: archive, excluded: removed.union(copies.keys), verdicts: verdicts)
            if !verdicts.isEmpty { Self.keepApart(&archived, unconstrained: &unconstrained, verdicts: verdicts) }
            // An exact copy matches the archive as its representative does.
            for (copy, rep) in copies {
                guard let m = archived[rep], verdicts.apart(copy, archived: m.article) == nil else { continue }
                archived[copy] = m
            }
        }
        let clusters = Clusterer(settings: match).clusters(of: matches, links: links, excluded: removed.union(archived.keys),
                                                           copies: copies.filter { archived[$0.key] == nil }, verdicts: verdicts)
        var decisions = Decider(settings: match).decide(analyses, matches: matches, clusters: clusters, ruleRemoved: ruleRemoved,
                                                        archived: archived, verdictRemoved: verdicts.removed, links: links)
        if !verdicts.isEmpty {
            let apart = Unconstrained(analyses: analyses, matches: matches, links: links, copies: copies, ruleRemoved: ruleRemoved,
                                      archived: archived.merging(unconstrained) { $1 })
            Self.mark(&decisions, verdicts: verdicts, unconstrained: apart, settings: match)
            revisions = Self.keepApart(revisions, decisions: decisions, analyses: analyses, verdicts: verdicts)
        }
        let revised = Decider(settings: match).revise(revisions, decisions: decisions)
        return (decisions, clusters.filter { !$0.members.isEmpty }, archived, revised)
    }

    /// The whole scan over a batch of articles, held in memory or fetched from `articles` a chunk
    /// at a time (then no more than a chunk's texts are held at once); with `verdicts`, editors'
    /// verdicts on the batch's documents are loaded from it and honoured.
    public func scan(_ articles: some ArticleSource, extraStatistics: LineStatistics? = nil, archive: (any ArchiveLookup)? = nil,
                     verdicts lookup: (any VerdictLookup)? = nil) throws -> Result {
        var counters = StageCounters()
        var clock = ContinuousClock.now
        var cpu = ProcessClock.cpuSeconds()
        func lap(_ stage: String) {
            HeapTrim.release()
            let now = ContinuousClock.now, nowCPU = ProcessClock.cpuSeconds()
            counters.seconds[stage] = (now - clock).seconds
            counters.cpuSeconds[stage] = nowCPU - cpu
            clock = now
            cpu = nowCPU
        }
        var batchStats: LineStatistics
        var stats: LineStatistics
        var analyses: [ArticleAnalysis] = []
        var verdicts = BatchVerdicts.none
        if articles.count <= chunkSize {
            progress?.enter(.prepare, total: articles.count)
            let prepared = try prepare(articles, range: 0..<articles.count)
            lap("prepare")
            progress?.enter(.statistics, total: prepared.count)
            batchStats = statistics(of: prepared)
            stats = batchStats
            if let extra = extraStatistics { stats.merge(extra) }
            lap("statistics")
            analyses = analyze(prepared, statistics: stats)
            lap("analyze")
            if let lookup {
                (analyses, verdicts) = try applyVerdicts(to: analyses, prepare: { prepared[$0] }, statistics: stats, lookup: lookup)
                lap("verdicts")
            }
        } else {
            // Pass 1 counts lines a chunk at a time; pass 2 prepares each chunk again to analyse it.
            progress?.enter(.statistics, total: articles.count)
            var builder = LineStatistics.Builder()
            for start in stride(from: 0, to: articles.count, by: chunkSize) {
                for p in try prepare(articles, range: start..<min(articles.count, start + chunkSize)) { builder.add(p) }
            }
            batchStats = builder.build()
            stats = batchStats
            if let extra = extraStatistics { stats.merge(extra) }
            lap("statistics")
            progress?.enter(.analyze, total: articles.count)
            analyses.reserveCapacity(articles.count)
            var pool = FingerprintPool()
            for start in stride(from: 0, to: articles.count, by: chunkSize) {
                analyze(try prepare(articles, range: start..<min(articles.count, start + chunkSize)), statistics: stats,
                        into: &analyses, pool: &pool)
            }
            lap("analyze")
            if let lookup {
                (analyses, verdicts) = try applyVerdicts(to: analyses, prepare: { PreparedArticle(try articles.article(at: $0)) },
                                                         statistics: stats, lookup: lookup)
                lap("verdicts")
            }
        }
        counters.articles = analyses.count
        if !keepsStatistics {
            // Nothing after the analysis reads them: their memory is the decide stage's.
            (stats, batchStats) = (LineStatistics(), LineStatistics())
            HeapTrim.release()
        }
        counters.linesFlagged = analyses.reduce(0) { $0 + $1.strippedLineCount }
        counters.excerpts = analyses.filter(\.isExcerpt).count
        progress?.enter(.decide)
        let (decisions, clusters, archived, revisions) = try decide(analyses, archive: archive, verdicts: verdicts)
        lap("decide")
        for d in decisions { counters.decisions[d.kind.rawValue, default: 0] += 1 }
        counters.clusters = clusters.count
        counters.archiveMatches = archived.count
        return Result(analyses: analyses, decisions: decisions, clusters: clusters, counters: counters, statistics: batchStats,
                      revisions: revisions)
    }
}

/// What each stage did, for logs and summaries.
public struct StageCounters: Sendable, Equatable {
    /// Articles analyzed.
    public var articles = 0
    /// Lines stripped as furniture.
    public var linesFlagged = 0
    /// Documents recognized as excerpts.
    public var excerpts = 0
    /// Clusters of two or more documents.
    public var clusters = 0
    /// Documents merged into an earlier run's canonical.
    public var archiveMatches = 0
    /// Decisions by kind.
    public var decisions: [String: Int] = [:]
    /// Wall-clock seconds per stage.
    public var seconds: [String: Double] = [:]
    /// CPU seconds per stage (all threads).
    public var cpuSeconds: [String: Double] = [:]

    /// Empty counters.
    public init() {}
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time of the whole process (all threads), for stage counters.
public enum ProcessClock {
    /// Seconds of CPU used so far.
    public static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}

extension LineStatistics.Builder {
    /// Counts a prepared article's lines under its site.
    mutating func add(_ p: PreparedArticle) {
        add(site: p.article.site, distinctKeys: p.lineKeys, siteKeys: p.siteLineKeys, story: p.story, language: p.language)
    }
}
