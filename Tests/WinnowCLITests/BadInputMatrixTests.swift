import Foundation
import Testing

/// One row of the bad-input matrix: the files a case writes, and what `winnow scan` must do
/// with them — its exit code (0 ran, 2 input errors: ExitCodes.swift), a message on standard
/// error, and how many documents it still decided. Every row also checks what holds for any
/// input: no crash or hang, every output whole, no temporary file left, nothing raw from the
/// data on the terminal.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// Writes the case's files into the folder given; returns the inputs to scan.
    var files: @Sendable (String) throws -> [String]
    var status: Int32
    var message: String
    var documents: Int?
    /// Text `decisions.jsonl` must hold.
    var decided = ""
    var extra: [String] = []

    var testDescription: String { name }

    /// Scans the case and checks it; returns the first message line for the log.
    func check() throws {
        let dir = CLI.tempDir()
        let inputs = try files(dir)
        let r = try Faults.run(["scan"] + inputs + ["--out", "out", "--no-rules", "--no-html-report", "-q"] + extra, cwd: dir)
        let shown = r.err.split(separator: "\n").first { $0.contains(message) } ?? r.err.split(separator: "\n").first ?? ""
        print("matrix: \(name) -> exit \(r.status) in \(String(format: "%.1f", r.seconds)) s: \(shown.prefix(220))")
        #expect(r.status == status, "\(name): \(r.err.prefix(2000))")
        #expect(message.isEmpty ? !r.err.contains("error") : r.err.contains(message), "\(name): \(r.err.prefix(2000))")
        #expect(!r.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\r" }, "\(name): raw control characters on stderr")
        let (present, problems) = Faults.checkOutputs(dir + "/out")
        #expect(problems.isEmpty, "\(name): \(problems)")
        #expect(present.count == 4, "\(name): outputs \(present)")
        if let documents {
            let decided = ((try? String(contentsOfFile: dir + "/out/decisions.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").count
            #expect(decided == documents, "\(name): \(decided) documents decided")
        }
        if !self.decided.isEmpty {
            let text = (try? String(contentsOfFile: dir + "/out/decisions.jsonl", encoding: .utf8)) ?? ""
            #expect(text.contains(self.decided), "\(name): \(text.prefix(1000))")
        }
    }
}

/// Hostile and broken inputs through the binary, one message and exit code each.
struct BadInputMatrixTests {
    /// The very long single line, in MB: 20 by default (~10 s in a debug build);
    /// `WINNOW_TEST_LONG_LINE_MB=200` runs the issue's 200 MB, which is over the 64 MiB
    /// per-record limit and is then skipped with a message.
    static let longLineMB = ProcessInfo.processInfo.environment["WINNOW_TEST_LONG_LINE_MB"].flatMap(Int.init) ?? 20
    static let recordLimit = 64 << 20

    static let cases: [BadInput] = [
        BadInput(name: "invalid UTF-8", files: { dir in
            try Faults.write(Array(#"{"id":"u","text":"caf"#.utf8) + [0xC3, 0x28, 0xFF] + Array(#" au lait, a long enough line of text."}"#.utf8) + [0x0A],
                             to: dir + "/in.jsonl")
            return ["in.jsonl"]
        }, status: 0, message: "", documents: 1, decided: "\"rule\":\"invalid-encoding\""),
        BadInput(name: "NUL byte in a JSON string", files: { dir in
            try Faults.write(Array(#"{"id":"n","text":"a"#.utf8) + [0] + Array(#"b"}"#.utf8) + [0x0A] + Array(Faults.line(["id": "ok", "text": "Fine text."]).utf8),
                             to: dir + "/in.jsonl")
            return ["in.jsonl"]
        }, status: 2, message: "in.jsonl:1: skipped record: not JSON: raw control character U+0000", documents: 1),
        BadInput(name: "escaped NUL (\\u0000) in id and text", files: { dir in
            try Faults.write(#"{"id":"a\u0000b","text":"x\u0000y and some words"}"# + "\n", to: dir + "/in.jsonl")
            return ["in.jsonl"]
        }, status: 0, message: "", documents: 1, decided: "\"id\":\"a\\u0000b\""),
        BadInput(name: "binary file", files: { dir in
            var rng = SplitMix64(seed: 14)
            try Faults.write((0..<50_000).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0], to: dir + "/blob.bin")
            try Faults.write(Faults.line(["id": "ok", "text": "Fine text."]), to: dir + "/ok.jsonl")
            return ["blob.bin", "ok.jsonl"]
        }, status: 2, message: "blob.bin: skipped record: binary data (NUL bytes)", documents: 1),
        BadInput(name: "empty and whitespace-only articles", files: { dir in
            try Faults.write(Faults.line(["id": "e", "text": ""]) + Faults.line(["id": "w", "text": " \n\t \u{3000}\n"]) + Faults.line(["id": "ok", "text": "Text."]),
                             to: dir + "/in.jsonl")
            try Faults.write("  \n\n", to: dir + "/blank.txt")
            return ["in.jsonl", "blank.txt"]
        }, status: 2, message: "in.jsonl:2: skipped record: empty \"text\"", documents: 1),
        BadInput(name: "empty file", files: { dir in
            try Faults.write("", to: dir + "/empty.jsonl")
            return ["empty.jsonl"]
        }, status: 0, message: "", documents: 0),
        BadInput(name: "JSON that is not an object", files: { dir in
            try Faults.write("[1,2]\n\"text\"\n42\nnull\n{\"id\":\"ok\",\"text\":\"Text.\"}\n", to: dir + "/in.jsonl")
            return ["in.jsonl"]
        }, status: 2, message: "in.jsonl:4: skipped record: not a JSON object (null)", documents: 1),
        BadInput(name: "missing, empty and non-string text", files: { dir in
            try Faults.write("{\"id\":\"m\"}\n{\"id\":\"e\",\"text\":\"\"}\n{\"id\":\"n\",\"text\":5}\n{\"id\":\"o\",\"text\":{\"a\":1}}\n{\"id\":\"ok\",\"text\":\"Text.\"}\n",
                             to: dir + "/in.jsonl")
            return ["in.jsonl"]
        }, status: 2, message: "in.jsonl:3: skipped record: \"text\" must be a string", documents: 1),
        BadInput(name: "duplicate ids across files", files: { dir in
            try Faults.write(Faults.line(["id": "same", "text": "First text."]), to: dir + "/a.jsonl")
            try Faults.write(Faults.line(["id": "same", "text": "Second text."]), to: dir + "/b.jsonl")
            return ["a.jsonl", "b.jsonl"]
        }, status: 2, message: "b.jsonl:1: skipped record: duplicate id \"same\" (first at a.jsonl:1)", documents: 1),
        BadInput(name: "truncated gzip member", files: { dir in
            try Faults.write(Faults.articles(count: 200, prefix: "t", seed: 1), to: dir + "/in.jsonl")
            try #require(Faults.shell("cd '\(dir)' && gzip -c in.jsonl | head -c 20000 > cut.jsonl.gz && rm in.jsonl"), "gzip is needed")
            return ["cut.jsonl.gz"]
        }, status: 2, message: "the data ends inside a gzip stream (truncated); the lines before it were read"),
        BadInput(name: "gzip bomb: a page inflating past 64 MiB", files: { dir in
            try #require(Faults.shell("head -c 100000000 /dev/zero | tr '\\0' a | gzip -1 > '\(dir)/bomb.txt.gz'"), "gzip is needed")
            return ["bomb.txt.gz"]
        }, status: 2, message: "inflates to more than the limit of 67108864 bytes (a decompression bomb?)", documents: 0),
        BadInput(name: "gzip bomb: one endless JSONL line", files: { dir in
            try Faults.write(Faults.line(["id": "first", "text": "Read before the bomb."]), to: dir + "/head.jsonl")
            try #require(Faults.shell("cd '\(dir)' && { cat head.jsonl; printf '{\"id\":\"b\",\"text\":\"'; head -c 100000000 /dev/zero | tr '\\0' a; } | gzip -1 > bomb.jsonl.gz"),
                          "gzip is needed")
            return ["bomb.jsonl.gz"]
        }, status: 2, message: "a line inflates to more than the per-record limit of 67108864 bytes", documents: 1),
        BadInput(name: "a JSONL line over the 64 MiB record limit", files: { dir in
            let path = dir + "/huge.jsonl"
            try Faults.write(#"{"id":"huge","text":""#, to: path)
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            h.seekToEndOfFile()
            h.write(Data(repeating: 0x61, count: BadInputMatrixTests.recordLimit))
            h.write(Data("\"}\n".utf8) + Data(Faults.line(["id": "ok", "text": "After the huge line."]).utf8))
            h.closeFile()
            return ["huge.jsonl"]
        }, status: 2, message: "huge.jsonl:1: skipped record: the line is 67108887 bytes, more than the per-record limit of 67108864 bytes", documents: 1),
        BadInput(name: "malformed WARC headers and lengths", files: { dir in
            try Faults.write(BadInputMatrixTests.hostileWARC(), to: dir + "/crawl.warc")
            return ["crawl.warc"]
        }, status: 2, message: "record 2 at byte", documents: 2),
        BadInput(name: "HTML nested 100,000 deep", files: { dir in
            try Faults.write(String(repeating: "<div>", count: 100_000) + "deep text" + String(repeating: "</div>", count: 100_000), to: dir + "/deep.html")
            try Faults.write("<p>Text before the nesting.</p>" + String(repeating: "<div><span>", count: 100_000) + "x", to: dir + "/late.html")
            return ["deep.html", "late.html"]
        }, status: 2, message: "deep.html: skipped record: no text before the HTML nesting limit of 2048 levels", documents: 1),
    ]

    @Test(arguments: cases) func badInput(_ c: BadInput) throws {
        try c.check()
    }

    /// The very long single line (a JSONL record of one line, no line breaks in its text).
    @Test func veryLongSingleLine() throws {
        let bytes = Self.longLineMB * 1_000_000
        let over = bytes + 24 > Self.recordLimit
        let c = BadInput(name: "a single line of \(Self.longLineMB) MB", files: { dir in
            let path = dir + "/long.jsonl"
            try Faults.write(#"{"id":"long","text":""#, to: path)
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            h.seekToEndOfFile()
            let chunk = Data(String(repeating: "word ", count: 200_000).utf8)
            for _ in 0..<(bytes / chunk.count) { h.write(chunk) }
            h.write(Data("\"}\n".utf8))
            h.closeFile()
            return ["long.jsonl"]
        }, status: over ? 2 : 0, message: over ? "more than the per-record limit" : "", documents: over ? 0 : 1)
        try c.check()
    }

    /// WARC records: a header line without a colon (with an escape sequence in it), a
    /// Content-Length that is not a number, one too large for any integer, a negative one, one
    /// past the end, and a header that never ends; two good records among them.
    static func hostileWARC() -> [UInt8] {
        func record(_ id: String, length: String? = nil, extra: String = "", body: String) -> String {
            let block = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body
            return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: 2025-03-01T08:00:00Z\r\n"
                + "WARC-Target-URI: https://w.example/\(id)\r\nContent-Type: application/http; msgtype=response\r\n\(extra)"
                + "Content-Length: \(length ?? String(block.utf8.count))\r\n\r\n\(block)\r\n\r\n"
        }
        let good1 = record("good1", body: "A first good article with a few words in it.")
        let noColon = "WARC/1.0\r\nWARC-Type: response\r\nno colon \u{1B}[31m here\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
        let good2 = record("good2", body: "A second good article with other words in it.")
        return Array((good1 + noColon + record("nan", length: "ten", body: "x") + record("huge", length: "99999999999999999999999", body: "x")
            + record("neg", length: "-5", body: "x") + good2 + record("past", length: "5000", body: "cut")
            + "WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + String(repeating: "j", count: 100_000)).utf8)
    }
}
