import Testing
@testable import WinnowCore

struct SimHashTests {
    @Test func goldenFingerprints() {
        let zh = Support.fingerprint("滨江新区正式启用智慧公交调度系统，市民平均候车时间明显缩短。")
        #expect(StableHash.hex(zh.simhash) == "d4206740a30a0e40")
        #expect(StableHash.hex(zh.exact) == "90166b18d2f653a9")
        #expect(zh.tokens == 28)
        let en = Support.fingerprint("A harbour town has switched on its first community-owned solar farm.")
        #expect(StableHash.hex(en.simhash) == "afa48a290f507305")
        #expect(StableHash.hex(en.exact) == "af5ba2229983c1a4")
        #expect(en.tokens == 12)
    }

    @Test func accumulatorAgreesWithTheDefinition() {
        var rng = Support.Random(state: 3)
        for size in [1, 2, 7, 100, 70_001] {
            let features = (0..<size).map { _ in rng.next() }
            var naive: UInt64 = 0
            for bit in 0..<64 {
                let ones = features.filter { ($0 >> UInt64(bit)) & 1 == 1 }.count
                if ones * 2 > features.count { naive |= 1 << UInt64(bit) }
            }
            #expect(SimHash.fingerprint(of: features) == naive, "size \(size)")
        }
    }

    @Test func nearCopiesAreClose() {
        let a = "The council said it hoped the project would encourage neighbouring villages to follow, and that a second phase with battery storage was being considered by the co-operative. "
            + "The site, built on a former quarry, was funded by more than nine hundred residents who bought shares starting at fifty pounds each, "
            + "and organisers say it will supply about a fifth of local households once the connection to the grid is upgraded next spring."
        let b = a.replacingOccurrences(of: "second", with: "further")
        let c = "Quarterly profits at the media group jumped as advertising sales recovered in the final months of the year."
        let fa = Support.fingerprint(a), fb = Support.fingerprint(b), fc = Support.fingerprint(c)
        #expect(SimHash.distance(fa.simhash, fb.simhash) <= 8)
        #expect(SimHash.distance(fa.simhash, fc.simhash) > 12)
    }

    @Test func distanceCountsBits() {
        #expect(SimHash.distance(0, 0) == 0)
        #expect(SimHash.distance(0b1011, 0) == 3)
        #expect(SimHash.distance(.max, 0) == 64)
    }
}

private extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
