import WinnowCore

/// `decisions.jsonl`: one JSON object per input document, in input order, exactly the contract
/// of `shared/eval/score.py`: `id`, `decision`, `canonical`, `findings` (`rule`, `category`,
/// `line_start`, `line_end`, ...), plus `reasons`, `similarity` and context.
public struct DecisionsReporter: Reporter {
    /// The file name.
    public let fileName = "decisions.jsonl"

    /// Creates the reporter.
    public init() {}

    /// Renders all decisions.
    public func render(_ report: ScanReport) -> [UInt8] {
        var out = ""
        for i in report.decisions.indices {
            out += Self.line(report.decisions[i], analysis: report.analyses[i], article: report.articles[i])
            out += "\n"
        }
        return Array(out.utf8)
    }

    /// One decision as a JSON object on one line.
    public static func line(_ d: Decision, analysis a: ArticleAnalysis, article: Article) -> String {
        var s = "{\"id\":\(Escape.json(d.id)),\"decision\":\"\(d.kind.rawValue)\",\"canonical\":\(Escape.json(d.canonical))"
        if let run = d.canonicalRun { s += ",\"canonical_run\":\(Escape.json(run))" }
        s += ",\"reasons\":[" + d.reasons.map { Escape.json($0) }.joined(separator: ",") + "]"
        if let m = d.match {
            s += ",\"similarity\":{\"kind\":\"\(m.kind.rawValue)\",\"hamming\":\(m.hamming),\"jaccard\":\(fmt(m.jaccard)),\"containment\":\(fmt(m.containment))}"
        }
        s += ",\"cluster_size\":\(d.clusterSize),\"site\":\(Escape.json(a.site)),\"language\":\"\(a.language)\""
        s += ",\"excerpt\":\(a.isExcerpt),\"simhash\":\"\(StableHash.hex(a.fingerprint.simhash))\""
        if let b = a.body { s += ",\"body\":[\(b.lowerBound),\(b.upperBound)]" }
        s += ",\"findings\":["
        s += a.findings.map { f in
            "{\"rule\":\(Escape.json(f.rule)),\"category\":\"\(f.category.rawValue)\",\"severity\":\"\(f.severity.rawValue)\",\"action\":\"\(f.action.rawValue)\",\"line_start\":\(f.lineStart),\"line_end\":\(f.lineEnd),\"message\":\(Escape.json(f.message))}"
        }.joined(separator: ",")
        s += "]"
        if let o = article.origin { s += ",\"origin\":\(Escape.json(o.description))" }
        s += "}"
        return s
    }

    static func fmt(_ x: Double) -> String {
        let v = (x * 10000).rounded() / 10000
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
