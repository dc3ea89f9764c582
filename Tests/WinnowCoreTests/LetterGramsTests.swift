import Testing
@testable import WinnowCore

/// Letter windows ignore spacing and punctuation, so a listing that glued words together still
/// matches the text it was cut from; their hashes travel in analysis records, so they are pinned.
struct LetterGramsTests {
    func grams(_ s: String, limit: Int = 600) -> [LetterGrams.Window] {
        LetterGrams.of(chunks: [Array(TextNormalizer.normalize(s).utf8)[...]], limit: limit)
    }

    @Test func spacingAndPunctuationDoNotMatter() {
        let plain = grams("Plans to allow Home Secretary Charles Clarke to place terror suspects under house arrest")
        let glued = grams("Plans to allow Home Secretary Charles Clarke toplace terror suspects under house arrest")
        #expect(plain == glued)
        #expect(grams("今天，滨江新区正式启用智慧公交调度系统。") == grams("今天 滨江新区正式启用智慧公交调度系统"))
        #expect(!plain.isEmpty)
    }

    @Test func containmentOfAStartInTheWhole() {
        let article = grams("Two days of talks on the future of Gibraltar begin at Jack Straw's country residence later on Wednesday. Officials at the talks")
        let excerpt = grams("Two days of talks on the future of Gibraltar begin atJack Straw's country residence later onWednesday.Officials")
        #expect(LetterGrams.containment(of: excerpt, in: article) == 1)
        let other = grams("Talks on the future of the fishing fleet begin in Brussels on Thursday, officials said")
        #expect(LetterGrams.containment(of: other, in: article) < 0.5)
        #expect(LetterGrams.containment(of: [], in: article) == 0)
    }

    @Test func onlyTheFirstCharactersAreRead() {
        let long = String(repeating: "abcdefghij", count: 100)
        #expect(grams(long, limit: 20).count < grams(long, limit: 600).count || grams(long, limit: 600).count <= 10)
        #expect(grams("abcde").isEmpty)  // shorter than one window
    }

    /// Golden values: these hashes are exchanged between processes (analysis records, the Spark
    /// job) and must never change silently.
    @Test func goldenValues() {
        #expect(grams("Two days of talks on the future of Gibraltar begin") == GoldenLetterGrams.talks)
        #expect(grams("滨江新区正式启用智慧公交调度系统全区公交线路接入统一平台") == GoldenLetterGrams.binjiang)
        #expect(grams("沈阳锋范主场以2比3不敌厦门勇士") == GoldenLetterGrams.score)
    }

    @Test func figuresAreCheckedInPlace() {
        let article = grams("沈阳锋范主场以4比3不敌厦门勇士，全场比赛观众超过两万人")
        let twin = grams("沈阳锋范主场以2比3不敌厦门勇士")
        let copy = grams("沈阳锋范主场以4比3不敌厦门勇士")
        #expect(LetterGrams.containment(of: copy, in: article) == 1)
        #expect(LetterGrams.missingFigureWindows(of: twin, in: article) > 0)
        #expect(LetterGrams.missingFigureWindows(of: copy, in: article) == 0)
        #expect(twin.contains(where: LetterGrams.holdsDigit) && !grams("没有数字的一句话在这里").contains(where: LetterGrams.holdsDigit))
    }
}

/// Hashes computed once and kept: a change here breaks records written by other versions.
enum GoldenLetterGrams {
    static let talks: [LetterGrams.Window] = [142, 1592, 6560, 11524, 13272, 18578, 39510, 65118]
    static let binjiang: [LetterGrams.Window] = [3760, 8868, 51836]
    static let score: [LetterGrams.Window] = [5235, 11411, 23052, 34435, 38315, 40605, 40807, 42963, 51731]  // odd: holds a digit
}




