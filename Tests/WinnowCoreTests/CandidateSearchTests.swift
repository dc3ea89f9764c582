import Testing
@testable import WinnowCore

/// Which verified links clustering gets (`CandidateSearch`).
struct CandidateSearchTests {
    func doc(_ id: String, figures: [Int], excerpt: Bool = false) -> MatchDocument {
        var fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(id), tokens: 60, sketch: Array(0..<60), lead: [])
        fp.figures = figures.map { StableHash.fnv1a("\($0)") }.sorted()
        return MatchDocument(id: id, publishedAt: nil, isExcerpt: excerpt, fingerprint: fp, weights: Array(repeating: 1, count: 60),
                             totalWeight: 60, size: 60)
    }

    /// The relation `relate` gives a page as alike as a near duplicate but for its figures.
    func apart(_ from: Int, _ to: Int) -> CandidateSearch.Link {
        var r = PairRelation(kind: nil, hamming: 8, jaccard: 0.6, containment: 0.9)
        r.figuresDiffer = true
        return CandidateSearch.Link(from: from, to: to, relation: r)
    }

    func leadLink(_ from: Int, _ to: Int) -> CandidateSearch.Link {
        CandidateSearch.Link(from: from, to: to, relation: PairRelation(kind: .excerpt, hamming: 8, jaccard: 0, containment: 1))
    }

    /// A notice's copy stating another figure in place of one of the notice's is no excerpt of it
    /// on its lead line; a page that only adds a figure (a small site's counter), and an excerpt
    /// page, keep their lead-line links.
    @Test func aLeadLinkOfAPageWithFiguresInPlaceOfTheArticlesIsDropped() {
        let docs = [doc("notice", figures: [1, 2, 3, 4, 5]), doc("copy", figures: [1, 2, 3, 4, 6]),
                    doc("counter", figures: [1, 2, 3, 4, 5, 657]), doc("teaser", figures: [1, 2, 9], excerpt: true)]
        let links = [apart(1, 0), leadLink(1, 0), apart(2, 0), leadLink(2, 0), apart(3, 0), leadLink(3, 0)]
        let kept = CandidateSearch.withoutLeadLinksApart(links, docs: docs, settings: MatchSettings())
        #expect(kept.filter { $0.relation.kind == .excerpt }.map(\.from) == [2, 3])
        #expect(kept.filter { $0.relation.kind == nil }.count == 3)
    }
}
