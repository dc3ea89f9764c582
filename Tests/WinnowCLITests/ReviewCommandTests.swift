import Foundation
import Testing

/// The review loop on the built binary: scan --index, review export, review apply, the next scan.
struct ReviewCommandTests {
    /// A folder with a rule pack, an archive path and deterministic Han prose.
    struct Fixture {
        let dir: String
        let archive: String
        var state: UInt64 = 0x7E1D

        init() throws {
            dir = CLI.tempDir()
            archive = dir + "/archive.sqlite"
            try FileManager.default.createDirectory(atPath: dir + "/rules", withIntermediateDirectories: true)
            try """
                rules:
                  - id: hotline
                    description: A call to ring a hotline
                    category: moderation
                    severity: warning
                    action: review
                    phrases: ["请拨打热线电话"]
                """.write(toFile: dir + "/rules/review.yaml", atomically: true, encoding: .utf8)
        }

        mutating func han(_ n: Int) -> String {
            String(String.UnicodeScalarView((0..<n).compactMap { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Unicode.Scalar(0x4E00 + UInt32((state >> 33) % 2500))
            }))
        }

        mutating func paragraphs(_ n: Int) -> [String] {
            (0..<n).map { _ in (0..<3).map { _ in han(12) + "，" + han(14) + "。" }.joined() }
        }

        /// Writes articles as JSONL and returns the file's path.
        func crawl(_ name: String, _ articles: [(id: String, host: String, text: String)]) throws -> String {
            let lines = try articles.map { a in
                let record = ["id": a.id, "url": "https://\(a.host)/\(a.id).html", "text": a.text]
                return String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            return dir + "/" + name
        }

        /// `winnow scan FILE --index ARCHIVE` with the fixture's rules; decisions by id.
        func scan(_ file: String, run: String) throws -> [String: [String: Any]] {
            let out = dir + "/out-" + run
            let r = try CLI.run(["scan", file, "--out", out, "--index", archive, "--run-id", run, "--rules", dir + "/rules", "-q"])
            #expect(r.status == 0, "\(r.err)")
            var byId: [String: [String: Any]] = [:]
            for line in try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8).split(separator: "\n") {
                let d = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                byId[d["id"] as? String ?? ""] = d
            }
            return byId
        }

        func review(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
            try CLI.run(["review"] + args + ["--index", archive], cwd: dir)
        }

        func verdicts(_ name: String, _ lines: [String]) throws -> String {
            try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            return name
        }
    }

    static func rules(_ d: [String: Any]?) -> [String] {
        (d?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    /// A story and a lightly edited repost of it on another site.
    static func story(_ f: inout Fixture) -> (original: String, repost: String) {
        var body = f.paragraphs(6)
        let original = body.joined(separator: "\n")
        body[1] = String(body[1].dropFirst(4))
        body[4] = body[4].replacingOccurrences(of: "，", with: "；")
        return (original, (["（本报综合报道）"] + body).joined(separator: "\n"))
    }

    @Test func notDuplicateStopsThePairMergingAgainAlsoUnderANewId() throws {
        var f = try Fixture()
        let (a, b) = Self.story(&f)
        let others = (0..<4).map { k in (id: "n\(k)", host: "news\(k).example", text: f.paragraphs(5).joined(separator: "\n")) }
        let first = try f.scan(try f.crawl("c1.jsonl", [("A", "one.example", a), ("B", "two.example", b)] + others), run: "r1")
        #expect(first["B"]?["decision"] as? String == "merge" && first["B"]?["canonical"] as? String == "A")
        let exported = try f.review(["export", "--below", "1"])
        #expect(exported.status == 0, "\(exported.err)")
        let row = try #require(exported.out.split(separator: "\n").first { $0.contains("\"id\":\"B\"") })
        #expect(row.contains("\"canonical\":\"A\"") && row.contains("\"verdict\":\"\"") && row.contains("\"confidence\":"))
        // The editor fills in the exported row and gives it back.
        let filled = row.replacingOccurrences(of: "\"verdict\":\"\"", with: "\"verdict\":\"not-duplicate\"")
        let applied = try f.review(["apply", try f.verdicts("v.jsonl", [String(filled)]), "--editor", "mei"])
        #expect(applied.status == 0, "\(applied.err)")
        #expect(applied.err.contains("1 recorded"))
        let next = try f.scan(try f.crawl("c2.jsonl", [("A", "one.example", a), ("B", "two.example", b), ("B-again", "three.example", b)]), run: "r2")
        for id in ["B", "B-again"] {
            #expect(next[id]?["canonical"] as? String != "A", "\(id): \(next[id] ?? [:])")
        }
        let marked = ["B", "B-again"].compactMap { next[$0]?["verdict"] as? [String: Any] }
        #expect(marked.contains { $0["kind"] as? String == "not-duplicate" && $0["editor"] as? String == "mei" && $0["other"] as? String == "A" })
        #expect(next["A"]?["verdict"] == nil)
        // `winnow check` honours it too: B's text is no copy of archived A.
        let draft = f.dir + "/draft.md"
        try b.write(toFile: draft, atomically: true, encoding: .utf8)
        let checked = try CLI.run(["check", draft, "--index", f.archive, "--rules", f.dir + "/rules"])
        #expect(!checked.out.contains("archived article \"A\""), "\(checked.out)")
    }

    @Test func falsePositiveRemovesThatRulesFindingFromThatArticle() throws {
        var f = try Fixture()
        let text = (f.paragraphs(4) + ["如需订阅本刊，请拨打热线电话，编辑部将为您登记。"]).joined(separator: "\n")
        let other = (f.paragraphs(4) + ["活动报名，请拨打热线电话，名额有限。"]).joined(separator: "\n")
        let first = try f.scan(try f.crawl("c1.jsonl", [("X", "one.example", text)]), run: "r1")
        #expect(first["X"]?["decision"] as? String == "review")
        let exported = try f.review(["export"])
        let row = try #require(exported.out.split(separator: "\n").first { $0.contains("\"id\":\"X\"") })
        #expect(row.contains("\"decision\":\"review\"") && row.contains("\"rule\":\"hotline\""))
        let filled = row.replacingOccurrences(of: "\"verdict\":\"\"", with: "\"verdict\":\"false-positive\"")
            .replacingOccurrences(of: "\"note\":\"\"", with: "\"note\":\"a subscription line\"")
        #expect(try f.review(["apply", try f.verdicts("v.jsonl", [String(filled)]), "--editor", "mei"]).status == 0)
        let next = try f.scan(try f.crawl("c2.jsonl", [("X", "one.example", text), ("X-again", "two.example", text),
                                                       ("Y", "three.example", other)]), run: "r2")
        for id in ["X", "X-again"] {
            #expect(!Self.rules(next[id]).contains("hotline"), "\(id): \(next[id] ?? [:])")
            #expect(next[id]?["decision"] as? String != "review")
        }
        let marked = try #require(next["X"]?["verdict"] as? [String: Any])
        #expect(marked["kind"] as? String == "false-positive" && marked["rule"] as? String == "hotline" && marked["note"] as? String == "a subscription line")
        // Other articles still get the rule.
        #expect(next["Y"]?["decision"] as? String == "review" && Self.rules(next["Y"]).contains("hotline"))
        let stats = try f.review(["stats"])
        #expect(stats.status == 0)
        #expect(stats.out.hasPrefix("1 verdict by 1 editor: 0 accept, 0 not-duplicate, 1 false-positive, 0 remove"), "\(stats.out)")
        let hotline = try #require(stats.out.split(separator: "\n").first { $0.hasPrefix("hotline") })
        #expect(hotline.split(separator: " ").map(String.init) == ["hotline", "1", "0", "0", "1", "0", "1", "(100%)"])
    }

    @Test func oneBadLineRejectsTheWholeFile() throws {
        var f = try Fixture()
        let (a, b) = Self.story(&f)
        _ = try f.scan(try f.crawl("c1.jsonl", [("A", "one.example", a), ("B", "two.example", b)]), run: "r1")
        let file = try f.verdicts("bad.jsonl", [
            #"{"id": "A", "verdict": "accept", "editor": "mei"}"#,
            #"{"id": "B", "verdict": "maybe", "editor": "mei"}"#,
            #"{"id": "B", "verdict": "not-duplicate", "editor": "mei"}"#,
            #"{"id": "ghost", "verdict": "remove", "editor": "mei"}"#,
            #"{"id": "A", "verdict": "false-positive", "editor": "mei"}"#,
            "{not json",
            #"{"id": "B", "verdict": "", "editor": "mei"}"#,
        ])
        let r = try f.review(["apply", file])
        #expect(r.status == 2)
        for expected in ["bad.jsonl:2: unknown verdict \"maybe\"", "bad.jsonl:3: a not-duplicate verdict needs \"canonical\"",
                         "bad.jsonl:4: unknown document \"ghost\"", "bad.jsonl:5: a false-positive verdict needs \"rule\"",
                         "bad.jsonl:6: not a JSON object", "no verdict was recorded"] {
            #expect(r.err.contains(expected), "\(expected) in \(r.err)")
        }
        #expect(!r.err.contains("bad.jsonl:1:") && !r.err.contains("bad.jsonl:7:"))
        #expect(try f.review(["stats"]).out.hasPrefix("0 verdicts"))
        // Without an editor anywhere, a good line is refused too.
        let anonymous = try f.review(["apply", try f.verdicts("anon.jsonl", [#"{"id": "A", "verdict": "accept"}"#])])
        #expect(anonymous.status == 2 && anonymous.err.contains("anon.jsonl:1: no editor"))
    }

    @Test func removeSticksForTheDocumentAndItsText() throws {
        var f = try Fixture()
        let spam = f.paragraphs(5).joined(separator: "\n")
        let keep = f.paragraphs(5).joined(separator: "\n")
        let first = try f.scan(try f.crawl("c1.jsonl", [("S", "one.example", spam), ("K", "two.example", keep)]), run: "r1")
        #expect(first["S"]?["decision"] as? String == "keep")
        let v = try f.verdicts("v.jsonl", [#"{"id": "S", "verdict": "remove", "editor": "mei", "note": "advertorial"}"#])
        #expect(try f.review(["apply", v]).status == 0)
        let next = try f.scan(try f.crawl("c2.jsonl", [("S", "one.example", spam), ("S-again", "three.example", spam),
                                                       ("K", "two.example", keep)]), run: "r2")
        for id in ["S", "S-again"] {
            #expect(next[id]?["decision"] as? String == "remove", "\(id)")
            let reason = (next[id]?["reasons"] as? [String])?.first ?? ""
            #expect(reason.hasPrefix("removed by verdict of mei on S (") && reason.hasSuffix("): advertorial"), "\(reason)")
            #expect((next[id]?["verdict"] as? [String: Any])?["note"] as? String == "advertorial")
        }
        #expect(next["K"]?["decision"] as? String == "keep" && next["K"]?["verdict"] == nil)
    }

    @Test func exportListsReviewDecisionsInJSONLAndCSV() throws {
        var f = try Fixture()
        let text = (f.paragraphs(4) + ["详情请拨打热线电话咨询。"]).joined(separator: "\n")
        _ = try f.scan(try f.crawl("c1.jsonl", [("R", "one.example", text), ("U", "two.example", f.paragraphs(4).joined(separator: "\n"))]), run: "r1")
        let jsonl = try f.review(["export", "--run", "r1"])
        #expect(jsonl.status == 0)
        let rows = jsonl.out.split(separator: "\n")
        #expect(rows.count == 1)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any])
        #expect(row["id"] as? String == "R" && row["run"] as? String == "r1" && row["decision"] as? String == "review")
        #expect(row["canonical"] as? String == "R" && (row["reason"] as? String)?.contains("rule hotline asks for review") == true)
        #expect(row["verdict"] as? String == "" && row["rules"] as? [String] == ["hotline"])
        let csv = try f.review(["export", "--format", "csv"])
        #expect(csv.out.hasPrefix("id,run,decision,canonical,canonical_run,kind,hamming,jaccard,containment,confidence,rules,rule,reason,verdict,editor,note\r\n"))
        #expect(csv.out.contains("R,r1,review,R,"))
        #expect(try f.review(["export", "--run", "nope"]).status == 2)
        #expect(try f.review(["export", "--below", "2"]).status == 64)
        // Once judged, it no longer awaits review.
        #expect(try f.review(["apply", try f.verdicts("v.jsonl", [#"{"id": "R", "verdict": "accept", "editor": "mei"}"#])]).status == 0)
        #expect(try f.review(["export"]).out.isEmpty)
    }
}
