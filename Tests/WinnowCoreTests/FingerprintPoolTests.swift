import Testing
@testable import WinnowCore

/// Exact copies in a batch hold one fingerprint: same values, one storage.
struct FingerprintPoolTests {
    static func analysis(_ id: String, _ fp: Fingerprint) -> ArticleAnalysis {
        ArticleAnalysis(id: id, site: "s", language: "zh", publishedAt: nil, findings: [], strippedLines: [], body: nil,
                        isExcerpt: false, fingerprint: fp)
    }

    static func storage(_ a: [UInt64]) -> UnsafeRawPointer? { a.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }

    @Test func copiesShareTheFirstFingerprintAndNothingChanges() {
        let text = "据新区交通运输局介绍，该系统通过车载定位设备和客流统计摄像头实时采集数据，调度中心可以根据各站点的候车人数动态调整发车间隔。"
        let a = Support.fingerprint(text), b = Support.fingerprint(text), other = Support.fingerprint(text + "另据报道。")
        var retitled = b
        retitled.title = [42]
        var pool = FingerprintPool()
        var all = [Self.analysis("a", a), Self.analysis("b", b), Self.analysis("c", retitled), Self.analysis("d", other)]
        for i in all.indices { pool.share(&all[i]) }
        #expect(all.map(\.fingerprint) == [a, b, retitled, other])
        #expect(Self.storage(all[1].fingerprint.sketch) == Self.storage(all[0].fingerprint.sketch))
        #expect(Self.storage(all[2].fingerprint.sketch) == Self.storage(all[0].fingerprint.sketch))
        #expect(Self.storage(all[3].fingerprint.sketch) != Self.storage(all[0].fingerprint.sketch))
    }
}
