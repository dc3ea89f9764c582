import Testing
@testable import WinnowCore

/// The blocked tables must find exactly what a brute-force scan finds.
struct SimHashIndexTests {
    @Test(arguments: [0, 3, 6, 9])
    func matchesBruteForce(k: Int) throws {
        var rng = Support.Random(state: UInt64(k) + 11)
        var fps: [UInt64] = (0..<2000).map { _ in rng.next() }
        // Plant near neighbours at every distance up to k + 2.
        for i in 0..<400 {
            var f = fps[i]
            for _ in 0..<(i % (k + 3)) { f ^= 1 << (rng.next() % 64) }
            fps.append(f)
        }
        let index = try SimHashIndex(fingerprints: fps, maxDistance: k)
        for q in stride(from: 0, to: fps.count, by: 7) {
            let found = Set(index.query(fps[q]).map(\.doc))
            let expected = Set(fps.indices.filter { SimHash.distance(fps[$0], fps[q]) <= k })
            #expect(found == expected, "query \(q)")
        }
    }

    @Test func reportsDistances() throws {
        let index = try SimHashIndex(fingerprints: [0, 0b111, .max], maxDistance: 3)
        let hits = index.query(0).sorted { $0.doc < $1.doc }
        #expect(hits.map(\.doc) == [0, 1])
        #expect(hits.map(\.distance) == [0, 3])
    }

    @Test func tableCountFollowsBlocks() throws {
        #expect(try SimHashIndex(fingerprints: [], maxDistance: 3).tableCount == 10)  // C(5, 2)
        #expect(try SimHashIndex(fingerprints: [], maxDistance: 6).tableCount == 28)  // C(8, 2)
    }

    @Test func crowdedKeysAreTheExactKeysOfFloods() throws {
        // 100 copies of one fingerprint, one bit apart each, and 2,000 others scattered.
        var rng = Support.Random(state: 5)
        let viral: UInt64 = 0x1234_5678_9abc_def0
        let fps = (0..<100).map { viral ^ (1 << UInt64($0 % 64)) } + (0..<2000).map { _ in rng.next() }
        let index = try SimHashIndex(fingerprints: fps, maxDistance: 6)
        let crowded = index.crowdedKeys(moreThan: 64)
        #expect(crowded.count == index.tableCount)
        // In each table the flood's key is crowded (a bit flip moves a copy out of few tables).
        for (t, key) in index.keys(of: viral).enumerated() {
            #expect((crowded[t][key]?.count ?? 0) > 64, "table \(t)")
            #expect(crowded[t].count == 1)
        }
        #expect(index.crowdedKeys(moreThan: 100).allSatisfy { $0.isEmpty })
    }

    @Test func rejectsImpossibleSettings() {
        #expect(throws: WinnowCoreError.self) { try SimHashIndex(fingerprints: [], maxDistance: 40) }
        #expect(throws: WinnowCoreError.self) { try SimHashIndex(fingerprints: [], maxDistance: 5, blocks: 4) }
    }
}

struct ContainmentIndexTests {
    @Test func findsDocumentsContainingAShortQuery() {
        let full = Support.fingerprint("据新区交通运输局介绍，该系统通过车载定位设备和客流统计摄像头实时采集数据，调度中心可以根据各站点的候车人数动态调整发车间隔。")
        let part = Support.fingerprint("据新区交通运输局介绍，该系统通过车载定位设备和客流统计摄像头实时采集数据")
        let other = Support.fingerprint("古城墙修缮工程日前通过验收，修缮期间施工团队采用传统工艺补砌城砖四万余块。")
        let index = ContainmentIndex(sketches: [full.sketch, part.sketch, other.sketch])
        let hits = index.candidates(for: part.sketch).map(\.doc)
        #expect(hits.contains(0))
        #expect(hits.contains(1))
        #expect(!hits.contains(2))
    }

    @Test func inverseFrequenciesFollowSketchOrder() {
        let index = ContainmentIndex(sketches: [[1, 2, 3], [2, 3], [3]])
        let third: Float = 1 / 3
        let expected: [[Float]] = [[1, 0.5, third], [0.5, third], [third]]
        #expect(index.inverseFrequencies(documentCount: 3) == expected)
    }

    @Test func frequenciesCountStoriesWhenGiven() {
        // Two reposts of one story and a page without a headline (a story of its own).
        let index = ContainmentIndex(sketches: [[1, 2], [1, 2], [1, 3]], stories: [5, 5, nil])
        #expect(index.inverseFrequencies(documentCount: 3) == [[0.5, 1], [0.5, 1], [0.5, 1]])
        #expect(index.documentFrequency(of: 1) == 3, "posting lists still count documents")
    }

    /// Postings keep the low 32 bits of each shingle within its bucket: shingles of one bucket
    /// that differ there have postings of their own, found in order.
    @Test func shinglesOfOneBucketKeepTheirOwnPostings() {
        let a: UInt64 = 0x1000_0000_0000_0001, b: UInt64 = 0x1000_0000_8000_0002, c: UInt64 = 0x1000_0000_0000_0003
        let index = ContainmentIndex(sketches: [[a], [b], [a, b], [c]])
        #expect(ContainmentIndex.bucket(a, bits: 3) == ContainmentIndex.bucket(b, bits: 3))
        #expect(index.documentFrequency(of: a) == 2 && index.documentFrequency(of: b) == 2 && index.documentFrequency(of: c) == 1)
        #expect(index.candidates(for: [a]).map(\.doc) == [0, 2])
        #expect(index.candidates(for: [b]).map(\.doc) == [1, 2])
        #expect(index.documentFrequency(of: 0x1000_0000_0000_0004) == 0)
    }
}

struct RadixSortTests {
    @Test func sortsLikeTheStandardLibrary() {
        var rng = Support.Random(state: 5)
        for n in [0, 1, 5, 47, 48, 1000, 70_000] {
            var keys = (0..<n).map { _ in rng.next() >> (n % 3 == 0 ? 1 : 0) }
            let expected = keys.sorted()
            RadixSort.sort(&keys)
            #expect(keys == expected)
        }
    }

    @Test func uniformSortMatchesTheStandardLibrary() {
        var rng = Support.Random(state: 12)
        for n in [0, 3, 47, 48, 100, 777, 5000] {
            for shift: UInt64 in [0, 1, 40] {
                var keys = (0..<n).map { _ in rng.next() >> shift }
                if n > 10 { keys[3] = keys[7] }  // repeats
                let expected = keys.sorted()
                RadixSort.sortUniform(&keys)
                #expect(keys == expected, "n \(n) shift \(shift)")
            }
        }
    }

    @Test func pairSortIsStable() {
        var rng = Support.Random(state: 9)
        for n in [10, 200_000] {
            var keys = (0..<n).map { _ in rng.next() % 1000 }
            var payloads = (0..<Int32(n)).map { $0 }
            let expected = zip(keys, payloads).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            RadixSort.sort(keys: &keys, payloads: &payloads)
            #expect(keys == expected.map(\.0))
            #expect(payloads == expected.map(\.1))
        }
    }
}

struct LineStatisticsTests {
    @Test func countsDocumentsPerSiteAndLine() {
        var b = LineStatistics.Builder()
        b.add(site: "a", lineKeys: [1, 2, 2])
        b.add(site: "a", lineKeys: [1])
        b.add(site: "b", lineKeys: [1, 3])
        let s = b.build()
        #expect(s.site("a").documents == 2)
        #expect(s.site("a").documents(withLine: 1) == 2)
        #expect(s.site("a").documents(withLine: 2) == 1)
        #expect(s.site("b").documents(withLine: 2) == 0)
        #expect(s.documentsPerLineAllSites.count(of: 1) == 3)
    }

    @Test func mergeAddsCounts() {
        var a = LineStatistics.Builder(), b = LineStatistics.Builder()
        a.add(site: "x", lineKeys: [7])
        b.add(site: "x", lineKeys: [7, 8])
        var s = a.build()
        s.merge(b.build())
        #expect(s.site("x").documents == 2)
        #expect(s.site("x").documents(withLine: 7) == 2)
        #expect(s.site("x").documents(withLine: 8) == 1)
        #expect(s.documents == 2)
    }

    /// "Elsewhere" means other pages of the same language: an English line held by half of the
    /// other English pages is not one site's template, however many Chinese pages dilute it.
    @Test func shareElsewhereCountsOnlyTheSameLanguage() {
        var b = LineStatistics.Builder()
        for _ in 0..<60 { b.add(site: "a", lineKeys: [9], language: "en") }
        for i in 0..<60 { b.add(site: "b", lineKeys: i % 2 == 0 ? [9] : [1], language: "en") }
        for _ in 0..<540 { b.add(site: "c", lineKeys: [5], language: "zh") }
        let s = b.build()
        #expect(s.site("a").shareElsewhere(ofLine: 9, inSite: 60) == 0.05)
        #expect(s.site("a", language: "en").shareElsewhere(ofLine: 9, inSite: 60) == 0.5)
        var restored = LineStatistics.restored(documentsPerSite: s.documentsPerSite, documentsPerSiteLanguage: s.documentsPerSiteLanguage,
                                               documentsPerLine: s.documentsPerLine, documentsPerLineAllSites: s.documentsPerLineAllSites)
        #expect(restored.documentsPerLanguage == ["en": 120, "zh": 540])
        restored.merge(s)
        #expect(restored.site("a", language: "en").shareElsewhere(ofLine: 9, inSite: 120) == 0.5)
    }

    @Test func countTableMatchesDictionary() {
        var rng = Support.Random(state: 1)
        let keys = (0..<5000).map { _ in rng.next() % 700 }
        let table = CountTable(counting: keys)
        var dict: [UInt64: Int] = [:]
        for k in keys { dict[k, default: 0] += 1 }
        for k in 0..<UInt64(800) { #expect(table.count(of: k) == (dict[k] ?? 0)) }
    }
}
