import Foundation
import TestScratch
import GRDB
import Testing
@testable import WinnowCore
@testable import WinnowStore

/// Synthetic articles: random Han prose per story, wrapped per site.
enum Corpus {
    static let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理")

    static func story(_ seed: UInt64) -> [String] {
        var s = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> UInt64 { s = StableHash.mix(s &+ 1); return s }
        return (0..<4).map { _ in
            var p = ""
            for i in 0..<(60 + Int(next() % 50)) {
                p.append(han[Int(next() % UInt64(han.count))])
                if i % 15 == 14 { p += "，" }
            }
            return p + "。"
        }
    }

    static func page(_ body: [String], site: Int, title: String) -> String {
        let heads = ["首页 > 新闻中心 > 本地", "当前位置：首页 / 资讯 / 本地", "论坛首页 › 时事讨论 › 查看帖子"]
        let tails = ["版权所有 © 2020-2025 示例网 保留所有权利", "声明：本文转载自网络，如有侵权请联系删除。", "免责声明：本帖内容由网友发布，与本论坛无关。"]
        return ([heads[site % 3], title, "发布时间：2025-05-0\(site % 9 + 1) 08:30:00"] + body + [tails[site % 3]]).joined(separator: "\n")
    }

    /// 30 stories, each with an original, reposts, and sometimes a partial copy or an excerpt.
    static func articles() -> (articles: [Article], cluster: [String: Int]) {
        var out: [Article] = [], cluster: [String: Int] = [:]
        for s in 0..<30 {
            let body = story(UInt64(s)), title = "新闻标题第\(s)号"
            var copies: [(String, [String])] = [("o\(s)", body), ("r\(s)", body)]
            if s % 3 == 0 { copies.append(("p\(s)", Array(body.prefix(2)))) }
            if s % 4 == 0 { copies.append(("e\(s)", [String(body[0].prefix(40)) + "……"])) }
            if s % 5 == 0 { copies.append(("x\(s)", body.dropLast() + [body[3] + "（完）"])) }
            for (k, (id, b)) in copies.enumerated() {
                out.append(Article(id: id, text: page(b, site: s + k, title: title), title: title,
                                   url: "https://site\((s + k) % 3).example/\(id)", publishedAt: "2025-05-\(10 + k) 00:00:00"))
                cluster[id] = s
            }
        }
        return (out, cluster)
    }

    /// Pair F1 of decisions (linked through `canonical`) against the true clusters.
    static func pairF1(_ decisions: [Decision], truth: [String: Int]) -> Double {
        var parent: [String: String] = [:]
        for d in decisions { parent[d.id] = d.canonical }
        func root(_ x: String) -> String {
            var x = x, n = 0
            while let p = parent[x], p != x, n < 20 { x = p; n += 1 }
            return x
        }
        let ids = truth.keys.sorted()
        var tp = 0, fp = 0, fn = 0
        for i in ids.indices { for j in (i + 1)..<ids.count {
            let same = truth[ids[i]] == truth[ids[j]], predicted = root(ids[i]) == root(ids[j])
            if same && predicted { tp += 1 } else if predicted { fp += 1 } else if same { fn += 1 }
        } }
        let p = Double(tp) / Double(max(1, tp + fp)), r = Double(tp) / Double(max(1, tp + fn))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

struct ArchiveStoreTests {
    func tempIndex() -> String {
        Scratch.path("archive", suffix: ".sqlite")
    }

    /// The notices Corpus.page writes, as an editor would list them.
    static func rules() throws -> RuleSet {
        try TextNormalizer.prepare()
        return try RuleSet(rules: [Rule(id: "notices", category: .disclaimer, matcher: .phrases(["保留所有权利", "如有侵权", "与本论坛无关"]))])
    }

    /// Runs `sql` on the archive at `path` behind the store's back (an older or newer Winnow's rows).
    static func execute(_ sql: String, on path: String) throws {
        let db = try DatabaseQueue(path: path)
        try db.write { try $0.execute(sql: sql) }
        try db.close()
    }

    func run(_ articles: [Article], store: ArchiveStore, id: String) throws -> [Decision] {
        let engine = ScanEngine(rules: try Self.rules())
        let result = try engine.scan(articles, extraStatistics: try store.lineStatistics(), archive: try store.loadIndex(maxDistance: 6))
        try store.commit(run: RunRecord(id: id, startedAt: "2025-05-01T00:00:00Z", finishedAt: "2025-05-01T00:01:00Z", inputs: ["x"],
                                        rulesVersion: "none", winnowVersion: "test"),
                         articles: articles, analyses: result.analyses, decisions: result.decisions, statistics: result.statistics)
        return result.decisions
    }

    /// Two halves through the archive give (nearly) the clustering of one run over everything.
    @Test func splitRunsMatchASingleRun() throws {
        try TextNormalizer.prepare()
        let (all, truth) = Corpus.articles()
        let single = try ScanEngine(rules: try Self.rules()).scan(all).decisions
        let store = try ArchiveStore(path: tempIndex())
        let a = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let b = all.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let first = try run(a, store: store, id: "r1")
        let second = try run(b, store: store, id: "r2")
        let fSingle = Corpus.pairF1(single, truth: truth), fSplit = Corpus.pairF1(first + second, truth: truth)
        #expect(fSingle > 0.95)
        #expect(abs(fSingle - fSplit) <= 0.01, "single \(fSingle), split \(fSplit)")
        #expect(second.contains { $0.canonicalRun == "r1" && $0.reasons[0].contains("from run r1") })
    }

    /// An excerpt kept yesterday is revised when its article arrives today.
    @Test func excerptIsRevisedWhenItsArticleArrives() throws {
        try TextNormalizer.prepare()
        let store = try ArchiveStore(path: tempIndex())
        let body = Corpus.story(4242), title = "专题报道标题"
        let excerpt = Article(id: "ex", text: Corpus.page([String(body[0].prefix(45)) + "……"], site: 1, title: title), title: title,
                              url: "https://site1.example/ex")
        let others = (0..<5).map { Article(id: "n\($0)", text: Corpus.page(Corpus.story(UInt64(50 + $0)), site: $0, title: "别的\($0)"), url: "https://site\($0 % 3).example/n\($0)") }
        let first = try run([excerpt] + others, store: store, id: "r1")
        #expect(first[0].kind == .keep)
        let engine = ScanEngine(rules: try Self.rules())
        let article = Article(id: "full", text: Corpus.page(body, site: 0, title: title), title: title, url: "https://site0.example/full")
        let result = try engine.scan([article], extraStatistics: try store.lineStatistics(), archive: try store.loadIndex(maxDistance: 6))
        #expect(result.revisions.map(\.id) == ["ex"])
        #expect(result.revisions.first?.canonical == "full")
        #expect(result.revisions.first?.revisedFromRun == "r1")
        try store.commit(run: RunRecord(id: "r2", startedAt: "", finishedAt: "", inputs: [], rulesVersion: "", winnowVersion: ""),
                         articles: [article], analyses: result.analyses, decisions: result.decisions, revisions: result.revisions,
                         statistics: result.statistics)
        var decision: String?
        try store.exportArticles { row in if (row["id"] ?? nil) == "ex" { decision = row["decision"] ?? nil } }
        #expect(decision == "merge")
        // Its first run's findings survive the revision, for the revised line in decisions.jsonl.
        let kept = try store.findings(of: ["ex", "missing"])
        #expect(kept["ex"]?.isEmpty == false)
        #expect(kept["missing"] == nil)
    }

    /// An archive written by the first schema opens, migrates and keeps working.
    @Test func firstSchemaArchiveMigrates() throws {
        let path = tempIndex()
        do {
            let pool = try DatabasePool(path: path)
            try ArchiveSchema.migrator.migrate(pool, upTo: "v1")
            try pool.write { db in
                try db.execute(sql: "INSERT INTO sites (site, documents) VALUES ('old.example', 7)")
            }
        }
        let store = try ArchiveStore(path: path)
        let stats = try store.lineStatistics()
        #expect(stats.site("old.example").documents == 7)
        #expect(stats.documentsPerLanguage.isEmpty)
        let (all, _) = Corpus.articles()
        _ = try run(all, store: store, id: "r1")
        #expect(try store.lineStatistics().documentsPerLanguage.values.reduce(0, +) == all.count)
        #expect(try store.findings(of: all.map(\.id)).isEmpty == false)
    }

    @Test func findingCodingRoundTripsAndSkipsUnknownRecords() throws {
        let findings = [
            Finding(rule: "zh.nav", category: .boilerplate, severity: .warning, action: .strip, lineStart: 1, lineEnd: 3, message: "nav\u{1F}bar\u{1E}x"),
            Finding(rule: "detector.truncated", category: .truncated, lineStart: 9, lineEnd: 9, message: ""),
        ]
        let data = try #require(FindingCoding.encode(findings))
        let decoded = FindingCoding.decode(data)
        #expect(decoded.count == 2)
        #expect(decoded[0].message == "nav bar x" && decoded[0].severity == .warning && decoded[0].lineEnd == 3)
        #expect(decoded[1] == findings[1])
        var future = data
        future.append(contentsOf: Array("\u{1E}r\u{1F}newcategory\u{1F}info\u{1F}flag\u{1F}1\u{1F}1\u{1F}m".utf8))
        #expect(FindingCoding.decode(future).count == 2)
        #expect(FindingCoding.encode([]) == nil && FindingCoding.decode(nil).isEmpty)
    }

    @Test func findingCodingWritesRepeatedTextsOnce() throws {
        let message = "title in a related-articles list"
        let findings = (1...20).map { Finding(rule: "related-list", category: .truncated, lineStart: $0, lineEnd: $0, message: message) }
            + [Finding(rule: "x\u{2}1", category: .custom, lineStart: 30, lineEnd: 31, message: "\u{2}0")]
        let data = try #require(FindingCoding.encode(findings))
        // Written out in full, each record would repeat the 32-byte message and ~30 bytes of names.
        #expect(data.count < 20 * (message.utf8.count + 30) / 2)
        let decoded = FindingCoding.decode(data)
        #expect(decoded.dropLast() == findings.dropLast())
        #expect(decoded.last?.rule == "x 1" && decoded.last?.message == " 0")
    }

    @Test func recordsRunsArticlesAndStatistics() throws {
        let path = tempIndex()
        let (all, _) = Corpus.articles()
        do {
            let store = try ArchiveStore(path: path)
            _ = try run(all, store: store, id: "r1")
        }
        let reopened = try ArchiveStore(path: path)
        let s = try reopened.stats()
        #expect(s.runs == 1 && s.articles == all.count)
        #expect(s.canonicals > 0 && s.canonicals < all.count)
        #expect(s.bytesPerArticle > 0)
        let stats = try reopened.lineStatistics()
        #expect(stats.documents == all.count)
        #expect(stats.site("site0.example").documents > 0)
        #expect(stats.documentsPerLanguage.values.reduce(0, +) == all.count)
        let index = try reopened.loadIndex(maxDistance: 6)
        #expect(index.count == s.canonicals)
        var exported = 0
        try reopened.exportArticles { row in
            exported += 1
            #expect((row["simhash"] ?? nil)?.count == 16)
        }
        #expect(exported == all.count)
    }

    @Test func aFailedCommitChangesNothing() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        _ = try run(Array(all.prefix(10)), store: store, id: "r1")
        let before = try store.stats()
        #expect(throws: StoreError.self) { _ = try run(Array(all.suffix(10)), store: store, id: "r1") }  // same run id
        let after = try store.stats()
        #expect(after.articles == before.articles && after.runs == before.runs && after.anchors == before.anchors)
    }

    @Test func pruneKeepsReferencedCanonicals() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        _ = try run(all, store: store, id: "r1")
        let removed = try store.prune(before: "2025-05-12")
        #expect(removed > 0)
        var left = Set<String>(), canonicals = Set<String>()
        try store.exportArticles { row in
            if let id = row["id"] ?? nil { left.insert(id) }
            if let c = row["canonical"] ?? nil { canonicals.insert(c) }
        }
        #expect(!left.isEmpty)
        #expect(canonicals.isSubset(of: left), "every surviving article's canonical survives")
        try store.vacuum()
    }

    @Test func runLockIsExclusive() throws {
        let path = tempIndex()
        let lock = try RunLock(index: path, wait: false)
        #expect(throws: StoreError.self) { try RunLock(index: path, wait: false) }
        lock.release()
        try RunLock(index: path, wait: false).release()
    }

    @Test func anArchiveOfANewerWinnowIsNeitherReadNorChanged() throws {
        let path = tempIndex()
        _ = try ArchiveStore(path: path)
        try Self.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')", on: path)
        #expect(throws: StoreError.newerSchema(path: path, steps: ["v99-future"])) { try ArchiveStore(path: path) }
        #expect(throws: StoreError.newerSchema(path: path, steps: ["v99-future"])) { try ArchiveReader(path: path) }
        #expect(throws: StoreError.self) { try ArchiveStore(path: NSTemporaryDirectory()) }
    }

    @Test func blobsRoundTrip() {
        let values: [UInt64] = [0, 1, .max, 0x0123_4567_89AB_CDEF]
        #expect(BlobCoding.decode(BlobCoding.encode(values)) == values)
        #expect(BlobCoding.decode(nil).isEmpty)
        #expect(BlobCoding.encode([1]) == Data([1, 0, 0, 0, 0, 0, 0, 0]))
    }
}
