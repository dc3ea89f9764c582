import CWinnowICU
import Synchronization

/// An ICU regular expression with a match-step budget, so a catastrophic pattern on hostile
/// text is stopped and reported instead of hanging a run.
///
/// A compiled ICU regex is not thread-safe; this keeps a small pool of clones so that every
/// core searches with its own copy.
public final class ICURegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    /// ICU time-limit units (roughly millions of match steps) per search.
    public let timeLimit: Int32
    private let pool: Mutex<[UnsafeRegex]>
    private let original: UnsafeRegex

    /// Compiles `pattern`; returns nil when ICU rejects it (see `problem(compiling:)`).
    public init?(_ pattern: String, caseInsensitive: Bool = false, timeLimit: Int32 = 50) {
        let units = Array(pattern.utf16)
        var err = [CChar](repeating: 0, count: 160)
        let flags: UInt32 = (caseInsensitive ? 1 : 0) | 2  // ^ and $ match at line boundaries
        guard let re = units.withUnsafeBufferPointer({ wn_regex_open($0.baseAddress, Int32($0.count), flags, &err, Int32(err.count)) }) else {
            return nil
        }
        self.pattern = pattern
        self.timeLimit = timeLimit
        original = UnsafeRegex(pointer: re)
        pool = Mutex([])
    }

    deinit {
        pool.withLock { all in for r in all { wn_regex_close(r.pointer) } }
        wn_regex_close(original.pointer)
    }

    /// Why ICU rejects a pattern, or nil when it compiles.
    public static func problem(compiling pattern: String) -> String? {
        let units = Array(pattern.utf16)
        var err = [CChar](repeating: 0, count: 160)
        let re = units.withUnsafeBufferPointer { wn_regex_open($0.baseAddress, Int32($0.count), 0, &err, Int32(err.count)) }
        if let re { wn_regex_close(re); return nil }
        return String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The 0-based lines (split on `\n`) of UTF-8 text holding a match that lies within one line,
    /// each once, in order; `timedOut` when the step budget stopped the search.
    public func matchingLines(utf8 bytes: UnsafeBufferPointer<UInt8>, limit: Int = 4096) -> (lines: [Int], timedOut: Bool) {
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return ([], false) }
        let handle = pool.withLock { $0.popLast() } ?? UnsafeRegex(pointer: wn_regex_clone(original.pointer))
        guard let re = handle.pointer else { return ([], false) }
        defer { pool.withLock { $0.append(handle) } }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: limit) { buf in
            guard let out = buf.baseAddress else { return ([], false) }
            let n = wn_regex_match_lines_utf8(re, base, Int32(bytes.count), timeLimit, out, Int32(limit))
            if n == -2 { return ([], true) }
            guard n > 0 else { return ([], false) }
            return ((0..<Int(n)).map { Int(out[$0]) }, false)
        }
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

/// A compiled regex handle, used by one thread at a time (the pool hands it out).
struct UnsafeRegex: @unchecked Sendable {
    let pointer: OpaquePointer?
}
