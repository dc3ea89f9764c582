/// Exact copies in a batch (the same fingerprinted tokens: a story syndicated word for word, a
/// page crawled twice) have equal fingerprints: the pool makes their analyses hold one of them,
/// so that a batch where a third of the pages are copies does not hold a third of its sketches
/// twice. The values never change, only where they are stored.
struct FingerprintPool {
    private var first: [UInt64: Fingerprint] = [:]
    private var firstOpening: [UInt64: [LetterGrams.Window]] = [:]

    /// Makes `analysis` hold the fingerprint (or at least the sketch), and the opening's letter
    /// windows, of an earlier analysis with equal values, if there is one.
    mutating func share(_ analysis: inout ArticleAnalysis) {
        let fp = analysis.fingerprint
        guard fp.tokens > 0 else { return }
        let key = StableHash.combine(fp.exact, UInt64(fp.tokens))
        guard let earlier = first[key] else {
            first[key] = fp
            firstOpening[key] = analysis.leadLine.opening
            return
        }
        // The opening's letter windows too (they take in stripped datelines, so copies on
        // different sites may differ: shared only when equal).
        if let opening = firstOpening[key], opening == analysis.leadLine.opening { analysis.leadLine.opening = opening }
        if earlier == fp {
            analysis.fingerprint = earlier
        } else if earlier.sketch == fp.sketch {
            analysis.fingerprint.sketch = earlier.sketch
        }
    }
}
