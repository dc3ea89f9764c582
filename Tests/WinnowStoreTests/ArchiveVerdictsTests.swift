import Foundation
import TestScratch
import GRDB
import Testing
@testable import WinnowCore
@testable import WinnowStore

/// Verdicts and the review queue in the archive (schema v6-verdicts).
struct ArchiveVerdictsTests {
    func tempIndex() -> String {
        Scratch.path("verdicts", suffix: ".sqlite")
    }

    /// A run of the corpus recorded with its review queue.
    func record(_ articles: [Article], store: ArchiveStore, id: String) throws -> ScanEngine.Result {
        let engine = ScanEngine(rules: try ArchiveStoreTests.rules())
        let result = try engine.scan(articles, extraStatistics: try store.lineStatistics(), archive: try store.loadIndex(maxDistance: 6),
                                     verdicts: store)
        try store.commit(run: RunRecord(id: id, startedAt: "2025-05-0\(id.suffix(1))T00:00:00Z", finishedAt: "", inputs: [],
                                        rulesVersion: "", winnowVersion: "test"),
                         articles: articles, analyses: result.analyses, decisions: result.decisions, revisions: result.revisions,
                         statistics: result.statistics)
        try store.recordReviewQueue(run: id, analyses: result.analyses, decisions: result.decisions, revisions: result.revisions)
        return result
    }

    @Test func anOlderArchiveMigratesToVerdicts() throws {
        let path = tempIndex()
        do {
            let pool = try DatabasePool(path: path)
            try ArchiveSchema.migrator.migrate(pool, upTo: ArchiveSchema.simHashBandsMigration)
        }
        let store = try ArchiveStore(path: path)
        #expect(try store.verdicts(ids: ["x"], keys: [TextKey(exact: 1, tokens: 1)]).isEmpty)
        #expect(try store.verdictStats().total == 0)
        #expect(try store.reviewQueue(run: nil, below: 1).isEmpty)
    }

    @Test func verdictsAreFoundByIdAndByTextAndRecordedOnce() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        let result = try record(all, store: store, id: "r1")
        let i = try #require(result.decisions.firstIndex { $0.kind == .merge && $0.canonicalRun == nil })
        let merged = result.decisions[i]
        let docs = try store.judgedDocuments([merged.id, merged.canonical, "absent"])
        #expect(docs["absent"] == nil)
        #expect(docs[merged.id]?.decision == "merge" && docs[merged.id]?.canonical == merged.canonical)
        #expect(docs[merged.id]?.key == result.analyses[i].fingerprint.textKey)
        let entry = VerdictEntry(kind: .notDuplicate, id: merged.id, other: merged.canonical, editor: "ed", note: "n", source: "v.jsonl:1")
        #expect(try store.record([entry], on: docs, at: "t1") == 1)
        #expect(try store.record([entry], on: docs, at: "t2") == 0)
        let byId = try store.verdicts(ids: [merged.canonical], keys: [])
        #expect(byId.all.count == 1 && byId.all[0].other?.id == merged.canonical && byId.all[0].recordedAt == "t1")
        let key = try #require(result.analyses[i].fingerprint.textKey)
        let byText = try store.verdicts(ids: ["a-new-id"], keys: [key])
        #expect(byText.apartFrom(id: "a-new-id", keys: [key]).map(\.other.id) == [merged.canonical])
        #expect(try store.verdicts(ids: ["nobody"], keys: []).isEmpty)
        // The read-only reader of `winnow check` sees them too.
        #expect(try ArchiveReader(path: store.path).verdicts(ids: [merged.id], keys: []).all.count == 1)
    }

    @Test func removeWithdrawsTheCanonical() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        let result = try record(all, store: store, id: "r1")
        let i = try #require(result.decisions.indices.first { result.decisions[$0].kind == .keep && result.decisions[$0].clusterSize > 1 })
        let id = result.decisions[i].id
        let before = try store.loadIndex(maxDistance: 6).count
        try store.record([VerdictEntry(kind: .remove, id: id, editor: "ed")], on: try store.judgedDocuments([id]), at: "t")
        #expect(try store.loadIndex(maxDistance: 6).count == before - 1)
        #expect(try store.article(id: id)?.decision == "remove")
        // The copies of that story arriving again are no longer merged into it.
        let copies = result.decisions.filter { $0.canonical == id && $0.id != id }.map(\.id)
        let again = all.filter { copies.contains($0.id) }.map { Article(id: $0.id + "-again", text: $0.text, title: $0.title, url: $0.url) }
        let next = try ScanEngine(rules: try ArchiveStoreTests.rules())
            .scan(again, extraStatistics: try store.lineStatistics(), archive: try store.loadIndex(maxDistance: 6), verdicts: store)
        #expect(!next.decisions.contains { $0.canonical == id })
    }

    @Test func theQueueListsWhatAwaitsReviewUntilAVerdict() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        let result = try record(all, store: store, id: "r1")
        let merges = result.decisions.filter { $0.kind == .merge && ($0.match?.kind ?? .exact) != .exact }
        let everything = try store.reviewQueue(run: nil, below: 1.01)
        #expect(Set(everything.map(\.id)) == Set(merges.map(\.id)))
        let low = try store.reviewQueue(run: "r1", below: 0.9)
        #expect(low.allSatisfy { ($0.confidence ?? 1) < 0.9 })
        #expect(low.count == merges.filter { ($0.match?.confidence ?? 1) < 0.9 }.count)
        #expect(try store.reviewQueue(run: "r2", below: 1.01).isEmpty)
        #expect(try store.hasRun("r1") && !store.hasRun("r2"))
        let first = try #require(everything.first)
        #expect(first.reasons == result.decisions.first { $0.id == first.id }?.reasons)
        try store.record([VerdictEntry(kind: .accept, id: first.id, editor: "ed")], on: try store.judgedDocuments([first.id]), at: "t")
        #expect(try !store.reviewQueue(run: nil, below: 1.01).contains { $0.id == first.id })
    }

    @Test func statsCountPerRuleDecisionAndMatch() throws {
        let store = try ArchiveStore(path: tempIndex())
        let (all, _) = Corpus.articles()
        let result = try record(all, store: store, id: "r1")
        let merged = try #require(result.decisions.first { $0.kind == .merge && $0.match?.kind == .nearDuplicate })
        let kept = try #require(result.decisions.first { $0.kind == .keep })
        let docs = try store.judgedDocuments([merged.id, merged.canonical, kept.id])
        try store.record([
            VerdictEntry(kind: .notDuplicate, id: merged.id, other: merged.canonical, editor: "a"),
            VerdictEntry(kind: .falsePositive, id: kept.id, rule: "notices", editor: "b"),
            VerdictEntry(kind: .accept, id: kept.id, editor: "b"),
        ], on: docs, at: "t")
        let s = try store.verdictStats()
        #expect(s.total == 3 && s.editors == 2)
        #expect(s.byKind == [.notDuplicate: 1, .falsePositive: 1, .accept: 1])
        #expect(s.byRule == ["notices": [.falsePositive: 1]])
        #expect(s.byDecision == ["merge": [.notDuplicate: 1], "keep": [.falsePositive: 1, .accept: 1]])
        #expect(s.byMatch == ["near-duplicate": [.notDuplicate: 1]])
    }
}
