import WinnowCore

/// Which lines of a draft are found in another document: each line is shingled on its own (the
/// analyzer's visible text and shingle width) and its sampled shingles — those the sketch keeps,
/// top bit clear — are looked up in the other's sketch.
///
/// A line with at least two shingles found, half of its sampled ones or more, matches; a line
/// with one found (short lines) counts only beside a match; blank, stripped and unsampled lines
/// join the runs around them but never start or end one. Runs come back as 1-based ranges.
enum CheckLineMatcher {
    private enum State { case strong, weak, neutral, miss }

    /// The draft's matching lines, as ranges of 1-based line numbers.
    static func matches(_ doc: PreparedArticle, skipping stripped: Set<Int>, in sketch: [UInt64], width: Int) -> [ClosedRange<Int>] {
        guard !sketch.isEmpty else { return [] }
        let states: [State] = doc.visible.indices.map { i in
            if stripped.contains(i + 1) || doc.shapes[i].isBlank { return .neutral }
            let sampled = Fingerprint.sampledShingles(of: doc.visible[i], width: width)
            guard !sampled.isEmpty else { return .neutral }
            let hits = sampled.reduce(0) { $0 + (SketchOverlap.contains(sketch, $1) ? 1 : 0) }
            guard hits > 0 && hits * 2 >= sampled.count else { return .miss }
            return hits >= 2 ? .strong : .weak
        }
        var out: [ClosedRange<Int>] = []
        var i = 0
        while i < states.count {
            guard states[i] != .miss else { i += 1; continue }
            var j = i, strong = false
            while j < states.count && states[j] != .miss {
                if states[j] == .strong { strong = true }
                j += 1
            }
            var lo = i, hi = j - 1
            while lo <= hi && states[lo] == .neutral { lo += 1 }
            while hi >= lo && states[hi] == .neutral { hi -= 1 }
            if strong && lo <= hi { out.append((lo + 1)...(hi + 1)) }
            i = j
        }
        return out
    }
}
