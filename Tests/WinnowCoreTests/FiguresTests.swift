import Testing
@testable import WinnowCore

/// Templated reports: numbers are content. Two reports on one template with other figures are
/// other reports; a copy that only reformats its numbers is still a copy.
struct FiguresTests {
    func figures(_ s: String) -> [UInt64] { Figures.of(chunks: [Support.normalized(s)[...]]) }

    @Test func figureHashesAreStable() {
        // Stored in the archive and compared across runs: pinned.
        #expect(figures("Net 807,000") == [0x4226_1AA1_DEA6_17EE])
        #expect(figures("1.19") == [StableHash.fnv1a(Array("1.19".utf8), seed: 0xC2AD_5096_0B16_CA69)])
    }

    @Test func reformattedNumbersAgree() {
        #expect(figures("共1,000人，增长2.5%") == figures("共１０００人，增长2.5%"))
        #expect(figures("05月") == figures("5月"))
        #expect(figures("a 1,2 b") == figures("a 1 2 b"))
        #expect(figures("没有数字").isEmpty)
        #expect(figures("High 91F, low 78F. High 91F.").count == 2)
    }

    @Test func templatesWithOtherFiguresDiffer() {
        let a = figures("Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Revs 12.5 mln vs 11.9 mln")
        let b = figures("Shr 52 cts vs 48 cts Net 1,204,000 vs 1,118,000 Revs 20.1 mln vs 18.7 mln")
        #expect(Figures.differ(a, b, aInB: false, minShared: 0.5))
        // One or two edited numbers are an edit.
        let c = figures("Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Revs 12.6 mln vs 11.9 mln")
        #expect(!Figures.differ(a, c, aInB: false, minShared: 0.5))
        // In a report, any changed figure makes another report (at most worth a review).
        #expect(Figures.differ(figures("第1场 3:1"), figures("第2场 3:1"), aInB: false, minShared: 0.5, report: true))
        #expect(Figures.differ(a, c, aInB: false, minShared: 0.5, report: true))
        #expect(!Figures.differ(a, a, aInB: false, minShared: 0.5, report: true))
        #expect(Figures.headlinesDiffer(figures("第1场比赛结果"), figures("第2场比赛结果")))
        #expect(!Figures.headlinesDiffer(figures("比赛结果"), figures("第2场比赛结果")))
    }

    @Test func distinctEarningsReportsAreNeverMerged() throws {
        _ = Support.ready
        var rng = Support.Random(state: 42)
        func n(_ hi: UInt64) -> UInt64 { rng.next() % hi + 1 }
        var articles: [Article] = []
        for i in 0..<12 {
            let text = """
                Company \(i) reports results
                Shr \(n(90)) cts vs \(n(90)) cts
                Net \(n(900)),\(100 + n(800)),000 vs \(n(900)),\(100 + n(800)),000
                Revs \(n(90)).\(n(9)) mln vs \(n(90)).\(n(9)) mln
                Nine months Shr \(n(9)).\(n(90)) dlrs vs \(n(9)).\(n(90)) dlrs
                Note: full name of company is company \(i) inc. Figures in U.S. dollars.
                """
            articles.append(Article(id: "r\(i)", text: text, title: "Company \(i) reports results", url: "https://wire.example/\(i)"))
        }
        // Two copies of one report (one reformats a figure) are still a copy.
        var copy = articles[3]
        copy.id = "r3-copy"
        copy.url = "https://other.example/3"
        articles.append(copy)
        let result = try ScanEngine(rules: .empty).scan(articles)
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        for i in 0..<12 where i != 3 { #expect(byId["r\(i)"]?.kind == .keep, "r\(i): \(byId["r\(i)"]?.reasons ?? [])") }
        // The copy and its report form one cluster (the fuller one, without the site's note, leads).
        #expect(byId["r3"]?.canonical == "r3-copy" || byId["r3-copy"]?.canonical == "r3")
        #expect(result.decisions.filter { $0.kind == .keep }.count == 12)
    }

    /// A short notice with a figure in every sentence is a report, though its words outnumber
    /// its figures ten to one; long prose with as many figures is not.
    @Test func shortNoticesAreReports() {
        func fp(_ s: String) -> Fingerprint {
            var f = Fingerprint.of(chunks: [Support.normalized(s)[...]])
            f.figures = figures(s)
            return f
        }
        let notice = fp("Sterling Industries said it raised the price it will pay for all grades of crude oil by 75 cts a barrel, effective Nov 2. The change brings its posted price for North Slope to 16.05 dlrs a barrel. Sweet is now posted at 15.25 dlrs. The price was last changed on Feb 14, when it was cut 50 cts.")
        #expect(Figures.isReport(notice))
        let prose = fp(Pages.body(seed: 3, paragraphs: 6).joined(separator: " ") + " 1 2 3 4")
        #expect(!Figures.isReport(prose))
    }

    /// A report whose text is another's but for one figure is never merged; the later of the
    /// two goes to review, naming the other (a correction, or a copy with a changed number).
    @Test func aChangedFigureAsksForReviewNotAMerge() throws {
        _ = Support.ready
        let rows = ["据滨海市农产品批发市场监测，2月19日主要品种批发均价如下：", "洋葱 25.13元/公斤，较前一日上涨8.1%", "芹菜 24.25元/公斤，较前一日上涨9.0%",
                    "生姜 34.94元/公斤，较前一日下跌11.4%", "大蒜 11.64元/公斤，较前一日下跌12.4%"]
        var changed = rows
        changed[2] = "芹菜 24.99元/公斤，较前一日上涨9.0%"
        let a = Article(id: "a", text: rows.joined(separator: "\n"), title: "滨海2月19日农产品批发价格行情", url: "https://a.example.cn/1",
                        publishedAt: "2025-02-19 10:00:00")
        let b = Article(id: "b", text: changed.joined(separator: "\n"), title: "滨海2月19日农产品批发价格行情", url: "https://b.example.cn/2",
                        publishedAt: "2025-02-19 11:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions[0].kind == .keep && result.decisions[0].canonical == "a", "\(result.decisions.map(\.reasons))")
        #expect(result.decisions[1].kind == .review && result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[1].reasons.first?.contains("reads like a copy of a, but its figures differ") == true)
    }

    /// Names are content too: the same forecast figures for another city make another report.
    @Test func reportsForAnotherPlaceAreNotCopies() throws {
        _ = Support.ready
        let rows = ["今天白天，多云，最高气温9℃，西风2到4级。", "今天夜间，小雨，最低气温-1℃。", "明天，雷阵雨，气温1～11℃。", "相对湿度48%，降水概率30%。"]
        let a = Article(id: "sy", text: rows.joined(separator: "\n"), title: "沈阳天气预报（8月11日）", url: "https://a.example.cn/1")
        let b = Article(id: "wh", text: rows.joined(separator: "\n") + "\n（完）", title: "武汉天气预报（8月11日）", url: "https://b.example.cn/2")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    @Test func numberedMatchReportsAreNotCopies() throws {
        _ = Support.ready
        let a = Article(id: "m1", text: "第1场：主队以3比1战胜客队，全场比赛观众超过两万人，气氛热烈。", title: "第1场比赛结果")
        let b = Article(id: "m2", text: "第2场：主队以3比1战胜客队，全场比赛观众超过两万人，气氛热烈。", title: "第2场比赛结果")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.kind == .keep })
    }
}
