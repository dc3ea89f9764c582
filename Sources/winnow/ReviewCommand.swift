import ArgumentParser
import Foundation
import WinnowStore

/// `winnow review`: the editors' loop through the archive — export what awaits review, apply
/// their verdicts, and see which rules they overturn.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Export what awaits review, record editors' verdicts, and count them per rule.",
        discussion: """
        The loop: `winnow scan … --index ARCHIVE` records each run; `winnow review export --index \
        ARCHIVE > todo.jsonl` lists its review decisions, merges and removals below a confidence, \
        and findings asking for review, each with a blank "verdict"; an editor fills in accept, \
        not-duplicate, false-positive or remove; `winnow review apply todo.jsonl --index ARCHIVE \
        --editor NAME` records them; the next `scan --index` (and `check --index`) honours them.
        """,
        subcommands: [ReviewExportCommand.self, ReviewApplyCommand.self, ReviewStatsCommand.self]
    )
}

/// `--index ARCHIVE`, shared by the review subcommands.
struct ReviewArchive: ParsableArguments {
    @Option(help: "The archive index (SQLite) that `scan --index` records runs in.")
    var index: String

    func validate() throws {
        guard FileManager.default.fileExists(atPath: index) else {
            throw ValidationError("no archive index at \(index) (scan --index ARCHIVE creates one)")
        }
    }
}
