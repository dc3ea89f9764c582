import Dispatch
import Foundation
import Synchronization
import WinnowCore

/// Shows a `RunProgress` on standard error while a command runs: a live line on a terminal
/// (rewritten four times a second), a plain line every few seconds otherwise, or a JSON event
/// with `--log-format json`. Never on standard output. The figures: the stage and how far it
/// is, articles and megabytes read, MB/s of input so far, and an ETA when the stage's size is
/// known (the input's size while reading).
/// `@unchecked`: the timer is only created in `init` and cancelled in `stop` (cancelling twice is harmless); all else is a `Mutex` or immutable.
final class ProgressDisplay: @unchecked Sendable {
    private enum Style { case live, plain, json }

    private let progress: RunProgress
    private let style: Style
    private let started = ContinuousClock.now
    private let timer: any DispatchSourceTimer

    /// Starts showing `progress`, or returns nil when nothing should be shown (`-q`, `--progress off`).
    static func start(_ progress: RunProgress, options: LogOptions, quiet: Bool) -> ProgressDisplay? {
        if quiet || options.progress == .off { return nil }
        let terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        let style: Style
        switch (options.logFormat, options.progress) {
        case (.json, _): style = .json
        case (_, .live): style = .live
        case (_, .plain): style = .plain
        default: style = terminal ? .live : .plain
        }
        return ProgressDisplay(progress, style: style, interval: style == .live ? 0.25 : options.progressInterval)
    }

    private init(_ progress: RunProgress, style: Style, interval: Double) {
        self.progress = progress
        self.style = style
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    /// Stops the display and clears a live line.
    func stop() {
        timer.cancel()
        if style == .live { Console.clearLive() }
    }

    private func tick() {
        let s = progress.snapshot
        let stageSeconds = s.stageSeconds
        let elapsed = (ContinuousClock.now - started).seconds
        let mbRead = Double(s.bytesRead) / 1e6
        let rate = elapsed > 0 ? mbRead / elapsed : 0
        var eta: Double?
        if s.stage == .read, let total = s.inputBytes, total > 0, s.bytesRead > 0 {
            eta = elapsed * Double(max(0, total - s.bytesRead)) / Double(s.bytesRead)
        } else if s.total > 0, s.done > 0 {
            eta = stageSeconds * Double(max(0, s.total - s.done)) / Double(s.done)
        }
        switch style {
        case .json:
            Console.event(["event": "\"progress\"", "stage": "\"\(s.stage.name)\"", "done": "\(s.done)", "total": "\(s.total)",
                           "articles_read": "\(s.articlesRead)", "bytes_read": "\(s.bytesRead)",
                           "input_bytes": s.inputBytes.map(String.init) ?? "null",
                           "mb_per_s": String(format: "%.1f", rate), "elapsed_s": String(format: "%.1f", elapsed),
                           "eta_s": eta.map { String(format: "%.0f", $0) } ?? "null"])
        case .live, .plain:
            var parts = [s.stage.name + (s.total > 0 ? " \(s.done)/\(s.total)" : "")]
            parts.append("\(s.articlesRead) articles, " + String(format: "%.1f MB", mbRead)
                         + (s.inputBytes.map { String(format: " of %.1f MB", Double($0) / 1e6) } ?? "") + " read")
            parts.append(String(format: "%.1f MB/s", rate))
            parts.append(String(format: "%.0f s", elapsed))
            if let eta { parts.append(String(format: "stage ETA %.0f s", eta)) }
            let line = parts.joined(separator: " · ")
            if style == .live { Console.live("winnow: " + line) } else { Console.info(line) }
        }
    }
}
