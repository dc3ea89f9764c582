import Foundation

/// The framer's buffer: filling from the source, searching, skipping and resynchronising.
extension WARCFramer {
    /// Reads until `need` bytes are available from `head` (false when the file ends or fails first).
    @discardableResult
    mutating func fill(_ need: Int) -> Bool {
        while buf.count - head < need {
            if eof || failure != nil { return false }
            compact()
            switch source.read(into: &buf, max: Swift.max(256 << 10, need - (buf.count - head))) {
            case .data: continue
            case .end: eof = true
            case .failed(let message, let offset): failure = (message, offset)
            }
        }
        return true
    }

    /// Drops consumed bytes (all but the one before `head`, kept for the line-start test).
    mutating func compact() {
        let drop = head - 1
        guard drop > 0, drop >= 1 << 20 || drop * 2 >= buf.count else { return }
        buf.removeSubrange(0..<drop)
        base += drop
        head -= drop
    }

    /// Whether `pattern` is at `i` in the buffer.
    func matches(_ pattern: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= buf.count else { return false }
        for k in 0..<pattern.count where buf[i + k] != pattern[k] { return false }
        return true
    }

    /// The next `\n` at or after `head + rel`, relative to `head`, within the header limit.
    mutating func findNewline(fromRel rel: Int) -> Int? {
        var from = rel
        while true {
            let limit = min(buf.count - head, maxHeaderBytes)
            if from < limit {
                let hit: Int? = buf.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress, let p = memchr(base + head + from, 0x0A, limit - from) else { return nil }
                    return base.distance(to: UnsafeRawPointer(p)) - head
                }
                if let hit { return hit }
                from = limit
            }
            if limit >= maxHeaderBytes { return nil }
            let had = buf.count - head
            fill(min(maxHeaderBytes, had + (64 << 10)))
            if buf.count - head == had { return nil }
        }
    }

    /// Moves past `count` bytes of a block without holding them.
    mutating func streamPast(_ count: Int, _ here: String) {
        var left = count
        while left > 0 {
            if head == buf.count {
                compact()
                guard fill(1) else {
                    if let f = failure {
                        queue.append(.problem(BadRecord(origin: "\(file): \(here)", reason: f.message)))
                        recoverSource()
                        resync()
                    } else {
                        queue.append(.problem(BadRecord(origin: "\(file): \(here)", reason: "Content-Length \(count) runs past the end of the file")))
                    }
                    return
                }
            }
            let n = min(left, buf.count - head)
            head += n
            left -= n
        }
    }

    /// After a source failure: continue with the next good gzip member, dropping what is buffered.
    mutating func recoverSource() {
        failure = nil
        head = buf.count
        if source.recover() { lineStart = base + buf.count } else { eof = true }
    }

    /// Moves `head` to the next `WARC/1.` at the start of a line; returns its file offset, or nil
    /// (with everything consumed) when there is none. Source failures on the way are reported
    /// and recovered from.
    @discardableResult
    mutating func resync() -> Int? {
        let m = Self.magic
        while true {
            var i = head
            while i + m.count <= buf.count {
                let found: Int? = buf.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress, let p = memchr(base + i, Int32(m[0]), raw.count - m.count + 1 - i) else { return nil }
                    return base.distance(to: UnsafeRawPointer(p))
                }
                guard let k = found else { break }
                let atLineStart = base + k == 0 || base + k == lineStart || (k > 0 && buf[k - 1] == 0x0A)
                if atLineStart && matches(m, at: k) {
                    head = k
                    return source.location(of: base + k).fileOffset
                }
                i = k + 1
            }
            head = max(head, buf.count - (m.count - 1))
            if !fill(m.count) {
                if let f = failure {
                    reportFailure(f)
                    recoverSource()
                    continue
                }
                head = buf.count
                return nil
            }
        }
    }
}
