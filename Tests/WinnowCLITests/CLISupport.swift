import Dispatch
import Foundation
import TestScratch
import Synchronization

/// Runs the `winnow` binary built next to the test bundle.
enum CLI {
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return dir.appendingPathComponent("winnow").path
    }

    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// Exit status (or the signal that ended it, negated), standard output and standard error.
    @discardableResult
    static func run(_ args: [String], environment: [String: String] = [:], cwd: String? = nil,
                    stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin { p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin)) }
        try p.run()
        // Both pipes are drained at once: a child that fills one while we wait on the other would hang.
        let errData = Mutex(Data())
        let drained = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            let data = errHandle.readDataToEndOfFile()
            errData.withLock { $0 = data }
            drained.signal()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let e = errData.withLock { $0 }
        p.waitUntilExit()
        let status = p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus
        return (status, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func tempDir() -> String {
        Scratch.directory("cli")
    }
}
