import Foundation
import Testing

/// `report.html` as `winnow scan` writes it, checked without a browser (scripts/browser-test.sh
/// opens the same fixture in headless Chromium).
struct ReportHTMLTests {
    static let fixture = "scripts/fixtures/hostile-crawl.jsonl"

    /// Scans the hostile fixture and returns the page.
    func scan(_ extra: [String] = [], environment: [String: String] = [:]) throws -> String {
        let out = CLI.tempDir()
        let r = try CLI.run(["scan", Self.fixture, "--out", out, "-q"] + extra, environment: environment, cwd: CLI.root)
        #expect(r.status == 0, "\(r.err)")
        return try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    }

    @Test func everyScanWritesAReportUnderAStrictPolicy() throws {
        let page = try scan(["--report-lang", "en"])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let csp = try #require(Self.between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\""))
        #expect(csp.hasPrefix("default-src 'none'; script-src 'sha256-"))
        #expect(csp.contains("style-src 'sha256-") && csp.contains("img-src data:"))
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
        // One executable script (the page's own); everything else is an inert data block.
        #expect(page.components(separatedBy: "<script>").count - 1 == 1)
        #expect(page.components(separatedBy: "<script").count - 1 == page.components(separatedBy: "<script type=\"application/json\"").count)
        #expect(page.contains("<script type=\"application/json\" id=\"data\">"))
        #expect(page.contains("<script type=\"application/json\" id=\"texts-0\">"))
        // No external anything.
        for banned in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] { #expect(!page.contains(banned), "\(banned)") }
    }

    @Test func dataFromTheCrawlIsEscaped() throws {
        let page = try scan()
        let data = try #require(Self.between(page, "id=\"data\">", "</script>"))
        let texts = try #require(Self.between(page, "id=\"texts-0\">", "</script>"))
        for block in [data, texts] {
            #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        }
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img") && !page.contains("<svg onload") && !page.contains("<iframe"))
        #expect(!page.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
        #expect(texts.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(data.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(4)"))
        #expect(data.contains("\\u2028"))
        // And it decodes back to exactly what was crawled.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let ids = try #require((parsed["docs"] as? [String: Any])?["id"] as? [String])
        #expect(ids.contains("hostile-zh-3</script>"))
        let titles = try #require((parsed["docs"] as? [String: Any])?["title"] as? [String])
        #expect(titles.contains("市图书馆延长开放时间\u{2028}</script><script>alert(4)</script>"))
        #expect(!(parsed["clusters"] as? [Any] ?? []).isEmpty)
    }

    @Test func languageFollowsTheOptionOrTheLocale() throws {
        let zh = try scan(["--report-lang", "zh"])
        #expect(zh.contains("<html lang=\"zh-CN\">") && zh.contains("<title>Winnow 报告</title>"))
        let fromLocale = try scan(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"])
        #expect(fromLocale.contains("<html lang=\"zh-CN\">"))
        let english = try scan(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"])
        #expect(english.contains("<html lang=\"en\">"))
        let bad = try CLI.run(["scan", Self.fixture, "--out", CLI.tempDir(), "--report-lang", "fr"], cwd: CLI.root)
        #expect(bad.status == 64)
    }

    static func between(_ s: String, _ open: String, _ close: String) -> String? {
        guard let a = s.range(of: open), let b = s[a.upperBound...].range(of: close) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }
}
