import Foundation
import WinnowCore

/// `report.html`: the editors' working surface. One self-contained file (no network, no external
/// assets) with an overview, the clusters with their kept bodies diffed, every document's text
/// with stripped lines shaded, filters, search, keyboard navigation, and verdicts an editor
/// downloads as JSONL for `winnow review apply`.
///
/// Crawled text only ever reaches the page as JSON inside `<script type="application/json">`
/// (with `<`, `>`, `&`, U+2028/2029 escaped) and is put on screen with `textContent`; a strict
/// Content-Security-Policy allows only the page's own script and style, by hash.
public struct HTMLReportReporter: Reporter {
    /// The file name.
    public let fileName = "report.html"
    /// The interface language.
    public var language: ReportLanguage
    /// The time shown as the report's date (now, unless a test fixes it).
    public var generatedAt: Date?

    /// Creates the reporter.
    public init(language: ReportLanguage = .en, generatedAt: Date? = nil) {
        self.language = language
        self.generatedAt = generatedAt
    }

    /// The page embeds every text: the heaviest file of a scan.
    public var renderWeight: Int { 4 }

    /// Renders the page.
    public func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws {
        let encoder = try ReportDataEncoder(report: report, language: language, generated: Self.iso(generatedAt ?? Date()))
        try emit(ReportPage.render(language: language, data: encoder.data(), texts: encoder.textChunks()))
    }

    /// The page's Content-Security-Policy (the same for every report: it hashes only the page's
    /// own script and style, never the data).
    public static var contentSecurityPolicy: String {
        ReportPage.contentSecurityPolicy(script: ReportPage.script, style: ReportPage.style)
    }

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
