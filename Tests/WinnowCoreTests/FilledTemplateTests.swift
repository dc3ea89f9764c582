import Testing
@testable import WinnowCore

/// Notices written on one template ("股票交易异常波动公告": the same legal sentences for every
/// company, one line of the company's own figures) run in sentences, so they are no templated
/// report by layout; the batch shows they are forms: their sentences stand under many other
/// stories. Two such notices that differ in one figure are two notices, while a story reposted
/// under other headlines (all its lines recur alike) stays one story.
struct FilledTemplateTests {
    static let form = [
        "经公司董事会核实，公司前期披露的信息不存在需要更正、补充之处，公司经营情况正常，内外部经营环境未发生重大变化。",
        "公司控股股东及实际控制人不存在应披露而未披露的重大事项，也不存在处于筹划阶段的重大事项。",
        "公司郑重提醒广大投资者，注意二级市场交易风险，理性决策，审慎投资。",
    ]

    /// A notice of `company` whose shares moved `percent` over three days.
    static func notice(_ id: String, company: String, percent: Int, site: String) -> Article {
        let title = "\(company)股份有限公司股票交易异常波动公告"
        let own = "\(company)股份有限公司股票连续三个交易日收盘价格跌幅偏离值累计超过\(percent)%，属于股票交易异常波动的情形，公司已于当日向交易所报备。"
        let code = "证券代码：\(600_000 + company.unicodeScalars.count * 37)　证券简称：\(company)　公告编号：2021-050"
        let text = ([title, code, own] + form + ["特此公告。", "\(company)股份有限公司董事会"]).joined(separator: "\n")
        return Article(id: id, text: text, title: title, url: "https://\(site)/a/\(id).html")
    }

    static let companies = ["汇通能源", "明德电气", "永兴物流", "瑞丰新材", "远航机械"]

    @Test func noticesOnOneFormWithOtherFiguresAreNotMerged() throws {
        var articles = Self.companies.enumerated().map { k, c in Self.notice("n\(k)", company: c, percent: 20 + k, site: "site\(k).example.com") }
        // The first company's notice again, elsewhere: once verbatim, once with another percentage.
        articles.append(Self.notice("copy", company: Self.companies[0], percent: 20, site: "mirror.example.cn"))
        articles.append(Self.notice("twin", company: Self.companies[0], percent: 75, site: "other.example.cn"))
        let result = try ScanEngine(rules: .empty).scan(articles)
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(Figures.isTemplated(result.analyses[0].fingerprint))
        #expect(byId["copy"]?.canonical == byId["n0"]?.canonical, "\(byId["copy"]?.reasons ?? [])")
        #expect(byId["twin"]?.canonical == "twin", "\(byId["twin"]?.reasons ?? [])")
    }

    /// A repost whose stock code was changed, its sentences run into one paragraph: its longest
    /// line is the notice's verbatim, yet the page states a figure the notice does not, so it is
    /// no excerpt of it either (`PairJudge.leadLine` holds filled-in templates to their figures).
    @Test func aNoticeWithAnotherCodeIsNoExcerptOfIt() throws {
        var articles = Self.companies.enumerated().map { k, c in Self.notice("n\(k)", company: c, percent: 20 + k, site: "site\(k).example.com") }
        let original = articles[0]
        var lines = original.text.split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "证券代码：6", with: "证券代码：9")
        lines[2] = lines[2] + lines[3] + lines[4]
        lines.removeSubrange(3...4)
        articles.append(Article(id: "code", text: lines.joined(separator: "\n"), title: original.title, url: "https://mirror.example.cn/c/1.html"))
        let result = try ScanEngine(rules: .empty).scan(articles)
        #expect(result.decisions.last?.canonical == "code", "\(result.decisions.last?.reasons ?? [])")
    }

    /// One article reposted under four headlines, one repost with a number changed by its editor:
    /// every line stands under four "stories", none more than the others, so nothing is a form.
    @Test func aStoryRetitledIsNoForm() throws {
        let body = Pages.body(seed: 42, paragraphs: 4)
        func repost(_ k: Int, number: Int) -> Article {
            let title = "第\(["一", "二", "三", "四"][k])种说法：城市更新进入新阶段"
            let lines = [title] + body.enumerated().map { i, p in i == 1 ? p + "全年完成投资\(number)亿元。" : p }
            return Article(id: "r\(k)", text: lines.joined(separator: "\n"), title: title, url: "https://site\(k).example/1")
        }
        let articles = [repost(0, number: 120), repost(1, number: 120), repost(2, number: 120), repost(3, number: 125)]
        let result = try ScanEngine(rules: .empty).scan(articles)
        #expect(result.analyses.allSatisfy { !Figures.isTemplated($0.fingerprint) })
        #expect(result.decisions[3].canonical != "r3", "\(result.decisions[3].reasons)")
    }
}
