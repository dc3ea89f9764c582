/// The figures a text states: every number, hashed. Templated reports (earnings, weather,
/// scores, price notices) share almost every word and differ in their figures, so two texts whose
/// figures mostly differ are different reports, however alike their words.
///
/// Numbers are read from normalized text (full-width digits are already ASCII): thousands
/// separators are dropped (`2,858,000` is `2858000`), a decimal point is kept (`1.19`), and
/// leading zeros are dropped (`05` is `5`), so a copy that only reformats its numbers still agrees.
public enum Figures {
    /// Seed separating figure hashes from shingle hashes.
    static let seed = StableHash.fnv1a("figure:")

    /// Sorted, distinct hashes of the numbers in normalized UTF-8 chunks.
    public static func of(chunks: [ArraySlice<UInt8>]) -> [UInt64] {
        stated(in: chunks).figures
    }

    /// Seed separating figures in context from plain figures.
    static let contextSeed = StableHash.fnv1a("figure-in-context:")

    /// Sorted, distinct hashes of each number with the word before it
    /// (`Fingerprint.figureContexts`). A report whose figures swap places ("第7分钟 … 18比10" /
    /// "第10分钟 … 18比7") states the same figures as a set, not in context (one that states a
    /// figure twice where its twin changed one, "High 91F … High 91F" / "High 93F … High 91F",
    /// agrees in context too: `inOrder` tells those apart). The word before a number is the last three letters of the run
    /// of ASCII letters, or the one other character, that precedes it, skipping spaces and
    /// punctuation: a copy whose listing glued words together ("ctsNet 12,493,310") states the
    /// same contexts. A number that opens a line or a sentence has the boundary as its context,
    /// not the word before it (a copy that dropped the sentence before, or collapsed a table's
    /// lines, still agrees); after a number the context is a number mark until a word follows.
    public static func inContext(chunks: [ArraySlice<UInt8>]) -> [UInt64] {
        stated(in: chunks).contexts
    }

    /// The numbers of normalized UTF-8 chunks both ways, read in one pass: plain (`of`) and in
    /// context (`inContext`), and the figures in context in the order the text states them,
    /// repeats included (`Fingerprint.figureOrder`).
    public static func stated(in chunks: [ArraySlice<UInt8>]) -> (figures: [UInt64], contexts: [UInt64], order: [UInt64]) {
        var figures: [UInt64] = [], contexts: [UInt64] = []
        var digits: [UInt8] = []
        for chunk in chunks {
            var i = chunk.startIndex
            var context = boundaryContext  // a line starts at a boundary
            var inLetters = false
            while i < chunk.endIndex {
                let c = chunk[i]
                if isDigit(c) {
                    digits.removeAll(keepingCapacity: true)
                    i = read(chunk, from: i, into: &digits)
                    figures.append(StableHash.fnv1a(digits, seed: seed))
                    contexts.append(StableHash.fnv1a(digits, seed: StableHash.combine(contextSeed, context)))
                    context = numberContext
                    inLetters = false
                } else if c < 0x80 {
                    let lower = c | 0x20
                    let letter = lower >= 0x61 && lower <= 0x7A
                    if letter {
                        let kept = inLetters ? (context << 8 | UInt64(lower)) & 0xFF_FFFF : UInt64(lower)
                        context = letterContext | kept
                    } else if c == 0x21 || c == 0x3F || c == 0x3B {
                        context = boundaryContext  // ! ? ;
                    }
                    inLetters = letter
                    i += 1
                } else {
                    var end = i + 1
                    var packed = UInt64(c)
                    while end < chunk.endIndex && chunk[end] & 0xC0 == 0x80 { packed = packed << 8 | UInt64(chunk[end]); end += 1 }
                    if packed == ideographicFullStop {
                        context = boundaryContext
                    } else if !isPunctuation(chunk[i..<end]) {
                        context = scalarContext | (packed & 0xFFFF_FFFF)
                    }
                    inLetters = false
                    i = end
                }
            }
        }
        let order = contexts
        figures.sort()
        figures.dedupe()
        contexts.sort()
        contexts.dedupe()
        return (figures, contexts, order)
    }

    /// The numbers of one normalized UTF-8 line, each with the bytes it spans and its hash as
    /// `of` gives it (`FigureLines` reads the names beside each).
    static func numbers(in line: ArraySlice<UInt8>) -> [(span: Range<Int>, figure: UInt64)] {
        var out: [(span: Range<Int>, figure: UInt64)] = []
        var digits: [UInt8] = []
        var i = line.startIndex
        while i < line.endIndex {
            guard isDigit(line[i]) else { i += 1; continue }
            digits.removeAll(keepingCapacity: true)
            let end = read(line, from: i, into: &digits)
            out.append((i..<end, StableHash.fnv1a(digits, seed: seed)))
            i = end
        }
        return out
    }

    /// Figures in order kept per text at most (a report states tens).
    public static let orderLimit = 256

    /// Whether `a`'s figures in order stand in `b` in the same order (a subsequence: `b` may
    /// state more between and after them). A copy cut short, with a line dropped or a note
    /// added keeps its order; a report whose figures swap places, or that states one twice
    /// where the other changed one of them ("High 91F … High 91F" / "High 93F … High 91F"), does not.
    public static func inOrder(_ a: [UInt64], within b: [UInt64]) -> Bool {
        var k = 0
        for x in b where k < a.count && a[k] == x { k += 1 }
        return k == a.count
    }

    /// Kinds of context, above the 32 bits of letters or scalar bytes they hold.
    private static let letterContext: UInt64 = 1 << 40, scalarContext: UInt64 = 2 << 40, numberContext: UInt64 = 3 << 40,
                       boundaryContext: UInt64 = 4 << 40

    /// 。 as packed UTF-8: a number after it opens a sentence (NFKC has made ！？； ASCII).
    private static let ideographicFullStop: UInt64 = 0xE3_8082

    /// Whether one UTF-8 scalar is punctuation or a space of the ranges news text uses between
    /// a word and its number, once NFKC has made full-width forms ASCII: Latin-1 signs
    /// (U+0080–U+00BF), general punctuation (U+2000–U+206F), CJK symbols and punctuation
    /// (U+3000–U+303F).
    static func isPunctuation(_ s: ArraySlice<UInt8>) -> Bool {
        if s.count == 2 { return s.first == 0xC2 }
        guard s.count == 3 else { return false }
        let i = s.startIndex
        let scalar = UInt32(s[i] & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
        return (0x2000...0x206F).contains(scalar) || (0x3000...0x303F).contains(scalar)
    }

    /// Figures of `a` that `b` does not state; in context too (the larger count) when both
    /// carry figures in context.
    public static func missing(_ a: Fingerprint, from b: Fingerprint) -> Int {
        let plain = missing(a.figures, from: b.figures)
        guard !a.figureContexts.isEmpty, !b.figureContexts.isEmpty else { return plain }
        return max(plain, missing(a.figureContexts, from: b.figureContexts))
    }

    /// Hashes of sorted `a` not in sorted `b`.
    public static func missing(_ a: [UInt64], from b: [UInt64]) -> Int {
        a.count - SketchOverlap.intersection(a, b)
    }

    /// Reads one number starting at `start`; returns the index after it.
    private static func read(_ b: ArraySlice<UInt8>, from start: Int, into digits: inout [UInt8]) -> Int {
        var i = start
        var sawPoint = false
        while i < b.endIndex {
            let c = b[i]
            if isDigit(c) {
                if !(digits.isEmpty && c == 0x30 && i + 1 < b.endIndex && isDigit(b[i + 1])) { digits.append(c) }
                i += 1
            } else if c == 0x2C, groupOfThree(b, after: i) {
                i += 1  // a thousands separator
            } else if c == 0x2E, !sawPoint, i + 1 < b.endIndex, isDigit(b[i + 1]) {
                sawPoint = true
                digits.append(c)
                i += 1
            } else {
                break
            }
        }
        if digits.isEmpty { digits.append(0x30) }
        return i
    }

    /// Whether exactly three digits follow position `i` (then a non-digit or the end).
    private static func groupOfThree(_ b: ArraySlice<UInt8>, after i: Int) -> Bool {
        guard i + 3 < b.endIndex, isDigit(b[i + 1]), isDigit(b[i + 2]), isDigit(b[i + 3]) else { return false }
        return i + 4 >= b.endIndex || !isDigit(b[i + 4])
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Whether a figure may end with this character: a digit, a per cent sign or a closing
    /// bracket ("7,817", "-46.32%", "(2)").
    @inline(__always) static func endsFigure(_ c: UInt8) -> Bool { isDigit(c) || c == 0x25 || c == 0x29 }

    /// Figures per word above which a text is a templated report (earnings, weather, scores,
    /// price notices: a figure every few words) rather than prose that mentions numbers (news
    /// prose stays under one in twenty words in nine articles of ten, under one in ten in 99).
    public static let reportDensity = 0.08

    /// A text of at most this many words is a short notice: a price posting or a weather line
    /// with a figure in every sentence reads as a report at `shortReportDensity`.
    public static let shortReportWords = 160.0
    /// Figures per word above which a short text is a report.
    public static let shortReportDensity = 0.05

    /// Characters per word in scripts written without spaces: a Chinese word is one to two
    /// characters, 1.6 on average in news text, so 230 characters of an earnings notice are
    /// some 145 words.
    public static let charactersPerWord = 1.6

    /// Words of a text of `tokens` tokens, `ideographs` of them characters of unspaced scripts:
    /// its space-separated words and numbers, and those characters by `charactersPerWord`, so
    /// figure density reads the same in Chinese and English.
    public static func words(tokens: Int, ideographs: Int) -> Double {
        let ideographs = Double(min(ideographs, tokens))
        return Double(tokens) - ideographs + ideographs / charactersPerWord
    }

    /// Words of a fingerprinted text (`words(tokens:ideographs:)`).
    public static func words(_ f: Fingerprint) -> Double {
        words(tokens: f.tokens, ideographs: f.ideographs)
    }

    /// Words above which a line is a paragraph: a report's lines are rows of a table or items
    /// of a list (5 to 25 words), a news paragraph runs to 50 and more.
    public static let paragraphWords = 30.0

    /// Words above which a text is no templated report, however dense its figures: reports on a
    /// template are short (an earnings table, a forecast, a score: 20 to 250 words); a long
    /// text full of numbers is a document (a book's contents, a data appendix) whose copies may
    /// well be retitled.
    public static let reportMaxWords = 500.0

    /// Share of tokens in paragraphs below which a text is laid out as a report (rows, items).
    public static let reportParagraphShare = 0.5

    /// Words up to which a notice of a few rows is a report with two figures ("Qtly div 54 cts vs
    /// 54 cts prior / Pay Oct 25"), at `reportDensity`; longer texts need three.
    public static let tinyReportWords = 30.0

    /// Whether a fingerprint reads as a templated report: at least three figures (two in a
    /// notice of a few rows, `tinyReportWords`), densely (a
    /// short notice at a lower density: four figures in seventy words is a price posting), and
    /// most of it in short lines, not paragraphs (`Fingerprint.paragraphTokens`: data news full
    /// of statistics is prose, whose reposts change a figure as any edit does), and short
    /// (`reportMaxWords`).
    public static func isReport(_ f: Fingerprint) -> Bool {
        // A table the analyzer kept the order of (`isTable`) is one, whatever its density.
        if !f.figureOrder.isEmpty { return true }
        let words = max(words(f), 1), n = Double(f.figures.count)
        guard f.figures.count >= 3 || (f.figures.count == 2 && words <= tinyReportWords),
              Double(f.paragraphTokens) < Double(f.tokens) * reportParagraphShare, words <= reportMaxWords else { return false }
        return n >= words * reportDensity
            || (words <= shortReportWords && f.figures.count >= 4 && n >= words * shortReportDensity)
    }

    /// Whether a text is as short as a notice (`shortReportWords`).
    public static func isShort(_ f: Fingerprint) -> Bool { words(f) <= shortReportWords }

    /// Whether a short text laid out in rows states a figure beside a name as densely as a report
    /// states figures (`reportDensity`), counting each figure where it stands (`FigureLines`'
    /// entries of figures with the names beside them): a results table repeating its scores
    /// ("Oxley Town 0 Porthaven Town 0 / Newhaven United 0 Carrow Town 0") states two distinct
    /// figures, yet one for every team. Read once, by analysis (`isReport` reads the order it keeps).
    public static func isTable(_ f: Fingerprint) -> Bool {
        let words = max(words(f), 1)
        guard !f.figures.isEmpty, words <= shortReportWords, Double(f.paragraphTokens) < Double(f.tokens) * reportParagraphShare else { return false }
        let placed = f.figureLines.reduce(0) { $0 + (FigureLines.isFigureEntry($1) ? 1 : 0) }
        return placed >= 4 && Double(placed) >= words * reportDensity
    }

    /// Figures per word from which a short text whose lines run together is a report: twice
    /// `reportDensity`, a figure every six words.
    public static let runOnReportDensity = 0.16

    /// Figures per word from which a short text only partly in paragraphs is a report whose lines
    /// run together: one and a half times `reportDensity`, a figure every eight words (a match
    /// report's opening sentence and its scorers' list of minutes run as paragraphs, its
    /// statistics lines stay rows).
    public static let partlyRunOnReportDensity = 0.12

    /// Whether a short text is a report whose lines were run together (a score and its
    /// scorers' minutes in one paragraph, a forecast a listing glued into one line): not laid
    /// out as one (`isReport`), yet a figure every six words or denser, however much of it runs
    /// in paragraphs (news prose states a figure every twenty words), or every eight words where
    /// it keeps some rows (under `proseParagraphShare` in paragraphs). Two such texts are compared
    /// as reports; the text keeps no figure order or lines (run together, a report's lines are
    /// no longer its rows).
    public static func isRunOnReport(_ f: Fingerprint) -> Bool {
        let words = max(words(f), 1)
        guard f.figures.count >= 3, words <= shortReportWords, Double(f.paragraphTokens) >= Double(f.tokens) * reportParagraphShare else {
            return false
        }
        let density = isProse(f) ? runOnReportDensity : partlyRunOnReportDensity
        return Double(f.figures.count) >= words * density
    }

    /// Whether a short text that runs in paragraphs states figures as densely as a laid-out
    /// report (`reportDensity`): beside a report in rows, it is that report with its lines glued
    /// together ("High 94F (34C). Winds S at 12mph.Tonight: … Low 84F.Monday: …", which repeats
    /// a figure and so stays under `runOnReportDensity`); news prose states a figure every twenty words.
    public static func isGluedReport(_ f: Fingerprint) -> Bool {
        let words = max(words(f), 1)
        return f.figures.count >= 3 && words <= shortReportWords && Double(f.figures.count) >= words * reportDensity
    }

    /// Stories (pages of other headlines) that must hold a line for it to be a template's.
    public static let templateStories = 3

    /// Share of a text's tokens in template lines (`Fingerprint.templateTokens`) from which it is
    /// a filled-in template.
    public static let templatedShare = 1.0 / 3.0

    /// Whether a text is mostly a template's sentences, filled in with figures and names (a stock
    /// exchange notice, a price posting in sentences): its copies state its figures, and a text on
    /// the same template with other figures is another notice, even where it runs in paragraphs.
    /// Titled texts only: an untitled page's story is its longest line, so its reposts would
    /// count as other stories.
    public static func isTemplated(_ f: Fingerprint) -> Bool {
        !f.title.isEmpty && !f.figures.isEmpty && Double(f.templateTokens) >= Double(f.tokens) * templatedShare
    }

    /// Share of tokens in paragraphs from which a text is prose whatever its figures: a
    /// report copied with its line breaks collapsed keeps some short lines; news keeps few.
    public static let proseParagraphShare = 0.8

    /// Whether a fingerprint runs in paragraphs (`proseParagraphShare` of its tokens).
    public static func isProse(_ f: Fingerprint) -> Bool {
        f.paragraphTokens > 0 && Double(f.paragraphTokens) >= Double(f.tokens) * proseParagraphShare
    }

    /// Whether two texts' figures say they are different reports. In a templated report the
    /// figures are the content: any of them missing makes another report. In prose, a
    /// changed number or two is an edit; it takes three or more missing figures, and fewer than
    /// `minShared` of the smaller set (of `a`'s, when `aInB`) shared, to call them different.
    public static func differ(_ a: [UInt64], _ b: [UInt64], aInB: Bool, minShared: Double, report: Bool = false) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let shared = SketchOverlap.intersection(a, b)
        let missing = aInB ? a.count - shared : max(a.count, b.count) - shared
        guard missing > 0 else { return false }
        // In a report the figures are the content: one changed figure makes another report
        // ("第1场" / "第2场", this quarter's sales / last quarter's), at most worth a review.
        if report { return true }
        guard missing >= 3 else { return false }
        let base = Double(aInB ? a.count : min(a.count, b.count))
        return Double(shared) < base * minShared
    }

    /// Whether two headlines state different figures ("第1场" and "第2场"): both state some and
    /// share none.
    public static func headlinesDiffer(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        !a.isEmpty && !b.isEmpty && SketchOverlap.intersection(a, b) == 0
    }
}
