extension MarkupReader {
    /// Markup of lines read from HTML: the page's own elements say what each line is, so the
    /// text is not read as Markdown (an HTML paragraph starting with `#` is no heading).
    /// Falls back to reading the text when the hints do not match the lines one to one.
    public static func read(_ lines: [LineText], hints: [LineHint]?) -> (markup: [LineMarkup], visible: [ArraySlice<UInt8>]) {
        guard let hints, hints.count == lines.count else { return read(lines) }
        var markup: [LineMarkup] = []
        markup.reserveCapacity(lines.count)
        for (line, hint) in zip(lines, hints) {
            var m = LineMarkup()
            switch hint.block {
            case .heading:
                m.block = .heading
                m.headingLevel = max(1, min(6, hint.headingLevel))
            case .preformatted:
                m.block = .code
                m.isCodeLike = CodeShape.looksLikeCode(line.normalized)
            case .quote: m.block = .quote
            // Table cells stay text: portals lay whole pages out in tables.
            case .tableCell, .paragraph, .listItem, .other: break
            }
            // A line that is (nearly) all link text is a link, as `[text](url)` is in Markdown.
            if hint.linkDensity >= 0.9 {
                m.links = 1
                m.onlyLinks = true
            }
            markup.append(m)
        }
        return (markup, lines.map(\.normalized))
    }
}
