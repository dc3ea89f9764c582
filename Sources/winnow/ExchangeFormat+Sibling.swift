import Foundation
import WinnowCore

extension ExchangeFormat {
    /// The fields of a decision line (`DecisionsReporter.line`) that a left-out exact copy takes
    /// from its sibling: everything but what describes the document itself.
    struct SiblingLine: Decodable {
        var decision: DecisionKind
        var canonical: String
        var canonical_run: String?
        var reasons: [String]
        var similarity: MatchEvidence?
        var cluster_size: Int

        /// The sibling's decision, from its decision line.
        static func decision(_ json: String) throws -> Decision {
            let l = try JSONDecoder().decode(SiblingLine.self, from: Data(json.utf8))
            return Decision(id: "", kind: l.decision, canonical: l.canonical, canonicalRun: l.canonical_run,
                            reasons: l.reasons, match: l.similarity, clusterSize: l.cluster_size)
        }
    }
}
