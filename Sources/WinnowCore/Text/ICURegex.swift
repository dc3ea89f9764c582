import CWinnowICU
import Synchronization

/// An ICU regular expression with a match-step budget, so a catastrophic pattern on hostile
/// text is stopped and reported instead of hanging a run.
public final class ICURegex: Sendable {
    /// The outcome of a search.
    public enum Outcome: Equatable, Sendable {
        /// Found, with the UTF-16 offsets of the match.
        case found(Range<Int>)
        /// Not found.
        case notFound
        /// The step budget ran out.
        case timedOut
    }

    /// The pattern as written.
    public let pattern: String
    /// ICU time-limit units (roughly millions of match steps) per search.
    public let timeLimit: Int32
    private let handle: Mutex<OpaquePointer?>

    /// Compiles `pattern`; returns nil when ICU rejects it (see `problem(compiling:)`).
    public init?(_ pattern: String, caseInsensitive: Bool = true, timeLimit: Int32 = 50) {
        let units = Array(pattern.utf16)
        var err = [CChar](repeating: 0, count: 160)
        guard let re = units.withUnsafeBufferPointer({ wn_regex_open($0.baseAddress, Int32($0.count), caseInsensitive ? 1 : 0, &err, Int32(err.count)) }) else {
            return nil
        }
        self.pattern = pattern
        self.timeLimit = timeLimit
        self.handle = Mutex(re)
    }

    deinit {
        handle.withLock { wn_regex_close($0) }
    }

    /// Why ICU rejects a pattern, or nil when it compiles.
    public static func problem(compiling pattern: String) -> String? {
        let units = Array(pattern.utf16)
        var err = [CChar](repeating: 0, count: 160)
        let re = units.withUnsafeBufferPointer { wn_regex_open($0.baseAddress, Int32($0.count), 0, &err, Int32(err.count)) }
        if let re { wn_regex_close(re); return nil }
        return String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Searches `text`.
    public func search(_ text: String) -> Outcome {
        let units = Array(text.utf16)
        return handle.withLock { re -> Outcome in
            var start: Int32 = 0, end: Int32 = 0
            let r = units.withUnsafeBufferPointer { wn_regex_find(re, $0.baseAddress, Int32($0.count), timeLimit, &start, &end) }
            switch r {
            case 1: return .found(Int(start)..<Int(end))
            case -2: return .timedOut
            default: return .notFound
            }
        }
    }

    /// The first match's UTF-16 range, or nil (a timed-out search counts as no match).
    public func firstMatch(in text: String) -> Range<Int>? {
        if case .found(let r) = search(text) { return r }
        return nil
    }

    private static let cache = Mutex<[String: ICURegex]>([:])

    /// A shared compiled instance per pattern (nil when the pattern does not compile).
    public static func cached(_ pattern: String) -> ICURegex? {
        cache.withLock { c in
            if let r = c[pattern] { return r }
            guard let r = ICURegex(pattern) else { return nil }
            c[pattern] = r
            return r
        }
    }
}
