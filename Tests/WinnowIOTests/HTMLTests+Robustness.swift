import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

/// Hostile and broken input: deep nesting, huge attributes, invalid UTF-8, binary junk.
extension HTMLTests {
    /// Every line is non-empty, free of control characters other than tab, and has a hint.
    static func checkShape(_ doc: HTMLDocument) {
        #expect(doc.lines.count == doc.hints.count)
        for line in doc.lines {
            #expect(!line.isEmpty)
            #expect(!line.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) })
        }
        for hint in doc.hints { #expect(hint.linkDensity >= 0 && hint.linkDensity <= 1) }
    }

    @Test func deepNesting() throws {
        let deep = String(repeating: "<div>", count: 1500) + "deep" + String(repeating: "</div>", count: 1500) + "<p>after</p>"
        let doc = try Self.document(deep)
        #expect(doc.lines == ["deep", "after"] && !doc.truncated)
        // Unclosed <p><font> pairs nest on every paragraph; the text before the parser's limit is kept.
        let unclosed = (0..<3000).map { "<p><font>paragraph \($0)" }.joined()
        let partial = try Self.document(unclosed)
        #expect(partial.truncated && partial.lines.first == "paragraph 0" && partial.lines.count > 500)
        Self.checkShape(partial)
        // Far deeper than any page: the walk is iterative, nothing overflows.
        let hostile = try Self.document(String(repeating: "<div><span>", count: 200_000) + "x")
        #expect(hostile.truncated)
        Self.checkShape(hostile)
    }

    @Test func strayEndTagsStayFast() throws {
        let html = String(repeating: "<div>", count: 2000) + "x" + String(repeating: "</span>", count: 100_000)
        let start = Date()
        let doc = try Self.document(html)
        #expect(doc.lines == ["x"])
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func hugeAttributesAndText() throws {
        let cls = String(repeating: "sidebar-widget-", count: 100_000)
        let style = String(repeating: "color:red;", count: 100_000) + "display:none"
        let doc = try Self.document("<div class='\(cls)'>in aside</div><div style='\(style)'>hidden</div><p>\(String(repeating: "word ", count: 200_000))</p>")
        #expect(doc.hints[0].regions.subtracting(.mainText) == [.aside])
        #expect(doc.hints[1].regions.subtracting(.mainText) == [.hidden])
        #expect(doc.lines[2].count == 200_000 * 5 - 1)
        Self.checkShape(doc)
    }

    @Test func invalidUTF8AndNulBytes() throws {
        // An invalid byte must not switch the rest of the page to Latin-1.
        let bytes: [UInt8] = Array("<p>a".utf8) + [0xFF] + Array("b</p><p>中文 é".utf8) + [0xE4, 0xB8] + Array("</p>".utf8)
        let doc = try #require(HTMLDocument(utf8: bytes))
        #expect(doc.lines == ["a\u{FFFD}b", "中文 é\u{FFFD}"])
        #expect(doc.replacedSequences == 2)
        let nul = try #require(HTMLDocument(utf8: [0, 0, 0] + Array("<p>a".utf8) + [0] + Array("b</p>".utf8)))
        #expect(nul.lines == ["a b"] && nul.replacedSequences == 0)
        let article = try #require(HTMLArticleReader.article(utf8: bytes, id: "u", url: nil, fetchedAt: nil, origin: nil))
        #expect(article.replacedSequences == 2)
    }

    @Test func concurrentParsesAgree() async throws {
        let expected = try Self.document(Self.portalPage)
        let documents = await withTaskGroup(of: HTMLDocument?.self) { group in
            for _ in 0..<16 { group.addTask { HTMLDocument(utf8: Array(HTMLTests.portalPage.utf8)) } }
            var all: [HTMLDocument?] = []
            for await document in group { all.append(document) }
            return all
        }
        #expect(documents.count == 16)
        for document in documents {
            #expect(document?.text == expected.text && document?.hints == expected.hints && document?.metadata == expected.metadata)
        }
    }

    @Test func binaryJunkAndTagSoup() throws {
        for bytes in IOSupport.randomByteArrays(count: 300, seed: 7, maxLength: 3000, byte: { UInt8(truncatingIfNeeded: $0 >> 33) }) {
            Self.checkShape(try #require(HTMLDocument(utf8: bytes)))
        }
        let pieces = ["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<pre>", "</pre>", "text ", " ", "&amp;", "&#0;",
                      "<br>", "<!--", "-->", "<script>", "</script>", "<table>", "<td>", "<li>", "<b>", "</i>", "中文",
                      "<div hidden>", "<nav>", "<span style='display:none'>", "\u{0}", "\r\n", "<", ">", "\"", "'", "=",
                      "<title>", "<meta property='og:title' content='", "<svg>", "<textarea>", "<![CDATA[", "]]>"]
        var rng: UInt64 = 42
        for _ in 0..<300 {
            var html = ""
            for _ in 0..<Int(rng % 200) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                html += pieces[Int((rng >> 33) % UInt64(pieces.count))]
            }
            Self.checkShape(try Self.document(html))
        }
    }
}
