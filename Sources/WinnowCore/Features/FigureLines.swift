/// A report's lines keyed by their figures (`Fingerprint.figureLines`): two reports on one
/// template whose lines state the same figures in other words ("进球：杨帆（第32分钟）" /
/// "进球：刘子轩（第32分钟）", "证券简称：永兴物流" / "证券简称：明德物流") are two reports, while a
/// copy's lines with those figures read the same, whatever its spacing, punctuation or script
/// (the text is normalized: Traditional characters and full-width forms are folded already).
///
/// Each entry packs the hash of the line's figures in context, in order, in its high 32 bits
/// and the hash of the words among them (`span`: letters, digits and characters other than
/// punctuation and spaces) in its low 32 bits. Lines stating fewer than `minFigures` figures say too little.
public enum FigureLines {
    /// Figures a line must state to be keyed.
    public static let minFigures = 2

    /// Lines keyed per text at most (a report has tens; a long form's first lines say enough).
    public static let limit = 256

    /// Sorted, distinct entries for the lines (normalized UTF-8 chunks) that state figures, the
    /// first `limit` of them.
    public static func of(lines: [ArraySlice<UInt8>]) -> [UInt64] {
        var out: [UInt64] = []
        for line in lines where out.count < limit {
            let order = Figures.stated(in: [line]).order
            guard order.count >= minFigures else { continue }
            var figures = StableHash.fnvOffset
            for f in order { figures = StableHash.combine(figures, f) }
            out.append(figures << 32 | words(of: span(of: line)) & 0xFFFF_FFFF)
        }
        out.sort()
        out.dedupe()
        return out
    }

    /// Whether a line of `a` states the same figures as a line of `b` in other words, and no
    /// line of `b` says it in `a`'s words.
    public static func wordsReplaced(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let keys = Set(b.map { $0 >> 32 })
        var exact = Set(b)
        exact.formIntersection(a)
        return a.contains { !exact.contains($0) && keys.contains($0 >> 32) }
    }

    /// The line from its first digit to its last: the words among its figures. A copy that joined
    /// a label line to it ("Year" + "Shr 28 cts vs 20 cts") or cut a sentence after it says the
    /// same there; a report naming another scorer or company between them does not.
    static func span(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = line.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }),
              let last = line.lastIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return line[line.startIndex..<line.startIndex] }
        return line[first...last]
    }

    /// Hash of a line's words: ASCII letters (lower case) and digits, and every other character
    /// but spaces and punctuation (`Figures.isPunctuation`).
    static func words(of line: ArraySlice<UInt8>) -> UInt64 {
        var h = StableHash.fnvOffset
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c < 0x80 {
                let lower = c | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) { h = (h ^ UInt64(c < 0x40 ? c : lower)) &* StableHash.fnvPrime }
                i += 1
                continue
            }
            var end = i + 1
            while end < line.endIndex && line[end] & 0xC0 == 0x80 { end += 1 }
            if !Figures.isPunctuation(line[i..<end]) {
                for k in i..<end { h = (h ^ UInt64(line[k])) &* StableHash.fnvPrime }
            }
            i = end
        }
        return h
    }
}
