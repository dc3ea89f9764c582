import Dispatch
import Foundation
import Synchronization

/// Runs chunks of an index range on all cores (or `jobs` of them) and hands each chunk's result
/// to `collect` in chunk order, so results never depend on how many cores ran them.
public enum Parallel {
    /// Worker threads to use; 0 (the default) means one per active core. `--jobs N` sets it.
    public static let jobs = Atomic<Int>(0)

    /// The number of workers a parallel step runs.
    public static var workers: Int {
        let j = jobs.load(ordering: .relaxed)
        return j > 0 ? j : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Splits `0..<count` into chunks of `chunk`, runs `work` on the workers (each takes the next
    /// chunk when done), then `collect`s the results in chunk order.
    public static func forEachChunk<T: Sendable>(count: Int, chunk: Int, _ work: @Sendable (Range<Int>) -> T,
                                       collect: (T) -> Void) {
        guard count > 0 else { return }
        let chunks = (count + chunk - 1) / chunk
        let results = Mutex<[Int: T]>([:])
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(work) { work in
            let box = UnsafeSendableBox(work)
            DispatchQueue.concurrentPerform(iterations: min(chunks, workers)) { _ in
                while true {
                    let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard c < chunks else { break }
                    let range = (c * chunk)..<min(count, (c + 1) * chunk)
                    let r = box.value(range)
                    results.withLock { $0[c] = r }
                }
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

#if canImport(Glibc)
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Giving memory back to the system between stages.
public enum HeapTrim {
    /// Returns the heap's free pages to the system (glibc keeps what a stage freed in its arenas,
    /// in holes between what lives on, and counts it as resident). A no-op elsewhere.
    public static func release() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
