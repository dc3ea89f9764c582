import WinnowCore

/// `summary.md`: counts by decision, reason and site, the biggest clusters, findings by rule and
/// skipped records — for an editor to read. All crawled text is escaped for Markdown.
public struct SummaryReporter: Reporter {
    /// The file name.
    public let fileName = "summary.md"
    /// Clusters listed.
    public var topClusters = 15

    /// Creates the reporter.
    public init() {}

    /// Renders the summary.
    public func render(_ report: ScanReport, emit: ([UInt8]) throws -> Void) throws {
        var s = "# Winnow scan summary\n\n"
        s += "Inputs: " + report.inputs.map { "`\(Escape.markdown($0))`" }.joined(separator: ", ") + "\n\n"
        s += "| documents | kept | merged | removed | review | clusters | lines stripped | skipped records |\n"
        s += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        let c = report.counters.decisions
        s += "| \(report.decisions.count) | \(c["keep"] ?? 0) | \(c["merge"] ?? 0) | \(c["remove"] ?? 0) | \(c["review"] ?? 0) | \(report.clusters.count) | \(report.counters.linesFlagged) | \(report.problems.count) |\n\n"

        var byReason: [String: Int] = [:]
        for d in report.decisions {
            let key: String
            switch d.kind {
            case .keep: key = d.clusterSize > 1 ? "canonical" : "unique"
            case .review: key = "asked by a rule"
            case .merge, .remove: key = d.match?.kind.rawValue ?? (d.reasons.first?.hasPrefix("removed by rule") == true ? "rule" : "other")
            }
            byReason["\(d.kind.rawValue): \(key)", default: 0] += 1
        }
        s += "## Decisions by reason\n\n| decision: reason | documents |\n|---|---:|\n"
        for (k, v) in byReason.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { s += "| \(Escape.markdown(k)) | \(v) |\n" }

        var bySite: [String: (docs: Int, dropped: Int, stripped: Int)] = [:]
        for i in report.decisions.indices {
            let site = report.analyses[i].site.isEmpty ? "(none)" : report.analyses[i].site
            var e = bySite[site] ?? (0, 0, 0)
            e.docs += 1
            if report.decisions[i].kind == .merge || report.decisions[i].kind == .remove { e.dropped += 1 }
            e.stripped += report.analyses[i].strippedLineCount
            bySite[site] = e
        }
        s += "\n## Sites\n\n| site | documents | merged or removed | lines stripped |\n|---|---:|---:|---:|\n"
        for (k, v) in bySite.sorted(by: { ($1.value.docs, $0.key) < ($0.value.docs, $1.key) }).prefix(40) {
            s += "| \(Escape.markdown(k)) | \(v.docs) | \(v.dropped) | \(v.stripped) |\n"
        }

        var byRule: [String: (category: String, lines: Int, docs: Int)] = [:]
        for a in report.analyses {
            var seen = Set<String>()
            for f in a.findings {
                var e = byRule[f.rule] ?? (f.category.rawValue, 0, 0)
                e.lines += f.lineEnd - f.lineStart + 1
                if seen.insert(f.rule).inserted { e.docs += 1 }
                byRule[f.rule] = e
            }
        }
        s += "\n## Findings by rule\n\n| rule | category | lines | documents |\n|---|---|---:|---:|\n"
        for (k, v) in byRule.sorted(by: { ($1.value.lines, $0.key) < ($0.value.lines, $1.key) }) {
            s += "| \(Escape.markdown(k)) | \(v.category) | \(v.lines) | \(v.docs) |\n"
        }

        // Matches in furniture repeat on every page of a site: one line per site and rule.
        var inFurniture: [String: Int] = [:]
        for a in report.analyses {
            var seen = Set<String>()
            for f in a.findings where f.outsideRegion && seen.insert(f.rule).inserted {
                inFurniture["\(a.site.isEmpty ? "(none)" : a.site)\t\(f.rule)", default: 0] += 1
            }
        }
        if !inFurniture.isEmpty {
            s += "\n## Rule matches outside their region (no action taken)\n\n"
            s += "Moderation rules act on the article's own text; these matched only in stripped furniture (or outside the region a rule names).\n\n"
            s += "| site | rule | documents |\n|---|---|---:|\n"
            for (k, v) in inFurniture.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(60) {
                let parts = k.split(separator: "\t", maxSplits: 1).map(String.init)
                s += "| \(Escape.markdown(parts.first ?? "")) | \(Escape.markdown(parts.last ?? "")) | \(v) |\n"
            }
        }

        s += "\n## Biggest clusters\n\n"
        let sorted = report.clusters.sorted { ($1.members.count, report.analyses[$0.canonical].id) < ($0.members.count, report.analyses[$1.canonical].id) }
        if sorted.isEmpty { s += "No duplicates found.\n" }
        for cl in sorted.prefix(topClusters) {
            let canon = try report.articles.article(at: cl.canonical)
            s += "- **\(Escape.markdown(canon.id))** (\(cl.members.count + 1) documents): \(Escape.markdown(canon.title ?? "", limit: 80))\n"
            let members = ([cl.center] + cl.members.map(\.doc)).filter { $0 != cl.canonical }
            for m in members.prefix(8) {
                s += "  - \(Escape.markdown(report.analyses[m].id)): \(Escape.markdown(report.decisions[m].reasons.first ?? ""))\n"
            }
            if members.count > 8 { s += "  - … and \(members.count - 8) more\n" }
        }
        if !report.notArticles.isEmpty {
            s += "\n## Records that are not articles (counted, not read)\n\n| reason | records |\n|---|---:|\n"
            for (k, v) in report.notArticles.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { s += "| \(Escape.markdown(k)) | \(v) |\n" }
        }
        if !report.problems.isEmpty {
            s += "\n## Skipped records\n\n"
            for p in report.problems.prefix(100) { s += "- `\(Escape.markdown(p.origin))`: \(Escape.markdown(p.reason))\n" }
            if report.problems.count > 100 { s += "- … and \(report.problems.count - 100) more\n" }
        }
        try emit(Array(s.utf8))
    }
}
