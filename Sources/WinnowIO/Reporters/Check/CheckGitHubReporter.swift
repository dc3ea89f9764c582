import WinnowCore

/// `winnow check --format github`: GitHub Actions workflow commands, one annotation per finding
/// (`::warning file=…,line=…,endLine=…,title=…::message`; info findings are `notice`s).
///
/// Escaping follows the runner's rules: in the message (data) `%`, `\r` and `\n` become `%25`,
/// `%0D` and `%0A`; in properties `:` and `,` also become `%3A` and `%2C`. A draft's text can
/// therefore never end the command early or start a second one (`\n::set-output …`). Other
/// control characters and bidi overrides are shown as `\u{…}`, as on a terminal.
public struct CheckGitHubReporter: CheckReporter {
    /// Creates the reporter.
    public init() {}

    /// Renders the commands.
    public func render(_ report: CheckReport) -> [UInt8] {
        var out = ""
        for p in report.problems {
            out += "::error title=\(Self.property("winnow input"))::\(Self.data(p.description))\n"
        }
        for d in report.drafts {
            for f in d.findings {
                let at = d.location(of: f)
                let command = f.severity == .info ? "notice" : f.severity.rawValue
                out += "::\(command) file=\(Self.property(at.file)),line=\(at.startLine),endLine=\(at.endLine),"
                out += "title=\(Self.property("winnow " + f.rule))::\(Self.data(d.message(of: f)))\n"
            }
        }
        return Array(out.utf8)
    }

    /// A command's message.
    public static func data(_ s: some StringProtocol) -> String { escape(s, property: false) }

    /// A command property's value.
    public static func property(_ s: some StringProtocol) -> String { escape(s, property: true) }

    private static func escape(_ s: some StringProtocol, property: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case ",": out += property ? "%2C" : ","
            default: Escape.appendVisible(u, to: &out)
            }
        }
        return out
    }
}
