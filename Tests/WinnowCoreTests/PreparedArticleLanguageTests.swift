import Testing
@testable import WinnowCore

/// A page's language by its script: statistics compare a site's lines with other sites' of the
/// same language, rules may be limited to languages, and reports show it.
struct PreparedArticleLanguageTests {
    func language(_ text: String) -> String {
        _ = Support.ready
        return PreparedArticle(Article(id: "l", text: text)).language
    }

    @Test func eachScriptNamesItsLanguage() {
        #expect(language("市政府今天宣布，城东新区的地铁线路将于明年年底开通运营。") == "zh")
        #expect(language("市政府は今日、東部新区の地下鉄路線を来年末に開業すると発表した。") == "ja")
        #expect(language("시 정부는 오늘 동부 신도시의 지하철 노선을 내년 말에 개통한다고 밝혔다.") == "ko")
        #expect(language("The city said today that the new metro line will open at the end of next year.") == "en")
        #expect(language("2024-05-01 12:00") == "und")
    }

    /// A Chinese page that names a Japanese brand, or a Korean one quoting Han characters,
    /// keeps its language; English beside a few Chinese words stays English.
    @Test func aFewCharactersOfAnotherScriptDoNotChangeIt() {
        #expect(language("这家名为「すし の店」的餐馆位于市中心，每天接待上千名顾客，营业额连续三年增长超过百分之二十。") == "zh")
        #expect(language("서울시는 올해 예산 가운데 40%를 복지(福祉) 분야에 배정했다고 밝혔다.") == "ko")
        #expect(language("The restaurant, known locally as 老街面馆, serves about a thousand diners every day.") == "en")
    }

    @Test func scriptCountsAreMeasuredPerLine() {
        let doc = PreparedArticle(Article(id: "s", text: "ひらがなとカタカナ\n한국어"))
        #expect(doc.shapes[0].kana == 9 && doc.shapes[0].hangul == 0)
        #expect(doc.shapes[1].hangul == 3 && doc.shapes[1].kana == 0)
    }
}
