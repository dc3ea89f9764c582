/// The report page's template: one self-contained HTML file whose only script and style are its
/// own (allowed by their SHA-256 in a strict Content-Security-Policy), with the scan's data in
/// inert `application/json` blocks that the script reads with `JSON.parse`: one for everything but
/// the texts before the script, then the texts in chunks.
enum ReportPage {
    /// The whole script, in the order its parts depend on each other (start-up runs last).
    static let script: String = [scriptCore, scriptOverview, scriptDiff, scriptClusters, scriptDocuments,
                                 scriptVerdicts, scriptSelfTest, scriptShell].joined(separator: "\n")

    /// The Content-Security-Policy: nothing may load or run but the page's own script and style.
    static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src 'sha256-\(SHA256.base64(Array(script.utf8)))'; "
            + "style-src 'sha256-\(SHA256.base64(Array(style.utf8)))'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The page: `data` and the `texts` chunks must already be script-safe JSON (see
    /// `ReportDataEncoder`). The script comes before the texts, so it draws the overview while the
    /// browser is still reading them.
    static func render(language: ReportLanguage, data: [UInt8], texts: [[UInt8]]) -> [UInt8] {
        let strings = ReportStrings.table(language)
        let head = """
            <!DOCTYPE html>
            <html lang="\(language.tag)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy(script: script, style: style))">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="winnow">
            <title>\(htmlText(strings["page.title"] ?? "Winnow"))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header id="top"><div class="brand">Winnow</div><nav id="tabs" role="tablist"></nav><div id="runinfo"></div></header>
            <main id="app"><p class="muted">\(htmlText(strings["page.loading"] ?? ""))</p>
            <noscript><p>\(htmlText(strings["page.noscript"] ?? ""))</p></noscript></main>
            <div id="help" hidden></div>
            <div id="toast" role="status" hidden></div>
            <script type="application/json" id="data">
            """
        var out: [UInt8] = []
        out.reserveCapacity(head.utf8.count + data.count + texts.reduce(0) { $0 + $1.count + 64 } + script.utf8.count + 256)
        out.append(contentsOf: head.utf8)
        out.append(contentsOf: data)
        out.append(contentsOf: "</script>\n<script>".utf8)
        out.append(contentsOf: script.utf8)
        out.append(contentsOf: "</script>\n".utf8)
        for (k, chunk) in texts.enumerated() {
            out.append(contentsOf: "<script type=\"application/json\" id=\"texts-\(k)\">".utf8)
            out.append(contentsOf: chunk)
            out.append(contentsOf: "</script>\n".utf8)
        }
        out.append(contentsOf: "</body>\n</html>\n".utf8)
        return out
    }

    /// Text for an HTML text node or attribute value.
    static func htmlText(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
