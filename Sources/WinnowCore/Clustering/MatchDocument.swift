/// What candidate search and clustering know of a document: its fingerprint with stock shingles
/// (those found in very many documents of the batch, such as a wire service's dateline) left
/// out of the sketches, so that overlap measures the story and not the house style.
public struct MatchDocument: Sendable {
    /// Article id.
    public var id: String
    /// Publication time, as given.
    public var publishedAt: String?
    /// The page is only an excerpt.
    public var isExcerpt: Bool
    /// Full fingerprint (SimHash, exact hash, token count).
    public var fingerprint: Fingerprint
    /// Sketch without stock shingles.
    public var sketch: [UInt64]
    /// Lead sketch without stock shingles.
    public var lead: [UInt64]
    /// Size for ordering: distinct sampled shingles before filtering.
    public var size: Int

    /// Builds match documents from analyses, dropping shingles found in more than `maxShare` of
    /// documents (and at least `minDocuments`). A document that would lose most of its sketch that
    /// way keeps it whole: a story copied very widely must still match its copies.
    public static func build(from analyses: [ArticleAnalysis], index: ContainmentIndex,
                             minDocuments: Int = 64, maxShare: Double = 0.01) -> [MatchDocument] {
        let threshold = max(minDocuments, Int(Double(analyses.count) * maxShare))
        let common = index.features(inMoreThan: threshold)
        return analyses.map { a in
            let fp = a.fingerprint
            var sketch = fp.sketch, lead = fp.lead
            if !common.isEmpty {
                let kept = fp.sketch.filter { !common.contains($0) }
                if kept.count * 5 >= fp.sketch.count {
                    sketch = kept
                    lead = fp.lead.filter { !common.contains($0) }
                }
            }
            return MatchDocument(id: a.id, publishedAt: a.publishedAt, isExcerpt: a.isExcerpt, fingerprint: fp,
                                 sketch: sketch, lead: lead, size: fp.sketch.count)
        }
    }
}
