import Testing
@testable import WinnowCore

/// Names are content: two notices on one form whose headlines and texts name other companies
/// ("永兴物流…" / "明德物流…") are two notices, though every figure agrees. A repost under another
/// headline whose text does not say the new headline's words is still a copy.
struct SubjectNamesTests {
    func fingerprint(_ lines: [String]) -> Fingerprint {
        let chunks = lines.map { Support.normalized($0)[...] }
        let title = Fingerprint.allShingles(of: chunks[0])
        return Fingerprint.of(chunks: chunks, headline: title, headlineChunk: 0)
    }

    @Test func theMaskMarksHeadlineWordsTheTextSays() {
        let said = fingerprint(["永兴物流：关于股票交易异常波动的公告", "永兴物流股份有限公司股票连续三个交易日收盘价格跌幅偏离值累计超过20%。"])
        let unsaid = fingerprint(["永兴物流：关于股票交易异常波动的公告", "本公司股票连续三个交易日收盘价格跌幅偏离值累计超过20%。"])
        #expect(said.subjectMask != 0)
        #expect(unsaid.subjectMask & said.subjectMask != said.subjectMask)
        // The headline line itself is not looked in.
        let alone = fingerprint(["永兴物流：关于股票交易异常波动的公告", "特此公告。"])
        #expect(alone.subjectMask == 0)
    }

    @Test func noticesNamingOtherCompaniesAreNotMerged() throws {
        let form = FilledTemplateTests.self
        var articles = form.companies.enumerated().map { k, c in form.notice("n\(k)", company: c, percent: 20 + k, site: "site\(k).example.com") }
        // 永兴物流's notice, and one on the same form, with the same figures, for 明德物流.
        articles.append(form.notice("same", company: "永兴物流", percent: 40, site: "a.example.cn"))
        articles.append(form.notice("copy", company: "永兴物流", percent: 40, site: "b.example.cn"))
        articles.append(form.notice("other", company: "明德物流", percent: 40, site: "c.example.cn"))
        let result = try ScanEngine(rules: .empty).scan(articles)
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(byId["copy"]?.canonical == byId["same"]?.canonical, "\(byId["copy"]?.reasons ?? [])")
        #expect(byId["other"]?.canonical == "other", "\(byId["other"]?.reasons ?? [])")
    }

    @Test func aRetitledRepostNamesNoOtherSubject() {
        let body = Pages.body(seed: 7, paragraphs: 3)
        let a = fingerprint(["城市更新进入新阶段"] + body)
        let b = fingerprint(["新华视点：旧城改造提速"] + body)
        #expect(!PairJudge.namesReplaced(a, b))
        // Each text naming its own subject, and not the other's, is another document.
        let c = fingerprint(["永兴物流：关于股票交易异常波动的公告", "永兴物流股份有限公司股票连续三个交易日收盘价格跌幅偏离值累计超过20%。"])
        let d = fingerprint(["明德物流：关于股票交易异常波动的公告", "明德物流股份有限公司股票连续三个交易日收盘价格跌幅偏离值累计超过20%。"])
        #expect(PairJudge.namesReplaced(c, d))
    }
    /// Short postings in prose (no report, no form) that name another company in the headline
    /// and the first sentence, with the same figures, are two postings; a repost is one.
    @Test func shortPostingsNamingOtherCompaniesAreNotMerged() throws {
        func posting(_ id: String, _ company: String, site: String) -> Article {
            let title = "\(company.uppercased()) CUTS CRUDE OIL POSTINGS"
            let text = [title, "\(company) said it lowered the contract price it will pay for all grades of crude oil by 75 cts a barrel, effective Oct 10.",
                        "The change brings its posted price for West Texas Intermediate to 14.18 dlrs a barrel.",
                        "Wyoming Sweet is now posted at 14.18 dlrs."].joined(separator: "\n")
            return Article(id: id, text: text, title: title, url: "https://\(site)/\(id)")
        }
        let result = try ScanEngine(rules: .empty).scan([posting("a", "Norland Energy Co", site: "a.example.com"),
                                                         posting("b", "Larkin Energy Co", site: "b.example.com"),
                                                         posting("copy", "Norland Energy Co", site: "c.example.com")])
        #expect(!Figures.isReport(result.analyses[0].fingerprint))
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
