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
    /// Documents per (site, line key), keyed by `StableHash.combine(siteHash, lineKey)`.
    public private(set) var documentsPerLine: [UInt64: Int32] = [:]
    /// Documents per line key over all sites.
    public private(set) var documentsPerLineAllSites: [UInt64: Int32] = [:]
    /// Documents seen.
    public private(set) var documents = 0

    /// Empty statistics.
    public init() {}

    /// Counts one document's distinct line keys for its site.
    public mutating func add(site: String, lineKeys: some Sequence<UInt64>) {
        documentsPerSite[site, default: 0] += 1
        documents += 1
        let siteHash = StableHash.fnv1a(site)
        var seen = Set<UInt64>()
        for key in lineKeys where seen.insert(key).inserted {
            documentsPerLine[StableHash.combine(siteHash, key), default: 0] += 1
            documentsPerLineAllSites[key, default: 0] += 1
        }
    }

    /// Adds another statistics' counts to these.
    public mutating func merge(_ other: LineStatistics) {
        documentsPerSite.merge(other.documentsPerSite, uniquingKeysWith: +)
        documentsPerLine.merge(other.documentsPerLine, uniquingKeysWith: +)
        documentsPerLineAllSites.merge(other.documentsPerLineAllSites, uniquingKeysWith: +)
        documents += other.documents
    }

    /// A view for one site, for fast lookups during analysis.
    public func site(_ site: String) -> SiteLineCounts {
        SiteLineCounts(siteHash: StableHash.fnv1a(site), documents: documentsPerSite[site] ?? 0, statistics: self)
    }
}

/// Line counts of one site.
public struct SiteLineCounts: Sendable {
    let siteHash: UInt64
    /// Documents of this site.
    public let documents: Int
    let statistics: LineStatistics

    /// In how many of this site's documents the line key occurs.
    public func documents(withLine key: UInt64) -> Int {
        Int(statistics.documentsPerLine[StableHash.combine(siteHash, key)] ?? 0)
    }

    /// The share of *other* sites' documents holding the line, or nil when too few are known.
    /// A site's own template is far more frequent on it than elsewhere; a line equally common
    /// everywhere (a wire service's dateline, an author's sign-off) belongs to the articles.
    public func shareElsewhere(ofLine key: UInt64, inSite here: Int, minimumDocuments: Int = 50) -> Double? {
        let others = statistics.documents - documents
        guard others >= minimumDocuments else { return nil }
        let count = Int(statistics.documentsPerLineAllSites[key] ?? 0) - here
        return Double(max(0, count)) / Double(others)
    }
}
