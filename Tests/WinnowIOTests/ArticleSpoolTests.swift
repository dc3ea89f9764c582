import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

/// A scan's articles go to a spool file as they are read and come back by position: every field
/// must come back exactly, and reading through a spool must give what reading into memory gives.
struct ArticleSpoolTests {
    static func samples() -> [Article] {
        var a = Article(id: "a", text: "标题\n正文第一段。\n\n正文 😀 \u{FFFD}", title: "标题", url: "https://x.example/1",
                        publishedAt: "2025-01-01", source: "X 报", origin: RecordOrigin(file: "crawl.jsonl", line: 3))
        a.replacedSequences = 1
        var b = Article(id: "b", text: "")
        b.lineHints = [LineHint(regions: [.navigation, .mainText], block: .heading, headingLevel: 2, linkDensity: 0.75), LineHint()]
        let c = Article(id: "c", text: String(repeating: "long line ", count: 100_000), origin: RecordOrigin(file: "page.html", line: 0))
        return [a, b, c]
    }

    static func same(_ x: Article, _ y: Article) -> Bool {
        x.id == y.id && x.text == y.text && x.title == y.title && x.url == y.url && x.publishedAt == y.publishedAt
            && x.source == y.source && x.origin == y.origin && x.lineHints == y.lineHints && x.replacedSequences == y.replacedSequences
    }

    @Test func articlesComeBackExactlyByPosition() throws {
        let spool = try ArticleSpool(directory: IOSupport.tempDir())
        let samples = Self.samples()
        for _ in 0..<3 { for a in samples { spool.take(a) } }
        // Fetching before `finish` sees everything taken so far.
        #expect(try spool.articles(in: 7..<8).map(\.id) == ["b"])
        try spool.finish()
        #expect(spool.count == 9)
        let all = try spool.articles(in: 0..<9)
        #expect(all.indices.allSatisfy { Self.same(all[$0], samples[$0 % 3]) })
        #expect(try spool.articles(in: 4..<6).map(\.id) == ["b", "c"])
        #expect(try spool.articles(in: 5..<5).isEmpty)
        var seen: [String] = []
        try spool.forEach(chunk: 2) { i, a in seen.append("\(i)\(a.id)") }
        #expect(seen == ["0a", "1b", "2c", "3a", "4b", "5c", "6a", "7b", "8c"])
        #expect(throws: WinnowCoreError.articleMissing(position: 9)) { try spool.articles(in: 8..<10) }
    }

    /// Headers come back with every field but the text and line hints, which are passed over.
    @Test func headersComeBackWithoutTexts() throws {
        let spool = try ArticleSpool(directory: IOSupport.tempDir())
        let samples = Self.samples()
        for a in samples { spool.take(a) }
        try spool.finish()
        let headers = try spool.headers(in: 0..<3)
        for (h, a) in zip(headers, samples) {
            var bare = a
            bare.text = ""
            bare.lineHints = nil
            #expect(Self.same(h, bare), "\(h.id)")
        }
        var seen: [String] = []
        try spool.forEachHeader(chunk: 2) { i, a in seen.append("\(i)\(a.id)\(a.text.count)") }
        #expect(seen == ["0a0", "1b0", "2c0"])
        // An array holds its texts anyway: its headers are its articles.
        #expect(try samples.headers(in: 0..<1)[0].text == samples[0].text)
    }

    @Test func theSpoolFileIsGoneFromItsFolderAtOnce() throws {
        let dir = IOSupport.tempDir()
        let spool = try ArticleSpool(directory: dir)
        spool.take(Self.samples()[0])
        try spool.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        #expect(throws: WinnowIOError.self) { try ArticleSpool(directory: dir + "/missing") }
    }

    @Test func readingIntoASpoolGivesWhatReadingIntoMemoryGives() throws {
        let dir = IOSupport.tempDir()
        let path = dir + "/crawl.jsonl"
        // More lines than one parsing block, a bad record and a repeated id among them.
        var lines: [String] = []
        for i in 0..<(InputReader.jsonlBlockLines + 300) {
            lines.append(i == 5000 ? "not json" : "{\"id\": \"d\(i == 8400 ? 7 : i)\", \"text\": \"正文 \(i)\\n第二行\", \"url\": \"https://s\(i % 7).example/\(i)\"}")
        }
        IOSupport.write(lines.joined(separator: "\n") + "\n", to: path)
        let memory = try InputReader().read([path])
        var reader = InputReader()
        let spool = try ArticleSpool(directory: dir)
        reader.sink = spool
        let spooled = try reader.read([path])
        try spool.finish()
        #expect(spooled.articles.isEmpty && spool.count == memory.articles.count)
        #expect(memory.articles.count == lines.count - 2, "\(memory.problems)")
        let back = try spool.articles(in: 0..<spool.count)
        #expect(back.indices.allSatisfy { Self.same(back[$0], memory.articles[$0]) })
        #expect(spooled.problems == memory.problems && spooled.problems.count == 2)
        #expect(spooled.textBytes == memory.textBytes)
    }
}
