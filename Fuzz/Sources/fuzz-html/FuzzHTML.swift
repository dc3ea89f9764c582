@testable import WinnowIO
import FuzzSupport

/// libFuzzer entry point: the bytes as an `.html` file (charset prescan and decoding, then
/// libxml2 and the C walk that turns the tree into lines), and the same bytes straight into
/// `HTMLArticleReader` as already-UTF-8 input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    FuzzSupport.checkInvariants(FuzzSupport.read(bytes, as: "fuzz.html"))
    if let document = HTMLDocument(utf8: Array(bytes)) {
        precondition(document.hints.count == document.lines.count, "\(document.hints.count) hints for \(document.lines.count) lines")
        precondition(!document.text.utf8.contains(0x0D), "a line holds a carriage return")
        _ = HTMLArticleReader.article(from: document, id: "fuzz", url: "https://fuzz.example/a", fetchedAt: nil, origin: nil)
    }
    return 0
}

/// Starts libFuzzer on `fuzzHTML` (see scripts/fuzz.sh).
@main
enum FuzzHTMLMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzHTML) }
}
