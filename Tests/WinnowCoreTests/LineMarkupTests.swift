import Foundation
import Testing
@testable import WinnowCore

struct LineMarkupTests {
    func read(_ s: String, inFence: Bool = false) -> (LineMarkup, String) {
        let n = Support.normalized(s)
        let (m, v) = MarkupReader.read(n[...], inFence: inFence)
        return (m, String(decoding: v ?? n[...], as: UTF8.self))
    }

    @Test func headingsLoseTheirMarks() {
        let (m, v) = read("#  LLM大模型安全（4）- 供应链漏洞   ")
        #expect(m.block == .heading)
        #expect(v.filter { $0 != " " } == "llm大模型安全(4)-供应链漏洞")
    }

    @Test func linksKeepTheirTextAndDropTheirAddress() {
        let (m, v) = read("[查看原文](https://tv.example.com/2022/03/06/VIDE6vLXh220306.shtml)")
        #expect(m.isLinkOnly)
        #expect(v == "查看原文")
        let (n, w) = read("1. https://blog.example.net/u/article/details/122454417")
        #expect(n.isLinkOnly)
        #expect(w.trimmingCharacters(in: .whitespaces) == "1.")
    }

    @Test func aWordInAngleBracketsIsTextButTagsAreNot() {
        // A ticker after a company's name is the headline's text; markup of any case is not.
        let (m, v) = read("DELMAR FINANCIAL CORP <DELF> 1ST QTR NET")
        #expect(m.tags == 0 && v == "delmar financial corp <delf> 1st qtr net")
        #expect(read("Year <IBM.N> net").1 == "year <ibm.n> net")
        for markup in ["<BR>", "<o:p></o:p>", "<span style=\"color:red\">", "</TD>", "<br/>", "<!-- x -->"] {
            let (n, w) = read("正文\(markup)内容")
            #expect((n.tags > 0 || n.block == .table) && w.filter { $0 != " " } == "正文内容", "\(markup)")
        }
        // Quoted XML stays legible: its elements are no HTML.
        #expect(read("<groupId>org.example</groupId>").1 == "<groupid>org.example</groupid>")
    }

    @Test func imagesAreInvisible() {
        let (m, v) = read("![](https://img.example.com/a/640?wx_fmt=png&from=appmsg \"\")")
        #expect(m.isImageOnly)
        #expect(v.isEmpty)
    }

    @Test func emphasisAndTablesAreMarked() {
        #expect(read("**0x02 漏洞详情**").0.isEmphasis)
        #expect(read("**0x02 漏洞详情**").1 == "0x02 漏洞详情")
        #expect(read("| 名称 | 版本 |").0.block == .table)
        #expect(read("<table><tbody><tr><td>接口名称</td></tr></tbody></table>").0.block == .table)
    }

    @Test func fencedCodeIsCodeButFencedProseIsNot() {
        #expect(read("```").0.block == .fence)
        #expect(read("} else {", inFence: true).0.isCodeLike)
        #expect(read("Host: 127.0.0.1", inFence: true).0.isCodeLike)
        #expect(!read("二、每周分享一次学习资料和工具清单", inFence: true).0.isCodeLike)
    }

    @Test func aFenceGluedToTextOpensABlock() {
        let lines = ["fofa语法```", "body=\"/js/app.js\"", "```", "正文继续。", "```", "Host: IP", "```"]
        let doc = PreparedArticle(Article(id: "g", text: lines.joined(separator: "\n")))
        #expect(doc.markup[0].opensFence)
        #expect(doc.markup[1].block == .code)
        #expect(doc.markup[3].block == .text)
        #expect(doc.markup[5].block == .code)
        #expect(!read("用 ``` 包住代码块```").0.opensFence)
    }

    @Test func plainLinesPassUntouched() {
        let n = Support.normalized("这是一段普通的正文：没有任何标记。")
        let (m, v) = MarkupReader.read(n[...], inFence: false)
        #expect(m == LineMarkup())
        #expect(v == nil)
    }

    @Test func titleFoundUnderHeadingMarks() {
        let text = "#  漏洞预警 | 示例云平台注入漏洞   \n小安  小安安全   2024-12-19 00:00  \n\n正文第一段，说明了这个漏洞的来龙去脉以及影响的范围。"
        let doc = PreparedArticle(Article(id: "t", text: text, title: "漏洞预警  示例云平台注入漏洞"))
        #expect(doc.titleLine == 0)
        // A page title adding the section or site name still finds its headline line.
        let page = "首页 > 城市\n滨江新区启用智慧公交调度系统\n正文第一段，说明了这项工作的来龙去脉。"
        #expect(PreparedArticle(Article(id: "p", text: page, title: "滨江新区启用智慧公交调度系统_城市频道")).titleLine == 1)
        #expect(PreparedArticle(Article(id: "q", text: page, title: "城市频道 | 滨江新区启用智慧公交调度系统")).titleLine == 1)
        #expect(PreparedArticle(Article(id: "r", text: page, title: "滨江新区启用智慧公交调度系统并公布全年计划与具体实施路线图")).titleLine == nil)
    }
}
