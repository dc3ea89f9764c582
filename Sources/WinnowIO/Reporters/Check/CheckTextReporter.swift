import WinnowCore

/// `winnow check --format text`: one line per finding, as compilers print them
/// (`path:line:col: severity: message [rule]`), so editors and terminals link to the line.
/// Unreadable inputs come first as `path: error: reason [input]`. Everything shown is escaped
/// for the terminal.
public struct CheckTextReporter: CheckReporter {
    /// Creates the reporter.
    public init() {}

    /// Renders the lines.
    public func render(_ report: CheckReport) -> [UInt8] {
        var out = ""
        for p in report.problems {
            out += "\(Escape.terminal(p.origin, limit: 4096)): error: \(Escape.terminal(p.reason, limit: 2000)) [input]\n"
        }
        for d in report.drafts {
            for f in d.findings {
                let at = d.location(of: f)
                out += "\(Escape.terminal(at.file, limit: 4096)):\(at.startLine):1: \(f.severity.rawValue): "
                out += "\(Escape.terminal(d.message(of: f), limit: 4000)) [\(Escape.terminal(f.rule))]\n"
            }
        }
        return Array(out.utf8)
    }
}
