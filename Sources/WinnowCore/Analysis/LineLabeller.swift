import Foundation
/// Labels a page's lines body or furniture as one sequence, not line by line.
///
/// Each line carries a weight: positive when its own evidence says furniture (a rule, a
/// template, a list, a date), negative when it reads like article text (prose, code, tables).
/// Furniture comes in runs (a header, a promo block, a tail of notices and lists) and so does
/// the body, so switching between the two costs `switchCost`: a lone line inside the body
/// becomes furniture only on evidence stronger than two switches, while a run of weak evidence
/// at the page's edges or between notices is furniture together. The best labelling is found
/// exactly by dynamic programming over two states (Viterbi), in linear time. One wrong line
/// can no longer take everything after it: the lines that follow vote with their own weights.
struct LineLabeller {
    /// What leaving the body for furniture, or coming back, costs.
    var switchCost: Double
    /// What switching costs on top of `switchCost` right after a line bound to the next one.
    var bindCost: Double = 0

    /// For each weight, whether its line is furniture. `nil` weights are lines outside the
    /// sequence (blank, markup only). The `title` line stays body and splits the sequence, so
    /// what follows the title is at a page edge again (bylines and banners sit there). A line
    /// `bound` to the next line of the sequence ("部分工具如下所示。" above its pictures, "声明："
    /// above its notice) takes that line's label unless the evidence outweighs `bindCost` more.
    func furniture(weights: [Double?], title: Int? = nil, bound: [Bool] = []) -> [Bool] {
        let n = weights.count
        var out = [Bool](repeating: false, count: n)
        let segments: [Range<Int>] = title.map { t in [0..<t, (t + 1)..<n] } ?? [0..<n]
        for segment in segments where !segment.isEmpty { label(segment, weights: weights, bound: bound, into: &out) }
        return out
    }

    /// Viterbi over one segment; ties favour the body.
    private func label(_ segment: Range<Int>, weights: [Double?], bound: [Bool], into out: inout [Bool]) {
        let members = segment.filter { weights[$0] != nil }
        guard !members.isEmpty else { return }
        // Back-pointers: whether the best path into each state at member k came from furniture.
        var body = 0.0, furniture = 0.0
        var bodyCameFromFurniture = [Bool](repeating: false, count: members.count)
        var furnitureCameFromFurniture = [Bool](repeating: false, count: members.count)
        for (k, i) in members.enumerated() {
            let w = weights[i] ?? 0
            if k == 0 {
                body = 0
                furniture = w
                continue
            }
            let previous = members[k - 1]
            let cost = switchCost + (previous < bound.count && bound[previous] ? bindCost : 0)
            let stayBody = body, enterBody = furniture - cost
            let stayFurniture = furniture, enterFurniture = body - cost
            bodyCameFromFurniture[k] = enterBody > stayBody
            furnitureCameFromFurniture[k] = stayFurniture > enterFurniture
            body = max(stayBody, enterBody)
            furniture = max(stayFurniture, enterFurniture) + w
        }
        var inFurniture = furniture > body
        for k in stride(from: members.count - 1, through: 0, by: -1) {
            out[members[k]] = inFurniture
            inFurniture = inFurniture ? furnitureCameFromFurniture[k] : bodyCameFromFurniture[k]
        }
    }
}

extension LineEvidence {
    /// How strongly the line's own evidence says furniture (positive) or body (negative).
    /// Lines in the middle of the page (`atEdge` false) weigh recurrence and shape at half.
    /// Past the page's last line of prose (`inTail`), a short line without sentence-final
    /// punctuation (a title in a list, a name, a label) weighs nothing: it goes with its neighbours.
    func weight(shape: LineShape, settings: AnalysisSettings, atEdge: Bool = true, inTail: Bool = false) -> Double {
        if regions.contains(.hidden) { return 6 }
        // A caption leans furniture with what surrounds it (ArticleAnalyzer strips it anyway).
        if regions.contains(.caption) { return 3 }
        if isStructuredContent { return furnitureRules.isEmpty ? -2 : 0 }
        // Rules and lists are decisive whatever the line's shape: disclaimers are written as prose.
        // So is the site giving its own address: its contact or takedown notice, in any words.
        if !furnitureRules.isEmpty || inListing || givesSiteAddress { return 6 }
        // Reposts on other sites carry it under this headline, and no other story does: the
        // story's own line, whatever its shape (a notice's "证券代码：… 公告编号：…").
        if travelsWithStory { return -settings.storyLineLean }
        var f = 0.0
        if isDate { f = max(f, 4) }
        if isTemplate { f = max(f, (4 + min(2, templateShare * 10)) * (atEdge ? 1 : 0.6)) }
        if isTruncated { f = max(f, 3) }
        // Shape alone (a date with a few words, separators) is weaker evidence inside the text.
        if isMeta || isNavigation { f = max(f, atEdge ? 3 : 1.5) }
        // A line under more stories, on other sites too, is surer furniture: a notice under thirty
        // articles of many sites is no one's text (one site's own series text may be its articles').
        if recurs {
            let stories = recursElsewhere ? 1 + log2(Double(max(recurrence, 1))) : 0
            f = max(f, min(4, max(Double(shape.size) / 8, stories)) * (atEdge ? 1 : 0.5))
        }
        if recursOnTinySite { f = max(f, atEdge ? 2 : 1) }
        if isLinkOnly { f = max(f, 2) }
        if isBullet { f = max(f, 1.5) }
        // HTML: the page's own structure (a footer, a menu, a share bar, a block of links).
        let pageFurniture = regions.intersection(LineHint.Regions.furniture)
        // A header or sidebar alone is weaker evidence (mastheads and rails hold articles' text
        // on some pages); any other region inside them (related links in a rail) is not.
        if !pageFurniture.isEmpty { f = max(f, pageFurniture.isSubset(of: [.header, .aside]) ? 2.5 : 4) }
        if linkDensity >= 0.5 { f = max(f, 1 + 2 * Double(linkDensity)) }
        if outsideMainText { f = max(f, 2) }
        // Past the last sentence of the page, long unpunctuated lines are titles of other articles.
        let prose = (shape.endsWithTerminal && shape.size >= settings.coreMinSize)
            || (!inTail && shape.size >= settings.coreLongSize && shape.innerPunctuation > 0)
        // A line without prose shape that carries evidence is judged on the evidence alone.
        if f > 0 && !prose { return f }
        var b = prose ? min(8, 3 + Double(shape.size) / 15) : isHeading ? 1.5 : (inTail && !shape.endsWithTerminal) ? 0 : 0.5
        // A line of figures ("Net 807,000 vs 2,858,000") is a report's content, however terse.
        if shape.statesFigures && !isTemplate && !recurs { b = max(b, 1.5) }
        // Text pasted under many pages is not the article's, however well written.
        if (recurs && atEdge) || isTemplate { b = min(b, 1) }
        // A line that is one link is a pointer to another page, whatever its anchor reads like.
        if isLinkOnly || linkDensity >= 0.5 { b = min(b, 1) }
        // Inside a menu or footer, prose is furniture's fine print; inside the article, even a
        // short line is more likely the article's.
        if !pageFurniture.isEmpty { b = min(b, 2) } else if regions.contains(.mainText) { b = max(b, 2) } else if regions.contains(.content) { b = max(b, 1) }
        return f - b
    }
}
