import Testing
@testable import WinnowCore
@testable import WinnowIO

/// Pages read and analysed end to end: which lines the analyzer keeps. Fixtures are written here.
extension HTMLTests {
    /// The lines of a page the analyzer keeps (no rules: markup and text shape alone).
    static func keptLines(_ html: String) throws -> [String] {
        _ = IOSupport.ready
        let article = try #require(HTMLArticleReader.article(utf8: Array(html.utf8), id: "p",
                                                             url: "https://news.example.com/2024/story.html",
                                                             fetchedAt: nil, origin: nil))
        let engine = ScanEngine(rules: .empty)
        let prepared = engine.prepare([article])
        let analysis = engine.analyze(prepared, statistics: engine.statistics(of: prepared))[0]
        let lines = article.text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.filter { !analysis.strippedLines.contains($0 + 1) }.map { String(lines[$0]) }
    }

    @Test func captionsAreStrippedInsideTheBody() throws {
        let kept = try Self.keptLines("""
        <html><head><title>A story</title></head><body><article>
        <p>\(Self.prose(1))</p><p>\(Self.prose(2))</p>
        <figure><img src="a.jpg"><figcaption>The harbour at dawn, as the boats leave for the day's catch.</figcaption></figure>
        <p>\(Self.prose(3))</p><p>\(Self.prose(4))</p></article></body></html>
        """)
        #expect(kept == [Self.prose(1), Self.prose(2), Self.prose(3), Self.prose(4)])
    }

    @Test func aRailOfExcerptsDoesNotBecomeTheBody() throws {
        // Excerpts in a sidebar's related list, cut off like an excerpt page's and set apart from
        // the article by dates: more text than the article, but the article is still the body.
        let deals = (1...8).map { n in
            "<h3><a href='/d/\(n)'>Deal number \(n) on something</a></h3><p>\(Self.prose(70 + n, sentences: 3).dropLast())…</p>"
        }.joined()
        let kept = try Self.keptLines("""
        <html><head><title>A story</title></head><body><div class="page">
        <article><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p><p>\(Self.prose(3))</p><p>2024-03-15</p><p>2024-03-16</p></article>
        <aside><div class="related-deals">\(deals)</div></aside></div></body></html>
        """)
        #expect(kept == [Self.prose(1), Self.prose(2), Self.prose(3)])
    }

    @Test func commentsAndTeasersAroundTheArticleAreStripped() throws {
        let teasers = (1...4).map { "<li><a href='/n/\($0)'>Another story headline \($0)</a> \(Self.prose(40 + $0, sentences: 2))</li>" }
            .joined()
        let comments = (1...5).map { "<div class='comment'><p>\(Self.prose(10 + $0, sentences: 4))</p></div>" }.joined()
        let kept = try Self.keptLines("""
        <html><head><title>A story</title></head><body><div class="latest"><ul>\(teasers)</ul></div>
        <div class="story"><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p><p>\(Self.prose(3))</p></div>
        <div class="discussion">\(comments)</div></body></html>
        """)
        #expect(kept == [Self.prose(1), Self.prose(2), Self.prose(3)])
    }

    @Test func proseInARailsRelatedListIsFurniture() throws {
        let related = (1...3).map { "<p>\(Self.prose(80 + $0, sentences: 2))</p>" }.joined()
        let kept = try Self.keptLines("""
        <html><head><title>A story</title></head><body>
        <article><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p><p>\(Self.prose(3))</p></article>
        <aside><div class="related">\(related)</div></aside></body></html>
        """)
        #expect(kept == [Self.prose(1), Self.prose(2), Self.prose(3)])
    }
}
