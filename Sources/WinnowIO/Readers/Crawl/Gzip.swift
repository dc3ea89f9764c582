import CWinnowZlib
import Foundation

/// Why inflating stopped early: the message and the byte offset in the compressed input.
struct InflateFailure: Error, Equatable, CustomStringConvertible {
    /// What went wrong, for a person.
    var message: String
    /// Where in the compressed input (the start of the gzip member for gzip).
    var offset: Int
    /// True when the output limit stopped it (a decompression bomb, or just a very large record).
    var overLimit = false

    var description: String { "\(message) (compressed byte \(offset))" }
}

/// Whole-buffer gzip, zlib and deflate helpers over `Inflater`, with an output limit.
enum Gzip {
    /// Whether the bytes start with the gzip magic number 1f 8b.
    static func hasMagic(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Whether `bytes[at...]` plausibly starts a gzip member: magic, deflate method, no reserved flags.
    static func looksLikeMember(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Bool {
        i + 10 <= bytes.count && bytes[i] == 0x1F && bytes[i + 1] == 0x8B && bytes[i + 2] == 8 && bytes[i + 3] & 0xE0 == 0
    }

    /// Whether the bytes start a zlib stream (RFC 1950 header check), as opposed to raw deflate.
    static func hasZlibHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] & 0x0F == 8 && bytes[0] >> 4 <= 7 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// Inflates a whole buffer. For gzip, concatenated members are read one after another and
    /// zero padding after the last is ignored. Returns what was inflated and, when it stopped
    /// early (corrupt, truncated, or more than `limit` bytes), why. With `maxLine`, it also stops
    /// when a line (bytes between `\n`) grows past that many bytes, so a bomb of one endless JSONL
    /// line costs no more memory than one record; the bytes returned then end with the last
    /// complete line. With `maxLine` and a `block` size, whole lines are handed to `flush` whenever
    /// they reach `block` bytes, with the input bytes consumed so far, and only what follows them
    /// is returned: memory stays at a block and a line, whatever the inflated size (the limit
    /// still counts every byte).
    static func inflate(_ input: UnsafeRawBufferPointer, format: Inflater.Format, limit: Int, maxLine: Int? = nil,
                        block: Int? = nil, flush: (_ lines: UnsafeRawBufferPointer, _ consumed: Int) -> Void = { _, _ in }) -> (bytes: [UInt8], failure: InflateFailure?) {
        guard let z = Inflater(format) else { return ([], InflateFailure(message: "zlib could not allocate an inflater", offset: 0)) }
        let block = maxLine == nil ? nil : block
        let first = max(64 << 10, input.count * 4)
        var out = [UInt8](repeating: 0, count: max(1, min(limit + 1, 256 << 20, block.map { min(first, 2 * $0) } ?? first)))
        var used = 0, pos = 0, memberStart = 0, lineStart = 0, flushed = 0
        var failure: InflateFailure?
        loop: while true {
            // Whole lines within the limit go out (a line ending past it is the limit's to cut).
            if let block, lineStart >= block, flushed + lineStart <= limit {
                out.withUnsafeBytes { flush(UnsafeRawBufferPointer(rebasing: $0[..<lineStart]), pos) }
                out.withUnsafeMutableBytes { o in
                    if let base = o.baseAddress, used > lineStart { memmove(base, base + lineStart, used - lineStart) }
                }
                flushed += lineStart
                used -= lineStart
                lineStart = 0
            }
            if used == out.count {
                guard flushed + out.count <= limit else {
                    failure = InflateFailure(message: "inflates to more than the limit of \(limit) bytes (a decompression bomb?)",
                                             offset: memberStart, overLimit: true)
                    break
                }
                out += [UInt8](repeating: 0, count: min(out.count, limit + 1 - flushed - out.count))
            }
            let step = out.withUnsafeMutableBytes { o in
                z.run(UnsafeRawBufferPointer(rebasing: input[pos...]), into: UnsafeMutableRawBufferPointer(rebasing: o[used...]))
            }
            pos += step.consumed
            if let maxLine, step.produced > 0 {
                out.withUnsafeBytes { o in
                    guard let base = o.baseAddress else { return }
                    let end = used + step.produced
                    var k = max(used, lineStart)
                    while k < end, let hit = memchr(base + k, 0x0A, end - k) {
                        k = base.distance(to: UnsafeRawPointer(hit)) + 1
                        lineStart = k
                    }
                }
                if used + step.produced - lineStart > maxLine {
                    used = lineStart  // the complete lines before it
                    failure = InflateFailure(message: "a line inflates to more than the per-record limit of \(maxLine) bytes (a decompression bomb?)",
                                             offset: memberStart, overLimit: true)
                    break
                }
            }
            used += step.produced
            if let message = step.failure {
                failure = InflateFailure(message: kind(format) + " data error: " + message, offset: memberStart)
                break
            }
            if step.ended {
                guard format == .gzip else { break }
                // Another member follows, or zero padding, or the end.
                while pos < input.count && input[pos] == 0 { pos += 1 }
                if pos == input.count { break }
                guard looksLikeMember(input, at: pos) else {
                    failure = InflateFailure(message: "bytes after a gzip member are not gzip", offset: pos)
                    break
                }
                memberStart = pos
                z.reset()
                continue
            }
            if step.consumed == 0 && step.produced == 0 && used < out.count {
                failure = InflateFailure(message: "the data ends inside a " + kind(format) + " stream (truncated)", offset: memberStart)
                break loop
            }
        }
        if flushed + used > limit { used = limit - flushed }
        out.removeSubrange(used...)
        return (out, failure)
    }

    /// Compresses bytes into one complete stream (a single gzip member for `.gzip`).
    /// Used by tests to build fixtures, and by anything that writes `.gz` files.
    static func deflate(_ bytes: [UInt8], format: Inflater.Format = .gzip, level: Int32 = 6) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(wn_deflate_bound(Int64(bytes.count))))
        let n = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                wn_deflate_buffer(format.code, level, src.baseAddress, Int64(src.count), dst.baseAddress, Int64(dst.count))
            }
        }
        out.removeSubrange(Int(max(0, n))...)
        return out
    }

    private static func kind(_ format: Inflater.Format) -> String {
        switch format {
        case .gzip: return "gzip"
        case .zlib: return "zlib"
        case .raw: return "deflate"
        }
    }
}
