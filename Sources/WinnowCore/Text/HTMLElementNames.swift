/// The names of HTML elements, current and obsolete (WHATWG HTML's element index, with the
/// presentational ones old pages still carry: `font`, `center`, `big`, `tt`, …), and what a
/// `<…>` in plain text is (`isTag`): markup, or a word that only looks like it.
enum HTMLElementNames {
    /// Lower-case element names.
    static let all: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi",
        "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
        "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
        "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
        "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "menu", "meta", "meter",
        "nav", "nobr", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param",
        "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section",
        "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
        "tt", "u", "ul", "var", "video", "wbr", "math",
    ]

    /// Whether the bytes between `<` and `>` make a tag: `!…` (a comment or doctype), a name
    /// with attributes or a namespace after it (`<o:p>`, `<span style=…>`), or, standing alone,
    /// the name of an HTML element (`<br>`, `</td>`). Any other word alone in angle brackets is
    /// text, whatever its case (lines are case-folded by now): a ticker after a company's name
    /// ("DELMAR FINANCIAL CORP <DELF>", "<IBM.N>"), a placeholder, an element of quoted XML.
    static func isTag(_ inner: ArraySlice<UInt8>) -> Bool {
        var i = inner.startIndex
        guard i < inner.endIndex else { return false }
        if inner[i] == 0x21 { return true }
        if inner[i] == 0x2F { i += 1 }
        // A name starts with a letter ("< 5", "<3" are text).
        guard i < inner.endIndex, (inner[i] | 0x20) >= 0x61 && (inner[i] | 0x20) <= 0x7A else { return false }
        var name = ""
        while i < inner.endIndex, name.utf8.count <= 12 {
            let c = inner[i] | (inner[i] >= 0x41 && inner[i] <= 0x5A ? 0x20 : 0)
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D else { break }
            name.unicodeScalars.append(Unicode.Scalar(c))
            i += 1
        }
        if i < inner.endIndex && inner[i] != 0x2F { return true }
        return all.contains(name)
    }
}
