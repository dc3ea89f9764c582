import Testing
@testable import WinnowCore

/// An analysis keeps its findings and stripped lines packed: they must read back exactly.
struct CompactFindingsTests {
    static func finding(_ rule: String, _ start: Int, _ end: Int, message: String = "a related-articles list") -> Finding {
        Finding(rule: rule, category: .boilerplate, severity: .info, action: .strip, lineStart: start, lineEnd: end, message: message)
    }

    @Test func findingsReadBackExactlyInOrder() {
        var outside = Self.finding("ad", 9, 9)
        outside.outsideRegion = true
        let cases: [[Finding]] = [
            [],
            [Self.finding("list", 3, 3), Self.finding("list", 4, 6), Self.finding("nav", 1, 2, message: "menu"), Self.finding("list", 1, 1), outside],
            [Self.finding("big", 1 << 24, (1 << 24) + 2), Self.finding("list", 1, 1)],
            [Self.finding("odd", 5, 4)],
            // Many kinds: looked up by hash past the first sixteen.
            (0..<400).map { Self.finding("r\($0 % 40)", $0, $0, message: "m\($0 % 30)") },
        ]
        for findings in cases {
            let packed = CompactFindings(findings)
            #expect(packed.findings == findings && packed.count == findings.count)
        }
        let a = ArticleAnalysis(id: "a", site: "s", language: "zh", publishedAt: nil, findings: cases[1], strippedLines: [1, 2, 40],
                                body: nil, isExcerpt: false, fingerprint: Fingerprint(simhash: 0, exact: 0, tokens: 0, sketch: [], lead: []))
        #expect(a.findings == cases[1] && a.findingCount == 5 && a.strippedLines == [1, 2, 40] && a.strippedLineCount == 3)
    }

    @Test func lineSetsReadBackExactly() {
        for lines: Set<Int> in [[], [1], [3, 1, 2, 1000], [-1, 4], [Int(UInt32.max) + 1]] {
            let packed = CompactLineSet(lines)
            #expect(packed.lines == lines && packed.count == lines.count)
        }
    }
}
