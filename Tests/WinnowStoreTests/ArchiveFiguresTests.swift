import Foundation
import TestScratch
import Testing
@testable import WinnowCore
@testable import WinnowStore

/// Figures in context, in order and by line across runs (schemas v8-figure-contexts, v10-figure-order,
/// v11-figure-lines, v13-figure-line-names, v14-figure-sentences, v15-figure-line-clauses).
struct ArchiveFiguresTests {
    /// A score report whose goal minute and shots are `minute` and `shots`: the same figures as a
    /// set either way round.
    static func report(_ id: String, minute: Int, shots: Int, digits: (String) -> String = { $0 }) -> Article {
        let text = ["长沙星辰主场不敌南京飞龙", "北京时间10月23日，城市足球联赛第22轮一场比赛在长沙体育中心进行，长沙星辰主场以0比1不敌南京飞龙。", "进球：陈一鸣（第\(minute)分钟）",
                    "全场数据：射门\(digits("18"))比\(shots)，控球率43%比57%。", "本轮过后，长沙星辰积40分，暂列积分榜第1位。"].joined(separator: "\n")
        return Article(id: id, text: text, title: "长沙星辰主场不敌南京飞龙", url: "https://\(id).example.cn/1", publishedAt: "2025-10-23 22:00:00")
    }

    func scan(_ articles: [Article], store: ArchiveStore, run: String) throws -> [Decision] {
        let engine = ScanEngine(rules: try ArchiveStoreTests.rules())
        let result = try engine.scan(articles, extraStatistics: try store.lineStatistics(), archive: try store.loadIndex(maxDistance: 6))
        try store.commit(run: RunRecord(id: run, startedAt: "", finishedAt: "", inputs: [], rulesVersion: "", winnowVersion: "test"),
                         articles: articles, analyses: result.analyses, decisions: result.decisions, statistics: result.statistics)
        return result.decisions
    }

    @Test func swappedFiguresStayApartAcrossRuns() throws {
        let store = try ArchiveStore(path: Scratch.path("figures", suffix: ".sqlite"))
        _ = try scan([Self.report("a", minute: 7, shots: 10)], store: store, run: "r1")
        #expect(try store.article(id: "a")?.0.fingerprint.figureContexts.isEmpty == false)
        #expect(try store.article(id: "a")?.0.fingerprint.figureOrder.isEmpty == false)
        #expect(try store.article(id: "a")?.0.fingerprint.figureLines.isEmpty == false)
        #expect(try store.article(id: "a")?.0.fingerprint.figureSentences.isEmpty == false)
        let second = try scan([Self.report("b", minute: 10, shots: 7), Self.report("c", minute: 7, shots: 10, digits: { _ in "１８" })],
                              store: store, run: "r2")
        #expect(second[0].canonical == "b", "\(second[0].reasons)")
        #expect(second[1].canonical == "a" && second[1].canonicalRun == "r1", "\(second[1].reasons)")
    }

    /// Articles archived before figures in context have none: their reports compare as sets.
    @Test func archivesWithoutContextsCompareFiguresAsSets() throws {
        let path = Scratch.path("figures-old", suffix: ".sqlite")
        let store = try ArchiveStore(path: path)
        _ = try scan([Self.report("a", minute: 7, shots: 10)], store: store, run: "r1")
        try ArchiveStoreTests.execute("UPDATE articles SET figure_contexts = NULL, figure_order = NULL, figure_lines = NULL", on: path)
        #expect(try store.article(id: "a")?.0.fingerprint.figureContexts.isEmpty == true)
        let second = try scan([Self.report("b", minute: 10, shots: 7)], store: store, run: "r2")
        #expect(second[0].canonical == "a", "\(second[0].reasons)")
    }

    /// Figure lines archived before they keyed the names beside their figures, or before a
    /// clause's end and a row's whole name named them, are another hash: each migration drops
    /// them (read as none) rather than let them compare.
    @Test(arguments: ["v13-figure-line-names", "v15-figure-line-clauses"])
    func figureLinesKeyedBeforeAreDropped(migration: String) throws {
        let path = Scratch.path("figure-lines-old", suffix: ".sqlite")
        _ = try scan([Self.report("a", minute: 7, shots: 10)], store: try ArchiveStore(path: path), run: "r1")
        try ArchiveStoreTests.execute("DELETE FROM grdb_migrations WHERE identifier = '\(migration)'", on: path)
        let reopened = try ArchiveStore(path: path)
        #expect(try reopened.article(id: "a")?.0.fingerprint.figureLines.isEmpty == true)
        #expect(try reopened.article(id: "a")?.0.fingerprint.figureOrder.isEmpty == false)
    }
}
