import Testing
@testable import WinnowCore

/// A page states its headline's figures whether it shows the headline on a line of its own, or
/// that line went with the site's template, or it shows none: the same report states the same
/// figures on every site.
struct HeadlineFiguresTests {
    static let title = "DELMAR FINANCIAL CORP <DELF> 1ST QTR NET"
    static let table = ["Shr 5.11 dlrs vs 4.58 dlrs", "Net 69.6 mln vs 33,472,705", "Revs 6,025,846 vs 3,505,674"]

    @Test func shownOrNotTheHeadlineStatesTheSameFigures() {
        let shown = Article(id: "a", text: ([Self.title] + Self.table).joined(separator: "\n"), title: Self.title, url: "https://a.example.com/1")
        let hidden = Article(id: "b", text: Self.table.joined(separator: "\n"), title: Self.title, url: "https://b.example.com/1")
        let (a, b) = (Support.analyze([shown])[0].fingerprint, Support.analyze([hidden])[0].fingerprint)
        #expect(a.figures == b.figures && a.figureContexts == b.figureContexts)
        #expect(a.figures.contains(Figures.of(chunks: [Support.normalized("1ST")[...]])[0]))
    }
}
