extension ArticleAnalyzer {
    /// Lines of a sign-off at most.
    static let signOffMaxLines = 3
    /// Size (`LineShape.size`) of a sign-off line at most.
    static let signOffMaxSize = 16

    /// Lines of figures in a row ("Net 807,000 vs 2,858,000" / "Revs …", "营业总收入：…" /
    /// "净利润：…") are a report's table when they state `figureRunMinNumbers` numbers: each
    /// leans body as a sentence does, so a report set between a site's notices is not taken for
    /// furniture line by weak line.
    static func markFigureRuns(_ evidence: [LineEvidence], shapes: [LineShape], weights: inout [Double?]) {
        var run: [Int] = []
        func close() {
            let numbers = run.reduce(0) { $0 + shapes[$1].digitRuns }
            if run.count >= 2 && numbers >= Self.figureRunMinNumbers { for i in run { weights[i] = min(weights[i] ?? 0, -Self.figureRunLean) } }
            run.removeAll(keepingCapacity: true)
        }
        for i in weights.indices {
            guard let w = weights[i] else { continue }
            let e = evidence[i]
            if shapes[i].statesFigures && w < 0 && !e.isStrong && !e.recurs { run.append(i) } else { close() }
        }
        close()
    }

    /// How strongly each line of a run of figure lines leans body (together they outweigh the
    /// two switches that would make them furniture between notices).
    static let figureRunLean = 2.5

    /// Numbers that figure lines in a row must state together to make a table: a promo's price
    /// and date ("圈子价格为78元，已有500+位" / "已于11.26日更新") are two lines of figures too.
    static let figureRunMinNumbers = 6

    /// An author's sign-off: right after the body's last line, a few short lines that end the
    /// page — the author's name, a place ("于清华园"), and a date without a time ("2019年3月29日").
    /// It is the article's own ending, not a page's date stamp: a stamp carries a time or a
    /// label, sits at the head, or is followed by the page's furniture. The lines lean body.
    /// Any line with a rule, a template, a list, a link or recurring text behind it breaks the pattern.
    func markSignOff(_ doc: PreparedArticle, evidence: [LineEvidence], weights: inout [Double?], body: ClosedRange<Int>?) {
        guard let body else { return }
        let shapes = doc.shapes
        let tail = (body.upperBound + 1..<shapes.count).filter { !shapes[$0].isBlank }
        guard !tail.isEmpty, tail.count <= Self.signOffMaxLines else { return }
        var dated = false
        for i in tail {
            let e = evidence[i], shape = shapes[i]
            // A date recurs on a site's pages of the same day: that is no template.
            guard shape.size <= Self.signOffMaxSize, e.furnitureRules.isEmpty, !e.isTemplate || shape.dateOnly, !e.recurs, !e.inListing,
                  !e.isLinkOnly, !e.isNavigation, !e.isTruncated, !shape.endsWithColon, !shape.bulleted,
                  e.regions.isDisjoint(with: LineHint.Regions.furniture), !e.outsideMainText else { return }
            if shape.hasDate || shape.dateOnly {
                // A date alone and without a time of day; "发布时间：…" or "2019-03-29 10:00" is a stamp.
                guard shape.dateOnly, !doc.lines[i].original.unicodeScalars.contains(where: { $0 == ":" || $0 == "：" }) else { return }
                dated = true
            } else if e.isDate || e.isMeta {
                return
            }
        }
        guard dated else { return }
        for i in tail { weights[i] = min(weights[i] ?? 0, -3) }
    }
}

extension ArticleAnalyzer {
    /// Headings numbered one after another ("## 0", "## 1", …; "## 1. 简介", "## 2.漏洞描述", …)
    /// are the article's own structure: bare numbers recur on every page of a site that numbers
    /// its sections, which makes no template of them, and a numbered heading is no page furniture
    /// unless a rule says so. They lean body, more than two switches of the labeller cost: a
    /// numbered heading between a notice and a template line still opens the article's section.
    func markNumberedSections(_ doc: PreparedArticle, evidence: [LineEvidence], weights: inout [Double?]) {
        var numbered: [(line: Int, rank: Int, number: Int)] = []
        for i in evidence.indices where evidence[i].furnitureRules.isEmpty {
            let line = doc.lines[i].original
            if let rank = evidence[i].headingRank, rank <= 6, let n = Self.sectionNumber(line) {
                numbered.append((i, rank, n))
            } else if doc.shapes[i].size <= 2, doc.shapes[i].words == 1, let n = Self.hexSectionNumber(line) {
                // "0x01", "0x02" on lines of their own: the sections of security write-ups.
                numbered.append((i, 0, n))
            }
        }
        guard numbered.count >= 2 else { return }
        for (k, h) in numbered.enumerated() {
            let before = k > 0 ? numbered[k - 1] : nil, after = k + 1 < numbered.count ? numbered[k + 1] : nil
            let inSequence = (before.map { $0.rank == h.rank && $0.number + 1 == h.number } ?? false)
                || (after.map { $0.rank == h.rank && $0.number == h.number + 1 } ?? false)
            if inSequence { weights[h.line] = min(weights[h.line] ?? 0, -6) }
        }
    }

    /// Numbered references ("[1]. https://…", "[2] 某某报告"): the article's sources, wherever
    /// they stand; with the short line that announces them ("参考资料：", "References:"). They lean body.
    func markReferences(_ doc: PreparedArticle, evidence: [LineEvidence], weights: inout [Double?]) {
        let shapes = doc.shapes
        var previousText: Int?
        for i in evidence.indices where !shapes[i].isBlank {
            defer { previousText = i }
            guard evidence[i].furnitureRules.isEmpty, !evidence[i].inListing, Self.isReference(doc.lines[i].original) else { continue }
            weights[i] = min(weights[i] ?? 0, -3)
            if let h = previousText, shapes[h].endsWithColon, shapes[h].size <= 8, evidence[h].furnitureRules.isEmpty {
                weights[h] = min(weights[h] ?? 0, -3)
            }
        }
    }

    /// Whether a line is a web address written out and nothing else ("> https://…", "<https://…>"),
    /// not a Markdown link with an anchor.
    static func isBareAddress(_ line: some StringProtocol) -> Bool {
        let trimmed = Substring(line).drop { $0 == " " || $0 == "\t" || $0 == ">" || $0 == "-" || $0 == "*" || $0 == "<" }
        guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") else { return false }
        return !trimmed.contains("](") && !trimmed.trimmingCharacters(in: .whitespaces).contains(" ")
    }

    /// Whether a line opens with a bracketed reference number: "[1]", "[12].", "［3］".
    static func isReference(_ line: some StringProtocol) -> Bool {
        var bytes = Substring(line).utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }  // spaces, Markdown quote
        guard bytes.first == 0x5B else { return false }
        bytes = bytes.dropFirst()
        let digits = bytes.prefix { (0x30...0x39).contains($0) }
        guard (1...3).contains(digits.count) else { return false }
        bytes = bytes.dropFirst(digits.count)
        return bytes.first == 0x5D && bytes.count > 2
    }

    /// The number of a line that is only a hexadecimal section label ("0x07", "**0x07**"), or nil.
    static func hexSectionNumber(_ line: some StringProtocol) -> Int? {
        var value = 0, digits = 0, state = 0  // 0: before "0", 1: before "x", 2: in the digits
        for b in line.utf8 where !isMark(b) {
            switch state {
            case 0: guard b == 0x30 else { return nil }; state = 1
            case 1: guard b == 0x78 || b == 0x58 else { return nil }; state = 2
            default:
                guard let d = hexDigit(b), digits < 2 else { return nil }
                value = value * 16 + d
                digits += 1
            }
        }
        return state == 2 && digits > 0 ? value : nil
    }

    /// The number a heading line opens with ("## 3", "**3**", "3.", "## 2.漏洞描述", "3、影响版本"),
    /// or nil. After the number comes the line's end, or a period or 、 and a title; "2024年" or
    /// "3D" is no section number.
    static func sectionNumber(_ line: some StringProtocol) -> Int? {
        var value = 0, digits = 0
        var bytes = line.utf8.drop { isMark($0) }
        while let b = bytes.first, (0x30...0x39).contains(b) {
            guard digits < 2 else { return nil }
            value = value * 10 + Int(b - 0x30)
            digits += 1
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return nil }
        bytes = bytes.drop { isMark($0) }
        // Nothing more, or ".", "．" (EF BC 8E) or "、" (E3 80 81) before the title.
        guard let next = bytes.first else { return value }
        if next == 0x2E { return value }
        let three = Array(bytes.prefix(3))
        return three == [0xEF, 0xBC, 0x8E] || three == [0xE3, 0x80, 0x81] ? value : nil
    }

    /// Spaces and Markdown emphasis or heading marks around a section label.
    private static func isMark(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x23 || b == 0x2A || b == 0x5F
    }

    private static func hexDigit(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: return Int(b - 0x30)
        case 0x61...0x66: return Int(b - 0x61 + 10)
        case 0x41...0x46: return Int(b - 0x41 + 10)
        default: return nil
        }
    }

    /// Whether a line reads as lines a listing ran together: at least two places where a word
    /// starts without a space after a lower-case letter or a digit, or after a stop, colon or
    /// closing bracket that ends a word ("ctsNet", "1,200NOTE", "Friday:Ashford", "(1)Scorers").
    /// One alone is a name ("iPhone"); an abbreviation's stops end no word ("U.S.").
    static func looksGlued(_ line: some Sequence<UInt8>) -> Bool {
        func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
        var joins = 0
        var previous: UInt8 = 0x20, beforePrevious: UInt8 = 0x20
        for b in line {
            let upper = (0x41...0x5A).contains(b)
            if upper || isLower(b) {
                let stop = (previous == 0x2E || previous == 0x3A || previous == 0x3B)
                    && (isLower(beforePrevious) || Figures.isDigit(beforePrevious) || beforePrevious == 0x29)
                if (upper && (isLower(previous) || Figures.isDigit(previous))) || stop || previous == 0x29 { joins += 1 }
                if joins >= 2 { return true }
            }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Whether a line's last character ends a figure (`Figures.endsFigure`): a row that ends
    /// complete ("增减变动幅度-46.32%"), not one cut inside a phrase.
    static func endsWithFigure(_ line: ArraySlice<UInt8>) -> Bool {
        line.last(where: { $0 != 0x20 && $0 != 0x09 }).map(Figures.endsFigure) ?? false
    }
}
