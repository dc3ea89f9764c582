import Testing
@testable import WinnowCore
@testable import WinnowIO

/// Regions from tags, ARIA roles, class/id tokens and hiding; link density.
extension HTMLTests {
    @Test func regionsFromTags() throws {
        let doc = try Self.document("""
        <body><header><a href="/">Logo</a></header><nav><a href="/a">Menu item</a></nav>
        <article><header><h1>Article title</h1></header><p>Article text.</p>
        <footer>Article footer</footer></article>
        <aside>Aside text</aside><form><label>Query</label><select><option>Option</option></select></form>
        <div>Click <button>Go</button></div><footer>Page footer</footer></body>
        """)
        #expect(try Self.hint("Logo", in: doc).regions.subtracting(.mainText) == [.header])
        #expect(try Self.hint("Menu item", in: doc).regions.subtracting(.mainText) == [.navigation])
        #expect(try Self.hint("Article title", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Article text.", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Article footer", in: doc).regions.subtracting(.mainText) == [.content, .footer])
        #expect(try Self.hint("Aside text", in: doc).regions.subtracting(.mainText) == [.aside])
        #expect(try Self.hint("Query", in: doc).regions.subtracting(.mainText) == [.form])
        #expect(try Self.hint("Option", in: doc).regions.subtracting(.mainText) == [.form])
        // Only part of the line is a button: the line is not in a form.
        #expect(try Self.hint("Click Go", in: doc).regions.subtracting(.mainText) == [])
        #expect(try Self.hint("Page footer", in: doc).regions.subtracting(.mainText) == [.footer])
    }

    @Test func regionsFromRoles() throws {
        let doc = try Self.document("""
        <div role="banner">Banner</div><div role="navigation">Nav</div><div role="main"><div role="banner">Inner banner</div>
        <p>Main text</p></div><div role="complementary">Comp</div><div role="search">Find</div>
        <div role="contentinfo">Info</div><div role="presentation">Plain</div>
        """)
        #expect(try Self.hint("Banner", in: doc).regions.subtracting(.mainText) == [.header])
        #expect(try Self.hint("Nav", in: doc).regions.subtracting(.mainText) == [.navigation])
        #expect(try Self.hint("Inner banner", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Main text", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Comp", in: doc).regions.subtracting(.mainText) == [.aside])
        #expect(try Self.hint("Find", in: doc).regions.subtracting(.mainText) == [.form])
        #expect(try Self.hint("Info", in: doc).regions.subtracting(.mainText) == [.footer])
        #expect(try Self.hint("Plain", in: doc).regions.subtracting(.mainText) == [])
    }

    @Test func regionsFromClassAndIdTokens() throws {
        let cases: [(String, LineHint.Regions)] = [
            ("class='main-nav'", [.navigation]), ("class='navbar-top'", [.navigation]),
            ("id='breadcrumbs'", [.navigation]), ("class='site-footer'", [.footer]), ("class='copyright'", [.footer]),
            ("class='sidebar-right'", [.aside]), ("class='widget_text'", [.aside]), ("class='search-box'", [.form]),
            ("id='comments'", [.comments]), ("class='comment-list'", [.comments]), ("class='related-posts'", [.related]),
            ("class='recommended'", [.related]), ("class='share-buttons'", [.share]), ("class='socialLinks'", [.share]),
            ("class='shareBar'", [.share]), ("class='ad'", [.advert]), ("class='topAd'", [.advert]),
            ("class='AdSlot'", [.advert]), ("id='div-gpt-ad-123'", [.advert]), ("class='sponsored-content'", [.advert]),
            ("class='newsletter-signup'", [.advert, .form]), ("class='cookie-banner'", [.advert]),
            ("class='article-body'", [.content]), ("class='entry-content'", [.content]), ("id='storyText'", [.content]),
            ("itemprop='articleBody'", [.content]), ("class='post-comments'", [.comments]),
            ("class='site-header'", [.header]), ("id='masthead'", [.header]),
            // Embedded posts are content, not share buttons.
            ("class='social-media-embed'", []), ("class='twitter-tweet'", []),
        ]
        for (attributes, regions) in cases {
            let doc = try Self.document("<div \(attributes)>Text</div>")
            #expect(doc.hints.first?.regions.subtracting(.mainText) == regions, "\(attributes)")
        }
    }

    @Test func ambiguousTokensDoNotMatch() throws {
        // "ad" is a whole token: never inside head, read, download, shadow, badge, load.
        let plain = ["class='head'", "class='read-more'", "class='download'", "class='shadow'", "class='badge'",
                     "class='loaded'", "class='navy'", "class='commentary'", "class='text-center'", "class='modal-body'",
                     "class='headline'", "class='banner'", "class='thread'", "class='advice'", "class='menuitem'"]
        for attributes in plain {
            let doc = try Self.document("<div \(attributes)>Text</div>")
            #expect(doc.hints.first?.regions.subtracting(.mainText) == [], "\(attributes)")
        }
        // A header class names the page header only outside the article.
        let doc = try Self.document("""
        <div class="header">Site header</div><article><div class="header">Story header</div></article>
        <div class="post"><div class="header">Post header</div></div><div class="article-header">Own header</div>
        """)
        #expect(try Self.hint("Site header", in: doc).regions.subtracting(.mainText) == [.header])
        #expect(try Self.hint("Story header", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Post header", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Own header", in: doc).regions.subtracting(.mainText) == [.content])
        // Classes on <html> and <body> describe the whole page (WordPress "has-sidebar").
        let body = try Self.document("<html class='nav-open'><body class='has-sidebar single-post'><p>Body text</p></body></html>")
        #expect(body.hints.first?.regions.subtracting(.mainText) == [])
    }

    @Test func wrappersOfTheMainTextAreNotFurniture() throws {
        let paragraph = String(repeating: "A sentence of the story that runs on. ", count: 4)
        let doc = try Self.document("""
        <body><form id="aspnetForm" action="/page.aspx"><div class="layout with-sidebar">
        <div class="nav"><a href="/">Home</a></div><form class="search"><input name="q"><button>Search</button></form>
        <div id="story"><p>\(paragraph)1</p><p>\(paragraph)2</p><p>\(paragraph)3</p></div>
        <div class="sidebar"><p>\(paragraph)side</p></div></div></form></body>
        """)
        #expect(try Self.hint(paragraph + "1", in: doc).regions.subtracting(.mainText) == [.content])
        #expect(try Self.hint("Home", in: doc).regions.subtracting(.mainText) == [.navigation])
        #expect(try Self.hint("Search", in: doc).regions.subtracting(.mainText) == [.form])
        #expect(try Self.hint(paragraph + "side", in: doc).regions.subtracting(.mainText) == [.aside])
    }

    @Test func hiddenElements() throws {
        let doc = try Self.document("""
        <div hidden>Attr</div><div aria-hidden="true">Aria</div><div aria-hidden="false">Shown</div>
        <div style="color: red; display : none !important">Styled</div><div style="visibility:hidden">Invisible</div>
        <div class="sr-only">Screen reader</div><div class="hidden md:block">Responsive</div>
        <p>Before <span style="display:none">secret</span> after</p><div class="display-none-x">Class word</div>
        """)
        for text in ["Attr", "Aria", "Styled", "Invisible", "Screen reader", "secret"] {
            #expect(try Self.hint(text, in: doc).regions.subtracting(.mainText) == [.hidden], "\(text)")
        }
        for text in ["Shown", "Responsive", "Before", "after", "Class word"] {
            #expect(try Self.hint(text, in: doc).regions.subtracting(.mainText) == [], "\(text)")
        }
        // Hidden text inside a shown line gets its own line.
        #expect(doc.lines.contains("Before") && doc.lines.contains("after"))
    }

    @Test func lineRegionsHoldForEveryCharacter() throws {
        let doc = try Self.document("""
        <p>Follow us on <a class="social-link" href="/t">Twitter</a></p>
        <div><a class="share-fb" href="/f">Facebook</a> <a class="share-tw" href="/t">Twitter</a></div>
        """)
        #expect(doc.hints[0].regions.subtracting(.mainText) == [])
        #expect(doc.hints[1].regions.subtracting(.mainText) == [.share])
        #expect(doc.hints[1].linkDensity == 1)
    }
}
