import Foundation
import WinnowCore
import WinnowIO

/// In-process stage timings of a scan over one JSONL file (all cores), medians of 5.
enum ScanBench {
    static func run(file: String, rules: String) throws {
        let read = try InputReader().read([file])
        let loaded = RuleFileLoader().load(paths: FileManager.default.fileExists(atPath: rules) ? [rules] : [])
        let ruleSet = try RuleSet(rules: loaded.rules)
        let bytes = read.textBytes
        print("scan stages on \(file): \(read.articles.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, rules \(loaded.rules.count)")
        Measure.line("read (JSONL)", seconds: Measure.median { _ = try? InputReader().read([file]) }, bytes: bytes)
        for (label, set) in [("no rules", RuleSet.empty), ("default rules", ruleSet)] {
            let engine = ScanEngine(rules: set)
            var prepared: [PreparedArticle] = []
            Measure.line("prepare", seconds: Measure.median { prepared = engine.prepare(read.articles) }, bytes: bytes)
            var stats = LineStatistics()
            Measure.line("statistics", seconds: Measure.median { stats = engine.statistics(of: prepared) }, bytes: bytes)
            var analyses: [ArticleAnalysis] = []
            Measure.line("analyze (\(label))", seconds: Measure.median { analyses = engine.analyze(prepared, statistics: stats) }, bytes: bytes)
            Measure.line("decide", seconds: try Measure.median { _ = try engine.decide(analyses) }, bytes: bytes)
            let search = CandidateSearch(settings: engine.match)
            var index: ContainmentIndex?
            Measure.line("  containment index", seconds: Measure.median { index = ContainmentIndex(sketches: analyses.map(\.fingerprint.sketch)) }, bytes: bytes)
            guard let index else { return }
            var docs: [MatchDocument] = []
            Measure.line("  match documents", seconds: Measure.median { docs = MatchDocument.build(from: analyses, index: index) }, bytes: bytes)
            var links: [CandidateSearch.Link] = []
            Measure.line("  candidate links", seconds: try Measure.median { links = try search.links(among: docs, containment: index) }, bytes: bytes)
            var clusters: [Cluster] = []
            Measure.line("  clusters", seconds: Measure.median { clusters = Clusterer(settings: engine.match).clusters(of: docs, links: links) }, bytes: bytes)
            Measure.line("  decisions", seconds: Measure.median { _ = Decider(settings: engine.match).decide(analyses, matches: docs, clusters: clusters, ruleRemoved: []) }, bytes: bytes)
        }
    }
}
