import Testing
@testable import WinnowCore

/// Two reports on one template that differ only in their year's line are two reports. A copy
/// of the quarter's table alone holds what both state: which one it copies, its text cannot
/// tell, so it is merged into neither but sent to review, naming both.
struct TwinReportCopyTests {
    static let quarter = ["COBALT ENERGY CO <COBE> 4TH QTR NET", "Shr 78 cts vs 6.20 dlrs", "Net 33.4 mln vs 35.0 mln",
                          "Revs 60,186,221 vs 16,443,822", "Avg shrs 46,040,479 vs 17,148,993"]

    static func report(_ id: String, yearShare: Int, site: String, at time: String) -> Article {
        let lines = quarter + ["Year", "Shr \(yearShare) cts vs 20 cts", "Net 18.5 mln vs 29.6 mln", "Revs 12,753,303 vs 65,519,034"]
        return Article(id: id, text: lines.joined(separator: "\n"), title: quarter[0], url: "https://\(site)/\(id)", publishedAt: time)
    }

    @Test func aCopyOfWhatTwinsShareIsReviewedNotMerged() throws {
        let a = Self.report("a", yearShare: 28, site: "a.example.com", at: "2024-03-01 10:00:00")
        let b = Self.report("b", yearShare: 75, site: "b.example.com", at: "2024-03-01 11:00:00")
        let copy = Self.report("copy", yearShare: 28, site: "c.example.com", at: "2024-03-01 12:00:00")
        let part = Article(id: "part", text: Self.quarter.joined(separator: "\n"), title: Self.quarter[0], url: "https://d.example.com/part",
                           publishedAt: "2024-03-01 13:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, copy, part])
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(byId["b"]?.canonical == "b" && byId["copy"]?.canonical == "a", "\(result.decisions.map(\.reasons))")
        let reasons = byId["part"]?.reasons.joined() ?? ""
        #expect(byId["part"]?.kind == .review && byId["part"]?.canonical == "part", "\(reasons)")
        #expect(reasons.contains("a") && reasons.contains("b") && reasons.contains("cannot tell"), "\(reasons)")
    }

    /// A twin whose year's share is one the quarter states too ("Shr 78 cts"): as sets its
    /// figures are within the report's, yet in order neither is within the other.
    @Test func aTwinWhoseFigureStandsElsewhereIsATwinToo() throws {
        let a = Self.report("a", yearShare: 28, site: "a.example.com", at: "2024-03-01 10:00:00")
        let b = Self.report("b", yearShare: 78, site: "b.example.com", at: "2024-03-01 11:00:00")
        let part = Article(id: "part", text: Self.quarter.joined(separator: "\n"), title: Self.quarter[0], url: "https://d.example.com/part",
                           publishedAt: "2024-03-01 13:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, part])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "part", "\(result.decisions[2].reasons)")
    }

    /// Two price tables of one day that share their opening rows and no more: a copy of those
    /// rows alone could be either's.
    @Test func aCopyOfTheRowsTwoReportsShareIsReviewed() throws {
        let title = "SPOT COMMODITY PRICES - NOV 27"
        let opening = [title, "Closing spot prices on Friday (previous in brackets):", "Wheat 4.12 (4.05) dlrs a bushel",
                       "Corn 3.21 (3.19) dlrs a bushel", "Oats 2.75 (2.71) dlrs a bushel"]
        let metals = ["Gold 1,812.50 (1,806.20) dlrs an ounce", "Silver 23.41 (23.12) dlrs an ounce", "Copper 3.92 (3.88) dlrs a lb",
                      "Platinum 941.00 (936.50) dlrs an ounce", "Zinc 1.21 (1.19) dlrs a lb", "Lead 0.98 (0.97) dlrs a lb"]
        let softs = ["Soybeans 9.52 (9.42) dlrs a bushel", "Heating oil 2.60 (2.95) dlrs a gallon", "Cotton 71.2 (70.8) cts a lb",
                     "Sugar 18.3 (18.1) cts a lb", "Coffee 142.5 (139.0) cts a lb", "Cocoa 2,410 (2,395) dlrs a tonne"]
        func page(_ id: String, _ lines: [String], _ time: String) -> Article {
            Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/prices", publishedAt: time)
        }
        let result = try ScanEngine(rules: .empty).scan([page("a", opening + metals, "2024-11-27 18:00:00"),
                                                         page("b", opening + softs, "2024-11-27 18:05:00"),
                                                         page("part", opening, "2024-11-27 19:00:00")])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        let reasons = result.decisions[2].reasons.joined()
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "part", "\(reasons)")
    }

    /// Without the twin, the copy of the quarter is a partial copy of its report, as ever.
    @Test func aCopyOfOneReportIsMerged() throws {
        let a = Self.report("a", yearShare: 28, site: "a.example.com", at: "2024-03-01 10:00:00")
        let part = Article(id: "part", text: Self.quarter.joined(separator: "\n"), title: Self.quarter[0], url: "https://d.example.com/part",
                           publishedAt: "2024-03-01 13:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, part])
        #expect(result.decisions[1].kind == .merge && result.decisions[1].canonical == "a", "\(result.decisions[1].reasons)")
    }

    /// A forecast of many rows, and its copy that lost one short row: nearly as large, so a near
    /// duplicate, stating only the forecast's figures. Its twin (humidity changed, a sign-off
    /// added) holds them as well: which one it copies, its text cannot tell.
    static let forecast = ["今天白天，小雪，最高气温15℃，西风2到5级。", "今天夜间，雷阵雨，最低气温6℃。", "明天，多云转晴，气温6～17℃。",
                           "后天，晴，气温4～16℃，北风1到3级。", "空气质量：良，首要污染物PM10。", "紫外线指数：3，适宜外出活动。",
                           "相对湿度46%，降水概率50%。", "发布单位：广州市气象台"]

    @Test func aNearDuplicateThatLostARowOfWhatTwinsShareIsReviewed() throws {
        let title = "1月28日广州天气"
        func page(_ id: String, _ rows: [String], _ time: String) -> Article {
            Article(id: id, text: ([title] + rows).joined(separator: "\n"), title: title, url: "https://\(id).example.cn/w", publishedAt: time)
        }
        let original = page("original", Self.forecast, "2024-01-28 17:00:00")
        let twin = page("twin", Self.forecast.map { $0.replacingOccurrences(of: "46%", with: "47%") } + ["（完）"], "2024-01-28 18:00:00")
        let lost = page("lost", Self.forecast.filter { !$0.hasPrefix("相对湿度") }, "2024-01-28 19:00:00")
        let result = try ScanEngine(rules: .empty).scan([original, twin, lost])
        #expect(result.decisions[1].canonical == "twin", "\(result.decisions[1].reasons)")
        let reasons = result.decisions[2].reasons.joined()
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "lost", "\(reasons)")
        #expect(reasons.contains("original") && reasons.contains("twin") && reasons.contains("cannot tell"), "\(reasons)")
    }
    /// A match report and its twin that names another place in the table ("第6位" / "第3位",
    /// both figures stated elsewhere in each), reworded at the end of a line of its opening: two reports.
    /// A copy of their opening, closer to the first by those words only, could be either's.
    @Test func aCopyCloserToOneTwinByAWordOnlyIsReviewed() throws {
        let title = "职业篮球联赛第2轮：郑州星辰4比3战胜青岛星辰"
        let opening = ["北京时间3月25日，职业篮球联赛第2轮一场比赛在郑州体育中心进行，郑州星辰主场以4比3战胜青岛星辰。",
                       "进球：刘子轩（第33分钟）、赵天宇（第14分钟）、陈一鸣（第6分钟）、吴昊（第11分钟）、杨帆（第22分钟）",
                       "赛后主教练表示，球队上下一心，全场发挥出色。"]
        func page(_ id: String, _ lines: [String], _ time: String) -> Article {
            Article(id: id, text: ([title] + lines).joined(separator: "\n"), title: title, url: "https://\(id).example.cn/m", publishedAt: time)
        }
        func report(place: Int) -> [String] {
            opening + ["全场数据：射门23比24，控球率52%比48%。", "本轮过后，郑州星辰积65分，暂列积分榜第\(place)位。"]
        }
        let result = try ScanEngine(rules: .empty).scan([
            page("a", report(place: 6), "2024-03-25 20:00:00"),
            page("b", report(place: 3).map { $0.replacingOccurrences(of: "全场发挥出色", with: "表现可圈可点") }, "2024-03-25 21:00:00"),
            page("part", opening, "2024-03-25 22:00:00"),
        ])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "part", "\(result.decisions[2].reasons)")
    }
    /// Twins under one headline kept under a copy's thresholds by lines run together, a note and
    /// two lines more on one side: still twins for a copy of what they share, which is reviewed
    /// (the twins themselves, so far apart, are not).
    @Test func twinsUnderACopysThresholdsStillMakeTheirCopyAmbiguous() throws {
        let title = "KESTREL INDUSTRIES INC <KESI> 4TH QTR NET"
        let quarter = ["Shr 4.90 dlrs vs 5.33 dlrs", "Net 78,823,853 vs 83.9 mln", "Sales 38,062,325 vs 64,155,509"]
        let year = ["Year", "Shr 7 cts vs 3.40 dlrs", "Net 84.8 mln vs 34,870,514", "Revs 37.8 mln vs 72,556,471"]
        func page(_ id: String, _ lines: [String], _ time: String) -> Article {
            Article(id: id, text: ([title] + lines).joined(separator: "\n"), title: title, url: "https://\(id).example.com/k", publishedAt: time)
        }
        let a = page("a", quarter + year + ["Avg shrs 41,220,030 vs 40,118,900", "NOTE: Prior year restated for discontinued operations."],
                     "2024-03-01 10:00:00")
        let b = page("b", [quarter[0] + " " + quarter[1], quarter[2]] + year.map { $0.replacingOccurrences(of: "84.8", with: "88.8") }
                     + ["(Editing by Jo Lee)"], "2024-03-01 11:00:00")
        let part = page("part", quarter + year.prefix(2), "2024-03-01 12:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, part])
        #expect(result.decisions[1].kind == .keep, "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "part", "\(result.decisions[2].reasons)")
    }

    /// A copy cut before the only line where two forecasts differ, its rows run together: a near
    /// duplicate of one by a hair, just under the threshold of the other (the line it glued
    /// weighs differently), yet holding as much of each and stating only figures both state.
    /// Which one it copies, its text cannot tell.
    @Test func aCopyJustUnderTheThresholdOfTheTwinIsStillReviewed() throws {
        let title = "Weather forecast for Seattle"
        let rows = ["Today: Partly cloudy. High 22F (-6C). Winds S at 27 mph.", "Tonight: Mostly sunny. Low 8F.", "Sunday: Cloudy. High 15F, low 9F."]
        func forecast(_ id: String, precipitation: Int, at time: String) -> Article {
            let lines = [title] + rows + ["Chance of precipitation: \(precipitation)%", "Sunrise 5:39 a.m., sunset 4:56 p.m."]
            return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/weather", publishedAt: time)
        }
        let copy = Article(id: "copy", text: [title, rows[0] + " " + rows[1], rows[2], "Sponsored", "Story continues below"].joined(separator: "\n"),
                           title: title, url: "https://c.example.co.uk/copy", publishedAt: "2024-01-06 09:00:00")
        let a = forecast("a", precipitation: 50, at: "2024-01-06 06:00:00"), b = forecast("b", precipitation: 30, at: "2024-01-06 07:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, copy])
        let reasons = result.decisions[2].reasons.joined()
        #expect(result.decisions[2].kind == .review && result.decisions[2].canonical == "copy", "\(reasons)")
        #expect(reasons.contains("cannot tell"), "\(reasons)")
        // Beside one forecast alone, it is that forecast's copy.
        let alone = try ScanEngine(rules: .empty).scan([a, copy])
        #expect(alone.decisions[1].kind == .merge && alone.decisions[1].canonical == "a", "\(alone.decisions[1].reasons)")
    }
}
