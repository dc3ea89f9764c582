import Foundation
import WinnowCore

/// Near-duplicate lookups in a SimHash index of many synthetic fingerprints.
enum IndexBench {
    static func run(documents n: Int) throws {
        var state: UInt64 = 42
        func next() -> UInt64 { state = StableHash.mix(state &+ 0x9E37_79B9_7F4A_7C15); return state }
        let fingerprints = (0..<n).map { _ in next() }
        for k in [3, 6] {
            var index: SimHashIndex?
            let build = try Measure.median(runs: 3) { index = try SimHashIndex(fingerprints: fingerprints, maxDistance: k) }
            guard let index else { return }
            Measure.line("simhash index build (n \(n), k \(k))", seconds: build, items: n)
            // Queries: near copies of indexed fingerprints (k/2 bits flipped) and random ones.
            let queries = (0..<100_000).map { i -> UInt64 in
                i % 2 == 0 ? fingerprints[Int(next() % UInt64(n))] ^ (1 << (next() % 64)) : next()
            }
            var found = 0
            let t = Measure.median(runs: 3) { found = 0; for q in queries { found += index.query(q).count } }
            Measure.line("simhash lookups (k \(k), \(index.tableCount) tables)", seconds: t, items: queries.count)
            _ = found
        }
    }
}
