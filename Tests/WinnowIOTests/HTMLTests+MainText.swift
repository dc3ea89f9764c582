import Testing
@testable import WinnowCore
@testable import WinnowIO

/// The main-text pick (class weights, hidden copies, links, teaser lists), lists of teasers and
/// captions. Fixtures are written here.
extension HTMLTests {
    /// A paragraph of made-up prose, numbered so that lines differ.
    static func prose(_ n: Int, sentences: Int = 3) -> String {
        (0..<sentences).map { s in "Sentence \(s + 1) of paragraph \(n) tells the story at some length, as articles do." }
            .joined(separator: " ")
    }

    /// Lines inside the main-text element.
    static func mainLines(_ doc: HTMLDocument) -> [String] {
        doc.lines.indices.filter { doc.mainText[$0] }.map { String(doc.lines[$0]) }
    }

    @Test func commentsLongerThanTheArticleAreNotItsMainText() throws {
        let comments = (1...6).map { "<div class='comment-body'><p>\(Self.prose(10 + $0, sentences: 4))</p></div>" }.joined()
        let doc = try Self.document("""
        <body><div class="story"><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p></div>
        <div id="comments">\(comments)</div></body>
        """)
        #expect(Self.mainLines(doc) == [Self.prose(1), Self.prose(2)])
        #expect(try Self.hint(Self.prose(11, sentences: 4), in: doc).regions.contains(.comments))
    }

    @Test func hiddenCopiesAreNotTheMainText() throws {
        let copy = (1...8).map { "<p>\(Self.prose(20 + $0))</p>" }.joined()
        let doc = try Self.document("""
        <body><div style="display:none">\(copy)</div><div><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p></div></body>
        """)
        #expect(Self.mainLines(doc) == [Self.prose(1), Self.prose(2)])
    }

    @Test func articleBodyOutweighsMoreTextBesideIt() throws {
        let other = (1...3).map { "<p>\(Self.prose(30 + $0))</p>" }.joined()
        let doc = try Self.document("""
        <body><div itemprop="articleBody"><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p></div>
        <div class="about">\(other)</div></body>
        """)
        #expect(Self.mainLines(doc) == [Self.prose(1), Self.prose(2)])
    }

    @Test func aDivOfBrokenLinesBesideAMenuIsTheMainText() throws {
        let menu = (1...40).map { "<li><a href='/c/\($0)'>Category number \($0)</a></li>" }.joined()
        let doc = try Self.document("""
        <body><div class="row"><div class="col">\(Self.prose(1))<br><br>\(Self.prose(2))</div>
        <div class="col"><ul>\(menu)</ul></div></div></body>
        """)
        #expect(Self.mainLines(doc) == [Self.prose(1), Self.prose(2)])
    }

    @Test func teasersAreOtherArticles() throws {
        let teasers = (1...8).map { "<li><a href='/n/\($0)'>Headline of another story \($0)</a> \(Self.prose(40 + $0, sentences: 2))</li>" }
            .joined()
        let doc = try Self.document("""
        <body><div class="breaking"><ul>\(teasers)</ul></div>
        <div class="entry"><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p><p>\(Self.prose(3))</p></div></body>
        """)
        // More text than the article, but linked titles over excerpts: not the main text.
        #expect(Self.mainLines(doc) == [Self.prose(1), Self.prose(2), Self.prose(3)])
        let teaser = try Self.hint("Headline of another story 1 " + Self.prose(41, sentences: 2), in: doc)
        #expect(teaser.regions.contains(.related))
        #expect(try !Self.hint(Self.prose(1), in: doc).regions.contains(.related))
    }

    @Test func aRoundupInsideTheMainTextAndEmbeddedPostsAreNoTeasers() throws {
        let items = (1...4).map { "<li><strong><a href='/x/\($0)'>Item title number \($0)</a></strong> \(Self.prose(50 + $0, sentences: 1))</li>" }
            .joined()
        let doc = try Self.document("""
        <body><div class="post"><p>\(Self.prose(1))</p><ol>\(items)</ol><p>\(Self.prose(2))</p></div>
        <div class="embeds"><blockquote><p><a href='/tag'>#BreakingStoryNow</a> \(Self.prose(60, sentences: 1))</p></blockquote>
        <blockquote><p><a href='/tag'>#BreakingStoryNow</a> \(Self.prose(61, sentences: 1))</p></blockquote></div></body>
        """)
        let item = try Self.hint("Item title number 1 " + Self.prose(51, sentences: 1), in: doc)
        #expect(item.regions.contains(.mainText) && !item.regions.contains(.related))
        #expect(try !Self.hint("#BreakingStoryNow " + Self.prose(60, sentences: 1), in: doc).regions.contains(.related))
    }

    @Test func captionsAndCredits() throws {
        let doc = try Self.document("""
        <body><article><div class="body"><p>\(Self.prose(1))</p>
        <figure><img src="a.jpg"><figcaption>A harbour at dawn, seen from the pier.</figcaption></figure>
        <div class="image"><img src="b.jpg"><span class="photo-credit">Photo: A. Photographer</span></div>
        <div class="wp-caption-text">Boats leaving before the storm.</div>
        <p>Before <span class="credit">inline credit</span> after, in a sentence.</p><p>\(Self.prose(2))</p></div></article></body>
        """)
        for line in ["A harbour at dawn, seen from the pier.", "Photo: A. Photographer", "Boats leaving before the storm."] {
            #expect(try Self.hint(line, in: doc).regions.contains(.caption), "\(line)")
        }
        // Only part of the line is a credit: the line is no caption.
        #expect(try !Self.hint("Before inline credit after, in a sentence.", in: doc).regions.contains(.caption))
        #expect(try !Self.hint(Self.prose(1), in: doc).regions.contains(.caption))
        // A caption class on the main text's own wrapper is layout.
        let wrapped = try Self.document("<body><div class='gallery-captions'><p>\(Self.prose(1))</p><p>\(Self.prose(2))</p></div></body>")
        #expect(wrapped.hints.allSatisfy { !$0.regions.contains(.caption) })
    }

    @Test func aPaywallWrapsTheArticlesOwnText() throws {
        let doc = try Self.document("<body><div class='article-body'><p>\(Self.prose(1))</p><div class='paywall'><p>\(Self.prose(2))</p></div></div></body>")
        #expect(try Self.hint(Self.prose(2), in: doc).regions.isDisjoint(with: LineHint.Regions.furniture))
    }
}
