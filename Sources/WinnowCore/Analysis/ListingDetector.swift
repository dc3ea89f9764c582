/// Finds related-article lists: runs where date lines recur every few lines, each date closing
/// an item (an excerpt, or a title and an excerpt). Such lists are furniture wherever they are.
enum ListingDetector {
    /// For each line, whether it belongs to a listing.
    static func listingLines(shapes: [LineShape], maxGap: Int, title: Int?, itemMinSize: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: shapes.count)
        let dates = shapes.indices.filter { shapes[$0].dateOnly }
        if dates.count == 1 {
            // A lone dated item: the date and the excerpt right before it.
            let d = dates[0]
            guard d > 0, d - 1 != title, shapes[d - 1].size >= itemMinSize, !shapes[d - 1].endsWithTerminal || shapes[d - 1].isTruncated else { return out }
            out[d - 1] = true
            out[d] = true
            return out
        }
        guard dates.count >= 2 else { return out }
        var groupStart = 0
        func close(_ from: Int, _ to: Int) {
            guard to > from else { return }
            let first = dates[from]
            let period = min(dates[from + 1] - first, maxGap)
            var start = first
            // The first item's lines come before the first date.
            var k = first - 1
            while k >= 0 && first - k < period && !shapes[k].isBlank {
                start = k
                k -= 1
            }
            for i in start...dates[to] { out[i] = true }
        }
        for g in 1..<dates.count where dates[g] - dates[g - 1] > maxGap {
            close(groupStart, g - 1)
            groupStart = g
        }
        close(groupStart, dates.count - 1)
        return out
    }
}
