import Foundation
import Testing

/// `winnow explain` says why two documents are apart when a check other than similarity says so:
/// here two notices on one form naming other companies, though every figure agrees.
struct ExplainCommandTests {
    static let form = ["经公司董事会核实，公司前期披露的信息不存在需要更正、补充之处，公司经营情况正常，内外部经营环境未发生重大变化。",
                       "公司控股股东及实际控制人不存在应披露而未披露的重大事项，也不存在处于筹划阶段的重大事项。",
                       "公司郑重提醒广大投资者，注意二级市场交易风险，理性决策，审慎投资。"]

    static func notice(_ id: String, company: String, site: String) -> String {
        let title = "\(company)股份有限公司股票交易异常波动公告"
        let lines = [title, "证券代码：600389　证券简称：\(company)　公告编号：2021-050",
                     "\(company)股份有限公司股票连续三个交易日收盘价格跌幅偏离值累计超过20%，属于股票交易异常波动的情形。"]
            + form + ["特此公告。", "\(company)股份有限公司董事会"]
        return Faults.line(["id": id, "text": lines.joined(separator: "\n"), "title": title, "url": "https://\(site)/a/\(id).html"])
    }

    @Test func explainNamesWhyNoticesAreApart() throws {
        let dir = CLI.tempDir()
        let companies = ["汇通能源", "瑞丰新材", "远航机械", "嘉禾环保"]
        var lines = companies.enumerated().map { k, c in Self.notice("n\(k)", company: c, site: "site\(k).example.com") }.joined()
        lines += Self.notice("a", company: "永兴物流", site: "a.example.cn") + Self.notice("b", company: "明德物流", site: "b.example.cn")
        try Faults.write(lines, to: dir + "/in.jsonl")
        let r = try CLI.run(["explain", "a", "b", "in.jsonl", "--no-rules"], cwd: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("a -> b: not a copy (headline and text name other subjects)"), "\(r.out)")
        #expect(r.out.contains("headline shingles said in the text"), "\(r.out)")
        #expect(r.out.contains("figure lines") && r.out.contains("sentences with figures"), "\(r.out)")
    }
}
