import WinnowCore

/// `winnow check --format json`: one JSON object (and a newline) with the summary, every draft
/// and its findings (lines, location, matched lines, the archived article or draft it copies,
/// similarity figures, stable fingerprint), the problems and the rules named.
public struct CheckJSONReporter: CheckReporter {
    /// Creates the reporter.
    public init() {}

    /// Renders the document.
    public func render(_ report: CheckReport) -> [UInt8] {
        var b = JSONBuffer()
        let counts = report.counts
        b.raw("{\"tool\":\"winnow\",\"version\":")
        b.string(report.toolVersion)
        b.raw(",\"archive\":")
        optional(report.archive, into: &b)
        b.raw(",\"fail_on\":")
        optional(report.failOn?.rawValue, into: &b)
        b.raw(",\"failed\":")
        b.bool(report.failed)
        b.raw(",\"summary\":{\"drafts\":")
        b.int(report.drafts.count)
        b.raw(",\"failed_drafts\":")
        b.int(report.drafts.filter { $0.findings.contains(where: report.fails) }.count)
        for s in Severity.allCases {
            b.raw(",")
            b.string(s.rawValue)
            b.raw(":")
            b.int(counts[s] ?? 0)
        }
        b.raw(",\"problems\":")
        b.int(report.problems.count)
        b.raw("},\"drafts\":[")
        for (i, d) in report.drafts.enumerated() {
            if i > 0 { b.raw(",") }
            draft(d, report: report, into: &b)
        }
        b.raw("],\"problems\":[")
        for (i, p) in report.problems.enumerated() {
            if i > 0 { b.raw(",") }
            b.raw("{\"origin\":")
            b.string(p.origin)
            b.raw(",\"reason\":")
            b.string(p.reason)
            b.raw("}")
        }
        b.raw("],\"rules\":[")
        for (i, r) in report.rules.enumerated() {
            if i > 0 { b.raw(",") }
            b.raw("{\"id\":")
            b.string(r.id)
            b.raw(",\"short_description\":")
            b.string(r.shortDescription)
            b.raw(",\"help\":")
            b.string(r.help)
            b.raw(",\"default_severity\":")
            b.string(r.defaultSeverity.rawValue)
            b.raw("}")
        }
        b.raw("]}\n")
        return b.bytes
    }

    private func draft(_ d: CheckedDraft, report: CheckReport, into b: inout JSONBuffer) {
        b.raw("{\"id\":")
        b.string(d.id)
        b.raw(",\"file\":")
        b.string(d.file)
        b.raw(",\"record_line\":")
        if let r = d.recordLine { b.int(r) } else { b.raw("null") }
        b.raw(",\"failed\":")
        b.bool(d.findings.contains(where: report.fails))
        b.raw(",\"findings\":[")
        for (i, f) in d.findings.enumerated() {
            if i > 0 { b.raw(",") }
            finding(f, in: d, report: report, into: &b)
        }
        b.raw("]}")
    }

    private func finding(_ f: CheckFinding, in d: CheckedDraft, report: CheckReport, into b: inout JSONBuffer) {
        let at = d.location(of: f)
        b.raw("{\"rule\":")
        b.string(f.rule)
        b.raw(",\"severity\":")
        b.string(f.severity.rawValue)
        b.raw(",\"fails\":")
        b.bool(report.fails(f))
        b.raw(",\"category\":")
        b.string(f.category)
        b.raw(",\"message\":")
        b.string(f.message)
        b.raw(",\"line_start\":")
        b.int(f.lineStart)
        b.raw(",\"line_end\":")
        b.int(f.lineEnd)
        b.raw(",\"location\":{\"file\":")
        b.string(at.file)
        b.raw(",\"start_line\":")
        b.int(at.startLine)
        b.raw(",\"end_line\":")
        b.int(at.endLine)
        b.raw("},\"matched_lines\":[")
        b.raw(f.matchedLines.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ","))
        b.raw("]")
        if let a = f.archived {
            b.raw(",\"archived\":{\"id\":")
            b.string(a.id)
            b.raw(",\"run\":")
            b.string(a.run)
            b.raw(",\"url\":")
            optional(a.url, into: &b)
            b.raw(",\"title\":")
            optional(a.title, into: &b)
            b.raw(",\"published_at\":")
            optional(a.publishedAt, into: &b)
            b.raw("}")
        }
        if let other = f.otherDraft {
            b.raw(",\"other_draft\":")
            b.string(other)
        }
        if let s = f.similarity {
            b.raw(",\"similarity\":{\"kind\":")
            b.string(s.kind.rawValue)
            b.raw(",\"hamming\":")
            b.int(s.hamming)
            b.raw(",\"jaccard\":")
            b.raw(Decider.fmt(s.jaccard))
            b.raw(",\"containment\":")
            b.raw(Decider.fmt(s.containment))
            b.raw("}")
        }
        b.raw(",\"fingerprint\":")
        b.string(StableHash.hex(f.fingerprint))
        b.raw("}")
    }

    private func optional(_ s: String?, into b: inout JSONBuffer) {
        if let s { b.string(s) } else { b.raw("null") }
    }
}
