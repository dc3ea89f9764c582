import WinnowCore

/// Turns one HTML page into an article: visible text as lines, one `LineHint` per line, and the
/// page's own metadata (title, canonical address, publication time).
public enum HTMLArticleReader {
    /// Builds an article from a page's UTF-8 bytes. `url` and `fetchedAt` come from the crawl
    /// (WARC-Target-URI, WARC-Date) and are used when the page names none of its own.
    /// Returns nil when the page has no visible text.
    public static func article(utf8 html: [UInt8], id: String, url: String?, fetchedAt: String?,
                               origin: RecordOrigin?) -> Article? {
        // Skeleton: replaced by the libxml2-based reader.
        let text = String(decoding: html, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        return Article(id: id, text: text, url: url, publishedAt: fetchedAt, origin: origin)
    }
}
