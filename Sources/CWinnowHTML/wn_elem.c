/* What an element's own attributes say before any text is read: the regions its class/id tokens
   and ARIA role name, whether it is hidden, what its inline style makes of it. The first pass
   reads them once and keeps them in the element's _private bits; the walk reuses them. Also the
   main-text score's class weight of an element. */
#include "wn_internal.h"

#include <string.h>

/* _private layout above the bits of wn_internal.h (64-bit pointers only): bit 11 "read", then
   the token regions (13 bits), the role regions (13 bits) and the WN_E_* flags (10 bits). */
#if UINTPTR_MAX >= 0xFFFFFFFFFFFFFFFFu
#define CACHE 1
enum { READ_BIT = 11, TOKENS_SHIFT = 12, ROLES_SHIFT = 25, FLAGS_SHIFT = 38, REGION_BITS = 13, FLAG_BITS = 10 };
_Static_assert(WN_REGION_CAPTION < (1u << REGION_BITS), "region bits must fit the cache");
_Static_assert(WN_E_HREF < (1u << FLAG_BITS), "flags must fit the cache");
#else
#define CACHE 0
#endif

void wn_elem_read(xmlNodePtr n, const wn_tag *tag, wn_attrs *a, wn_elem *e) {
    wn_attrs_read(n, a);
    memset(e, 0, sizeof *e);
    int special = 0;
    e->roles = wn_role_regions(a->role, &special);
    if (special & WN_ROLE_MAIN) e->flags |= WN_E_ROLE_MAIN;
    if (special & WN_ROLE_BANNER) e->flags |= WN_E_ROLE_BANNER;
    /* Classes on <html> and <body> describe the whole page ("has-sidebar", "nav-open"). */
    int page = (tag->flags & WN_T_NOTOKENS) != 0;
    if (!page && (a->cls != NULL || a->id != NULL)) {
        wn_tokens t = {0, 0, 0, 0};
        wn_tokens_scan(a->cls, &t);
        wn_tokens_scan(a->id, &t);
        if (t.embed) t.negative &= ~(uint32_t)WN_REGION_SHARE; /* "social-media-embed" */
        e->tokens = t.negative;
        if (t.positive) e->flags |= WN_E_POSITIVE;
        if (t.header) e->flags |= WN_E_HEADER;
    }
    int style = wn_style_display(a->style);
    /* aria-hidden and utility classes on <html>/<body> are script state (an open dialog), not hiding. */
    if (a->hidden || (style & WN_STYLE_HIDDEN) || (!page && (a->aria_hidden || wn_class_hides(a->cls))))
        e->flags |= WN_E_HIDDEN;
    if (style & WN_STYLE_BLOCK) e->flags |= WN_E_BLOCK;
    else if (style & WN_STYLE_INLINE) e->flags |= WN_E_INLINE;
    if (a->href != NULL) e->flags |= WN_E_HREF;
    if (a->itemprop != NULL) {
        e->flags |= WN_E_ITEMPROP;
        if (wn_ieq(a->itemprop, "articlebody")) e->flags |= WN_E_ARTICLE_BODY;
    }
}

void wn_elem_cache(xmlNodePtr n, const wn_elem *e) {
#if CACHE
    const uintptr_t mask = ((uintptr_t)1 << REGION_BITS) - 1;
    uintptr_t bits = (uintptr_t)1 << READ_BIT;
    bits |= ((uintptr_t)e->tokens & mask) << TOKENS_SHIFT;
    bits |= ((uintptr_t)e->roles & mask) << ROLES_SHIFT;
    bits |= ((uintptr_t)e->flags & (((uintptr_t)1 << FLAG_BITS) - 1)) << FLAGS_SHIFT;
    WN_SET_PRIV(n, WN_PRIV(n) | bits);
#else
    (void)n;
    (void)e;
#endif
}

int wn_elem_cached(xmlNodePtr n, wn_elem *e) {
#if CACHE
    uintptr_t priv = WN_PRIV(n);
    if (!(priv & ((uintptr_t)1 << READ_BIT))) return 0;
    const uintptr_t mask = ((uintptr_t)1 << REGION_BITS) - 1;
    e->tokens = (uint32_t)((priv >> TOKENS_SHIFT) & mask);
    e->roles = (uint32_t)((priv >> ROLES_SHIFT) & mask);
    e->flags = (uint16_t)((priv >> FLAGS_SHIFT) & (((uintptr_t)1 << FLAG_BITS) - 1));
    return 1;
#else
    (void)n;
    (void)e;
    return 0;
#endif
}

unsigned wn_class_marks(const wn_tag *tag, const wn_elem *e) {
    uint32_t negative = (tag->regions | e->roles | e->tokens) & WN_FURNITURE;
    int positive = (tag->flags & WN_T_ARTICLE) || (e->flags & (WN_E_ROLE_MAIN | WN_E_ARTICLE_BODY)) ||
                   ((e->flags & WN_E_POSITIVE) && !e->tokens);
    unsigned marks = 0;
    if (negative & WN_REGION_COMMENTS) marks |= WN_MARK_COMMENTS;
    else if (negative) marks |= WN_MARK_FURNITURE;
    if (positive) marks |= WN_MARK_CONTENT;
    if (e->flags & WN_E_ARTICLE_BODY) marks |= WN_MARK_ARTICLE_BODY;
    return marks;
}

float wn_marks_weight(unsigned marks) {
    float w = (marks & WN_MARK_ARTICLE_BODY) ? 2.0f : (marks & WN_MARK_CONTENT) ? 1.25f : 1.0f;
    /* Comments are the one furniture written as prose at length: they weigh least. */
    if (marks & WN_MARK_COMMENTS) w *= 0.2f;
    else if (marks & WN_MARK_FURNITURE) w *= 0.5f;
    return w;
}
