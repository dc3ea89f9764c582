import Foundation
import TestScratch
import Testing
@testable import WinnowCore
@testable import WinnowStore

/// Filled-in templates across runs (schema v9-template-tokens): a notice archived last night
/// keeps its count of template tokens, so tonight's notice on the same form with another figure
/// is not merged into it; rows archived before the count was kept read as own text.
struct ArchiveTemplateTokensTests {
    func scan(_ articles: [Article], store: ArchiveStore, run: String) throws -> [Decision] {
        try ArchiveFiguresTests().scan(articles, store: store, run: run)
    }

    static let companies = ["北辰港务", "南湖药业", "西岭矿业", "东川电子", "中原粮油"]

    /// A price-move notice of `company` on the exchange's form (three form sentences, three of its own).
    static func notice(_ id: String, company: String, percent: Int, site: String) -> Article {
        let title = "\(company)关于股价异常波动的公告"
        let lines = [title, "股票代码：\(300_000 + company.unicodeScalars.reduce(0) { ($0 + Int($1.value)) % 997 })　股票简称：\(company)",
                     "本公司股票连续两个交易日收盘价格涨幅偏离值累计达到\(percent)%，根据交易所规则属于股票交易异常波动，\(company)已自查。",
                     "经董事会自查并向控股股东问询，不存在应当披露而未披露的重大信息，近期经营情况及内外部经营环境没有发生重大变化。",
                     "公司未发现需要澄清或回应的媒体报道或市场传闻，也未发现其他可能对公司股价产生较大影响的重大事件。",
                     "敬请广大投资者理性投资，注意投资风险，公司所有信息均以指定媒体刊登的公告为准。",
                     "\(company)股份有限公司董事会"]
        return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(site)/a/\(id).html")
    }

    var firstNight: [Article] {
        Self.companies.enumerated().map { k, c in Self.notice("n\(k)", company: c, percent: 20 + k, site: "site\(k).example.com") }
    }

    @Test func aNoticeOnTheFormWithOtherFiguresStaysApartAcrossRuns() throws {
        let store = try ArchiveStore(path: Scratch.path("template", suffix: ".sqlite"))
        _ = try scan(firstNight, store: store, run: "r1")
        #expect(try (store.article(id: "n0")?.0.fingerprint.templateTokens ?? 0) > 0)
        // The headline's company, said in the notice (schema v12-subject-mask).
        #expect(try store.article(id: "n0")?.0.fingerprint.subjectMask != 0)
        let company = Self.companies[0]
        let second = try scan([Self.notice("twin", company: company, percent: 75, site: "other.example.cn"),
                               Self.notice("copy", company: company, percent: 20, site: "mirror.example.cn")],
                              store: store, run: "r2")
        #expect(second[0].canonical == "twin", "\(second[0].reasons)")
        #expect(second[1].canonical == "n0" && second[1].canonicalRun == "r1", "\(second[1].reasons)")
    }

    @Test func rowsArchivedBeforeTheCountReadAsOwnText() throws {
        let path = Scratch.path("template-old", suffix: ".sqlite")
        let store = try ArchiveStore(path: path)
        _ = try scan(firstNight, store: store, run: "r1")
        try ArchiveStoreTests.execute("UPDATE articles SET template_tokens = NULL, subject_mask = NULL", on: path)
        #expect(try store.article(id: "n0")?.0.fingerprint.templateTokens == 0)
        #expect(try store.article(id: "n0")?.0.fingerprint.subjectMask == 0)
    }
}
