#ifndef WN_INTERNAL_H
#define WN_INTERNAL_H
/* Shared declarations of the extractor's parts (private to CWinnowHTML). */
#include "winnow_html.h"

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Growable byte buffer ---------------------------------------------------------------- */

typedef struct {
    uint8_t *data;
    size_t len, cap;
    int failed; /* an allocation failed; the content is incomplete */
} wn_buf;

/* Makes room for `extra` more bytes. Returns 0 (and sets failed) when memory runs out. */
int wn_buf_grow(wn_buf *b, size_t extra);

static inline int wn_buf_reserve(wn_buf *b, size_t extra) {
    return b->cap - b->len >= extra ? 1 : wn_buf_grow(b, extra);
}

/* ---- Tags --------------------------------------------------------------------------------- */

enum {
    WN_T_BLOCK = 1 << 0,    /* breaks lines before and after */
    WN_T_SKIP = 1 << 1,     /* content never shown (script, style, svg...) */
    WN_T_HEAD = 1 << 2,     /* <head>: walked for metadata only */
    WN_T_BR = 1 << 3,       /* <br> */
    WN_T_PRE = 1 << 4,      /* whitespace kept, newlines split lines */
    WN_T_A = 1 << 5,        /* <a>: a link when it has href */
    WN_T_ARTICLE = 1 << 6,  /* <article>, <main>: content, and <header> inside is no page header */
    WN_T_HEADER = 1 << 7,   /* <header>: a page header outside an article */
    WN_T_META = 1 << 8,     /* carries page metadata (html, meta, link, title, script, time) */
    WN_T_NOTOKENS = 1 << 9, /* <html>, <body>: class/id tokens describe the whole page, ignored */
};

typedef struct {
    const char *name;
    uint16_t flags;
    uint8_t block;    /* WN_BLOCK_* the element makes its lines, WN_BLOCK_OTHER for none */
    uint8_t level;    /* heading level */
    uint32_t regions; /* WN_REGION_* the tag itself implies */
} wn_tag;

/* The element's tag (an inline "unknown" entry for names not in the table). Cached in _private. */
const wn_tag *wn_tag_of(xmlNodePtr element);

/* node->_private layout: bits 0-7 tag index + 1 (0 = not looked up), bit 8 "wrapper of the main
   text" (the main text element and its ancestors), bit 9 "the main text element", bit 10 "a list
   of teasers", bits 11+ what the attributes say (wn_elem_cache, 64-bit pointers only). libxml2
   leaves _private to applications. */
#define WN_PRIV(n) ((uintptr_t)(n)->_private)
#define WN_SET_PRIV(n, v) ((n)->_private = (void *)(uintptr_t)(v))
#define WN_PRIV_TAG_MASK ((uintptr_t)0xFF)
#define WN_PRIV_WRAPPER ((uintptr_t)0x100)
#define WN_PRIV_MAIN ((uintptr_t)0x200)
#define WN_PRIV_TEASERS ((uintptr_t)0x400)

/* ---- Attributes ----------------------------------------------------------------------------- */

/* The attribute values an element is judged by (NULL when absent; "" for valueless). */
typedef struct {
    const xmlChar *cls, *id, *role, *style, *itemprop, *lang, *type;
    const xmlChar *name, *property, *content, *rel, *href, *datetime, *http_equiv;
    uint8_t hidden, aria_hidden, pubdate;
} wn_attrs;

void wn_attrs_read(xmlNodePtr element, wn_attrs *a);

/* ASCII case-insensitive equality of a NUL-terminated value and a lower-case literal. */
int wn_ieq(const xmlChar *value, const char *lower);

/* ---- Class/id tokens, roles, styles ----------------------------------------------------------- */

typedef struct {
    uint32_t negative; /* furniture region bits named by tokens */
    uint8_t positive;  /* an article/content token */
    uint8_t header;    /* a header/masthead token */
    uint8_t embed;     /* an embed/tweet token: an embedded post, not share buttons */
} wn_tokens;

/* Adds the tokens of one class or id value (split on non-letters and camelCase). */
void wn_tokens_scan(const xmlChar *value, wn_tokens *t);

/* 1 when a class value names a visually-hidden utility class (hidden, sr-only...). */
int wn_class_hides(const xmlChar *cls);

enum { WN_ROLE_MAIN = 1, WN_ROLE_BANNER = 2 };
/* Region bits of an ARIA role list; WN_ROLE_* flags in *special. */
uint32_t wn_role_regions(const xmlChar *role, int *special);

enum { WN_STYLE_HIDDEN = 1, WN_STYLE_BLOCK = 2, WN_STYLE_INLINE = 4 };
/* What an inline style says about display/visibility (WN_STYLE_* bits). */
int wn_style_display(const xmlChar *style);

/* Region bits that are furniture (the walk's and the score's sense of the word). */
#define WN_FURNITURE                                                                                \
    (WN_REGION_NAVIGATION | WN_REGION_HEADER | WN_REGION_FOOTER | WN_REGION_ASIDE | WN_REGION_FORM | \
     WN_REGION_COMMENTS | WN_REGION_RELATED | WN_REGION_SHARE | WN_REGION_ADVERT)

/* ---- What an element's attributes say ------------------------------------------------------- */

enum {
    WN_E_POSITIVE = 1 << 0,     /* an article/content token */
    WN_E_HEADER = 1 << 1,       /* a header/masthead token */
    WN_E_ROLE_MAIN = 1 << 2,    /* role=main */
    WN_E_ROLE_BANNER = 1 << 3,  /* role=banner */
    WN_E_HIDDEN = 1 << 4,       /* hidden, display:none, visibility:hidden, aria-hidden, sr-only... */
    WN_E_BLOCK = 1 << 5,        /* an inline style displays it as a block */
    WN_E_INLINE = 1 << 6,       /* an inline style displays it inline */
    WN_E_ARTICLE_BODY = 1 << 7, /* itemprop=articleBody */
    WN_E_ITEMPROP = 1 << 8,     /* any itemprop: metadata may be in it */
    WN_E_HREF = 1 << 9,         /* an href (on <a>: a link) */
};

typedef struct {
    uint32_t tokens; /* furniture and caption regions named by class/id tokens (none on html/body) */
    uint32_t roles;  /* regions named by the ARIA role */
    uint16_t flags;  /* WN_E_* */
} wn_elem;

/* Reads the element's attributes into *a and what they say into *e. */
void wn_elem_read(xmlNodePtr n, const wn_tag *tag, wn_attrs *a, wn_elem *e);
/* Keeps *e in the element's _private bits (where pointers have 64 bits; elsewhere a no-op). */
void wn_elem_cache(xmlNodePtr n, const wn_elem *e);
/* 1 with *e filled when wn_elem_cache kept it, else 0. */
int wn_elem_cached(xmlNodePtr n, wn_elem *e);

/* What an element's tag, role, tokens and itemprop say about it (WN_MARK_* bits). */
enum {
    WN_MARK_COMMENTS = 1,     /* a comments token */
    WN_MARK_FURNITURE = 2,    /* another furniture tag, role or token */
    WN_MARK_CONTENT = 4,      /* <article>, <main>, role=main, a content token */
    WN_MARK_ARTICLE_BODY = 8, /* itemprop=articleBody */
};
unsigned wn_class_marks(const wn_tag *tag, const wn_elem *e);

/* The main-text score's class weight of the marks of an element and its ancestors: each kind
   counts once, however deep the nesting (layout wrappers repeat their tokens). */
float wn_marks_weight(unsigned marks);

/* ---- Lines ------------------------------------------------------------------------------------ */

/* The context a text run is shown in. */
typedef struct {
    uint32_t regions;
    uint8_t block, level;
    uint8_t flags;     /* WN_F_*, inherited */
    uint8_t ends_line; /* the element breaks the line when it closes */
    uint8_t item;      /* the element is a link or button: a separate box on the line */
} wn_frame;

/* PRE: whitespace kept; LINK: inside <a href>; ARTICLE: inside <article>/<main>/role=main;
   NOTEXT: inside <head>; ITEM: inside a link or button. */
enum { WN_F_PRE = 1, WN_F_LINK = 2, WN_F_ARTICLE = 4, WN_F_NOTEXT = 8, WN_F_ITEM = 16 };

typedef struct {
    wn_buf text;
    wn_html_line *lines;
    size_t count, cap;
    size_t line_start;    /* offset of the open line in text */
    int32_t visible, link;
    uint32_t regions;     /* AND of the runs' regions */
    uint8_t block, level;
    uint8_t pending_space;
    uint8_t item_ended; /* a link or button just closed: another one starting next is spaced */
    int failed;
} wn_lines;

/* Appends a text run shown in `frame`. */
void wn_lines_text(wn_lines *L, const xmlChar *s, size_t n, const wn_frame *frame);
/* A link or button closed: adjacent links ("<a>Subscribe</a><a>Sign In</a>") are separate boxes,
   laid out apart by CSS, so one starting right after (or any element, see wn_walk.c) gets a space. */
void wn_lines_item_end(wn_lines *L);
/* Ends the open line (dropped when it has no visible character). */
void wn_lines_break(wn_lines *L);
/* Ends the last line and removes the trailing separator. */
void wn_lines_finish(wn_lines *L);
void wn_lines_free(wn_lines *L);

/* ---- Metadata ----------------------------------------------------------------------------------- */

typedef struct {
    uint8_t *value[WN_META_COUNT];
    int32_t length[WN_META_COUNT];
    int failed;
} wn_meta;

/* Reads what an element says about the page (only when tag has WN_T_META, or itemprop set). */
void wn_meta_element(wn_meta *m, xmlNodePtr element, const wn_tag *tag, const wn_attrs *a, int in_article);
void wn_meta_free(wn_meta *m);

/* ---- Passes -------------------------------------------------------------------------------------- */

/* First pass: scores blocks by their non-link text and flags the element holding the main text
   and its ancestors (WN_PRIV_WRAPPER), whose furniture classes are layout, not furniture. */
void wn_mark_main_text(xmlNodePtr first);

/* Second pass: emits lines and metadata. Returns 0 when memory ran out. */
int wn_walk(xmlNodePtr first, wn_lines *L, wn_meta *m);

/* Replaces invalid UTF-8 with U+FFFD. Returns 1 and sets *copy = NULL when the input is valid,
   1 with a malloc'ed *copy otherwise, 0 when memory runs out. */
int wn_utf8_sanitize(const uint8_t *s, size_t n, uint8_t **copy, size_t *copy_len, int32_t *replaced);

#endif
