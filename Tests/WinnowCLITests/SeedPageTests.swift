import Foundation
import Testing

/// The real crawled snapshot page in ../shared/seeds (when present): every navigation,
/// metadata, disclaimer, snapshot-time and related-excerpt line flagged, no body line.
struct SeedPageTests {
    @Test func seedPageFurnitureIsFlaggedAndBodyIsNot() throws {
        let seeds = CLI.root + "/../shared/seeds"
        guard FileManager.default.fileExists(atPath: seeds) else { return }
        let out = CLI.tempDir()
        let r = try CLI.run(["scan", seeds, "--out", out], cwd: CLI.root)
        #expect(r.status == 0, "\(r.err)")
        let line = try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8).split(separator: "\n")[0]
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var flagged = Set<Int>()
        for f in obj["findings"] as? [[String: Any]] ?? [] where ["boilerplate", "disclaimer", "truncated"].contains(f["category"] as? String ?? "") {
            for l in (f["line_start"] as? Int ?? 0)...(f["line_end"] as? Int ?? 0) { flagged.insert(l) }
        }
        let text = try String(contentsOfFile: seeds + "/000_e2a2144f07f35234.txt", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let body: Set<Int> = [10, 12, 14, 16, 18, 20, 22]
        let furniture = Set([1, 2, 6, 8, 24, 26, 28, 30] + Array(32...text.count).filter { !text[$0 - 1].allSatisfy(\.isWhitespace) })
        #expect(flagged.isDisjoint(with: body), "body lines flagged: \(flagged.intersection(body).sorted())")
        #expect(furniture.isSubset(of: flagged), "furniture missed: \(furniture.subtracting(flagged).sorted())")
        #expect(!flagged.contains(4))  // the headline
    }
}
