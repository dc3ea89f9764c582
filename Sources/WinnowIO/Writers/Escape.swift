/// Escaping for every place crawled (hostile) text is shown.
public enum Escape {
    /// For terminals and logs: control characters, bidi overrides and line breaks become `\u{…}`,
    /// so a record cannot move the cursor, recolour the screen or fake a log line.
    public static func terminal(_ s: some StringProtocol, limit: Int = 200) -> String {
        var out = ""
        var n = 0
        for u in s.unicodeScalars {
            if n >= limit { out += "…"; break }
            n += 1
            appendVisible(u, to: &out)
        }
        return out
    }

    /// Whether a scalar must not reach a terminal or log as it is: controls (C0, DEL, C1),
    /// bidirectional overrides and isolates, and line/paragraph separators.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// Appends a scalar, or `\u{…}` for an unsafe one.
    public static func appendVisible(_ u: Unicode.Scalar, to out: inout String) {
        if isUnsafe(u) { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
    }

    /// A JSON string literal, quotes included (RFC 8259; also escapes U+2028/2029 and the
    /// bidirectional controls U+202A–202E, U+2066–2069).
    public static func json(_ s: some StringProtocol) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x2028...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) || u.value == 0x7F {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }

    /// A CSV field (RFC 4180), with spreadsheet formula injection defused by a leading `'`.
    public static func csv(_ s: some StringProtocol) -> String {
        var v = String(s)
        if let f = v.utf8.first, f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D { v = "'" + v }
        if v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A CSV field for a spreadsheet or a terminal (`report.csv`): `csv`, with control
    /// characters, bidirectional controls and line breaks shown as `\u{…}`, as `terminal` shows
    /// them, so an id cannot carry an escape sequence or read backwards.
    public static func csvVisible(_ s: some StringProtocol) -> String {
        csv(s.unicodeScalars.contains(where: isUnsafe) ? terminal(s, limit: Int.max) : String(s))
    }

    /// Inline Markdown text: no HTML, no links, no table breaks, no emphasis, one line.
    public static func markdown(_ s: some StringProtocol, limit: Int = 120) -> String {
        var out = ""
        for ch in terminal(s, limit: limit) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "|", "!", "~", "{", "}": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
