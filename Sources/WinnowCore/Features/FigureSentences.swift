/// The sentences of a report that state figures, keyed by their words with the numbers masked
/// (`Fingerprint.figureSentences`), whether the page kept them or stripped them with its site's
/// template or the furniture around them: a notice's fixed sentence ("消费者如发现价格违法行为，可拨打12315进行举报。") recurs on a
/// small site's every notice and goes with its template there, yet a twin that states another
/// number in it ("…可拨打12318进行举报。") is another notice, not a copy the page holds.
///
/// Each entry packs the hash of the masked sentence in its high 32 bits and, below, 31 bits of its
/// key with its figures (`LineShape.key`) and a low bit set where the page stripped it.
public enum FigureSentences {
    /// Seed of the masked sentences' hashes.
    static let seed = StableHash.fnv1a("figure-sentences:")

    /// The entry of a sentence (`shape` keys its figures), stripped or kept.
    public static func entry(_ shape: LineShape, stripped: Bool) -> UInt64 {
        (StableHash.combine(seed, shape.maskedKey) >> 32) << 32 | (shape.key & 0xFFFF_FFFE) | (stripped ? 1 : 0)
    }

    /// Whether a line is a sentence stating figures, as `entry` takes them.
    public static func qualifies(_ shape: LineShape) -> Bool {
        shape.keysFigures && shape.isStatement
    }

    /// Sorted, distinct entries of a page's sentences stating figures that it keeps (`kept`, by
    /// line index) or strips as its site's (`stripped`: with the template, or the furniture around).
    public static func of(_ shapes: [LineShape], kept: (Int) -> Bool, stripped: (Int) -> Bool) -> [UInt64] {
        var out: [UInt64] = []
        for (k, shape) in shapes.enumerated() where qualifies(shape) {
            if kept(k) {
                out.append(entry(shape, stripped: false))
            } else if stripped(k) {
                out.append(entry(shape, stripped: true))
            }
        }
        out.sort()
        out.dedupe()
        return out
    }

    /// Whether a sentence `a` stripped (or, `kept` too, any of `a`'s) states, in `b`, other
    /// figures: `b` has the sentence (kept or stripped) and never with `a`'s figures.
    public static func replaced(_ a: [UInt64], _ b: [UInt64], kept: Bool = false) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        for x in a where kept || x & 1 == 1 {
            var i = SketchOverlap.lowerBound(b, (x >> 32) << 32)
            var found = false, same = false
            while i < b.count && b[i] >> 32 == x >> 32 {
                found = true
                if b[i] | 1 == x | 1 { same = true; break }
                i += 1
            }
            if found && !same { return true }
        }
        return false
    }
}
