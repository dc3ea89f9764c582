import Foundation
import TestScratch
import Testing
@testable import WinnowCore
@testable import WinnowStore

/// Headline words across runs (schema v16-headline-words): an oil posting archived last night
/// keeps the words its headline names, so tonight's posting of another company with the same
/// figures is not merged into it; rows archived before read as knowing none.
struct ArchiveHeadlineWordsTests {
    func scan(_ articles: [Article], store: ArchiveStore, run: String) throws -> [Decision] {
        try ArchiveFiguresTests().scan(articles, store: store, run: run)
    }

    /// A posting of `company`, its sentences run into one paragraph (`glued`) or in rows.
    static func posting(_ id: String, company: String, glued: Bool) -> Article {
        let title = "\(company.uppercased()) CUTS CRUDE OIL POSTINGS"
        let rows = ["\(company) said it lowered the contract price it will pay for all grades of crude oil by 50 cts a barrel, effective Feb 28.",
                    "The change brings its posted price for West Texas Sour to 15.51 dlrs a barrel.",
                    "West Texas Intermediate is now posted at 14.94 dlrs."]
        let lines = [title] + (glued ? [rows.joined(separator: " ")] : rows)
        return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/p")
    }

    @Test func aPostingOfAnotherCompanyStaysApartAcrossRuns() throws {
        let store = try ArchiveStore(path: Scratch.path("headline-words", suffix: ".sqlite"))
        _ = try scan([Self.posting("norland", company: "Norland Corp", glued: true)], store: store, run: "r1")
        let archived = try store.article(id: "norland")?.0.fingerprint.headlineWords
        #expect(archived?.words.count == 6 && archived?.said != 0)
        let second = try scan([Self.posting("marston", company: "Marston Corp", glued: false),
                               Self.posting("copy", company: "Norland Corp", glued: false)], store: store, run: "r2")
        #expect(second[0].canonical == "marston", "\(second[0].reasons)")
        #expect(second[1].canonical == "norland" && second[1].canonicalRun == "r1", "\(second[1].reasons)")
    }

    @Test func rowsArchivedBeforeTheWordsReadAsNone() throws {
        let path = Scratch.path("headline-words-old", suffix: ".sqlite")
        let store = try ArchiveStore(path: path)
        _ = try scan([Self.posting("norland", company: "Norland Corp", glued: true)], store: store, run: "r1")
        try ArchiveStoreTests.execute("UPDATE articles SET headline_words = NULL", on: path)
        #expect(try store.article(id: "norland")?.0.fingerprint.headlineWords == HeadlineWords())
    }
}
