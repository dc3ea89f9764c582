import Foundation
@testable import WinnowCore
@testable import WinnowIO

/// Temporary folders and files for reader and writer tests.
enum IOSupport {
    static let ready: Bool = {
        do { try TextNormalizer.prepare(); return true } catch { return false }
    }()

    static func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "winnow-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    /// The repository root (for the bundled rules and samples).
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
}
