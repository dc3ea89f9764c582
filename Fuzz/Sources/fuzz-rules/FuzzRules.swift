import FuzzSupport
import WinnowCore
import WinnowIO

/// A short page every compiled rule set is tried on (Chinese and English furniture and body).
private let samplePage = Article(
    id: "sample",
    text: "首页 > 新闻 > 城市\n河畔步道夜间照明改造完成\n发布时间：2025-04-20 18:30 来源：河畔晚报\n"
        + "河畔步道的夜间照明改造日前完工，沿河新增的三处休息平台也将同步开放。\n"
        + "Contact: desk@news.example, +1 555 0100\n本文仅代表作者本人观点，如有侵权请联系删除。\nShare this article",
    url: "https://news.example/city/1")

/// libFuzzer entry point: the bytes as a YAML rules file (decoded leniently, as UTF-8 with
/// replacements): parse, compile the valid rules, run their examples, and apply them to a page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (rules, _) = RuleFileLoader().parse(text, file: "fuzz.yaml")
    guard let set = try? RuleSet(rules: rules) else { return 0 }
    _ = RuleExampleRunner(rules: set).run()
    FuzzSupport.analyze([samplePage], rules: set)
    return 0
}

/// Starts libFuzzer on `fuzzRules` (see scripts/fuzz.sh).
@main
enum FuzzRulesMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzRules) }
}
