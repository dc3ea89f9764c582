/// The binary line-statistics file `winnow stats` writes and `winnow analyze` reads: `WNLS`, a
/// version byte, documents per site and per (site, language), then the three count tables (version 1: two, without stories per line) (sorted
/// keys as 8 little-endian bytes each, counts as varints). Statistics files add up: `merge`.
public enum LineStatisticsFile {
    /// The magic at the start of the file.
    public static let magic: [UInt8] = Array("WNLS".utf8)
    /// The format version written (and the newest read).
    public static let version: UInt8 = 2

    /// The statistics as bytes.
    public static func encode(_ s: LineStatistics) -> [UInt8] {
        var w = ByteWriter()
        w.raw(magic + [version])
        let sites = s.documentsPerSite.sorted { $0.key < $1.key }
        w.count(sites.count)
        for (site, n) in sites { w.string(site); w.count(n) }
        let languages = s.documentsPerSiteLanguage.sorted { ($0.key.site, $0.key.language) < ($1.key.site, $1.key.language) }
        w.count(languages.count)
        for (key, n) in languages { w.string(key.site); w.string(key.language); w.count(n) }
        for table in [s.documentsPerLine, s.documentsPerLineAllSites, s.storiesPerLine] {
            w.count(table.count)
            for (key, _) in table.entries { w.fixed64(key) }
            for (_, n) in table.entries { w.count(Int(n)) }
        }
        return w.bytes
    }

    /// Statistics from bytes.
    public static func decode(_ bytes: [UInt8]) throws -> LineStatistics {
        guard bytes.count > magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw RecordError.notARecordFile(expected: "Winnow line-statistics (WNLS)")
        }
        guard bytes[magic.count] <= version else { throw RecordError.unsupportedVersion(Int(bytes[magic.count]), supported: Int(version)) }
        var r = ByteReader(bytes, position: magic.count + 1)
        var perSite: [String: Int] = [:]
        for _ in 0..<(try r.count()) { let site = try r.string(); perSite[site] = try r.int() }
        var perLanguage: [SiteLanguage: Int] = [:]
        for _ in 0..<(try r.count()) {
            let site = try r.string(), language = try r.string()
            perLanguage[SiteLanguage(site: site, language: language)] = try r.int()
        }
        var tables: [CountTable] = []
        for _ in 0..<(bytes[magic.count] >= 2 ? 3 : 2) {
            let n = try r.count(minBytes: 9)
            var keys: [UInt64] = []
            keys.reserveCapacity(n)
            for _ in 0..<n { keys.append(try r.fixed64()) }
            var counts: [Int32] = []
            counts.reserveCapacity(n)
            for _ in 0..<n { counts.append(Int32(clamping: try r.int())) }
            tables.append(CountTable(keys: keys, counts: counts))
        }
        return LineStatistics.restored(documentsPerSite: perSite, documentsPerSiteLanguage: perLanguage,
                                       documentsPerLine: tables[0], documentsPerLineAllSites: tables[1],
                                       storiesPerLine: tables.count > 2 ? tables[2] : CountTable())
    }
}
