import Testing
@testable import WinnowCore

struct ShinglerTests {
    struct Collect: FeatureSink {
        var features: [UInt64] = []
        mutating func add(feature: UInt64) { features.append(feature) }
    }

    func shingles(_ text: String) -> (features: [UInt64], tokens: Int) {
        var s = Shingler()
        var sink = Collect()
        let bytes = Support.normalized(text)
        bytes.withUnsafeBufferPointer { s.feed($0, into: &sink) }
        s.finish(into: &sink)
        return (sink.features, s.tokenCount)
    }

    @Test func hanCharactersAreTokens() {
        #expect(shingles("新闻联播").tokens == 4)
        #expect(shingles("新闻联播").features.count == 2)
    }

    @Test func wordsAreTokens() {
        #expect(shingles("Solar farm opens today").tokens == 4)
    }

    @Test func mixedScriptsTokenizeTogether() {
        #expect(shingles("5G基站160万个").tokens == 7)  // 5 g 基 站 160 万 个
    }

    @Test func lettersAndDigitsRunTogetherAreSplit() {
        // Lines joined without a space ("February" + "1400 GMT") still share the tokens.
        #expect(shingles("Saturday 26 February1400 GMT").features == shingles("Saturday 26 February 1400 GMT").features)
    }

    @Test func punctuationAndWidthDoNotChangeFeatures() {
        let a = shingles("全国铁路，预计发送旅客840万人次！")
        let b = shingles("全国铁路,预计发送旅客８４０万人次!")
        #expect(a.features == b.features)
    }

    @Test func traditionalMatchesSimplified() {
        #expect(shingles("國內聯播快訊：全國鐵路預計發送旅客").features == shingles("国内联播快讯：全国铁路预计发送旅客").features)
    }

    @Test func shortTextsStillHaveAFeature() {
        #expect(shingles("你好").features.count == 1)
        #expect(shingles("hello").features.count == 1)
        #expect(shingles("。。。").features.isEmpty)
    }

    @Test func invalidBytesAreSeparators() {
        var s = Shingler()
        var sink = Collect()
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE4, 0xB8]  // "a", junk, "b", a cut sequence
        bytes.withUnsafeBufferPointer { s.feed($0, into: &sink) }
        s.finish(into: &sink)
        #expect(s.tokenCount == 2)
    }

    /// A lead line's sampled shingles, without the SimHash tally, are the sketch a full
    /// fingerprint of the line gives.
    @Test(arguments: ["据深圳市农产品批发市场监测，6月1日主要品种批发均价如下：", "Shr 34 cts vs 1.19 dlrs", "a", "", "。。。",
                      "Qtr ended March 2Shr 93 cts vs 5.52 dlrsNet loss 59,579,559 vs 27.5 mln"])
    func sampledShinglesAreTheSketch(_ text: String) {
        let line = Support.normalized(text)[...]
        #expect(Fingerprint.sampledShingles(of: line) == Fingerprint.of(chunks: [line]).sketch)
    }
}
