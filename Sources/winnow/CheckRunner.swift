import Foundation
import WinnowCore
import WinnowIO
import WinnowStore

/// The analysis behind `winnow check`: the scan's own engine over the drafts (line statistics of
/// the drafts alone), candidate search among them and against the archive's canonicals, then one
/// `CheckFinding` per rule finding and per copy, rated by `CheckSeverity`.
struct CheckRunner {
    /// The scan's engine.
    let engine: ScanEngine

    /// What a check found, plus what `--record` hands to the archive.
    struct Outcome {
        var drafts: [CheckedDraft]
        var rules: [CheckRule]
        var analyses: [ArticleAnalysis]
        var decisions: [Decision]
        var revisions: [Decision]
        var statistics: LineStatistics
    }

    /// Checks the drafts.
    func run(_ articles: [Article], archive: ArchiveReader?) throws -> Outcome {
        let prepared = engine.prepare(articles)
        let statistics = engine.statistics(of: prepared)
        var analyses = engine.analyze(prepared, statistics: statistics)
        // Editors' verdicts in the archive hold for drafts too (overturned rules, removals, pairs kept apart).
        var verdicts = BatchVerdicts.none
        if let archive { (analyses, verdicts) = try engine.applyVerdicts(to: analyses, prepared: prepared, statistics: statistics, lookup: archive) }
        let (decisions, _, archived, revisions) = try engine.decide(analyses, archive: archive, verdicts: verdicts)
        let named = Array(Set(archived.values.map(\.article.id) + revisions.map(\.id)))
        let details = try archive?.details(of: named) ?? [:]
        let index = Dictionary(articles.indices.map { (articles[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var drafts: [CheckedDraft] = []
        for i in articles.indices {
            let a = articles[i], p = prepared[i], an = analyses[i]
            var findings = an.findings.map { ruleFinding($0, draft: a, prepared: p) }
            if let m = archived[i], let kind = m.relation.kind {
                findings.append(archiveFinding(m, kind: kind, details: details[m.article.id], draft: a, prepared: p, analysis: an))
            } else if case let d = decisions[i], d.kind == .merge || d.kind == .remove,
                      d.canonicalRun == nil, an.removeRules.isEmpty, d.canonical != a.id, let other = index[d.canonical] {
                findings.append(draftFinding(d, other: analyses[other], draft: a, prepared: p, analysis: an))
            }
            for r in revisions where r.canonical == a.id {
                findings.append(containsFinding(r, details: details[r.id], draft: a, analysis: an))
            }
            findings.sort { ($0.lineStart, $0.lineEnd, $0.rule) < ($1.lineStart, $1.lineEnd, $1.rule) }
            let record = a.origin.flatMap { $0.line > 0 ? $0.line : nil }
            drafts.append(CheckedDraft(id: a.id, file: a.origin?.file ?? a.id, recordLine: record, findings: findings))
        }
        let ids = Set(drafts.flatMap { $0.findings.map(\.rule) })
        let rules = ids.sorted().map { CheckSeverity.describe(rule: $0, in: engine.analyzer.rules) }
        return Outcome(drafts: drafts, rules: rules, analyses: analyses, decisions: decisions, revisions: revisions, statistics: statistics)
    }

    /// A finding of the analysis, rated for a draft, quoting its first line.
    private func ruleFinding(_ f: Finding, draft: Article, prepared: PreparedArticle) -> CheckFinding {
        let lines = prepared.lines
        let text = (f.lineStart...max(f.lineStart, f.lineEnd)).compactMap { lines.indices.contains($0 - 1) ? String(lines[$0 - 1].original) : nil }
        let quote = text.first.map { $0.trimmingCharacters(in: .whitespaces) }.map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 } ?? ""
        let pasted = f.category.isFurniture && !CheckSeverity.isBuiltIn(f) ? "pasted " : ""
        let message = "\(pasted)\(f.category.rawValue): \(f.message)" + (quote.isEmpty ? "" : ": \"\(quote)\"")
        return CheckFinding(rule: f.rule, severity: CheckSeverity.severity(of: f), category: f.category.rawValue, message: message,
                            lineStart: f.lineStart, lineEnd: f.lineEnd,
                            fingerprint: CheckFinding.stableFingerprint(rule: f.rule, draft: draft.id, subject: text.joined(separator: "\n")))
    }

    /// A copy of an archived canonical.
    private func archiveFinding(_ m: ArchiveMatch, kind: MatchKind, details: ArchivedDetails?, draft: Article,
                                prepared: PreparedArticle, analysis: ArticleAnalysis) -> CheckFinding {
        let (rule, severity) = CheckSeverity.archiveRule(kind)
        let lines = CheckLineMatcher.matches(prepared, skipping: analysis.strippedLines, in: m.article.fingerprint.sketch,
                                             width: engine.analyzer.settings.shingleWidth)
        let ref = ArchivedReference(id: m.article.id, run: details?.run ?? m.article.run, url: details?.url, title: details?.headline,
                                    publishedAt: details?.publishedAt ?? m.article.publishedAt)
        var named = "archived article \"\(ref.id)\""
        let about = [ref.title.map { "\u{201C}\($0)\u{201D}" }, ref.url, "run \(ref.run)"].compactMap { $0 }
        named += " (" + about.joined(separator: ", ") + ")"
        let evidence = Self.evidence(kind, hamming: m.relation.hamming, analysis.fingerprint, m.article.fingerprint)
        let message = "\(Self.noun(kind)) of \(named): \(Self.figures(evidence))" + Self.linesNote(lines)
        var f = finding(rule, severity, message, lines: lines, analysis: analysis, draft: draft, subject: "archive:" + ref.id)
        f.archived = ref
        f.similarity = evidence
        return f
    }

    /// A copy of another draft checked with it.
    private func draftFinding(_ d: Decision, other: ArticleAnalysis, draft: Article, prepared: PreparedArticle,
                              analysis: ArticleAnalysis) -> CheckFinding {
        let kind = d.match?.kind ?? .nearDuplicate
        let (rule, severity) = CheckSeverity.draftRule(kind)
        let lines = CheckLineMatcher.matches(prepared, skipping: analysis.strippedLines, in: other.fingerprint.sketch,
                                             width: engine.analyzer.settings.shingleWidth)
        let hamming = SimHash.distance(analysis.fingerprint.simhash, other.fingerprint.simhash)
        let evidence = Self.evidence(kind, hamming: hamming, analysis.fingerprint, other.fingerprint)
        let message = "\(Self.noun(kind)) of draft \"\(other.id)\": \(Self.figures(evidence))" + Self.linesNote(lines)
        var f = finding(rule, severity, message, lines: lines, analysis: analysis, draft: draft, subject: "draft:" + other.id)
        f.otherDraft = other.id
        f.similarity = evidence
        return f
    }

    /// An archived excerpt or partial copy this draft contains.
    private func containsFinding(_ r: Decision, details: ArchivedDetails?, draft: Article, analysis: ArticleAnalysis) -> CheckFinding {
        let run = details?.run ?? r.revisedFromRun ?? "?"
        let kind = r.match?.kind.rawValue ?? "copy"
        let message = "contains archived \(kind) \"\(r.id)\" (" + [details?.url, "run \(run)"].compactMap { $0 }.joined(separator: ", ")
            + "); recording this draft revises it"
        var f = finding("archive-contains", .info, message, lines: [], analysis: analysis, draft: draft, subject: "contains:" + r.id)
        f.archived = ArchivedReference(id: r.id, run: run, url: details?.url, title: details?.headline, publishedAt: details?.publishedAt)
        return f
    }

    private func finding(_ rule: String, _ severity: Severity, _ message: String, lines: [ClosedRange<Int>], analysis: ArticleAnalysis,
                         draft: Article, subject: String) -> CheckFinding {
        let span = lines.first.map { $0.lowerBound...(lines.last?.upperBound ?? $0.upperBound) } ?? analysis.body ?? 1...1
        var f = CheckFinding(rule: rule, severity: severity, category: "duplicate", message: message, lineStart: span.lowerBound,
                             lineEnd: span.upperBound, fingerprint: CheckFinding.stableFingerprint(rule: rule, draft: draft.id, subject: subject))
        f.matchedLines = lines
        return f
    }

    static func noun(_ kind: MatchKind) -> String {
        switch kind {
        case .exact: return "exact copy"
        case .nearDuplicate: return "near-duplicate"
        case .partial: return "partial copy"
        case .excerpt: return "excerpt"
        }
    }

    /// The figures a reader can check: the engine's verdict and SimHash distance, with the plain
    /// (unweighted) Jaccard similarity of the sampled shingles and the share of the draft's found
    /// in the other. The verdict itself weighs shingles by their frequency in the batch.
    static func evidence(_ kind: MatchKind, hamming: Int, _ draft: Fingerprint, _ other: Fingerprint) -> MatchEvidence {
        let overlap = SketchOverlap.compare(draft.sketch, other.sketch)
        return MatchEvidence(kind: kind, hamming: hamming, jaccard: overlap.jaccard, containment: overlap.aInB)
    }

    static func figures(_ e: MatchEvidence) -> String {
        "simhash distance \(e.hamming), jaccard \(Decider.fmt(e.jaccard)), containment \(Decider.fmt(e.containment))"
    }

    static func linesNote(_ lines: [ClosedRange<Int>]) -> String {
        lines.isEmpty ? "" : "; matching lines \(CheckFinding.describe(lines))"
    }
}
