/// Finds documents sharing sampled shingles with a query, including documents that contain a
/// much shorter query (an excerpt or a copy cut short), which SimHash cannot see.
///
/// An inverted index from sampled shingle to documents, kept as one array of 32-bit keys sorted
/// within a direct-address table of buckets (the shingle's top bits choose its bucket, its low 32
/// bits are its key there: two shingles of one bucket alike in those bits, one in 2^32 for a
/// bucket of a few postings, would share postings). A query looks up its `probe` smallest sampled
/// shingles (a bottom-k sketch: the same choice in every document that contains them) and returns
/// documents hit by enough of them. Shingles found in very many documents (stock phrases) are
/// skipped.
public struct ContainmentIndex: Sendable {
    /// Each posting's shingle as its key within its bucket (its low 32 bits), bucket after
    /// bucket, in key order within each.
    private var features: [UInt32]
    /// The document of each posting.
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
        var offsets: [Int] = [0]
        offsets.reserveCapacity(sketches.count + 1)
        for sketch in sketches { offsets.append(offsets[offsets.count - 1] + sketch.count) }
        let total = offsets[offsets.count - 1]
        var bits = 1
        while bits < 22 && (1 << bits) < total { bits += 1 }
        // A counting sort by bucket (documents in order, so positions ascend within each bucket),
        // then each bucket by key: no copy of the shingles, 12 bytes a posting while building.
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        for sketch in sketches { for f in sketch { starts[Self.bucket(f, bits: bits) + 1] += 1 } }
        for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
        var next = starts
        var keys = [UInt32](repeating: 0, count: total), owners = [Int32](repeating: 0, count: total)
        var positions = [Int32](repeating: 0, count: total)
        for (d, sketch) in sketches.enumerated() {
            for (k, f) in sketch.enumerated() {
                let b = Self.bucket(f, bits: bits)
                let slot = Int(next[b])
                next[b] += 1
                keys[slot] = UInt32(truncatingIfNeeded: f)
                owners[slot] = Int32(d)
                positions[slot] = Int32(offsets[d] + k)
            }
        }
        next = []
        Self.sortBuckets(starts, keys: &keys, owners: &owners, positions: &positions)
        let storyOf: [UInt64?]? = stories.count == sketches.count ? stories : nil
        weights = Self.inverseFrequencies(keys: keys, bucketStarts: starts, positions: positions, offsets: offsets,
                                          owners: owners, stories: storyOf)
        features = keys
        docs = owners
        bucketStarts = starts
        bucketBits = bits
        self.probe = probe
        self.maxPostings = maxPostings
    }

    /// Sorts each bucket's postings by key, keeping positions ascending among equal keys.
    private static func sortBuckets(_ starts: [Int32], keys: inout [UInt32], owners: inout [Int32], positions: inout [Int32]) {
        for b in 0..<(starts.count - 1) {
            let lo = Int(starts[b]), hi = Int(starts[b + 1])
            guard hi - lo > 1 else { continue }
            var sorted = true
            for i in (lo + 1)..<hi where keys[i] < keys[i - 1] {
                sorted = false
                break
            }
            if sorted { continue }
            if hi - lo <= 32 {
                // Insertion sort: stable, and cheap for the few postings of most buckets.
                for i in (lo + 1)..<hi {
                    let (k, o, p) = (keys[i], owners[i], positions[i])
                    var j = i
                    while j > lo && keys[j - 1] > k {
                        (keys[j], owners[j], positions[j]) = (keys[j - 1], owners[j - 1], positions[j - 1])
                        j -= 1
                    }
                    (keys[j], owners[j], positions[j]) = (k, o, p)
                }
            } else {
                let order = (lo..<hi).sorted { (keys[$0], positions[$0]) < (keys[$1], positions[$1]) }
                let (k, o, p) = (order.map { keys[$0] }, order.map { owners[$0] }, order.map { positions[$0] })
                for (n, i) in (lo..<hi).enumerated() { (keys[i], owners[i], positions[i]) = (k[n], o[n], p[n]) }
            }
        }
    }

    /// Sketch shingles have their top bit clear: the next `bits` bits choose the bucket.
    @inline(__always)
    static func bucket(_ feature: UInt64, bits: Int) -> Int {
        Int((feature << 1) >> UInt64(64 - bits))
    }

    /// The postings of one shingle.
    @inline(__always)
    func postings(of feature: UInt64) -> Range<Int> {
        let b = Self.bucket(feature, bits: bucketBits), key = UInt32(truncatingIfNeeded: feature)
        var lo = Int(bucketStarts[b])
        let end = Int(bucketStarts[b + 1])
        while lo < end && features[lo] < key { lo += 1 }
        var hi = lo
        while hi < end && features[hi] == key { hi += 1 }
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
    private static func inverseFrequencies(keys: [UInt32], bucketStarts: [Int32], positions: [Int32], offsets: [Int],
                                           owners: [Int32], stories: [UInt64?]?) -> [[Float]] {
        // Each run of equal keys in a bucket writes 1/run-length at its postings' original positions
        // (disjoint writes, so chunks of buckets go to all cores); each document then reads its slice.
        var flat = [Float](repeating: 0, count: keys.count)
        let buckets = bucketStarts.count - 1
        flat.withUnsafeMutableBufferPointer { out in
            let target = UnsafeSendableBox(out)
            Parallel.forEachChunk(count: buckets, chunk: max(1 << 12, buckets / 16)) { range in
                for b in range {
                    var i = Int(bucketStarts[b])
                    let end = Int(bucketStarts[b + 1])
                    while i < end {
                        var j = i + 1
                        while j < end && keys[j] == keys[i] { j += 1 }
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
