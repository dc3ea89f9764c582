import Testing
@testable import WinnowCore
@testable import WinnowIO

/// Page metadata, and the article built from it.
extension HTMLTests {
    static func article(_ html: String, url: String? = "https://news.example.com/world/2024/story.html",
                        fetchedAt: String? = "2024-06-01T00:00:00Z") throws -> Article {
        try #require(HTMLArticleReader.article(utf8: Array(html.utf8), id: "p1", url: url, fetchedAt: fetchedAt,
                                               origin: RecordOrigin(file: "crawl.warc.gz", line: 3)))
    }

    @Test func metadataFields() throws {
        let doc = try Self.document("""
        <html lang="en-GB"><head><title> The  Story &amp; More | Example News </title>
        <meta property="og:title" content="The Story &amp; More"><meta property="og:url" content="https://example.com/og">
        <meta property="og:site_name" content="Example News"><link rel="stylesheet" href="/s.css">
        <link rel="Canonical" href="/world/story"><meta property="article:published_time" content="2024-05-01T10:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"x","datePublished" : "2024-05-01T09:00:00+02:00","dateModified":"2024-05-02"}</script>
        </head><body><article><time datetime="2024-04-30">April 30</time><p>Body</p></article></body></html>
        """)
        let m = doc.metadata
        #expect(m.title == "The Story & More | Example News")
        #expect(m.openGraphTitle == "The Story & More")
        #expect(m.openGraphURL == "https://example.com/og")
        #expect(m.canonical == "/world/story")
        #expect(m.siteName == "Example News")
        #expect(m.language == "en-GB")
        #expect(m.metaPublished == "2024-05-01T10:00:00Z")
        #expect(m.jsonLDPublished == "2024-05-01T09:00:00+02:00")
        #expect(m.timePublished == "2024-04-30")
        #expect(m.published == "2024-05-01T10:00:00Z")
        #expect(doc.lines == ["April 30", "Body"])
    }

    @Test func publicationTimeSources() throws {
        #expect(try Self.document("<meta name='PubDate' content='2024-01-02 08:00'><p>x</p>").metadata.published == "2024-01-02 08:00")
        #expect(try Self.document("<meta name='publishdate' content='2024-01-03'><p>x</p>").metadata.published == "2024-01-03")
        #expect(try Self.document("<span itemprop='datePublished' content='2024-01-04'>Jan 4</span>").metadata.published == "2024-01-04")
        #expect(try Self.document("<meta itemprop='datePublished' content='2024-01-05'><p>x</p>").metadata.published == "2024-01-05")
        // JSON-LD beats <time>; <time> counts inside the article or with pubdate only.
        let jsonLD = "<script type='application/ld+json'>{\"datePublished\":\"2024-01-06\"}</script>"
        #expect(try Self.document(jsonLD + "<article><time datetime='2024-01-07'>t</time></article>").metadata.published == "2024-01-06")
        #expect(try Self.document("<article><time datetime='2024-01-07'>t</time></article>").metadata.published == "2024-01-07")
        #expect(try Self.document("<div><time datetime='2024-01-08'>t</time></div>").metadata.published == nil)
        #expect(try Self.document("<div><time pubdate datetime='2024-01-09'>t</time></div>").metadata.published == "2024-01-09")
        // Plain scripts are not JSON-LD.
        #expect(try Self.document("<script>var a = {\"datePublished\": \"2024-01-10\"}</script><p>x</p>").metadata.published == nil)
    }

    @Test func articleFromPage() throws {
        let a = try Self.article("""
        <html><head><title>Rates rise again - Markets - Example News</title>
        <link rel="canonical" href="/markets/rates"></head>
        <body><h1>Rates rise again</h1><p>The bank raised rates.</p></body></html>
        """)
        #expect(a.id == "p1" && a.origin?.description == "crawl.warc.gz:3")
        #expect(a.text == "Rates rise again\nThe bank raised rates.")
        #expect(a.lineHints?.count == 2 && a.lineHints?.first?.block == .heading)
        #expect(a.title == "Rates rise again")
        #expect(a.url == "https://news.example.com/markets/rates")
        #expect(a.publishedAt == "2024-06-01T00:00:00Z")
        #expect(a.source == nil && a.site == "news.example.com")
    }

    @Test func addressResolution() throws {
        let base = "https://news.example.com/world/2024/story.html?x=1"
        #expect(HTMLPageAddress.absolute("https://other.example/a", base: base) == "https://other.example/a")
        #expect(HTMLPageAddress.absolute("//cdn.example.com/a", base: base) == "https://cdn.example.com/a")
        #expect(HTMLPageAddress.absolute("/a/b", base: base) == "https://news.example.com/a/b")
        #expect(HTMLPageAddress.absolute("other.html", base: base) == "https://news.example.com/world/2024/other.html")
        #expect(HTMLPageAddress.absolute("javascript:void(0)", base: base) == nil)
        #expect(HTMLPageAddress.absolute("/a", base: nil) == nil)
        #expect(HTMLPageAddress.absolute("https://x.example/a b", base: base) == nil)
        #expect(HTMLPageAddress.resolve(canonical: "ftp://x/y", openGraph: "https://og.example/p", crawled: base) == "https://og.example/p")
        #expect(HTMLPageAddress.resolve(canonical: nil, openGraph: nil, crawled: base) == base)
        let a = try Self.article("<meta property='og:url' content='https://example.com/og'><p>x</p>", url: nil)
        #expect(a.url == "https://example.com/og")
    }

    @Test func titleWithoutSiteName() {
        let h = HTMLTitle.headline
        #expect(h(nil, "Big News | Example Site", "Example Site") == "Big News")
        #expect(h(nil, "Example Site - Big News", "example site") == "Big News")
        #expect(h("Big News", "Big News | Example Site", "Example Site") == "Big News")
        #expect(h("Big News — Example", nil, "Example") == "Big News")
        // Without a site name: sure separators only.
        #expect(h(nil, "Big News | Example", nil) == "Big News")
        #expect(h(nil, "Example | Big News Today", nil) == "Big News Today")
        #expect(h(nil, "国务院常务会议部署稳就业举措_国内新闻_新闻中心", nil) == "国务院常务会议部署稳就业举措")
        #expect(h(nil, "Big News - Politics - Example", nil) == "Big News")
        #expect(h(nil, "Biden - Trump debate draws record audience", nil) == "Biden - Trump debate draws record audience")
        #expect(h(nil, "COVID-19 cases fall", nil) == "COVID-19 cases fall")
        // og:title is the headline as the site states it: only a known site name is removed.
        #expect(h("Politics | Today", "x", nil) == "Politics | Today")
        #expect(h(nil, "  ", nil) == nil && h(nil, nil, nil) == nil)
        #expect(h(nil, "Example Site", "Example Site") == "Example Site")
    }

    @Test func pagesWithoutTextGiveNoArticle() {
        for html in ["", "   \n ", "<html><head><title>Only title</title></head><body> </body></html>", "<script>x()</script>"] {
            #expect(HTMLArticleReader.article(utf8: Array(html.utf8), id: "e", url: nil, fetchedAt: nil, origin: nil) == nil)
        }
    }
}
