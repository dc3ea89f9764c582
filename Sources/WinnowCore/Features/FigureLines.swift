/// A report's lines keyed by their figures (`Fingerprint.figureLines`): two reports on one
/// template whose lines state the same figures in other words ("进球：杨帆（第32分钟）" /
/// "进球：刘子轩（第32分钟）", "证券简称：永兴物流" / "证券简称：明德物流", "重庆海港 1:1 大连锋范" /
/// "广州海港 1:1 大连锋范") are two reports, while a copy's lines with those figures read the same,
/// whatever its spacing, punctuation or script (the text is normalized: Traditional characters
/// and full-width forms are folded already).
///
/// Each entry packs the hash of the line's figures in context, in order, in its high 32 bits;
/// below them, 16 bits of the words from its first digit to its last (letters, digits and characters
/// other than punctuation and spaces), then 8 bits each of the name before the first figure and
/// after the last (`name`; 0 where the line says too little there to tell). Lines stating fewer
/// than `minFigures` figures say too little.
///
/// Each figure of every line, keyed or not, has an entry of its own too (`figureSeed`): the hash
/// of the figure in its high 32 bits, no words, and the names before and after it. A copy whose listing ran a
/// results table's rows together ("Morcombe Town 2 Glenbrook Town 2 Glenbrook Rovers 0 …") keys
/// no line as the table does, yet names the same teams beside each score; its twin naming
/// "Harwick Town" beside the same score does not, and a price that "上涨14.4%" is not one that
/// "下跌14.4%".
///
/// A line that runs labelled rows together is read as those rows (`rows(of:)`): a repost that
/// joined "Attendance: 7,817" and "Referee: Mensah (Brackley)" keys them as its twin's lines.
///
/// The fields a line opens with before its figures ("联系人：李承泽，联系电话：…") are keyed by label and
/// the line's figures, with the value's words below (`fields`): a notice naming another contact.
///
/// A line without figures is keyed by the names it opens and ends with (`wordLineSeed`), with its
/// words below: a twin that names another team in the middle ("Postponed: Harwick Rovers v
/// Porthaven United" / "Postponed: Dunmore Rovers v Porthaven United") says other words under
/// the same key, while a note a copy adds keys nothing of the report's.
public enum FigureLines {
    /// Figures a line must state to be keyed.
    public static let minFigures = 2

    /// Seed of the figures' own entries, apart from the lines' keys.
    static let figureSeed = StableHash.fnv1a("figure-names:")

    /// Seed of the keys of lines that state no figures.
    static let wordLineSeed = StableHash.fnv1a("figure-lines-words:")

    /// Entries per text at most (a report has tens; a long form's first lines say enough).
    public static let limit = 256

    /// Sorted, distinct entries for the lines (normalized UTF-8 chunks), those that state figures
    /// and their figures, and those that state none, the first `limit` of them.
    public static func of(lines: [ArraySlice<UInt8>]) -> [UInt64] {
        var out: [UInt64] = []
        for line in lines.flatMap(rows(of:)) where out.count < limit {
            let numbers = Figures.numbers(in: line)
            if numbers.isEmpty {
                // A line without figures is keyed by the words it opens and ends with, so a twin's
                // line naming another team between them ("Postponed: Harwick Rovers v Porthaven
                // United" / "Postponed: Dunmore Rovers v …") says other words under that key.
                // Past the brackets and marks that open or close it ("Referee: Fischer (Dunmore)").
                let inner = trimmed(line)
                // Its tail is its last word, where a word ends it ("… v Lowfield Town" / "… v
                // Elmsworth Town" share the key and differ in words).
                let head = name(inner, backwards: false, overBrackets: false)
                let tail = name(inner, backwards: true, overBrackets: false, lastWord: true)
                guard head != 0 && tail != 0 else { continue }
                let key = StableHash.combine(wordLineSeed, head << 8 | tail) >> 32
                out.append(key << 32 | (words(of: line) & 0xFFFF) << 16)
                continue
            }
            // The names beside each figure; the line's are those before its first and after its last.
            let names = numbers.map { n in
                let before = measuredName(line[..<n.span.lowerBound], backwards: true)
                let after = name(line[n.span.upperBound...], backwards: false)
                // A clause's end says where a figure stands only after a name in full (not a
                // short word that a sentence's start, or a line's, may have cut: "… Low 74F.").
                return (before: before.name, after: after == clauseEnd && before.units < nameUnits ? 0 : after)
            }
            for (n, beside) in zip(numbers, names) where out.count < limit {
                // Kept with no name on either side too: it stands for a figure stated there, which
                // a copy that ran that line into the next names ("Pay July 27" / "… 27 Record Oct").
                out.append((StableHash.combine(figureSeed, n.figure) >> 32) << 32 | beside.before << 8 | beside.after)
            }
            // The fields the line opens with ("联系人：李承泽，联系电话：13345331399"), under its figures.
            if let first = numbers.first {
                let stated = numbers.reduce(fieldSeed) { StableHash.combine($0, $1.figure) }
                for entry in fields(in: line[..<first.span.lowerBound], figures: stated) where out.count < limit { out.append(entry) }
            }
            guard numbers.count >= minFigures, let first = numbers.first, let last = numbers.last,
                  let named = names.first?.before, let after = names.last?.after else { continue }
            // The row's name in full where the line opens with it (`fullName`).
            let before = fullName(before: line[..<first.span.lowerBound]) ?? named
            var figures = StableHash.fnvOffset
            for f in Figures.stated(in: [line]).order { figures = StableHash.combine(figures, f) }
            let words = words(of: line[first.span.lowerBound..<last.span.upperBound]) & 0xFFFF
            out.append(figures << 32 | words << 16 | before << 8 | after)
        }
        out.sort()
        out.dedupe()
        return out
    }

    /// A line's rows: a line that runs labelled rows together ("attendance: 7,817 referee: mensah
    /// (brackley)", "… 2 (2)scorers: …") is cut before each label (a word of three letters or
    /// more right before a colon and a space) that comes straight after a figure, so its rows
    /// key as the rows of a report laid out line by line do. A label of several words ("… low
    /// 64f. chance of precipitation: 20%") cuts nothing: where it starts, words cannot tell.
    static func rows(of line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = line.startIndex
        var i = line.startIndex
        while i < line.endIndex {
            guard isLetter(line[i]) else { i += 1; continue }
            var j = i
            while j < line.endIndex && isLetter(line[j]) { j += 1 }
            if j - i >= 3, j + 1 < line.endIndex, line[j] == 0x3A, line[j + 1] == 0x20, afterFigure(line[start..<i]) {
                out.append(line[start..<i])
                start = i
            }
            i = j
        }
        out.append(line[start...])
        return out
    }

    /// Whether `head` ends with a figure (`Figures.endsFigure`) and a space, or a closing bracket
    /// ("7,817 ", "20% ", "(2)"); not a word a listing glued on ("72f.uv ").
    private static func afterFigure(_ head: ArraySlice<UInt8>) -> Bool {
        guard let last = head.last else { return false }
        if last == 0x29 { return true }
        guard last == 0x20, head.count >= 2 else { return false }
        return Figures.endsFigure(head[head.index(head.endIndex, offsetBy: -2)])
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Whether a line of `a` states the same figures as a line of `b` in other words, and no
    /// line of `b` says it in `a`'s words: other words among the figures, or another name beside
    /// them where both lines say one.
    public static func wordsReplaced(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        replaced(a, b) { _ in true }
    }

    /// Whether an entry of `a` that `entries` takes has a key that `b` holds among the entries it
    /// takes, and none of those says it in `a`'s words (`agree`).
    static func replaced(_ a: [UInt64], _ b: [UInt64], entries: (UInt64) -> Bool) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        for x in a where entries(x) {
            let key = x >> 32
            var i = SketchOverlap.lowerBound(b, key << 32)
            var keyed = false, same = false
            while i < b.count && b[i] >> 32 == key && !same {
                if entries(b[i]) {
                    keyed = true
                    same = agree(x, b[i])
                }
                i += 1
            }
            if keyed && !same { return true }
        }
        return false
    }

    /// Whether a figure of `a` stands where `b` states another: `b` has an entry of a figure
    /// with the same names on both sides (`name`: neither side too short to tell) but none of
    /// `a`'s figure with them ("职业篮球联赛第14轮比赛结果" / "…第16轮比赛结果", whatever either
    /// headline says). A copy states its figures beside the same names; a line cut at a figure
    /// names nothing after it.
    public static func figureReplaced(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        // `b`'s figures' own entries that name both sides, by those names.
        var names: [UInt64] = []
        for y in b where isFigureEntry(y) && namesBothSides(y) { names.append((y & 0xFFFF) << 32 | y >> 32) }
        guard !names.isEmpty else { return false }
        names.sort()
        for x in a where isFigureEntry(x) && namesBothSides(x) {
            let i = SketchOverlap.lowerBound(names, (x & 0xFFFF) << 32)
            guard i < names.count, names[i] >> 32 == x & 0xFFFF else { continue }
            let j = SketchOverlap.lowerBound(b, x)
            if j == b.count || b[j] != x { return true }
        }
        return false
    }

    /// Whether an entry is a figure's own (no words: `of`), not a line's key.
    @inline(__always) static func isFigureEntry(_ x: UInt64) -> Bool { (x >> 16) & 0xFFFF == 0 }

    /// Whether an entry names both sides of its figure (or line), one of them by a name: a
    /// figure between two others ("2024-06-04", a row of prices) says nothing of where it stands.
    @inline(__always) static func namesBothSides(_ x: UInt64) -> Bool {
        let (before, after) = ((x >> 8) & 0xFF, x & 0xFF)
        return before != 0 && after != 0 && (before != nextFigure || after != nextFigure)
    }

    /// The name of a side where another figure stands next, over spaces and brackets or a score's
    /// separator ("Kingsbury United 4 (0)", "厦门猎豹 3:2 郑州猎豹"): the figure is whole, and its
    /// name on the other side tells where it stands.
    static let nextFigure: UInt64 = 0x2E

    /// The name after a figure that punctuation closes (`name`).
    static let clauseEnd: UInt64 = 0x2F

    /// Whether two entries of one key say the line in the same words: the same words among the
    /// figures, and the same names beside them where both say one.
    static func agree(_ x: UInt64, _ y: UInt64) -> Bool {
        guard (x >> 16) & 0xFFFF == (y >> 16) & 0xFFFF else { return false }
        let (bx, by) = ((x >> 8) & 0xFF, (y >> 8) & 0xFF), (ax, ay) = (x & 0xFF, y & 0xFF)
        return (bx == 0 || by == 0 || bx == by) && (ax == 0 || ay == 0 || ax == ay)
    }

    /// Letters (one unit each) and characters of unspaced scripts (two each) that make a name
    /// beside a figure: a team, a company ("重庆海港", "Harwick Rovers"). A label is shorter
    /// ("Shr", "Net", "证券代码"), and so is what a cut or a joined line leaves.
    public static let nameUnits = 8

    /// Units of a name that punctuation closes ("暂列积分榜第6位。", "(第32分钟)"): a word a
    /// sentence or a bracket ends is said in full, where a line's end may be a cut's.
    public static let closedNameUnits = 2

    /// 8 bits of the name next to a figure: the `nameUnits` units nearest to it, read from the
    /// figure outwards (`backwards` for the words before the first figure) over spaces and
    /// brackets (the scorer of "张浩然（第70分钟）"; not `overBrackets` for a line's own names) and,
    /// before it, a label's colon ("证券代码：914922", read to the line's start as a whole label),
    /// up to punctuation or the line's end; fewer when punctuation closes them (`closedNameUnits`);
    /// `nextFigure` where another figure stands next; 0 when fewer stand there, or `clauseEnd`
    /// after a figure that punctuation closes. With `lastWord`, a word of three letters or more
    /// that a space closes is the whole name.
    static func name(_ side: ArraySlice<UInt8>, backwards: Bool, overBrackets: Bool = true, lastWord: Bool = false) -> UInt64 {
        measuredName(side, backwards: backwards, overBrackets: overBrackets, lastWord: lastWord).name
    }

    /// `name`, with the units it read.
    static func measuredName(_ side: ArraySlice<UInt8>, backwards: Bool, overBrackets: Bool = true,
                             lastWord: Bool = false) -> (name: UInt64, units: Int) {
        var h = StableHash.fnvOffset, units = 0, closed = false, labelSeen = false
        var i = backwards ? side.endIndex : side.startIndex
        while units < nameUnits {
            var start = i, end = i
            if backwards {
                guard i > side.startIndex else { break }
                start = scalarStart(before: i, in: side, from: side.startIndex)
            } else {
                guard i < side.endIndex else { break }
                end = scalarEnd(from: i, in: side, to: side.endIndex)
            }
            let c = side[start]
            if c < 0x80 {
                let lower = c | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    h = (h ^ UInt64(lower)) &* StableHash.fnvPrime
                    units += 1
                } else if lastWord && c == 0x20 && units >= 3 {
                    closed = true
                    break
                } else if c != 0x20 && c != 0x09 && !(overBrackets && (c == 0x28 || c == 0x29 || c == 0x5B || c == 0x5D)) {
                    closed = isASCIIMark(c) && !isEllipsis(side, at: start, backwards: backwards)
                    if overBrackets && units == 0 && (Figures.isDigit(c) || ((c == 0x3A || c == 0x2D) && digitBeyond(side, start, backwards))) {
                        return (nextFigure, 0)
                    }
                    // A label's colon right before the figure: the label names it ("证券代码:914922").
                    if overBrackets && backwards && units == 0 && c == 0x3A && !labelSeen {
                        labelSeen = true
                        i = start
                        continue
                    }
                    break
                }
            } else if Figures.isPunctuation(side[start..<end]) {
                closed = !isEllipsis(side, at: start, backwards: backwards)
                break
            } else {
                for k in start..<end { h = (h ^ UInt64(side[k])) &* StableHash.fnvPrime }
                units += 2
            }
            i = backwards ? start : end
        }
        if units >= nameUnits || (closed && units >= closedNameUnits) { return (max(1, h & 0xFF), units) }
        // A figure that punctuation closes, past its unit at most ("最低气温23℃。", "上涨5.6%，"),
        // ends its clause: beside a name in full before it, that says where it stands (`of`).
        return (closed && !backwards ? clauseEnd : 0, units)
    }

    /// Where the UTF-8 scalar that ends at `i` starts (its lead byte), not before `lo`.
    @inline(__always) static func scalarStart(before i: Int, in s: ArraySlice<UInt8>, from lo: Int) -> Int {
        var start = i - 1
        while start > lo && s[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Where the UTF-8 scalar that starts at `i` ends, not past `hi`.
    @inline(__always) static func scalarEnd(from i: Int, in s: ArraySlice<UInt8>, to hi: Int) -> Int {
        var end = i + 1
        while end < hi && s[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// An ASCII character that is neither a letter nor a digit: punctuation, a space, a symbol.
    @inline(__always) static func isASCIIMark(_ c: UInt8) -> Bool {
        c < 0x30 || (c > 0x39 && c < 0x41) || (c > 0x5A && c < 0x61) || (c > 0x7A && c < 0x80)
    }

    /// Whether a digit stands next to the separator at `i`, read outwards over spaces ("1 : 1").
    static func digitBeyond(_ side: ArraySlice<UInt8>, _ i: Int, _ backwards: Bool) -> Bool {
        var k = backwards ? i - 1 : i + 1
        while k >= side.startIndex && k < side.endIndex && side[k] == 0x20 { k += backwards ? -1 : 1 }
        return k >= side.startIndex && k < side.endIndex && Figures.isDigit(side[k])
    }

    /// A line without the punctuation and spaces at either end.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi {
            if isASCIIMark(line[lo]) { lo += 1; continue }
            guard line[lo] >= 0xC0 else { break }
            let end = scalarEnd(from: lo, in: line, to: hi)
            guard Figures.isPunctuation(line[lo..<end]) else { break }
            lo = end
        }
        while hi > lo {
            if isASCIIMark(line[hi - 1]) { hi -= 1; continue }
            let start = scalarStart(before: hi, in: line, from: lo)
            guard Figures.isPunctuation(line[start..<hi]) else { break }
            hi = start
        }
        return line[lo..<hi]
    }

    /// Whether the punctuation at `i` opens an ellipsis read outwards ("...", "…", "。。。"): a
    /// cut, which closes no name.
    static func isEllipsis(_ side: ArraySlice<UInt8>, at i: Int, backwards: Bool) -> Bool {
        func dot(_ k: Int) -> (is: Bool, width: Int) {
            guard k >= side.startIndex && k < side.endIndex else { return (false, 1) }
            if side[k] == 0x2E { return (true, 1) }
            guard side[k] == 0xE2 || side[k] == 0xE3, k + 2 < side.endIndex else { return (false, 1) }
            let (b1, b2) = (side[k + 1], side[k + 2])
            if side[k] == 0xE2 && b1 == 0x80 && b2 == 0xA6 { return (true, 3) }   // …
            if side[k] == 0xE2 && b1 == 0x8B && b2 == 0xAF { return (true, 3) }   // ⋯
            return (side[k] == 0xE3 && b1 == 0x80 && b2 == 0x82, 3)                  // 。
        }
        let here = dot(i)
        guard here.is else { return false }
        if here.width == 3 && side[i + 2] != 0x82 { return true }   // … and ⋯ alone
        // A dot or "。" opens an ellipsis when the next character outwards is one too.
        if backwards {
            let k = scalarStart(before: i, in: side, from: side.startIndex)
            return k >= side.startIndex && dot(k).is
        }
        return dot(i + here.width).is
    }

    /// Hash of a line's words: ASCII letters (lower case) and digits, and every other character
    /// but spaces and punctuation (`Figures.isPunctuation`).
    static func words(of line: ArraySlice<UInt8>) -> UInt64 {
        var h = StableHash.fnvOffset
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c < 0x80 {
                let lower = c | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) { h = (h ^ UInt64(c < 0x40 ? c : lower)) &* StableHash.fnvPrime }
                i += 1
                continue
            }
            let end = scalarEnd(from: i, in: line, to: line.endIndex)
            if !Figures.isPunctuation(line[i..<end]) {
                for k in i..<end { h = (h ^ UInt64(line[k])) &* StableHash.fnvPrime }
            }
            i = end
        }
        return h
    }
}
