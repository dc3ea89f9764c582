import Foundation
import WinnowCore
import WinnowIO

/// `winnow-bench`: speed of the hot kernels and of the in-process scan stages, as medians.
///
///     swift run -c release winnow-bench kernels
///     swift run -c release winnow-bench scan FILE.jsonl [--rules rules]
///     swift run -c release winnow-bench index [--documents 1000000]
@main
struct BenchMain {
    static func main() throws {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let command = args.first else { return usage() }
        args.removeFirst()
        try TextNormalizer.prepare()
        switch command {
        case "kernels": KernelBench.run()
        case "scan":
            guard let file = args.first else { return usage() }
            let rules = option("--rules", in: args) ?? "rules"
            try ScanBench.run(file: file, rules: rules)
        case "index":
            let n = Int(option("--documents", in: args) ?? "") ?? 1_000_000
            try IndexBench.run(documents: n)
        case "archive":
            let n = Int(option("--documents", in: args) ?? "") ?? 1_000_000
            try ArchiveBench.run(documents: n, path: option("--path", in: args))
        default: usage()
        }
    }

    static func option(_ name: String, in args: [String]) -> String? {
        guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    static func usage() {
        print("usage: winnow-bench kernels | scan FILE.jsonl [--rules DIR] | index [--documents N] | archive [--documents N] [--path FILE]")
    }
}

/// Timing helpers: run a block several times, report the median.
enum Measure {
    /// Median seconds of `runs` executions of `body`.
    static func median(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }

    static func line(_ name: String, seconds: Double, bytes: Int? = nil, items: Int? = nil) {
        var s = name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.4f s", seconds)
        if let bytes { s += String(format: "  %8.1f MB/s", Double(bytes) / 1e6 / seconds) }
        if let items { s += String(format: "  %12.0f /s", Double(items) / seconds) }
        print(s)
    }
}
