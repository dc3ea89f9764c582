/// Collects what near-duplicate search needs from a text's shingles: the SimHash tally and a
/// consistent sample of distinct shingles (those whose top bit is 0), from which Jaccard
/// similarity and containment between two documents can be estimated.
public struct FingerprintBuilder: FeatureSink {
    /// The SimHash tally.
    public var simhash = SimHashAccumulator()
    /// Sampled shingles, unsorted, with repeats.
    public var sample: [UInt64] = []
    /// How many sampled shingles belong to the lead (the first `leadLimit` shingles).
    public var leadCount = 0
    /// Shingles counted as the lead.
    public var leadLimit = 400
    /// How many sampled shingles belong to the head (the first `headLimit` shingles).
    public var headCount = 0
    /// Shingles counted as the head: the headline and the article's first words.
    public var headLimit = 48

    /// Headline shingles looked for in the rest of the text (`Fingerprint.subjectMask`), sorted.
    public var probe: [UInt64] = [] {
        didSet {
            probeFilter = probe.reduce(0) { $0 | 1 << ($1 & 63) }
            probeFilter2 = probe.reduce(0) { $0 | 1 << ($1 >> 6 & 63) }
        }
    }
    /// A bit per `probe` shingle's low six bits, and per its next six: nearly every other shingle
    /// passes by on these two tests.
    @usableFromInline var probeFilter: UInt64 = 0
    @usableFromInline var probeFilter2: UInt64 = 0
    /// Whether the chunk being read is looked in for `probe` (not the headline itself).
    public var probing = false
    /// Which of `probe`'s first 64 shingles were found, a bit each.
    public var probeHits: UInt64 = 0

    /// An empty builder.
    public init() {}

    /// Adds a shingle.
    @inlinable @inline(__always)
    public mutating func add(feature: UInt64) {
        let position = simhash.count
        simhash.add(feature)
        if feature >> 63 == 0 {
            sample.append(feature)
            if position < leadLimit { leadCount = sample.count }
            if position < headLimit { headCount = sample.count }
        }
        if probing && probeFilter & (1 << (feature & 63)) != 0 && probeFilter2 & (1 << (feature >> 6 & 63)) != 0 { mark(feature) }
    }

    /// Marks `feature` found when it is one of `probe`'s first 64.
    @usableFromInline @inline(never) mutating func mark(_ feature: UInt64) {
        let i = SketchOverlap.lowerBound(probe, feature)
        if i < min(probe.count, 64) && probe[i] == feature { probeHits |= 1 << UInt64(i) }
    }
}

/// A document's fingerprint: what is indexed, stored and compared.
public struct Fingerprint: Sendable, Equatable, Codable {
    /// 64-bit SimHash of the shingles.
    public var simhash: UInt64
    /// Hash of the normalized token sequence: equal texts (up to spacing/punctuation) collide.
    public var exact: UInt64
    /// Number of tokens fingerprinted.
    public var tokens: Int
    /// Of those, single characters of scripts written without spaces (Han, kana, Hangul): a
    /// word there is one to two characters, so figures per word are read from this too
    /// (`Figures.words`). Zero for archives written before it was kept.
    public var ideographs: Int = 0
    /// Tokens in paragraphs: chunks (body lines) of more than `Figures.paragraphWords` words.
    /// A templated report states its figures line by line, rows of a table or items of a list;
    /// prose runs in paragraphs, even where full of statistics. Zero for archives written
    /// before it was kept.
    public var paragraphTokens: Int = 0
    /// Tokens in lines that pages of other stories hold too (`Figures.templateStories`): the
    /// sentences of a template that notices of many companies or cities share ("属于股票交易异常
    /// 波动的情形", "特此公告"). A text largely made of them is a filled-in form whose figures and
    /// names are its content (`Figures.isTemplated`). Zero for archives written before it was kept.
    public var templateTokens: Int = 0
    /// A report's figures in context in the order it states them,
    /// repeats included (`Figures.inOrder`): figures swapped, or one of two equal figures changed,
    /// make another report though the sets agree. Empty for other texts and for archives written
    /// before it was kept.
    public var figureOrder: [UInt64] = []
    /// A report's lines keyed by their figures (`FigureLines`): the
    /// same figures in other words ("进球：杨帆（第32分钟）" / "进球：刘子轩（第32分钟）") make another
    /// report. Empty for other texts and for archives written before it was kept.
    public var figureLines: [UInt64] = []
    /// A report's sentences that state figures, kept or stripped as the site's, keyed by their
    /// words (`FigureSentences`). Empty for other texts and for archives written before it was kept.
    public var figureSentences: [UInt64] = []
    /// Sorted, distinct sampled shingles (about half of all distinct shingles).
    public var sketch: [UInt64] {
        didSet {
            // The lead and the head are kept as positions in the sketch: the same values, placed anew.
            leadPart = SketchPart(leadPart.values(in: oldValue), of: sketch)
            headPart = SketchPart(headPart.values(in: oldValue), of: sketch)
        }
    }
    /// Sorted, distinct sampled shingles of the lead (title and first few hundred tokens):
    /// where an excerpt of this document must be found.
    public var lead: [UInt64] {
        get { leadPart.values(in: sketch) }
        set { leadPart = SketchPart(newValue, of: sketch) }
    }
    /// Sorted, distinct shingles (all, not sampled) of the headline; empty when there is none.
    public var title: [UInt64] = []
    /// Which of `title`'s first 64 shingles the text also says outside its headline, a bit each
    /// (bit i for `title[i]`): the subject the headline names ("永兴物流" over "永兴物流股份有限公司
    /// 股票于…"). Zero without a headline, and for records and archives written before it was kept.
    public var subjectMask: UInt64 = 0
    /// The headline's words written in letters, which the text says, and a filter of the text's
    /// words (`HeadlineWords`): names `subjectMask`'s three-word shingles miss. None for records
    /// and archives written before.
    public var headlineWords = HeadlineWords()
    /// Sorted, distinct sampled shingles of the very beginning (headline and first words):
    /// what an excerpt of this document is sure to share with it.
    public var head: [UInt64] {
        get { headPart.values(in: sketch) }
        set { headPart = SketchPart(newValue, of: sketch) }
    }
    /// Sorted, distinct hashes of the numbers the text states (`Figures`): templated reports
    /// whose figures differ are different reports. Empty for archives written before figures.
    public var figures: [UInt64] = []
    /// Sorted, distinct hashes of the numbers the text states, each with the word before it
    /// (`Figures.inContext`): reports whose figures swap places differ in context. Empty for
    /// records and archives written before figures in context.
    public var figureContexts: [UInt64] = []
    /// Sorted, distinct hashes of the numbers in the headline.
    public var titleFigures: [UInt64] = []
    /// The lead and the head, drawn from the sketch: a bit per sketch shingle each, not 64 bits
    /// per shingle of theirs (a batch holds every document's fingerprint until it is decided).
    private var leadPart: SketchPart
    private var headPart = SketchPart.empty

    /// Creates a fingerprint.
    public init(simhash: UInt64, exact: UInt64, tokens: Int, sketch: [UInt64], lead: [UInt64]) {
        self.simhash = simhash
        self.exact = exact
        self.tokens = tokens
        self.sketch = sketch
        leadPart = SketchPart(lead, of: sketch)
    }

    private enum CodingKeys: String, CodingKey {
        case simhash, exact, tokens, sketch, lead, title, head, figures, titleFigures, ideographs, paragraphTokens, figureContexts,
            templateTokens, figureOrder, figureLines, subjectMask, figureSentences, headlineWords
    }

    /// Decodes the fields by name, the lead and the head as lists of shingles.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(simhash: try c.decode(UInt64.self, forKey: .simhash), exact: try c.decode(UInt64.self, forKey: .exact),
                  tokens: try c.decode(Int.self, forKey: .tokens), sketch: try c.decode([UInt64].self, forKey: .sketch),
                  lead: try c.decode([UInt64].self, forKey: .lead))
        title = try c.decode([UInt64].self, forKey: .title)
        head = try c.decode([UInt64].self, forKey: .head)
        figures = try c.decode([UInt64].self, forKey: .figures)
        titleFigures = try c.decode([UInt64].self, forKey: .titleFigures)
        ideographs = try c.decodeIfPresent(Int.self, forKey: .ideographs) ?? 0
        paragraphTokens = try c.decodeIfPresent(Int.self, forKey: .paragraphTokens) ?? 0
        figureContexts = try c.decodeIfPresent([UInt64].self, forKey: .figureContexts) ?? []
        templateTokens = try c.decodeIfPresent(Int.self, forKey: .templateTokens) ?? 0
        figureOrder = try c.decodeIfPresent([UInt64].self, forKey: .figureOrder) ?? []
        figureLines = try c.decodeIfPresent([UInt64].self, forKey: .figureLines) ?? []
        figureSentences = try c.decodeIfPresent([UInt64].self, forKey: .figureSentences) ?? []
        subjectMask = try c.decodeIfPresent(UInt64.self, forKey: .subjectMask) ?? 0
        headlineWords = HeadlineWords(packed: try c.decodeIfPresent([UInt64].self, forKey: .headlineWords) ?? [])
    }

    /// Encodes the fields by name, the lead and the head as lists of shingles.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(simhash, forKey: .simhash)
        try c.encode(exact, forKey: .exact)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(sketch, forKey: .sketch)
        try c.encode(lead, forKey: .lead)
        try c.encode(title, forKey: .title)
        try c.encode(head, forKey: .head)
        try c.encode(figures, forKey: .figures)
        try c.encode(titleFigures, forKey: .titleFigures)
        try c.encode(ideographs, forKey: .ideographs)
        try c.encode(paragraphTokens, forKey: .paragraphTokens)
        try c.encode(figureContexts, forKey: .figureContexts)
        try c.encode(templateTokens, forKey: .templateTokens)
        try c.encode(figureOrder, forKey: .figureOrder)
        try c.encode(figureLines, forKey: .figureLines)
        try c.encode(figureSentences, forKey: .figureSentences)
        try c.encode(subjectMask, forKey: .subjectMask)
        try c.encode(headlineWords.packed, forKey: .headlineWords)
    }

    /// Fingerprints normalized UTF-8 chunks (for instance the body lines), read as one text.
    /// Tokens of the chunks flagged in `template` (by index) count as `templateTokens`.
    /// With `headline` (its sorted shingles, `title`), records which of them the chunks other
    /// than `headlineChunk` say (`subjectMask`).
    public static func of(chunks: [ArraySlice<UInt8>], width: Int = 3, template: [Bool] = [],
                          headline: [UInt64] = [], headlineChunk: Int? = nil) -> Fingerprint {
        var shingler = Shingler(width: width)
        var builder = FingerprintBuilder()
        builder.probe = headline
        var paragraphTokens = 0, templateTokens = 0
        for (c, chunk) in chunks.enumerated() {
            builder.probing = !headline.isEmpty && c != headlineChunk
            let (tokens, ideographs) = (shingler.tokenCount, shingler.ideographCount)
            chunk.withUnsafeBufferPointer { shingler.feed($0, into: &builder) }
            shingler.separate(into: &builder)
            let added = shingler.tokenCount - tokens
            if Figures.words(tokens: added, ideographs: shingler.ideographCount - ideographs) > Figures.paragraphWords {
                paragraphTokens += added
            }
            if c < template.count && template[c] { templateTokens += added }
        }
        shingler.finish(into: &builder)
        var sketch = builder.sample
        var lead = Array(sketch.prefix(builder.leadCount))
        var head = Array(sketch.prefix(builder.headCount))
        head.sort()
        head.dedupe()
        RadixSort.sortUniform(&sketch)
        sketch.dedupe()
        RadixSort.sortUniform(&lead)
        lead.dedupe()
        var fp = Fingerprint(simhash: builder.simhash.fingerprint(), exact: shingler.sequenceHash,
                             tokens: shingler.tokenCount, sketch: sketch, lead: lead)
        fp.head = head
        fp.ideographs = shingler.ideographCount
        fp.paragraphTokens = paragraphTokens
        fp.templateTokens = templateTokens
        fp.title = headline
        fp.subjectMask = builder.probeHits
        return fp
    }

    /// The sampled shingles of one normalized line, sorted and distinct: the `sketch` that
    /// `of(chunks:)` gives it, without the SimHash tally (a page's lead line needs only these).
    public static func sampledShingles(of line: ArraySlice<UInt8>, width: Int = 3) -> [UInt64] {
        distinctShingles(of: line, width: width, sampledOnly: true)
    }

    /// All distinct shingles of a short normalized text (a headline), sorted.
    public static func allShingles(of text: ArraySlice<UInt8>, width: Int = 3) -> [UInt64] {
        distinctShingles(of: text, width: width, sampledOnly: false)
    }

    /// The distinct shingles of one text, sorted: all of them, or the sampled ones (top bit 0).
    private static func distinctShingles(of text: ArraySlice<UInt8>, width: Int, sampledOnly: Bool) -> [UInt64] {
        struct Collect: FeatureSink {
            let sampledOnly: Bool
            var features: [UInt64] = []
            mutating func add(feature: UInt64) { if !sampledOnly || feature >> 63 == 0 { features.append(feature) } }
        }
        var shingler = Shingler(width: width)
        var sink = Collect(sampledOnly: sampledOnly)
        text.withUnsafeBufferPointer { shingler.feed($0, into: &sink) }
        shingler.finish(into: &sink)
        var out = sink.features
        RadixSort.sortUniform(&out)
        out.dedupe()
        return out
    }
}

extension Array where Element: Equatable {
    /// Removes adjacent repeats in place (a sorted array becomes distinct).
    mutating func dedupe() {
        guard count > 1 else { return }
        var w = 1
        for r in 1..<count where self[r] != self[w - 1] {
            self[w] = self[r]
            w += 1
        }
        removeLast(count - w)
    }
}

/// Set overlap between sorted distinct sketches.
public enum SketchOverlap {
    /// Size of the intersection of two sorted distinct arrays of any integer width.
    public static func intersectionCount<T: FixedWidthInteger>(_ a: [T], _ b: [T]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    /// Size of the intersection of two sorted arrays of distinct values.
    public static func intersection(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x == y { n += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return n
    }

    /// The first position in sorted `a` whose value is not below `x` (binary search).
    public static func lowerBound(_ a: [UInt64], _ x: UInt64) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether sorted `a` holds `x`.
    public static func contains(_ a: [UInt64], _ x: UInt64) -> Bool {
        let i = lowerBound(a, x)
        return i < a.count && a[i] == x
    }

    /// Estimated Jaccard similarity and the containment of each side in the other.
    public static func compare(_ a: [UInt64], _ b: [UInt64]) -> (jaccard: Double, aInB: Double, bInA: Double) {
        if a.isEmpty || b.isEmpty { return (0, 0, 0) }
        let n = Double(intersection(a, b))
        let union = Double(a.count + b.count) - n
        return (n / union, n / Double(a.count), n / Double(b.count))
    }
}

extension Fingerprint {
    /// Whether all the text kept of the page is its headline (its body went with the furniture,
    /// or it had none): nothing says what the page holds, so it is no copy of a page under the
    /// same headline, however equal their fingerprints.
    public var isHeadlineOnly: Bool {
        guard !title.isEmpty, tokens > 0 else { return false }
        // A short headline may have no sampled shingle: then a text no longer than it (its
        // shingles and the overlap of the widest, 3-token, shingles) that states no figure of
        // its own is that headline.
        if sketch.isEmpty { return tokens <= title.count + 2 && Figures.missing(figures, from: titleFigures) == 0 }
        return SketchOverlap.intersection(sketch, title) == sketch.count
    }

    /// Which story the document tells, for shingle frequencies: its headline's shingles and the
    /// figures it states, hashed (stable across processes: the Spark job counts the same key);
    /// nil without a headline. Reposts of a story share it; a templated report with other
    /// figures under the same headline is another story.
    public var story: UInt64? {
        guard !title.isEmpty else { return nil }
        let headline = title.reduce(StableHash.fnv1a("story:")) { StableHash.combine($0, $1) }
        return figures.reduce(headline) { StableHash.combine($0, $1) }
    }
}
