/// Finds documents sharing sampled shingles with a query, including documents that contain a
/// much shorter query (an excerpt or a copy cut short), which SimHash cannot see.
///
/// An inverted index from sampled shingle to documents, kept as one sorted array. A query looks
/// up its `probe` smallest sampled shingles (a bottom-k sketch: the same choice in every document
/// that contains them) and returns documents hit by enough of them. Shingles found in very many
/// documents (stock phrases) are skipped.
public struct ContainmentIndex: Sendable {
    private var postings: [(feature: UInt64, doc: Int32)]
    /// Shingles probed per query.
    public let probe: Int
    /// Postings longer than this are skipped as too common to discriminate.
    public let maxPostings: Int

    /// Builds the index over each document's sorted distinct sketch.
    public init(sketches: [[UInt64]], probe: Int = 24, maxPostings: Int = 400) {
        var all: [(feature: UInt64, doc: Int32)] = []
        all.reserveCapacity(sketches.reduce(0) { $0 + $1.count })
        for (doc, sketch) in sketches.enumerated() {
            for f in sketch { all.append((f, Int32(doc))) }
        }
        all.sort { $0.feature < $1.feature || ($0.feature == $1.feature && $0.doc < $1.doc) }
        postings = all
        self.probe = probe
        self.maxPostings = maxPostings
    }

    /// Documents sharing at least `minShare` of the probed shingles of `sketch` (never fewer than
    /// one shingle), with the number shared.
    public func candidates(for sketch: [UInt64], minShare: Double = 0.34) -> [(doc: Int, hits: Int)] {
        let probes = sketch.prefix(probe)
        guard !probes.isEmpty else { return [] }
        var hits: [Int32: Int] = [:]
        var used = 0
        for f in probes {
            var lo = 0, hi = postings.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if postings[mid].feature < f { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < postings.count && postings[end].feature == f { end += 1 }
            if end - lo > maxPostings { continue }
            used += 1
            for k in lo..<end { hits[postings[k].doc, default: 0] += 1 }
        }
        let need = max(1, Int((Double(used) * minShare).rounded(.up)))
        return hits.filter { $0.value >= need }.map { (Int($0.key), $0.value) }
    }

    /// For each document, the inverse document frequency (1 / documents holding it) of each of its
    /// sketch's shingles, in sketch order: rare shingles speak for the story, shared ones for a
    /// series or a house style.
    public func inverseFrequencies(documentCount: Int) -> [[Float]] {
        var out = [[Float]](repeating: [], count: documentCount)
        var i = 0
        while i < postings.count {
            var j = i
            while j < postings.count && postings[j].feature == postings[i].feature { j += 1 }
            let w = 1 / Float(j - i)
            for k in i..<j { out[Int(postings[k].doc)].append(w) }
            i = j
        }
        return out
    }
}
