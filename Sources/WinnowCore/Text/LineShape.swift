/// Facts about one normalized line that furniture detectors use: how much text it holds, how it
/// ends, whether it is cut off, whether it is a date or a breadcrumb. Computed from normalized
/// UTF-8 in one pass, without Unicode property lookups.
public struct LineShape: Sendable, Equatable {
    /// Han/kana/Hangul characters.
    public var ideographs = 0
    /// Kana among them (Japanese writes them beside Han characters).
    public var kana = 0
    /// Hangul syllables and letters among them (Korean).
    public var hangul = 0
    /// Words of space-separated scripts (runs of letters and digits).
    public var words = 0
    /// Letters among word characters (digits excluded).
    public var letters = 0
    /// Ends with sentence-final punctuation (。.!?;" ” ）…).
    public var endsWithTerminal = false
    /// Starts with an ellipsis (... … ⋯).
    public var leadingEllipsis = false
    /// Ends with an ellipsis.
    public var trailingEllipsis = false
    /// Ends with a colon: a label waiting for a value.
    public var endsWithColon = false
    /// Announces what follows: ends with a colon, or `announcesFigure`.
    public var introducesNext = false
    /// Announces a figure or result: ends with "如下", "所示", "如图", "下图", "below" or
    /// "following" (a full stop or colon after them allowed), as a line above its screenshots does.
    public var announcesFigure = false
    /// Holds a date (2023-06-04, 2023/6/4, 2023年6月4日) or a clock time (19:49).
    public var hasDate = false
    /// Holds a date of the calendar, not only a clock time: a page's stamp ("2023-06-04 19:49")
    /// where a forecast's "Sunrise 7:52 a.m." states a figure.
    public var hasCalendarDate = false
    /// Holds nothing but dates, times and their separators.
    public var dateOnly = false
    /// Number of breadcrumb/menu separators (> › » | / • ·) surrounded by short segments.
    public var separators = 0
    /// Starts with a bullet (• · ▪ ◦ - *).
    public var bulleted = false
    /// Clause punctuation inside the line (，,、。；; and ". "): prose has it, titles and menus rarely do.
    public var innerPunctuation = 0
    /// Runs of digits: the numbers the line states.
    public var digitRuns = 0
    /// The line's key for cross-document statistics: digit runs masked (a date line keys the
    /// same on every page), except on lines that state figures (`statesFigures`), whose numbers count.
    public var key: UInt64 = 0
    /// The line's key with its digit runs masked whether or not it states figures: the sentence a
    /// template fills in, whatever its numbers (`FigureSentences`).
    public var maskedKey: UInt64 = 0

    /// Text size in character-equivalents: ideographs count 1, words 3/2.
    public var size: Int { ideographs + (words * 3) / 2 }
    /// States figures other than a calendar date: the content of a templated report ("Net
    /// 807,000 vs 2,858,000", "Sunrise 5:15 a.m., sunset 6:25 p.m."), which its site's other
    /// reports share only with other numbers.
    public var statesFigures: Bool { digitRuns >= 2 && !hasCalendarDate }
    /// Keys on its figures (`key`): a line stating figures, or a sentence stating one ("今天夜间，
    /// 晴，最低气温14℃。", one row of a templated forecast whose other cities' reports share it with
    /// other numbers) or announcing what follows with one ("职业篮球联赛第30轮比赛结果如下：", the
    /// round a results table is of), where a counter ("阅读 335", "Views: 399") is neither and a
    /// date none.
    public var keysFigures: Bool { statesFigures || (digitRuns == 1 && isStatement && !hasDate) }
    /// Ends as a sentence does, or as a line announcing what follows (`introducesNext`).
    public var isStatement: Bool { endsWithTerminal || introducesNext }
    /// Whether the line has no text at all.
    public var isBlank: Bool { ideographs == 0 && words == 0 }
    /// Cut off at either end.
    public var isTruncated: Bool { leadingEllipsis || trailingEllipsis }

    /// Creates an empty shape.
    public init() {}

    /// Measures a normalized line.
    public init(normalized bytes: some Collection<UInt8>) {
        self.init()
        if bytes.withContiguousStorageIfAvailable({ measure($0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { measure($0) }
        }
    }

    /// Sentence-final punctuation: . ! ? ; " ' ) 。 ｡ ” ’ 」 』 » ؟ ۔ । ॥ (not 】 or 》: headlines end so)
    private static func isTerminal(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x3B, 0x22, 0x27, 0x29, 0x3002, 0xFF61, 0x201D, 0x2019, 0x300D, 0x300F,
             0xBB, 0x061F, 0x06D4, 0x0964, 0x0965: return true
        default: return false
        }
    }

    /// Breadcrumb and menu separators: > › » | / • · → ▸ ▶
    private static func isSeparator(_ v: UInt32) -> Bool {
        switch v {
        case 0x3E, 0x203A, 0xBB, 0x7C, 0x2F, 0x2022, 0xB7, 0x2192, 0x25B8, 0x25B6: return true
        default: return false
        }
    }

    /// Bullets: • · ▪ ◦ - * ● ■
    private static func isBullet(_ v: UInt32) -> Bool {
        switch v {
        case 0x2022, 0xB7, 0x25AA, 0x25E6, 0x2D, 0x2A, 0x25CF, 0x25A0: return true
        default: return false
        }
    }

    /// What may stand in a date or time besides digits: - / : . 年 月 日 时 分 秒 년 월 일 시 분, space, T Z + t z.
    private static func isDateMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2F, 0x3A, 0x2E, 0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5206, 0x79D2, 0x20, 0x54, 0x5A, 0x2B, 0x74, 0x7A,
             0xB144, 0xC6D4, 0xC77C, 0xC2DC, 0xBD84: return true  // 년 월 일 시 분
        default: return false
        }
    }

    private mutating func measure(_ b: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: b.count + 1) { scalarBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * b.count + 1) { maskedBuffer in
                withUnsafeTemporaryAllocation(of: DigitRun.self, capacity: Self.maxDigitRuns) { runs in
                    measure(b, scalars: scalarBuffer, masked: maskedBuffer, runs: runs)
                }
            }
        }
    }

    /// Where a run of digits stands in the masked text and how many digits it had.
    private struct DigitRun {
        var position: Int
        var length: Int
    }

    /// "Read more" words that listings put where they cut a text: "(more)", "更多>>", "…全文",
    /// "[详细]", "read more", "continue reading" (normalized: lower case, full-width folded).
    private static let cutWords: [[UInt32]] = ["more", "read more", "continue reading", "全文", "阅读全文", "查看全文", "更多", "详细", "详情", "閱讀全文"]
        .map { $0.unicodeScalars.map(\.value) }

    /// Whether the line ends with a cut marker: an ellipsis inside brackets ("[...]", "(…)") or a
    /// read-more word behind brackets, arrows or an ellipsis ("(more)", "更多>>", "…全文").
    static func endsWithCutMarker<C: RandomAccessCollection>(_ s: C) -> Bool where C.Element == UInt32, C.Index == Int {
        cutMarkerStart(s) != nil
    }

    /// Where the line's cut marker (`endsWithCutMarker`) begins, with the brackets, ellipsis and
    /// spaces that go with it; nil when the line ends with none.
    static func cutMarkerStart<C: RandomAccessCollection>(_ s: C) -> Int? where C.Element == UInt32, C.Index == Int {
        var end = s.endIndex
        func isClose(_ v: UInt32) -> Bool { v == 0x5D || v == 0x29 || v == 0x3011 || v == 0x300B || v == 0x3E || v == 0xBB || v == 0x203A || v == 0x20 }
        func isOpen(_ v: UInt32) -> Bool { v == 0x5B || v == 0x28 || v == 0x3010 || v == 0x300A || v == 0x20 }
        func isDot(_ v: UInt32) -> Bool { v == 0x2E || v == 0x2026 || v == 0x22EF || v == 0x3002 }
        var closers = 0
        while end > s.startIndex && isClose(s[end - 1]) { end -= 1; if s[end] != 0x20 { closers += 1 } }
        var dots = 0
        while end > s.startIndex && isDot(s[end - 1]) { end -= 1; dots += 1 }
        // "[...]", "(…)": an ellipsis in brackets.
        if dots >= 1 && closers >= 1 && end > s.startIndex && isOpen(s[end - 1]) { return end - 1 }
        guard dots == 0 else { return nil }
        for word in cutWords where end - s.startIndex > word.count && s[(end - word.count)..<end].elementsEqual(word) {
            var k = end - word.count
            // A bare word is text ("one more"): it needs an opening bracket, an ellipsis or closing arrows.
            let before = s[k - 1]
            if isOpen(before) && before != 0x20 { return k - 1 }
            while k > s.startIndex && s[k - 1] == 0x20 { k -= 1 }
            if k > s.startIndex && isDot(s[k - 1]) && s[k - 1] != 0x3002 {
                while k > s.startIndex && isDot(s[k - 1]) { k -= 1 }
                return k
            }
            if closers >= 1 && s[end...].contains(where: { $0 == 0x3E || $0 == 0xBB || $0 == 0x203A }) { return end - word.count }
        }
        return nil
    }

    /// A normalized line without its cut marker ("(more)", "更多>>", "…全文", "[...]"): the text
    /// the listing took from its article, as UTF-8. The line itself when it ends with none.
    public static func withoutCutMarker(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        guard let start = cutMarkerStart(scalars.map(\.value)) else { return line }
        return line.prefix(scalars[..<start].reduce(0) { $0 + UTF8.width($1) })
    }

    /// Words that end a line announcing what follows (normalized: lower case).
    private static let announcements: [[UInt32]] = ["如下", "所示", "如图", "下图", "見下", "见下", "below", "following"]
        .map { $0.unicodeScalars.map(\.value) }

    /// Whether the line ends with an announcement word, a full stop or colon after it allowed.
    static func endsWithAnnouncement<C: RandomAccessCollection>(_ s: C) -> Bool where C.Element == UInt32, C.Index == Int {
        var end = s.endIndex
        while end > s.startIndex && (s[end - 1] == 0x3002 || s[end - 1] == 0x2E || s[end - 1] == 0x20 || s[end - 1] == 0x3A) { end -= 1 }
        return announcements.contains { w in end - s.startIndex >= w.count && s[(end - w.count)..<end].elementsEqual(w) }
    }

    /// Digit runs remembered per line for date checks (dates stand early in a line).
    private static let maxDigitRuns = 16

    private mutating func measure(_ b: UnsafeBufferPointer<UInt8>, scalars buffer: UnsafeMutableBufferPointer<UInt32>,
                                  masked maskedBuffer: UnsafeMutableBufferPointer<UInt8>, runs: UnsafeMutableBufferPointer<DigitRun>) {
        var count = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            var v: UInt32, len: Int
            if c < 0x80 { v = UInt32(c); len = 1 }
            else if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); len = 2 }
            else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); len = 3 }
            else if c & 0xF8 == 0xF0 { v = UInt32(c & 0x07); len = 4 }
            else { i += 1; continue }
            if i + len > b.count { break }
            for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
            i += len
            buffer[count] = v
            count += 1
        }
        let scalars = UnsafeBufferPointer(rebasing: buffer[0..<count])
        // Trim spaces (ASCII, ideographic, no-break) at both ends.
        func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x0D || v == 0x3000 || v == 0xA0 || v == 0xFEFF }
        var lo = 0, hi = scalars.count
        while lo < hi && isSpace(scalars[lo]) { lo += 1 }
        while hi > lo && isSpace(scalars[hi - 1]) { hi -= 1 }
        let s = scalars[lo..<hi]
        guard !s.isEmpty else { key = StableHash.fnv1a([UInt8]()); return }

        // Ellipses: "..." (NFKC of …), "⋯", "…" (kept by some inputs), also "。。。".
        func isDot(_ v: UInt32) -> Bool { v == 0x2E || v == 0x2026 || v == 0x22EF || v == 0x3002 }
        var lead = 0
        for v in s { if isDot(v) { lead += 1 } else { break } }
        var trail = 0
        for v in s.reversed() { if isDot(v) { trail += 1 } else { break } }
        func single(_ v: UInt32) -> Bool { v == 0x2026 || v == 0x22EF }
        leadingEllipsis = lead >= 3 || (lead >= 1 && single(s[s.startIndex]))
        trailingEllipsis = trail >= 3 || (trail >= 1 && single(s[s.index(before: s.endIndex)])) || Self.endsWithCutMarker(s)
        if let last = s.last {
            endsWithTerminal = Self.isTerminal(last) && !trailingEllipsis
            endsWithColon = last == 0x3A
            announcesFigure = Self.endsWithAnnouncement(s)
            introducesNext = endsWithColon || announcesFigure
        }
        // "- " and "* " open Markdown list items (article content); menus use • · ▪ and the like.
        let first = s[s.startIndex]
        let markdownItem = (first == 0x2D || first == 0x2A) && s.count > 1 && s[s.index(after: s.startIndex)] == 0x20
        bulleted = Self.isBullet(first) && !markdownItem

        // Words, ideographs, separators, the digit-masked key and date patterns, in one pass.
        var keyHash = StableHash.fnvOffset
        var figureHash = StableHash.fnvOffset
        var inWord = false, inDigits = false
        var segment = 0, shortSegments = 0, separatorsSeen = 0
        var m = 0
        // Where the first digit runs stand in the masked text and how long they are, for dates.
        var runCount = 0
        var nonDateText = false
        var previous: UInt32 = 0
        for v in s {
            // Fast path for the common case, a Han character other than the date marks 年月日时分秒.
            if v >= 0x4E00 && v <= 0x9FFF && v != 0x5E74 && v != 0x6708 && v != 0x65E5 && v != 0x65F6 && v != 0x5206 && v != 0x79D2 {
                previous = v
                ideographs += 1
                inWord = false
                inDigits = false
                segment += 1
                nonDateText = true
                maskedBuffer[m] = 0
                maskedBuffer[m + 1] = UInt8(truncatingIfNeeded: v >> 8)
                maskedBuffer[m + 2] = UInt8(truncatingIfNeeded: v)
                m += 3
                continue
            }
            if v == 0xFF0C || v == 0x2C || v == 0x3001 || v == 0x3002 || v == 0xFF1B || v == 0x3B || v == 0x060C || v == 0x061B
                || (v == 0x20 && previous == 0x2E) {
                innerPunctuation += 1
            }
            let arrowTail = previous
            previous = v
            let isDigit = v >= 0x30 && v <= 0x39
            let isAsciiLetter = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
            let cls: TokenClass = v < 0x80 ? ((isDigit || isAsciiLetter) ? .word : .separator) : TokenClass.of(scalar: v)
            switch cls {
            case .word:
                if !inWord { words += 1; inWord = true; segment += 1 }
                if !isDigit { letters += 1 }
            case .ideograph:
                ideographs += 1
                if v >= 0x3040 && v <= 0x30FF { kana += 1 } else if (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0x3130 && v <= 0x318F) { hangul += 1 }
                inWord = false
                segment += 1
            case .separator:
                // A slash right after a letter, digit, slash or colon joins a path, a web address
                // or a fraction ("/api/v1/items", "https://", "1/2"); between words it separates a menu.
                // "->" and "=>" are arrows of a click path in a sentence, not a breadcrumb's ">".
                let joins = (v == 0x2F && inWord) || (v == 0x3E && (arrowTail == 0x2D || arrowTail == 0x3D))
                inWord = false
                if Self.isSeparator(v) && !joins {
                    separatorsSeen += 1
                    if segment > 0 && segment <= 12 { shortSegments += 1 }
                    segment = 0
                }
            }
            if !isDigit && !Self.isDateMark(v) { nonDateText = true }
            // Key: digits runs become one "0", spaces vanish.
            if isDigit {
                figureHash = (figureHash ^ UInt64(v)) &* StableHash.fnvPrime
                if !inDigits {
                    figureHash = (figureHash ^ 0x2F) &* StableHash.fnvPrime
                    digitRuns += 1
                    maskedBuffer[m] = 0x30
                    if runCount < runs.count { runs[runCount] = DigitRun(position: m, length: 1); runCount += 1 }
                    m += 1
                    inDigits = true
                } else if runCount > 0 && runs[runCount - 1].position == m - 1 {
                    runs[runCount - 1].length += 1
                }
                continue
            }
            inDigits = false
            if isSpace(v) { continue }
            if v < 0x80 { maskedBuffer[m] = UInt8(v); m += 1 } else {
                maskedBuffer[m] = UInt8(truncatingIfNeeded: v >> 16)
                maskedBuffer[m + 1] = UInt8(truncatingIfNeeded: v >> 8)
                maskedBuffer[m + 2] = UInt8(truncatingIfNeeded: v)
                m += 3
            }
        }
        if segment > 0 && segment <= 12 && separatorsSeen > 0 { shortSegments += 1 }
        separators = shortSegments > separatorsSeen ? separatorsSeen : shortSegments
        let masked = UnsafeBufferPointer(rebasing: maskedBuffer[0..<m])
        keyHash = StableHash.fnv1a(masked, seed: keyHash)
        maskedKey = keyHash
        (hasDate, hasCalendarDate) = Self.containsDate(masked, runs: UnsafeBufferPointer(rebasing: runs[0..<runCount]))
        dateOnly = hasDate && !nonDateText
        // Dates and counters vary from page to page of a template; figures are a report's content:
        // a line stating figures keys on them too, so only the same figures recur (a promo's price).
        key = keysFigures ? StableHash.combine(keyHash, figureHash) : keyHash
    }

    /// Looks for 0-0-0, 0/0/0, 0.0.0, 0年0月, 0月0日 and 0:0 in the masked text, with digit
    /// counts that dates have: a four-digit year first or last (a version such as 2.5.33 is no
    /// date), minutes of two digits (TOP1:5000 is no time).
    /// Returns whether any date or time stands in the line, and whether a calendar date does.
    private static func containsDate(_ m: UnsafeBufferPointer<UInt8>, runs: UnsafeBufferPointer<DigitRun>) -> (any: Bool, calendar: Bool) {
        let n = m.count
        guard n >= 3 else { return (false, false) }
        var clock = false
        func length(at i: Int) -> Int? { runs.first { $0.position == i }?.length }
        // 年 月 日 in the masked encoding (three bytes per non-ASCII scalar).
        func at(_ i: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool { i + 2 < n && m[i] == a && m[i + 1] == b && m[i + 2] == c }
        for r in runs {
            let i = r.position
            if i + 4 < n && m[i + 2] == 0x30 && m[i + 4] == 0x30 && m[i + 1] == m[i + 3] && (m[i + 1] == 0x2D || m[i + 1] == 0x2F || m[i + 1] == 0x2E) {
                let middle = length(at: i + 2) ?? 0, last = length(at: i + 4) ?? 0
                let yearFirst = r.length == 4 && last <= 2, yearLast = last == 4 && r.length <= 2
                let short = m[i + 1] != 0x2E && r.length <= 2 && last <= 2
                if middle <= 2 && (yearFirst || yearLast || short) { return (true, true) }
            }
            if i + 2 < n && m[i + 1] == 0x3A && m[i + 2] == 0x30 && r.length <= 2 && length(at: i + 2) == 2 { clock = true }
            if at(i + 1, 0x00, 0x5E, 0x74) && i + 4 < n && m[i + 4] == 0x30 && (r.length == 4 || r.length == 2) { return (true, true) }
            if at(i + 1, 0x00, 0x67, 0x08) && i + 4 < n && m[i + 4] == 0x30 && at(i + 5, 0x00, 0x65, 0xE5) && r.length <= 2 { return (true, true) }
            // Korean: 0년0월, 0월0일
            if at(i + 1, 0x00, 0xB1, 0x44) && i + 4 < n && m[i + 4] == 0x30 { return (true, true) }
            if at(i + 1, 0x00, 0xC6, 0xD4) && i + 4 < n && m[i + 4] == 0x30 && at(i + 5, 0x00, 0xC7, 0x7C) { return (true, true) }
        }
        return (clock, false)
    }
}
