import WinnowCore

/// `decisions.jsonl`: one JSON object per input document, in input order, exactly the contract
/// of `shared/eval/score.py`: `id`, `decision`, `canonical`, `findings` (`rule`, `category`,
/// `line_start`, `line_end`, ...), plus `reasons`, `similarity` and context. A decision an
/// editor's verdict changed ends with `verdict` (`kind`, `editor`, `note`, and the `rule` or
/// `other` document it names); no other line carries it.
public struct DecisionsReporter: Reporter {
    /// The file name.
    public let fileName = "decisions.jsonl"

    /// Creates the reporter.
    public init() {}

    /// A line per document with its reasons: the second heaviest file.
    public var renderWeight: Int { 3 }

    /// Renders all decisions.
    public func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws {
        var pieces = ReportPieces()
        // A decision quotes an article's origin, never its text: the spool's texts are passed over.
        try report.articles.forEachHeader { i, a in
            Self.write(report.decisions[i], analysis: report.analyses[i], article: a, into: &pieces.buffer)
            pieces.buffer.raw("\n")
            try pieces.flush(emit)
        }
        for r in report.revisions {
            Self.writeRevision(r, findings: report.revisionFindings[r.id] ?? [], into: &pieces.buffer)
            pieces.buffer.raw("\n")
            try pieces.flush(emit)
        }
        try pieces.flush(emit, end: true)
    }

    /// One decision as a JSON object on one line.
    public static func line(_ d: Decision, analysis a: ArticleAnalysis, article: Article) -> String {
        var out = JSONBuffer()
        write(d, analysis: a, article: article, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func write(_ d: Decision, analysis a: ArticleAnalysis, article: Article, into out: inout JSONBuffer) {
        out.raw("{\"id\":"); out.string(d.id)
        out.raw(",\"decision\":\""); out.raw(d.kind.rawValue); out.raw("\"")
        out.raw(",\"canonical\":"); out.string(d.canonical)
        if let run = d.canonicalRun { out.raw(",\"canonical_run\":"); out.string(run) }
        writeReasonsAndSimilarity(d, into: &out)
        out.raw(",\"cluster_size\":"); out.int(d.clusterSize)
        out.raw(",\"site\":"); out.string(a.site)
        out.raw(",\"language\":\""); out.raw(a.language); out.raw("\"")
        out.raw(",\"excerpt\":"); out.bool(a.isExcerpt)
        out.raw(",\"simhash\":\""); out.raw(StableHash.hex(a.fingerprint.simhash)); out.raw("\"")
        if let b = a.body { out.raw(",\"body\":["); out.int(b.lowerBound); out.raw(","); out.int(b.upperBound); out.raw("]") }
        writeFindings(a.findings, into: &out)
        if let o = article.origin { out.raw(",\"origin\":"); out.string(o.description) }
        if let v = d.verdict { writeVerdict(v, into: &out) }
        out.raw("}")
    }

    /// `"verdict":{"kind":…,"editor":…,"note":…}` (note null when none; `rule` or `other` when named).
    static func writeVerdict(_ v: AppliedVerdict, into out: inout JSONBuffer) {
        out.raw(",\"verdict\":{\"kind\":\""); out.raw(v.kind.rawValue)
        out.raw("\",\"editor\":"); out.string(v.editor)
        out.raw(",\"note\":")
        if let n = v.note { out.string(n) } else { out.raw("null") }
        if let r = v.rule { out.raw(",\"rule\":"); out.string(r) }
        if let o = v.other { out.raw(",\"other\":"); out.string(o) }
        out.raw("}")
    }

    /// `"findings":[…]`.
    static func writeFindings(_ findings: [Finding], into out: inout JSONBuffer) {
        out.raw(",\"findings\":[")
        for (k, f) in findings.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("{\"rule\":"); out.string(f.rule)
            out.raw(",\"category\":\""); out.raw(f.category.rawValue)
            out.raw("\",\"severity\":\""); out.raw(f.severity.rawValue)
            out.raw("\",\"action\":\""); out.raw(f.action.rawValue)
            out.raw("\",\"line_start\":"); out.int(f.lineStart)
            out.raw(",\"line_end\":"); out.int(f.lineEnd)
            out.raw(",\"message\":"); out.string(f.message); out.raw("}")
        }
        out.raw("]")
    }

    /// A revised decision on an earlier run's document: same keys, `revision: true`, its run, and
    /// the findings its own run reported (so the latest line per id still carries them).
    static func writeRevision(_ d: Decision, findings: [Finding], into out: inout JSONBuffer) {
        out.raw("{\"id\":"); out.string(d.id)
        out.raw(",\"decision\":\""); out.raw(d.kind.rawValue); out.raw("\"")
        out.raw(",\"canonical\":"); out.string(d.canonical)
        if let run = d.canonicalRun { out.raw(",\"canonical_run\":"); out.string(run) }
        out.raw(",\"revision\":true")
        if let run = d.revisedFromRun { out.raw(",\"run\":"); out.string(run) }
        writeReasonsAndSimilarity(d, into: &out)
        writeFindings(findings, into: &out)
        out.raw("}")
    }

    /// `"reasons":[…]` and, when matched, `"similarity":{…}`.
    static func writeReasonsAndSimilarity(_ d: Decision, into out: inout JSONBuffer) {
        out.raw(",\"reasons\":[")
        for (k, r) in d.reasons.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(r)
        }
        out.raw("]")
        if let m = d.match {
            out.raw(",\"similarity\":{\"kind\":\""); out.raw(m.kind.rawValue)
            out.raw("\",\"hamming\":"); out.int(m.hamming)
            out.raw(",\"jaccard\":"); out.raw(fmt(m.jaccard))
            out.raw(",\"containment\":"); out.raw(fmt(m.containment)); out.raw("}")
        }
    }

    static func fmt(_ x: Double) -> String {
        let v = (x * 10000).rounded() / 10000
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
