import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `winnow check` as CI runs it: the built binary against an archive that `winnow scan` wrote.
struct CheckCommandTests {
    /// A small archive of synthetic articles (deterministic), built once per test.
    struct Fixture {
        let dir: String
        let archive: String
        let articles: [(id: String, title: String, url: String, paragraphs: [String])]

        init() throws {
            dir = CLI.tempDir()
            archive = dir + "/archive.sqlite"
            var state: UInt64 = 0x5EED
            func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
            func han(_ n: Int) -> String {
                String(String.UnicodeScalarView((0..<n).compactMap { _ in Unicode.Scalar(0x4E00 + UInt32(next() % 2500)) }))
            }
            func sentence() -> String { (0..<(2 + Int(next() % 3))).map { _ in han(8 + Int(next() % 8)) }.joined(separator: "，") + "。" }
            var articles: [(id: String, title: String, url: String, paragraphs: [String])] = []
            var jsonl = ""
            for i in 0..<40 {
                let paragraphs = (0..<(5 + Int(next() % 3))).map { _ in (0..<3).map { _ in sentence() }.joined() }
                let a = (id: "site-\(i)", title: han(14), url: "https://news\(i % 4).example.cn/a/\(i).html", paragraphs: paragraphs)
                articles.append(a)
                let record: [String: String] = ["id": a.id, "title": a.title, "url": a.url, "published_at": "2025-05-0\(1 + i % 9) 08:00:00",
                                                "text": ([a.title] + a.paragraphs).joined(separator: "\n")]
                jsonl += String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self) + "\n"
            }
            self.articles = articles
            try jsonl.write(toFile: dir + "/crawl.jsonl", atomically: true, encoding: .utf8)
            let r = try CLI.run(["scan", dir + "/crawl.jsonl", "--out", dir + "/out", "--index", archive, "-q"], cwd: CLI.root)
            #expect(r.status == 0, "\(r.err)")
        }

        /// Writes a draft file and returns its name (relative to `dir`).
        @discardableResult
        func draft(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            return name
        }

        /// Runs `winnow check` in the fixture's folder with the bundled rules.
        func check(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
            try CLI.run(["check"] + args + ["--rules", CLI.root + "/rules"], environment: environment, cwd: dir)
        }
    }

    static let cleanDraft = """
        # 山区小学新建图书室

        今年秋季开学，位于北部山区的三所小学迎来了新建的图书室，每间图书室配备了两千余册适合不同年级阅读的图书。

        学校老师介绍，图书室每天中午和放学后向学生开放，高年级学生还组成了志愿服务小组，负责图书的借还和整理工作。

        教育部门表示，接下来将继续为偏远地区学校补充图书和阅读设施，并组织城区教师定期开展阅读指导活动。

        """

    static let otherDraft = """
        # 河道治理完成后白鹭回归

        经过两年的清淤和护岸改造，城东的老河道水质明显好转，沿岸居民发现成群的白鹭又回到了这里。

        环保志愿者每周在河边记录鸟类数量，他们说今年春天观察到的白鹭比去年同期多了一倍。

        """

    static let disclaimer = "本文仅代表作者观点，不代表本站立场。如有侵权请联系删除。"

    @Test func lightlyEditedRepostFailsAndNamesTheArchivedArticle() throws {
        let f = try Fixture()
        let a = f.articles[7]
        var paragraphs = a.paragraphs
        paragraphs[1] = String(paragraphs[1].dropFirst(3))
        paragraphs[2] = paragraphs[2].replacingOccurrences(of: "，", with: "；")
        paragraphs.insert("（本报综合报道）", at: 0)
        try f.draft("repost.md", "# \(a.title)\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        for env in [[:], ["WINNOW_TEST_NO_BAND_INDEX": "1"]] {
            let r = try f.check(["repost.md", "--index", f.archive], environment: env)
            #expect(r.status == 1, "\(r.err)")
            let line = try #require(r.out.split(separator: "\n").first { $0.contains("[archive-near-duplicate]") }, "\(r.out)")
            #expect(line.hasPrefix("repost.md:"))
            #expect(line.contains(": error: near-duplicate of archived article \"site-7\""))
            #expect(line.contains(a.url) && line.contains(a.title) && line.contains("run "))
            #expect(line.contains("simhash distance") && line.contains("jaccard") && line.contains("matching lines"))
        }
    }

    @Test func cleanDraftPasses() throws {
        let f = try Fixture()
        try f.draft("clean.md", Self.cleanDraft)
        let r = try f.check(["clean.md", "--index", f.archive])
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(!r.out.contains(": warning:") && !r.out.contains(": error:"))
        #expect(r.err.contains("checked 1 draft"))
    }

    @Test func pastedDisclaimerFailsOnItsLine() throws {
        let f = try Fixture()
        try f.draft("pasted.md", Self.cleanDraft + "\n" + Self.disclaimer + "\n")
        let lineNumber = (Self.cleanDraft + "\n").split(separator: "\n", omittingEmptySubsequences: false).count
        let r = try f.check(["pasted.md", "--index", f.archive])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.out.contains("pasted.md:\(lineNumber):1: warning: pasted disclaimer:"), "\(r.out)")
        #expect(r.out.contains("[zh-disclaimer-stance]"))
        #expect(try f.check(["pasted.md", "--fail-on", "error"]).status == 0)
        #expect(try f.check(["pasted.md", "--no-rules"]).status == 0)
    }

    @Test func githubAnnotationsEscapeDataAndProperties() throws {
        let f = try Fixture()
        let record = ["id": "evil%\r\n::error::forged,x:y", "text": "第一段正文内容足够长，可以作为文章主体来阅读和理解。\n" + Self.disclaimer]
        let name = "d%1,x:y.jsonl"
        try f.draft(name, String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n")
        let r = try f.check([name, "--format", "github"])
        #expect(r.status == 1, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("::") }, "\(r.out)")
        #expect(!r.out.contains("\r"))
        let warning = try #require(lines.first { $0.hasPrefix("::warning ") })
        #expect(warning.hasPrefix("::warning file=d%251%2Cx%3Ay.jsonl,line=1,endLine=1,title=winnow zh-disclaimer-stance::"))
        #expect(warning.contains("::evil%25%0D%0A::error::forged,x:y: text line 2: pasted disclaimer:"))
    }

    @Test func sarifFollowsTheRequiredStructure() throws {
        let f = try Fixture()
        let a = f.articles[3]
        try f.draft("copy.md", "# \(a.title)\n\n" + a.paragraphs.joined(separator: "\n\n") + "\n\n" + Self.disclaimer + "\n")
        let r = try f.check(["copy.md", "--index", f.archive, "--format", "sarif", "--output", "out.sarif"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.out.isEmpty)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.dir + "/out.sarif"))) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "winnow")
        #expect((driver["version"] as? String)?.isEmpty == false)
        #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        var ruleIds: [String] = []
        for rule in rules {
            ruleIds.append(try #require(rule["id"] as? String))
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["ruleId"] as? String }).isSuperset(of: ["archive-duplicate", "zh-disclaimer-stance"]))
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(ruleId))
            #expect(["note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "copy.md")
            let region = try #require(location["region"] as? [String: Any])
            let start = try #require(region["startLine"] as? Int), end = try #require(region["endLine"] as? Int)
            #expect(start >= 1 && end >= start)
            let prints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(!prints.isEmpty && prints.values.allSatisfy { !$0.isEmpty })
        }
        // Stable across commits: the same findings after lines moved keep their fingerprints.
        try f.draft("copy.md", "# \(a.title)\n\n\n\n" + a.paragraphs.joined(separator: "\n\n") + "\n\n\n" + Self.disclaimer + "\n")
        _ = try f.check(["copy.md", "--index", f.archive, "--format", "sarif", "--output", "moved.sarif"])
        func prints(_ file: String) throws -> [String: (String, Int)] {
            let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.dir + "/" + file))) as? [String: Any]
            let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
            var out: [String: (String, Int)] = [:]
            for r in results {
                let line = (((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
                out[r["ruleId"] as? String ?? ""] = ((r["partialFingerprints"] as? [String: String])?.values.first ?? "", line)
            }
            return out
        }
        let before = try prints("out.sarif"), after = try prints("moved.sarif")
        let disclaimerBefore = try #require(before["zh-disclaimer-stance"]), disclaimerAfter = try #require(after["zh-disclaimer-stance"])
        #expect(disclaimerBefore.0 == disclaimerAfter.0)
        #expect(disclaimerBefore.1 != disclaimerAfter.1)
    }

    @Test func junitIsWellFormedXML() throws {
        let f = try Fixture()
        try f.draft("clean.md", Self.cleanDraft)
        try f.draft("bad <&> \"draft\".md", Self.otherDraft + "\n" + Self.disclaimer + "\n")
        let r = try f.check(["clean.md", "bad <&> \"draft\".md", "--format", "junit"])
        #expect(r.status == 1, "\(r.err)")
        final class Collect: NSObject, XMLParserDelegate {
            var elements: [(String, [String: String])] = []
            var text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                elements.append((name, attributes))
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: Data(r.out.utf8))
        let collect = Collect()
        parser.delegate = collect
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(r.out)")
        #expect(collect.elements.first?.0 == "testsuites")
        #expect(collect.elements.filter { $0.0 == "testsuite" }.count == 1)
        let cases = collect.elements.filter { $0.0 == "testcase" }
        #expect(cases.map { $0.1["name"] ?? "" } == ["clean.md", "bad <&> \"draft\".md"])
        #expect(collect.elements.filter { $0.0 == "failure" }.count == 1)
        #expect(collect.elements.first { $0.0 == "testsuite" }?.1["failures"] == "1")
        #expect(collect.text.contains("[zh-disclaimer-stance]"))
    }

    @Test func jsonReportAndStandardInput() throws {
        let f = try Fixture()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["check", "-", "--format", "json", "--rules", CLI.root + "/rules"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = Pipe()
        try p.run()
        input.fileHandleForWriting.write(Data((Self.cleanDraft + Self.disclaimer + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(obj["failed"] as? Bool == true && obj["fail_on"] as? String == "warning")
        let drafts = try #require(obj["drafts"] as? [[String: Any]])
        #expect(drafts.count == 1)
        #expect(drafts.first?["id"] as? String == "-")
        let finding = try #require((drafts.first?["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "zh-disclaimer-stance" })
        #expect(finding["severity"] as? String == "warning" && finding["fails"] as? Bool == true)
        #expect((finding["fingerprint"] as? String)?.count == 16)
        _ = f
    }

    @Test func exitCodes() throws {
        let f = try Fixture()
        try f.draft("clean.md", Self.cleanDraft)
        let unreadable = try f.check(["clean.md", "missing.md", "--index", f.archive])
        #expect(unreadable.status == 2)
        #expect(unreadable.out.contains("missing.md: error: cannot read"))
        let json = try f.check(["clean.md", "missing.md", "--format", "json"])
        #expect(json.status == 2 && json.err.contains("missing.md: cannot read"))
        #expect(json.out.contains("\"drafts\":1"))
        try f.draft("garbage.sqlite", String(repeating: "not a database ", count: 400))
        #expect(try f.check(["clean.md", "--index", "garbage.sqlite"]).status == 2)
        let missing = try f.check(["clean.md", "--index", "nowhere.sqlite"])
        #expect(missing.status == 2 && missing.err.contains("nowhere.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: f.dir + "/nowhere.sqlite"))
        #expect(try f.check(["clean.md", "--format", "yaml"]).status == 64)
        #expect(try f.check(["clean.md", "--fail-on", "review"]).status == 64)
        #expect(try f.check(["clean.md", "--record"]).status == 64)
        #expect(try f.check([]).status == 64)
    }

    @Test func readOnlyByDefaultAndRecordAfterACleanCheck() throws {
        let f = try Fixture()
        try f.draft("clean.md", Self.cleanDraft)
        let before = try Data(contentsOf: URL(fileURLWithPath: f.archive))
        // A nightly run holds the lock: a read-only check still answers.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // -o: the lock belongs to flock alone (not to sleep), so ending flock releases it.
        holder.arguments = ["-o", f.archive + ".lock", "sleep", "20"]
        try holder.run()
        defer { holder.terminate() }
        for _ in 0..<100 {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", f.archive + ".lock", "true"]
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try f.check(["clean.md", "--index", f.archive]).status == 0)
        let busy = try f.check(["clean.md", "--index", f.archive, "--record"])
        #expect(busy.status == 2 && busy.err.contains("in use by another run"))
        holder.terminate()
        holder.waitUntilExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.archive)) == before)

        func articles() throws -> String {
            try CLI.run(["index", "stats", f.archive]).out.split(separator: "\n").first { $0.hasPrefix("articles") }.map(String.init) ?? ""
        }
        #expect(try articles() == "articles    40")
        try f.draft("pasted.md", Self.otherDraft + "\n" + Self.disclaimer + "\n")
        let failing = try f.check(["pasted.md", "--index", f.archive, "--record"])
        #expect(failing.status == 1 && failing.err.contains("nothing recorded"))
        #expect(try articles() == "articles    40")
        let recorded = try f.check(["clean.md", "--index", f.archive, "--record"])
        #expect(recorded.status == 0, "\(recorded.err)")
        #expect(try articles() == "articles    41")
        // Checked again under its own path it is no copy of itself; under another name it is.
        #expect(try f.check(["clean.md", "--index", f.archive]).status == 0)
        try f.draft("again.md", Self.cleanDraft)
        let again = try f.check(["again.md", "--index", f.archive])
        #expect(again.status == 1 && again.out.contains("archived article \"clean.md\""), "\(again.out)")
    }
}
