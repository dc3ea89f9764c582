/// Chooses the article body among runs of body-like lines.
///
/// Runs of anchors are split where two or more evidenced lines (notices, templates, lists) stand
/// in a row, or one line matched by a furniture rule. The largest run is the body; neighbouring
/// runs join it when they are at least `minShare` of its size, so a stray excerpt after the
/// notices does not stretch the body over them, while an article split by one ad line stays whole.
enum BodyBlocks {
    static func main(core: [Int], shapes: [LineShape], evidence: [LineEvidence], minShare: Double) -> ClosedRange<Int>? {
        guard let first = core.first else { return nil }
        var blocks: [(range: ClosedRange<Int>, size: Int)] = []
        var start = first, last = first, size = shapes[first].size
        for c in core.dropFirst() {
            let between = (last + 1)..<c
            let strong = between.filter { evidence[$0].isStrong }.count
            let ruled = between.contains { !evidence[$0].furnitureRules.isEmpty }
            if strong >= 2 || ruled {
                blocks.append((start...last, size))
                start = c
                size = 0
            }
            last = c
            size += shapes[c].size
        }
        blocks.append((start...last, size))
        guard let best = blocks.indices.max(by: { blocks[$0].size < blocks[$1].size }) else { return nil }
        var lo = best, hi = best
        let need = Double(blocks[best].size) * minShare
        while lo > 0 && Double(blocks[lo - 1].size) >= need { lo -= 1 }
        while hi < blocks.count - 1 && Double(blocks[hi + 1].size) >= need { hi += 1 }
        return blocks[lo].range.lowerBound...blocks[hi].range.upperBound
    }
}
