import Foundation
import FuzzSupport
@testable import WinnowCore
@testable import WinnowIO

/// libFuzzer entry point: the bytes as a `.jsonl` file (gzip bytes are inflated first), read by
/// the line scanner into articles and per-line problems. Each valid UTF-8 line is also read by
/// both parsers: where the fast field scanner and `JSONDecoder` both accept it, they must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    FuzzSupport.checkInvariants(FuzzSupport.read(bytes, as: "fuzz.jsonl"))
    for line in Array(bytes).split(separator: 0x0A) {
        line.withUnsafeBufferPointer { compareParsers($0) }
    }
    return 0
}

/// Traps when the fast scanner and the full decoder read one line into different articles.
private func compareParsers(_ line: UnsafeBufferPointer<UInt8>) {
    guard UTF8Validation.isValid(line),
          let fields = FlatJSONScanner.fields(line, wanted: JSONLLineParser.wantedFields),
          case .success(let fast)? = JSONLLineParser.article(from: fields, origin: RecordOrigin(file: "f", line: 1)),
          let full = try? JSONDecoder().decode(JSONLRecord.self, from: Data(buffer: line)) else { return }
    let same = fast.id == full.id && fast.text == full.text && fast.title == full.title && fast.url == full.url
        && fast.publishedAt == full.publishedAt && fast.source == full.source
    precondition(same, "fast scanner \(fast) and JSONDecoder \(full) disagree")
}

/// Starts libFuzzer on `fuzzJSONL` (see scripts/fuzz.sh).
@main
enum FuzzJSONLMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzJSONL) }
}
