import Testing
@testable import WinnowCore

/// Figures in context: a report whose figures swap places states the same numbers, not the same
/// numbers after the same words.
struct FiguresInContextTests {
    func contexts(_ lines: [String]) -> [UInt64] { Figures.inContext(chunks: lines.map { Support.normalized($0)[...] }) }
    func plain(_ lines: [String]) -> [UInt64] { Figures.of(chunks: lines.map { Support.normalized($0)[...] }) }

    @Test func contextHashesAreStable() {
        // Stored in the archive and compared across runs: pinned.
        #expect(contexts(["High 91F"]) == [0xAA49_34F8_37CA_1449])
        #expect(contexts(["以3比4"]).count == 2)
    }

    @Test func swappedFiguresDifferInContextOnly() {
        let a = ["进球：陈一鸣（第7分钟）", "全场数据：射门18比10"], b = ["进球：陈一鸣（第10分钟）", "全场数据：射门18比7"]
        #expect(plain(a) == plain(b))
        #expect(contexts(a) != contexts(b))
        #expect(contexts(["High 91F, low 78F.", "High 91F."]) != contexts(["High 93F, low 78F.", "High 91F."]))
    }

    @Test func copiesStateTheSameContexts() {
        // Reformatted numbers, full-width forms and Traditional characters.
        #expect(contexts(["营业总收入：80,097.99万元，上年同期44,522.49万元"]) == contexts(["營業總收入：８００９７.９９萬元，上年同期44522.49萬元"]))
        // Lines collapsed by a listing, words glued where the line breaks were.
        let rows = ["Silver 474.75 (464.47) dlrs an ounce", "Wheat 278.09 (291.66) dlrs a bushel", "Gold 454.29 (464.59) dlrs an ounce"]
        #expect(contexts(rows) == contexts([rows.joined(separator: " ")]))
        #expect(contexts(rows) == contexts([rows.joined()]))
        // A sentence dropped before a number that opens the next one: the boundary is its context.
        #expect(contexts(["一季度流动性合理充裕。3月末，货币供应量同比增长9.7%。"]) == contexts(["3月末，货币供应量同比增长9.7%。"]))
    }

    /// Two score reports on one template whose figures are the same set in other places are
    /// two reports; the same report with its digits written full-width is a copy.
    @Test func reportsWithSwappedFiguresAreNotMerged() throws {
        _ = Support.ready
        let title = "长沙星辰主场不敌南京飞龙"
        func report(_ minute: Int, _ shots: Int) -> String {
            [title, "北京时间10月23日，城市足球联赛第22轮一场比赛在长沙体育中心进行，长沙星辰主场以0比1不敌南京飞龙。", "进球：陈一鸣（第\(minute)分钟）",
             "全场数据：射门18比\(shots)，控球率43%比57%。", "本轮过后，长沙星辰积40分，暂列积分榜第1位。"].joined(separator: "\n")
        }
        let a = Article(id: "a", text: report(7, 10), title: title, url: "https://a.example.cn/1", publishedAt: "2025-10-23 22:00:00")
        let b = Article(id: "b", text: report(10, 7), title: title, url: "https://b.example.cn/2", publishedAt: "2025-10-23 23:00:00")
        let copy = Article(id: "c", text: report(7, 10).replacingOccurrences(of: "18", with: "１８"), title: title,
                           url: "https://c.example.cn/3", publishedAt: "2025-10-24 08:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, copy])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }

    /// Two forecasts for one city that differ only in the sunrise time are two forecasts: a clock
    /// time without a date is a figure, though a page's timestamp is not.
    @Test func forecastsDifferingInASunriseAreNotMerged() throws {
        _ = Support.ready
        let title = "Weather forecast for Tulsa"
        func forecast(_ sunrise: String, stamp: String) -> String {
            [title, stamp, "Today: Light rain. High 98F (37C). Winds W at 17 mph.", "Tonight: Light rain. Low 85F.",
             "Thursday: Snow showers. High 104F, low 87F.", "Chance of precipitation: 30%", "Sunrise \(sunrise) a.m., sunset 5:31 p.m."]
                .joined(separator: "\n")
        }
        let a = Article(id: "a", text: forecast("7:52", stamp: "2025-11-03 06:00"), title: title, url: "https://a.example.com/1")
        let b = Article(id: "b", text: forecast("7:54", stamp: "2025-11-04 06:00"), title: title, url: "https://b.example.com/1")
        let copy = Article(id: "c", text: forecast("7:52", stamp: "2025-11-03 09:30"), title: title, url: "https://c.example.com/1")
        let result = try ScanEngine(rules: .empty).scan([a, b, copy])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
