import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct InputReaderTests {
    @Test func badRecordsAreReportedWithFileAndLineAndSkipped() throws {
        let dir = IOSupport.tempDir()
        let path = dir + "/crawl.jsonl"
        var bytes = Array("""
        {"id": "a", "text": "第一篇", "title": "标题", "url": "https://x.example/1", "published_at": "2025-01-01"}
        not json at all
        {"id": "b"}
        {"id": "c", "text": 5}

        {"id": "a", "text": "又一个 a"}
        {"id": 42, "text": "numeric id\\nsecond line \\u4e2d\\ud83d\\ude00"}
        {"text": "no id"}
        {"id": "e", "text": "   "}
        {"id": "nested", "text": "ok", "meta": {"tags": ["x", "y"]}}

        """.utf8)
        bytes += Array("{\"id\": \"bad-utf8\", \"text\": \"".utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
        bytes += Array("{\"id\": \"crlf\", \"text\": \"ok\"}\r\n".utf8)
        IOSupport.write(bytes, to: path)
        let r = try InputReader().read([path])
        #expect(r.articles.map(\.id) == ["a", "42", "nested", "bad-utf8", "crlf"])
        #expect(r.articles[1].text == "numeric id\nsecond line 中😀")
        #expect(r.articles[0].title == "标题" && r.articles[0].publishedAt == "2025-01-01")
        let problems = r.problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix(path + ":2: not JSON") })
        #expect(problems.contains(path + ":3: missing \"text\""))
        #expect(problems.contains(path + ":4: \"text\" must be a string"))
        #expect(problems.contains { $0.hasPrefix(path + ":6: duplicate id \"a\" (first at \(path):1)") })
        #expect(problems.contains(path + ":8: missing \"id\""))
        #expect(problems.contains(path + ":9: empty \"text\""))
        // Invalid UTF-8 is replaced and counted, never a reason to drop the record.
        #expect(r.articles[3].text == "\u{FFFD}\u{FFFD}" && r.articles[3].replacedSequences == 2)
        #expect(r.articles[0].replacedSequences == 0)
        #expect(r.problems.count == 6)
    }

    @Test func foldersReadTextFilesAndJSONL() throws {
        let dir = IOSupport.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        IOSupport.write("正文一。", to: dir + "/one.txt")
        IOSupport.write("# Two\nBody.", to: dir + "/sub/two.md")
        IOSupport.write("ignored", to: dir + "/skip.bin")
        IOSupport.write("{\"id\": \"j1\", \"text\": \"from jsonl\"}\n", to: dir + "/sub/more.jsonl")
        IOSupport.write([0xC3, 0x28], to: dir + "/broken.txt")
        IOSupport.write("", to: dir + "/empty.md")
        let r = try InputReader().read([dir])
        #expect(r.articles.map(\.id) == ["broken.txt", "one.txt", "j1", "sub/two.md"])
        #expect(r.articles[0].text == "\u{FFFD}(" && r.articles[0].replacedSequences == 1)
        #expect(r.problems.map(\.description) == [dir + "/empty.md: no text"])
    }

    @Test func rawControlBytesNullLinesAndOverlongLinesAreNamed() throws {
        let dir = IOSupport.tempDir()
        let path = dir + "/in.jsonl"
        IOSupport.write(Array("{\"id\":\"n\",\"text\":\"a".utf8) + [0] + Array("b\"}\n{\"id\":\"t\",\t\"text\":\"tab\tinside\"}\nnull\n".utf8)
                        + Array("{\"id\":\"long\",\"text\":\"\(String(repeating: "x", count: 200))\"}\n{\"id\":\"ok\",\"text\":\"fine\"}\n".utf8), to: path)
        var reader = InputReader()
        reader.limits.maxRecordBytes = 100
        let r = try reader.read([path])
        #expect(r.articles.map(\.id) == ["ok"])
        #expect(r.problems.map(\.description) == [
            path + ":1: not JSON: raw control character U+0000 at byte 20 of the line (JSON strings need it escaped as \\u0000)",
            path + ":2: not JSON: raw control character U+0009 at byte 23 of the line (JSON strings need it escaped as \\u0009)",
            path + ":3: not a JSON object (null)",
            path + ":4: the line is 223 bytes, more than the per-record limit of 100 bytes",
        ])
    }

    @Test func binaryDataIsOneProblemNotOnePerLine() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(repeating: 0x0A, count: 50), to: dir + "/image")
        let r = try InputReader().read([dir + "/image"])
        #expect(r.problems.map(\.description) == [dir + "/image: binary data (NUL bytes), not JSONL, WARC, text or HTML; the file was skipped"])
    }

    @Test func missingInputIsAnError() {
        #expect(throws: WinnowIOError.self) { try InputReader().read(["/nonexistent/winnow.jsonl"]) }
    }
}

struct FlatJSONScannerTests {
    func scan(_ s: String) -> [String: FlatJSONScanner.Value]? {
        Array(s.utf8).withUnsafeBufferPointer { FlatJSONScanner.fields($0, wanted: ["id", "text"]) }
    }

    @Test func readsStringsNumbersAndEscapes() {
        #expect(scan(#"{"id":"x","text":"a\"b\\c\/d\te\u00e9\ud83d\ude00"}"#)?["text"] == .string("a\"b\\c/d\te\u{e9}😀"))
        #expect(scan(#"{"id": -12, "text": "", "other": null, "flag": true}"#)?["id"] == .number("-12"))
        #expect(scan("{}")?.isEmpty == true)
    }

    @Test func leavesHardCasesToTheFullDecoder() {
        #expect(scan(#"{"id":"x","text":["a"]}"#) == nil)
        #expect(scan(#"{"id":"x","text":"a"} trailing"#) == nil)
        #expect(scan(#"{"id":"x","text":"\ud83d"}"#) == nil)
        #expect(scan("{\"id\":\"x\",\"text\":\"raw\ncontrol\"}") == nil)
        #expect(scan(#"["id"]"#) == nil)
    }

    /// Found by fuzzing (fuzz-jsonl): with a field given twice the fast scanner kept the last
    /// value and JSONDecoder the first, so a record's text depended on which parser read it.
    @Test func aRepeatedFieldReadsAsJSONDecoderReadsIt() {
        let line = Array(#"{"id":"c1","text":"Windows c2","text":"second"}"#.utf8)
        #expect(line.withUnsafeBufferPointer { FlatJSONScanner.fields($0, wanted: ["id", "text"]) } == nil)
        let parsed = JSONLLineParser.parse(line[...], origin: RecordOrigin(file: "f.jsonl", line: 1))
        let viaDecoder = try? JSONDecoder().decode(JSONLRecord.self, from: Data(line))
        #expect((try? parsed.get())?.text == viaDecoder?.text)
        #expect(viaDecoder?.text == "Windows c2")
        // An ignored field given twice does not matter.
        #expect(scan(#"{"id":"x","text":"a","n":1,"n":2}"#)?["text"] == .string("a"))
    }
}

struct UTF8ValidationTests {
    func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }

    @Test func agreesWithTheStandardLibrary() {
        let samples = IOSupport.randomByteArrays(count: 3000, seed: 1, maxLength: 24) { rng in
            rng >> 60 < 6 ? UInt8(truncatingIfNeeded: rng >> 33) & 0x7F : UInt8(truncatingIfNeeded: rng >> 40)
        }
        for bytes in samples {
            #expect(valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
        #expect(valid(Array("中文 English 😀".utf8)))
        #expect(!valid([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!valid([0xC0, 0xAF]))  // overlong
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))  // above U+10FFFF
    }
}
