import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow export-records`: analysis records (`WNAR`) as JSON Lines, for a distributed run that
/// joins on the fingerprint in another language (the Spark job in `integrations/spark`).
///
/// Each line: `line` (origin line or record number), `id`, `simhash`, `exact`, `tokens`,
/// `excerpt`, `removed` (a rule removes it), `published_at`, `has_title`, `story` (what shingle
/// frequencies count: `Fingerprint.story`, null without a headline), `sketch` (sorted
/// sampled shingles), `cut_lead` (sampled shingles of the longest cut-off line) — hashes as
/// signed 64-bit integers — and `record`: the record itself (length-prefixed, base64), which
/// `winnow verify` and `winnow resolve` read back unchanged.
struct ExportRecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-records",
        abstract: "Print analysis records as JSON Lines (fingerprint fields plus the record itself)."
    )

    @Argument(help: "Analysis-record files from `winnow analyze` (- for standard input).")
    var records: [String] = []

    @Option(help: "The JSON Lines file to write (- for standard output).")
    var out = "-"

    func validate() throws {
        guard !records.isEmpty else { throw ValidationError("give at least one records file") }
    }

    func run() throws {
        var out = JSONBuffer()
        for path in records {
            let all: [AnalysisRecord]
            do { all = try AnalysisRecordFile.decode(StageInputs.bytes(of: path)) } catch let e as RecordError {
                Console.error("\(Escape.terminal(path)): \(e)")
                throw WinnowExit.error
            }
            for r in all { Self.write(r, into: &out) }
        }
        try StageInputs.write(out.bytes, to: self.out)
    }

    /// One record as a JSON line.
    static func write(_ r: AnalysisRecord, into out: inout JSONBuffer) {
        let a = r.analysis, fp = a.fingerprint
        out.raw("{\"line\":"); out.int(r.article.origin?.line ?? 0)
        out.raw(",\"id\":"); out.string(a.id)
        out.raw(",\"simhash\":"); out.int(ExchangeFormat.signed(fp.simhash))
        out.raw(",\"exact\":"); out.int(ExchangeFormat.signed(fp.exact))
        out.raw(",\"tokens\":"); out.int(fp.tokens)
        out.raw(",\"excerpt\":"); out.bool(a.isExcerpt)
        out.raw(",\"removed\":"); out.bool(!a.removeRules.isEmpty)
        out.raw(",\"published_at\":")
        if let p = a.publishedAt { out.string(p) } else { out.raw("null") }
        out.raw(",\"has_title\":"); out.bool(!fp.title.isEmpty)
        out.raw(",\"headline_only\":"); out.bool(fp.isHeadlineOnly)
        out.raw(",\"story\":")
        if let s = fp.story { out.int(ExchangeFormat.signed(s)) } else { out.raw("null") }
        out.raw(",\"sketch\":"); ExchangeFormat.writeHashes(fp.sketch, into: &out)
        out.raw(",\"cut_lead\":"); ExchangeFormat.writeHashes(a.cutLead, into: &out)
        out.raw(",\"record\":\""); out.raw(Data(AnalysisRecordFile.encode(r)).base64EncodedString()); out.raw("\"}\n")
    }
}
