import FuzzSupport

/// libFuzzer entry point: the bytes as a `.warc` file (plain, one gzip stream, or gzip members):
/// framing, HTTP heads and bodies, charsets, and the HTML or text payloads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let result = FuzzSupport.read(UnsafeRawBufferPointer(start: data, count: size), as: "fuzz.warc")
    FuzzSupport.checkInvariants(result)
    return 0
}

/// Starts libFuzzer on `fuzzWARC` (see scripts/fuzz.sh).
@main
enum FuzzWARCMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzWARC) }
}
