import CWinnowHTML

/// The metadata a page states about itself, as found in its markup (first value of each wins).
public struct HTMLMetadata: Sendable, Hashable {
    /// `<title>` text.
    public var title: String?
    /// `<meta property="og:title">`.
    public var openGraphTitle: String?
    /// `<link rel="canonical">`'s href as written (may be relative).
    public var canonical: String?
    /// `<meta property="og:url">`.
    public var openGraphURL: String?
    /// `article:published_time`, `og:published_time`, `<meta name=pubdate|publishdate|date|…>`,
    /// or an element with `itemprop="datePublished"`.
    public var metaPublished: String?
    /// `"datePublished"` in a JSON-LD script.
    public var jsonLDPublished: String?
    /// `<time datetime>` inside `<article>`/`<main>`, or one marked `pubdate`.
    public var timePublished: String?
    /// `<meta property="og:site_name">`.
    public var siteName: String?
    /// `<html lang>` (or `xml:lang`), else `<meta http-equiv="content-language">`.
    public var language: String?

    /// Creates metadata from explicit values.
    public init(title: String? = nil, openGraphTitle: String? = nil, canonical: String? = nil, openGraphURL: String? = nil,
                metaPublished: String? = nil, jsonLDPublished: String? = nil, timePublished: String? = nil,
                siteName: String? = nil, language: String? = nil) {
        self.title = title
        self.openGraphTitle = openGraphTitle
        self.canonical = canonical
        self.openGraphURL = openGraphURL
        self.metaPublished = metaPublished
        self.jsonLDPublished = jsonLDPublished
        self.timePublished = timePublished
        self.siteName = siteName
        self.language = language
    }

    /// Reads each field through `value(WN_META_…)`.
    init(_ value: (Int32) -> String?) {
        self.init(title: value(WN_META_TITLE), openGraphTitle: value(WN_META_OG_TITLE),
                  canonical: value(WN_META_CANONICAL), openGraphURL: value(WN_META_OG_URL),
                  metaPublished: value(WN_META_PUBLISHED), jsonLDPublished: value(WN_META_JSONLD_PUBLISHED),
                  timePublished: value(WN_META_TIME_PUBLISHED), siteName: value(WN_META_SITE_NAME),
                  language: value(WN_META_LANG))
    }

    /// The publication time the page states, most explicit first: meta tags, then JSON-LD, then
    /// a `<time>` in the article.
    public var published: String? { metaPublished ?? jsonLDPublished ?? timePublished }
}
