/// Verdicts resolved against one batch: which of its documents must stay apart (from each other
/// or from archived articles), which are removed, and which were analysed without a rule an
/// editor overturned. What `ScanEngine.decide`, `Clusterer` and `ArchiveMatcher` read.
public struct BatchVerdicts: Sendable {
    /// The verdicts resolved.
    public let verdicts: Verdicts
    /// Per document, the batch documents it must not be merged with, and the verdict saying so.
    public private(set) var apart: [Int: [Int: Verdict]] = [:]
    /// Per document, the `not-duplicate` verdicts naming it, with the side it stays apart from
    /// (matched against archived candidates).
    private var apartSides: [Int: [(other: VerdictSubject, verdict: Verdict)]] = [:]
    /// Documents removed by a verdict.
    public private(set) var removed: [Int: Verdict] = [:]
    /// Documents analysed without a rule that had fired on them (`false-positive`), with the verdict.
    public var suppressed: [Int: Verdict] = [:]

    /// Nothing to honour.
    public static let none = BatchVerdicts(.none, ids: [], keys: [])

    /// Resolves `verdicts` for documents with these ids and, per document, every exact-text key
    /// its text had (before and after rules were suppressed).
    public init(_ verdicts: Verdicts, ids: [String], keys: [[TextKey]]) {
        self.verdicts = verdicts
        guard !verdicts.isEmpty else { return }
        var byId: [String: [Int]] = [:], byKey: [TextKey: [Int]] = [:]
        for (i, id) in ids.enumerated() {
            byId[id, default: []].append(i)
            for k in keys[i] { byKey[k, default: []].append(i) }
        }
        func documents(_ s: VerdictSubject) -> Set<Int> {
            Set((byId[s.id] ?? []) + (s.key.flatMap { byKey[$0] } ?? []))
        }
        for i in ids.indices {
            let k = keys[i]
            if let r = verdicts.removal(id: ids[i], keys: k) { removed[i] = r }
            let sides = verdicts.apartFrom(id: ids[i], keys: k)
            guard !sides.isEmpty else { continue }
            apartSides[i] = sides
            for (other, v) in sides {
                for j in documents(other) where j != i {
                    apart[i, default: [:]][j] = v
                    apart[j, default: [:]][i] = v
                }
            }
        }
    }

    /// Whether no verdict bears on the batch.
    public var isEmpty: Bool { apart.isEmpty && apartSides.isEmpty && removed.isEmpty && suppressed.isEmpty }

    /// The verdict keeping two batch documents apart, if any.
    public func apart(_ a: Int, _ b: Int) -> Verdict? { apart[a]?[b] }

    /// The batch documents a document must stay apart from.
    public func partners(of i: Int) -> [Int: Verdict] { apart[i] ?? [:] }

    /// The `not-duplicate` verdicts naming a document, with the side it stays apart from.
    public func sides(of i: Int) -> [(other: VerdictSubject, verdict: Verdict)] { apartSides[i] ?? [] }

    /// The verdict keeping a batch document apart from an archived article, if any.
    public func apart(_ i: Int, archived: ArchivedArticle) -> Verdict? {
        guard let sides = apartSides[i] else { return nil }
        let keys = archived.fingerprint.textKey.map { [$0] } ?? []
        return sides.last { $0.other.names(id: archived.id, keys: keys) }?.verdict
    }
}
