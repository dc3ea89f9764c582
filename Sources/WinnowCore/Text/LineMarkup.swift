/// The markup a line carries (Markdown and inline HTML, as crawlers and converters write them)
/// and what it means for furniture detection: code and tables are article content, image and
/// link-only lines are neutral or list-like, headings are structure. Detectors measure the
/// line's *visible* text, so URLs, image addresses and emphasis marks never count as words.
public struct LineMarkup: Sendable, Equatable {
    /// The block a line belongs to.
    public enum Block: UInt8, Sendable {
        /// Ordinary text (a paragraph, or a line of plain text).
        case text
        /// A Markdown heading (`# …`).
        case heading
        /// A block quote (`> …`).
        case quote
        /// A table row (`| … |`, or HTML table markup).
        case table
        /// A code fence delimiter (```` ``` ```` or `~~~`).
        case fence
        /// A line inside a fenced code block.
        case code
    }

    /// The block kind.
    public var block: Block = .text
    /// Images on the line (`![alt](url)` or `<img>`).
    public var images = 0
    /// HTML tags and comments on the line (other than images and links).
    public var tags = 0
    /// Links on the line: `[text](url)`, `<url>` and bare URLs.
    public var links = 0
    /// Whether every visible character outside link texts is punctuation, digits or space:
    /// a line that is only links (a list of other articles, "[查看原文](…)").
    public var onlyLinks = false
    /// Whether the whole line is set in bold (`**…**`): a subheading in converted articles.
    public var isEmphasis = false
    /// Text that ends by opening a code fence (`fofa语法```): converters glue a fence to the
    /// line before it; the lines that follow are code up to the next fence.
    public var opensFence = false
    /// The Markdown heading level (1–6 for `#`…`######`), 0 otherwise.
    public var headingLevel: UInt8 = 0
    /// Whether the line reads like program code (inside a fence, with code punctuation or no
    /// ideographs): such lines are article content, never navigation or template.
    public var isCodeLike = false

    /// A plain text line.
    public init() {}

    /// An image and nothing else to read.
    public var isImageOnly: Bool { images > 0 && links == 0 && onlyLinks }
    /// Links and nothing else to read.
    public var isLinkOnly: Bool { links > 0 && onlyLinks }
    /// How high the line ranks as a heading: its level for `#` headings, 7 for a line set wholly
    /// in bold, nil for other lines. Lower ranks are bigger headings.
    public var headingRank: Int? { block == .heading ? Int(max(1, headingLevel)) : isEmphasis ? 7 : nil }
    /// Code or a table: article content whatever its shape.
    public var isStructuredContent: Bool { (block == .code && isCodeLike) || block == .table }
}

/// Reads the markup of each line of a document and its visible text.
public enum MarkupReader {
    /// Per line: the markup, and the visible normalized text when it differs from the line.
    /// Fences are tracked across lines.
    public static func read(_ lines: [LineText]) -> (markup: [LineMarkup], visible: [ArraySlice<UInt8>]) {
        var markup: [LineMarkup] = []
        var visible: [ArraySlice<UInt8>] = []
        markup.reserveCapacity(lines.count)
        visible.reserveCapacity(lines.count)
        var inFence = false
        for line in lines {
            let (m, v) = read(line.normalized, inFence: inFence)
            if m.block == .fence || m.opensFence { inFence.toggle() }
            markup.append(m)
            visible.append(v ?? line.normalized)
        }
        return (markup, visible)
    }

    /// Whether text ends with a fence (```) that opens a block: an odd number of fences on the line.
    private static func endsWithOpenFence(_ b: ArraySlice<UInt8>) -> Bool {
        var end = b.endIndex
        while end > b.startIndex && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        guard end - b.startIndex >= 4, b[end - 1] == 0x60, b[end - 2] == 0x60, b[end - 3] == 0x60 else { return false }
        var fences = 0, i = b.startIndex
        while i + 2 < end {
            if b[i] == 0x60 && b[i + 1] == 0x60 && b[i + 2] == 0x60 { fences += 1; i += 3 } else { i += 1 }
        }
        return fences % 2 == 1
    }

    /// Whether a byte may start markup: # * [ ] < > ! _ ~ | ` (a switch, not a table: a global
    /// read per byte pays for its lazy initialisation check every time).
    @inline(__always) private static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case 0x23, 0x2A, 0x5B, 0x5D, 0x3C, 0x3E, 0x21, 0x5F, 0x7E, 0x7C, 0x60: true
        default: false
        }
    }

    /// Whether a line may hold markup: a special byte, `://` or `www.`.
    private static func mayHoldMarkup(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if isSpecial(c) { return true }
            if c == 0x3A && i + 2 < b.endIndex && b[i + 1] == 0x2F && b[i + 2] == 0x2F { return true }
            if c == 0x77 && i + 3 < b.endIndex && b[i + 1] == 0x77 && b[i + 2] == 0x77 && b[i + 3] == 0x2E { return true }
            i += 1
        }
        return false
    }

    /// One line's markup and, when markup was removed, its visible text.
    public static func read(_ b: ArraySlice<UInt8>, inFence: Bool) -> (LineMarkup, ArraySlice<UInt8>?) {
        var m = LineMarkup()
        var start = b.startIndex
        while start < b.endIndex && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
        if b.endIndex - start >= 3 && (b[start] == 0x60 || b[start] == 0x7E) && b[start + 1] == b[start] && b[start + 2] == b[start] {
            m.block = .fence
            return (m, b[b.endIndex...])
        }
        if !inFence && endsWithOpenFence(b[start...]) { m.opensFence = true }
        if inFence {
            m.block = .code
            m.isCodeLike = CodeShape.looksLikeCode(b)
            return (m, nil)
        }
        guard mayHoldMarkup(b[start...]) else { return (m, nil) }
        var i = start
        switch b[start] {
        case 0x23:  // #
            while i < b.endIndex && b[i] == 0x23 { i += 1 }
            m.block = .heading
            m.headingLevel = UInt8(min(6, i - start))
        case 0x3E:  // >
            i += 1
            m.block = .quote
        case 0x7C:  // |
            m.block = .table
        default: break
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.endIndex - i)
        var textOutsideLinks = false
        func emit(_ c: UInt8, linked: Bool) {
            out.append(c)
            if !linked && (c >= 0x80 || isASCIILetter(c)) { textOutsideLinks = true }
        }
        while i < b.endIndex {
            let c = b[i]
            if !isSpecial(c) && c != 0x68 && c != 0x77 {  // h(ttp), w(ww)
                emit(c, linked: false)
                i += 1
                continue
            }
            if c == 0x21, i + 1 < b.endIndex, b[i + 1] == 0x5B, let end = linkEnd(b, from: i + 1) {  // ![alt](url)
                m.images += 1
                i = end.after
                continue
            }
            if c == 0x5B, let end = linkEnd(b, from: i) {  // [text](url)
                m.links += 1
                for k in (i + 1)..<end.textEnd where b[k] != 0x2A && b[k] != 0x7E { emit(b[k], linked: true) }
                i = end.after
                continue
            }
            if c == 0x3C, let close = b[(i + 1)...].firstIndex(of: 0x3E), i + 1 < b.endIndex {  // <tag> or <url>
                let tag = b[(i + 1)..<close], url = startsWithURL(tag)
                if url || HTMLElementNames.isTag(tag) {
                    if url { m.links += 1 } else if hasPrefix(tag, "img") { m.images += 1 } else if
                        hasPrefix(tag, "table") || hasPrefix(tag, "tr") || hasPrefix(tag, "td") || hasPrefix(tag, "/td") {
                        m.block = .table
                    } else {
                        m.tags += 1
                    }
                    out.append(0x20)
                    i = close + 1
                    continue
                }
            }
            if urlStarts(b, at: i) {
                m.links += 1
                i = urlEnd(b, from: i, stopAtQuote: false)
                continue
            }
            if (c == 0x5F || c == 0x7E), i + 1 < b.endIndex, b[i + 1] == c {  // __ ~~
                i += 2
                continue
            }
            // Emphasis stars of any count; a leading "* " stays (a list item).
            if c == 0x2A && !(i == start && i + 1 < b.endIndex && b[i + 1] == 0x20) {
                i += 1
                continue
            }
            if c == 0x60 || (c == 0x7C && m.block == .table) {  // inline code marks, table pipes
                out.append(0x20)
                i += 1
                continue
            }
            emit(c, linked: false)
            i += 1
        }
        m.isEmphasis = b.endIndex - start >= 4 && b[start] == 0x2A && b[start + 1] == 0x2A
            && b.last(where: { $0 != 0x20 }) == 0x2A
        m.onlyLinks = !textOutsideLinks
        if m.links == 0 && m.images == 0 { m.onlyLinks = false }
        return (m, out[...])
    }

    /// For `[` at `open`: the end of the link text (`]`) and the index after the closing `)`.
    private static func linkEnd(_ b: ArraySlice<UInt8>, from open: Int) -> (textEnd: Int, after: Int)? {
        var depth = 0
        var k = open
        while k < b.endIndex {
            if b[k] == 0x5B { depth += 1 } else if b[k] == 0x5D {
                depth -= 1
                if depth == 0 { break }
            }
            k += 1
        }
        guard k + 1 < b.endIndex, b[k + 1] == 0x28 else { return nil }
        guard let close = b[(k + 2)...].firstIndex(of: 0x29) else { return (k, b.endIndex) }
        return (k, close + 1)
    }

    private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    private static func hasPrefix<C: Collection<UInt8>>(_ s: C, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard s.count >= n else { return false }
        return p.withUTF8Buffer { pb in zip(s.prefix(n), pb).allSatisfy { $0 == $1 } }
    }

    /// The text with every web address (`http://…`, `https://…`, `www.…`) replaced by spaces
    /// of the same byte length, so lines and offsets stay where they were; nil when the text
    /// holds no address (nothing is copied then).
    public static func blankingURLs(in text: String) -> String? {
        var copy = text
        guard let first = copy.withUTF8({ b in b.indices.first { urlStarts(b, at: $0) } }) else { return nil }
        var bytes = Array(text.utf8)
        var i = first
        while i < bytes.count {
            if urlStarts(bytes, at: i) {
                let end = urlEnd(bytes, from: i, stopAtQuote: true)
                for k in i..<end { bytes[k] = 0x20 }
                i = end
                continue
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a web address starts at `i`: `http://`, `https://` or `www.` at a word boundary.
    static func urlStarts<C: RandomAccessCollection<UInt8>>(_ b: C, at i: Int) -> Bool where C.Index == Int {
        let c = b[i]
        guard c == 0x68 || c == 0x77, i == b.startIndex || !isASCIILetter(b[i - 1]) else { return false }
        return startsWithURL(b[i...])
    }

    /// Where the address starting at `i` ends: at a space, a non-ASCII byte, `)` or `>` (and `"`
    /// when asked: in raw text an address often stands inside an attribute's quotes).
    static func urlEnd<C: RandomAccessCollection<UInt8>>(_ b: C, from i: Int, stopAtQuote: Bool) -> Int where C.Index == Int {
        var k = i
        while k < b.endIndex && b[k] > 0x20 && b[k] < 0x80 && b[k] != 0x29 && b[k] != 0x3E && !(stopAtQuote && b[k] == 0x22) { k += 1 }
        return k
    }

    /// `http://`, `https://` or `www.` at the start.
    static func startsWithURL<C: Collection<UInt8>>(_ s: C) -> Bool {
        hasPrefix(s, "http://") || hasPrefix(s, "https://") || hasPrefix(s, "www.")
    }
}

/// Whether a line inside a code fence is code: programs use ASCII punctuation such as
/// `{ } ( ) ; = < > $ / \ "`, while a fenced block of prose (a promo pasted as a list) does not.
enum CodeShape {
    static func looksLikeCode(_ b: ArraySlice<UInt8>) -> Bool {
        var symbols = 0, high = 0, ascii = 0
        for c in b {
            if c >= 0x80 { high += 1; continue }
            if c > 0x20 { ascii += 1 }
            switch c {
            case 0x7B, 0x7D, 0x28, 0x29, 0x3B, 0x3D, 0x3C, 0x3E, 0x24, 0x2F, 0x5C, 0x22, 0x5B, 0x5D, 0x3A: symbols += 1
            default: break
            }
        }
        // Three UTF-8 bytes per ideograph: code is mostly ASCII, or carries code punctuation.
        return symbols >= 2 || ascii * 3 >= high * 2
    }
}
