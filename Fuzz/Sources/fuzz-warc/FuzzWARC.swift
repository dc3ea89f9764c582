import FuzzSupport
@testable import WinnowCore
@testable import WinnowIO

/// libFuzzer entry point: the bytes as a `.warc` file (plain, one gzip stream, or gzip members):
/// framing, HTTP heads and bodies, charsets, and the HTML or text payloads. Plain bytes are also
/// read once more gzip-compressed as one stream: the two reads must give the same articles,
/// skip counts and number of problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let plain = FuzzSupport.read(bytes, as: "fuzz.warc")
    FuzzSupport.checkInvariants(plain)
    guard !Gzip.hasMagic(bytes) else { return 0 }
    let compressed = Gzip.deflate(Array(bytes))
    let inflated = compressed.withUnsafeBytes { FuzzSupport.read($0, as: "fuzz.warc") }
    let summary = { (r: ReadResult) in r.articles.map { [$0.id, $0.text, $0.url ?? "-", $0.publishedAt ?? "-", "\($0.origin?.line ?? 0)"] } }
    precondition(summary(plain) == summary(inflated), "articles differ: plain \(summary(plain)) gzip \(summary(inflated))")
    precondition(plain.skipped == inflated.skipped, "skips differ: plain \(plain.skipped) gzip \(inflated.skipped)")
    precondition(plain.problems.count == inflated.problems.count,
                 "problems differ: plain \(plain.problems.map(\.reason)) gzip \(inflated.problems.map(\.reason))")
    return 0
}

/// Starts libFuzzer on `fuzzWARC` (see scripts/fuzz.sh).
@main
enum FuzzWARCMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzWARC) }
}
