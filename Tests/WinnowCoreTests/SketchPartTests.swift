import Foundation
import Testing
@testable import WinnowCore

/// A fingerprint keeps its lead and head as positions in its sketch: whatever they are set to
/// must read back exactly, subset of the sketch or not, and after the sketch changes.
struct SketchPartTests {
    @Test func partsReadBackExactlyWhateverTheyAre() {
        let sketch: [UInt64] = (0..<150).map { $0 * 7 + 3 }
        let cases: [[UInt64]] = [[], [3], [3, 10, 1046], Array(sketch.prefix(70)), sketch, [4], [10, 3], [3, 3], [3, 5000]]
        for part in cases {
            var fp = Fingerprint(simhash: 1, exact: 2, tokens: 3, sketch: sketch, lead: part)
            fp.head = part
            #expect(fp.lead == part && fp.head == part, "\(part)")
            #expect(SketchPart(part, of: sketch).values(in: sketch) == part)
        }
        #expect(SketchPart([1, 2], of: []).values(in: []) == [1, 2])
    }

    @Test func equalFingerprintsCompareEqualAndSurviveASketchChange() throws {
        let a = Support.fingerprint("据新区交通运输局介绍，该系统通过车载定位设备和客流统计摄像头实时采集数据，调度中心可以根据各站点的候车人数动态调整发车间隔。")
        var b = Fingerprint(simhash: a.simhash, exact: a.exact, tokens: a.tokens, sketch: a.sketch, lead: a.lead)
        b.head = a.head
        b.ideographs = a.ideographs
        b.paragraphTokens = a.paragraphTokens
        #expect(a == b && !a.lead.isEmpty && !a.head.isEmpty)
        #expect(Set(a.lead).isSubset(of: a.sketch) && a.lead == a.lead.sorted())
        var c = a
        c.sketch = Array(a.sketch.dropFirst())
        #expect(c.lead == a.lead && c.head == a.head && c != a)
        // Codable keeps the lead and the head as lists of shingles.
        let json = try JSONEncoder().encode(a)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["lead"] as? [UInt64]) == a.lead && (object["head"] as? [UInt64]) == a.head)
        #expect(try JSONDecoder().decode(Fingerprint.self, from: json) == a)
    }
}
