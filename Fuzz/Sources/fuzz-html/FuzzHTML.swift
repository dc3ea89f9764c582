@testable import WinnowIO
import FuzzSupport

/// libFuzzer entry point: the bytes as an `.html` file (charset prescan and decoding, then
/// libxml2 and the C walk that turns the tree into lines), and the same bytes straight into
/// `HTMLArticleReader` as already-UTF-8 input. The document's lines must keep its promises: one
/// hint per line, no empty line, no dropped character.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    FuzzSupport.checkInvariants(FuzzSupport.read(bytes, as: "fuzz.html"))
    if let document = HTMLDocument(utf8: Array(bytes)) {
        precondition(document.hints.count == document.lines.count, "\(document.hints.count) hints for \(document.lines.count) lines")
        for line in document.lines {
            precondition(!line.isEmpty, "an empty line")
            if let bad = line.unicodeScalars.first(where: isDropped) {
                preconditionFailure("line \(line.debugDescription) holds U+\(String(bad.value, radix: 16)), which is dropped")
            }
        }
        _ = HTMLArticleReader.article(from: document, id: "fuzz", url: "https://fuzz.example/a", fetchedAt: nil, origin: nil)
    }
    return 0
}

/// Characters `HTMLDocument` promises never to put in a line: C0 controls but tab (so no CR or
/// line feed), DEL, C1 controls, U+200B and U+FEFF.
private func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x200B || v == 0xFEFF
}

/// Starts libFuzzer on `fuzzHTML` (see scripts/fuzz.sh).
@main
enum FuzzHTMLMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzHTML) }
}
