import Foundation
import WinnowCore

/// Single-core speed of the per-article kernels on synthetic Chinese and English text.
enum KernelBench {
    /// Deterministic pseudo-random text: Han characters with punctuation, or English words.
    static func text(chinese: Bool, bytes: Int, seed: UInt64) -> String {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var s = ""
        let words = ["the", "minister", "said", "on", "monday", "that", "growth", "would", "slow", "in", "markets", "report"]
        while s.utf8.count < bytes {
            if chinese {
                for _ in 0..<20 { s.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(next() % 3000)) ?? "中") }
                s += next() % 3 == 0 ? "。\n" : "，"
            } else {
                for _ in 0..<12 { s += words[Int(next() % UInt64(words.count))] + " " }
                s += next() % 3 == 0 ? ".\n" : ", "
            }
        }
        return s
    }

    static func run() {
        print("kernels (one core, median of 5)")
        for chinese in [true, false] {
            let label = chinese ? "zh" : "en"
            let sample = text(chinese: chinese, bytes: 8_000_000, seed: 7)
            let bytes = sample.utf8.count
            let normalized = Array(TextNormalizer.normalize(sample).utf8)
            Measure.line("icu normalize (\(label))", seconds: Measure.median { _ = TextNormalizer.normalize(sample) }, bytes: bytes)
            Measure.line("shingle+simhash+sketch (\(label))", seconds: Measure.median { _ = Fingerprint.of(chunks: [normalized[...]]) }, bytes: normalized.count)
            if let phone = ICURegex("1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])") {
                var copy = sample
                Measure.line("regex lines (utf8 in) whole text (\(label))", seconds: Measure.median { copy.withUTF8 { _ = phone.matchingLines(utf8: $0) } }, bytes: bytes)
            }
            let lines = LineSplitter.splitLines(sample)
            Measure.line("line shapes (\(label))", seconds: Measure.median {
                for l in lines { _ = LineShape(normalized: Array(l.utf8)) }
            }, bytes: bytes)
            let lines40k = Array(lines.prefix(400))
            let prepared = (0..<200).map { i in
                Article(id: "\(label)\(i)", text: lines40k.dropFirst(i % 50).joined(separator: "\n"))
            }
            Measure.line("prepare+analyze (\(label), no rules)", seconds: Measure.median {
                let p = prepared.map(PreparedArticle.init)
                var b = LineStatistics.Builder()
                for d in p { b.add(site: "s", lineKeys: d.lineKeys) }
                let stats = b.build()
                let analyzer = ArticleAnalyzer(rules: .empty)
                for d in p { _ = analyzer.analyze(d, statistics: stats) }
            }, bytes: prepared.reduce(0) { $0 + $1.text.utf8.count })
        }
        var acc = SimHashAccumulator()
        var h: UInt64 = 1
        Measure.line("simhash add (features)", seconds: Measure.median {
            acc = SimHashAccumulator()
            for _ in 0..<5_000_000 { h = StableHash.mix(h &+ 1); acc.add(h) }
            _ = acc.fingerprint()
        }, items: 5_000_000)
    }
}
