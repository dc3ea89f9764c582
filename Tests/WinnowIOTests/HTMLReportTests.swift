import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

/// `report.html` without a browser: SHA-256 and the CSP built from it, the escaped data blocks,
/// the interface strings, and the rules the page's script keeps (no markup from data).
struct HTMLReportTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                    == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Fed in uneven pieces, the digest is the same.
        var h = SHA256()
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        var at = 0
        for size in [1, 7, 20, 3, 64] where at < message.count {
            let end = min(message.count, at + size)
            h.update(Array(message[at..<end]))
            at = end
        }
        h.update(Array(message[at...]))
        #expect(h.finalize() == SHA256.hash(message))
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(SHA256.base64(Array("abc".utf8)) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    @Test func languageComesFromTheLocale() {
        #expect(ReportLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LANG": "zh_TW.UTF-8", "LC_ALL": ""]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(ReportLanguage.fromEnvironment(["LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN"]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
        #expect(ReportLanguage.fromEnvironment([:]) == .en)
    }

    @Test func everyStringThePageAsksForExistsInBothLanguages() throws {
        let script = ReportPage.script
        let regex = try NSRegularExpression(pattern: "\\bt\\('([a-zA-Z][a-zA-Z.\\-]*[a-zA-Z])'")
        let keys = Set(regex.matches(in: script, range: NSRange(script.startIndex..., in: script)).compactMap {
            Range($0.range(at: 1), in: script).map { String(script[$0]) }
        })
        #expect(keys.count > 100)
        for key in keys { #expect(ReportStrings.en[key] != nil, "missing English string \(key)") }
        for key in ReportStrings.zh.keys { #expect(ReportStrings.en[key] != nil, "Chinese string \(key) has no English twin") }
        let untranslated = Set(ReportStrings.en.keys).subtracting(ReportStrings.zh.keys)
        #expect(untranslated == ["page.noscript"], "untranslated: \(untranslated.sorted())")
        // Keys built at run time: one per decision, match kind, category, severity, action, verdict.
        for prefix in ["dec.keep", "kind.near-duplicate", "cat.moderation", "sev.warning", "act.strip", "v.not-duplicate", "reason.excerpt", "stage.analyze"] {
            #expect(ReportStrings.zh[prefix] != nil && ReportStrings.en[prefix] != nil)
        }
    }

    @Test func theScriptNeverWritesMarkup() {
        let script = ReportPage.script
        for banned in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "</script", "<!--", "setAttribute('on"] {
            #expect(!script.contains(banned), "script contains \(banned)")
        }
        #expect(!ReportPage.style.contains("</style"))
        #expect(!script.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
    }

    @Test func scriptSafeJSONHasNoMarkupCharacters() throws {
        let raw = Array("{\"a\":\"</script><!-- & \\\\<b>\"}".utf8)
        let safe = ReportDataEncoder.scriptSafe(raw)
        let text = String(decoding: safe, as: UTF8.self)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(safe)) as? [String: String])
        #expect(parsed["a"] == "</script><!-- & \\<b>")
        #expect(ReportDataEncoder.ranges([3, 4, 5, 9, 11, 12]) == [3, 5, 9, 9, 11, 12])
        #expect(ReportDataEncoder.ranges([]) == [])
    }

    @Test func exactCopiesShareOneTextAndTextsComeInChunks() throws {
        _ = IOSupport.ready
        let articles = [Article(id: "a", text: "same text <b>"), Article(id: "b", text: "other text"), Article(id: "c", text: "same text <b>")]
        let r = try ScanEngine(rules: try RuleSet(rules: [])).scan(articles)
        let report = ScanReport(articles: articles, analyses: r.analyses, decisions: r.decisions, clusters: r.clusters,
                                problems: [], counters: r.counters, inputs: ["x"])
        let encoder = try ReportDataEncoder(report: report, language: .en, generated: "2025-01-01T00:00:00Z", chunkBytes: 1)
        #expect(encoder.textIndex == [0, 1, 0])
        #expect(encoder.chunkStarts == [0, 1])
        let chunks = try encoder.textChunks().map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String]) }
        #expect(chunks == [["same text <b>"], ["other text"]])
        let page = String(decoding: ReportPage.render(language: .en, data: encoder.data(), texts: encoder.textChunks()), as: UTF8.self)
        let doc = try HTMLReportDocument(page)
        #expect(doc.textBlocks == 2)
        // The script comes before the texts, so the overview is drawn before they are read.
        let script = try #require(page.range(of: "<script>"))
        let firstText = try #require(page.range(of: "id=\"texts-0\""))
        #expect(script.lowerBound < firstText.lowerBound)
    }

    @Test func pageEmbedsTheDataEscapedUnderAStrictPolicy() throws {
        _ = IOSupport.ready
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\u{2028}</script>&amp;"
        let articles = [
            Article(id: "a</script>", text: "首页 > 新闻\n" + hostile + "\n这是正文的第一段，内容足够长，可以作为文章主体。\n版权所有 © 2025 示例网 保留所有权利",
                    title: hostile, url: "javascript:alert(3)"),
            Article(id: "b", text: "Another body line that is long enough to be an article body here.", url: "https://y.example/1"),
        ]
        let rules = try RuleSet(rules: [Rule(id: "c", category: .disclaimer, matcher: .phrases(["保留所有权利"]))])
        let r = try ScanEngine(rules: rules).scan(articles)
        let report = ScanReport(articles: articles, analyses: r.analyses, decisions: r.decisions, clusters: r.clusters,
                                problems: [BadRecord(origin: "in.jsonl:3", reason: "not JSON <b>")], counters: r.counters, inputs: ["in<1>.jsonl"])
        let bytes = try HTMLReportReporter(language: .zh, generatedAt: Date(timeIntervalSince1970: 0)).render(report)
        let page = String(decoding: bytes, as: UTF8.self)
        let doc = try HTMLReportDocument(page)

        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(doc.csp.hasPrefix("default-src 'none'; script-src 'sha256-"))
        #expect(doc.csp.contains("img-src data:") && !doc.csp.contains("unsafe"))
        #expect(doc.csp.contains("'sha256-\(SHA256.base64(Array(doc.script.utf8)))'"))
        #expect(doc.csp.contains("'sha256-\(SHA256.base64(Array(doc.style.utf8)))'"))
        #expect(doc.script == ReportPage.script)
        #expect(doc.scriptTags == 2 + doc.textBlocks && doc.textBlocks == 1)
        #expect(!page.contains("alert(1)</script>") && !page.contains("<img"))
        #expect(!page.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
        for block in [doc.data, doc.texts] { #expect(!block.contains("<") && !block.contains(">") && !block.contains("&")) }
        #expect(doc.texts.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(doc.texts.contains("\\u2028"))

        let data = try #require(try JSONSerialization.jsonObject(with: Data(doc.data.utf8)) as? [String: Any])
        let docs = try #require(data["docs"] as? [String: Any])
        #expect((docs["id"] as? [String]) == ["a</script>", "b"])
        #expect((docs["title"] as? [String])?.first == hostile)
        #expect((docs["url"] as? [String])?.first == "javascript:alert(3)")
        #expect(data["lang"] as? String == "zh")
        #expect((data["t"] as? [String: String])?["tab.documents"] == "文档")
        let texts = try #require(try JSONSerialization.jsonObject(with: Data(doc.texts.utf8)) as? [String])
        #expect(texts == articles.map(\.text))
        #expect((docs["tx"] as? [Int]) == [0, 1])
        #expect((data["tstarts"] as? [Int]) == [0])
        let stripped = try #require((docs["s"] as? [[Int]])?.first)
        #expect(stripped.contains(4))
        let run = try #require(data["run"] as? [String: Any])
        #expect((run["key"] as? String)?.count == 16)
        #expect((run["inputs"] as? [String]) == ["in<1>.jsonl"])
    }
}

/// The parts of a written `report.html` the tests look at.
struct HTMLReportDocument {
    let csp: String, style: String, script: String, data: String
    /// The text blocks, joined into one JSON array.
    let texts: String
    let textBlocks: Int
    let scriptTags: Int

    init(_ page: String) throws {
        func between(_ open: String, _ close: String, in s: Substring) throws -> (String, Substring) {
            let a = try #require(s.range(of: open))
            let b = try #require(s[a.upperBound...].range(of: close))
            return (String(s[a.upperBound..<b.lowerBound]), s[b.upperBound...])
        }
        let all = Substring(page)
        csp = try between("<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">", in: all).0
        style = try between("<style>", "</style>", in: all).0
        let (d, rest) = try between("<script type=\"application/json\" id=\"data\">", "</script>", in: all)
        data = d
        let (code, afterScript) = try between("<script>", "</script>", in: rest)
        script = code
        var tail = afterScript
        var blocks: [String] = []
        while tail.contains("<script type=\"application/json\" id=\"texts-\(blocks.count)\">") {
            let (block, next) = try between("<script type=\"application/json\" id=\"texts-\(blocks.count)\">", "</script>", in: tail)
            blocks.append(String(block.dropFirst().dropLast()))
            tail = next
        }
        textBlocks = blocks.count
        texts = "[" + blocks.filter { !$0.isEmpty }.joined(separator: ",") + "]"
        scriptTags = page.components(separatedBy: "<script").count - 1
    }
}
