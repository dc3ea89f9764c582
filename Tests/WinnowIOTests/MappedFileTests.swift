import Foundation
import Testing
@testable import WinnowIO

/// A JSONL file is mapped and read a block of lines at a time, each block's pages given back once
/// parsed (`MappedFile`), and a gzip one inflated a block of lines at a time: what is read, and
/// where each bad record is named, stays the same.
struct MappedFileTests {
    @Test func pagesGivenBackAreReadAgainFromTheFile() throws {
        let path = IOSupport.tempDir() + "/bytes.bin"
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        IOSupport.write(bytes, to: path)
        let mapped = try #require(MappedFile(path: path))
        #expect(Array(mapped.data.prefix(100_000)) == Array(bytes.prefix(100_000)))
        mapped.release(0..<bytes.count)
        #expect(Array(mapped.data) == bytes)
        #expect(MappedFile(path: IOSupport.tempDir()) == nil, "a folder is no file to map")
    }

    @Test func aGzipFileOfManyBlocksReadsAsItsPlainTextDoes() throws {
        let dir = IOSupport.tempDir()
        let n = 90_000
        var lines = (0..<n).map { "{\"id\": \"d\($0)\", \"text\": \"正文 \($0) \(String(repeating: "字", count: $0 % 250))\"}" }
        lines[n - 10] = "{broken"
        let text = Array(lines.joined(separator: "\n").utf8)
        #expect(text.count > 2 * InputReader.inflatedBlockBytes)
        IOSupport.write(text, to: dir + "/plain.jsonl")
        IOSupport.write(Gzip.deflate(text, level: 1), to: dir + "/packed.jsonl.gz")
        let plain = try InputReader().read([dir + "/plain.jsonl"]), packed = try InputReader().read([dir + "/packed.jsonl.gz"])
        #expect(packed.articles.count == n - 1 && packed.articles.map(\.id) == plain.articles.map(\.id))
        #expect(packed.articles.last?.text == plain.articles.last?.text)
        #expect(packed.problems.count == 1 && packed.problems[0].description.hasPrefix(dir + "/packed.jsonl.gz:\(n - 9): not JSON"))
    }

    @Test func blocksOfLinesNameEachBadLineAndEndWithoutANewline() throws {
        let path = IOSupport.tempDir() + "/blocks.jsonl"
        let n = InputReader.jsonlBlockLines * 2 + 5
        var lines = (0..<n).map { "{\"id\": \"d\($0)\", \"text\": \"正文 \($0)\"}" }
        lines[InputReader.jsonlBlockLines + 1] = "{broken"
        IOSupport.write(lines.joined(separator: "\n"), to: path)
        let result = try InputReader().read([path])
        #expect(result.articles.count == n - 1)
        #expect(result.problems.map(\.description).contains { $0.hasPrefix(path + ":\(InputReader.jsonlBlockLines + 2): not JSON") },
                "\(result.problems)")
        #expect(result.articles.last?.id == "d\(n - 1)" && result.articles.last?.text == "正文 \(n - 1)")
    }
}
