import WinnowCore

/// `clean.jsonl`: the kept articles (keep and review) with furniture lines removed, in input order.
public struct CleanTextReporter: Reporter {
    /// The file name.
    public let fileName = "clean.jsonl"

    /// Creates the reporter.
    public init() {}

    /// Renders the kept articles.
    public func render(_ report: ScanReport) -> [UInt8] {
        var out = ""
        for i in report.decisions.indices where report.decisions[i].kind == .keep || report.decisions[i].kind == .review {
            let a = report.articles[i], an = report.analyses[i]
            let lines = a.text.split(separator: "\n", omittingEmptySubsequences: false)
            var kept: [Substring] = []
            for (n, l) in lines.enumerated() where !an.strippedLines.contains(n + 1) { kept.append(l) }
            while kept.first?.allSatisfy(\.isWhitespace) == true { kept.removeFirst() }
            while kept.last?.allSatisfy(\.isWhitespace) == true { kept.removeLast() }
            var s = "{\"id\":\(Escape.json(a.id))"
            if let t = a.title { s += ",\"title\":\(Escape.json(t))" }
            if let u = a.url { s += ",\"url\":\(Escape.json(u))" }
            if let p = a.publishedAt { s += ",\"published_at\":\(Escape.json(p))" }
            s += ",\"site\":\(Escape.json(an.site)),\"decision\":\"\(report.decisions[i].kind.rawValue)\""
            s += ",\"text\":\(Escape.json(kept.joined(separator: "\n")))}\n"
            out += s
        }
        return Array(out.utf8)
    }
}
