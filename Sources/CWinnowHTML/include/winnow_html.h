#ifndef WINNOW_HTML_H
#define WINNOW_HTML_H
/*
 * The only place Winnow calls libxml2's HTML parser. Swift sees plain C types here; <libxml/...>
 * is included by the .c files alone.
 *
 * wn_html_extract parses one page (UTF-8) and walks its tree once: the text a reader sees becomes
 * lines separated by '\n', each with a record of markup evidence, and the page's metadata is kept
 * as strings. Everything is owned by the returned page and released by wn_html_free.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Region bits of a line: the same values as LineHint.Regions in WinnowCore. */
#define WN_REGION_NAVIGATION (1u << 0)
#define WN_REGION_HEADER (1u << 1)
#define WN_REGION_FOOTER (1u << 2)
#define WN_REGION_ASIDE (1u << 3)
#define WN_REGION_FORM (1u << 4)
#define WN_REGION_COMMENTS (1u << 5)
#define WN_REGION_RELATED (1u << 6) /* also a list of teasers outside the main text */
#define WN_REGION_SHARE (1u << 7)
#define WN_REGION_ADVERT (1u << 8)
#define WN_REGION_CONTENT (1u << 9)
#define WN_REGION_HIDDEN (1u << 10)
/* Inside the element the extractor's scoring picked as holding the main text (readability-style:
   the parent of the most paragraph text, weighed by its markup and its share of text outside links). */
#define WN_REGION_MAIN_TEXT (1u << 11)
/* Inside <figcaption> or a caption/credit token: the words under a picture. */
#define WN_REGION_CAPTION (1u << 12)

/* Block kinds of a line: the raw values of LineHint.Block in WinnowCore. */
#define WN_BLOCK_PARAGRAPH 0
#define WN_BLOCK_HEADING 1
#define WN_BLOCK_LIST_ITEM 2
#define WN_BLOCK_TABLE_CELL 3
#define WN_BLOCK_PREFORMATTED 4
#define WN_BLOCK_QUOTE 5
#define WN_BLOCK_OTHER 6

/* Metadata fields for wn_html_meta. */
#define WN_META_TITLE 0            /* <title> text */
#define WN_META_OG_TITLE 1         /* <meta property=og:title> */
#define WN_META_CANONICAL 2        /* <link rel=canonical href> (as written: may be relative) */
#define WN_META_OG_URL 3           /* <meta property=og:url> */
#define WN_META_PUBLISHED 4        /* article:published_time, og:published_time, pubdate/date metas, itemprop=datePublished */
#define WN_META_JSONLD_PUBLISHED 5 /* "datePublished" in a <script type=application/ld+json> */
#define WN_META_TIME_PUBLISHED 6   /* <time datetime> inside <article>/<main>, or with pubdate */
#define WN_META_SITE_NAME 7        /* <meta property=og:site_name> */
#define WN_META_LANG 8             /* <html lang>, else <meta http-equiv=content-language> */
#define WN_META_COUNT 9

/// Markup evidence for one line of the extracted text.
typedef struct wn_html_line {
    /// WN_REGION_* bits that hold for every visible character of the line.
    uint32_t regions;
    /// WN_BLOCK_* kind of the block the line starts in.
    uint8_t block;
    /// 1-6 for headings, else 0.
    uint8_t heading_level;
    uint16_t reserved;
    /// Visible characters (Unicode scalars, spaces excluded) inside <a href>.
    int32_t link_chars;
    /// Visible characters (Unicode scalars, spaces excluded) of the line; always > 0.
    int32_t visible_chars;
} wn_html_line;

/// An extracted page: text, line records and metadata.
typedef struct wn_html_page wn_html_page;

/// Parses `length` bytes of UTF-8 HTML (invalid sequences are replaced with U+FFFD first).
/// Returns NULL when memory runs out or the input is longer than libxml2 accepts (2 GiB).
wn_html_page *wn_html_extract(const uint8_t *html, int64_t length);

/// The lines, UTF-8, separated by '\n' (no trailing newline), NUL-terminated. Never NULL; no '\r'
/// or control characters other than tab.
const uint8_t *wn_html_text(const wn_html_page *page);

/// Bytes of wn_html_text.
int64_t wn_html_text_length(const wn_html_page *page);

/// Number of lines (and of records in wn_html_lines).
int32_t wn_html_line_count(const wn_html_page *page);

/// One record per line, in order.
const wn_html_line *wn_html_lines(const wn_html_page *page);

/// A metadata field (WN_META_*) as UTF-8 with whitespace collapsed, or NULL when the page has none.
const uint8_t *wn_html_meta(const wn_html_page *page, int32_t field, int32_t *length);

/// Invalid UTF-8 sequences replaced with U+FFFD before parsing.
int32_t wn_html_replaced_sequences(const wn_html_page *page);

/// 1 when libxml2 stopped early (nesting deeper than its limit): text after that point is missing.
int32_t wn_html_truncated(const wn_html_page *page);

/// The nesting depth past which libxml2 stops parsing a page (wn_html_truncated then says 1).
uint32_t wn_html_max_depth(void);

/// Releases a page from wn_html_extract (NULL is fine).
void wn_html_free(wn_html_page *page);

#ifdef __cplusplus
}
#endif
#endif
