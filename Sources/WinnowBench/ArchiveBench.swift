import Foundation
import WinnowCore
import WinnowStore

/// An archive of many synthetic canonical articles: file size per article, time from opening to
/// the first lookup, and lookups per second (SimHash neighbours, and full candidate fetches).
enum ArchiveBench {
    static func run(documents n: Int, path: String?) throws {
        let file = path ?? NSTemporaryDirectory() + "winnow-bench-archive.sqlite"
        if path == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        var state: UInt64 = 7
        func next() -> UInt64 { state = StableHash.mix(state &+ 0x9E37_79B9_7F4A_7C15); return state }
        var simhashes: [UInt64] = []
        if (try? ArchiveStore(path: file).stats().articles) ?? 0 < n {
            let store = try ArchiveStore(path: file)
            let chunk = 100_000
            let started = Date()
            for c in stride(from: 0, to: n, by: chunk) {
                let m = min(chunk, n - c)
                var articles: [Article] = [], analyses: [ArticleAnalysis] = [], decisions: [Decision] = []
                for i in c..<(c + m) {
                    // A typical article: ~250 sampled shingles, ~100 in the lead, a short headline.
                    let sketch = (0..<250).map { _ in next() >> 1 }.sorted()
                    var fp = Fingerprint(simhash: next(), exact: next(), tokens: 900, sketch: sketch, lead: Array(sketch.prefix(100)))
                    fp.head = Array(sketch.prefix(24))
                    simhashes.append(fp.simhash)
                    articles.append(Article(id: "a\(i)", text: "", url: "https://site\(i % 50).example/\(i)"))
                    analyses.append(ArticleAnalysis(id: "a\(i)", site: "site\(i % 50).example", language: "zh", publishedAt: "2025-01-01",
                                                    findings: [], strippedLines: [], body: nil, isExcerpt: false, fingerprint: fp))
                    decisions.append(Decision(id: "a\(i)", kind: .keep, canonical: "a\(i)", reasons: ["unique"], clusterSize: 1))
                }
                try store.commit(run: RunRecord(id: "bench-\(c)", startedAt: "", finishedAt: "", inputs: [], rulesVersion: "", winnowVersion: ""),
                                 articles: articles, analyses: analyses, decisions: decisions, statistics: LineStatistics())
            }
            print(String(format: "built %d synthetic canonicals in %.1f s", n, Date().timeIntervalSince(started)))
        }
        let stats = try ArchiveStore(path: file).stats()
        print(String(format: "archive: %d articles, %.1f MB, %.0f bytes per article", stats.articles, Double(stats.bytes) / 1e6, stats.bytesPerArticle))

        let t0 = Date()
        let store = try ArchiveStore(path: file)
        let index = try store.loadIndex(maxDistance: 6)
        let probe = Fingerprint(simhash: simhashes.first ?? next(), exact: 0, tokens: 1, sketch: [], lead: [])
        _ = try index.candidates(for: probe, maxDistance: 6)
        print(String(format: "open to first lookup: %.2f s (%d canonicals in %d tables)", Date().timeIntervalSince(t0), index.count, 28))

        let queries = (0..<200_000).map { i -> UInt64 in
            i % 2 == 0 && !simhashes.isEmpty ? simhashes[Int(next() % UInt64(simhashes.count))] ^ (1 << (next() % 64)) : next()
        }
        var hits = 0
        let t = Measure.median(runs: 3) { hits = 0; for q in queries { hits += index.neighbours(of: q).count } }
        Measure.line("simhash lookups (k 6)", seconds: t, items: queries.count)
        let full = queries.prefix(2000).map { Fingerprint(simhash: $0, exact: 0, tokens: 1, sketch: [], lead: (0..<24).map { _ in next() >> 1 }.sorted()) }
        let tf = try Measure.median(runs: 3) { for f in full { _ = try index.candidates(for: f, maxDistance: 6) } }
        Measure.line("candidate lookups (simhash+anchors+fetch)", seconds: tf, items: full.count)
        _ = hits
    }
}
