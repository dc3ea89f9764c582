import Testing
@testable import WinnowCore

/// A report's figures in the order it states them (`Fingerprint.figureOrder`): a copy keeps the
/// order, cut short, with a line dropped or a note added; a report that states a figure twice
/// where its twin changed one of them has the same figures as a set, and in context.
struct FiguresInOrderTests {
    @Test func aCopysOrderStandsWithinTheOriginals() {
        #expect(Figures.inOrder([1, 2, 3], within: [1, 2, 3]))
        #expect(Figures.inOrder([1, 3], within: [1, 2, 3]))          // a line dropped
        #expect(Figures.inOrder([1, 2], within: [1, 2, 3, 4]))       // cut short
        #expect(Figures.inOrder([], within: [1]))
        #expect(!Figures.inOrder([2, 1], within: [1, 2]))            // swapped
        #expect(!Figures.inOrder([1, 1, 2], within: [1, 2]))         // stated twice, once in the other
    }

    static let title = "Seattle weather: sunny, high near 91"

    /// A forecast whose today's high is `today` (tomorrow's high is 91 either way).
    static func forecast(_ id: String, today: Int, note: String? = nil) -> Article {
        let lines = [title, "Today: Fog early, then sun. High \(today)F (33C). Winds NE at 26 mph.", "Tonight: Light rain. Low 83F.",
                     "Tuesday: Windy and dry. High 91F, low 78F."] + (note.map { [$0] } ?? [])
        return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/1")
    }

    @Test func aForecastWithOneOfTwoEqualHighsChangedIsAnother() throws {
        _ = Support.ready
        let result = try ScanEngine(rules: .empty).scan([
            Self.forecast("a", today: 93, note: "Additional reporting by staff."),
            Self.forecast("b", today: 91),
            Self.forecast("copy", today: 93),
        ])
        #expect(!result.analyses[0].fingerprint.figureOrder.isEmpty)
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
