import Testing
@testable import WinnowCore

/// How clusters become decisions (`Decider`): a cluster left alone between two reports is sent
/// to review naming both, unless one of them ended in that very cluster.
struct DeciderTests {
    func analyses(_ ids: [String]) -> [ArticleAnalysis] {
        Support.analyze(ids.map { Article(id: $0, text: "Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000 \($0)", title: nil, url: nil) })
    }

    func doc(_ id: String) -> MatchDocument {
        let fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(id), tokens: 20, sketch: Array(0..<20), lead: [])
        return MatchDocument(id: id, publishedAt: nil, isExcerpt: false, fingerprint: fp, weights: Array(repeating: 1, count: 20), totalWeight: 20, size: 20)
    }

    @Test func aCopyBetweenTwoReportsIsReviewedNamingBoth() {
        let ids = ["part", "a", "b"]
        let clusters = [Cluster(center: 0, canonical: 0, members: [], ambiguousBetween: [1, 2]),
                        Cluster(center: 1, canonical: 1, members: []), Cluster(center: 2, canonical: 2, members: [])]
        let out = Decider(settings: MatchSettings()).decide(analyses(ids), matches: ids.map(doc), clusters: clusters, ruleRemoved: [])
        #expect(out[0].kind == .review && out[0].reasons.joined().contains("copies only what a and b share"), "\(out[0].reasons)")
    }

    /// Copies of a copy that cannot tell which of two reports it copies cannot tell either: each
    /// goes to review naming both; an exact copy still goes with its canonical.
    @Test func copiesOfAnAmbiguousCopyAreReviewedToo() {
        let ids = ["part", "a", "b", "part-cut", "part-again"]
        let partial = PairRelation(kind: .partial, hamming: 8, jaccard: 0.9, containment: 1)
        let exact = PairRelation(kind: .exact, hamming: 0, jaccard: 1, containment: 1)
        let clusters = [Cluster(center: 0, canonical: 0, members: [(3, partial), (4, exact)], ambiguousBetween: [1, 2]),
                        Cluster(center: 1, canonical: 1, members: []), Cluster(center: 2, canonical: 2, members: [])]
        let out = Decider(settings: MatchSettings()).decide(analyses(ids), matches: ids.map(doc), clusters: clusters, ruleRemoved: [])
        #expect(out[3].kind == .review && out[3].canonical == "part-cut" && out[3].reasons.joined().contains("copies only what a and b share"))
        #expect(out[4].kind == .remove && out[4].canonical == "part")
    }

    /// One of the two reports is an exact copy of the cluster's canonical (it joined that cluster
    /// after the twins were found): the cluster holds that report, and names no other.
    @Test func aClusterHoldingOneOfTheTwoIsNotAmbiguous() {
        let ids = ["part", "a", "b"]
        let exact = PairRelation(kind: .exact, hamming: 0, jaccard: 1, containment: 1)
        let clusters = [Cluster(center: 0, canonical: 0, members: [(1, exact)], ambiguousBetween: [2, 1]),
                        Cluster(center: 2, canonical: 2, members: [])]
        let out = Decider(settings: MatchSettings()).decide(analyses(ids), matches: ids.map(doc), clusters: clusters, ruleRemoved: [])
        #expect(out[0].kind == .keep, "\(out[0].reasons)")
        #expect(out[1].canonical == "part")
    }
}
