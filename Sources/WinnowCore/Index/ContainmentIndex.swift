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
    /// Each indexed document's inverse document frequencies, in sketch order (computed while the
    /// postings' positions are at hand, which are then let go).
    private var weights: [[Float]] = []
    /// Direct-address table over the top bits of the shingle: where each bucket's postings start,
    /// so a lookup costs a cache miss or two instead of a binary search over every posting.
    private var bucketStarts: [Int32] = [0, 0]
    private var bucketBits = 0
    /// Shingles probed per query.
    public let probe: Int
    /// Postings longer than this are skipped as too common to discriminate.
    public let maxPostings: Int

    /// Builds the index over each document's sorted distinct sketch. With `stories` (one per
    /// document, `Fingerprint.story`; nil: a story of its own) a shingle's frequency counts the
    /// stories holding it, not the documents: a story reposted 4,000 times speaks once.
    public init(sketches: [[UInt64]], stories: [UInt64?] = [], probe: Int = 24, maxPostings: Int = 400) {
        var keys: [UInt64] = []
        var starts: [Int] = [0]
        let total = sketches.reduce(0) { $0 + $1.count }
        keys.reserveCapacity(total)
        starts.reserveCapacity(sketches.count + 1)
        for sketch in sketches {
            keys.append(contentsOf: sketch)
            starts.append(keys.count)
        }
        // Stable by key, and positions (hence documents) ascend within equal keys.
        var order = (0..<Int32(total)).map { $0 }
        RadixSort.parallelSort(keys: &keys, payloads: &order)
        var ownerOf = [Int32](repeating: 0, count: total)
        for d in sketches.indices { for p in starts[d]..<starts[d + 1] { ownerOf[p] = Int32(d) } }
        features = keys
        docs = order.map { ownerOf[Int($0)] }
        ownerOf = []
        let storyOf: [UInt64?]? = stories.count == sketches.count ? stories : nil
        weights = Self.inverseFrequencies(features: keys, positions: order, offsets: starts, owners: docs, stories: storyOf)
        self.probe = probe
        self.maxPostings = maxPostings
        var bits = 1
        while bits < 22 && (1 << bits) < keys.count { bits += 1 }
        bucketBits = bits
        var buckets = [Int32](repeating: 0, count: (1 << bits) + 1)
        for k in keys { buckets[Self.bucket(k, bits: bits) + 1] += 1 }
        for i in 0..<(1 << bits) { buckets[i + 1] += buckets[i] }
        bucketStarts = buckets
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
        // Every posting of the probed shingles, then counted by sorting: linear in the postings
        // even when a story copied thousands of times puts hundreds of documents in each list.
        var hits: [Int32] = []
        var used = 0
        for f in probes {
            let range = postings(of: f)
            if range.count > maxPostings { continue }
            used += 1
            hits.append(contentsOf: docs[range])
        }
        let need = max(1, Int((Double(used) * minShare).rounded(.up)))
        hits.sort()
        var out: [(doc: Int, hits: Int)] = []
        var i = 0
        while i < hits.count {
            var j = i + 1
            while j < hits.count && hits[j] == hits[i] { j += 1 }
            if j - i >= need { out.append((Int(hits[i]), j - i)) }
            i = j
        }
        return out
    }

    /// In how many indexed documents the shingle occurs.
    public func documentFrequency(of feature: UInt64) -> Int {
        feature >> 63 == 0 ? postings(of: feature).count : 0
    }

    /// For each document, the inverse document frequency (1 / documents holding it, or stories
    /// when the index was given them) of each of its sketch's shingles, in sketch order: rare
    /// shingles speak for the story, shared ones for a series or a house style.
    public func inverseFrequencies(documentCount: Int) -> [[Float]] {
        (0..<documentCount).map { $0 < weights.count ? weights[$0] : [] }
    }

    /// Inverse document frequencies from the sorted postings and where each came from.
    private static func inverseFrequencies(features: [UInt64], positions: [Int32], offsets: [Int], owners: [Int32],
                                           stories: [UInt64?]?) -> [[Float]] {
        // Each run of equal shingles writes 1/run-length at its postings' original positions
        // (disjoint writes, so chunks of runs go to all cores); each document then reads its slice.
        var flat = [Float](repeating: 0, count: features.count)
        let n = features.count
        let chunk = max(1 << 14, n / 16)
        var cuts: [Int] = [0]
        var c = chunk
        while c < n {
            while c < n && features[c] == features[c - 1] { c += 1 }
            if c < n { cuts.append(c) }
            c += chunk
        }
        cuts.append(n)
        flat.withUnsafeMutableBufferPointer { out in
            let target = UnsafeSendableBox(out)
            let ranges = (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
            Parallel.forEachChunk(count: ranges.count, chunk: 1) { rs in
                for r in rs {
                    var i = ranges[r].lowerBound
                    while i < ranges[r].upperBound {
                        var j = i
                        while j < ranges[r].upperBound && features[j] == features[i] { j += 1 }
                        let w = 1 / Float(stories.map { distinctStories(owners[i..<j], $0) } ?? (j - i))
                        for k in i..<j { target.value[Int(positions[k])] = w }
                        i = j
                    }
                }
                return 0
            } collect: { _ in }
        }
        let weights = flat
        var out = [[Float]](repeating: [], count: offsets.count - 1)
        Parallel.forEachChunk(count: offsets.count - 1, chunk: 256) { range in
            range.map { d in (d, Array(weights[offsets[d]..<offsets[d + 1]])) }
        } collect: { for (d, w) in $0 { out[d] = w } }
        return out
    }

    /// How many stories the documents hold (a document without a story is one of its own).
    static func distinctStories(_ documents: ArraySlice<Int32>, _ stories: [UInt64?]) -> Int {
        if documents.count == 1 { return 1 }
        var own = 0
        // Most shingles are shared by a few documents: compare them pairwise, no allocation.
        if documents.count <= 16 {
            var distinct = 0
            for (k, d) in zip(documents.indices, documents) {
                guard let s = stories[Int(d)] else { own += 1; continue }
                if !documents[documents.startIndex..<k].contains(where: { stories[Int($0)] == s }) { distinct += 1 }
            }
            return distinct + own
        }
        var seen = Set<UInt64>(minimumCapacity: 64)
        for d in documents { if let s = stories[Int(d)] { seen.insert(s) } else { own += 1 } }
        return seen.count + own
    }
}
