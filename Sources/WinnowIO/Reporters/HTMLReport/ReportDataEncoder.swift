import WinnowCore

/// Writes the compact JSON that `report.html` reads: only what the page shows, column by column
/// (one array per field instead of one object per document, so keys are not repeated 50,000
/// times), with repeated strings (sites, rules, finding messages) interned. The texts go into
/// blocks of their own after the page's script, each text once (exact copies share it), cut into
/// chunks of about `chunkBytes`: the page draws its first screen before the browser has even read
/// them, and later parses only the chunk a document needs.
///
/// Both blocks are safe inside `<script type="application/json">`: `<`, `>` and `&` only ever
/// occur inside JSON strings, and become `\u003c`, `\u003e`, `\u0026`; U+2028/2029 are escaped by
/// `JSONBuffer`.
struct ReportDataEncoder {
    /// Decision kinds in the order the page indexes them.
    static let decisionKinds: [DecisionKind] = [.keep, .merge, .remove, .review]
    /// Match kinds in the order the page indexes them.
    static let matchKinds: [MatchKind] = [.exact, .nearDuplicate, .partial, .excerpt]
    /// Severities in the order the page indexes them.
    static let severities: [Severity] = [.info, .warning, .error]
    /// Rule actions in the order the page indexes them.
    static let actions: [RuleAction] = [.flag, .strip, .review, .remove]

    let report: ScanReport
    /// The report's articles, all fetched (the page embeds every text).
    let articles: [Article]
    let language: ReportLanguage
    /// When the report was written (ISO 8601, UTC).
    let generated: String
    /// For each document, the number of its text among the distinct texts.
    let textIndex: [Int]
    /// The document holding each distinct text, in order of first appearance.
    let distinctTexts: [Int]
    /// Roughly how many bytes of text go into one block.
    let chunkBytes: Int

    init(report: ScanReport, language: ReportLanguage, generated: String, chunkBytes: Int = 2 << 20) throws {
        self.report = report
        self.language = language
        self.generated = generated
        self.chunkBytes = chunkBytes
        // Byte-identical texts only (no Unicode-normalized hashing of 100 MB): a text is compared
        // with the few earlier distinct texts of the same UTF-8 length.
        var byLength: [Int: [Int]] = [:]
        var index: [Int] = [], distinct: [Int] = []
        index.reserveCapacity(report.articles.count)
        let articles = try report.articles.articles(in: 0..<report.articles.count)
        self.articles = articles
        for (i, a) in articles.enumerated() {
            let n = a.text.utf8.count
            let same = byLength[n, default: []]
            if let k = same.first(where: { articles[distinct[$0]].text.utf8.elementsEqual(a.text.utf8) }) { index.append(k); continue }
            if same.count < 8 { byLength[n, default: []].append(distinct.count) }
            index.append(distinct.count)
            distinct.append(i)
        }
        textIndex = index
        distinctTexts = distinct
    }

    /// Where each block of texts starts (a number among the distinct texts).
    var chunkStarts: [Int] {
        var starts: [Int] = [], bytes = chunkBytes
        for (k, i) in distinctTexts.enumerated() {
            if bytes >= chunkBytes { starts.append(k); bytes = 0 }
            bytes += articles[i].text.utf8.count
        }
        return starts.isEmpty ? [0] : starts
    }

    /// A short key naming the run (its inputs and document ids), for the page's saved verdicts.
    var runKey: String {
        var h = SHA256()
        h.update(Array(report.inputs.joined(separator: "\n").utf8))
        h.update([0])
        for a in articles { h.update(Array(a.id.utf8)); h.update([0x0A]) }
        return String(h.finalize().prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
    }

    /// The `data` block: run facts, interface strings, interned tables, per-document columns, clusters.
    func data() -> [UInt8] {
        let docs = articles.count
        var out = JSONBuffer(capacity: docs * 260 + 65_536)
        out.raw("{\"v\":1,\"lang\":\""); out.raw(language.rawValue); out.raw("\",\"t\":")
        writeStrings(into: &out)
        out.raw(",\"run\":")
        writeRun(into: &out)

        var siteIndex: [String: Int] = [:], sites: [String] = []
        var ruleIndex: [RuleKey: Int] = [:], rules: [(String, String)] = []
        var messageIndex: [String: Int] = [:], messages: [String] = []
        func intern(_ s: String, _ index: inout [String: Int], _ list: inout [String]) -> Int {
            if let i = index[s] { return i }
            index[s] = list.count
            list.append(s)
            return list.count - 1
        }
        var idIndex: [String: Int] = [:]
        idIndex.reserveCapacity(docs)
        for (i, a) in articles.enumerated() where idIndex[a.id] == nil { idIndex[a.id] = i }

        // Columns of small integers are built first, then written.
        var siteColumn: [Int] = [], findingColumn: [[Int]] = []
        siteColumn.reserveCapacity(docs); findingColumn.reserveCapacity(docs)
        for an in report.analyses {
            siteColumn.append(intern(an.site, &siteIndex, &sites))
            var flat: [Int] = []
            let findings = an.findings
            flat.reserveCapacity(findings.count * 7)
            for f in findings {
                let key = RuleKey(rule: f.rule, category: f.category)
                let r: Int
                if let known = ruleIndex[key] { r = known } else {
                    r = rules.count; ruleIndex[key] = r; rules.append((f.rule, f.category.rawValue))
                }
                flat.append(r)
                flat.append(Self.severities.firstIndex(of: f.severity) ?? 0)
                flat.append(Self.actions.firstIndex(of: f.action) ?? 0)
                flat.append(f.lineStart)
                flat.append(f.lineEnd)
                flat.append(intern(f.message, &messageIndex, &messages))
                flat.append(f.outsideRegion ? 1 : 0)
            }
            findingColumn.append(flat)
        }
        out.raw(",\"sites\":"); writeStrings(sites, into: &out)
        out.raw(",\"rules\":[")
        for (k, r) in rules.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("["); out.string(r.0); out.raw(",\""); out.raw(r.1); out.raw("\"]")
        }
        out.raw("],\"msgs\":"); writeStrings(messages, into: &out)

        out.raw(",\"docs\":{\"id\":"); writeStrings(articles.map(\.id), into: &out)
        out.raw(",\"title\":"); writeStrings(articles.map { $0.title ?? "" }, into: &out)
        out.raw(",\"url\":"); writeStrings(articles.map { $0.url ?? "" }, into: &out)
        out.raw(",\"pub\":"); writeStrings(articles.map { $0.publishedAt ?? "" }, into: &out)
        out.raw(",\"lang\":"); writeStrings(report.analyses.map(\.language), into: &out)
        out.raw(",\"tx\":"); writeInts(textIndex, into: &out)
        out.raw(",\"site\":"); writeInts(siteColumn, into: &out)
        out.raw(",\"dec\":"); writeInts(report.decisions.map { Self.decisionKinds.firstIndex(of: $0.kind) ?? 0 }, into: &out)
        out.raw(",\"cs\":"); writeInts(report.decisions.map(\.clusterSize), into: &out)
        out.raw(",\"ex\":"); writeInts(report.analyses.map { $0.isExcerpt ? 1 : 0 }, into: &out)
        var external: [(Int, String, String)] = []
        out.raw(",\"can\":[")
        for (i, d) in report.decisions.enumerated() {
            if i > 0 { out.raw(",") }
            if d.canonicalRun == nil, let c = idIndex[d.canonical] { out.int(c) } else {
                out.int(-1)
                external.append((i, d.canonical, d.canonicalRun ?? ""))
            }
        }
        out.raw("],\"canx\":[")
        for (k, e) in external.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("["); out.int(e.0); out.raw(","); out.string(e.1); out.raw(","); out.string(e.2); out.raw("]")
        }
        out.raw("],\"why\":[")
        for (i, d) in report.decisions.enumerated() {
            if i > 0 { out.raw(",") }
            writeStrings(d.reasons, into: &out)
        }
        out.raw("],\"m\":[")
        for (i, d) in report.decisions.enumerated() {
            if i > 0 { out.raw(",") }
            guard let m = d.match else { out.raw("0"); continue }
            out.raw("["); out.int(Self.matchKinds.firstIndex(of: m.kind) ?? 0); out.raw(","); out.int(m.hamming)
            out.raw(","); out.raw(DecisionsReporter.fmt(m.jaccard)); out.raw(","); out.raw(DecisionsReporter.fmt(m.containment)); out.raw("]")
        }
        out.raw("],\"f\":[")
        for (i, flat) in findingColumn.enumerated() {
            if i > 0 { out.raw(",") }
            writeInts(flat, into: &out)
        }
        out.raw("],\"s\":[")
        for (i, an) in report.analyses.enumerated() {
            if i > 0 { out.raw(",") }
            writeInts(Self.ranges(an.strippedLines), into: &out)
        }
        out.raw("]},\"clusters\":[")
        var clusterCount = 0
        for cl in report.clusters {
            let members = ([cl.center] + cl.members.map(\.doc)).filter { $0 != cl.canonical }
            guard !members.isEmpty else { continue }
            if clusterCount > 0 { out.raw(",") }
            clusterCount += 1
            out.raw("["); out.int(cl.canonical); out.raw(","); writeInts(members, into: &out); out.raw("]")
        }
        out.raw("],\"tstarts\":"); writeInts(chunkStarts, into: &out)
        out.raw("}")
        return Self.scriptSafe(out.bytes)
    }

    /// The text blocks: the distinct texts in order, each block a JSON array starting at the
    /// matching `chunkStarts` entry; the blocks are independent, and encoded on all cores.
    func textChunks() -> [[UInt8]] {
        let starts = chunkStarts + [distinctTexts.count]
        var chunks: [[UInt8]] = []
        chunks.reserveCapacity(starts.count - 1)
        Parallel.forEachChunk(count: starts.count - 1, chunk: 1) { range in
            range.map { c in
                var out = JSONBuffer(capacity: chunkBytes + chunkBytes / 8)
                out.raw("[")
                for k in starts[c]..<starts[c + 1] {
                    if k > starts[c] { out.raw(",") }
                    out.string(articles[distinctTexts[k]].text)
                }
                out.raw("]")
                return Self.scriptSafe(out.bytes)
            }
        } collect: { chunks += $0 }
        return chunks
    }

    private func writeRun(into out: inout JSONBuffer) {
        let c = report.counters
        out.raw("{\"key\":\""); out.raw(runKey); out.raw("\",\"generated\":"); out.string(generated)
        out.raw(",\"inputs\":"); writeStrings(report.inputs, into: &out)
        out.raw(",\"counters\":{\"articles\":"); out.int(c.articles)
        out.raw(",\"linesFlagged\":"); out.int(c.linesFlagged)
        out.raw(",\"excerpts\":"); out.int(c.excerpts)
        out.raw(",\"clusters\":"); out.int(c.clusters)
        out.raw(",\"archiveMatches\":"); out.int(c.archiveMatches)
        out.raw("},\"seconds\":"); writeSeconds(c.seconds, into: &out)
        out.raw(",\"cpu\":"); writeSeconds(c.cpuSeconds, into: &out)
        out.raw(",\"problemCount\":"); out.int(report.problems.count)
        out.raw(",\"problems\":[")
        for (k, p) in report.problems.prefix(200).enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("["); out.string(p.origin); out.raw(","); out.string(p.reason); out.raw("]")
        }
        out.raw("],\"notArticles\":[")
        for (k, e) in report.notArticles.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("["); out.string(e.key); out.raw(","); out.int(e.value); out.raw("]")
        }
        out.raw("],\"revisions\":"); out.int(report.revisions.count)
        out.raw("}")
    }

    private func writeStrings(into out: inout JSONBuffer) {
        out.raw("{")
        for (k, e) in ReportStrings.table(language).sorted(by: { $0.key < $1.key }).enumerated() {
            if k > 0 { out.raw(",") }
            out.string(e.key); out.raw(":"); out.string(e.value)
        }
        out.raw("}")
    }

    private func writeSeconds(_ seconds: [String: Double], into out: inout JSONBuffer) {
        out.raw("{")
        for (k, e) in seconds.sorted(by: { $0.key < $1.key }).enumerated() {
            if k > 0 { out.raw(",") }
            out.string(e.key); out.raw(":"); out.raw(e.value.isFinite ? DecisionsReporter.fmt(e.value) : "0")
        }
        out.raw("}")
    }

    private func writeStrings(_ list: [String], into out: inout JSONBuffer) {
        out.raw("[")
        for (k, s) in list.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(s)
        }
        out.raw("]")
    }

    private func writeInts(_ list: [Int], into out: inout JSONBuffer) {
        out.raw("[")
        for (k, v) in list.enumerated() {
            if k > 0 { out.raw(",") }
            out.int(v)
        }
        out.raw("]")
    }

    /// A rule as the page tells rules apart: its id and category.
    struct RuleKey: Hashable {
        var rule: String
        var category: FindingCategory
    }

    /// Sorted line numbers as flat `[first, last, first, last, …]` runs.
    static func ranges(_ lines: Set<Int>) -> [Int] {
        var out: [Int] = []
        for n in lines.sorted() {
            if let last = out.last, last == n - 1 { out[out.count - 1] = n } else { out += [n, n] }
        }
        return out
    }

    /// JSON made safe to sit inside a `<script>` element: `<`, `>`, `&` (which JSON has only
    /// inside strings) become `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--` can appear.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        var count = 0
        for b in json where b == 0x3C || b == 0x3E || b == 0x26 { count += 1 }
        if count == 0 { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + count * 5)
        var start = 0
        json.withUnsafeBufferPointer { u in
            for i in 0..<u.count {
                let b = u[i]
                guard b == 0x3C || b == 0x3E || b == 0x26 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                // \u003c, \u003e, \u0026
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, b == 0x26 ? 0x32 : 0x33, b == 0x3C ? 0x63 : b == 0x3E ? 0x65 : 0x36])
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        return out
    }
}
