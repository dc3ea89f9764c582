/// Cross-document line statistics: in how many documents of each site a line (digits masked)
/// occurs. Lines that recur across many different documents of one site are its template:
/// navigation, metadata and notices nobody had to list (the idea behind CCNet's and Gopher-style
/// line deduplication). A document counts once per line however often the line repeats in it.
///
/// Built in a pass before analysis and shared read-only by every per-article analysis, so the
/// per-article step stays a pure function of the article and these numbers. Two statistics can
/// be merged, which is how shards (or an archive's history) combine.
public struct LineStatistics: Sendable {
    /// Documents seen per site.
    public private(set) var documentsPerSite: [String: Int] = [:]
    /// Documents per site and language: a line can only recur among documents of its own language.
    public private(set) var documentsPerSiteLanguage: [SiteLanguage: Int] = [:] {
        didSet { documentsPerLanguage = Self.totalsPerLanguage(documentsPerSiteLanguage) }
    }
    /// Documents per language (the totals of `documentsPerSiteLanguage`).
    public private(set) var documentsPerLanguage: [String: Int] = [:]
    /// Documents per (site, line key), keyed by `StableHash.combine(siteHash, lineKey)`.
    public private(set) var documentsPerLine = CountTable()
    /// Documents per line key over all sites.
    public private(set) var documentsPerLineAllSites = CountTable()
    /// Stories per line key over all sites: a story counts once however many sites carry it, so
    /// an article's own paragraphs count about once wherever they are reposted, while a notice
    /// pasted under many articles counts once per article. Empty in statistics written before it.
    public private(set) var storiesPerLine = CountTable()
    /// Documents seen.
    public private(set) var documents = 0

    /// Empty statistics.
    public init() {}

    /// Collects statistics; add documents, then `build()`.
    public struct Builder {
        private var perSite: [String: Int] = [:]
        private var perSiteLanguage: [SiteLanguage: Int] = [:]
        private var siteKeys: [UInt64] = []
        private var allKeys: [UInt64] = []
        private var stories: [UInt64] = []
        private var siteStories: [UInt64] = []
        private var documents = 0

        /// An empty builder.
        public init() {}

        /// Counts one document's distinct line keys for its site (repeats count once).
        public mutating func add(site: String, lineKeys: some Sequence<UInt64>, language: String = "") {
            countDocument(site: site, language: language)
            let siteHash = StableHash.fnv1a(site)
            var distinct = Array(lineKeys)
            if !zip(distinct, distinct.dropFirst()).allSatisfy({ $0 < $1 }) {
                RadixSort.sort(&distinct)
                distinct.dedupe()
            }
            siteKeys.append(contentsOf: distinct.lazy.map { StableHash.combine(siteHash, $0) })
            allKeys.append(contentsOf: distinct)
            stories.append(contentsOf: repeatElement(UInt64(documents), count: distinct.count))
            siteStories.append(contentsOf: repeatElement(UInt64(documents), count: distinct.count))
        }

        /// Counts one document from keys already made distinct and combined with the site
        /// (`PreparedArticle.lineKeys` and `siteLineKeys`). Documents of one `story` (the same
        /// headline) count once per line: a story reposted several times on one site must not make
        /// its paragraphs look like the site's template.
        public mutating func add(site: String, distinctKeys: [UInt64], siteKeys combined: [UInt64], story: UInt64,
                                 language: String = "") {
            countDocument(site: site, language: language)
            siteKeys.append(contentsOf: combined)
            allKeys.append(contentsOf: distinctKeys)
            stories.append(contentsOf: repeatElement(story, count: distinctKeys.count))
            // Across sites a story counts once per site, as it does in each site's own counts.
            siteStories.append(contentsOf: repeatElement(StableHash.combine(story, StableHash.fnv1a(site)), count: distinctKeys.count))
        }

        private mutating func countDocument(site: String, language: String) {
            perSite[site, default: 0] += 1
            if !language.isEmpty { perSiteLanguage[SiteLanguage(site: site, language: language), default: 0] += 1 }
            documents += 1
        }

        /// The statistics.
        public func build() -> LineStatistics {
            var s = LineStatistics()
            s.documentsPerSite = perSite
            s.documentsPerSiteLanguage = perSiteLanguage
            s.documents = documents
            // The tables are independent: build them on all cores.
            var tables = [CountTable](repeating: CountTable(), count: 3)
            let inputs = [(siteKeys, stories), (allKeys, siteStories), (allKeys, stories)]
            Parallel.forEachChunk(count: 3, chunk: 1) { range in
                range.map { ($0, CountTable(counting: Self.distinctPerStory(inputs[$0].0, stories: inputs[$0].1))) }
            } collect: { for (i, t) in $0 { tables[i] = t } }
            s.documentsPerLine = tables[0]
            s.documentsPerLineAllSites = tables[1]
            s.storiesPerLine = tables[2]
            return s
        }

        /// The keys with repeats of the same (key, story) pair removed.
        static func distinctPerStory(_ keys: [UInt64], stories: [UInt64]) -> [UInt64] {
            var pairs = zip(keys, stories).map { StableHash.combine($0, $1) }
            var index = (0..<Int32(keys.count)).map { $0 }
            RadixSort.sort(keys: &pairs, payloads: &index)
            var out: [UInt64] = []
            out.reserveCapacity(keys.count)
            for i in pairs.indices where i == 0 || pairs[i] != pairs[i - 1] { out.append(keys[Int(index[i])]) }
            return out
        }
    }

    /// Statistics restored from storage (the archive keeps them between runs).
    public static func restored(documentsPerSite: [String: Int], documentsPerSiteLanguage: [SiteLanguage: Int] = [:],
                                documentsPerLine: CountTable, documentsPerLineAllSites: CountTable,
                                storiesPerLine: CountTable = CountTable()) -> LineStatistics {
        var s = LineStatistics()
        s.documentsPerSite = documentsPerSite
        s.documentsPerSiteLanguage = documentsPerSiteLanguage
        s.documents = documentsPerSite.values.reduce(0, +)
        s.documentsPerLine = documentsPerLine
        s.documentsPerLineAllSites = documentsPerLineAllSites
        s.storiesPerLine = storiesPerLine
        return s
    }

    /// Adds another statistics' counts to these.
    public mutating func merge(_ other: LineStatistics) {
        documentsPerSite.merge(other.documentsPerSite, uniquingKeysWith: +)
        documentsPerSiteLanguage.merge(other.documentsPerSiteLanguage, uniquingKeysWith: +)
        documentsPerLine = documentsPerLine.merged(with: other.documentsPerLine)
        documentsPerLineAllSites = documentsPerLineAllSites.merged(with: other.documentsPerLineAllSites)
        storiesPerLine = storiesPerLine.merged(with: other.storiesPerLine)
        documents += other.documents
    }

    /// A view for one site, for fast lookups during analysis. With a `language`, "elsewhere" means
    /// other sites' documents of that language (when any are known), not every other document.
    public func site(_ site: String, language: String = "") -> SiteLineCounts {
        let here = documentsPerSite[site] ?? 0
        var elsewhere = documents - here
        if !language.isEmpty, let all = documentsPerLanguage[language] {
            elsewhere = all - (documentsPerSiteLanguage[SiteLanguage(site: site, language: language)] ?? 0)
        }
        return SiteLineCounts(siteHash: StableHash.fnv1a(site), documents: here, documentsElsewhere: elsewhere, statistics: self)
    }

    private static func totalsPerLanguage(_ perSiteLanguage: [SiteLanguage: Int]) -> [String: Int] {
        var totals: [String: Int] = [:]
        for (key, n) in perSiteLanguage { totals[key.language, default: 0] += n }
        return totals
    }
}

/// A site and a language, the key of per-language document counts.
public struct SiteLanguage: Hashable, Sendable {
    /// The site.
    public var site: String
    /// The detected language.
    public var language: String

    /// Creates a key.
    public init(site: String, language: String) {
        self.site = site
        self.language = language
    }
}

/// Line counts of one site.
public struct SiteLineCounts: Sendable {
    let siteHash: UInt64
    /// Documents of this site.
    public let documents: Int
    /// Documents of other sites (of the view's language, when it has one).
    public let documentsElsewhere: Int
    let statistics: LineStatistics

    /// In how many of this site's documents the line key occurs.
    public func documents(withLine key: UInt64) -> Int {
        statistics.documentsPerLine.count(of: StableHash.combine(siteHash, key))
    }

    /// In how many documents of any site the line key occurs (a story counts once per site).
    public func documentsAnywhere(withLine key: UInt64) -> Int {
        statistics.documentsPerLineAllSites.count(of: key)
    }

    /// With how many stories of any site the line key occurs (a story counts once, whatever
    /// sites carry it): an article's paragraphs stay near one, a notice grows with each article.
    public func storiesAnywhere(withLine key: UInt64) -> Int {
        statistics.storiesPerLine.count(of: key)
    }

    /// The share of *other* sites' documents holding the line, or nil when too few are known.
    /// A site's own template is far more frequent on it than elsewhere; a line equally common
    /// everywhere (a wire service's dateline, an author's sign-off) belongs to the articles.
    public func shareElsewhere(ofLine key: UInt64, inSite here: Int, minimumDocuments: Int = 50) -> Double? {
        guard documentsElsewhere >= minimumDocuments else { return nil }
        let count = statistics.documentsPerLineAllSites.count(of: key) - here
        return Double(max(0, count)) / Double(documentsElsewhere)
    }
}
