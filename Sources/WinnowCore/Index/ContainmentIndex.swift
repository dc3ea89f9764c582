/// Finds documents sharing sampled shingles with a query, including documents that contain a
/// much shorter query (an excerpt or a copy cut short), which SimHash cannot see.
///
/// An inverted index from sampled shingle to documents, kept as one sorted array. A query looks
/// up its `probe` smallest sampled shingles (a bottom-k sketch: the same choice in every document
/// that contains them) and returns documents hit by enough of them. Shingles found in very many
/// documents (stock phrases) are skipped.
public struct ContainmentIndex: Sendable {
    private var features: [UInt64]
    private var docs: [Int32]
    /// Direct-address table over the top bits of the shingle: where each bucket's postings start,
    /// so a lookup costs a cache miss or two instead of a binary search over every posting.
    private var bucketStarts: [Int32] = [0, 0]
    private var bucketBits = 0
    /// Shingles probed per query.
    public let probe: Int
    /// Postings longer than this are skipped as too common to discriminate.
    public let maxPostings: Int

    /// Builds the index over each document's sorted distinct sketch.
    public init(sketches: [[UInt64]], probe: Int = 24, maxPostings: Int = 400) {
        var keys: [UInt64] = []
        var owners: [Int32] = []
        let total = sketches.reduce(0) { $0 + $1.count }
        keys.reserveCapacity(total)
        owners.reserveCapacity(total)
        for (doc, sketch) in sketches.enumerated() {
            keys.append(contentsOf: sketch)
            owners.append(contentsOf: repeatElement(Int32(doc), count: sketch.count))
        }
        // Stable by key, and documents were appended in order: postings end up sorted by doc too.
        RadixSort.parallelSort(keys: &keys, payloads: &owners)
        features = keys
        docs = owners
        self.probe = probe
        self.maxPostings = maxPostings
        var bits = 1
        while bits < 22 && (1 << bits) < keys.count { bits += 1 }
        bucketBits = bits
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        for k in keys { starts[Self.bucket(k, bits: bits) + 1] += 1 }
        for i in 0..<(1 << bits) { starts[i + 1] += starts[i] }
        bucketStarts = starts
    }

    /// Sketch shingles have their top bit clear: the next `bits` bits choose the bucket.
    @inline(__always)
    static func bucket(_ feature: UInt64, bits: Int) -> Int {
        Int((feature << 1) >> UInt64(64 - bits))
    }

    /// The postings of one shingle.
    @inline(__always)
    func postings(of feature: UInt64) -> Range<Int> {
        let b = Self.bucket(feature, bits: bucketBits)
        var lo = Int(bucketStarts[b])
        let end = Int(bucketStarts[b + 1])
        while lo < end && features[lo] < feature { lo += 1 }
        var hi = lo
        while hi < end && features[hi] == feature { hi += 1 }
        return lo..<hi
    }

    /// Documents sharing at least `minShare` of the probed shingles of `sketch` (never fewer than
    /// one shingle), with the number shared.
    public func candidates(for sketch: [UInt64], minShare: Double = 0.34) -> [(doc: Int, hits: Int)] {
        let probes = sketch.prefix(probe)
        guard !probes.isEmpty else { return [] }
        // Few distinct documents per query: a small array beats a hash map here.
        var hitDocs: [Int32] = [], hitCounts: [Int] = []
        var used = 0
        for f in probes {
            let range = postings(of: f)
            if range.count > maxPostings { continue }
            used += 1
            for k in range {
                let d = docs[k]
                if let j = hitDocs.firstIndex(of: d) { hitCounts[j] += 1 } else { hitDocs.append(d); hitCounts.append(1) }
            }
        }
        let need = max(1, Int((Double(used) * minShare).rounded(.up)))
        return hitDocs.indices.filter { hitCounts[$0] >= need }.map { (Int(hitDocs[$0]), hitCounts[$0]) }
    }

    /// In how many indexed documents the shingle occurs.
    public func documentFrequency(of feature: UInt64) -> Int {
        feature >> 63 == 0 ? postings(of: feature).count : 0
    }

    /// For each document, the inverse document frequency (1 / documents holding it) of each of its
    /// sketch's shingles, in sketch order: rare shingles speak for the story, shared ones for a
    /// series or a house style.
    public func inverseFrequencies(documentCount: Int) -> [[Float]] {
        var out = [[Float]](repeating: [], count: documentCount)
        var i = 0
        while i < features.count {
            var j = i
            while j < features.count && features[j] == features[i] { j += 1 }
            let w = 1 / Float(j - i)
            for k in i..<j { out[Int(docs[k])].append(w) }
            i = j
        }
        return out
    }
}
