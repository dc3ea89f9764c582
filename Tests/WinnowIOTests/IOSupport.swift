import Foundation
import TestScratch
@testable import WinnowCore
@testable import WinnowIO

/// Temporary folders and files for reader and writer tests.
enum IOSupport {
    static let ready: Bool = {
        do { try TextNormalizer.prepare(); return true } catch { return false }
    }()

    static func tempDir() -> String {
        Scratch.directory("io")
    }

    static func write(_ bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    /// `count` pseudo-random byte arrays, each shorter than `maxLength`, each byte chosen by `byte`
    /// from the generator's state (a fixed LCG, so a failure reproduces).
    static func randomByteArrays(count: Int, seed: UInt64, maxLength: UInt64, byte: (UInt64) -> UInt8) -> [[UInt8]] {
        var rng = seed
        return (0..<count).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng % maxLength) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(byte(rng))
            }
            return bytes
        }
    }

    /// The repository root (for the bundled rules and samples).
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
}
