/// Errors of the I/O layer, each naming the file (and line) so a user can act on it.
public enum WinnowIOError: Error, CustomStringConvertible, Equatable {
    /// An input could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// An output could not be written; nothing partial was left behind.
    case cannotWrite(path: String, reason: String)
    /// A rule file is malformed.
    case invalidRuleFile(path: String, line: Int, column: Int, message: String)

    /// `path[:line[:col]]: message`.
    public var description: String {
        switch self {
        case .cannotRead(let p, let r): return "\(p): cannot read: \(r)"
        case .cannotWrite(let p, let r): return "\(p): cannot write: \(r)"
        case .invalidRuleFile(let p, let l, let c, let m): return "\(p):\(l):\(c): \(m)"
        }
    }
}

/// A record that was skipped, and why. The run goes on.
public struct BadRecord: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where it is.
    public var origin: String
    /// What is wrong with it.
    public var reason: String

    /// Creates a bad-record report.
    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(origin): \(reason)" }
}
