import Testing
@testable import WinnowCore

/// Headlines in letters name their subject by words: "NORLAND CORP CUTS CRUDE OIL POSTINGS"
/// over "Norland Corp said…". Two notices alike but for the company they name are two notices;
/// a repost under another headline says the same words as its original and stays a copy.
struct HeadlineWordsTests {
    func words(_ s: String) -> [UInt64] {
        var out: [UInt64] = []
        HeadlineWords.forEachWord(in: Support.normalized(s)[...]) { out.append($0) }
        return out
    }

    func headlineWords(_ headline: String, _ text: [String]) -> HeadlineWords {
        HeadlineWords(headline: Support.normalized(headline)[...], text: text.map { Support.normalized($0)[...] })
    }

    @Test func wordsAreRunsOfLettersOfThreeOrMore() {
        #expect(words("Norland Corp cuts oil by 50 cts").count == 5)        // norland corp cuts oil cts
        #expect(words("NORLAND") == words("norland"))                      // case-folded first
        #expect(words("Москва и Київ").count == 2)                         // two-byte letters count once each
        #expect(words("永兴物流 Webview组件").count == 1)                    // CJK ends a word
        #expect(words("a to 42").isEmpty)
        // Stored in records and archives and compared across runs: pinned.
        #expect(words("corp") == [StableHash.fnv1a(Array("corp".utf8), seed: HeadlineWords.wordSeed)])
    }

    @Test func theMaskMarksHeadlineWordsTheTextSaysAndTheFilterMissesNone() {
        let text = ["Norland Corp said it lowered the contract price it will pay for all grades of crude oil by 50 cts a barrel."]
        let h = headlineWords("NORLAND CORP CUTS CRUDE OIL POSTINGS", text)
        #expect(h.words.count == 6 && h.said.nonzeroBitCount == 4)          // norland corp crude oil
        for w in words(text[0]) { #expect(h.mayContain(w)) }
        #expect(HeadlineWords(packed: h.packed) == h)
        #expect(HeadlineWords(packed: [1, 3]) == HeadlineWords())            // malformed reads as none
        #expect(HeadlineWords().packed.isEmpty)
    }

    @Test func noticesNamingOtherCompaniesNameTheirOwnSubjects() {
        let rest = " said it lowered the contract price it will pay for all grades of crude oil by 50 cts a barrel, effective Feb 28."
        let norland = headlineWords("NORLAND CORP CUTS CRUDE OIL POSTINGS", ["Norland Corp" + rest])
        let marston = headlineWords("MARSTON CORP CUTS CRUDE OIL POSTINGS", ["Marston Corp" + rest])
        #expect(norland.namesOwnSubject(against: marston) && marston.namesOwnSubject(against: norland))
        // A repost under a headline of its own words: the text says the original's words too.
        let repost = headlineWords("Norland lowers crude postings", ["Norland Corp" + rest])
        #expect(!norland.namesOwnSubject(against: repost) || !repost.namesOwnSubject(against: norland))
        // Nothing known of the other (an archive written before): no subject of its own.
        #expect(!norland.namesOwnSubject(against: HeadlineWords()))
    }

    @Test func oilPostingsOfTwoCompaniesAreNotMerged() throws {
        _ = Support.ready
        // Norland's notice and its repost run in one paragraph, as a listing glues them: compared
        // with Marston's rows as prose, where every figure agrees. Only the names tell them apart.
        func notice(_ id: String, _ company: String, glued: Bool, note: String? = nil) -> Article {
            let title = "\(company.uppercased()) CUTS CRUDE OIL POSTINGS"
            let rows = ["\(company) said it lowered the contract price it will pay for all grades of crude oil by 50 cts a barrel, effective Feb 28.",
                        "The change brings its posted price for West Texas Sour to 15.51 dlrs a barrel.",
                        "West Texas Intermediate is now posted at 14.94 dlrs."]
            let lines = [title] + (glued ? [rows.joined(separator: " ")] : rows) + (note.map { [$0] } ?? [])
            return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.com/p")
        }
        let result = try ScanEngine(rules: .empty).scan([notice("norland", "Norland Corp", glued: true), notice("marston", "Marston Corp", glued: false),
                                                         notice("repost", "Norland Corp", glued: true, note: "Reporting by Jo Lee")])
        let byId = Dictionary(uniqueKeysWithValues: result.decisions.map { ($0.id, $0) })
        #expect(byId["marston"]?.canonical == "marston", "\(result.decisions.map(\.reasons))")
        #expect(byId["repost"]?.canonical == byId["norland"]?.canonical, "\(result.decisions.map(\.reasons))")
    }
}
