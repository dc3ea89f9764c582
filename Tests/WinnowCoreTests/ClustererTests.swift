import Foundation
import Testing
@testable import WinnowCore

struct ClustererTests {
    func doc(_ id: String, size: Int, published: String? = nil, excerpt: Bool = false) -> MatchDocument {
        let fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(id), tokens: size, sketch: Array(0..<UInt64(size)), lead: [])
        return MatchDocument(id: id, publishedAt: published, isExcerpt: excerpt, fingerprint: fp,
                             weights: Array(repeating: 1, count: size), totalWeight: Float(size), size: size)
    }

    func link(_ from: Int, _ to: Int, _ kind: MatchKind, containment: Double = 0.9) -> CandidateSearch.Link {
        CandidateSearch.Link(from: from, to: to, relation: PairRelation(kind: kind, hamming: 3, jaccard: 0.8, containment: containment))
    }

    @Test func noChaining() {
        // A~B and B~C, but A and C are not alike: C must not join A's cluster through B.
        let docs = [doc("A", size: 300), doc("B", size: 290), doc("C", size: 280)]
        let links = [link(1, 0, .nearDuplicate), link(0, 1, .nearDuplicate), link(2, 1, .nearDuplicate), link(1, 2, .nearDuplicate)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        let withA = clusters.first { $0.center == 0 }
        #expect(withA?.members.map(\.doc) == [1])
        #expect(clusters.contains { $0.center == 2 && $0.members.isEmpty })
    }

    @Test func neverMovesIntoACentreWithOtherFigures() {
        // A templated report A, its copy C, and B: A's text with one figure changed, linked as a
        // partial copy of C. B must not join A's cluster through C: its figures say another report.
        var docs = [doc("A", size: 30), doc("B", size: 29), doc("C", size: 28)]
        for (i, figures) in [[1, 2, 3, 4, 5], [1, 2, 3, 4, 6], [1, 2, 3, 4, 5]].enumerated() {
            docs[i].fingerprint.figures = figures.map { StableHash.fnv1a("\($0)") }.sorted()
        }
        #expect(PairJudge.relate(docs[1], to: docs[0], settings: MatchSettings()).figuresDiffer)
        let contained = CandidateSearch.Link(from: 1, to: 2, relation: PairRelation(kind: .partial, hamming: 3, jaccard: 0.3, containment: 0.95))
        let links = [link(2, 0, .nearDuplicate), contained]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        #expect(clusters.first { $0.center == 0 }?.members.map(\.doc) == [2])
        #expect(clusters.contains { $0.center == 1 && $0.members.isEmpty })
    }

    @Test func aCopyOfTheCanonicalJoinsWhenOnlyTheCentreStatesOtherFigures() {
        // L: the story with a note added and one figure edited (the fullest: the centre); M: the
        // original (the canonical: published first); K: M's copy, which reads as another report
        // beside L. J duplicates M too but is no figure conflict with L: it stays apart.
        var docs = [doc("L", size: 31, published: "2025-01-02"), doc("M", size: 30, published: "2025-01-01"),
                    doc("K", size: 29, published: "2025-01-03"), doc("J", size: 10, published: "2025-01-04")]
        for (i, figures) in [[1, 2, 3, 4, 6], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]].enumerated() {
            docs[i].fingerprint.figures = figures.map { StableHash.fnv1a("\($0)") }.sorted()
        }
        #expect(PairJudge.relate(docs[2], to: docs[0], settings: MatchSettings()).figuresDiffer)
        #expect(!PairJudge.relate(docs[3], to: docs[0], settings: MatchSettings()).figuresDiffer)
        let links = [link(1, 0, .nearDuplicate), link(0, 1, .nearDuplicate), link(2, 1, .nearDuplicate), link(1, 2, .nearDuplicate),
                     link(3, 1, .nearDuplicate)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        let story = clusters.first { $0.center == 0 }
        #expect(story?.canonical == 1)
        #expect(story?.members.map(\.doc).sorted() == [1, 2])
        #expect(clusters.contains { $0.center == 3 && $0.members.isEmpty })
    }

    @Test func canonicalIsEarliestFullCopy() {
        let docs = [doc("late", size: 300, published: "2025-05-02"), doc("early", size: 299, published: "2025-05-01"),
                    doc("part", size: 150, published: "2024-01-01"), doc("ex", size: 20, published: "2023-01-01", excerpt: true)]
        let links = [link(1, 0, .nearDuplicate), link(0, 1, .nearDuplicate), link(2, 0, .partial), link(3, 0, .excerpt)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        #expect(clusters.count == 1)
        #expect(clusters[0].canonical == 1)
        #expect(Set(clusters[0].members.map(\.doc)) == [1, 2, 3])
    }

    @Test func excerptJoinsBestContainer() {
        let docs = [doc("X", size: 400), doc("Y", size: 380), doc("ex", size: 10, excerpt: true)]
        let links = [link(2, 0, .excerpt, containment: 0.75), link(2, 1, .excerpt, containment: 1.0)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        #expect(clusters.first { $0.center == 1 }?.members.map(\.doc) == [2])
    }

    @Test func excludedDocumentsStayOut() {
        let docs = [doc("A", size: 300), doc("B", size: 290)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: [link(1, 0, .nearDuplicate)], excluded: [1])
        #expect(clusters.count == 1)
        #expect(clusters[0].members.isEmpty)
    }
}

struct PairJudgeTests {
    func match(_ text: String, id: String, excerpt: Bool = false) -> MatchDocument {
        let fp = Support.fingerprint(text)
        return MatchDocument(id: id, publishedAt: nil, isExcerpt: excerpt, fingerprint: fp,
                             weights: Array(repeating: 1, count: fp.sketch.count), totalWeight: Float(fp.sketch.count), size: fp.sketch.count)
    }

    let full = Pages.body(seed: 77, paragraphs: 6).joined(separator: "\n")

    @Test func exactAndNearDuplicates() {
        let a = match(full, id: "a"), b = match(full, id: "b")
        #expect(PairJudge.relate(a, to: b, settings: MatchSettings()).kind == .exact)
        let edited = match(full.replacingFirst("。", with: "，另据报道。"), id: "c")
        #expect(PairJudge.relate(edited, to: a, settings: MatchSettings()).kind == .nearDuplicate)
    }

    @Test func partialCopyAndExcerpt() {
        let paragraphs = full.split(separator: "\n")
        let part = match(paragraphs.prefix(3).joined(separator: "\n"), id: "p")
        let whole = match(full, id: "w")
        #expect(PairJudge.relate(part, to: whole, settings: MatchSettings()).kind == .partial)
        let lead = match(String(full.prefix(60)) + "……", id: "e", excerpt: true)
        #expect(PairJudge.relate(lead, to: whole, settings: MatchSettings()).kind == .excerpt)
        // A tail of the article is not an excerpt of it: excerpts are leads.
        let tail = match(String(full.suffix(60)) + "……", id: "t", excerpt: true)
        #expect(PairJudge.relate(tail, to: whole, settings: MatchSettings()).kind == nil)
        // A full page is never a copy of an excerpt page.
        #expect(PairJudge.relate(whole, to: lead, settings: MatchSettings()).kind == nil)
    }

    @Test func excerptWithAnotherHeadlineIsAnotherArticle() {
        let whole = match(full, id: "w")
        var lead = match(String(full.prefix(60)) + "……", id: "e", excerpt: true)
        var titled = whole
        titled.fingerprint.title = Fingerprint.allShingles(of: Support.normalized("残疾人事业取得历史性成就")[...])
        lead.fingerprint.title = Fingerprint.allShingles(of: Support.normalized("促进残疾人全面发展和共同富裕")[...])
        #expect(PairJudge.relate(lead, to: titled, settings: MatchSettings()).kind == nil)
        lead.fingerprint.title = titled.fingerprint.title
        #expect(PairJudge.relate(lead, to: titled, settings: MatchSettings()).kind == .excerpt)
    }

    @Test func unrelatedTexts() {
        let other = match(Pages.body(seed: 78, paragraphs: 6).joined(separator: "\n"), id: "o")
        #expect(PairJudge.relate(other, to: match(full, id: "w"), settings: MatchSettings()).kind == nil)
    }
}

private extension String {
    func replacingFirst(_ a: String, with b: String) -> String {
        guard let r = range(of: a) else { return self }
        return replacingCharacters(in: r, with: b)
    }
}
