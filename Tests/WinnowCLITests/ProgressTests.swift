import Foundation
import Testing

/// Progress and log formats on standard error, and reading from standard input.
struct ProgressTests {
    /// A generated crawl big enough for a scan to take a few tenths of a second.
    static func crawl(articles: Int = 1500) throws -> String {
        let dir = CLI.tempDir()
        let words = ["城市", "交通", "政府", "市场", "经济", "学校", "医院", "项目", "居民", "报告", "计划", "增长"]
        var rng = SystemRandomNumberGenerator()
        var out = ""
        for i in 0..<articles {
            let body = (0..<6).map { _ in (0..<30).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined() + "。" }
            let text = (["首页 | 新闻 | 财经", "标题\(i % 700)"] + body + ["信息内容不代表本站立场"]).joined(separator: "\n")
            out += "{\"id\": \"a\(i)\", \"text\": \(try jsonString(text))}\n"
        }
        let path = dir + "/crawl.jsonl"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func jsonString(_ s: String) throws -> String {
        String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
    }

    @Test func plainProgressGoesToStandardErrorOnly() throws {
        let input = try Self.crawl()
        let r = try CLI.run(["scan", input, "--out", CLI.tempDir(), "--no-html-report", "--progress", "plain", "--progress-interval", "0.05"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.isEmpty)
        let lines = r.err.split(separator: "\n").filter { $0.contains(" MB/s") }
        #expect(!lines.isEmpty, "\(r.err)")
        #expect(lines.allSatisfy { $0.hasPrefix("winnow: ") && $0.contains("read") })
        #expect(!r.err.contains("\u{1B}"), "plain progress has no terminal controls")
    }

    @Test func quietSilencesProgress() throws {
        let input = try Self.crawl(articles: 500)
        let r = try CLI.run(["scan", input, "--out", CLI.tempDir(), "--no-html-report", "-q", "--progress", "plain", "--progress-interval", "0.05"])
        #expect(r.status == 0)
        #expect(r.err.isEmpty, "\(r.err)")
    }

    @Test func jsonLogFormatWritesOneObjectPerLine() throws {
        let input = try Self.crawl()
        let bad = CLI.tempDir() + "/bad.jsonl"
        try "not json\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", input, bad, "--out", CLI.tempDir(), "--no-html-report", "--log-format", "json", "--progress-interval", "0.05"])
        #expect(r.status == 2)
        var levels = Set<String>(), events = Set<String>()
        for line in r.err.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String, "\(line)")
            if let level = object?["level"] as? String { levels.insert(level) }
            if let event = object?["event"] as? String { events.insert(event) }
        }
        #expect(levels.isSuperset(of: ["warning", "info"]), "\(r.err)")
        #expect(events.contains("progress"), "\(r.err)")
    }

    @Test func standardInputGivesTheSameDecisionsAsTheFile() throws {
        let input = try Self.crawl(articles: 800)
        let fromFile = CLI.tempDir(), fromStdin = CLI.tempDir()
        #expect(try CLI.run(["scan", input, "--out", fromFile, "--no-html-report", "-q"]).status == 0)
        #expect(try CLI.run(["scan", "-", "--out", fromStdin, "--no-html-report", "-q"], stdin: input).status == 0)
        func decisions(_ dir: String) throws -> [NSDictionary] {
            try String(contentsOfFile: dir + "/decisions.jsonl", encoding: .utf8).split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
                return NSDictionary(dictionary: object.filter { $0.key != "origin" })
            }
        }
        let a = try decisions(fromFile), b = try decisions(fromStdin)
        #expect(a.count == 800)
        #expect(a == b)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fromFile + "/clean.jsonl")) == Data(contentsOf: URL(fileURLWithPath: fromStdin + "/clean.jsonl")))
    }
}
