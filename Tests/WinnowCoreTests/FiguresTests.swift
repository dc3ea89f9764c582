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
        func fp(_ lines: [String]) -> Fingerprint {
            var f = Fingerprint.of(chunks: lines.map { Support.normalized($0)[...] })
            f.figures = Figures.of(chunks: lines.map { Support.normalized($0)[...] })
            return f
        }
        let notice = fp(["Sterling Industries said it raised the price it will pay for all grades of crude oil by 75 cts a barrel, effective Nov 2.",
                         "The change brings its posted price for North Slope to 16.05 dlrs a barrel.", "Sweet is now posted at 15.25 dlrs.",
                         "The price was last changed on Feb 14, when it was cut 50 cts."])
        #expect(Figures.isReport(notice))
        let prose = fp(Pages.body(seed: 3, paragraphs: 6) + ["1 2 3 4"])
        #expect(!Figures.isReport(prose))
    }

    /// Density is figures per word: a Chinese word is one to two characters, so an earnings
    /// notice of 230 characters and 15 figures is as dense as its English twin.
    @Test func chineseReportsCountWordsNotCharacters() {
        let lines = ["证券代码：601103　证券简称：金穗机械　公告编号：2015-011", "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
                     "营业总收入：80,097.99万元，上年同期44,522.49万元，增减变动幅度24.33%", "归属于上市公司股东的净利润：77,343.98万元，上年同期22,113.14万元，增减变动幅度-46.60%",
                     "基本每股收益：0.86元，上年同期0.45元", "加权平均净资产收益率：14.89%，上年同期5.84%", "总资产：79,699.60万元，较报告期初增长19.26%",
                     "本次业绩快报数据未经会计师事务所审计，最终数据以公司正式披露的定期报告为准。", "特此公告。"]
        let chunks = lines.map { Support.normalized($0)[...] }
        var f = Fingerprint.of(chunks: chunks)
        f.figures = Figures.of(chunks: chunks)
        #expect(f.ideographs > f.tokens / 2 && f.paragraphTokens == 0)
        #expect(Figures.words(f) < Double(f.tokens) * 0.8)
        #expect(Figures.isReport(f))
        // Read one token per character, as before, it is prose.
        f.ideographs = 0
        #expect(!Figures.isReport(f))
    }

    /// News full of statistics runs in paragraphs: prose, whose copy with one number changed
    /// is still a copy; the same figures on short lines are a report, whose copy is not.
    @Test func paragraphsOfStatisticsAreProse() throws {
        _ = Support.ready
        let paragraphs = ["国家统计局今天（1月12日）发布的数据显示，2023年全年，我国居民消费价格指数同比上涨0.2%，从具体类别看，衣着、生活用品及服务、教育文化娱乐等六大类价格同比均有所上涨，我国居民消费需求持续恢复，市场供求关系总体平稳。",
                          "从12月份单月看，受节前消费需求增加、部分地区低温天气等因素影响，居民消费价格指数环比由上月下降0.5%转为上涨0.1%，同比降幅比上月收窄0.2个百分点，其中食品价格降幅有所收窄。",
                          "2023年全年，全国工业生产者出厂价格指数比上年下降3%，其中12月份同比下降2.7%，降幅比上月收窄0.3个百分点；工业生产者购进价格指数同比下降3.7%，环比下降0.3%，降幅均有所收窄。"]
        var changed = paragraphs
        changed[1] = changed[1].replacingOccurrences(of: "12月份", with: "11月份")
        let title = "2023年全年全国居民消费价格指数同比上涨0.2%"
        let a = Article(id: "a", text: paragraphs.joined(separator: "\n"), title: title, url: "https://a.example.cn/1", publishedAt: "2024-01-12 10:00:00")
        let b = Article(id: "b", text: changed.joined(separator: "\n"), title: title, url: "https://b.example.cn/2", publishedAt: "2024-01-12 11:00:00")
        let prose = try ScanEngine(rules: .empty).scan([a, b])
        #expect(prose.decisions[1].kind == .merge && prose.decisions[1].canonical == "a", "\(prose.decisions.map(\.reasons))")
        // The same sentences cut into short lines read as a table of figures: another report
        // (the last two paragraphs: a short text dense in figures).
        func rows(_ ps: [String]) -> String { ps.dropFirst().flatMap { $0.split(separator: "，").map(String.init) }.joined(separator: "\n") }
        let ra = Article(id: "ra", text: rows(paragraphs), title: title, url: "https://a.example.cn/3", publishedAt: "2024-01-12 10:00:00")
        let rb = Article(id: "rb", text: rows(changed), title: title, url: "https://b.example.cn/4", publishedAt: "2024-01-12 11:00:00")
        let report = try ScanEngine(rules: .empty).scan([ra, rb])
        #expect(report.decisions[1].kind == .review, "\(report.decisions.map(\.reasons))")
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

    /// A dividend notice of two rows states two figures: a report all the same, so a notice
    /// that pays on another day is another notice (at most a review), and a copy of one is a copy.
    @Test func twoRowNoticesWithAnotherDateAreNotCopies() throws {
        _ = Support.ready
        let title = "EASTFIELD CORP <EASC> DECLARES DIVIDEND"
        func notice(_ id: String, pay: Int, note: String? = nil) -> Article {
            let rows = ["Qtly div 54 cts vs 54 cts prior", "Pay Oct \(pay)"] + (note.map { [$0] } ?? [])
            return Article(id: id, text: ([title] + rows).joined(separator: "\n"), title: title, url: "https://\(id).example.com/d")
        }
        let result = try ScanEngine(rules: .empty).scan([notice("a", pay: 21), notice("b", pay: 25), notice("c", pay: 21, note: "(Editing by Jo Lee)")])
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(byId["b"]?.canonical == "b", "\(result.decisions.map(\.reasons))")
        #expect(byId["a"]?.canonical == byId["c"]?.canonical, "\(result.decisions.map(\.reasons))")
        #expect(Figures.isReport(result.analyses[0].fingerprint))
    }

    @Test func numberedMatchReportsAreNotCopies() throws {
        _ = Support.ready
        let a = Article(id: "m1", text: "第1场：主队以3比1战胜客队，全场比赛观众超过两万人，气氛热烈。", title: "第1场比赛结果")
        let b = Article(id: "m2", text: "第2场：主队以3比1战胜客队，全场比赛观众超过两万人，气氛热烈。", title: "第2场比赛结果")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.kind == .keep })
    }
}
