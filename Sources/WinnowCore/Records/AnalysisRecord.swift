/// What the analyze stage hands to the decide stage for one article: the analysis (findings,
/// stripped lines, body, fingerprint) and the few fields of the article that decisions and
/// reports name (title, url, publication time, origin, text size). No text: a record's size grows
/// with the fingerprint, not with the article.
///
/// `winnow analyze` writes these, `winnow decide` reads them, and the Spark job exchanges them
/// between its stages. The binary form (`AnalysisRecordFile`) is versioned: a reader refuses a
/// newer version with a clear message rather than misreading it.
public struct AnalysisRecord: Sendable {
    /// The article as decisions and reports need it (its `text` is empty).
    public var article: Article
    /// The analysis.
    public var analysis: ArticleAnalysis
    /// Bytes of the article's text (for counters).
    public var textBytes: Int

    /// Creates a record; the article's text is dropped.
    public init(article: Article, analysis: ArticleAnalysis) {
        var meta = article
        textBytes = article.text.utf8.count
        meta.text = ""
        meta.lineHints = nil
        self.article = meta
        self.analysis = analysis
    }

    init(article: Article, analysis: ArticleAnalysis, textBytes: Int) {
        self.article = article
        self.analysis = analysis
        self.textBytes = textBytes
    }
}

/// The binary analysis-record file: `WNAR`, a version byte, then records, each a varint length
/// and its bytes. Integers are LEB128 varints, hashes 8 little-endian bytes, strings UTF-8 with a
/// length; see `AnalysisRecordFile.encode(_:into:)` for the field order.
public enum AnalysisRecordFile {
    /// The magic at the start of the file.
    public static let magic: [UInt8] = Array("WNAR".utf8)
    /// The format version written (and the newest read).
    public static let version: UInt8 = 11

    /// The file header.
    public static var header: [UInt8] { magic + [version] }

    /// One record, length-prefixed, ready to append after the header.
    public static func encode(_ r: AnalysisRecord) -> [UInt8] {
        var body = ByteWriter()
        encode(r, into: &body)
        var out = ByteWriter()
        out.count(body.bytes.count)
        out.raw(body.bytes)
        return out.bytes
    }

    /// Field order (version 2 appends the lead-line figures and letter windows, version 3 the
    /// fingerprint's ideograph and paragraph-token counts, version 4 its figures in context,
    /// version 5 its template-token count, version 6 its figures in order, version 7 its figure lines, version 8 its headline's subject mask;
    /// version 9 keys figure lines with the names beside their figures: older ones are read as none;
    /// version 10 appends its figure sentences, version 11 its headline words).
    static func encode(_ r: AnalysisRecord, into w: inout ByteWriter) {
        let an = r.analysis
        encodeArticleFields(r.article, into: &w)
        w.count(r.textBytes)
        w.string(an.site)
        w.string(an.language)
        w.byte(an.isExcerpt ? 1 : 0)
        if let b = an.body { w.byte(1); w.count(b.lowerBound); w.count(b.upperBound) } else { w.byte(0) }
        let fp = an.fingerprint
        w.fixed64(fp.simhash)
        w.fixed64(fp.exact)
        w.count(fp.tokens)
        w.fixed64s(fp.sketch)
        // The lead and the head are drawn from the sketch: stored as positions in it (a byte or so each).
        for part in [fp.lead, fp.head] { writeSubset(part, of: fp.sketch, into: &w) }
        for list in [fp.title, fp.figures, fp.titleFigures, an.cutLead] { w.fixed64s(list) }
        let stripped = an.strippedLines.sorted()
        w.count(stripped.count)
        var previous = 0
        for line in stripped { w.count(line - previous); previous = line }
        let findings = an.findings
        w.count(findings.count)
        for f in findings {
            w.string(f.rule)
            w.string(f.category.rawValue)
            w.string(f.severity.rawValue)
            w.string(f.action.rawValue)
            w.count(f.lineStart)
            w.count(f.lineEnd - f.lineStart)
            w.string(f.message)
            w.byte(f.outsideRegion ? 1 : 0)
        }
        for list in [an.reviewRules, an.removeRules] {
            w.count(list.count)
            for s in list { w.string(s) }
        }
        w.fixed64s(an.leadLine.figures)
        w.fixed16s(an.leadLine.letters)
        w.fixed16s(an.leadLine.opening)
        w.byte(an.leadLine.marked ? 1 : 0)
        w.count(fp.ideographs)
        w.count(fp.paragraphTokens)
        w.fixed64s(fp.figureContexts)
        w.count(fp.templateTokens)
        w.fixed64s(fp.figureOrder)
        w.fixed64s(fp.figureLines)
        w.fixed64(fp.subjectMask)
        w.fixed64s(fp.figureSentences)
        w.fixed64s(fp.headlineWords.packed)
    }

    /// An article's fields but its text and line hints: id, title, url, publication time, source,
    /// origin and replaced sequences (how analysis records and the scan's article spool begin).
    public static func encodeArticleFields(_ a: Article, into w: inout ByteWriter) {
        w.string(a.id)
        w.optionalString(a.title)
        w.optionalString(a.url)
        w.optionalString(a.publishedAt)
        w.optionalString(a.source)
        w.optionalString(a.origin?.file)
        w.count(a.origin?.line ?? 0)
        w.count(a.replacedSequences)
    }

    /// Reads what `encodeArticleFields(_:into:)` wrote: an article with an empty text.
    public static func decodeArticleFields(_ r: inout ByteReader) throws -> Article {
        let id = try r.string()
        let title = try r.optionalString(), url = try r.optionalString(), published = try r.optionalString()
        let source = try r.optionalString(), originFile = try r.optionalString()
        let originLine = try r.int()
        var article = Article(id: id, text: "", title: title, url: url, publishedAt: published, source: source,
                              origin: originFile.map { RecordOrigin(file: $0, line: originLine) })
        article.replacedSequences = try r.int()
        return article
    }

    /// A sorted subset of a sorted list: `1`, the count and the gaps between positions; or `0`
    /// and the values themselves when it is not a subset.
    static func writeSubset(_ part: [UInt64], of whole: [UInt64], into w: inout ByteWriter) {
        var positions: [Int] = []
        positions.reserveCapacity(part.count)
        var j = 0
        for v in part {
            while j < whole.count && whole[j] < v { j += 1 }
            guard j < whole.count, whole[j] == v else { w.byte(0); w.fixed64s(part); return }
            positions.append(j)
        }
        w.byte(1)
        w.count(positions.count)
        var previous = -1
        for p in positions { w.count(p - previous - 1); previous = p }
    }

    static func readSubset(of whole: [UInt64], from r: inout ByteReader) throws -> [UInt64] {
        guard try r.byte() == 1 else { return try r.fixed64s() }
        let n = try r.count()
        var out: [UInt64] = []
        out.reserveCapacity(n)
        var p = -1
        for _ in 0..<n {
            p += try r.int() + 1
            guard p < whole.count else { throw RecordError.invalidValue(field: "sketch position", at: r.position) }
            out.append(whole[p])
        }
        return out
    }

    /// Reads every record of a file's bytes.
    public static func decode(_ bytes: [UInt8]) throws -> [AnalysisRecord] {
        guard bytes.count >= header.count, Array(bytes.prefix(magic.count)) == magic else {
            throw RecordError.notARecordFile(expected: "Winnow analysis-record (WNAR)")
        }
        let v = bytes[magic.count]
        guard v <= version else { throw RecordError.unsupportedVersion(Int(v), supported: Int(version)) }
        var r = ByteReader(bytes, position: header.count)
        var out: [AnalysisRecord] = []
        while !r.atEnd {
            let n = try r.count()
            let start = r.position
            var body = ByteReader(Array(try r.raw(n)))
            do { out.append(try decodeRecord(&body, version: v)) } catch RecordError.truncated(let at) { throw RecordError.truncated(at: start + at) }
        }
        return out
    }

    static func decodeRecord(_ r: inout ByteReader, version: UInt8 = version) throws -> AnalysisRecord {
        let article = try decodeArticleFields(&r)
        let id = article.id, published = article.publishedAt
        let textBytes = try r.int()
        let site = try r.string(), language = try r.string()
        let isExcerpt = try r.byte() != 0
        let body: ClosedRange<Int>? = try r.byte() == 0 ? nil : try {
            let lo = try r.int(), hi = try r.int()
            guard lo <= hi else { throw RecordError.invalidValue(field: "body range", at: r.position) }
            return lo...hi
        }()
        let simhash = try r.fixed64(), exact = try r.fixed64(), tokens = try r.int()
        let sketch = try r.fixed64s()
        let lead = try readSubset(of: sketch, from: &r), head = try readSubset(of: sketch, from: &r)
        var lists: [[UInt64]] = []
        for _ in 0..<4 { lists.append(try r.fixed64s()) }
        var fp = Fingerprint(simhash: simhash, exact: exact, tokens: tokens, sketch: sketch, lead: lead)
        fp.head = head
        fp.title = lists[0]
        fp.figures = lists[1]
        fp.titleFigures = lists[2]
        var stripped = Set<Int>()
        var line = 0
        for _ in 0..<(try r.count()) { line += try r.int(); stripped.insert(line) }
        var findings: [Finding] = []
        for _ in 0..<(try r.count()) {
            let rule = try r.string()
            let at = r.position
            guard let category = FindingCategory(rawValue: try r.string()), let severity = Severity(rawValue: try r.string()),
                  let action = RuleAction(rawValue: try r.string()) else { throw RecordError.invalidValue(field: "finding", at: at) }
            let start = try r.int(), span = try r.int()
            var f = Finding(rule: rule, category: category, severity: severity, action: action, lineStart: start,
                            lineEnd: start + span, message: try r.string())
            f.outsideRegion = try r.byte() != 0
            findings.append(f)
        }
        var ruleLists: [[String]] = []
        for _ in 0..<2 {
            var list: [String] = []
            for _ in 0..<(try r.count()) { list.append(try r.string()) }
            ruleLists.append(list)
        }
        var analysis = ArticleAnalysis(id: id, site: site, language: language, publishedAt: published, findings: findings,
                                       strippedLines: stripped, body: body, isExcerpt: isExcerpt, fingerprint: fp,
                                       reviewRules: ruleLists[0], removeRules: ruleLists[1])
        analysis.cutLead = lists[3]
        if version >= 2 {
            analysis.leadLine.figures = try r.fixed64s()
            analysis.leadLine.letters = try r.fixed16s()
            analysis.leadLine.opening = try r.fixed16s()
            analysis.leadLine.marked = try r.byte() != 0
        }
        if version >= 3 {
            analysis.fingerprint.ideographs = try r.int()
            analysis.fingerprint.paragraphTokens = try r.int()
        }
        if version >= 4 { analysis.fingerprint.figureContexts = try r.fixed64s() }
        if version >= 5 { analysis.fingerprint.templateTokens = try r.int() }
        if version >= 6 { analysis.fingerprint.figureOrder = try r.fixed64s() }
        if version >= 7 {
            let lines = try r.fixed64s()
            analysis.fingerprint.figureLines = version >= 9 ? lines : []
        }
        if version >= 8 { analysis.fingerprint.subjectMask = try r.fixed64() }
        if version >= 10 { analysis.fingerprint.figureSentences = try r.fixed64s() }
        if version >= 11 { analysis.fingerprint.headlineWords = HeadlineWords(packed: try r.fixed64s()) }
        return AnalysisRecord(article: article, analysis: analysis, textBytes: textBytes)
    }
}
