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

    @Test func aFullArticleWithATeaserUnderASeriesHeadlineIsNoExcerpt() throws {
        _ = Support.ready
        let other = Pages.body(seed: 32, paragraphs: 5)
        let a = Article(id: "a", text: story.joined(separator: "\n"), title: "国内快讯", url: "https://a.example.cn/1")
        let b = Article(id: "b", text: (other + ["相关：" + String(story[0].prefix(60)) + "..."]).joined(separator: "\n"),
                        title: "国内快讯", url: "https://b.example.cn/2")
        let result = try ScanEngine(rules: .empty).scan([a, b])
        #expect(result.decisions.allSatisfy { $0.kind == .keep }, "\(result.decisions.map(\.reasons))")
    }
}
