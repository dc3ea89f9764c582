import Foundation
import WinnowIO

/// Messages to standard error (never mixed into machine-readable output), escaped.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("winnow: error: \(Escape.terminal(message, limit: 2000))\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("winnow: warning: \(Escape.terminal(message, limit: 2000))\n".utf8))
    }

    static func info(_ message: String) {
        FileHandle.standardError.write(Data("winnow: \(Escape.terminal(message, limit: 2000))\n".utf8))
    }
}
