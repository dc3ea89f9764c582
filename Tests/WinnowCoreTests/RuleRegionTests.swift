import Testing
@testable import WinnowCore

/// Moderation acts on the article's own text: a site's takedown notice with an e-mail address in
/// its stripped footer is reported, not sent to review.
struct RuleRegionTests {
    let email = Rule(id: "email", category: .moderation, severity: .warning, action: .review,
                     matcher: .regex("[a-z]+@[a-z]+\\.[a-z]+"))
    let notice = Rule(id: "notice", category: .disclaimer, matcher: .phrases(["如有侵权"]))

    @Test func matchesInStrippedFurnitureAskForNoReview() throws {
        _ = Support.ready
        let rules = try RuleSet(rules: [email, notice])
        let articles = [
            Article(id: "footer", text: Pages.body(seed: 11).joined(separator: "\n") + "\n如有侵权请联系 tips@example.com 删除"),
            Article(id: "text", text: "读者可来信 tips@example.com 反映情况，我们将及时核实。\n" + Pages.body(seed: 13).joined(separator: "\n")),
        ]
        let result = try ScanEngine(rules: rules).scan(articles)
        #expect(result.decisions[0].kind == .keep)
        let outside = result.analyses[0].findings.filter { $0.rule == "email" }
        #expect(outside.count == 1 && outside[0].outsideRegion && outside[0].action == .flag)
        #expect(result.decisions[1].kind == .review)
    }

    @Test func aRuleCanAskForFurnitureOrAnyRegion() throws {
        _ = Support.ready
        var any = email
        any.scope.region = .any
        let body = Pages.body(seed: 12).joined(separator: "\n")
        let article = Article(id: "footer", text: body + "\n如有侵权请联系 tips@example.com 删除")
        let d = try ScanEngine(rules: RuleSet(rules: [any, notice])).scan([article]).decisions
        #expect(d[0].kind == .review)
        var furnitureOnly = email
        furnitureOnly.scope.region = .furniture
        let inText = Article(id: "text", text: "读者可来信 tips@example.com 反映情况，我们将及时核实。\n" + body)
        #expect(try ScanEngine(rules: RuleSet(rules: [furnitureOnly, notice])).scan([inText]).decisions[0].kind == .keep)
    }

    @Test func aContactLineEveryPageOfASiteRepeatsAsksForNoReview() throws {
        _ = Support.ready
        let rules = try RuleSet(rules: [email])
        let contact = "若您认为本页内容有误，请写信至 desk@example.cn 告知我们"
        let articles = (0..<3).map { i in
            Article(id: "p\(i)", text: Pages.body(seed: UInt64(20 + i)).joined(separator: "\n") + "\n" + contact,
                    title: "第\(i)篇", url: "https://small.example.cn/\(i).html")
        }
        let result = try ScanEngine(rules: rules).scan(articles)
        #expect(result.decisions.allSatisfy { $0.kind == .keep }, "\(result.decisions.map(\.reasons))")
        #expect(result.analyses.allSatisfy { $0.findings.contains { $0.rule == "email" && $0.outsideRegion } })
    }
}
