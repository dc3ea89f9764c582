import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO
import WinnowStore

/// `winnow review stats`: verdicts per rule, per decision and per match kind, so rule authors
/// see which rules editors overturn most.
struct ReviewStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count verdicts per rule, per decision and per match kind.",
        discussion: """
        Per rule: false-positive verdicts naming it (overturned), and accept or remove verdicts \
        on decisions it asked for (confirmed). Per decision and match kind: how often editors \
        accepted it and how often they changed it (not-duplicate, false-positive, or remove on a \
        document that was not removed). Rules are listed most overturned first.
        """
    )

    @OptionGroup var archive: ReviewArchive

    func run() throws {
        let store = try ArchiveSession.openStore(archive.index)
        let s: VerdictStats
        do { s = try store.verdictStats() } catch {
            Console.error("\(error)")
            throw WinnowExit.error
        }
        print(Self.render(s), terminator: "")
    }

    static let kinds = VerdictKind.allCases

    /// The report as text.
    static func render(_ s: VerdictStats) -> String {
        let counts = kinds.map { "\(s.byKind[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        var out = "\(s.total) verdict\(s.total == 1 ? "" : "s") by \(s.editors) editor\(s.editors == 1 ? "" : "s"): \(counts)\n"
        guard s.total > 0 else { return out }
        let rules = s.byRule.map { (name: $0.key, counts: $0.value, overturned: $0.value[.falsePositive] ?? 0) }
            .sorted { ($1.overturned, share($0.overturned, $0.counts), $1.name) < ($0.overturned, share($1.overturned, $1.counts), $0.name) }
        if !rules.isEmpty {
            out += "\nby rule (overturned: false-positive verdicts naming the rule)\n"
            out += table("rule", rules.map { ($0.name, $0.counts, $0.overturned) })
        }
        let decisions = ["review", "merge", "remove", "keep"].filter { s.byDecision[$0] != nil }
            + s.byDecision.keys.filter { !["review", "merge", "remove", "keep"].contains($0) }.sorted()
        if !decisions.isEmpty {
            out += "\nby decision judged (overturned: any verdict but accept, and but remove on a removal)\n"
            out += table("decision", decisions.map { d in
                let c = s.byDecision[d] ?? [:]
                return (d, c, overturned(c, removal: d == "remove"))
            })
        }
        let matches = s.byMatch.keys.sorted()
        if !matches.isEmpty {
            out += "\nby match kind of the merges and removals judged\n"
            out += table("match", matches.map { m in
                let c = s.byMatch[m] ?? [:]
                return (m, c, overturned(c, removal: false))
            })
        }
        return out
    }

    static func overturned(_ c: VerdictStats.Counts, removal: Bool) -> Int {
        c.values.reduce(0, +) - (c[.accept] ?? 0) - (removal ? c[.remove] ?? 0 : 0)
    }

    static func share(_ n: Int, _ c: VerdictStats.Counts) -> Double {
        let total = c.values.reduce(0, +)
        return total == 0 ? 0 : Double(n) / Double(total)
    }

    /// Aligned columns: name, verdicts, one per kind, overturned (count and share).
    static func table(_ title: String, _ rows: [(name: String, counts: VerdictStats.Counts, overturned: Int)]) -> String {
        let width = max(title.count, rows.map(\.name.count).max() ?? 0) + 2
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return left ? s + fill : fill + s
        }
        let headers = ["verdicts"] + kinds.map(\.rawValue) + ["overturned"]
        var out = pad(title, width, left: true) + headers.map { pad($0, $0.count + 2) }.joined() + "\n"
        for r in rows {
            let total = r.counts.values.reduce(0, +)
            let cells = [String(total)] + kinds.map { String(r.counts[$0] ?? 0) }
                + [String(format: "%d (%.0f%%)", r.overturned, share(r.overturned, r.counts) * 100)]
            out += pad(Escape.terminalSafe(r.name), width, left: true) + zip(headers, cells).map { pad($1, $0.count + 2) }.joined() + "\n"
        }
        return out
    }
}

private extension Escape {
    /// A rule id or name for the terminal (rule files are trusted, archives maybe not).
    static func terminalSafe(_ s: String) -> String { terminal(s, limit: 80) }
}
