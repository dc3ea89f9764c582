import WinnowCore

/// `winnow check --format sarif`: SARIF 2.1.0 for code scanning. One run; the driver lists the
/// rules the results name; each result has its rule, level (`note`/`warning`/`error`), message,
/// the draft's file and lines, and `partialFingerprints` from `CheckFinding.fingerprint` (stable
/// across commits, numbered when one file has the same finding twice) so a finding is tracked
/// rather than reopened when lines move. Unreadable inputs are tool execution notifications.
public struct CheckSARIFReporter: CheckReporter {
    /// The schema the output declares.
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key under `partialFingerprints`.
    public static let fingerprintKey = "winnowFindingHash/v1"

    /// Creates the reporter.
    public init() {}

    /// Renders the log.
    public func render(_ report: CheckReport) -> [UInt8] {
        var b = JSONBuffer()
        b.raw("{\"$schema\":")
        b.string(Self.schema)
        b.raw(",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"winnow\",\"version\":")
        b.string(report.toolVersion)
        b.raw(",\"informationUri\":")
        b.string(CheckReport.informationUri)
        b.raw(",\"rules\":[")
        var ruleIndex: [String: Int] = [:]
        for (i, r) in report.rules.enumerated() {
            ruleIndex[r.id] = i
            if i > 0 { b.raw(",") }
            b.raw("{\"id\":")
            b.string(r.id)
            b.raw(",\"shortDescription\":{\"text\":")
            b.string(r.shortDescription.isEmpty ? r.id : r.shortDescription)
            b.raw("},\"help\":{\"text\":")
            b.string(r.help)
            b.raw("},\"defaultConfiguration\":{\"level\":")
            b.string(r.defaultSeverity.sarifLevel)
            b.raw("}}")
        }
        b.raw("]}},\"invocations\":[{\"executionSuccessful\":")
        b.bool(report.problems.isEmpty)
        b.raw(",\"toolExecutionNotifications\":[")
        for (i, p) in report.problems.enumerated() {
            if i > 0 { b.raw(",") }
            b.raw("{\"level\":\"error\",\"message\":{\"text\":")
            b.string(p.description)
            b.raw("}}")
        }
        b.raw("]}],\"results\":[")
        var first = true
        var occurrences: [String: Int] = [:]
        for d in report.drafts {
            for f in d.findings {
                if !first { b.raw(",") }
                first = false
                let at = d.location(of: f)
                let hash = StableHash.hex(f.fingerprint)
                let n = occurrences[at.file + "\u{1F}" + hash, default: 0] + 1
                occurrences[at.file + "\u{1F}" + hash] = n
                b.raw("{\"ruleId\":")
                b.string(f.rule)
                if let k = ruleIndex[f.rule] { b.raw(",\"ruleIndex\":\(k)") }
                b.raw(",\"level\":")
                b.string(f.severity.sarifLevel)
                b.raw(",\"message\":{\"text\":")
                b.string(d.message(of: f))
                b.raw("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
                b.string(Self.uri(at.file))
                b.raw("},\"region\":{\"startLine\":\(at.startLine),\"endLine\":\(at.endLine)}}}],\"partialFingerprints\":{")
                b.string(Self.fingerprintKey)
                b.raw(":")
                b.string("\(hash):\(n)")
                b.raw("},\"properties\":{\"category\":")
                b.string(f.category)
                b.raw(",\"draft\":")
                b.string(d.id)
                if !f.matchedLines.isEmpty {
                    b.raw(",\"matchedLines\":")
                    b.string(CheckFinding.describe(f.matchedLines))
                }
                if let a = f.archived {
                    b.raw(",\"archivedId\":")
                    b.string(a.id)
                    b.raw(",\"archivedRun\":")
                    b.string(a.run)
                    if let u = a.url { b.raw(",\"archivedUrl\":"); b.string(u) }
                    if let t = a.title { b.raw(",\"archivedTitle\":"); b.string(t) }
                }
                if let o = f.otherDraft { b.raw(",\"otherDraft\":"); b.string(o) }
                if let s = f.similarity {
                    b.raw(",\"kind\":")
                    b.string(s.kind.rawValue)
                    b.raw(",\"hamming\":\(s.hamming),\"jaccard\":\(Decider.fmt(s.jaccard)),\"containment\":\(Decider.fmt(s.containment))")
                }
                b.raw("}}")
            }
        }
        b.raw("]}]}\n")
        return b.bytes
    }

    /// A file path as a SARIF artifact URI: relative paths stay relative (code scanning resolves
    /// them against the checkout), `./` dropped; absolute paths become `file://` URIs; every byte
    /// outside RFC 3986's unreserved characters and `/` is percent-encoded.
    public static func uri(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        var out = p.hasPrefix("/") ? "file://" : ""
        for byte in p.utf8 {
            let unreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if unreserved {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
