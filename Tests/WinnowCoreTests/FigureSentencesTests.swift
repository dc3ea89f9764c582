import Testing
@testable import WinnowCore

/// A notice's fixed sentence stating a figure goes with a small site's template where the site
/// posts several notices; a twin stating another figure in it is still another notice
/// (`FigureSentences`).
struct FigureSentencesTests {
    func entry(_ line: String, stripped: Bool) -> UInt64 {
        FigureSentences.entry(LineShape(normalized: Support.normalized(line)), stripped: stripped)
    }

    @Test func aStrippedSentenceStatedWithAnotherFigureIsReplaced() {
        let stripped = [entry("消费者如发现价格违法行为，可拨打12315进行举报。", stripped: true)]
        #expect(FigureSentences.replaced(stripped, [entry("消费者如发现价格违法行为，可拨打12318进行举报。", stripped: false)]))
        // The same figure, kept or stripped, in other script or width: the same sentence.
        #expect(!FigureSentences.replaced(stripped, [entry("消費者如發現價格違法行爲，可撥打１２３１５進行舉報。", stripped: false)]))
        // A sentence the other lacks, or a kept one, says nothing here.
        #expect(!FigureSentences.replaced(stripped, [entry("各成品油经营企业要严格执行国家价格政策，不超过2个工作日。", stripped: false)]))
        #expect(!FigureSentences.replaced([entry("消费者如发现价格违法行为，可拨打12315进行举报。", stripped: false)],
                                          [entry("消费者如发现价格违法行为，可拨打12318进行举报。", stripped: false)]))
        // Unless kept ones count too (a page linked by its longest line alone is held to them).
        #expect(FigureSentences.replaced([entry("消费者如发现价格违法行为，可拨打12317进行举报。", stripped: false)],
                                         [entry("消费者如发现价格违法行为，可拨打12315进行举报。", stripped: true)], kept: true))
        #expect(!FigureSentences.replaced([entry("消费者如发现价格违法行为，可拨打12315进行举报。", stripped: false)],
                                          [entry("消费者如发现价格违法行为，可拨打12315进行举报。", stripped: true)], kept: true))
    }

    @Test func entriesMarkTheSentencesThePageStripped() {
        let lines = ["今天夜间，雷阵雨，最低气温20℃。", "相对湿度79%，降水概率20%。", "发布时间：7月4日17时", "空气质量：优。"]
        let shapes = lines.map { LineShape(normalized: Support.normalized($0)) }
        // Line 1 went with the furniture around it; the dated line and the one without figures are no such sentences.
        let entries = FigureSentences.of(shapes, kept: { $0 != 1 }, stripped: { $0 == 1 })
        #expect(entries.count == 2 && entries.filter { $0 & 1 == 1 } == [entry(lines[1], stripped: true)])
    }

    static func notice(province: String, date: String, cut: (Int, Int), prices: (String, String, String), hotline: String) -> [String] {
        ["根据国家发展改革委价格调整通知，自\(date)24时起，\(province)汽、柴油最高零售价格每吨分别降低\(cut.0)元和\(cut.1)元。",
         "调整后，92号汽油最高零售价格为每升\(prices.0)元，95号汽油每升\(prices.1)元，0号柴油每升\(prices.2)元。",
         "各成品油经营企业要严格执行国家价格政策，不得超过最高零售价格销售。", "消费者如发现价格违法行为，可拨打\(hotline)进行举报。",
         "\(province)发展和改革委员会"]
    }

    /// A small site posting two provinces' notices strips their fixed sentences as its template;
    /// a twin of one of them on another site names another hotline: no copy of it.
    @Test func aTwinStatingAnotherFigureInASentenceTheSiteStripsIsNotMerged() throws {
        _ = Support.ready
        let fujian = "福建省成品油价格调整公告", zhejiang = "浙江省成品油价格调整公告"
        let f = Self.notice(province: "福建省", date: "4月1日", cut: (125, 65), prices: ("6.59", "7.08", "6.14"), hotline: "12315")
        let z = Self.notice(province: "浙江省", date: "11月10日", cut: (85, 170), prices: ("6.52", "7.07", "6.01"), hotline: "12315")
        let twin = Self.notice(province: "福建省", date: "4月1日", cut: (125, 65), prices: ("6.59", "7.08", "6.14"), hotline: "12318")
        let result = try ScanEngine(rules: .empty).scan([
            Article(id: "small-f", text: ([fujian] + f).joined(separator: "\n"), title: fujian, url: "https://small.example.cn/1"),
            Article(id: "small-z", text: ([zhejiang] + z).joined(separator: "\n"), title: zhejiang, url: "https://small.example.cn/2"),
            Article(id: "twin", text: ([fujian] + twin + ["（完）"]).joined(separator: "\n"), title: fujian, url: "https://other.example.cn/9"),
        ])
        let stripped = Support.furnitureLines(result.analyses[0])
        #expect(stripped.contains(5), "\(stripped.sorted())")
        #expect(result.analyses[0].fingerprint.figureSentences.contains { $0 & 1 == 1 })
        #expect(result.decisions[0].canonical == "small-f" && result.decisions[2].canonical == "twin",
                "\(result.decisions.map { "\($0.id): \($0.reasons)" })")
    }
}
