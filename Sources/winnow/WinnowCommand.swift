import ArgumentParser

/// `winnow`: clean and deduplicate crawled news archives.
@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Clean and deduplicate crawled news archives.",
        discussion: """
        Exit codes: 0 ran; 1 ran and found something at or above --fail-on; 2 input or runtime \
        errors (bad records are reported and skipped, the rest is processed); 64 usage errors; \
        130/143 scan stopped by SIGINT/SIGTERM (temporary outputs removed, the archive as before or \
        after the run).
        """,
        version: WinnowVersion.string,
        subcommands: [ScanCommand.self, CheckCommand.self, ExplainCommand.self, RulesCommand.self, IndexCommand.self,
                      StatsCommand.self, AnalyzeCommand.self, DecideCommand.self, LineKeysCommand.self, ExportRecordsCommand.self, VerifyCommand.self, ResolveCommand.self, ReviewCommand.self]
    )
}

/// The tool's version, written into reports.
enum WinnowVersion {
    static let string = "0.1.0"
}
