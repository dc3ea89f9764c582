#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a document, in original and normalized form.
public struct LineText: Sendable {
    /// 1-based line number in the original text.
    public var number: Int
    /// The original line, exactly as in the input (without the `\n`).
    public var original: Substring
    /// NFKC-case-folded, simplified UTF-8 of the line.
    /// (A slice of the document's normalized text: no copy per line.)
    public var normalized: ArraySlice<UInt8>

    /// Creates a line.
    public init(number: Int, original: Substring, normalized: ArraySlice<UInt8>) {
        self.number = number
        self.original = original
        self.normalized = normalized
    }
}

/// Splitting a document into numbered lines with their normalized forms.
public enum LineSplitter {
    /// Splits on `\n` bytes (no grapheme breaking: a `\r\n` stays `\r` + end of line, as
    /// `decisions.jsonl` counts lines).
    public static func splitLines(_ text: String) -> [Substring] {
        var copy = text
        let breaks: [Int] = copy.withUTF8 { newlines(in: $0) }
        let utf8 = text.utf8
        var out: [Substring] = []
        out.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        var offset = 0
        for b in breaks {
            let end = utf8.index(start, offsetBy: b - offset)
            out.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
            offset = b + 1
        }
        out.append(Substring(utf8[start..<utf8.endIndex]))
        return out
    }

    /// Offsets of every `\n` (memchr does the searching).
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var out: [Int] = []
        guard let base = bytes.baseAddress else { return out }
        var offset = 0
        while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            out.append(k)
            offset = k + 1
        }
        return out
    }

    /// Splits `text` on `\n` (lines numbered from 1, exactly as `decisions.jsonl` counts them) and
    /// normalizes the whole text in one ICU call, falling back to per-line calls if the
    /// normalized text does not split into the same number of lines.
    public static func lines(of text: String) -> [LineText] {
        let originals = splitLines(text)
        var copy = text
        let normalized = copy.withUTF8 { TextNormalizer.normalize(utf8: $0) }
        var parts: [ArraySlice<UInt8>] = normalized.withUnsafeBufferPointer { b in
            var out: [ArraySlice<UInt8>] = []
            var start = 0
            for k in newlines(in: b) {
                out.append(normalized[start..<k])
                start = k + 1
            }
            out.append(normalized[start...])
            return out
        }
        if parts.count != originals.count {
            parts = originals.map { line in
                var s = String(line)
                return s.withUTF8 { TextNormalizer.normalize(utf8: $0) }[...]
            }
        }
        var out: [LineText] = []
        out.reserveCapacity(originals.count)
        for (i, line) in originals.enumerated() {
            out.append(LineText(number: i + 1, original: line, normalized: parts[i]))
        }
        return out
    }
}
