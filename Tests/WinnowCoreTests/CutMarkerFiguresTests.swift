import Testing
@testable import WinnowCore

/// A listing's cut can shorten the last figure before its mark ("Revs 84.…"), never change a
/// figure: the lead line's letter windows are read without the cut marker, so every window
/// around a figure must stand in the article's opening.
struct CutMarkerFiguresTests {
    @Test func theMarkerIsLeftOut() {
        func stripped(_ s: String) -> [UInt8] { Array(LineShape.withoutCutMarker(Support.normalized(s)[...])) }
        func same(_ s: String) -> [UInt8] { Support.normalized(s) }
        #expect(stripped("Shr 11 cts vs loss 1.15 dlrs (more)") == same("Shr 11 cts vs loss 1.15 dlrs "))
        #expect(stripped("今天白天，多云转晴，最高气温4℃更多>>") == same("今天白天，多云转晴，最高气温4℃"))
        #expect(stripped("Net 65.0 mln…Read more") == same("Net 65.0 mln"))
        #expect(stripped("Net 65.0 mln [...]") == same("Net 65.0 mln "))
        #expect(stripped("a line that ends with one more") == same("a line that ends with one more"))
    }

    static let forecast = ["今天白天，多云转晴，最高气温4℃，东北风1到6级。", "今天夜间，晴转多云，最低气温-5℃。", "明天，小雪，气温-8～1℃。",
                           "相对湿度41%，降水概率60%。"]

    func excerpt(_ id: String, _ line: String) -> Article {
        Article(id: id, text: ["4月24日广州天气", line, "本站信息仅供参考。"].joined(separator: "\n"), title: "4月24日广州天气",
                url: "https://tiny\(id).example.cn/1")
    }

    @Test func aCutShortensAFigureButNeverChangesIt() throws {
        let article = Article(id: "full", text: (["4月24日广州天气"] + Self.forecast).joined(separator: "\n"), title: "4月24日广州天气",
                              url: "https://a.example.cn/1")
        let glued = Self.forecast.joined()
        let shortened = excerpt("cut", String(glued.dropLast(3)) + "更多>>")     // "…降水概率6" of 60%
        let changed = excerpt("changed", String(glued.dropLast(4)) + "93更多>>")  // 93 where the forecast says 60
        let result = try ScanEngine(rules: .empty).scan([article, shortened, changed])
        #expect(result.decisions[1].canonical == "full", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "changed", "\(result.decisions[2].reasons)")
    }
    /// Two excerpt pages of dividend notices under one headline, as dense in figures as
    /// reports, that state another prior dividend: excerpts of two notices, not one.
    @Test func excerptPagesOfReportsWithOtherFiguresAreNotLinked() throws {
        let title = "WHITCOMB FINANCIAL CORP <WHIF> RAISES DIVIDEND"
        func page(_ id: String, prior: Int) -> Article {
            let lines = ["Home > Business", title, "Qtly div 33 cts vs \(prior) cts priorPay May 8Record July[…]", "Comments are closed for this article."]
            return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/d")
        }
        let result = try ScanEngine(rules: .empty).scan([page("x", prior: 30), page("y", prior: 57)])
        let excerpts = result.analyses.filter { $0.isExcerpt }.count
        let alone = result.decisions.filter { $0.canonical == $0.id }.count
        #expect(excerpts == 2)
        #expect(alone == 2, "\(result.decisions.map(\.reasons))")
    }
}
