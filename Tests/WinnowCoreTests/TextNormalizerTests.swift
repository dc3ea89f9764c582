import Testing
@testable import WinnowCore

struct TextNormalizerTests {
    @Test func foldsWidthAndCase() {
        _ = Support.ready
        #expect(TextNormalizer.normalize("ＡＢＣ１２３ Hello") == "abc123 hello")
    }

    @Test func simplifiesTraditional() {
        _ = Support.ready
        #expect(TextNormalizer.normalize("國內聯播快訊") == "国内联播快讯")
        #expect(TextNormalizer.simplify("聯") == "联")
        #expect(TextNormalizer.simplify("a") == "a")
    }

    @Test func ellipsisBecomesDots() {
        _ = Support.ready
        #expect(TextNormalizer.normalize("开始…") == "开始...")
    }

    @Test func keepsLineCount() {
        _ = Support.ready
        let text = "第一行\r\n第二行\n\n ＦＵＬＬ\u{2028}x\n"
        let lines = LineSplitter.lines(of: text)
        #expect(lines.count == 5)
        #expect(lines[0].original == "第一行\r")
        #expect(lines[4].original == "")
    }

    @Test func emptyAndHostileInput() {
        _ = Support.ready
        #expect(TextNormalizer.normalize("") == "")
        let long = String(repeating: "ﷺ", count: 5000)  // expands a lot under NFKC
        #expect(TextNormalizer.normalize(long).count > 5000)
    }
}
