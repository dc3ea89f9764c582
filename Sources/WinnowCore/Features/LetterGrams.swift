/// Windows of consecutive letters, digits and ideographs with every space and punctuation mark
/// left out, hashed to 16 bits: a view of a text that does not depend on its whitespace.
///
/// Listings that collapse line breaks glue words together ("itsexecutive vice president"), and
/// cut marks vary ("[...]", "。。。", "更多>>", none at all); word shingles break at every glued
/// word, these windows do not. They answer one question, verbatim containment of a short line in
/// the start of another text (an excerpt in its article's lead), so 16 bits are plenty: a
/// collision only adds one shared window between two candidates already matched by headline
/// (an opening holds a few hundred of the 32,768 values a window can take besides its digit bit).
public enum LetterGrams {
    /// One hashed window.
    public typealias Window = UInt16

    /// Characters per window: long enough that English windows are specific, short enough that a
    /// Chinese line of a dozen characters still has several.
    public static let width = 6

    /// Sorted, distinct hashes of the windows over the first `limit` characters of normalized
    /// UTF-8 chunks, read as one text: every window holding a digit, and of the others a
    /// consistent quarter (hash 0 modulo 4). A window holding a digit has its lowest bit set
    /// (`holdsDigit`), so figures can be checked in place: "以2比3" and "以4比3" share their other
    /// windows but not those.
    public static func of(chunks: [ArraySlice<UInt8>], limit: Int) -> [Window] {
        var ring = [UInt32](repeating: 0, count: width)
        var seen = 0
        var lastDigit = -width
        var out: [Window] = []
        func push(_ scalar: UInt32) {
            ring[seen % width] = scalar
            if scalar &- 0x30 < 10 { lastDigit = seen }
            seen += 1
            guard seen >= width else { return }
            var h = StableHash.fnvOffset
            for k in 0..<width { h = (h ^ UInt64(ring[(seen + k) % width])) &* StableHash.fnvPrime }
            let mixed = StableHash.mix(h)
            let digit: Window = lastDigit > seen - 1 - width ? 1 : 0
            if digit == 1 || mixed & 3 == 0 { out.append(Window(truncatingIfNeeded: mixed >> 48) & ~1 | digit) }
        }
        outer: for chunk in chunks {
            var i = chunk.startIndex
            while i < chunk.endIndex {
                if seen >= limit { break outer }
                let b = chunk[i]
                if b < 0x80 {
                    i += 1
                    if (b &- 0x61 < 26) || (b &- 0x30 < 10) || (b &- 0x41 < 26) { push(UInt32(b | 0x20)) }
                    continue
                }
                var scalar: UInt32, len: Int
                if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
                else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
                else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
                else { i += 1; continue }
                guard i + len <= chunk.endIndex else { break }
                for k in 1..<len { scalar = (scalar << 6) | UInt32(chunk[i + k] & 0x3F) }
                i += len
                if TokenClass.of(scalar: scalar) != .separator { push(scalar) }
            }
        }
        out.sort()
        out.dedupe()
        return out
    }

    /// Whether a window holds a digit.
    @inline(__always) public static func holdsDigit(_ window: Window) -> Bool { window & 1 == 1 }

    /// How many of `part`'s windows holding a digit are not in `whole` (both sorted): zero when
    /// every figure of `part` stands in `whole` with the same words around it.
    public static func missingFigureWindows(of part: [Window], in whole: [Window]) -> Int {
        var i = 0, j = 0, missing = 0
        while i < part.count {
            guard holdsDigit(part[i]) else { i += 1; continue }
            while j < whole.count && whole[j] < part[i] { j += 1 }
            if j >= whole.count || whole[j] != part[i] { missing += 1 }
            i += 1
        }
        return missing
    }

    /// The share of `part`'s windows also in `whole` (both sorted): near 1 when `part` is found
    /// verbatim in the text `whole` was taken from, whatever the spacing of either.
    public static func containment(of part: [Window], in whole: [Window]) -> Double {
        guard !part.isEmpty else { return 0 }
        return Double(SketchOverlap.intersectionCount(part, whole)) / Double(part.count)
    }
}
