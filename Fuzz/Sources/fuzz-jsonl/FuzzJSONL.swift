import FuzzSupport

/// libFuzzer entry point: the bytes as a `.jsonl` file (gzip bytes are inflated first), read by
/// the line scanner into articles and per-line problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FuzzSupport.ready else { return 0 }
    let result = FuzzSupport.read(UnsafeRawBufferPointer(start: data, count: size), as: "fuzz.jsonl")
    FuzzSupport.checkInvariants(result)
    return 0
}

/// Starts libFuzzer on `fuzzJSONL` (see scripts/fuzz.sh).
@main
enum FuzzJSONLMain {
    static func main() { FuzzSupport.runLibFuzzer(fuzzJSONL) }
}
