import FuzzSupport
import WinnowCore

/// libFuzzer entry point: the bytes, decoded leniently as UTF-8, are an article's text; it is
/// analyzed with the bundled rules (`WINNOW_FUZZ_RULES`) next to a second article sharing its
/// site, so site statistics and templates are exercised too. The batch is analyzed in both
/// orders: an article's findings must not depend on where it stands in the batch.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyze(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let first = Article(id: "a", text: text, title: text.split(separator: "\n").first.map(String.init),
                        url: "https://news.example/a")
    let half = text.index(text.startIndex, offsetBy: text.count / 2)
    let second = Article(id: "b", text: String(text[half...]) + "\n" + String(text[..<half]), url: "https://news.example/b")
    let forward = FuzzSupport.analyze([first, second], rules: FuzzSupport.bundledRules)
    let backward = FuzzSupport.analyze([second, first], rules: FuzzSupport.bundledRules)
    precondition(forward == Array(backward.reversed()), "the findings depend on the order of the batch")
    return 0
}

/// Starts libFuzzer on `fuzzAnalyze` (see scripts/fuzz.sh).
@main
enum FuzzAnalyzeMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzAnalyze) }
}
