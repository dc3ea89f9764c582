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
}
