import Testing
@testable import WinnowCore

/// HTML markup as evidence: regions, link density and headings from the page's elements.
struct LineHintTests {
    func page(_ rows: [(String, LineHint)]) -> Article {
        var a = Article(id: "h", text: rows.map(\.0).joined(separator: "\n"), url: "https://news.example.com/a/1")
        a.lineHints = rows.map(\.1)
        return a
    }

    @Test func menusFootersAndHiddenBlocksAreFurnitureOnOnePage() {
        let body = Pages.body(seed: 8, paragraphs: 4)
        let nav = LineHint(regions: .navigation, block: .listItem, linkDensity: 1)
        let content = LineHint(regions: .content, block: .paragraph)
        let rows: [(String, LineHint)] = [("首页", nav), ("国内", nav), ("国际", nav),
                                          ("城市更新的新路径", LineHint(regions: .content, block: .heading, headingLevel: 1))]
            + body.map { ($0, content) }
            + [("本文作者系资深记者，长期关注城市发展与社会治理问题，欢迎读者来信交流。", LineHint(regions: .footer, block: .paragraph)),
               ("请在浏览器中启用脚本以获得完整体验。", LineHint(regions: .hidden, block: .paragraph))]
        let a = Support.analyze([page(rows)])[0]
        #expect(a.strippedLines.isSuperset(of: [1, 2, 3, 9, 10]))
        for n in 4...8 { #expect(!a.strippedLines.contains(n), "body line \(n) stripped") }
        #expect(a.findings.contains { $0.rule == "page-region" })
    }

    @Test func htmlTextIsNotReadAsMarkdown() {
        let lines = [LineText(number: 1, original: "# 1 号文件"[...], normalized: Array("# 1 号文件".utf8)[...])]
        let (m, _) = MarkupReader.read(lines, hints: [LineHint(block: .paragraph)])
        #expect(m[0].block == .text)
        let (h, _) = MarkupReader.read(lines, hints: [LineHint(block: .heading, headingLevel: 2)])
        #expect(h[0].headingRank == 2)
        // Hints that do not match the lines are ignored.
        #expect(MarkupReader.read(lines, hints: []).markup[0].block == .heading)
    }

    @Test func thePageRegionDetectorCanBeSwitchedOff() throws {
        let body = Pages.body(seed: 9, paragraphs: 3)
        let rows = body.map { ($0, LineHint(regions: .aside, block: .paragraph)) }
        let off = try RuleSet(rules: [Rule(id: "no-regions", category: .boilerplate, matcher: .detector("page-region", ["enabled": "false"]))])
        #expect(Support.analyze([page(rows)], rules: off)[0].strippedLines.isEmpty)
    }
}
