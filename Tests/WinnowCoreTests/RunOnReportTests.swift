import Testing
@testable import WinnowCore

/// A score report whose lines a site ran together into one paragraph, or partly so, is still a
/// report: a figure every few words. Two such texts that differ in one scorer's minute are two reports,
/// while news prose with a number changed stays a copy (`FiguresTests.paragraphsOfStatisticsAreProse`).
struct RunOnReportTests {
    static func score(minute: Int) -> String {
        ["北京时间11月1日，超级联赛第28轮一场比赛在长春体育中心进行，长春海港主场以3比2战胜深圳铁军。进球：王志远（第\(minute)分钟）、吴昊（第69分钟）、赵天宇（第21分钟）、杨帆（第47分钟）、周博文（第18分钟）",
         "全场数据：射门16比16，控球率43%比57%。",
         "本轮过后，长春海港积69分，暂列积分榜第5位。"].joined(separator: "\n")
    }

    /// The fingerprint of a text's lines with their figures (what `Figures` asks of it).
    static func fingerprint(_ text: String) -> Fingerprint {
        let chunks = text.split(separator: "\n").map { Support.normalized(String($0))[...] }
        var f = Fingerprint.of(chunks: chunks)
        f.figures = Figures.of(chunks: chunks)
        return f
    }

    /// Scans a report, its twin and the report again (three sites), and checks that the twin is
    /// a review of its own and the copy the report's.
    static func expectTwinApartAndCopyMerged(title: String, report: String, twin: String) throws {
        let dates = ["2021-11-01 22:00:00", "2021-11-01 23:00:00", "2021-11-02 08:00:00"]
        let articles = zip(["a", "b", "c"], [report, twin, report]).enumerated().map { i, pair in
            Article(id: pair.0, text: pair.1, title: title, url: "https://\(pair.0).example.cn/\(i)", publishedAt: dates[i])
        }
        let result = try ScanEngine(rules: .empty).scan(articles)
        #expect(result.decisions[1].kind == .review && result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }

    @Test func aScoreRunTogetherIsARunOnReport() {
        let f = Self.fingerprint(Self.score(minute: 56))
        #expect(!Figures.isReport(f) && !Figures.isProse(f))
        #expect(Figures.isRunOnReport(f))
    }

    @Test func runOnReportsWithAnotherMinuteAreNotMerged() throws {
        let title = "长春海港主场战胜深圳铁军"
        try Self.expectTwinApartAndCopyMerged(title: title, report: title + "\n" + Self.score(minute: 56), twin: title + "\n" + Self.score(minute: 55))
    }

    /// A match report whose opening sentence and scorers' list run as paragraphs while its
    /// statistics stay rows: a figure every seven words or so.
    static func draw(minute: Int) -> String {
        ["城市足球联赛第7轮：西安猎豹2比2战平济南星辰",
         "北京时间3月4日，城市足球联赛第7轮一场比赛在西安体育中心进行，西安猎豹主场以2比2战平济南星辰。双方在上半场均有多次破门良机，下半场比赛节奏明显加快，主队凭借边路进攻多次制造威胁，客队则依靠反击扳平比分。",
         "进球：周博文（第12分钟）、李承泽（第35分钟）、黄俊杰（第58分钟）、杨帆（第\(minute)分钟）、周博文（第63分钟）、吴昊（第81分钟）、李承泽（第86分钟）、黄俊杰（第90分钟）",
         "全场数据：射门9比11，控球率48%比52%。",
         "本轮过后，西安猎豹积30分，暂列积分榜第8位。"].joined(separator: "\n")
    }

    @Test func aReportPartlyInParagraphsIsARunOnReportAtALowerDensity() {
        let f = Self.fingerprint(Self.draw(minute: 77))
        let density = Double(f.figures.count) / Figures.words(f)
        #expect(!Figures.isReport(f) && !Figures.isProse(f))
        #expect(density < Figures.runOnReportDensity && density >= Figures.partlyRunOnReportDensity)
        #expect(Figures.isRunOnReport(f))
    }

    @Test func reportsPartlyInParagraphsWithAnotherMinuteAreNotMerged() throws {
        try Self.expectTwinApartAndCopyMerged(title: "城市足球联赛第7轮：西安猎豹2比2战平济南星辰",
                                              report: Self.draw(minute: 77), twin: Self.draw(minute: 71))
    }

    @Test func aGluedExcerptWithAnotherFigureIsNoCopyOfTheReport() throws {
        // A listing ran a forecast's lines together into one paragraph: still a report, so one
        // changed temperature makes another forecast (at most a review), not a partial copy.
        let title = "Weather forecast for Portland"
        let lines = ["Today: Showers. High 88F (30C). Winds NE at 14 mph.", "Tonight: Thunderstorms. Low 80F.",
                     "Wednesday: Showers. High 83F, low 78F.", "Chance of precipitation: 80%", "Sunrise 4:28 a.m., sunset 7:34 p.m."]
        let report = Article(id: "a", text: ([title] + lines).joined(separator: "\n"), title: title, url: "https://a.example.com/w")
        let glued = lines.joined().replacingOccurrences(of: "88F", with: "86F")
        let other = Article(id: "b", text: title + "\n" + glued, title: title, url: "https://b.example.com/w")
        let result = try ScanEngine(rules: .empty).scan([report, other])
        #expect(result.decisions[1].kind != .merge, "\(result.decisions[1].reasons)")
    }

    /// A forecast in rows, and the same forecast as a listing glued it into one paragraph: a
    /// figure every seven words or so, one of them said twice ("Low 58F … low 58F"), so under the
    /// run-on density, yet as dense as a report.
    static let forecastRows = ["Today: Morning clouds giving way to sun. High 74F (23C). Winds W at 9 mph, gusting later.",
                               "Tonight: Clear and calm. Low 58F.", "Saturday: Sunny and warmer. High 79F, low 58F.",
                               "UV index: 6. Pollen: moderate, grasses."]

    @Test func aForecastGluedIntoAParagraphIsAGluedReport() {
        let f = Self.fingerprint(Self.forecastRows.joined())
        #expect(Figures.isProse(f) && !Figures.isRunOnReport(f))
        #expect(Figures.isGluedReport(f))
    }

    @Test func aGluedForecastWithAnotherFigureIsNoCopyOfTheForecastInRows() throws {
        // Beside the forecast in rows, the glued one is compared as a report: one changed high makes
        // another forecast (a review), while the glued copy that states the same figures is a copy.
        let title = "Springfield forecast for Friday"
        let rows = Article(id: "a", text: ([title] + Self.forecastRows).joined(separator: "\n"), title: title, url: "https://a.example.com/w")
        let glued = Self.forecastRows.joined()
        let changed = Article(id: "b", text: title + "\n" + glued.replacingOccurrences(of: "79F", with: "31F"), title: title, url: "https://b.example.com/w")
        let copy = Article(id: "c", text: title + "\n" + glued, title: title, url: "https://c.example.com/w")
        let result = try ScanEngine(rules: .empty).scan([rows, changed, copy])
        #expect(result.decisions[1].kind != .merge, "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
