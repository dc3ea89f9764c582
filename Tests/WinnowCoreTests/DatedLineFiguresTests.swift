import Testing
@testable import WinnowCore

/// A short dated line says when a report was issued, which a repost may restate; the sentences
/// a copy ran into it before the date are the report's, and their figures count.
struct DatedLineFiguresTests {
    @Test func aDatedLineKeepsItsUndatedSentences() {
        let line = Array("相对湿度57%，降水概率90%。发布单位：沈阳市气象台　发布时间：11月19日6时".utf8)
        let kept = ArticleAnalyzer.undatedSentences(of: line[...]).map { String(decoding: $0, as: UTF8.self) }
        #expect(kept == ["相对湿度57%，降水概率90%。"])
        let english = Array("Chance of rain 40%. Issued 2024-11-19 06:00".utf8)
        #expect(ArticleAnalyzer.undatedSentences(of: english[...]).map { String(decoding: $0, as: UTF8.self) } == ["Chance of rain 40%."])
        // A decimal point cuts nothing, and a line that is all date keeps nothing.
        let decimal = Array("每升7.51元。2016年9月21日".utf8)
        #expect(ArticleAnalyzer.undatedSentences(of: decimal[...]).map { String(decoding: $0, as: UTF8.self) } == ["每升7.51元。"])
        #expect(ArticleAnalyzer.undatedSentences(of: Array("2016年9月21日".utf8)[...]).isEmpty)
    }

    /// Two forecasts alike but for the chance of rain, which both glued into the line that says
    /// when they were issued: another forecast, not a copy.
    @Test func aFigureBeforeTheIssueDateTellsReportsApart() throws {
        _ = Support.ready
        let title = "沈阳天气预报（11月19日）"
        func forecast(_ id: String, rain: Int, site: String, at time: String) -> Article {
            let lines = [title, "今天白天，中雨，最高气温22℃，东风2到6级。", "今天夜间，雨夹雪，最低气温11℃。", "明天，阴，气温12～19℃。",
                         "相对湿度57%，降水概率\(rain)%。发布单位：沈阳市气象台　发布时间：11月19日6时"]
            return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(site)/\(id)", publishedAt: time)
        }
        let result = try ScanEngine(rules: .empty).scan([forecast("a", rain: 90, site: "a.example.cn", at: "2024-11-19 07:00:00"),
                                                         forecast("b", rain: 17, site: "b.example.cn", at: "2024-11-19 08:00:00"),
                                                         forecast("c", rain: 90, site: "c.example.cn", at: "2024-11-19 09:00:00")])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
