import WinnowCore

/// `clean.jsonl`: the kept articles (keep and review) with furniture lines removed, in input order.
public struct CleanTextReporter: Reporter {
    /// The file name.
    public let fileName = "clean.jsonl"

    /// Creates the reporter.
    public init() {}

    /// The kept texts.
    public var renderWeight: Int { 2 }

    /// Renders the kept articles.
    public func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws {
        var pieces = ReportPieces()
        try report.articles.forEach { i, a in
            guard report.decisions[i].kind == .keep || report.decisions[i].kind == .review else { return }
            let an = report.analyses[i]
            pieces.buffer.raw("{\"id\":"); pieces.buffer.string(a.id)
            if let t = a.title { pieces.buffer.raw(",\"title\":"); pieces.buffer.string(t) }
            if let u = a.url { pieces.buffer.raw(",\"url\":"); pieces.buffer.string(u) }
            if let p = a.publishedAt { pieces.buffer.raw(",\"published_at\":"); pieces.buffer.string(p) }
            pieces.buffer.raw(",\"site\":"); pieces.buffer.string(an.site)
            pieces.buffer.raw(",\"decision\":\""); pieces.buffer.raw(report.decisions[i].kind.rawValue); pieces.buffer.raw("\"")
            pieces.buffer.raw(",\"text\":")
            pieces.buffer.string(an.strippedLineCount == 0 ? a.text : Self.cleanText(a.text, stripped: an.strippedLines))
            pieces.buffer.raw("}\n")
            try pieces.flush(emit)
        }
        try pieces.flush(emit, end: true)
    }

    /// The text without stripped lines (1-based numbers), blank lines at both ends trimmed.
    public static func cleanText(_ text: String, stripped: Set<Int>) -> String {
        var copy = text
        let bytes: [UInt8] = copy.withUTF8 { u in
            // Kept lines as byte ranges, split on "\n" exactly as findings count them.
            var kept: [Range<Int>] = []
            var start = 0, number = 1
            for i in 0...u.count where i == u.count || u[i] == 0x0A {
                if !stripped.contains(number) { kept.append(start..<i) }
                start = i + 1
                number += 1
            }
            func blank(_ r: Range<Int>) -> Bool { r.allSatisfy { u[$0] == 0x20 || u[$0] == 0x09 || u[$0] == 0x0D } }
            let lo = kept.firstIndex { !blank($0) } ?? kept.count
            let hi = kept.lastIndex { !blank($0) } ?? -1
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            for (k, r) in kept[lo..<max(lo, hi + 1)].enumerated() {
                if k > 0 { out.append(0x0A) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[r]))
            }
            return out
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
