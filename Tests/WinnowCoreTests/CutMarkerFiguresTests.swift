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
}
