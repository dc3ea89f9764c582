import Foundation
import Synchronization
import WinnowIO

/// SIGINT, SIGTERM and SIGHUP stop a command cleanly instead of killing it mid-write.
///
/// The signal handler only writes the signal's number to a pipe (all it may safely do); a
/// watcher thread reads it and stops the process:
///
/// - at any moment but the archive commit: every temporary output file is removed (a set of
///   outputs being renamed into place is finished first: see `TemporaryFiles`), a message says
///   what was and was not written, and the process exits with 128 + the signal number (130 for
///   SIGINT, 143 for SIGTERM, 129 for SIGHUP). An archive is only written in its commit, so it
///   is as it was.
/// - during the archive commit (`finishing`): the commit runs to its end first, so the archive
///   holds the run entirely; the process then stops the same way. A second signal stops at once
///   (the open transaction is then rolled back by SQLite: the archive is as it was).
enum SignalHandling {
    /// The signals that stop a command cleanly.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The pipe's write end, read by the signal handler (set once, before any handler runs).
    private static let pipeWrite = Atomic<Int32>(-1)
    /// Signals received so far.
    private static let received = Atomic<Int>(0)

    private struct State {
        /// What is being finished before stopping (the archive commit), when anything.
        var finishing: String?
        /// A signal that arrived while finishing: stop right after.
        var pending: Int32?
        /// Whether a `finishing` section completed (the archive holds the run).
        var committed = false
        /// Whether the watcher decided to stop: no `finishing` section may start after that.
        var stopping = false
    }

    private static let state = Mutex(State())

    /// Installs the handlers and the watcher thread (once per process; later calls do nothing).
    static func install() {
        guard pipeWrite.load(ordering: .acquiring) < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        pipeWrite.store(fds[1], ordering: .releasing)
        let readEnd = fds[0]
        let watcher = Thread {
            var signo: UInt8 = 0
            while true {
                let n = read(readEnd, &signo, 1)
                if n == 1 { handle(Int32(signo)) } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
        watcher.name = "winnow-signals"
        watcher.start()
        // A parent may have started this process with these signals blocked (a thread of a
        // runtime that blocks them, then spawned it): unblock them, or they would never arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for s in signals { sigaddset(&unblock, s) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for s in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signo in
                var byte = UInt8(truncatingIfNeeded: signo)
                _ = write(SignalHandling.pipeWrite.load(ordering: .relaxed), &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(s, &action, nil)
        }
    }

    /// Runs `body` (the archive commit) to its end even when a stop signal arrives meanwhile; the
    /// process then stops right after it, whether it succeeded or failed.
    static func finishing<T>(_ what: String, _ body: () throws -> T) throws -> T {
        let proceed = state.withLock { s -> Bool in
            guard !s.stopping else { return false }
            s.finishing = what
            return true
        }
        // A stop is under way on the watcher thread, which said the archive is as it was and
        // ends the process: starting the commit now would make that untrue.
        while !proceed { pause() }
        let outcome = Result { try body() }
        let pending: Int32? = state.withLock { s in
            s.finishing = nil
            if case .success = outcome { s.committed = true }
            return s.pending
        }
        if let signo = pending {
            let done: String
            switch outcome {
            case .success: done = "\(what) finished first: it holds this run entirely"
            case .failure(let error): done = "\(what) failed (\(error)); the archive is as it was"
            }
            stop(signo, detail: done)
        }
        return try outcome.get()
    }

    /// Called on the watcher thread for each signal received.
    private static func handle(_ signo: Int32) {
        let count = received.wrappingAdd(1, ordering: .relaxed).newValue
        // Decided under the lock, so the main thread cannot start the commit in between.
        let (deferred, committed, midCommit) = state.withLock { s -> (String?, Bool, Bool) in
            if count == 1, let what = s.finishing {
                s.pending = signo
                return (what, false, true)
            }
            s.stopping = true
            return (nil, s.committed, s.finishing != nil)
        }
        if let what = deferred {
            Console.warning("\(name(signo)): finishing \(what) before stopping (send it again to stop at once; the archive then stays as it was)")
            return
        }
        let detail = committed ? "the archive holds this run entirely"
            : midCommit ? "the archive commit was cut short: SQLite keeps the archive as it was (or, had it just finished, with the whole run)"
            : "any archive (--index) is as it was"
        stop(signo, detail: detail)
    }

    /// Removes temporary files, says what happened and exits with 128 + the signal number.
    private static func stop(_ signo: Int32, detail: String) -> Never {
        let (removed, renamed) = TemporaryFiles.abandon()
        let outputs: String
        if renamed > 0 {
            outputs = "the outputs were written in full"
        } else {
            outputs = "no output was written" + (removed > 0 ? " (\(removed) unfinished temporary files removed)" : "")
        }
        Console.error("stopped by \(name(signo)): \(outputs); \(detail)")
        _exit(128 + signo)
    }

    /// The signal's name.
    static func name(_ signo: Int32) -> String {
        switch signo {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(signo)"
        }
    }
}
