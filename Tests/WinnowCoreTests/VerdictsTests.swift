import Foundation
import Testing
@testable import WinnowCore

/// Editors' verdicts in the core: pairs kept apart through clustering, removals, rules suppressed
/// as an input to the analysis, all keyed by id and by exact text.
struct VerdictsTests {
    func doc(_ id: String, size: Int, excerpt: Bool = false) -> MatchDocument {
        let fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(id), tokens: size, sketch: Array(0..<UInt64(size)), lead: [])
        return MatchDocument(id: id, publishedAt: nil, isExcerpt: excerpt, fingerprint: fp,
                             weights: Array(repeating: 1, count: size), totalWeight: Float(size), size: size)
    }

    func link(_ from: Int, _ to: Int, _ kind: MatchKind, containment: Double = 0.9) -> CandidateSearch.Link {
        CandidateSearch.Link(from: from, to: to, relation: PairRelation(kind: kind, hamming: 3, jaccard: 0.8, containment: containment))
    }

    func both(_ a: Int, _ b: Int) -> [CandidateSearch.Link] { [link(a, b, .nearDuplicate), link(b, a, .nearDuplicate)] }

    func notDuplicate(_ a: String, _ b: String, number: Int64 = 1, aKey: TextKey? = nil, bKey: TextKey? = nil) -> Verdict {
        Verdict(number: number, kind: .notDuplicate, subject: VerdictSubject(id: a, key: aKey), other: VerdictSubject(id: b, key: bKey),
                editor: "ed", note: "two stories", recordedAt: "2025-06-01T00:00:00Z")
    }

    func batch(_ verdicts: [Verdict], _ docs: [MatchDocument]) -> BatchVerdicts {
        BatchVerdicts(Verdicts(verdicts), ids: docs.map(\.id), keys: docs.map { $0.fingerprint.textKey.map { [$0] } ?? [] })
    }

    /// Which cluster (by centre) each document ended in.
    func placement(_ clusters: [Cluster]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for c in clusters {
            out[c.center] = c.center
            for m in c.members { out[m.doc] = c.center }
        }
        return out
    }

    @Test func aPairJudgedApartIsNotLinked() {
        let docs = [doc("A", size: 300), doc("B", size: 290)]
        let verdicts = batch([notDuplicate("B", "A")], docs)
        #expect(Clusterer(settings: MatchSettings()).clusters(of: docs, links: both(0, 1)).contains { !$0.members.isEmpty })
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: both(0, 1), verdicts: verdicts)
        #expect(clusters.allSatisfy { $0.members.isEmpty })
    }

    @Test func noChainingThroughAThirdDocument() {
        // A and B are both near-duplicates of the fuller C; an editor said A and B are different stories.
        let docs = [doc("C", size: 400), doc("A", size: 300), doc("B", size: 290)]
        let links = both(1, 0) + both(2, 0)
        let free = placement(Clusterer(settings: MatchSettings()).clusters(of: docs, links: links))
        #expect(free[1] == 0 && free[2] == 0)
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links, verdicts: batch([notDuplicate("A", "B")], docs))
        let placed = placement(clusters)
        #expect(placed[1] == 0)
        #expect(placed[2] == 2)
    }

    @Test func aContainedClusterDoesNotMoveInBesideItsPartner() {
        // B is a near-duplicate of Y; P, a partial copy of Y, was judged no copy of B.
        let docs = [doc("Y", size: 400), doc("B", size: 390), doc("P", size: 150)]
        let links = both(1, 0) + [link(2, 0, .partial)]
        #expect(placement(Clusterer(settings: MatchSettings()).clusters(of: docs, links: links))[2] == 0)
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links, verdicts: batch([notDuplicate("P", "B")], docs))
        let placed = placement(clusters)
        #expect(placed[1] == 0)
        #expect(placed[2] == 2)
    }

    @Test func anExactCopyJudgedApartStandsAlone() {
        // R and its exact copy K; X is R's centre; K (by id) was judged no copy of X.
        let docs = [doc("X", size: 400), doc("R", size: 390), doc("K", size: 390)]
        #expect(placement(Clusterer(settings: MatchSettings()).clusters(of: docs, links: both(1, 0), copies: [2: 1]))[2] == 0)
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: both(1, 0), copies: [2: 1],
                                                                     verdicts: batch([notDuplicate("K", "X")], docs))
        let placed = placement(clusters)
        #expect(placed[1] == 0)
        #expect(placed[2] == 2)
    }

    @Test func verdictsFollowTheTextUnderANewId() {
        let key = TextKey(exact: 42, tokens: 100)
        let v = notDuplicate("old-b", "old-a", aKey: key, bKey: TextKey(exact: 7, tokens: 90))
        let verdicts = Verdicts([v])
        #expect(verdicts.apartFrom(id: "recrawl-b", keys: [key]).map(\.other.id) == ["old-a"])
        #expect(verdicts.apartFrom(id: "recrawl-b", keys: [TextKey(exact: 42, tokens: 101)]).isEmpty)
        #expect(verdicts.apartFrom(id: "other", keys: [TextKey(exact: 7, tokens: 90)]).map(\.other.id) == ["old-b"])
        let archived = ArchivedArticle(id: "old-a", run: "r1", publishedAt: nil, isExcerpt: false,
                                       fingerprint: Fingerprint(simhash: 0, exact: 1, tokens: 5, sketch: [], lead: []))
        let b = BatchVerdicts(verdicts, ids: ["recrawl-b", "z"], keys: [[key], []])
        #expect(b.apart(0, archived: archived)?.number == 1)
        #expect(b.apart(1, archived: archived) == nil)
    }

    @Test func removalAndSuppressionThroughTheEngine() throws {
        let rule = Rule(id: "contact", category: .moderation, severity: .warning, action: .review, matcher: .phrases(["请拨打热线电话"]))
        let engine = ScanEngine(rules: try RuleSet(rules: [rule]))
        _ = Support.ready
        let body = Pages.body(seed: 9, paragraphs: 4)
        let flagged = (body + ["如有疑问请拨打热线电话咨询，工作人员将及时答复。"]).joined(separator: "\n")
        let other = Pages.body(seed: 10, paragraphs: 4).joined(separator: "\n")
        let articles = [Article(id: "x", text: flagged), Article(id: "y", text: other)]
        let prepared = engine.prepare(articles)
        let stats = engine.statistics(of: prepared)
        let first = engine.analyze(prepared, statistics: stats)
        #expect(first[0].reviewRules == ["contact"])
        // The verdict was given on another id with the same text (a re-crawl).
        let key = try #require(first[0].fingerprint.textKey)
        let fp = Verdict(number: 1, kind: .falsePositive, subject: VerdictSubject(id: "x-old", key: key), rule: "contact",
                         editor: "ed", recordedAt: "t")
        let rm = Verdict(number: 2, kind: .remove, subject: VerdictSubject(id: "y", key: nil), editor: "ed", note: "spam", recordedAt: "t")
        let (analyses, verdicts) = try engine.applyVerdicts(to: first, prepared: prepared, statistics: stats, lookup: Lookup(all: [fp, rm]))
        #expect(!analyses[0].findings.contains { $0.rule == "contact" })
        #expect(analyses[0].reviewRules.isEmpty)
        let decisions = try engine.decide(analyses, verdicts: verdicts).decisions
        #expect(decisions[0].kind == .keep)
        #expect(decisions[0].verdict == AppliedVerdict(kind: .falsePositive, editor: "ed", note: nil, rule: "contact"))
        #expect(decisions[1].kind == .remove)
        #expect(decisions[1].reasons == ["removed by verdict of ed on y (t): spam"])
        #expect(decisions[1].verdict?.kind == .remove)
    }

    @Test func builtInDetectorsCanBeSuppressed() {
        _ = Support.ready
        let text = (["首页 > 新闻 > 本地", "2025-05-01 08:00"] + Pages.body(seed: 3, paragraphs: 3)).joined(separator: "\n")
        let p = PreparedArticle(Article(id: "d", text: text))
        let analyzer = ArticleAnalyzer(rules: .empty)
        #expect(analyzer.analyze(p, statistics: LineStatistics()).findings.contains { $0.rule == "date-line" })
        let without = analyzer.analyze(p, statistics: LineStatistics(), suppressedRules: ["date-line"])
        #expect(!without.findings.contains { $0.rule == "date-line" })
    }

    @Test func noVerdictsChangeNothing() throws {
        _ = Support.ready
        let articles = (0..<6).flatMap { k -> [Article] in
            let body = Pages.body(seed: UInt64(20 + k), paragraphs: 4)
            return [Article(id: "o\(k)", text: body.joined(separator: "\n")),
                    Article(id: "r\(k)", text: (body.dropLast() + [body[3] + "（完）"]).joined(separator: "\n"))]
        }
        let engine = ScanEngine(rules: .empty)
        let prepared = engine.prepare(articles)
        let stats = engine.statistics(of: prepared)
        let analyses = engine.analyze(prepared, statistics: stats)
        let (again, verdicts) = try engine.applyVerdicts(to: analyses, prepared: prepared, statistics: stats, lookup: Lookup(all: []))
        #expect(verdicts.isEmpty)
        let a = try engine.decide(analyses).decisions, b = try engine.decide(again, verdicts: verdicts).decisions
        #expect(a.map { $0.canonical } == b.map { $0.canonical })
        #expect(a.filter { $0.kind == .merge }.count == 6)
        #expect(b.allSatisfy { $0.verdict == nil })
    }

    /// Verdicts held in memory.
    struct Lookup: VerdictLookup {
        var all: [Verdict]
        func verdicts(ids: [String], keys: [TextKey]) throws -> Verdicts {
            Verdicts(all.filter { v in
                let sides = [v.subject] + (v.other.map { [$0] } ?? [])
                return sides.contains { s in ids.contains(s.id) || (s.key.map { keys.contains($0) } ?? false) }
            })
        }
    }
}
