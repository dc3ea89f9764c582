import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import WinnowCore
@testable import WinnowIO

/// The `winnow check` reporters on a hand-made report full of hostile text.
struct CheckReporterTests {
    static let hostile = "x\u{1B}[31m <b>&\"'%\r\n::error::y,z:w\u{202E}"

    func report() -> CheckReport {
        var copy = CheckFinding(rule: "archive-near-duplicate", severity: .error, category: "duplicate",
                                message: "near-duplicate of archived article \"a1\" " + Self.hostile, lineStart: 3, lineEnd: 9,
                                fingerprint: CheckFinding.stableFingerprint(rule: "archive-near-duplicate", draft: "docs/a b.md", subject: "archive:a1"))
        copy.matchedLines = [3...5, 8...9]
        copy.archived = ArchivedReference(id: "a1", run: "run-1", url: "https://x.example/1?a=b,c", title: Self.hostile, publishedAt: "2025-01-02")
        copy.similarity = MatchEvidence(kind: .nearDuplicate, hamming: 2, jaccard: 0.9123, containment: 0.95)
        let disclaimer = CheckFinding(rule: "zh-disclaimer-stance", severity: .warning, category: "disclaimer",
                                      message: "pasted disclaimer: 不代表本站立场", lineStart: 12, lineEnd: 12,
                                      fingerprint: CheckFinding.stableFingerprint(rule: "zh-disclaimer-stance", draft: "docs/a b.md", subject: "不代表本站立场"))
        let note = CheckFinding(rule: "date-line", severity: .info, category: "boilerplate", message: "a date", lineStart: 2, lineEnd: 2, fingerprint: 7)
        let drafts = [
            CheckedDraft(id: "docs/a b.md", file: "./docs/a b.md", findings: [note, copy, disclaimer]),
            CheckedDraft(id: "rec" + Self.hostile, file: "in,1:2.jsonl", recordLine: 4, findings: [disclaimer, disclaimer]),
            CheckedDraft(id: "clean.md", file: "clean.md"),
        ]
        let rules = [
            CheckRule(id: "archive-near-duplicate", shortDescription: "Near-duplicate", help: "Rewrite it.", defaultSeverity: .error),
            CheckRule(id: "date-line", shortDescription: "", help: "Built-in.", defaultSeverity: .info),
            CheckRule(id: "zh-disclaimer-stance", shortDescription: "Stance notice " + Self.hostile, help: "Remove it.", defaultSeverity: .warning),
        ]
        return CheckReport(drafts: drafts, rules: rules, failOn: .warning,
                           problems: [BadRecord(origin: "gone.md", reason: "cannot read: no such file <x>")], toolVersion: "9.9.9",
                           archive: "archive.sqlite")
    }

    @Test func textLinesAreCompilerStyleAndEscaped() {
        let text = String(decoding: CheckTextReporter().render(report()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0] == "gone.md: error: cannot read: no such file <x> [input]")
        #expect(lines[1] == "./docs/a b.md:2:1: info: a date [date-line]")
        #expect(lines[2].hasPrefix("./docs/a b.md:3:1: error: near-duplicate of archived article \"a1\" x\\u{1b}[31m"))
        #expect(lines[2].hasSuffix("\\u{202e} [archive-near-duplicate]"))
        #expect(lines[4].hasPrefix("in,1:2.jsonl:4:1: warning: recx\\u{1b}[31m"))
        #expect(lines[4].hasSuffix(": text line 12: pasted disclaimer: 不代表本站立场 [zh-disclaimer-stance]"))
        #expect(!text.contains("\u{1B}") && !text.contains("\r") && !text.contains("\u{202E}"))
    }

    @Test func jsonCarriesEverythingAndParses() throws {
        let bytes = CheckJSONReporter().render(report())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(obj["failed"] as? Bool == true && obj["version"] as? String == "9.9.9")
        let summary = try #require(obj["summary"] as? [String: Any])
        #expect(summary["drafts"] as? Int == 3 && summary["failed_drafts"] as? Int == 2 && summary["error"] as? Int == 1 && summary["warning"] as? Int == 3)
        let drafts = try #require(obj["drafts"] as? [[String: Any]])
        let copy = try #require((drafts[0]["findings"] as? [[String: Any]])?[1])
        #expect(copy["matched_lines"] as? [[Int]] == [[3, 5], [8, 9]])
        #expect((copy["archived"] as? [String: Any])?["title"] as? String == Self.hostile)
        #expect((copy["similarity"] as? [String: Any])?["jaccard"] as? Double == 0.912)
        #expect((copy["location"] as? [String: Any])?["end_line"] as? Int == 9)
        let record = try #require((drafts[1]["findings"] as? [[String: Any]])?.first)
        #expect((record["location"] as? [String: Any])?["start_line"] as? Int == 4)
        #expect(drafts[2]["failed"] as? Bool == false)
        #expect((obj["problems"] as? [[String: Any]])?.count == 1)
    }

    @Test func sarifResultsRulesAndFingerprints() throws {
        let bytes = CheckSARIFReporter().render(report())
        let log = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0" && (log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String ?? "" } == ["archive-near-duplicate", "date-line", "zh-disclaimer-stance"])
        #expect((rules[1]["shortDescription"] as? [String: Any])?["text"] as? String == "date-line")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.map { $0["level"] as? String ?? "" } == ["note", "error", "warning", "warning", "warning"])
        #expect(results[1]["ruleIndex"] as? Int == 0)
        let location = try #require((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "docs/a%20b.md")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3 && (location["region"] as? [String: Any])?["endLine"] as? Int == 9)
        let prints = results.map { ($0["partialFingerprints"] as? [String: String])?[CheckSARIFReporter.fingerprintKey] ?? "" }
        // The same finding twice in one file is numbered; in another file it starts again at 1.
        #expect(prints[3].hasSuffix(":1") && prints[4].hasSuffix(":2") && prints[2].hasSuffix(":1"))
        #expect(prints[3].dropLast(2) == prints[4].dropLast(2))
        let notifications = (run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]
        #expect(notifications?.count == 1)
        #expect(CheckSARIFReporter.uri("./a/ü b.md") == "a/%C3%BC%20b.md")
        #expect(CheckSARIFReporter.uri("/abs/x#1.md") == "file:///abs/x%231.md")
    }

    @Test func githubCommandsEscapeAsTheRunnerExpects() {
        #expect(CheckGitHubReporter.data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e")
        #expect(CheckGitHubReporter.property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce")
        #expect(CheckGitHubReporter.data("\u{1B}[2J") == "\\u{1b}[2J")
        let text = String(decoding: CheckGitHubReporter().render(report()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6 && lines.allSatisfy { $0.hasPrefix("::") })
        #expect(lines[0] == "::error title=winnow input::gone.md: cannot read: no such file <x>")
        #expect(lines[1] == "::notice file=./docs/a b.md,line=2,endLine=2,title=winnow date-line::a date")
        #expect(lines[2].hasPrefix("::error file=./docs/a b.md,line=3,endLine=9,title=winnow archive-near-duplicate::near-duplicate"))
        #expect(lines[2].hasSuffix("%25%0D%0A::error::y,z:w\\u{202e}"))
        #expect(lines[4].hasPrefix("::warning file=in%2C1%3A2.jsonl,line=4,endLine=4,title=winnow zh-disclaimer-stance::rec"))
    }

    @Test func junitParsesAndListsFailures() throws {
        let xml = String(decoding: CheckJUnitReporter().render(report()), as: UTF8.self)
        final class Collect: NSObject, XMLParserDelegate {
            var names: [String] = []
            var attributes: [[String: String]] = []
            var text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                names.append(name)
                self.attributes.append(attributes)
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let c = Collect()
        parser.delegate = c
        #expect(parser.parse(), "\(xml)")
        #expect(c.names.filter { $0 == "testsuite" }.count == 1)
        #expect(c.names.filter { $0 == "testcase" }.count == 4)
        #expect(c.names.filter { $0 == "failure" }.count == 2 && c.names.filter { $0 == "error" }.count == 1)
        let suite = try #require(c.names.firstIndex(of: "testsuite").map { c.attributes[$0] })
        #expect(suite["tests"] == "4" && suite["failures"] == "2" && suite["errors"] == "1")
        #expect(c.attributes.contains { $0["name"] == "rec" + Self.hostile.replacingOccurrences(of: "\u{1B}", with: "\\u{1b}").replacingOccurrences(of: "\u{202E}", with: "\\u{202e}") })
        #expect(c.text.contains("./docs/a b.md:2:1: info: a date [date-line]"))
        #expect(!xml.contains("\u{1B}"))
    }

    @Test func fingerprintsAreStableAndIgnoreSpacing() {
        let a = CheckFinding.stableFingerprint(rule: "r", draft: "d.md", subject: "不代表本站立场  \n x")
        #expect(a == CheckFinding.stableFingerprint(rule: "r", draft: "d.md", subject: " 不代表本站立场 x"))
        #expect(a != CheckFinding.stableFingerprint(rule: "r2", draft: "d.md", subject: "不代表本站立场 x"))
        #expect(a != CheckFinding.stableFingerprint(rule: "r", draft: "e.md", subject: "不代表本站立场 x"))
        // Pinned: stored by code scanning across commits, so it must never change.
        #expect(StableHash.hex(CheckFinding.stableFingerprint(rule: "zh-disclaimer-stance", draft: "a.md", subject: "x")) == "6ad87f79f414284d")
    }
}
