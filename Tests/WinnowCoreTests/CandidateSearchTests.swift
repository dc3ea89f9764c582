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

    /// An excerpt page holding a whole short report (cut only after its last row) has the
    /// report's exact text: the group's full page stands for it, whatever order the batch has.
    @Test func aFullPageRepresentsExactCopiesAnExcerptPageJoins() {
        func analysis(_ id: String, excerpt: Bool, text: String = "report") -> ArticleAnalysis {
            let fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(text), tokens: 30, sketch: Array(0..<30), lead: [])
            return ArticleAnalysis(id: id, site: "s", language: "en", publishedAt: nil, findings: [], strippedLines: [], body: nil,
                                   isExcerpt: excerpt, fingerprint: fp)
        }
        let batch = [analysis("teaser", excerpt: true), analysis("other", excerpt: false, text: "other"),
                     analysis("original", excerpt: false), analysis("repost", excerpt: false)]
        #expect(CandidateSearch.exactCopies(batch, excluded: []) == [0: 2, 3: 2])
        // Excerpt pages alone: the first stands for the rest, as before.
        #expect(CandidateSearch.exactCopies([batch[0], analysis("teaser2", excerpt: true)], excluded: []) == [1: 0])
        // A removed full page stands for nothing: the next full page does.
        #expect(CandidateSearch.exactCopies(batch, excluded: [2]) == [0: 3])
    }
}
