import Dispatch
import Synchronization

/// Runs chunks of an index range on all cores and hands each chunk's result to `collect`
/// (serially, under a lock).
public enum Parallel {
    /// Splits `0..<count` into chunks of `chunk`, runs `work` concurrently, then `collect`s.
    public static func forEachChunk<T: Sendable>(count: Int, chunk: Int, _ work: @Sendable (Range<Int>) -> T,
                                       collect: (T) -> Void) {
        guard count > 0 else { return }
        let chunks = (count + chunk - 1) / chunk
        let results = Mutex<[Int: T]>([:])
        withoutActuallyEscaping(work) { work in
            let box = UnsafeSendableBox(work)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let range = (c * chunk)..<min(count, (c + 1) * chunk)
                let r = box.value(range)
                results.withLock { $0[c] = r }
            }
        }
        results.withLock { all in
            for c in 0..<chunks { if let r = all.removeValue(forKey: c) { collect(r) } }
        }
    }
}

/// Carries a non-escaping closure into `concurrentPerform`, which runs it before returning.
struct UnsafeSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
