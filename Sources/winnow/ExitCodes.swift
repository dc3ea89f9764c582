import ArgumentParser

/// Exit codes, as ripgrep and most batch tools use them.
enum WinnowExit {
    /// Ran; nothing at or above --fail-on.
    static let ok = ExitCode(0)
    /// Ran; findings at or above --fail-on.
    static let findings = ExitCode(1)
    /// Input or runtime errors.
    static let error = ExitCode(2)
    // Stopped by a signal: 128 + its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP), as shells
    // report it; see SignalHandling.
}

/// What `--fail-on` compares against.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case info, warning, error, review, merge, remove, off
}
