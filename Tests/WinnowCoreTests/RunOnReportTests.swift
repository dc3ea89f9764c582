import Testing
@testable import WinnowCore

/// A score report whose lines a site ran together into one paragraph is still a report: a
/// figure every few words. Two such texts that differ in one scorer's minute are two reports,
/// while news prose with a number changed stays a copy (`FiguresTests.paragraphsOfStatisticsAreProse`).
struct RunOnReportTests {
    static func score(minute: Int) -> String {
        ["北京时间11月1日，超级联赛第28轮一场比赛在长春体育中心进行，长春海港主场以3比2战胜深圳铁军。进球：王志远（第\(minute)分钟）、吴昊（第69分钟）、赵天宇（第21分钟）、杨帆（第47分钟）、周博文（第18分钟）",
         "全场数据：射门16比16，控球率43%比57%。",
         "本轮过后，长春海港积69分，暂列积分榜第5位。"].joined(separator: "\n")
    }

    @Test func aScoreRunTogetherIsARunOnReport() {
        let chunks = Self.score(minute: 56).split(separator: "\n").map { Support.normalized(String($0))[...] }
        var f = Fingerprint.of(chunks: chunks)
        f.figures = Figures.of(chunks: chunks)
        #expect(!Figures.isReport(f) && !Figures.isProse(f))
        #expect(Figures.isRunOnReport(f))
    }

    @Test func runOnReportsWithAnotherMinuteAreNotMerged() throws {
        let title = "长春海港主场战胜深圳铁军"
        let a = Article(id: "a", text: title + "\n" + Self.score(minute: 56), title: title, url: "https://a.example.cn/1", publishedAt: "2021-11-01 22:00:00")
        let b = Article(id: "b", text: title + "\n" + Self.score(minute: 55), title: title, url: "https://b.example.cn/2", publishedAt: "2021-11-01 23:00:00")
        let c = Article(id: "c", text: title + "\n" + Self.score(minute: 56), title: title, url: "https://c.example.cn/3", publishedAt: "2021-11-02 08:00:00")
        let result = try ScanEngine(rules: .empty).scan([a, b, c])
        #expect(result.decisions[1].kind == .review && result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
