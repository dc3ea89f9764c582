import Foundation

/// A gzip file (one member or many, as in `.warc.gz`) inflated piece by piece. It remembers where
/// each member starts so records can be named by their compressed offset, and after a corrupt or
/// truncated member it resynchronises on the next member that inflates cleanly.
final class GzipStream: CrawlByteSource {
    private enum State { case betweenMembers, insideMember, failed, done }

    private let data: Data
    private let inflater: Inflater?
    private var state = State.betweenMembers
    /// Compressed read position.
    private var pos = 0
    /// Compressed offset of the current member.
    private var memberStart = 0
    /// Decompressed bytes handed out so far.
    private var handedOut = 0
    /// Recent member starts: decompressed offset and compressed offset, ascending.
    private var members: [(decompressed: Int, compressed: Int)] = []
    /// Output inflated while checking a candidate member during recovery, not yet handed out.
    private var pending: [UInt8] = []
    private var pendingPos = 0
    private var lastFailure: (String, Int)?
    /// Where each read inflates to before its bytes are appended to the caller's buffer.
    private var scratch = [UInt8](repeating: 0, count: 256 << 10)

    /// Output a candidate member must give without error (or end cleanly) to be trusted.
    static let trustAfter = 64 << 10

    /// A stream over the compressed bytes of a whole file.
    init(_ data: Data) {
        self.data = data
        inflater = Inflater(.gzip)
    }

    func read(into buffer: inout [UInt8], max: Int) -> SourceRead {
        if pendingPos < pending.count {
            let n = min(max, pending.count - pendingPos)
            buffer.append(contentsOf: pending[pendingPos..<(pendingPos + n)])
            pendingPos += n
            handedOut += n
            if pendingPos == pending.count { pending = []; pendingPos = 0 }
            return .data(n)
        }
        guard let inflater else { return fail("zlib could not allocate an inflater", at: 0) }
        while true {
            switch state {
            case .done: return .end
            case .failed: return .failed(lastFailure?.0 ?? "unreadable", offset: lastFailure?.1 ?? memberStart)
            case .betweenMembers:
                let next: Int? = data.withUnsafeBytes { raw in
                    var i = pos
                    while i < raw.count && raw[i] == 0 { i += 1 }  // zero padding between or after members
                    return i
                }
                pos = next ?? pos
                if pos >= data.count { state = .done; return .end }
                let ok = data.withUnsafeBytes { Gzip.looksLikeMember($0, at: pos) }
                guard ok else { memberStart = pos; return fail("the bytes here are not a gzip member", at: pos) }
                startMember(at: pos)
            case .insideMember:
                let room = min(max, scratch.count)
                let step = data.withUnsafeBytes { raw in
                    scratch.withUnsafeMutableBytes { out in
                        inflater.run(UnsafeRawBufferPointer(rebasing: raw[pos...]), into: UnsafeMutableRawBufferPointer(rebasing: out[..<room]))
                    }
                }
                buffer.append(contentsOf: scratch[..<step.produced])
                pos += step.consumed
                handedOut += step.produced
                if let message = step.failure { return fail("gzip data error: " + message, at: memberStart) }
                if step.ended { state = .betweenMembers }
                if step.produced > 0 { return .data(step.produced) }
                if !step.ended && step.consumed == 0 {
                    return fail("the file ends inside a gzip member (truncated)", at: memberStart)
                }
            }
        }
    }

    func location(of offset: Int) -> (fileOffset: Int, intoMember: Int) {
        guard let m = members.last(where: { $0.decompressed <= offset }) else { return (0, offset) }
        return (m.compressed, offset - m.decompressed)
    }

    func forget(before offset: Int) {
        guard let keep = members.lastIndex(where: { $0.decompressed <= offset }), keep > 0 else { return }
        members.removeFirst(keep)
    }

    /// Looks for the next member after the one that failed: every later gzip header is tried and
    /// the first that inflates cleanly (to its end, or for `trustAfter` bytes) is taken.
    func recover() -> Bool {
        guard state == .failed, let inflater else { return false }
        var candidate = memberStart + 1
        while let c = nextHeader(from: candidate) {
            inflater.reset()
            var trial = [UInt8]()
            var p = c
            var ended = false, good = false
            while true {
                let step = data.withUnsafeBytes { raw in
                    scratch.withUnsafeMutableBytes { out in
                        inflater.run(UnsafeRawBufferPointer(rebasing: raw[p...]), into: UnsafeMutableRawBufferPointer(rebasing: out[..<(16 << 10)]))
                    }
                }
                trial.append(contentsOf: scratch[..<step.produced])
                p += step.consumed
                if step.failure != nil { break }
                if step.ended { ended = true; good = true; break }
                if trial.count >= Self.trustAfter { good = true; break }
                if step.consumed == 0 && step.produced == 0 { break }  // truncated
            }
            if good {
                pos = p
                memberStart = c
                members.append((handedOut, c))
                pending = trial
                pendingPos = 0
                state = ended ? .betweenMembers : .insideMember
                lastFailure = nil
                return true
            }
            candidate = c + 1
        }
        state = .done
        return false
    }

    private func startMember(at offset: Int) {
        memberStart = offset
        members.append((handedOut, offset))
        inflater?.reset()
        state = .insideMember
    }

    private func fail(_ message: String, at offset: Int) -> SourceRead {
        state = .failed
        lastFailure = (message, offset)
        return .failed(message, offset: offset)
    }

    /// The next plausible gzip header at or after `from`.
    private func nextHeader(from: Int) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress else { return nil }
            var i = from
            while i < raw.count, let hit = memchr(base + i, 0x1F, raw.count - i) {
                let k = base.distance(to: UnsafeRawPointer(hit))
                if Gzip.looksLikeMember(raw, at: k) { return k }
                i = k + 1
            }
            return nil
        }
    }
}
