import Dispatch
import Foundation
import Synchronization
import WinnowCore

/// A hidden aid for finding where a scan's memory goes: with `WINNOW_DEBUG_MEMORY=1` in the
/// environment, the resident set size is sampled every 10 ms and the peak of each stage of a
/// `RunProgress` is printed on standard error at the end (`memory (peak MB by stage): …`; a
/// stage shorter than a sampling interval may be missing).
/// Without the variable nothing runs.
/// `@unchecked`: the timer is only created in `init` and cancelled in `stop`; the peaks are a `Mutex`.
final class MemoryProbe: @unchecked Sendable {
    private let progress: RunProgress
    private let peaks = Mutex([Int](repeating: 0, count: RunProgress.Stage.allCases.count))
    private let timer: any DispatchSourceTimer

    /// Starts sampling when `WINNOW_DEBUG_MEMORY` is set, else returns nil.
    static func start(_ progress: RunProgress) -> MemoryProbe? {
        guard let flag = ProcessInfo.processInfo.environment["WINNOW_DEBUG_MEMORY"], !flag.isEmpty, flag != "0" else { return nil }
        return MemoryProbe(progress)
    }

    private init(_ progress: RunProgress) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now(), repeating: .milliseconds(10))
        timer.setEventHandler { [weak self] in self?.sample() }
        timer.resume()
    }

    /// Resident bytes now, from `/proc/self/statm` (0 where there is none).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private func sample() {
        let stage = progress.snapshot.stage.rawValue, rss = Self.residentBytes()
        peaks.withLock { $0[stage] = max($0[stage], rss) }
    }

    /// Stops sampling and prints the peaks of the stages that ran.
    func stop() {
        timer.cancel()
        sample()
        let peaks = self.peaks.withLock { $0 }
        let parts = RunProgress.Stage.allCases.filter { peaks[$0.rawValue] > 0 }
            .map { String(format: "%@ %.0f", $0.name, Double(peaks[$0.rawValue]) / 1048576) }
        Console.info("memory (peak MB by stage): " + parts.joined(separator: ", "))
    }
}
