import Testing
@testable import WinnowCore

/// A batch larger than `ScanEngine.chunkSize` is prepared twice, a chunk at a time, and never
/// held prepared; its analyses and decisions must be exactly those of the one-pass path.
struct ScanEngineChunkingTests {
    static func batch() -> [Article] {
        let heads = ["首页 > 新闻中心 > 本地", "当前位置：首页 / 资讯 / 本地", "Home > News > Local"]
        let tails = ["版权所有 © 2020-2025 滨江新闻网", "声明：本文转载自网络，如有侵权请联系删除。", "All rights reserved."]
        var articles: [Article] = []
        for i in 0..<60 {
            let story = Pages.body(seed: UInt64(700 + i % 17), paragraphs: 3 + i % 3)
            let site = i % 3
            let body = i % 5 == 4 ? [String(story[0].prefix(40)) + "……"] : story
            let text = ([heads[site], "标题\(i % 17)", "发布时间：2025-05-0\(1 + i % 9) 08:30"] + body + [tails[site]]).joined(separator: "\n")
            articles.append(Article(id: "doc\(i)", text: text, url: "https://s\(site).example/\(i)", publishedAt: "2025-05-\(10 + i % 9)"))
        }
        return articles
    }

    @Test func chunkedScanGivesTheOnePassResult() throws {
        _ = Support.ready
        let articles = Self.batch()
        let whole = try ScanEngine(rules: .empty).scan(articles)
        for size in [1, 7, 59] {
            var engine = ScanEngine(rules: .empty)
            engine.chunkSize = size
            let chunked = try engine.scan(articles)
            #expect(chunked.analyses.map(\.fingerprint) == whole.analyses.map(\.fingerprint), "chunk \(size)")
            #expect(chunked.analyses.map(\.strippedLines) == whole.analyses.map(\.strippedLines), "chunk \(size)")
            #expect(chunked.analyses.map(\.findings) == whole.analyses.map(\.findings), "chunk \(size)")
            #expect(String(describing: chunked.decisions) == String(describing: whole.decisions), "chunk \(size)")
            #expect(chunked.clusters.count == whole.clusters.count)
        }
        #expect(whole.clusters.count > 0 && whole.analyses.contains { !$0.strippedLines.isEmpty })
    }

    /// Articles fetched a range at a time (as from a spool file), counting the fetches.
    final class CountingSource: ArticleSource, @unchecked Sendable {
        let all: [Article]
        var largest = 0
        init(_ all: [Article]) { self.all = all }
        var count: Int { all.count }
        func articles(in range: Range<Int>) throws -> [Article] {
            largest = max(largest, range.count)
            return Array(all[range])
        }
    }

    @Test func aScanFromAnArticleSourceFetchesAChunkAtATimeAndGivesTheSameResult() throws {
        _ = Support.ready
        let articles = Self.batch()
        let whole = try ScanEngine(rules: .empty).scan(articles)
        var engine = ScanEngine(rules: .empty)
        engine.chunkSize = 16
        let source = CountingSource(articles)
        let fetched = try engine.scan(source)
        #expect(source.largest == 16)
        #expect(fetched.analyses.map(\.fingerprint) == whole.analyses.map(\.fingerprint))
        #expect(fetched.analyses.map(\.findings) == whole.analyses.map(\.findings))
        #expect(String(describing: fetched.decisions) == String(describing: whole.decisions))
        #expect(try source.article(at: 59).id == "doc59")
        // Statistics let go before decide change nothing else.
        engine.keepsStatistics = false
        let lean = try engine.scan(source)
        #expect(lean.statistics.documentsPerSite.isEmpty && !fetched.statistics.documentsPerSite.isEmpty)
        #expect(String(describing: lean.decisions) == String(describing: whole.decisions))
        #expect(throws: WinnowCoreError.articleMissing(position: 60)) { try articles.article(at: 60) }
    }
}
