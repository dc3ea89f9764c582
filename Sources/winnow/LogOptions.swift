import ArgumentParser

/// How a long command reports on standard error: progress and the format of its messages.
struct LogOptions: ParsableArguments {
    /// When progress is shown.
    enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
        /// A live line on a terminal, a line every few seconds otherwise.
        case auto
        /// A live line, rewritten in place.
        case live
        /// A line every `--progress-interval` seconds.
        case plain
        /// No progress.
        case off
    }

    @Option(help: "Progress on standard error: auto (a live line on a terminal, a line every few seconds otherwise), live, plain or off. -q turns it off.")
    var progress: ProgressMode = .auto

    @Option(help: ArgumentHelp("Seconds between plain progress lines.", visibility: .hidden))
    var progressInterval: Double = 5

    @Option(help: "Messages on standard error as text or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .text

    /// The message formats.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        guard progressInterval > 0 && progressInterval <= 3600 else { throw ValidationError("--progress-interval must be in (0, 3600] seconds") }
    }

    /// Applies the message format to `Console`.
    func apply() {
        Console.use(logFormat == .json ? .json : .text)
    }
}
