import CWinnowZlib

/// A streaming zlib inflater: one gzip member, one zlib stream or raw deflate at a time.
/// Not thread-safe; each reader owns its own.
final class Inflater {
    /// The stream framing.
    enum Format {
        /// A gzip member (RFC 1952); the stream ends at the member's trailer.
        case gzip
        /// A zlib stream (RFC 1950).
        case zlib
        /// Raw deflate (RFC 1951).
        case raw

        var code: Int32 {
            switch self {
            case .gzip: return Int32(WN_ZFORMAT_GZIP)
            case .zlib: return Int32(WN_ZFORMAT_ZLIB)
            case .raw: return Int32(WN_ZFORMAT_RAW)
            }
        }
    }

    /// What one call to `run` did.
    struct Step {
        /// Input bytes used.
        var consumed: Int
        /// Output bytes written.
        var produced: Int
        /// The stream (member) ended right after `consumed` input bytes.
        var ended: Bool
        /// zlib's complaint when the data is corrupt; nil otherwise.
        var failure: String?
    }

    private let handle: OpaquePointer

    /// A fresh inflater, or nil when zlib cannot allocate one.
    init?(_ format: Format) {
        guard let h = wn_inflater_open(format.code) else { return nil }
        handle = h
    }

    deinit { wn_inflater_close(handle) }

    /// Readies the inflater for the next stream (the next gzip member).
    func reset() { _ = wn_inflater_reset(handle) }

    /// Inflates from `input` into `output`. No progress with input left and room to spare means
    /// the stream needs bytes that are not there (truncated).
    func run(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        var used: Int64 = 0, made: Int64 = 0
        let rc = wn_inflater_run(handle, input.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(input.count), &used,
                                 output.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(output.count), &made)
        var step = Step(consumed: Int(used), produced: Int(made), ended: rc == Int32(WN_INFLATE_END), failure: nil)
        if rc < 0 {
            let message = String(cString: wn_inflater_message(handle))
            step.failure = message.isEmpty ? "corrupt data" : message
        }
        return step
    }
}
