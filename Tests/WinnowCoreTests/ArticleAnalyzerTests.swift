import Testing
@testable import WinnowCore

/// Synthetic pages: bodies of random prose so that only the templates repeat.
enum Pages {
    static let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理")
    static func body(seed: UInt64, paragraphs: Int = 3) -> [String] {
        var rng = Support.Random(state: seed)
        return (0..<paragraphs).map { _ in
            var p = ""
            let n = 50 + Int(rng.next() % 60)
            for i in 0..<n {
                p.append(han[Int(rng.next() % UInt64(han.count))])
                if i % 17 == 16 { p += "，" }
            }
            return p + "。"
        }
    }
}

struct ArticleAnalyzerTests {
    func flagged(_ a: ArticleAnalysis) -> Set<Int> { Support.furnitureLines(a) }

    /// A crawled snapshot page like shared/seeds: nav, title, meta, byline, body, snapshot
    /// notices, then related excerpts alternating with timestamps. No rules: structure alone.
    @Test func snapshotPageByStructure() {
        let body = Pages.body(seed: 1, paragraphs: 4)
        let lines = ["• 首页", "  • 城市", "", "河畔步道夜间照明改造完成", "", "栏目:城市 发布时间:2025-04-20 18:30:00 来源:河畔晚报", ""]
            + body.flatMap { [$0, ""] }
            + ["...工程完工后，沿河新增的三处休息平台也将同步开放，平台配有饮水点和自行车停放架，方便市民...", "2025-03-11 10:20:00",
               "社区食堂开进老街区 老人吃饭不再发愁",
               "...街道在老街区开设的社区食堂日前开门迎客，六十岁以上老人凭卡就餐可享受八折优惠，食堂还提供...", "2025-02-27 12:05:00"]
        let a = Support.analyze([Article(id: "p", text: lines.joined(separator: "\n"))])[0]
        let f = flagged(a)
        let bodyLines = Set((8...14).filter { $0 % 2 == 0 })  // 1-based lines of the four paragraphs
        #expect(f.isDisjoint(with: bodyLines))
        #expect(f.isSuperset(of: [1, 2, 6]))
        #expect(f.isSuperset(of: Set(lines.count - 4...lines.count)))
        #expect(!a.isExcerpt)
    }

    /// An unseen site template: new navigation words and new disclaimer wording, known to no
    /// rule, still caught because it recurs across the site's documents (and only there).
    @Test func unseenTemplateIsFoundAcrossDocuments() {
        var articles: [Article] = []
        for i in 0..<40 {
            let body = Pages.body(seed: UInt64(100 + i))
            let text = (["Startseite » Nachrichten » Panorama", "标题第\(i)号：城市新闻", "Aktualisiert \(i % 9 + 1). Mai 2025 · Redaktion"] + body
                + ["本页内容由合作方提供，刊发目的在于传递更多信息，并不意味着赞同其观点。", "Kommentare (0) · Teilen · Drucken"]).joined(separator: "\n")
            articles.append(Article(id: "u\(i)", text: text, url: "https://neu.unseen.example/\(i)"))
        }
        for i in 0..<60 {
            articles.append(Article(id: "o\(i)", text: Pages.body(seed: UInt64(900 + i)).joined(separator: "\n"), url: "https://other.example/\(i)"))
        }
        let analyses = Support.analyze(articles)
        for a in analyses.prefix(40) {
            let f = flagged(a)
            #expect(f.isSuperset(of: [1, 7, 8]), "\(a.id): \(f.sorted())")
            #expect(f.isDisjoint(with: [4, 5, 6]), "\(a.id): \(f.sorted())")
        }
        for a in analyses.suffix(60) { #expect(flagged(a).isEmpty) }
    }

    /// Detector rules switch built-in detectors off and rename what they find.
    @Test func detectorRulesTuneBuiltIns() throws {
        _ = Support.ready
        let text = (["首页 > 新闻 > 本地", "2025-05-01 08:00:00"] + Pages.body(seed: 8)).joined(separator: "\n")
        let article = Article(id: "d", text: text)
        let off = try RuleSet(rules: [Rule(id: "no-dates", category: .boilerplate, matcher: .detector("date-line", ["enabled": "false"]))])
        let renamed = try RuleSet(rules: [Rule(id: "dates", category: .custom, severity: .warning, action: .flag,
                                               matcher: .detector("date-line", [:]))])
        #expect(flagged(Support.analyze([article])[0]).contains(2))
        let withoutDates = Support.analyze([article], rules: off)[0].findings.first { $0.lineStart == 2 }
        #expect(withoutDates?.rule == "metadata-line")  // the metadata detector still sees a date line
        let f = Support.analyze([article], rules: renamed)[0].findings.first { $0.lineStart == 2 }
        #expect(f?.category == .custom && f?.severity == .warning && f?.rule == "date-line")
        #expect(throws: WinnowCoreError.self) { try RuleSet(rules: [Rule(id: "x", category: .custom, matcher: .detector("nonsense", [:]))]) }
        #expect(throws: WinnowCoreError.self) { try RuleSet(rules: [Rule(id: "x", category: .custom, matcher: .detector("site-template", ["min_share": "lots"]))]) }
    }

    /// A line common to every site (a wire service's dateline) is article text, not a template.
    @Test func linesCommonEverywhereAreNotTemplates() {
        var articles: [Article] = []
        for i in 0..<120 {
            let text = (["新华社北京电（记者 王晓）"] + Pages.body(seed: UInt64(i))).joined(separator: "\n")
            articles.append(Article(id: "d\(i)", text: text, url: "https://site\(i % 4).example/\(i)"))
        }
        for a in Support.analyze(articles) { #expect(!flagged(a).contains(1)) }
    }

    @Test func excerptPageIsRecognized() {
        let text = ["当前位置：首页 / 资讯 / 本地", "滨江新区启用智慧公交调度系统", "发布时间：2025-05-07 09:00:00",
                    "本报讯 本周一起，滨江新区正式启用智慧公交调度系统，全区32条公交线路接入统一平台……"].joined(separator: "\n")
        let a = Support.analyze([Article(id: "e", text: text, title: "滨江新区启用智慧公交调度系统")])[0]
        #expect(a.isExcerpt)
        #expect(a.body == 4...4)
        #expect(!flagged(a).contains(4))
        #expect(a.findings.contains { $0.rule == "excerpt-document" && $0.category == .quality })
    }

    @Test func emptyAndBlankDocuments() {
        let analyses = Support.analyze([Article(id: "a", text: ""), Article(id: "b", text: "\n\n \n")])
        #expect(analyses.allSatisfy { $0.findings.isEmpty && $0.fingerprint.tokens == 0 })
    }

    @Test func titleLineIsKeptAndFingerprinted() {
        let body = Pages.body(seed: 4)
        let text = (["首页 > 新闻 > 本地", "标题在这里"] + body).joined(separator: "\n")
        let a = Support.analyze([Article(id: "t", text: text, title: "标题在这里")])[0]
        #expect(!flagged(a).contains(2))
        #expect(flagged(a).contains(1))
    }
}
