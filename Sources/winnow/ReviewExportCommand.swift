import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO
import WinnowStore

/// The formats `review export` writes.
enum ReviewExportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}

/// `winnow review export`: what awaits an editor, one row per document, with a blank verdict.
struct ReviewExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "List what awaits review, with a blank verdict to fill in.",
        discussion: """
        Lists every review decision, every finding a rule marks as needing review, and every \
        merge or removal whose confidence is below --below. Confidence is the figure the match \
        was decided on: Jaccard similarity for a near-duplicate, containment for a partial copy \
        or an excerpt (exact copies: 1, never listed). Decisions an editor has given a verdict on \
        are left out; a document decided in several runs is listed once, as its latest run \
        decided. Rows carry id, run, decision, canonical, reason, figures, the rules involved, \
        and blank "verdict", "editor" and "note": fill them in and give the JSONL file to \
        `winnow review apply` as it is ("rule" is filled in when one rule asked for the review).
        """
    )

    @OptionGroup var archive: ReviewArchive

    @Option(name: .customLong("run"), help: "Only this run's decisions (default: every run).")
    var runId: String?

    @Option(help: "Output format: jsonl (what review apply reads) or csv.")
    var format: ReviewExportFormat = .jsonl

    @Option(help: "List merges and removals whose confidence (0-1) is below this.")
    var below = 0.75

    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard (0...1).contains(below) else { throw ValidationError("--below must be between 0 and 1") }
    }

    func run() throws {
        let store = try ArchiveSession.openStore(archive.index)
        let items: [ReviewItem]
        do {
            if let runId, try !store.hasRun(runId) {
                let latest = try store.latestRuns(limit: 5)
                Console.error("\(archive.index): no run \"\(runId)\" in the archive ("
                              + (latest.isEmpty ? "it has no runs yet)" : "latest: " + latest.joined(separator: ", ") + ")"))
                throw WinnowExit.error
            }
            items = try store.reviewQueue(run: runId, below: below)
        } catch let e as StoreError {
            Console.error("\(e)")
            throw WinnowExit.error
        }
        let bytes = format == .csv ? Self.csv(items) : Self.jsonl(items)
        if let output {
            do { try AtomicFile.write(bytes, to: output) } catch {
                Console.error("\(error)")
                throw WinnowExit.error
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// The one rule an editor would name in a false-positive verdict, when there is one.
    static func rule(of item: ReviewItem) -> String {
        let asking = item.reviewRules + item.removeRules
        return asking.count == 1 ? asking[0] : ""
    }

    /// One JSON object a line; `review apply` reads the file back.
    static func jsonl(_ items: [ReviewItem]) -> [UInt8] {
        var out = JSONBuffer(capacity: items.count * 400)
        for q in items {
            out.raw("{\"id\":"); out.string(q.id)
            out.raw(",\"run\":"); out.string(q.run)
            out.raw(",\"decision\":"); out.string(q.decision)
            out.raw(",\"canonical\":"); out.string(q.canonical)
            if let r = q.canonicalRun { out.raw(",\"canonical_run\":"); out.string(r) }
            if q.revision { out.raw(",\"revision\":true") }
            out.raw(",\"reason\":"); out.string(q.reasons.joined(separator: "; "))
            if let m = q.match {
                out.raw(",\"similarity\":{\"kind\":\""); out.raw(m.kind.rawValue)
                out.raw("\",\"hamming\":"); out.int(m.hamming)
                out.raw(",\"jaccard\":"); out.raw(Decider.fmt(m.jaccard))
                out.raw(",\"containment\":"); out.raw(Decider.fmt(m.containment))
                out.raw("},\"confidence\":"); out.raw(Decider.fmt(m.confidence))
            }
            out.raw(",\"rules\":[")
            for (k, r) in (q.reviewRules + q.removeRules).enumerated() {
                if k > 0 { out.raw(",") }
                out.string(r)
            }
            out.raw("],\"rule\":"); out.string(rule(of: q))
            out.raw(",\"verdict\":\"\",\"editor\":\"\",\"note\":\"\"}\n")
        }
        return out.bytes
    }

    /// A CSV table with the same columns (RFC 4180, formulas defused).
    static func csv(_ items: [ReviewItem]) -> [UInt8] {
        var lines = ["id,run,decision,canonical,canonical_run,kind,hamming,jaccard,containment,confidence,rules,rule,reason,verdict,editor,note"]
        for q in items {
            let m = q.match
            let fields = [q.id, q.run, q.decision, q.canonical, q.canonicalRun ?? "", m?.kind.rawValue ?? "", m.map { String($0.hamming) } ?? "",
                          m.map { Decider.fmt($0.jaccard) } ?? "", m.map { Decider.fmt($0.containment) } ?? "",
                          m.map { Decider.fmt($0.confidence) } ?? "", (q.reviewRules + q.removeRules).joined(separator: " "), rule(of: q),
                          q.reasons.joined(separator: "; "), "", "", ""]
            lines.append(fields.map { Escape.csv($0) }.joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
