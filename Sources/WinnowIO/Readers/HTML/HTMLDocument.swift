import CWinnowHTML
import WinnowCore

/// One HTML page as a reader sees it: the visible text as lines, markup evidence per line, and
/// the page's own metadata. Built by libxml2's HTML parser and a walk of its tree in C
/// (`Sources/CWinnowHTML`); this is the only Swift code calling that C.
///
/// Lines follow browser rendering:
/// - block elements (p, div, li, h1–h6, tr, td/th, blockquote, pre, section, article, nav, …) and
///   `<br>` end lines; inline elements (a, span, b, custom elements, …) never split or join words;
///   an inline `style="display:block"` makes a block and `display:inline` an inline;
/// - whitespace collapses as CSS `white-space: normal` does (U+00A0 and U+3000 count as spaces);
///   inside `<pre>`/`<textarea>` it is kept and every source line is a line;
/// - table cells are one line each; a link or button, or any element, right after a link starts
///   after a space (`<a>Subscribe</a><a>Sign In</a>` reads "Subscribe Sign In");
/// - hidden elements (`hidden`, `aria-hidden=true`, `display:none`, `visibility:hidden`, sr-only
///   classes) keep their text on lines of their own, flagged `.hidden`;
/// - script, style, noscript, template, svg, iframe, object, media and `<head>` content, comments
///   and `<img alt>` are not text; control characters other than tab and U+200B/U+FEFF are
///   dropped; empty lines are dropped.
///
/// A line's regions are those holding for every visible character of it; its block kind is that
/// of the block it starts in (heading over preformatted over list item/table cell over quote over
/// paragraph, the innermost among equals). Besides tags, roles and class/id tokens, a first pass
/// over the page gives two regions: the main text (`LineHint.Regions.mainText`) and lists of
/// teasers outside it (`.related`); `<figcaption>` and caption/credit tokens give `.caption`.
public struct HTMLDocument: Sendable {
    /// The lines joined by `\n`. No line is empty or holds `\r` or a control character other than tab.
    public var text: String
    /// One hint per line of `text`, in order.
    public var hints: [LineHint]
    /// Per line: inside the element holding the page's main text, as a readability-style score
    /// picks it (the parent of the most non-link paragraph text, weighed by its markup); also
    /// `LineHint.Regions.mainText`.
    public var mainText: [Bool]
    /// What the page says about itself.
    public var metadata: HTMLMetadata
    /// Invalid UTF-8 sequences replaced with U+FFFD before parsing.
    public var replacedSequences: Int
    /// True when the page nests deeper than the parser allows: text after that point is missing.
    public var truncated: Bool
    /// The nesting depth past which the parser stops (`truncated`): far deeper than real pages go.
    public static let maxDepth = Int(wn_html_max_depth())

    /// Parses a page's UTF-8 bytes. Returns nil only when memory runs out or the page exceeds
    /// libxml2's 2 GiB input limit; a page without text gives an empty document.
    public init?(utf8 html: [UInt8]) {
        let extracted: OpaquePointer? = html.withUnsafeBufferPointer { buffer in
            wn_html_extract(buffer.baseAddress, Int64(buffer.count))
        }
        guard let page = extracted else { return nil }
        defer { wn_html_free(page) }

        let textBytes = UnsafeBufferPointer(start: wn_html_text(page), count: Int(wn_html_text_length(page)))
        text = String(decoding: textBytes, as: UTF8.self)
        let records = UnsafeBufferPointer(start: wn_html_lines(page), count: Int(wn_html_line_count(page)))
        hints = records.map(HTMLDocument.hint)
        mainText = records.map { $0.regions & UInt32(WN_REGION_MAIN_TEXT) != 0 }
        metadata = HTMLMetadata { field in
            var length: Int32 = 0
            guard let value = wn_html_meta(page, field, &length), length > 0 else { return nil }
            return String(decoding: UnsafeBufferPointer(start: value, count: Int(length)), as: UTF8.self)
        }
        replacedSequences = Int(wn_html_replaced_sequences(page))
        truncated = wn_html_truncated(page) != 0
    }

    /// The lines of `text` (as the analyzer splits them).
    public var lines: [Substring] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The C region bits `LineHint.Regions` defines (navigation through caption).
    private static let knownRegions = (UInt32(WN_REGION_CAPTION) << 1) - 1

    private static func hint(_ line: wn_html_line) -> LineHint {
        let visible = max(line.visible_chars, 1)
        return LineHint(regions: LineHint.Regions(rawValue: line.regions & knownRegions),
                        block: LineHint.Block(rawValue: line.block) ?? .other,
                        headingLevel: line.heading_level,
                        linkDensity: min(1, Float(max(line.link_chars, 0)) / Float(visible)))
    }
}
