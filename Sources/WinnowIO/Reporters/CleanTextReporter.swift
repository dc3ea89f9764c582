import WinnowCore

/// `clean.jsonl`: the kept articles (keep and review) with furniture lines removed, in input order.
public struct CleanTextReporter: Reporter {
    /// The file name.
    public let fileName = "clean.jsonl"

    /// Creates the reporter.
    public init() {}

    /// Renders the kept articles.
    public func render(_ report: ScanReport) -> [UInt8] {
        var out = JSONBuffer(capacity: report.articles.reduce(0) { $0 + $1.text.utf8.count } / 2)
        for i in report.decisions.indices where report.decisions[i].kind == .keep || report.decisions[i].kind == .review {
            let a = report.articles[i], an = report.analyses[i]
            out.raw("{\"id\":"); out.string(a.id)
            if let t = a.title { out.raw(",\"title\":"); out.string(t) }
            if let u = a.url { out.raw(",\"url\":"); out.string(u) }
            if let p = a.publishedAt { out.raw(",\"published_at\":"); out.string(p) }
            out.raw(",\"site\":"); out.string(an.site)
            out.raw(",\"decision\":\""); out.raw(report.decisions[i].kind.rawValue); out.raw("\"")
            out.raw(",\"text\":"); out.string(Self.cleanText(a.text, stripped: an.strippedLines)); out.raw("}\n")
        }
        return out.bytes
    }

    /// The text without stripped lines (1-based numbers), blank lines at both ends trimmed.
    public static func cleanText(_ text: String, stripped: Set<Int>) -> String {
        let lines = LineSplitter.splitLines(text)
        var kept: [Substring] = []
        kept.reserveCapacity(lines.count)
        for (n, l) in lines.enumerated() where !stripped.contains(n + 1) { kept.append(l) }
        while kept.first?.allSatisfy(\.isWhitespace) == true { kept.removeFirst() }
        while kept.last?.allSatisfy(\.isWhitespace) == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}
