import WinnowCore

/// Turns one HTML page into an article: visible text as lines, one `LineHint` per line, and the
/// page's own metadata (title, canonical address, publication time).
public enum HTMLArticleReader {
    /// Builds an article from a page's UTF-8 bytes. `url` and `fetchedAt` come from the crawl
    /// (WARC-Target-URI, WARC-Date) and are used when the page names none of its own.
    /// Returns nil when the page has no visible text.
    ///
    /// - `text`: the page's lines (see `HTMLDocument`), `lineHints`: one per line.
    /// - `title`: `og:title`, else `<title>`, without the site name (see `HTMLTitle`).
    /// - `url`: `<link rel=canonical>`, else `og:url` (resolved against `url`), else `url`.
    /// - `publishedAt`: the page's own date (meta tags, JSON-LD, `<time>` in the article), else `fetchedAt`.
    /// - `source`: nil; the site is derived from the url.
    public static func article(utf8 html: [UInt8], id: String, url: String?, fetchedAt: String?,
                               origin: RecordOrigin?) -> Article? {
        guard let document = HTMLDocument(utf8: html), !document.text.isEmpty else { return nil }
        return article(from: document, id: id, url: url, fetchedAt: fetchedAt, origin: origin)
    }

    /// Builds an article from an already parsed page (nil when it has no text).
    public static func article(from document: HTMLDocument, id: String, url: String?, fetchedAt: String?,
                               origin: RecordOrigin?) -> Article? {
        guard !document.text.isEmpty else { return nil }
        let meta = document.metadata
        var article = Article(
            id: id, text: document.text,
            title: HTMLTitle.headline(openGraphTitle: meta.openGraphTitle, title: meta.title, siteName: meta.siteName),
            url: HTMLPageAddress.resolve(canonical: meta.canonical, openGraph: meta.openGraphURL, crawled: url),
            publishedAt: meta.published.map(HTMLTitle.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? fetchedAt,
            source: nil, origin: origin)
        article.lineHints = document.hints
        article.replacedSequences = document.replacedSequences
        return article
    }
}
