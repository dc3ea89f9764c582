/// The name a report's row opens with, in full, beyond the units `FigureLines.name` reads:
/// "Newhaven Town 3 …" is not "Porthaven Town 3 …", though both end in "haven Town".
extension FigureLines {
    /// Units of a name read in full at most.
    static let fullNameUnits = 24

    /// 8 bits of the whole name before a line's first figure, when it is longer than `nameUnits`
    /// and runs from the line's start, or from punctuation that closes it ("Friday: Newhaven
    /// Town 3"), over letters, characters of unspaced scripts and spaces; nil otherwise (a digit
    /// or a bracket before it: rows a listing ran together, where the line keys no row anyway;
    /// or a name too long to be one). The row's own line and a copy's key it alike.
    static func fullName(before side: ArraySlice<UInt8>) -> UInt64? {
        var h = StableHash.fnvOffset, units = 0
        var i = side.endIndex
        while i > side.startIndex {
            let start = scalarStart(before: i, in: side, from: side.startIndex)
            let c = side[start]
            if c < 0x80 {
                if isLetter(c) {
                    h = (h ^ UInt64(c | 0x20)) &* StableHash.fnvPrime
                    units += 1
                } else if c != 0x20 {
                    // Closed by punctuation (`isASCIIMark`: no digit), not by a bracket or a cut.
                    guard isASCIIMark(c), c != 0x28, c != 0x29, c != 0x5B, c != 0x5D,
                          !isEllipsis(side, at: start, backwards: true) else { return nil }
                    break
                }
            } else if Figures.isPunctuation(side[start..<i]) {
                guard !isEllipsis(side, at: start, backwards: true) else { return nil }
                break
            } else {
                for k in start..<i { h = (h ^ UInt64(side[k])) &* StableHash.fnvPrime }
                units += 2
            }
            guard units <= fullNameUnits else { return nil }
            i = start
        }
        return units > nameUnits ? max(1, h & 0xFF) : nil
    }
}
