/* Entry point: sanitize, parse with libxml2's HTML parser, score, walk, keep the result. */
#include "winnow_html.h"
#include "wn_internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct wn_html_page {
    wn_lines lines;
    wn_meta meta;
    int32_t replaced;
    int32_t truncated;
};

/* RECOVER: real pages are broken; NOERROR/NOWARNING: no output to stderr; NONET: never fetch a
   DTD; COMPACT: small text nodes without a separate allocation; NODEFDTD: no implied doctype;
   IGNORE_ENC: the caller decoded the page, a <meta charset> must not switch encodings.
   Not NOBLANKS: libxml2 drops whitespace-only text after unknown inline elements with it
   ("<x-a>a</x-a> <b>b</b>" would read "ab"). */
static const int k_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC;

/* libxml2 stops a document nested deeper than xmlParserMaxDepth (256 by default): unclosed
   <font>/<p> pairs on old pages reach that. XML_PARSE_HUGE would lift the limit entirely, but then
   stray end tags cost time proportional to the depth each (minutes for a hostile megabyte), so
   the limit is raised to a depth no real page reaches, once, before any parse. */
static const unsigned k_max_depth = 2048;

static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void init_parser(void) {
    xmlInitParser();
    if (xmlParserMaxDepth < k_max_depth) xmlParserMaxDepth = k_max_depth;
}

static const uint8_t k_empty_text[1] = {0};

static xmlDocPtr parse(const uint8_t *html, size_t length, int32_t *truncated) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt((const char *)html, (int)length);
    if (ctxt == NULL) return NULL;
    htmlCtxtUseOptions(ctxt, k_options);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    /* Only the depth limit raises this error, and it halts the parser. */
    *truncated = ctxt->errNo == XML_ERR_INTERNAL_ERROR;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

wn_html_page *wn_html_extract(const uint8_t *html, int64_t length) {
    if (length < 0 || (html == NULL && length > 0) || (uint64_t)length > (uint64_t)SIZE_MAX) return NULL;
    pthread_once(&g_once, init_parser);
    wn_html_page *page = calloc(1, sizeof *page);
    if (page == NULL) return NULL;
    uint8_t *copy = NULL;
    size_t n = (size_t)length;
    if (n > 0 && !wn_utf8_sanitize(html, n, &copy, &n, &page->replaced)) {
        free(page);
        return NULL;
    }
    if (copy == NULL) n = (size_t)length;
    const uint8_t *src = copy != NULL ? copy : html;
    int ok = n <= INT_MAX;
    if (ok && n > 0) {
        xmlDocPtr doc = parse(src, n, &page->truncated);
        if (doc != NULL) {
            wn_mark_main_text(doc->children);
            ok = wn_walk(doc->children, &page->lines, &page->meta);
            xmlFreeDoc(doc);
        }
    }
    free(copy);
    wn_lines_finish(&page->lines);
    if (!ok || page->lines.failed || page->lines.text.failed || page->meta.failed) {
        wn_html_free(page);
        return NULL;
    }
    return page;
}

const uint8_t *wn_html_text(const wn_html_page *page) {
    return page != NULL && page->lines.text.data != NULL ? page->lines.text.data : k_empty_text;
}

int64_t wn_html_text_length(const wn_html_page *page) { return page != NULL ? (int64_t)page->lines.text.len : 0; }

int32_t wn_html_line_count(const wn_html_page *page) { return page != NULL ? (int32_t)page->lines.count : 0; }

const wn_html_line *wn_html_lines(const wn_html_page *page) { return page != NULL ? page->lines.lines : NULL; }

const uint8_t *wn_html_meta(const wn_html_page *page, int32_t field, int32_t *length) {
    if (length != NULL) *length = 0;
    if (page == NULL || field < 0 || field >= WN_META_COUNT || page->meta.value[field] == NULL) return NULL;
    if (length != NULL) *length = page->meta.length[field];
    return page->meta.value[field];
}

int32_t wn_html_replaced_sequences(const wn_html_page *page) { return page != NULL ? page->replaced : 0; }

int32_t wn_html_truncated(const wn_html_page *page) { return page != NULL ? page->truncated : 0; }

uint32_t wn_html_max_depth(void) { return k_max_depth; }

void wn_html_free(wn_html_page *page) {
    if (page == NULL) return;
    wn_lines_free(&page->lines);
    wn_meta_free(&page->meta);
    free(page);
}
