@testable import WinnowCore

/// Shared helpers: ICU set-up and tiny article builders.
enum Support {
    /// The 1-based lines an analysis flags as furniture.
    static func furnitureLines(_ a: ArticleAnalysis) -> Set<Int> {
        var s = Set<Int>()
        for f in a.findings where f.category.isFurniture { for l in f.lineStart...f.lineEnd { s.insert(l) } }
        return s
    }

    static let ready: Bool = {
        do { try TextNormalizer.prepare(); return true } catch { return false }
    }()

    static func normalized(_ s: String) -> [UInt8] {
        _ = ready
        return Array(TextNormalizer.normalize(s).utf8)
    }

    static func fingerprint(_ s: String) -> Fingerprint {
        Fingerprint.of(chunks: [normalized(s)[...]])
    }

    /// A deterministic pseudo-random generator for tests.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = StableHash.mix(state &+ 0x9E37_79B9_7F4A_7C15)
            return state
        }
    }

    /// Analyzes articles as a batch (statistics over all of them).
    static func analyze(_ articles: [Article], rules: RuleSet = .empty) -> [ArticleAnalysis] {
        _ = ready
        let engine = ScanEngine(rules: rules)
        let prepared = engine.prepare(articles)
        return engine.analyze(prepared, statistics: engine.statistics(of: prepared))
    }
}
