import Foundation
import Testing
@testable import WinnowCore

/// The failure classes of real pages: one wrong line must not take the rest of the page, code
/// and tables are content, keys mask URLs, recurrence without a site, dates versus versions.
struct LineLabellerTests {
    func stripped(_ a: ArticleAnalysis) -> Set<Int> { a.strippedLines }

    @Test func oneStrongLineInsideTheBodyStaysAlone() {
        let l = LineLabeller(switchCost: 2.5)
        // body, body, one notice, body, body: only the notice flips.
        #expect(l.furniture(weights: [-4, -4, 6, -4, -4]) == [false, false, true, false, false])
        // weak evidence inside the body does not flip it
        #expect(l.furniture(weights: [-4, 3, -4]) == [false, false, false])
        // ... but at the page's edge it does, and takes the neutral lines between notices with it
        #expect(l.furniture(weights: [3, -4, -4, 6, 0, 0, 6]) == [true, false, false, true, true, true, true])
        // blank lines (nil) are outside the sequence; a title splits it
        #expect(l.furniture(weights: [3, nil, -4], title: 1) == [true, false, false])
    }

    @Test func aFalseNoticeInTheMiddleDoesNotWipeTheConclusion() {
        let body = Pages.body(seed: 3, paragraphs: 6)
        // A short subheading shaped like a date/notice sits in the middle of the article.
        let lines = ["文章标题：城市更新的新路径"] + body.prefix(3) + ["2024-05-06 10:00"] + body.suffix(3)
        let a = Support.analyze([Article(id: "m", text: lines.joined(separator: "\n"), title: "文章标题：城市更新的新路径")])[0]
        for n in [6, 7, 8] { #expect(!a.strippedLines.contains(n), "conclusion line \(n) stripped") }
    }

    @Test func furnitureBlockCanBeSwitchedOff() throws {
        let body = Pages.body(seed: 5, paragraphs: 3)
        // A neutral line between two menus at the tail is absorbed, unless the detector is off.
        let text = (["某地举行活动"] + body + ["首页 | 关于我们 | 联系我们", "一行没有证据的文字", "网站地图 | 隐私政策 | 帮助中心"]).joined(separator: "\n")
        let article = Article(id: "f", text: text, title: "某地举行活动")
        #expect(Support.analyze([article])[0].strippedLines.contains(6))
        let off = try RuleSet(rules: [Rule(id: "no-block", category: .boilerplate, matcher: .detector("furniture-block", ["enabled": "false"]))])
        let a = Support.analyze([article], rules: off)[0]
        #expect(!a.strippedLines.contains(6))
        #expect(a.strippedLines.isSuperset(of: [5, 7]))
    }

    @Test func codeAndTablesAreBody() {
        let body = Pages.body(seed: 4, paragraphs: 3)
        let code = ["```", "POST /api/order HTTP/1.1", "Host: 127.0.0.1", "if (a > b) {", "} else {", "}", "```"]
        let table = ["| 名称 | 版本 |", "| --- | --- |", "| 组件 | 2.5.33 |"]
        let lines = ["# 某系统注入漏洞分析"] + [body[0]] + code + [body[1]] + table + [body[2]]
        let text = lines.joined(separator: "\n")
        let docs = (0..<12).map { Article(id: "c\($0)", text: text.replacingOccurrences(of: "某系统", with: "系统\($0)号")) }
        let a = Support.analyze(docs)[0]
        for n in 3...8 { #expect(!a.strippedLines.contains(n), "code line \(n) stripped") }
        for n in 10...12 { #expect(!a.strippedLines.contains(n), "table line \(n) stripped") }
    }

    @Test func lineKeysIgnoreURLsAndMarkup() {
        let a = PreparedArticle(Article(id: "a", text: "[查看原文](https://tv.example.com/2022/03/06/VIDEabc220306.shtml)"))
        let b = PreparedArticle(Article(id: "b", text: "**[查看原文](https://tv.example.com/2023/11/01/VIDExyz231101.shtml)**"))
        #expect(a.shapes[0].key == b.shapes[0].key)
        #expect(a.markup[0].isLinkOnly)
    }

    @Test func versionsAndScoresAreNoDates() {
        func shape(_ s: String) -> LineShape { LineShape(normalized: Support.normalized(s)) }
        #expect(!shape("2.5.0 <= Apache Struts <= 2.5.33").hasDate)
        #expect(!shape("TOP1:5000元").hasDate)
        #expect(shape("2023.06.04").hasDate)
        #expect(shape("发布时间：2023-06-04 19:49").hasDate)
        #expect(shape("6月4日").hasDate)
    }

    @Test func promoRecurringUnderManyArticlesIsFurnitureWithoutASite() {
        // Twelve different articles without a site; the same two promo lines close each of them.
        let promo = ["本账号长期分享网络安全前沿资讯与实战经验分享", "更多工具与资料请进入我们的交流社区领取"]
        let docs = (0..<12).map { k in
            Article(id: "w\(k)", text: (["# 第\(k)篇文章"] + Pages.body(seed: UInt64(100 + k), paragraphs: 4) + promo).joined(separator: "\n"),
                    title: "第\(k)篇文章")
        }
        let a = Support.analyze(docs)[0]
        #expect(a.strippedLines.isSuperset(of: [6, 7]))
        #expect(a.strippedLines.isDisjoint(with: [2, 3, 4, 5]))
    }

    @Test func commonHeadingsWithoutASiteAreNotTemplate() {
        // Many authors use the same short headings; without a site they are not a template.
        let docs = (0..<30).map { k in
            let b = Pages.body(seed: UInt64(200 + k), paragraphs: 3)
            return Article(id: "h\(k)", text: ["# 报告\(k)", "**漏洞描述**", b[0], "**修复建议**", b[1], b[2]].joined(separator: "\n"),
                           title: "报告\(k)")
        }
        let a = Support.analyze(docs)[0]
        #expect(a.strippedLines.isDisjoint(with: [2, 4]))
    }

    @Test func urlsAreBlankedForRegexes() throws {
        let text = "图片 ![](https://img.example.com/logo@2x.png) 与正文\n联系 tips@example.org"
        let blanked = try #require(MarkupReader.blankingURLs(in: text))
        #expect(MarkupReader.blankingURLs(in: "联系 tips@example.org") == nil)
        #expect(blanked.utf8.count == text.utf8.count)
        #expect(!blanked.contains("@2x"))
        #expect(blanked.contains("tips@example.org"))
    }

    @Test func aSectionARuleOpensIsFurnitureUpToTheNextHeading() throws {
        let body = Pages.body(seed: 6, paragraphs: 4)
        let about = Rule(id: "about", category: .boilerplate, matcher: .phrases(["关于我们"]),
                         scope: RuleScope(maxLineSize: 8, opensSection: true))
        let rules = try RuleSet(rules: [about])
        // The organisation's self-introduction is prose; only its heading names it.
        let lines = ["# 某市推进老旧小区改造"] + body.prefix(3) + ["## 关于我们", "本研究院成立于二〇一五年，长期关注城市治理与公共服务，欢迎各界人士来函交流合作。",
                     "我们的团队由来自多个领域的研究人员组成，定期发布研究报告与政策建议。", "## 结语", body[3]]
        let a = Support.analyze([Article(id: "s", text: lines.joined(separator: "\n"))], rules: rules)[0]
        #expect(a.strippedLines.isSuperset(of: [5, 6, 7]))
        // The next heading of the same rank ends the section.
        #expect(a.strippedLines.isDisjoint(with: [8, 9]))
        for n in 2...4 { #expect(!a.strippedLines.contains(n)) }
    }

    @Test func aLineThatIsOneLinkIsAPointerNotProse() {
        let body = Pages.body(seed: 7, paragraphs: 4)
        // Titles of other articles, as links, after the article: they read like sentences.
        let links = ["[为什么城市需要更多的口袋公园？](https://mp.example.com/s?id=1)",
                     "[一文读懂新版垃圾分类规定，你家小区做到了吗？](https://mp.example.com/s?id=2)",
                     "[社区食堂开进老旧小区，居民吃上了放心饭！](https://mp.example.com/s?id=3)"]
        let lines = ["# 某市推进老旧小区改造"] + body + ["往期推荐"] + links
        let rules = try? RuleSet(rules: [Rule(id: "past", category: .boilerplate, matcher: .phrases(["往期推荐"]))])
        let a = Support.analyze([Article(id: "l", text: lines.joined(separator: "\n"))], rules: rules ?? .empty)[0]
        #expect(a.strippedLines.isSuperset(of: [6, 7, 8, 9]))
        for n in 2...5 { #expect(!a.strippedLines.contains(n)) }
    }

    @Test func aRealHeadingBetweenPromosKeepsItsSection() throws {
        let body = Pages.body(seed: 9, paragraphs: 4)
        let promo = Rule(id: "promo", category: .boilerplate, matcher: .phrases(["知识星球"]))
        let past = Rule(id: "past", category: .boilerplate, matcher: .phrases(["往期回顾"]), scope: RuleScope(maxLineSize: 12, opensSection: true))
        let rules = try RuleSet(rules: [promo, past])
        let lines = ["# 某系统注入漏洞复现", "## 1. 简介"] + body + ["## 6. 批量检测", "批量检测工具已上传知识星球，欢迎加入。",
                     "## 7. 修复建议", "升级至安全版本", "限制接口的访问范围", "## 8. 往期回顾", "[另一篇文章](https://example.com/a)"]
        let a = Support.analyze([Article(id: "h", text: lines.joined(separator: "\n"))], rules: rules)[0]
        // Lines: 1 title, 2 heading, 3-6 body, 7 "## 6", 8 promo, 9 "## 7", 10-11 its text, 12 "## 8", 13 link.
        #expect(a.strippedLines.contains(8) && a.strippedLines.isSuperset(of: [12, 13]))
        #expect(a.strippedLines.isDisjoint(with: [9, 10, 11]), "\(a.strippedLines.sorted())")
    }
}
