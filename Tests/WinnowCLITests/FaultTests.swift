import Foundation
import Testing

/// `winnow scan --index` stopped at random moments: by SIGKILL (nothing can be cleaned up, yet
/// the archive must be exactly as before or exactly as after the run, and still open; every
/// output present must be whole), and by SIGINT/SIGTERM (it must stop with a message and exit
/// 128 + the signal, leaving no temporary file and no partial set of outputs). Also a full disk.
///
/// The moments are drawn with a seeded generator from the measured durations of an unkilled
/// run: a third over the whole run (reading, analysis, decisions), two thirds over its end
/// (reports, the archive commit; see `strike`). The seed is printed; `WINNOW_TEST_FAULT_SEED`
/// repeats a run, `WINNOW_TEST_KILLS` changes the number of kills (default 24).
@Suite(.serialized) struct FaultTests {
    /// A base archive, tonight's input, and the archive's state before and after tonight's run.
    struct Fixture {
        var dir: String
        var before: String
        var after: String
        /// Seconds an unkilled run takes, whole process.
        var seconds: Double
        /// Seconds of its last stage (reports and the archive commit).
        var writeSeconds: Double

        /// A fresh copy of the base archive at `dir/name`.
        func archive(_ name: String) throws -> String {
            try Faults.copyArchive(dir + "/base.sqlite", to: dir + "/" + name)
            return name
        }

        /// tonight's run into `archive`, writing `out`.
        func args(_ archive: String, out: String) -> [String] {
            ["scan", "night.jsonl", "--index", archive, "--out", out, "--run-id", "night", "-q"]
        }
    }

    static let seed: UInt64 = ProcessInfo.processInfo.environment["WINNOW_TEST_FAULT_SEED"].flatMap { UInt64($0) }
        ?? UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000

    static func fixture() throws -> Fixture {
        let dir = CLI.tempDir()
        try Faults.write(Faults.articles(count: 60, prefix: "base", seed: 1), to: dir + "/base.jsonl")
        // Tonight: reposts of the first base stories under new ids (same generator and seed),
        // then new stories with their own near-copies.
        try Faults.write(Faults.articles(count: 30, prefix: "repost", seed: 1) + Faults.articles(count: 220, prefix: "night", seed: 2),
                         to: dir + "/night.jsonl")
        let base = try Faults.run(["scan", "base.jsonl", "--index", "base.sqlite", "--out", "base-out", "--run-id", "base", "-q"], cwd: dir)
        try #require(base.status == 0, "\(base.err)")
        let before = try Faults.archiveState(dir + "/base.sqlite", cwd: dir)
        var f = Fixture(dir: dir, before: before, after: "", seconds: 0, writeSeconds: 0)
        let ref = try Faults.run(f.args(try f.archive("ref.sqlite"), out: "ref-out").filter { $0 != "-q" } + ["--timings"], cwd: dir)
        try #require(ref.status == 0, "\(ref.err)")
        f.after = try Faults.archiveState(dir + "/ref.sqlite", cwd: dir)
        #expect(f.after != f.before)
        f.seconds = ref.seconds
        let timings = ref.err.split(separator: "\n").first { $0.contains("timings (s):") } ?? ""
        f.writeSeconds = timings.components(separatedBy: "write ").last.flatMap { Double($0.prefix { $0.isNumber || $0 == "." }) } ?? 0.1
        print("faults: unkilled run \(String(format: "%.2f", f.seconds)) s (\(timings.split(separator: ":").last ?? ""))")
        return f
    }

    /// Waits for a random moment to strike run `p` writing `out`, and returns it in seconds after
    /// `started`: a third over the whole run (reading, analysis, decisions), two thirds over its
    /// end — from the moment the output folder appears (the reports start), over the reports,
    /// the archive commit and the exit. Following the run rather than the clock keeps the spread
    /// when a busy machine slows it down.
    static func strike(_ f: Fixture, out: String, started: Date, _ rng: inout SplitMix64) -> Double {
        if Int.random(in: 0..<3, using: &rng) == 0 {
            Thread.sleep(until: started.addingTimeInterval(Double.random(in: 0...f.seconds, using: &rng)))
        } else {
            let pause = Double.random(in: 0...(f.writeSeconds * 1.2 + 0.02), using: &rng)
            while !FileManager.default.fileExists(atPath: f.dir + "/" + out) && Date().timeIntervalSince(started) < f.seconds * 5 {
                Thread.sleep(forTimeInterval: 0.002)
            }
            Thread.sleep(forTimeInterval: pause)
        }
        return Date().timeIntervalSince(started)
    }

    @Test func sigkillAtRandomMomentsLeavesTheArchiveBeforeOrAfter() throws {
        let started = Date()
        let f = try Self.fixture()
        var rng = SplitMix64(seed: Self.seed)
        let kills = ProcessInfo.processInfo.environment["WINNOW_TEST_KILLS"].flatMap(Int.init) ?? 24
        print("faults: SIGKILL seed \(Self.seed) (WINNOW_TEST_FAULT_SEED=\(Self.seed) repeats it), \(kills) kills")
        var tally: [String: Int] = [:]
        for k in 0..<kills {
            let archive = try f.archive("kill-\(k).sqlite"), out = "kill-\(k)"
            let p = try Faults.start(f.args(archive, out: out), cwd: f.dir)
            let delay = Self.strike(f, out: out, started: Date(), &rng)
            kill(p.process.processIdentifier, SIGKILL)
            p.process.waitUntilExit()
            let killed = Faults.status(of: p.process) == -SIGKILL
            let state = try Faults.archiveState(f.dir + "/" + archive, cwd: f.dir)
            let side = state == f.before ? "before" : state == f.after ? "after" : "neither"
            #expect(side != "neither", "kill \(k) at \(delay) s: the archive is neither before nor after:\n\(state.prefix(600))")
            let (present, problems) = Faults.checkOutputs(f.dir + "/" + out)
            let leftovers = problems.filter { $0.hasPrefix("leftover temporary file") }
            #expect(problems.count == leftovers.count, "kill \(k) at \(delay) s: \(problems)")
            tally["archive \(side)", default: 0] += 1
            tally["outputs \(present.count)", default: 0] += 1
            if !leftovers.isEmpty { tally["temporaries left by the kill", default: 0] += 1 }
            if !killed { tally["finished before the kill", default: 0] += 1 }
            // The archive still opens and takes a run; the next run into the same folder removes
            // what the killed one left.
            try Faults.write(Faults.articles(count: 2, prefix: "tiny-\(k)", seed: UInt64(100 + k)), to: f.dir + "/tiny-\(k).jsonl")
            let next = try Faults.run(["scan", "tiny-\(k).jsonl", "--index", archive, "--out", out, "-q"], cwd: f.dir)
            #expect(next.status == 0, "after kill \(k): \(next.err)")
            #expect(Faults.checkOutputs(f.dir + "/" + out).problems.isEmpty, "after kill \(k)")
        }
        let elapsed = Date().timeIntervalSince(started)
        print("faults: \(kills) kills in \(String(format: "%.1f", elapsed)) s: "
              + tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect((tally["archive before"] ?? 0) + (tally["archive after"] ?? 0) == kills)
    }

    @Test(arguments: [SIGINT, SIGTERM]) func stopSignalLeavesNothingHalfDone(_ signo: Int32) throws {
        let f = try Self.fixture()
        var rng = SplitMix64(seed: Self.seed &+ UInt64(signo))
        let name = signo == SIGINT ? "SIGINT" : "SIGTERM"
        print("faults: \(name) seed \(Self.seed)")
        var tally: [String: Int] = [:]
        for k in 0..<8 {
            let archive = try f.archive("\(name)-\(k).sqlite"), out = "\(name)-\(k)"
            let start = Date()
            let p = try Faults.start(f.args(archive, out: out), cwd: f.dir)
            // Strike only once the handler is installed (a signal before that ends the process
            // the default way, which is not what is tested here).
            Self.waitForHandler(pid: p.process.processIdentifier, signo: signo)
            let delay = Self.strike(f, out: out, started: start, &rng)
            kill(p.process.processIdentifier, signo)
            p.process.waitUntilExit()
            let status = Faults.status(of: p.process), err = p.stderr()
            let state = try Faults.archiveState(f.dir + "/" + archive, cwd: f.dir)
            let (present, problems) = Faults.checkOutputs(f.dir + "/" + out)
            #expect(problems.isEmpty, "\(name) \(k) at \(delay) s: \(problems)")
            #expect(present.isEmpty || present.count == Faults.reports.count, "\(name) \(k): a partial set of outputs \(present)")
            if status == 0 {
                tally["finished first", default: 0] += 1
                #expect(state == f.after && present.count == Faults.reports.count)
                continue
            }
            #expect(status == 128 + signo, "\(name) \(k) at \(delay) s: exit \(status): \(err)")
            #expect(err.contains("stopped by \(name)"), "\(err)")
            #expect(state == f.before || state == f.after, "\(name) \(k) at \(delay) s: the archive is neither before nor after")
            if err.contains("holds this run entirely") { #expect(state == f.after) } else { #expect(state == f.before, "\(err)") }
            tally[(state == f.after ? "archive after" : "archive before") + ", outputs \(present.count)", default: 0] += 1
            if err.contains("finishing the archive commit") { tally["commit finished first", default: 0] += 1 }
        }
        print("faults: \(name): " + tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    /// Waits (up to 5 s) until process `pid` catches `signo` (Linux: SigCgt in /proc/PID/status).
    static func waitForHandler(pid: Int32, signo: Int32) {
        let started = Date()
        while Date().timeIntervalSince(started) < 5 {
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
               let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16),
               mask & (1 << UInt64(signo - 1)) != 0 {
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }
}
