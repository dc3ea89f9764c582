import WinnowCore

/// `report.csv`: one row per document for spreadsheets, formula injection defused, control and
/// bidirectional characters shown as `\u{…}` (`Escape.csvVisible`).
public struct CSVReporter: Reporter {
    /// The file name.
    public let fileName = "report.csv"

    /// Creates the reporter.
    public init() {}

    /// Renders the table.
    public func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws {
        var out = "id,decision,canonical,match,hamming,jaccard,containment,cluster_size,site,excerpt,lines_stripped,findings,reason\r\n"
        for i in report.decisions.indices {
            let d = report.decisions[i], a = report.analyses[i]
            let cells: [String] = [
                d.id, d.kind.rawValue, d.canonical, d.match?.kind.rawValue ?? "",
                d.match.map { String($0.hamming) } ?? "", d.match.map { DecisionsReporter.fmt($0.jaccard) } ?? "",
                d.match.map { DecisionsReporter.fmt($0.containment) } ?? "", String(d.clusterSize), a.site,
                String(a.isExcerpt), String(a.strippedLineCount), String(a.findingCount), d.reasons.first ?? "",
            ]
            out += cells.map { Escape.csvVisible($0) }.joined(separator: ",") + "\r\n"
            if out.utf8.count >= ReportPieces.size {
                try emit(Array(out.utf8))
                out = ""
            }
        }
        if !out.isEmpty { try emit(Array(out.utf8)) }
    }
}
