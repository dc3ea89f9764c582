import Foundation
import Testing

/// The commands of a distributed run (`export-records`, `verify`, `resolve`: what the Spark job in
/// `integrations/spark` pipes its partitions through), with the job's joins done here by hand on
/// the samples: the decisions are `scan`'s, byte for byte. (`integrations/spark/test.sh` runs the
/// real job against `scan` on generated sets.)
struct DistributedStageTests {
    /// One exported record, as the job reads it.
    struct Doc {
        var line: Int, exact: Int, tokens: Int, removed: Bool, excerpt: Bool, hasTitle: Bool, headlineOnly: Bool
        var sketch: [Int], cut: [Int], record: String
        var id = "", publishedAt: String?, story: Int?
    }

    @Test func verifyAndResolveGiveTheScansDecisions() throws {
        try distributedRunGivesTheScansDecisions(input: "samples/crawl.jsonl", leaveOutCopies: false)
    }

    /// A story copied verbatim many times: the copies beyond its earliest full copy and one
    /// sibling stay out of the component and take the sibling's decision, as the Spark job does.
    @Test func copiesLeftOutOfTheirComponentGetTheScansDecisions() throws {
        let dir = CLI.tempDir()
        var lines = try String(contentsOfFile: CLI.root + "/samples/crawl.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        let story = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for (k, date) in ["2024-05-03", "2024-05-01", "2024-05-04", "2024-05-02", "2024-05-05"].enumerated() {
            var copy = story
            copy["id"] = "viral-\(k)"
            copy["published_at"] = date
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/crawl.jsonl", atomically: true, encoding: .utf8)
        try distributedRunGivesTheScansDecisions(input: dir + "/crawl.jsonl", leaveOutCopies: true)
    }

    func distributedRunGivesTheScansDecisions(input: String, leaveOutCopies: Bool) throws {
        let dir = CLI.tempDir()
        #expect(try CLI.run(["stats", input, "--out", dir + "/s.wnls", "-q"], cwd: CLI.root).status == 0)
        #expect(try CLI.run(["analyze", input, "--stats", dir + "/s.wnls", "--out", dir + "/r.wnar", "-q"], cwd: CLI.root).status == 0)
        let exported = try CLI.run(["export-records", dir + "/r.wnar"])
        #expect(exported.status == 0)
        let docs = try exported.out.split(separator: "\n").map(Self.doc)
        #expect(docs.count > 2)

        // Exact copies and document frequencies, as the job's aggregations make them.
        var firstOf: [String: Int] = [:], copyOf: [Int: Int] = [:]
        for (i, d) in docs.enumerated() where d.tokens > 0 && !d.removed && !d.headlineOnly {
            if let rep = firstOf["\(d.exact)/\(d.tokens)"] { copyOf[i] = rep } else { firstOf["\(d.exact)/\(d.tokens)"] = i }
        }
        // Frequencies count stories (a page without a headline is a story of its own).
        var stories: [Int: Set<String>] = [:]
        for (i, d) in docs.enumerated() where copyOf[i] == nil {
            for s in d.sketch { stories[s, default: []].insert(d.story.map { "\($0)" } ?? "#\(i)") }
        }
        let df = stories.mapValues(\.count)
        func docLine(_ i: Int) throws -> String {
            var o: [String: Any] = ["doc": i, "record": docs[i].record, "origin_file": input, "origin_line": docs[i].line,
                                    "dfs": copyOf[i] == nil ? docs[i].sketch.map { df[$0] ?? 1 } : []]
            if let rep = copyOf[i] { o["copy_of"] = rep }
            return String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self)
        }

        // Every pair of representatives, and every cut-lead query against every full article.
        let reps = docs.indices.filter { copyOf[$0] == nil && docs[$0].tokens > 0 }
        var work = try docs.indices.filter { copyOf[$0] == nil }.map(docLine)
        for (k, a) in reps.enumerated() { for b in reps[(k + 1)...] { work.append("pair\t\(a)\t\(b)") } }
        for q in docs.indices where copyOf[q] == nil && !docs[q].cut.isEmpty && docs[q].hasTitle {
            for c in docs.indices where c != q && copyOf[c] == nil && !docs[c].excerpt && docs[c].hasTitle { work.append("cut\t\(q)\t\(c)") }
        }
        try (work.joined(separator: "\n") + "\n").write(toFile: dir + "/verify.txt", atomically: true, encoding: .utf8)
        let verified = try CLI.run(["verify", dir + "/verify.txt"])
        #expect(verified.status == 0, "\(verified.err)")
        let links = verified.out.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(links.allSatisfy { $0.count >= 7 && $0[0] == "link" })

        // Pair links, then each excerpt page's best cut-lead link unless it is linked already.
        let pairLinks = links.filter { $0.count == 7 }
        let linked = Set(pairLinks.filter { $0[3] != "figures" }.map { $0[1] })  // a figures link is no copy
        var best: [String: (share: Double, line: [String])] = [:]
        for l in links where l.count == 8 && !linked.contains(l[1]) {
            let share = Double(bitPattern: UInt64(l[6], radix: 16) ?? 0)
            if best[l[1]].map({ share > $0.share }) ?? true { best[l[1]] = (share, l) }
        }
        let removed = Set(docs.indices.filter { docs[$0].removed }.map(String.init))
        let kept = (pairLinks + best.values.map(\.line)).filter { !removed.contains($0[1]) && !removed.contains($0[2]) }
        // Left out (with `leaveOutCopies`): copies but the earliest full one and one sibling per excerpt flag.
        var siblingOf: [Int: Int] = [:]
        if leaveOutCopies {
            let groups = Dictionary(grouping: copyOf.keys.sorted(), by: { copyOf[$0] ?? 0 })
            for copies in groups.values {
                let earliest = copies.filter { !docs[$0].excerpt }
                    .min { (docs[$0].publishedAt ?? "\u{10FFFF}", docs[$0].id) < (docs[$1].publishedAt ?? "\u{10FFFF}", docs[$1].id) }
                for flag in [false, true] {
                    let others = copies.filter { $0 != earliest && docs[$0].excerpt == flag }
                    for c in others.dropFirst() { siblingOf[c] = others[0] }
                }
            }
            #expect(siblingOf.count >= 3, "the copies must be left out")
        }
        let hidden = Dictionary(grouping: siblingOf.keys, by: { copyOf[$0] ?? 0 }).mapValues(\.count)
        func resolveLine(_ i: Int) throws -> String {
            guard let n = hidden[i] else { return try docLine(i) }
            return try docLine(i).dropLast() + ",\"hidden\":\(n)}"
        }
        let resolveInput = try docs.indices.filter { siblingOf[$0] == nil }.map(resolveLine) + kept.map { $0.prefix(7).joined(separator: "\t") }
        try (resolveInput.joined(separator: "\n") + "\n").write(toFile: dir + "/resolve.txt", atomically: true, encoding: .utf8)
        let resolved = try CLI.run(["resolve", dir + "/resolve.txt"])
        #expect(resolved.status == 0, "\(resolved.err)")
        var byDoc: [Int: Substring] = [:]
        for l in resolved.out.split(separator: "\n") {
            let f = l.split(separator: "\t", maxSplits: 1)
            byDoc[Int(f[0]) ?? -1] = f[1]
        }
        if !siblingOf.isEmpty {
            // The left-out copies, each with its sibling's decision line.
            let likeLines = try siblingOf.keys.sorted().map { c in
                let o: [String: Any] = ["doc": c, "record": docs[c].record, "origin_file": input, "origin_line": docs[c].line,
                                        "like": String(byDoc[siblingOf[c] ?? -1] ?? "")]
                return String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self)
            }
            try (likeLines.joined(separator: "\n") + "\n").write(toFile: dir + "/like.txt", atomically: true, encoding: .utf8)
            let alike = try CLI.run(["resolve", dir + "/like.txt"])
            #expect(alike.status == 0, "\(alike.err)")
            for l in alike.out.split(separator: "\n") {
                let f = l.split(separator: "\t", maxSplits: 1)
                byDoc[Int(f[0]) ?? -1] = f[1]
            }
        }
        let decisions = docs.indices.map { byDoc[$0] ?? "" }

        #expect(try CLI.run(["scan", input, "--out", dir + "/scan", "-q"], cwd: CLI.root).status == 0)
        let scanned = try String(contentsOfFile: dir + "/scan/decisions.jsonl", encoding: .utf8)
        #expect(decisions.joined(separator: "\n") + "\n" == scanned)
        #expect(!kept.isEmpty, "the samples hold copies: some links must be verified")

        // A malformed line is refused with its number.
        try "pair\t1\n".write(toFile: dir + "/bad.txt", atomically: true, encoding: .utf8)
        let bad = try CLI.run(["verify", dir + "/bad.txt"])
        #expect(bad.status == 2 && bad.err.contains("line 1"))
        // So is a left-out copy whose sibling's decision cannot be read.
        let badLike: [String: Any] = ["doc": 0, "record": docs[0].record, "like": "{\"decision\":\"keep\"}"]
        try String(decoding: try JSONSerialization.data(withJSONObject: badLike), as: UTF8.self).write(toFile: dir + "/bad-like.txt", atomically: true, encoding: .utf8)
        let unreadable = try CLI.run(["resolve", dir + "/bad-like.txt"])
        #expect(unreadable.status == 2 && unreadable.err.contains("line 1") && unreadable.err.contains("sibling"), "\(unreadable.err)")
    }

    static func doc(_ line: Substring) throws -> Doc {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        func int(_ k: String) -> Int { (o[k] as? NSNumber)?.intValue ?? 0 }
        func ints(_ k: String) -> [Int] { (o[k] as? [NSNumber])?.map(\.intValue) ?? [] }
        return Doc(line: int("line"), exact: int("exact"), tokens: int("tokens"), removed: o["removed"] as? Bool ?? false,
                   excerpt: o["excerpt"] as? Bool ?? false, hasTitle: o["has_title"] as? Bool ?? false,
                   headlineOnly: o["headline_only"] as? Bool ?? false,
                   sketch: ints("sketch"), cut: ints("cut_lead"), record: o["record"] as? String ?? "",
                   id: o["id"] as? String ?? "", publishedAt: o["published_at"] as? String, story: (o["story"] as? NSNumber)?.intValue)
    }
}
