import Testing
@testable import WinnowCore

/// A templated report has no sentences: its content is a few lines of figures, often set between
/// the notices of its template ("本公司及董事会全体成员保证…" above, "本次业绩快报数据未经审计…"
/// below). On a small site those notices recur and are stripped; the figure lines between them
/// are the report and must stay body (else the page is left with its headline, and any report
/// under that headline looks like its copy).
struct ReportTableTests {
    func flagged(_ a: ArticleAnalysis) -> Set<Int> { Support.furnitureLines(a) }

    /// Four companies' earnings flashes on one small site, the same four reported elsewhere too.
    func flashes(site: String, prefix: String) -> [Article] {
        let companies = ["远航机械", "明德电气", "瑞丰新材", "汇通能源"]
        return companies.enumerated().map { k, name in
            let title = "\(name)：2020年半年度业绩快报"
            let lines = [
                title,
                "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。",
                "营业总收入：\(64 + k * 7),667.16万元，上年同期\(76 - k),452.90万元，增减变动幅度1\(k)7.07%",
                "归属于上市公司股东的净利润：\(96 - k * 3),399.09万元，上年同期35,38\(k).67万元，增减变动幅度104.9\(k)%",
                "基本每股收益：1.7\(k)元，上年同期1.8\(k)元",
                "本次业绩快报数据未经会计师事务所审计，最终数据以公司正式披露的定期报告为准。",
                "特此公告。",
            ]
            return Article(id: "\(prefix)\(k)", text: lines.joined(separator: "\n"), title: title, url: "https://\(site)/a/\(k).html")
        }
    }

    @Test func figureLinesBetweenATemplatesNoticesAreTheReport() {
        var articles = flashes(site: "small.example.cn", prefix: "s")
        articles += flashes(site: "feed.example.com", prefix: "f")
        for i in 0..<12 {
            articles.append(Article(id: "o\(i)", text: Pages.body(seed: UInt64(900 + i)).joined(separator: "\n"), url: "https://other\(i).example/1"))
        }
        let analyses = Support.analyze(articles)
        for a in analyses.prefix(4) {
            // Lines 3-5 (1-based) are the figures; the notices around them may go.
            #expect(flagged(a).isDisjoint(with: [3, 4, 5]), "\(a.id): \(flagged(a).sorted())")
        }
    }

    /// Two short lines with a price and a date are a promo's, not a table: they state too few
    /// numbers together to lean body against the notices around them.
    @Test func aTableNeedsSixNumbers() {
        let shapes = ["营业总收入：72,667.16万元，上年同期76,452.90万元", "基本每股收益：1.70元，上年同期1.89元",
                      "圈子目前价格为78元，现在已有500+位师傅加入", "网站源码已于11.26日更新"]
            .map { LineShape(normalized: Array(TextNormalizer.normalize($0).utf8)) }
        let evidence = [LineEvidence](repeating: LineEvidence(), count: 4)
        var table: [Double?] = [-1.5, -1.5]
        ArticleAnalyzer.markFigureRuns(Array(evidence.prefix(2)), shapes: Array(shapes.prefix(2)), weights: &table)
        #expect(table.prefix(2).allSatisfy { ($0 ?? 0) <= -ArticleAnalyzer.figureRunLean })
        var promo: [Double?] = [-1.5, -1.5]
        ArticleAnalyzer.markFigureRuns(Array(evidence.suffix(2)), shapes: Array(shapes.suffix(2)), weights: &promo)
        #expect(promo == [-1.5, -1.5])
    }
    /// A results table repeating its scores states few distinct figures, yet one beside every
    /// team: it is a report (`Figures.isTable`), so its twin with one score changed ("Elmsworth
    /// United 7" / "… 1") is another report, while its copy is merged.
    @Test func aResultsTableRepeatingItsScoresIsAReport() throws {
        let title = "SOCCER - NORTHERN LEAGUE RESULTS"
        func table(_ id: String, _ score: Int, site: String, at time: String) -> Article {
            let rows = ["Results of Northern League matches played on Saturday:", "Oxley Town 0 Porthaven Town 0",
                        "Newhaven United 0 Carrow Town 0", "Elmsworth United \(score) Farley Rovers 4", "Harwick Rovers 4 Dunmore United 0",
                        "Lowfield Town 0 Brackley Town 0", "Stanmoor Rovers 4 Ashford City 4", "Kingsbury United 0 Morcombe Town 0"]
            return Article(id: id, text: ([title] + rows).joined(separator: "\n"), title: title, url: "https://\(site)/\(id)", publishedAt: time)
        }
        let result = try ScanEngine(rules: .empty).scan([table("a", 7, site: "a.example.com", at: "2024-05-04 18:00:00"),
                                                         table("b", 1, site: "b.example.com", at: "2024-05-04 18:05:00"),
                                                         table("copy", 7, site: "c.example.com", at: "2024-05-04 18:10:00")])
        let fingerprint = result.analyses[0].fingerprint
        // Three distinct figures in some sixty words: under a report's density, but one beside every team.
        #expect(fingerprint.figures.count == 3 && Figures.isTable(fingerprint) && Figures.isReport(fingerprint))
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
        // A short text in paragraphs is no table, however many figures it places.
        #expect(!Figures.isTable(Support.fingerprint("The club said on Saturday it had signed 4 players and sold 7 others, and that 2 more would join in 3 weeks.")))
    }
}
