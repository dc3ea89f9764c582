import Testing
@testable import WinnowCore

/// Sites seen only a handful of times have too few pages for their own template statistics.
/// Recurrence across the batch's *stories* stands in: a notice pasted under many different
/// articles is furniture on every site, while a story's paragraphs, however widely reposted,
/// belong to one story and stay body.
struct LongTailSiteTests {
    func flagged(_ a: ArticleAnalysis) -> Set<Int> { Support.furnitureLines(a) }

    @Test func noticeSharedAcrossStoriesIsFurnitureOnSmallSites() {
        var articles: [Article] = []
        // 12 small sites, 3 pages each, 36 different stories; every page ends with the same notice
        // (wording no rule knows), the way CMS defaults and syndication footers repeat.
        for site in 0..<12 {
            for page in 0..<3 {
                let story = site * 3 + page
                let text = (["第\(story)号新闻标题"] + Pages.body(seed: UInt64(500 + story), paragraphs: 3)
                    + ["Reader mail goes to the duty desk; we answer within two working days."]).joined(separator: "\n")
                articles.append(Article(id: "s\(site)-\(page)", text: text, title: "第\(story)号新闻标题", url: "https://small\(site).example/\(page)"))
            }
        }
        // One story reposted on 10 further small sites: its paragraphs recur, but in one story.
        let viral = Pages.body(seed: 77, paragraphs: 3)
        for site in 0..<10 {
            let text = (["广为转载的新闻"] + viral).joined(separator: "\n")
            articles.append(Article(id: "v\(site)", text: text, title: "广为转载的新闻", url: "https://repost\(site).example/1"))
        }
        let analyses = Support.analyze(articles)
        for a in analyses.prefix(36) {
            #expect(flagged(a).contains(5), "\(a.id): \(flagged(a).sorted())")
            #expect(flagged(a).isDisjoint(with: [2, 3, 4]), "\(a.id): \(flagged(a).sorted())")
        }
        for a in analyses.suffix(10) { #expect(flagged(a).isEmpty, "\(a.id): \(flagged(a).sorted())") }
    }

    /// A site seen three times: its own notice (wording no other site uses) under two different
    /// stories is its template already; the stories' paragraphs are not.
    @Test func aNoticeUnderTwoStoriesOfATinySiteIsFurniture() {
        var articles: [Article] = []
        for page in 0..<3 {
            let text = (["小站第\(page)号新闻"] + Pages.body(seed: UInt64(700 + page), paragraphs: 3)
                + ["本页文字由溪口小站整理，转载前请先来信告知我们。"]).joined(separator: "\n")
            articles.append(Article(id: "t\(page)", text: text, title: "小站第\(page)号新闻", url: "https://tiny.example.cn/\(page)"))
        }
        for i in 0..<20 {
            articles.append(Article(id: "o\(i)", text: Pages.body(seed: UInt64(800 + i)).joined(separator: "\n"), url: "https://other\(i).example/1"))
        }
        for a in Support.analyze(articles).prefix(3) {
            #expect(flagged(a).contains(5), "\(a.id): \(flagged(a).sorted())")
            #expect(flagged(a).isDisjoint(with: [2, 3, 4]), "\(a.id): \(flagged(a).sorted())")
        }
    }

    @Test func storiesPerLineCountEachStoryOnce() {
        var b = LineStatistics.Builder()
        // Line 1 in one story on three sites; line 2 under three stories on one site.
        b.add(site: "a", distinctKeys: [1, 2], siteKeys: [StableHash.combine(StableHash.fnv1a("a"), 1), StableHash.combine(StableHash.fnv1a("a"), 2)], story: 10)
        b.add(site: "b", distinctKeys: [1], siteKeys: [StableHash.combine(StableHash.fnv1a("b"), 1)], story: 10)
        b.add(site: "c", distinctKeys: [1], siteKeys: [StableHash.combine(StableHash.fnv1a("c"), 1)], story: 10)
        b.add(site: "a", distinctKeys: [2], siteKeys: [StableHash.combine(StableHash.fnv1a("a"), 2)], story: 11)
        b.add(site: "a", distinctKeys: [2], siteKeys: [StableHash.combine(StableHash.fnv1a("a"), 2)], story: 12)
        let s = b.build()
        #expect(s.storiesPerLine.count(of: 1) == 1)
        #expect(s.storiesPerLine.count(of: 2) == 3)
        #expect(s.documentsPerLineAllSites.count(of: 1) == 3)  // a story still counts once per site there
        var merged = s
        merged.merge(s)
        #expect(merged.storiesPerLine.count(of: 2) == 6)
        let back = try? LineStatisticsFile.decode(LineStatisticsFile.encode(s))
        #expect(back?.storiesPerLine == s.storiesPerLine)
    }

    /// Forecasts of many cities share their sentences but for the figures: a forecast's one-figure
    /// sentence ("今天夜间，晴，最低气温14℃。") recurs under other stories only with other numbers,
    /// so it is the forecast's own row, not a notice recurring across the batch.
    @Test func aForecastSentenceWithItsOwnFigureIsNoRecurringNotice() {
        var articles: [Article] = []
        let cities = ["杭州", "成都", "南京", "武汉", "西安", "沈阳", "青岛", "厦门"]
        for (k, city) in cities.enumerated() {
            let title = "\(city)今天多云，最高气温\(20 + k)℃"
            // The night's row comes last, right above the notices.
            let text = ([title] + Pages.body(seed: UInt64(900 + k), paragraphs: 4)
                        + ["今天白天，多云，最高气温\(20 + k)℃，东风\(k % 3 + 1)到\(k % 3 + 3)级。", "今天夜间，晴，最低气温\(5 + k)℃。",
                           "欢迎分享本文，转发请保留出处，本站保留一切权利。", "本页面内容由编辑整理，所载信息仅供读者参考。"]).joined(separator: "\n")
            articles.append(Article(id: "c\(k)", text: text, title: title, url: "https://city\(k).example.cn/\(k)"))
        }
        for a in Support.analyze(articles) {
            #expect(!flagged(a).contains(7), "\(a.id): \(flagged(a).sorted())")
            #expect(flagged(a).isSuperset(of: [8, 9]), "\(a.id): \(flagged(a).sorted())")
        }
    }

    /// A site seen four times: its breadcrumb of one separator ("要闻 › 本地"), its section name
    /// and its comment counter ("评论 12") are too short to recur by size, yet each stands on
    /// three of its stories or more: its template. A short line on two of them may be chance.
    @Test func shortLinesUnderThreeStoriesOfATinySiteAreFurniture() {
        var articles: [Article] = []
        for page in 0..<4 {
            let title = "小站第\(page)号新闻"
            let nav = page == 3 ? ["栏目"] : ["要闻", "要闻 › 本地"]
            let lines = nav + [title, "评论 \(12 + page * 7)"] + Pages.body(seed: UInt64(900 + page), paragraphs: 3)
            articles.append(Article(id: "t\(page)", text: lines.joined(separator: "\n"), title: title, url: "https://tiny.example.de/\(page)"))
        }
        for i in 0..<20 {
            articles.append(Article(id: "o\(i)", text: Pages.body(seed: UInt64(950 + i)).joined(separator: "\n"), url: "https://other\(i).example/1"))
        }
        let analyses = Support.analyze(articles)
        for a in analyses.prefix(3) {
            #expect(flagged(a).isSuperset(of: [1, 2, 4]), "\(a.id): \(flagged(a).sorted())")
            #expect(flagged(a).isDisjoint(with: [5, 6, 7]), "\(a.id): \(flagged(a).sorted())")
        }
        // The page that names another section: its counter recurs, its section name does not.
        #expect(flagged(analyses[3]).contains(3), "\(flagged(analyses[3]).sorted())")
        #expect(flagged(analyses[3]).isDisjoint(with: [4, 5, 6]), "\(flagged(analyses[3]).sorted())")
    }

    /// Short lines every site's stories carry recur on a tiny site too: "Sponsored" among its
    /// notices is furniture, while a report's "Year" among its rows stays the report's.
    @Test func aShortLineOfEverySiteGoesWithWhereItStands() {
        var articles: [Article] = []
        func report(_ k: Int) -> [String] {
            ["Shr \(10 + k) cts vs \(20 + k) cts", "Net \(1000 + k * 7) vs \(2000 + k * 3)", "Year",
             "Shr \(30 + k) cts vs \(40 + k) cts", "Net \(3000 + k * 7) vs \(4000 + k * 3)"]
        }
        for page in 0..<4 {
            let title = "ACME \(page) CORP 1ST QTR NET"
            let lines = [title] + report(page) + ["Sponsored", "Reprints of this page need the written consent of the Tiny Ledger."]
            articles.append(Article(id: "t\(page)", text: lines.joined(separator: "\n"), title: title, url: "https://tiny.example.com/\(page)"))
        }
        for i in 0..<12 {
            let title = "OTHER \(i) INC 2ND QTR NET"
            let lines = [title] + report(10 + i) + ["Sponsored"]
            articles.append(Article(id: "o\(i)", text: lines.joined(separator: "\n"), title: title, url: "https://other\(i).example/1"))
        }
        for a in Support.analyze(articles).prefix(4) {
            #expect(flagged(a).contains(7), "\(a.id): \(flagged(a).sorted())")
            #expect(flagged(a).isDisjoint(with: 2...6), "\(a.id): \(flagged(a).sorted())")
        }
    }
}
