import Testing
@testable import WinnowCore

/// Excerpt pages on sites seen once or twice: their notices are unknown and can pass for the
/// body, but a cut-off line that is the verbatim start of an article with the same headline
/// makes the page an excerpt of it.
struct CutLeadTests {
    let story = Pages.body(seed: 31, paragraphs: 5)

    @Test func aCutLeadLinksAnExcerptPageOfASmallSite() throws {
        _ = Support.ready
        let article = Article(id: "full", text: story.joined(separator: "\n"), title: "半山新区举行科技成果展", url: "https://a.example.cn/1")
        let notices = ["本文系作者授权本网发表，文章内容仅代表作者个人观点。", "本站部分文章来自网络，其真实性由原作者负责，请读者自行甄别。",
                       "点击右上角，把本网分享给更多好友，一起关注身边的新鲜事。"]
        let excerpt = Article(id: "teaser", text: (["半山新区举行科技成果展", String(story[0].prefix(60)) + "[...]"] + notices).joined(separator: "\n"),
                              title: "半山新区举行科技成果展", url: "https://tiny.example.cn/7")
        let result = try ScanEngine(rules: .empty).scan([article, excerpt])
        let d = result.decisions[1]
        #expect(d.canonical == "full" && d.match?.kind == .excerpt, "\(d.reasons)")
    }

    /// A page whose cut-off line runs a report's rows together, under the report's headline
    /// with another city in it: another city's report, not an excerpt of this one.
    @Test func aLeadUnderAHeadlineNamingAnotherSubjectIsNoExcerptOfAReport() throws {
        _ = Support.ready
        let rows = ["芹菜 27.74元/公斤，较前一日上涨5.6%", "西红柿 14.21元/公斤，较前一日上涨5.6%", "青椒 24.38元/公斤，较前一日上涨0.3%",
                    "鸡蛋 9.48元/公斤，较前一日上涨3.3%", "洋葱 39.39元/公斤，较前一日下跌6.5%"]
        let title = "沈阳12月27日农产品批发价格行情", other = "昆明12月27日农产品批发价格行情"
        let report = Article(id: "report", text: ([title, "据沈阳市农产品批发市场监测，12月27日主要品种批发均价如下："] + rows).joined(separator: "\n"),
                             title: title, url: "https://a.example.cn/1")
        let lead = "据昆明市农产品批发市场监测，12月27日主要品种批发均价如下：" + rows.prefix(2).joined() + "青椒 24.38元/公斤"
        let page = Article(id: "page", text: [other, lead, "—— 完 ——", "点击右上角，把本网分享给更多好友。"].joined(separator: "\n"),
                           title: other, url: "https://tiny.example.cn/7")
        let result = try ScanEngine(rules: .empty).scan([report, page])
        #expect(result.decisions[1].canonical == "page", "\(result.decisions[1].reasons)")
    }

    @Test func aFullArticleWithATeaserUnderASeriesHeadlineIsNoExcerpt() throws {
        _ = Support.ready
        let other = Pages.body(seed: 32, paragraphs: 5)
        let a = Article(id: "a", text: story.joined(separator: "\n"), title: "国内快讯", url: "https://a.example.cn/1")
        let b = Article(id: "b", text: (other + ["相关：" + String(story[0].prefix(60)) + "..."]).joined(separator: "\n"),
                        title: "国内快讯", url: "https://b.example.cn/2")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.kind == .keep }, "\(result.decisions.map(\.reasons))")
    }

    /// English listings glue words where they collapsed line breaks, and some cut without a mark:
    /// the excerpt is still found, whitespace-blind, in the article's opening.
    @Test func gluedAndUnmarkedExcerptsAreLinked() throws {
        _ = Support.ready
        let paragraphs = ["Two days of talks on the future of Gibraltar begin at Jack Straw's country residence later on Wednesday.",
                          "Officials at the talks will discuss how to share the running of the territory's airport, and what the change would mean for residents and visitors.",
                          "The talks follow months of preparation by both governments, and are expected to conclude with a joint statement on Thursday evening."]
        let article = Article(id: "full", text: paragraphs.joined(separator: "\n"), title: "Gibraltar talks begin", url: "https://a.example.com/1")
        let notices = ["Spotted a typo? Tell the night desk.", "Become a member for ad-free reading."]
        let glued = Article(id: "glued", text: (["Gibraltar talks begin", "Two days of talks on the future of Gibraltar begin atJack Straw's country residence later onWednesday.Officials at the talks will"] + notices).joined(separator: "\n"),
                            title: "Gibraltar talks begin", url: "https://tiny.example.org/2")
        let unmarked = Article(id: "unmarked", text: (["Gibraltar talks begin", "Two days of talks on the future of Gibraltar begin at Jack Straw's country residence later on Wednesday. Officials at the talks will discuss how"] + notices).joined(separator: "\n"),
                               title: "Gibraltar talks begin", url: "https://small.example.net/3")
        let result = try ScanEngine(rules: .empty).scan([article, glued, unmarked])
        for d in result.decisions.dropFirst() {
            #expect(d.canonical == "full" && d.match?.kind == .excerpt, "\(d.id): \(d.reasons)")
        }
    }

    /// Under one headline, two different reports in the same official style share long phrases;
    /// a short report is no excerpt of the other unless its line is found nearly verbatim.
    @Test func sharedPhrasesAreNoExcerpt() throws {
        _ = Support.ready
        let a = Article(id: "a", text: ["本报讯：连日来，各地干部群众深切缅怀老同志，表示要更加紧密地团结起来，为全面建设现代化国家而不懈奋斗，在新征程上再立新功。",
                                        "港澳各界以多种形式表达敬意和哀思。"].joined(separator: "\n"),
                        title: "各地干部群众深切缅怀", url: "https://a.example.cn/1")
        let b = Article(id: "b", text: (["论坛首页 › 时事讨论", "本报讯：连日来，各地广大干部群众深切缅怀老同志。大家表示，要化悲痛为力量，更加紧密地团结起来，为全面建设现代化国家而不懈奋斗。"]
                                        + Pages.body(seed: 41, paragraphs: 4)).joined(separator: "\n"),
                        title: "各地干部群众深切缅怀", url: "https://bbs.example.org/2")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.kind == .keep }, "\(result.decisions.map(\.reasons))")
    }

    /// A templated report's first line with other figures starts another report.
    @Test func aFirstLineWithOtherFiguresIsNoExcerpt() throws {
        _ = Support.ready
        let full = Article(id: "full", text: ["Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000", "Revs 12.5 mln vs 11.2 mln", "Note: full year results."].joined(separator: "\n"),
                           title: "HALCYON SAVINGS BANK YEAR NET", url: "https://a.example.com/1")
        let teaser = Article(id: "teaser", text: ["HALCYON SAVINGS BANK YEAR NET", "Shr 36 cts vs 1.19 dlrs Net 812,000 vs 2,858,000 Revs..."].joined(separator: "\n"),
                             title: "HALCYON SAVINGS BANK YEAR NET", url: "https://b.example.com/2")
        let result = try ScanEngine(rules: .empty).scan([full, teaser])
        #expect(result.decisions[1].canonical == "teaser", "\(result.decisions[1].reasons)")
    }

    /// A report's lead line says nothing of its other figures: a score report is no excerpt of a
    /// repost whose first lines were run together (a paragraph: no report by its layout, no
    /// prose either) and whose points differ.
    @Test func aReportIsNoExcerptOfARepostWithOtherFigures() throws {
        _ = Support.ready
        let title = "长沙星辰主场不敌南京飞龙"
        let lead = "北京时间10月23日，城市足球联赛第22轮一场比赛在长沙体育中心进行，长沙星辰主场以0比1不敌南京飞龙。"
        let rows = ["进球：陈一鸣（第7分钟）", "全场数据：射门18比10，控球率43%比57%。", "本轮过后，长沙星辰积40分，暂列积分榜第1位。"]
        let report = Article(id: "report", text: ([title, lead] + rows).joined(separator: "\n"), title: title, url: "https://a.example.cn/1")
        let runTogether = [title, lead + rows[0], rows[1], rows[2].replacingOccurrences(of: "积40分", with: "积41分")]
        let repost = Article(id: "repost", text: runTogether.joined(separator: "\n"), title: title, url: "https://b.example.cn/2")
        let result = try ScanEngine(rules: .empty).scan([report, repost])
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    /// A page that reads as a report is held to its figures whatever its candidate reads as: a
    /// posting in rows whose first line opens a twin that a listing glued into prose (too few
    /// figures for a report's density) states another price, so it is no excerpt of that twin.
    @Test func aReportIsNoExcerptOfAProseTwinWithOtherFigures() throws {
        _ = Support.ready
        let title = "HARBOR MILLS INC RAISES CRUDE OIL POSTINGS"
        let lead = "Harbor Mills Inc said it raised the contract price it will pay for all grades of crude oil by 50 cts a barrel, effective Dec 3."
        let rows = [lead, "The change brings its posted price for West Texas Intermediate to 21.40 dlrs a barrel.",
                    "Wyoming Sweet is now posted at 13.05 dlrs."]
        let report = Article(id: "report", text: ([title] + rows).joined(separator: "\n"), title: title, url: "https://a.example.com/1")
        let twin = lead + " The change brings its posted price for West Texas Intermediate to 18.25 dlrs a barrel, the company said in a statement on Tuesday."
        let prose = Article(id: "prose", text: [title, twin, "08 dlrs."].joined(separator: "\n"), title: title, url: "https://b.example.com/2")
        let result = try ScanEngine(rules: .empty).scan([report, prose])
        #expect(Figures.isReport(result.analyses[0].fingerprint) && Figures.isProse(result.analyses[1].fingerprint))
        #expect(!Figures.isGluedReport(result.analyses[1].fingerprint))
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    /// A page left with its headline and a few words (a listing's excerpt whose cut line did not
    /// survive) is contained in every article under that headline, so it says nothing of which:
    /// no partial copy of any (a page with its lead line links by that line instead).
    @Test func aPageLeftWithItsHeadlineIsNoPartialCopy() throws {
        _ = Support.ready
        let title = "SOCCER - PREMIER DIVISION RESULTS"
        let wednesday = ["Results of Premier Division matches played on Wednesday:", "Harwick Rovers 4 Newhaven Rovers 3",
                         "Elmsworth United 3 Glenbrook United 2", "Carrow Town 2 Oxley United 0", "Postponed: Harwick Town v Lowfield Town"]
        let saturday = ["Results of Premier Division matches played on Saturday:", "Stanmoor United 2 Morcombe Town 4",
                        "Carrow Rovers 0 Lowfield Town 3", "Redbridge United 1 Kingsbury United 0", "Newhaven United 2 Dunmore United 0"]
        let articles = [wednesday, saturday].enumerated().map { k, rows in
            Article(id: "day\(k)", text: ([title] + rows).joined(separator: "\n"), title: title, url: "https://a.example.com/\(k)")
        }
        let page = Article(id: "page", text: [title, "Results of Premier Division matches"].joined(separator: "\n"), title: title,
                           url: "https://b.example.com/2")
        let result = try ScanEngine(rules: .empty).scan(articles + [page])
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    /// An article's opening as published includes a dateline it strips ("本报讯：" on a line of
    /// its own); an excerpt, cut from that opening and glued into one line, still matches it.
    @Test func anExcerptMatchesTheOpeningAsPublished() throws {
        _ = Support.ready
        let body = Pages.body(seed: 61, paragraphs: 4)
        var articles: [Article] = []
        // The dateline recurs under many stories of a small site, so the article strips it.
        for i in 0..<6 {
            let other = Pages.body(seed: UInt64(90 + i), paragraphs: 3)
            articles.append(Article(id: "s\(i)", text: (["本台消息（联播）："] + other).joined(separator: "\n"), title: "第\(i)条新闻",
                                    url: "https://small.example.cn/\(i)"))
        }
        articles.append(Article(id: "full", text: (["本台消息（联播）："] + body).joined(separator: "\n"), title: "国内快讯",
                                url: "https://small.example.cn/9"))
        let teaser = "本台消息（联播）：" + String(body[0].prefix(50)) + "……"
        articles.append(Article(id: "teaser", text: ["国内快讯", teaser, "本页文字由溪口小站整理。"].joined(separator: "\n"), title: "国内快讯",
                                url: "https://other.example.cn/1"))
        let result = try ScanEngine(rules: .empty).scan(articles)
        let d = result.decisions.last
        #expect(d?.canonical == "full" && d?.match?.kind == .excerpt, "\(d?.reasons ?? [])")
    }

    /// A page whose lead line is a row of figures states the rows after it too, so an excerpt of
    /// one results table is no excerpt of its twin ("Newhaven Rovers 11" / "Newhaven Rovers 3")
    /// even where a block of furniture swept those rows away; a lead line of prose does not.
    @Test func aRowOfFiguresCarriesTheRowsAfterIt() {
        _ = Support.ready
        let rows = ["Results of Coastal Cup matches played on Wednesday: Lowfield United 4 Carrow United 2", "Newhaven Rovers 11 Dunmore Rovers 3"]
        let table = Article(id: "t", text: (["SOCCER - COASTAL CUP RESULTS"] + rows + ["Share this"]).joined(separator: "\n"),
                            title: "SOCCER - COASTAL CUP RESULTS", url: "https://t.example.com/1")
        let eleven = Figures.of(chunks: [Support.normalized("11")[...]])[0]
        #expect(Support.analyze([table])[0].leadLine.figures.contains(eleven))
        let prose = ["Defiant Matt Williams says he will not quit as coach even if his side slump to a new low with defeat by Italy",
                     "Call (258) 555-4275 or write 11 Harbour Road"]
        let page = Article(id: "p", text: (["Williams says he will never quit"] + prose).joined(separator: "\n"),
                           title: "Williams says he will never quit", url: "https://p.example.com/1")
        #expect(!Support.analyze([page])[0].leadLine.figures.contains(eleven))
        // Nor is a line the site's other pages hold a row of the page's own: a contact line.
        let contact = "Copyright complaints: call (258) 555-4275"
        let today = "Today: Cloudy. High 33F (1C). Winds SW at 15 mph. Tonight: Mostly sunny. Low 12F. Wednesday: Sunny. High 29F, low 11F."
        let forecast = Article(id: "w", text: ["Austin weather", today, contact].joined(separator: "\n"),
                               title: "Austin weather", url: "https://tiny.example.org/w")
        let other = Article(id: "o", text: ["Denver weather", "Tonight: Mostly sunny. Low 12F.", contact].joined(separator: "\n"),
                            title: "Denver weather", url: "https://tiny.example.org/o")
        let area = Figures.of(chunks: [Support.normalized("258")[...]])[0]
        let lead = Support.analyze([forecast, other])[0].leadLine.figures
        #expect(lead.contains(Figures.of(chunks: [Support.normalized("33")[...]])[0]) && !lead.contains(area))
    }
}

/// Pages left with their headline alone (their excerpt line went with the furniture, or they
/// hold nothing else) say nothing of what they hold: two of them under one headline are no copies
/// of each other, nor of an article under that headline.
struct HeadlineOnlyTests {
    @Test func pagesLeftWithTheirHeadlineAreNoCopies() throws {
        _ = Support.ready
        let title = "职业篮球联赛第8轮赛果"
        let full = Article(id: "full", text: [title, "职业篮球联赛第8轮比赛结果如下：", "济南星辰 3:3 成都猎豹", "沈阳星辰 3:2 郑州蓝鲸"].joined(separator: "\n"),
                           title: title, url: "https://a.example.cn/1")
        let pages = (1...2).map { k in Article(id: "page\(k)", text: title, title: title, url: "https://p\(k).example.cn/1") }
        #expect(Support.fingerprint(title).isHeadlineOnly == false)  // no headline known to a bare fingerprint
        let result = try ScanEngine(rules: .empty).scan([full] + pages)
        #expect(result.analyses[1].fingerprint.isHeadlineOnly)
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    /// A short headline may have no sampled shingle (each has one chance in two): two pages left
    /// with such a headline are no exact duplicates either, while a body of a few words is no headline.
    @Test func aHeadlineWithoutSampledShinglesIsStillOnlyAHeadline() throws {
        _ = Support.ready
        let words = ["BIRCHWOOD", "KESTREL", "HALCYON", "MARLOW", "QUARRY", "STERLING", "NORTHGATE", "COBALT"]
        let kinds = ["BANCORP", "SYSTEMS", "FOODS", "ENERGY", "HOLDINGS", "INDUSTRIES"]
        let title = try #require(words.flatMap { w in kinds.map { "\(w) \($0) SETS DIVIDEND" } }.first {
            Fingerprint.sampledShingles(of: Support.normalized($0)[...], width: 3).isEmpty
        })
        let pages = (1...2).map { k in Article(id: "page\(k)", text: title, title: title, url: "https://p\(k).example.com/1") }
        let result = try ScanEngine(rules: .empty).scan(pages)
        #expect(result.analyses[0].fingerprint.sketch.isEmpty && result.analyses[0].fingerprint.isHeadlineOnly)
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
        let notice = Article(id: "n", text: [title, "Qtly div 60 cts vs 59 cts prior"].joined(separator: "\n"), title: title, url: "https://n.example.com/1")
        #expect(!Support.analyze([notice])[0].fingerprint.isHeadlineOnly)
    }

    /// Two score reports alike but for the city whose clock the first line gives ("北京时间" /
    /// "武汉时间"): the page's longest line (the scorers, unmarked) is the other's verbatim, but
    /// a full page whose report line says the same figures in other words is another report, not
    /// an excerpt of this one.
    @Test func aFullReportWithAWordReplacedIsNoExcerptByItsLongestLine() throws {
        _ = Support.ready
        let title = "城市足球联赛第11轮：上海铁军3比4不敌昆明星辰"
        let rest = ["进球：陈一鸣（第64分钟）、吴昊（第6分钟）、李承泽（第90分钟）、赵天宇（第77分钟）、刘子轩（第39分钟）、黄俊杰（第58分钟）、王志远（第29分钟）",
                    "全场数据：射门22比13，控球率44%比56%。", "本轮过后，上海铁军积45分，暂列积分榜第16位。"]
        func report(_ id: String, clock: String, site: String, at time: String) -> Article {
            let first = "\(clock)时间7月27日，城市足球联赛第11轮一场比赛在上海体育中心进行，上海铁军主场以3比4不敌昆明星辰。"
            return Article(id: id, text: ([title, first] + rest).joined(separator: "\n"), title: title, url: "https://\(site)/\(id)", publishedAt: time)
        }
        let result = try ScanEngine(rules: .empty).scan([report("beijing", clock: "北京", site: "a.example.cn", at: "2024-07-27 22:00:00"),
                                                         report("wuhan", clock: "武汉", site: "b.example.cn", at: "2024-07-27 23:00:00")])
        #expect(result.decisions.allSatisfy { $0.canonical == $0.id }, "\(result.decisions.map(\.reasons))")
    }

    /// A dividend notice's rows, run together by a listing and cut without a mark ("…priorPay June
    /// 24Record Sept"), are a short line, yet a row of figures: the lead line of a page on a site
    /// seen twice, whose notices its other page shows, and so an excerpt of the notice.
    @Test func aShortRowOfFiguresIsALeadLine() throws {
        _ = Support.ready
        let title = "HALCYON FOODS INC <HALF> RAISES DIVIDEND", other = "Harbour works to start in spring"
        let notices = ["Originally published on the Meadow Tribune website.", "Comments are closed for this article.",
                       "Local news matters. Chip in from $1."]
        let report = Article(id: "report", text: [title, "Qtly div 51 cts vs 49 cts prior", "Pay June 24", "Record Sept 13"].joined(separator: "\n"),
                             title: title, url: "https://a.example.com/1")
        let teaser = Article(id: "teaser", text: ([title, "Qtly div 51 cts vs 49 cts priorPay June 24Record Sept"] + notices).joined(separator: "\n"),
                             title: title, url: "https://tiny.example.net/7")
        let story = "Work on the new harbour wall will start in the spring, the council said on Tuesday, after years of delays and two public inquiries into the cost of the scheme."
        let page = Article(id: "other", text: ([other, story] + notices).joined(separator: "\n"), title: other, url: "https://tiny.example.net/8")
        let result = try ScanEngine(rules: .empty).scan([report, teaser, page])
        #expect(result.decisions[1].canonical == "report" && result.decisions[1].match?.kind == .excerpt, "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "other", "\(result.decisions[2].reasons)")
    }
}
