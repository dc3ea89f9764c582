import CWinnowHTML
import Testing
@testable import WinnowCore
@testable import WinnowIO

/// HTML pages to lines: line rules (this file), regions (`+Regions`), metadata (`+Metadata`),
/// a Chinese portal page (`+Portal`), hostile input (`+Robustness`). Fixtures are written here.
struct HTMLTests {
    static func document(_ html: String) throws -> HTMLDocument {
        let doc = try #require(HTMLDocument(utf8: Array(html.utf8)))
        #expect(doc.lines.count == doc.hints.count)
        return doc
    }

    static func lines(_ html: String) throws -> [String] {
        try document(html).lines.map(String.init)
    }

    /// The hint of the first line equal to `text`.
    static func hint(_ text: String, in doc: HTMLDocument) throws -> LineHint {
        let index = try #require(doc.lines.firstIndex { $0 == text }, "no line \(text)")
        return doc.hints[index]
    }

    @Test func inlineElementsNeverGlueOrSplitWords() throws {
        #expect(try Self.lines("<p><b>a</b><i>b</i></p>") == ["ab"])
        #expect(try Self.lines("<p>a<span> </span>b</p>") == ["a b"])
        #expect(try Self.lines("<p>one <em>two</em> <strong>three</strong>, <code>four</code></p>") == ["one two three, four"])
        #expect(try Self.lines("<p><x-a>custom</x-a> <b>element</b></p>") == ["custom element"])
        #expect(try Self.lines("<p>Hel<span>lo</span> <a href='/w'>wor</a>ld<small>!</small></p>") == ["Hello world!"])
    }

    @Test func blocksAndBreaksEndLines() throws {
        #expect(try Self.lines("<div>one<div>two</div>three</div><section>four</section>") == ["one", "two", "three", "four"])
        #expect(try Self.lines("<p>a<br>b<br/><br>c</p>") == ["a", "b", "c"])
        #expect(try Self.lines("<h2>Title</h2>text<hr>more<blockquote>quote</blockquote>") == ["Title", "text", "more", "quote"])
        #expect(try Self.lines("<dl><dt>term</dt><dd>meaning</dd></dl><figure><img alt='photo'><figcaption>cap</figcaption></figure>")
            == ["term", "meaning", "cap"])
        #expect(try Self.lines("<p>inline <span style='display:block'>made block</span> after</p>") == ["inline", "made block", "after"])
        #expect(try Self.lines("<p>block <div style='display: inline'>made inline</div></p>").joined(separator: "|") == "block|made inline")
    }

    @Test func whitespaceCollapsesAsCSSNormal() throws {
        #expect(try Self.lines("<p>  a \n\t  b  </p>\n\n<p>\n c\n</p>") == ["a b", "c"])
        #expect(try Self.lines("<p>a&nbsp;&nbsp; b\u{3000}c</p>") == ["a b c"])
        #expect(try Self.lines("<p>   </p><div> \n </div><p>x</p>") == ["x"])
        #expect(try Self.lines("<p>zero\u{200B}width\u{FEFF}</p>") == ["zerowidth"])
    }

    @Test func entitiesAreDecoded() throws {
        #expect(try Self.lines("<p>&amp; &lt;x&gt; &eacute; &#20013; &#x6587; &hellip; &quot;q&quot; &copy;</p>")
            == ["& <x> é 中 文 … \"q\" ©"])
    }

    @Test func invisibleContentIsDropped() throws {
        let html = """
        <html><head><title>T</title><style>p { color: red }</style><script>document.write("<p>no</p>")</script>
        <meta name="description" content="not text"></head><body>
        <script type="text/javascript">var s = "</div>";</script><!-- a <p>comment</p> -->
        <p>shown<noscript>enable js</noscript></p><template><p>template</p></template>
        <svg><text>svg text</text><title>svg title</title></svg><iframe>frame text</iframe>
        <p>image <img src="a.png" alt="alt text"> here</p><object>fallback</object><video>no video</video>
        </body></html>
        """
        #expect(try Self.lines(html) == ["shown", "image here"])
    }

    @Test func controlCharactersAreStrippedExceptTab() throws {
        let doc = try Self.document("<p>a\u{1}b\u{7F}c\u{85}d\rline</p><pre>x\ty\r\nz\u{8}</pre>")
        #expect(doc.lines == ["abcd line", "x\ty", "z"])
        #expect(!doc.text.contains("\r"))
    }

    @Test func brokenMarkupRecovers() throws {
        #expect(try Self.lines("<div><p>one<p>two</div></div></div><p>three") == ["one", "two", "three"])
        #expect(try Self.lines("<ul><li>a<li>b</ul><p>c <b>bold <i>both</b> after") == ["a", "b", "c bold both after"])
        #expect(try Self.lines("<p>unclosed <a href='/x'>link<p>next") == ["unclosed link", "next"])
        #expect(try Self.lines("</span></p>stray<table><tr><td>cell</table>end") == ["stray", "cell", "end"])
        #expect(try Self.lines("text without any tags") == ["text without any tags"])
    }

    @Test func preKeepsWhitespaceAndItsLines() throws {
        let doc = try Self.document("<p>before</p><pre>  let x = 1\n\n    if x {\n\treturn\n    }   \n</pre><p>after</p>")
        #expect(doc.lines == ["before", "  let x = 1", "    if x {", "\treturn", "    }", "after"])
        #expect(doc.hints[1].block == .preformatted && doc.hints[4].block == .preformatted)
        #expect(doc.hints[0].block == .paragraph)
        #expect(try Self.lines("<pre><code><span>a</span>  <b>b</b>\n<i>c</i></code></pre>") == ["a  b", "c"])
    }

    @Test func tablesGiveOneLinePerCell() throws {
        let doc = try Self.document("<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tr><td>Ann</td><td></td><td>30</td></tr></table>")
        #expect(doc.lines == ["Name", "Age", "Ann", "30"])
        #expect(doc.hints.allSatisfy { $0.block == .tableCell })
        // A paragraph inside a cell is still a table cell.
        #expect(try Self.hint("in cell", in: Self.document("<table><tr><td><p>in cell</p></td></tr></table>")).block == .tableCell)
    }

    @Test func listsAndBlockKinds() throws {
        let doc = try Self.document("""
        <ul><li>one</li><li>two<ul><li>nested</li></ul>tail</li></ul><ol><li><p>para in item</p></li></ol>
        <h3>Heading <a href="/h">link</a></h3><blockquote><p>quoted</p></blockquote><div>plain</div><p>para</p>
        """)
        #expect(doc.lines == ["one", "two", "nested", "tail", "para in item", "Heading link", "quoted", "plain", "para"])
        #expect(doc.hints[0...4].allSatisfy { $0.block == .listItem })
        #expect(doc.hints[5].block == .heading && doc.hints[5].headingLevel == 3)
        #expect(doc.hints[6].block == .quote && doc.hints[7].block == .other && doc.hints[8].block == .paragraph)
        #expect(doc.hints[8].headingLevel == 0)
    }

    @Test func adjacentLinksAreSeparateWords() throws {
        #expect(try Self.lines("<div><a href='/s'>Subscribe</a><a href='/i'>Sign In</a></div>") == ["Subscribe Sign In"])
        #expect(try Self.lines("<p><a href='/a'>link</a>, then text</p>") == ["link, then text"])
        #expect(try Self.lines("<p>a<a href='/b'>b</a>c</p>") == ["abc"])
    }

    @Test func linkDensityCountsVisibleCharactersInLinks() throws {
        let doc = try Self.document("<p>abcd <a href='/x'>efgh</a></p><p><a href='/y'>all</a> <a href='/z'>links</a></p><p><a name='n'>anchor</a></p>")
        #expect(doc.hints[0].linkDensity == 0.5)
        #expect(doc.hints[1].linkDensity == 1)
        #expect(doc.hints[2].linkDensity == 0)
        let cjk = try Self.document("<p>相关<a href='/r'>阅读</a></p>")
        #expect(cjk.hints[0].linkDensity == 0.5)
    }

    @Test func constantsMatchLineHint() {
        #expect(UInt32(WN_REGION_NAVIGATION) == LineHint.Regions.navigation.rawValue)
        #expect(UInt32(WN_REGION_HEADER) == LineHint.Regions.header.rawValue)
        #expect(UInt32(WN_REGION_FOOTER) == LineHint.Regions.footer.rawValue)
        #expect(UInt32(WN_REGION_ASIDE) == LineHint.Regions.aside.rawValue)
        #expect(UInt32(WN_REGION_FORM) == LineHint.Regions.form.rawValue)
        #expect(UInt32(WN_REGION_COMMENTS) == LineHint.Regions.comments.rawValue)
        #expect(UInt32(WN_REGION_RELATED) == LineHint.Regions.related.rawValue)
        #expect(UInt32(WN_REGION_SHARE) == LineHint.Regions.share.rawValue)
        #expect(UInt32(WN_REGION_ADVERT) == LineHint.Regions.advert.rawValue)
        #expect(UInt32(WN_REGION_CONTENT) == LineHint.Regions.content.rawValue)
        #expect(UInt32(WN_REGION_HIDDEN) == LineHint.Regions.hidden.rawValue)
        #expect(UInt32(WN_REGION_MAIN_TEXT) == LineHint.Regions.mainText.rawValue)
        #expect(UInt32(WN_REGION_CAPTION) == LineHint.Regions.caption.rawValue)
        let blocks: [(Int32, LineHint.Block)] = [
            (WN_BLOCK_PARAGRAPH, .paragraph), (WN_BLOCK_HEADING, .heading), (WN_BLOCK_LIST_ITEM, .listItem),
            (WN_BLOCK_TABLE_CELL, .tableCell), (WN_BLOCK_PREFORMATTED, .preformatted), (WN_BLOCK_QUOTE, .quote),
            (WN_BLOCK_OTHER, .other),
        ]
        for (c, block) in blocks { #expect(UInt8(c) == block.rawValue) }
    }
}
