import Testing
@testable import WinnowCore

/// A line that other sites carry under the same headline, and no page of another story holds,
/// travels with its story: it is the article's own, whatever its shape. A stock notice's code
/// line ("证券代码：… 证券简称：… 公告编号：…") reads like a page's metadata and sits between a
/// byline and the template's notice, both furniture; stripped with them, twin notices that
/// differ only in that line could no longer be told apart.
struct StoryLineTests {
    /// One notice per company on each of three small sites, each site with its own byline; the
    /// first company's notice is on all three.
    func notices(site: String, byline: String, companies: [String]) -> [Article] {
        companies.enumerated().map { k, name in
            let title = "\(name)：关于股票交易异常波动的公告"
            let lines = [
                title,
                byline,
                "证券代码：60038\(k)　证券简称：\(name)　公告编号：2017-01\(k)",
                "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。",
                "\(name)股份有限公司股票于3月1\(k)日、3月1\(k + 1)日连续两个交易日收盘价格涨幅偏离值累计超过20%，属于股票交易异常波动的情形。",
                "经公司自查并向控股股东书面问询，不存在应披露而未披露的重大信息。",
                "特此公告。",
                "以上内容仅供参考，不构成投资建议。",
            ]
            return Article(id: "\(site)-\(k)", text: lines.joined(separator: "\n"), title: title, url: "https://\(site)/a/\(k).html")
        }
    }

    func batch() -> [Article] {
        notices(site: "a.example.cn", byline: "作者：张伟　阅读：12", companies: ["永兴物流", "明德电气", "瑞丰新材"])
            + notices(site: "b.example.cn", byline: "来稿：刘洋　责编：王丽", companies: ["永兴物流", "远航机械", "嘉禾环保"])
            + notices(site: "c.example.hk", byline: "文/赵磊", companies: ["永兴物流", "恒泰电力", "金穗机械"])
    }

    @Test func aCodeLineTheRepostsCarryIsTheStorys() {
        let analyses = Support.analyze(batch())
        for a in analyses where a.id.hasSuffix("-0") {
            // Line 3 (1-based) is the code line; the byline above it may go.
            #expect(!Support.furnitureLines(a).contains(3), "\(a.id): \(Support.furnitureLines(a).sorted())")
        }
    }

    @Test func onlyALineOfOneStoryOnOtherSitesTravels() {
        var reposted = LineEvidence()
        reposted.travelsWithStory = true
        let shape = LineShape(normalized: Support.normalized("证券代码：600389　证券简称：永兴物流　公告编号：2017-019"))
        #expect(reposted.weight(shape: shape, settings: AnalysisSettings()) <= -2 * AnalysisSettings().switchCost)
        // A notice under many stories does not travel with any one of them.
        let analyses = Support.analyze(batch())
        for a in analyses {
            #expect(Support.furnitureLines(a).contains(8), "\(a.id): \(Support.furnitureLines(a).sorted())")
        }
    }
}

/// A line swept into furniture only by its neighbours (no evidence of its own) at a page's head
/// may still be the article's: a notice whose code line a copy changed travels with no story, and
/// goes with the byline above it and the form's notice below. Its figures still count as the
/// page's, so the copy is not taken for the notice whose code it no longer states.
struct SweptFiguresTests {
    @Test func figuresOfASweptHeadLineCount() {
        let story = StoryLineTests()
        var site = story.notices(site: "d.example.cn", byline: "投稿：青禾热线编辑部", companies: ["永兴物流", "盛华药业"])
        site[0].text = site[0].text.replacingOccurrences(of: "证券代码：600380", with: "证券代码：25")
        let analyses = Support.analyze(story.batch() + site)
        let page = analyses[analyses.count - 2]
        #expect(page.findings.contains { $0.rule == "furniture-block" && $0.lineStart <= 3 && $0.lineEnd >= 3 })
        let code = Figures.of(chunks: [Support.normalized("证券代码：25")[...]])
        #expect(Figures.missing(code, from: page.fingerprint.figures) == 0)
    }
}

/// Two copies of a notice whose code lines both went with the furniture around them, one
/// stating another code: the same kept text, yet no exact copies of each other (the code line's
/// figures are part of the exact text), so no copy of the other at all.
struct SweptExactTextTests {
    @Test func noticesAlikeButForASweptCodeAreNoExactCopies() throws {
        let story = StoryLineTests()
        var d = story.notices(site: "d.example.cn", byline: "投稿：青禾热线编辑部", companies: ["永兴物流", "盛华药业"])
        var e = story.notices(site: "e.example.cn", byline: "投稿：长河热线编辑部", companies: ["永兴物流", "远山药业"])
        d[0].text = d[0].text.replacingOccurrences(of: "证券代码：600380", with: "证券代码：25")
        e[0].text = e[0].text.replacingOccurrences(of: "证券代码：600380", with: "证券代码：26")
        let batch = story.batch() + d + e
        let analyses = Support.analyze(batch)
        let (pd, pe) = (analyses[analyses.count - 4], analyses[analyses.count - 2])
        #expect(Support.furnitureLines(pd).contains(3) && Support.furnitureLines(pe).contains(3))
        #expect(pd.fingerprint.exact != pe.fingerprint.exact)
        let result = try ScanEngine(rules: .empty).scan(batch)
        let decision = result.decisions[batch.count - 2]
        #expect(decision.match?.kind != .exact && decision.canonical != "d.example.cn-0", "\(decision.reasons)")
    }
}
