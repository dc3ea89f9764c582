/// An article split into lines, normalized and measured: the input to statistics and analysis.
public struct PreparedArticle: Sendable {
    /// The article as read.
    public let article: Article
    /// Its lines, original and normalized.
    public let lines: [LineText]
    /// Shape facts per line (same indexes as `lines`), measured on the visible text.
    public let shapes: [LineShape]
    /// Markup per line (headings, code, tables, links, images).
    public let markup: [LineMarkup]
    /// Each line's normalized visible text: markup, URLs and image addresses removed (the
    /// normalized line itself when it has none). Detectors, phrases and fingerprints read this.
    public let visible: [ArraySlice<UInt8>]
    /// The index of the line holding the title, when the input's title is found near the top.
    public let titleLine: Int?
    /// The language by its script (`language(ideographs:kana:hangul:letters:)`): "zh", "ja",
    /// "ko", "en" for text in letters, or "und" for a page without text.
    public let language: String

    /// Splits, normalizes and measures an article.
    public init(_ article: Article) {
        self.article = article
        lines = LineSplitter.lines(of: article.text)
        (markup, visible) = MarkupReader.read(lines, hints: article.lineHints)
        shapes = visible.map { LineShape(normalized: $0) }
        var title: Int?
        var headline: [UInt8] = []
        if let t = article.title {
            headline = Array(TextNormalizer.normalize(t).utf8).filter { $0 != 0x20 }
            let want = Self.titleKey(headline)
            if !want.isEmpty {
                let visible = visible
                title = visible.prefix(12).firstIndex { $0.count >= want.count && Self.titleKey($0) == want }
                    // Page titles often add a section or site name ("headline_section"): the
                    // headline line is then most of the title, at its start or end.
                    ?? visible.prefix(12).firstIndex { line in
                        guard line.count * 10 >= want.count * 6 else { return false }
                        let key = Self.titleKey(line)
                        return key.count * 10 >= want.count * 6 && (want.starts(with: key) || want.reversed().starts(with: key.reversed()))
                    }
            }
        }
        let measured = shapes, blocks = markup
        if title == nil, let first = measured.indices.first(where: { !measured[$0].isBlank }), first < 3, blocks[first].block == .heading {
            // A converted page opens with its headline as a heading even when the feed's title differs.
            title = first
        }
        titleLine = title
        var keys = shapes.filter { !$0.isBlank }.map(\.key)
        RadixSort.sort(&keys)
        keys.dedupe()
        lineKeys = keys
        let siteHash = StableHash.fnv1a(article.site)
        siteLineKeys = keys.map { StableHash.combine(siteHash, $0) }
        if !headline.isEmpty {
            story = StableHash.fnv1a(headline, seed: StableHash.fnv1a("title:"))
        } else if let longest = Self.longestLine(shapes) {
            story = StableHash.combine(0x4c4f_4e47, longest)
        } else {
            story = StableHash.fnv1a("id:" + article.id)
        }
        language = Self.language(ideographs: shapes.reduce(0) { $0 + $1.ideographs }, kana: shapes.reduce(0) { $0 + $1.kana },
                                 hangul: shapes.reduce(0) { $0 + $1.hangul }, letters: shapes.reduce(0) { $0 + $1.letters })
    }

    /// A page's language as its script tells it: where characters of unspaced scripts
    /// (`ideographs`, kana and Hangul among them) hold their own beside `letters`, Korean when
    /// Hangul is most of them, Japanese when kana are a tenth or more (they write its grammar),
    /// else Chinese; text in letters is "en" (the scripts that use letters share one bucket of
    /// statistics), no text at all "und".
    static func language(ideographs: Int, kana: Int, hangul: Int, letters: Int) -> String {
        guard ideographs > 0 || letters > 0 else { return "und" }
        guard ideographs * 3 >= letters else { return "en" }
        if hangul * 2 > ideographs { return "ko" }
        return kana * 10 >= ideographs ? "ja" : "zh"
    }

    /// The distinct keys of non-blank lines, sorted, for `LineStatistics`.
    public let lineKeys: [UInt64]
    /// The same keys combined with the site (what per-site counts are keyed by).
    public let siteLineKeys: [UInt64]
    /// Which story the page tells, for line statistics: its normalized headline, or when it has
    /// none its longest line (reposts share both; pages of one site template share neither).
    public let story: UInt64

    /// A headline's letters, digits and non-ASCII characters: titles are found in the text
    /// whatever spaces and ASCII separators (`|`, `-`, `:`) the page or the feed put between words.
    static func titleKey(_ bytes: some Collection<UInt8>) -> [UInt8] {
        bytes.filter { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// The key of the largest line, or nil for a page without text.
    static func longestLine(_ shapes: [LineShape]) -> UInt64? {
        var best: LineShape?
        for s in shapes where s.size > (best?.size ?? 0) { best = s }
        return best?.key
    }
}
