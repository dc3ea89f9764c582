import WinnowCore

/// `winnow check --format junit`: JUnit XML for CI test reports. One testsuite; one testcase per
/// draft, failed when it has findings at or above `--fail-on` (the failure lists them, one
/// compiler-style line each; findings below the threshold go to `system-out`); one testcase with
/// an `error` per unreadable input or skipped record.
///
/// Text is escaped for XML (`&`, `<`, `>`, quotes, and line breaks inside attributes); characters
/// XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF) and bidi overrides are shown as `\u{…}`.
public struct CheckJUnitReporter: CheckReporter {
    /// Creates the reporter.
    public init() {}

    /// Renders the document.
    public func render(_ report: CheckReport) -> [UInt8] {
        let failures = report.drafts.filter { $0.findings.contains(where: report.fails) }.count
        let tests = report.drafts.count + report.problems.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(report.problems.count)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"winnow check\" \(counts)>\n"
        out += "  <testsuite name=\"winnow check\" \(counts) skipped=\"0\">\n"
        out += "    <properties>\n"
        out += "      <property name=\"winnow.version\" value=\"\(Self.attribute(report.toolVersion))\"/>\n"
        out += "      <property name=\"fail_on\" value=\"\(report.failOn?.rawValue ?? "off")\"/>\n"
        if let a = report.archive { out += "      <property name=\"archive\" value=\"\(Self.attribute(a))\"/>\n" }
        out += "    </properties>\n"
        for p in report.problems {
            out += "    <testcase classname=\"winnow.check.input\" name=\"\(Self.attribute(p.origin))\">\n"
            out += "      <error type=\"input\" message=\"\(Self.attribute(p.reason))\">\(Self.text(p.description))</error>\n"
            out += "    </testcase>\n"
        }
        for d in report.drafts {
            out += "    <testcase classname=\"winnow.check\" name=\"\(Self.attribute(d.id))\" file=\"\(Self.attribute(d.file))\">\n"
            let failing = d.findings.filter(report.fails), passing = d.findings.filter { !report.fails($0) }
            if let worst = failing.map(\.severity).max() {
                let noun = failing.count == 1 ? "finding" : "findings"
                out += "      <failure type=\"\(worst.rawValue)\" message=\"\(failing.count) \(noun) at or above \(report.failOn?.rawValue ?? "off")\">"
                out += failing.map { Self.text(line($0, in: d)) }.joined(separator: "\n") + "</failure>\n"
            }
            if !passing.isEmpty {
                out += "      <system-out>" + passing.map { Self.text(line($0, in: d)) }.joined(separator: "\n") + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return Array(out.utf8)
    }

    private func line(_ f: CheckFinding, in d: CheckedDraft) -> String {
        let at = d.location(of: f)
        return "\(at.file):\(at.startLine):1: \(f.severity.rawValue): \(d.message(of: f)) [\(f.rule)]"
    }

    /// Element text.
    public static func text(_ s: some StringProtocol) -> String { escape(s, attribute: false) }

    /// An attribute value (inside double quotes).
    public static func attribute(_ s: some StringProtocol) -> String { escape(s, attribute: true) }

    private static func escape(_ s: some StringProtocol, attribute: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF
                    || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                    out += "\\u{\(String(u.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
