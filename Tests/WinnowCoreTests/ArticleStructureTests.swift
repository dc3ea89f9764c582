import Testing
@testable import WinnowCore

/// The article's own structure that looks like furniture: an author's sign-off at the end,
/// numbered section headings, a lead picture right above the text.
struct ArticleStructureTests {
    func stripped(_ text: String, others: [String] = []) -> Set<Int> {
        let articles = ([text] + others).enumerated().map { Article(id: "p\($0.offset)", text: $0.element, url: "https://essays.example/\($0.offset)") }
        let a = Support.analyze(articles)[0]
        return Set(a.findings.filter(\.category.isFurniture).flatMap { $0.lineStart...$0.lineEnd })
    }

    @Test func signOffWithNamePlaceAndDateStays() {
        let body = Pages.body(seed: 41, paragraphs: 4)
        let lines = ["原文来自订阅号：某某随笔", ""] + body.flatMap { [$0, ""] } + ["褚某某", "", "2019年3月29日", "于清华园"]
        let f = stripped(lines.joined(separator: "\n"))
        #expect(!f.contains(lines.count - 3) && !f.contains(lines.count - 1) && !f.contains(lines.count), "\(f)")
    }

    @Test func dateStampWithTimeOrFurnitureAfterIsNoSignOff() {
        let body = Pages.body(seed: 42, paragraphs: 4)
        let stamped = (body + ["2019-03-29 10:30"]).joined(separator: "\n")
        #expect(stripped(stamped).contains(5))
        // A date followed by a list of other articles is the page's, not the author's.
        let listed = (body + ["2019年3月29日", "...另一篇文章的开头几句话被截断在这里，后面还有很多内容没有显示出来...", "2019-03-28 08:00:00",
                              "...又一篇文章的开头几句话同样被截断在这里，后面还有很多内容没有显示出来...", "2019-03-27 09:00:00"]).joined(separator: "\n")
        #expect(stripped(listed).contains(5))
    }

    @Test func numberedSectionHeadingsAreTheArticles() {
        // Every page of the site opens its sections with "## 0", "## 1": a template by count alone.
        func page(_ seed: UInt64) -> String {
            let b = Pages.body(seed: seed, paragraphs: 4)
            return ["## 0", "", b[0], "", b[1], "", "## 1", "", b[2], "", "## 2", "", b[3]].joined(separator: "\n")
        }
        let f = stripped(page(50), others: (51...56).map(page))
        #expect(!f.contains(1) && !f.contains(7) && !f.contains(11), "\(f)")
        #expect(ArticleAnalyzer.sectionNumber("## 2.漏洞描述") == 2)
        #expect(ArticleAnalyzer.sectionNumber("**3**") == 3)
        #expect(ArticleAnalyzer.sectionNumber("3、影响版本") == 3)
        #expect(ArticleAnalyzer.sectionNumber("## 2024年回顾") == nil)
        #expect(ArticleAnalyzer.sectionNumber("## 3D 打印") == nil)
    }

    @Test func hexNumberedSectionsOfAWriteUpStay() throws {
        let b = Pages.body(seed: 44, paragraphs: 6)
        // Between two promos, the fix section "0x03" is the article's: the numbering runs through it.
        let lines = ["0x01", "", b[0], "", "0x02", "", b[1], "", b[2], "", "知识星球：某某安全", "", "![](https://img.example/qr.png)", "",
                     "0x03", "", "**修复建议**", "", "升级至安全版本", "", "关闭互联网暴露面", "", "0x04", "", "知识星球：某某安全交个朋友，加入立减"]
        let rules = try RuleSet(rules: [Rule(id: "promo", category: .boilerplate, matcher: .phrases(["知识星球"]))])
        let articles = [Article(id: "p", text: lines.joined(separator: "\n"))]
        let a = Support.analyze(articles, rules: rules)[0]
        let f = Set(a.findings.filter(\.category.isFurniture).flatMap { $0.lineStart...$0.lineEnd })
        #expect(!f.contains(15) && !f.contains(19), "\(f)")
        #expect(ArticleAnalyzer.hexSectionNumber("**0x07**") == 7)
        #expect(ArticleAnalyzer.hexSectionNumber("0x7FFFFFFF") == nil)
    }

    @Test func numberedReferencesAfterTheTextStay() {
        let body = Pages.body(seed: 45, paragraphs: 4)
        let lines = body.flatMap { [$0, ""] } + ["参考资料：", "", "[1]. https://support.example.com/advisory", "", "[2] 某某实验室漏洞分析报告"]
        let f = stripped(lines.joined(separator: "\n"))
        #expect(!f.contains(9) && !f.contains(11) && !f.contains(13), "\(f)")
        #expect(ArticleAnalyzer.isReference("> [12]. https://a.example"))
        #expect(!ArticleAnalyzer.isReference("[广告] 点击领取"))
    }

    @Test func leadPictureAboveTheTextStays() {
        let body = Pages.body(seed: 43, paragraphs: 4)
        let lines = ["原文来自订阅号：某某随笔", "", "---", "", "![](https://img.example/lead.jpg)", ""] + body.flatMap { [$0, ""] }
        #expect(!stripped(lines.joined(separator: "\n")).contains(5))
    }

    @Test func slashesInsideAPathSeparateNoMenu() {
        func shape(_ s: String) -> LineShape { LineShape(normalized: Support.normalized(s)) }
        #expect(shape("**易宝OA /SmartTradeScan/Inventory/GetProductInv 接口处存在SQL注入漏洞**").separators < 2)
        #expect(shape("首页 / 资讯 / 本地").separators >= 2)
        #expect(shape("首页/资讯/本地").separators >= 2)
        #expect(shape("在策略组->计算机配置->Windows设置->脚本(启动/关闭)->启动->属性 发现自启动了一个bat脚本").separators < 2)
        #expect(shape("首页 > 新闻中心 > 本地").separators >= 2)
    }

    @Test func picturesAnnouncedByTheTextStayAboveAPromo() throws {
        let body = Pages.body(seed: 46, paragraphs: 4)
        // The last section's screenshots stand right above the account's promo: the line that
        // announces them keeps them with the article.
        let lines = body.flatMap { [$0, ""] } + ["部分工具如下所示。", "", "![](https://img.example/a.png)", "", "![](https://img.example/b.png)", "",
                                                 "知识星球：某某安全，扫码加入", "", "![](https://img.example/qr.png)"]
        let rules = try RuleSet(rules: [Rule(id: "promo", category: .boilerplate, matcher: .phrases(["知识星球"]))])
        let a = Support.analyze([Article(id: "p", text: lines.joined(separator: "\n"))], rules: rules)[0]
        #expect(!a.strippedLines.contains(11) && !a.strippedLines.contains(13), "\(a.strippedLines.sorted())")
        #expect(a.strippedLines.isSuperset(of: [15, 17]))
    }

    @Test func aLabelGoesWithTheNoticeItAnnounces() throws {
        let body = Pages.body(seed: 47, paragraphs: 4)
        // "使用声明：" heads the disclaimer; the link after it is what the article points to.
        let lines = body.flatMap { [$0, ""] } + ["使用声明：", "", "本文所述代码仅供安全研究，请勿用于非法用途，", "", "> https://code.example/poc"]
        let rules = try RuleSet(rules: [Rule(id: "disclaimer", category: .disclaimer, matcher: .phrases(["仅供安全研究"]))])
        let a = Support.analyze([Article(id: "p", text: lines.joined(separator: "\n"))], rules: rules)[0]
        #expect(a.strippedLines.isSuperset(of: [9, 11]), "\(a.strippedLines.sorted())")
        #expect(!a.strippedLines.contains(13))
    }

    /// A dividend notice is one row of its own between its headline and rows its site repeats
    /// under every notice ("Pay Dec 23" / "Record Dec 11"): that row is the article, not a line
    /// inside a run of furniture.
    @Test func aReportsOnlyOwnRowAmongTheSitesRowsStays() {
        let names = ["Alder", "Birch", "Cedar", "Dunmore", "Elm", "Fir", "Garnet", "Hazel", "Iris", "Juniper"]
        let articles = names.enumerated().map { k, name in
            let title = "\(name.uppercased()) TRADING CO SETS QUARTERLY DIVIDEND"
            let text = [title, "Qtly div \(10 + k * 3) cts vs \(9 + k * 2) cts prior", "Pay Dec 23", "Record Dec 11"].joined(separator: "\n")
            return Article(id: "d\(k)", text: text, title: title, url: "https://feed.example.com/a/\(k).html")
        }
        for a in Support.analyze(articles) {
            let f = Support.furnitureLines(a)
            #expect(!f.contains(2) && f.contains(3) && f.contains(4), "\(a.id): \(f.sorted())")
        }
    }

    @Test func linesAListingRanTogetherLookGlued() {
        for glued in ["Shr 43 cts vs 10 ctsNet loss 10,364,080 vs 83.3 mlnRevs 79.2 mln", "Result on Friday:Ashford Rovers 3 (0) Stanmoor Town 1 (1)Scorers: Okafor 79,",
                      "Today: Showers. High 82F (28C).Tonight: Light rain.Friday: Snow"] {
            #expect(ArticleAnalyzer.looksGlued(Array(glued.utf8)), "\(glued)")
        }
        for plain in ["Qtly div 14 cts vs 13 cts prior", "Apple's iPhone sales rose 3.5% in the U.S. last quarter.",
                      "Net 62,195,301 vs 27,062,988", "城市足球联赛第25轮比赛结果如下：青岛猎豹 1:0 上海猎豹"] {
            #expect(!ArticleAnalyzer.looksGlued(Array(plain.utf8)), "\(plain)")
        }
    }

    /// A row of Chinese ends complete with its figure ("…增减变动幅度-46.32%"); one that stops
    /// inside a phrase ("…公告编号：2024-039本公司及董事会全体成员") is a cut-off lead.
    @Test func aRowEndsWithItsFigure() {
        for row in ["增减变动幅度-46.32%", "Net 62,195,301 vs 27,062,988", "Referee: Fischer (Dunmore)", "1:0 "] {
            #expect(ArticleAnalyzer.endsWithFigure(Support.normalized(row)[...]), "\(row)")
        }
        for cut in ["公告编号：2024-039本公司及董事会全体成员", "Scorers: Okafor 79, Barros 74,", ""] {
            #expect(!ArticleAnalyzer.endsWithFigure(Support.normalized(cut)[...]), "\(cut)")
        }
    }
}
