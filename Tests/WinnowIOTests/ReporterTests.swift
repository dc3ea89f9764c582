import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct ReporterTests {
    func report() throws -> ScanReport {
        _ = IOSupport.ready
        let hostile = "=HYPERLINK(\"http://evil\")\n<script>alert(1)</script> | `x` \u{1B}[31m\u{2028}"
        let articles = [
            Article(id: "a\"1", text: "首页 > 新闻 > 本地\n" + hostile + "\n这是正文的第一段，内容足够长，可以作为文章主体。\n版权所有 © 2025 示例网 保留所有权利",
                    title: hostile, url: "https://x.example/1"),
            Article(id: "b", text: "Another body line that is long enough to be an article body here.", url: "https://y.example/1"),
        ]
        let rules = try RuleSet(rules: [Rule(id: "c", category: .disclaimer, matcher: .phrases(["保留所有权利"]))])
        let r = try ScanEngine(rules: rules).scan(articles)
        return ScanReport(articles: articles, analyses: r.analyses, decisions: r.decisions, clusters: r.clusters,
                          problems: [BadRecord(origin: "in.jsonl:3", reason: "not JSON <b>")], counters: r.counters, inputs: ["in.jsonl"])
    }

    @Test func decisionsFollowTheScoringContract() throws {
        let text = String(decoding: try DecisionsReporter().render(try report()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(obj["id"] is String)
            #expect(["keep", "merge", "remove", "review"].contains(obj["decision"] as? String ?? ""))
            #expect(obj["canonical"] is String)
            let findings = try #require(obj["findings"] as? [[String: Any]])
            for f in findings {
                #expect(f["rule"] is String && f["category"] is String)
                #expect((f["line_start"] as? Int ?? 0) >= 1 && (f["line_end"] as? Int ?? 0) >= (f["line_start"] as? Int ?? 0))
            }
        }
        #expect(text.contains("\"id\":\"a\\\"1\""))
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let flagged = (first["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "c" }
        #expect(flagged.first?["line_start"] as? Int == 5)
    }

    @Test func csvDefusesFormulasAndQuotes() throws {
        #expect(Escape.csv("=SUM(A1)") == "'=SUM(A1)")
        #expect(Escape.csv("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(Escape.csv("plain") == "plain")
        let csv = String(decoding: try CSVReporter().render(try report()), as: UTF8.self)
        #expect(csv.hasPrefix("id,decision,canonical"))
        #expect(csv.contains("\"a\"\"1\""))
    }

    @Test func markdownAndTerminalEscaping() throws {
        let md = String(decoding: try SummaryReporter().render(try report()), as: UTF8.self)
        #expect(!md.contains("<script>"))
        #expect(!md.contains("<b>"))
        #expect(!md.contains("\u{1B}"))
        #expect(Escape.terminal("a\u{1B}[31mb\nc\u{202E}") == "a\\u{1b}[31mb\\u{a}c\\u{202e}")
        #expect(Escape.markdown("| x |") == "\\| x \\|")
    }

    @Test func jsonEscapesEverythingUnsafe() {
        var b = JSONBuffer()
        b.string("q\"\\\n\r\t\u{01}\u{7F}\u{2028}\u{2029}中")
        #expect(String(decoding: b.bytes, as: UTF8.self) == "\"q\\\"\\\\\\n\\r\\t\\u0001\\u007f\\u2028\\u2029中\"")
        #expect(Escape.json("a\u{2028}") == "\"a\\u2028\"")
        // Bidirectional overrides and isolates, which would make an id read backwards in a terminal.
        var bidi = JSONBuffer()
        bidi.string("x\u{202A}\u{202E}y\u{2066}\u{2069}\u{2027}\u{2070}")
        #expect(String(decoding: bidi.bytes, as: UTF8.self) == "\"x\\u202a\\u202ey\\u2066\\u2069\u{2027}\u{2070}\"")
        #expect(Escape.json("\u{202E}") == "\"\\u202e\"")
    }

    @Test func csvShowsControlAndBidiCharacters() {
        #expect(Escape.csvVisible("esc\u{1B}[31m\r\u{202E}") == "esc\\u{1b}[31m\\u{d}\\u{202e}")
        #expect(Escape.csvVisible("=cmd\u{0}") == "'=cmd\\u{0}")
        #expect(Escape.csvVisible("plain, quoted") == "\"plain, quoted\"")
    }

    @Test func cleanTextDropsStrippedLines() throws {
        let out = String(decoding: try CleanTextReporter().render(try report()), as: UTF8.self)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(out.split(separator: "\n")[0].utf8)) as? [String: Any])
        let text = first["text"] as? String ?? ""
        #expect(!text.contains("保留所有权利"))
        #expect(text.contains("这是正文的第一段"))
        #expect(CleanTextReporter.cleanText("a\nb\n\nc\n", stripped: [2]) == "a\n\nc")
    }

    @Test func writesAllFilesAtomically() throws {
        let dir = IOSupport.tempDir() + "/out"
        try Reporters.write(try report(), reporters: Reporters.scan, to: dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["clean.jsonl", "decisions.jsonl", "report.csv", "summary.md"])
    }

    /// A file of fixed bytes, of a given weight.
    struct FixedReporter: Reporter {
        let fileName: String
        let renderWeight: Int
        func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws { try emit(Array(fileName.utf8)) }
    }

    @Test func heavierFilesStartFirstButEachGetsItsOwnBytes() throws {
        let dir = IOSupport.tempDir() + "/out"
        let reporters = [FixedReporter(fileName: "a.txt", renderWeight: 1), FixedReporter(fileName: "b.txt", renderWeight: 5),
                         FixedReporter(fileName: "c.txt", renderWeight: 1), FixedReporter(fileName: "d.txt", renderWeight: 3)]
        try Reporters.write(try report(), reporters: reporters, to: dir)
        for r in reporters { #expect(try String(contentsOfFile: dir + "/" + r.fileName, encoding: .utf8) == r.fileName) }
        #expect(HTMLReportReporter().renderWeight > DecisionsReporter().renderWeight)
        #expect(DecisionsReporter().renderWeight > SummaryReporter().renderWeight)
    }

    @Test func unwritableOutputIsAnError() throws {
        let dir = IOSupport.tempDir()
        IOSupport.write("x", to: dir + "/file")
        #expect(throws: WinnowIOError.self) { try AtomicFile.write("y", to: dir + "/file/inside") }
        #expect(try String(contentsOfFile: dir + "/file", encoding: .utf8) == "x")
    }
}

struct ByteScanTests {
    @Test func agreesWithAByteLoop() {
        let samples = IOSupport.randomByteArrays(count: 2000, seed: 99, maxLength: 40) { rng in
            let r = UInt8(truncatingIfNeeded: rng >> 40)
            return rng >> 61 == 0 ? r : 0x41 + r % 26
        }
        for bytes in samples {
            for output in [false, true] {
                let naive = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || (output && ($0 == 0x7F || $0 == 0xE2)) } ?? bytes.count
                let fast = bytes.withUnsafeBufferPointer { ByteScan.firstSpecial($0, from: 0, output: output) }
                #expect(fast == naive, "\(bytes)")
            }
        }
    }
}
