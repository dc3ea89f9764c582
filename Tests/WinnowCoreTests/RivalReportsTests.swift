import Testing
@testable import WinnowCore

/// Two reports that state other figures beside the same names are two reports, even where a
/// third text matches both: a copy run into paragraphs is judged as prose (one changed figure is
/// an edit there), and two excerpt pages cut from listings that differ in one score share every
/// figure, only not in the same places.
struct RivalReportsTests {
    func doc(_ id: String, size: Int, figures: [Int]) -> MatchDocument {
        var fp = Fingerprint(simhash: 0, exact: StableHash.fnv1a(id), tokens: size, sketch: Array(0..<UInt64(size)), lead: [])
        fp.figures = figures.map { StableHash.fnv1a("\($0)") }.sorted()
        return MatchDocument(id: id, publishedAt: nil, isExcerpt: false, fingerprint: fp, weights: Array(repeating: 1, count: size),
                             totalWeight: Float(size), size: size)
    }

    func link(_ from: Int, _ to: Int, _ kind: MatchKind?, figuresDiffer: Bool = false) -> CandidateSearch.Link {
        var relation = PairRelation(kind: kind, hamming: 4, jaccard: 0.85, containment: 0.99)
        relation.figuresDiffer = figuresDiffer
        return CandidateSearch.Link(from: from, to: to, relation: relation)
    }

    /// P: a copy of one notice run into paragraphs, the centre. R and S copy that notice, T is
    /// the same notice with its hotline changed; each matches P, but T and the notice are rivals.
    /// T, which states a figure P does not, stays out, whichever link the search met first.
    @Test func rivalReportsNeverShareACentre() {
        let docs = [doc("P", size: 32, figures: [1, 2, 3, 4]), doc("R", size: 31, figures: [1, 2, 3, 4]),
                    doc("S", size: 30, figures: [1, 2, 3, 4]), doc("T", size: 31, figures: [1, 2, 3, 5])]
        let rivalLinks = [link(3, 1, nil, figuresDiffer: true), link(1, 3, nil, figuresDiffer: true),
                          link(3, 2, nil, figuresDiffer: true), link(2, 3, nil, figuresDiffer: true)]
        for copies in [[link(1, 0, .nearDuplicate), link(2, 0, .nearDuplicate), link(3, 0, .nearDuplicate)],
                       [link(3, 0, .nearDuplicate), link(2, 0, .nearDuplicate), link(1, 0, .nearDuplicate)]] {
            let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: copies + rivalLinks)
            #expect(clusters.first { $0.center == 0 }?.members.map(\.doc).sorted() == [1, 2])
            #expect(clusters.contains { $0.center == 3 && $0.members.isEmpty })
        }
    }

    /// A copy that lost a line states fewer figures than its report, none in place of one: no rival.
    @Test func aCopyCutShortIsNoRival() {
        let docs = [doc("P", size: 40, figures: [1, 2, 3, 4, 5]), doc("R", size: 39, figures: [1, 2, 3, 4, 5]),
                    doc("C", size: 30, figures: [1, 2, 3])]
        let links = [link(1, 0, .nearDuplicate), link(2, 0, .nearDuplicate), link(1, 2, nil, figuresDiffer: true)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        #expect(clusters.first { $0.center == 0 }?.members.map(\.doc).sorted() == [1, 2])
    }

    /// Two copies of the centre that each lost another line state figures the other lacks, yet
    /// only the centre's: no rivals.
    @Test func copiesThatLostOtherLinesAreNoRivals() {
        let docs = [doc("P", size: 40, figures: [1, 2, 3, 4, 5]), doc("A", size: 38, figures: [1, 2, 3, 4]),
                    doc("B", size: 38, figures: [1, 2, 3, 5])]
        let links = [link(1, 0, .nearDuplicate), link(2, 0, .nearDuplicate), link(1, 2, nil, figuresDiffer: true),
                     link(2, 1, nil, figuresDiffer: true)]
        let clusters = Clusterer(settings: MatchSettings()).clusters(of: docs, links: links)
        #expect(clusters.first { $0.center == 0 }?.members.map(\.doc).sorted() == [1, 2])
    }

    static let title = "SOCCER - PREMIER DIVISION RESULTS"

    static func listing(oxley: Int) -> String {
        "Results of Premier Division matches played on Sunday:Stanmoor United 3 Porthaven Town 0Oxley Town \(oxley) Porthaven Rovers 3"
            + "Brackley Town 0 Ashford Town 4Ashford Rovers 3 Farley United 0Elmsworth United 3 Morcombe Town"
    }

    static func excerptPage(_ id: String, lead: String, site: String) -> Article {
        let text = [title, lead + "…", "Read more"]
        return Article(id: id, text: text.joined(separator: "\n"), title: title, url: "https://\(site)/\(id)")
    }

    @Test func excerptsOfListingsWithAnotherScoreAreNotCopies() throws {
        _ = Support.ready
        let one = Self.excerptPage("one", lead: Self.listing(oxley: 0), site: "wire.example.org")
        let other = Self.excerptPage("other", lead: Self.listing(oxley: 7), site: "echo.example.com")
        let shorter = Self.excerptPage("shorter", lead: String(Self.listing(oxley: 0).prefix(150)), site: "news.example.net")
        let result = try ScanEngine(rules: .empty).scan([one, other, shorter])
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        let keptOne = byId["one"]?.canonical ?? "", keptOther = byId["other"]?.canonical ?? ""
        #expect(keptOne != keptOther, "\(result.decisions.map(\.reasons))")
        // The shorter cut of the same listing is the start of the longer: a copy of it.
        #expect(byId["shorter"]?.canonical == keptOne, "\(result.decisions.map(\.reasons))")
    }
}
