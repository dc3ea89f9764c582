import Foundation
import Synchronization
import WinnowIO

/// Messages to standard error (never mixed into machine-readable output), escaped. As text
/// (`winnow: warning: …`) or, with `--log-format json`, one JSON object per line for log
/// collectors. A live progress line, when one is on screen, is cleared before a message and
/// drawn again by the next tick.
enum Console {
    /// How messages are written.
    enum Format: Int, Sendable {
        /// `winnow: level: message`.
        case text
        /// `{"time": …, "level": …, "message": …}` per line.
        case json
    }

    private struct State {
        var format = Format.text
        var liveLineShown = false
    }

    private static let state = Mutex(State())

    /// Sets the format for the rest of the process.
    static func use(_ format: Format) { state.withLock { $0.format = format } }

    /// The format in use.
    static var format: Format { state.withLock { $0.format } }

    static func error(_ message: String) { write(level: "error", message) }

    static func warning(_ message: String) { write(level: "warning", message) }

    static func info(_ message: String) { write(level: "info", message) }

    /// Writes one message.
    private static func write(level: String, _ message: String) {
        state.withLock { s in
            let line: String
            switch s.format {
            case .text:
                let prefix = level == "info" ? "winnow: " : "winnow: \(level): "
                line = prefix + Escape.terminal(message, limit: 2000)
            case .json:
                line = jsonLine(["level": Escape.json(level), "message": Escape.json(message)])
            }
            emitLine(line, over: &s)
        }
    }

    /// Draws (or redraws) the live progress line: no newline, the cursor stays on it.
    static func live(_ text: String) {
        state.withLock { s in
            emit("\r\u{1B}[K" + Escape.terminal(text, limit: 400))
            s.liveLineShown = true
        }
    }

    /// Clears the live progress line if one is shown.
    static func clearLive() {
        state.withLock { s in
            if s.liveLineShown { emit("\r\u{1B}[K") }
            s.liveLineShown = false
        }
    }

    /// Writes a JSON event line (`--log-format json`) with the given fields, already JSON values.
    static func event(_ fields: KeyValuePairs<String, String>) {
        var all: [String: String] = ["level": Escape.json("info")]
        for (k, v) in fields { all[k] = v }
        state.withLock { s in emitLine(jsonLine(all), over: &s) }
    }

    /// `{"time": "…", …}` with the keys after `time` in a fixed order (level, message, event, then the rest sorted).
    private static func jsonLine(_ fields: [String: String]) -> String {
        let leading = ["level", "message", "event"]
        var parts = ["\"time\":" + Escape.json(ISO8601DateFormatter().string(from: Date()))]
        for k in leading { if let v = fields[k] { parts.append(Escape.json(k) + ":" + v) } }
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) where !leading.contains(k) { parts.append(Escape.json(k) + ":" + v) }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// Writes one line, first clearing the live progress line if one is shown.
    private static func emitLine(_ line: String, over s: inout State) {
        emit((s.liveLineShown ? "\r\u{1B}[K" : "") + line + "\n")
        s.liveLineShown = false
    }

    private static func emit(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
