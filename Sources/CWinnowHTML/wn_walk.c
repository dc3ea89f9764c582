/* Second pass: the walk that turns the tree into lines. Each element gets a frame holding what
   its text inherits (regions, block kind, link/pre flags); blocks end lines when they open and
   close, inline elements never do. The walk is iterative (parent/next pointers), so nesting depth
   costs heap, not stack. */
#include "wn_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    wn_frame *frames;
    size_t depth, cap;
    wn_lines *L;
    wn_meta *m;
    int failed;
} walker;

static const wn_frame k_root = {0, WN_BLOCK_OTHER, 0, 0, 0, 0};

/* Which block kind a line reports when blocks nest: the highest rank wins, the innermost among equals. */
static int block_rank(uint8_t kind) {
    switch (kind) {
    case WN_BLOCK_HEADING: return 5;
    case WN_BLOCK_PREFORMATTED: return 4;
    case WN_BLOCK_LIST_ITEM:
    case WN_BLOCK_TABLE_CELL: return 3;
    case WN_BLOCK_QUOTE: return 2;
    case WN_BLOCK_PARAGRAPH: return 1;
    default: return 0;
    }
}

static int push(walker *w, const wn_frame *f) {
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        wn_frame *frames = cap <= SIZE_MAX / sizeof *frames ? realloc(w->frames, cap * sizeof *frames) : NULL;
        if (frames == NULL) return 0;
        w->frames = frames;
        w->cap = cap;
    }
    w->frames[w->depth++] = *f;
    return 1;
}

/* Regions the element itself adds: tag, ARIA role, class/id tokens, itemprop, the first pass. */
static uint32_t own_regions(xmlNodePtr n, const wn_tag *tag, const wn_elem *e, const wn_frame *parent) {
    uint32_t own = tag->regions | e->roles;
    int in_article = (parent->flags & WN_F_ARTICLE) != 0;
    int in_content = in_article || (parent->regions & WN_REGION_CONTENT) != 0;
    /* A furniture token outweighs a content token on the same element ("post-comments"). */
    if (e->tokens) own |= e->tokens;
    else if (e->flags & WN_E_POSITIVE) own |= WN_REGION_CONTENT;
    /* "header" names the page header only outside content ("article-header" is the article's). */
    if ((e->flags & WN_E_HEADER) && !(e->flags & WN_E_POSITIVE) && !in_content) own |= WN_REGION_HEADER;
    if (e->flags & WN_E_ARTICLE_BODY) own |= WN_REGION_CONTENT;
    if ((tag->flags & WN_T_HEADER) && !in_content) own |= WN_REGION_HEADER;
    if ((e->flags & WN_E_ROLE_BANNER) && !in_article) own |= WN_REGION_HEADER;
    /* A list of teasers is other articles' (inside the main text, the article's own roundup). */
    if ((WN_PRIV(n) & WN_PRIV_TEASERS) && !(parent->regions & WN_REGION_MAIN_TEXT)) own |= WN_REGION_RELATED;
    if (WN_PRIV(n) & WN_PRIV_WRAPPER) own &= ~(uint32_t)(WN_FURNITURE | WN_REGION_CAPTION);
    if (WN_PRIV(n) & WN_PRIV_MAIN) own |= WN_REGION_MAIN_TEXT;
    return own;
}

/* Opens an element. Returns 1 when its children are to be walked (a frame was pushed). */
static int enter(walker *w, xmlNodePtr n) {
    const wn_tag *tag = wn_tag_of(n);
    const wn_frame *parent = w->depth ? &w->frames[w->depth - 1] : &k_root;
    int in_article = (parent->flags & WN_F_ARTICLE) != 0;
    wn_attrs a;
    if (tag->flags & (WN_T_SKIP | WN_T_BR)) {
        /* Never shown: only <meta>, <title>, <script type=ld+json>, <link> say anything. */
        if (tag->flags & WN_T_META) {
            wn_attrs_read(n, &a);
            wn_meta_element(w->m, n, tag, &a, in_article);
        }
        if ((tag->flags & WN_T_BR) && !(parent->flags & WN_F_NOTEXT)) wn_lines_break(w->L);
        return 0;
    }
    /* The first pass read what the attributes say; metadata needs the values themselves. */
    wn_elem e;
    if (!wn_elem_cached(n, &e)) wn_elem_read(n, tag, &a, &e);
    else if ((tag->flags & WN_T_META) || (e.flags & WN_E_ITEMPROP)) wn_attrs_read(n, &a);
    else memset(&a, 0, sizeof a);
    if ((tag->flags & WN_T_META) || (e.flags & WN_E_ITEMPROP)) wn_meta_element(w->m, n, tag, &a, in_article);

    wn_frame f = *parent;
    f.ends_line = 0;
    f.item = 0;
    uint32_t own = own_regions(n, tag, &e, parent);
    if ((tag->flags & WN_T_ARTICLE) || (e.flags & WN_E_ROLE_MAIN)) f.flags |= WN_F_ARTICLE;

    int hidden = (e.flags & WN_E_HIDDEN) != 0;
    if (hidden) own |= WN_REGION_HIDDEN;
    f.regions |= own;

    int block = (tag->flags & WN_T_BLOCK) != 0;
    if (e.flags & WN_E_BLOCK) block = 1;
    else if (e.flags & WN_E_INLINE) block = 0;
    /* Hidden text never shares a line with shown text. */
    if (hidden && !(parent->regions & WN_REGION_HIDDEN)) block = 1;

    if (tag->block != WN_BLOCK_OTHER && block_rank(tag->block) >= block_rank(f.block)) {
        f.block = tag->block;
        f.level = tag->level;
    }
    if (tag->flags & WN_T_PRE) f.flags |= WN_F_PRE;
    int link = (tag->flags & WN_T_A) && (e.flags & WN_E_HREF);
    if (link) f.flags |= WN_F_LINK;
    if (link || ((tag->regions & WN_REGION_FORM) && !block)) {
        f.flags |= WN_F_ITEM;
        f.item = 1;
    }
    if (tag->flags & WN_T_HEAD) f.flags |= WN_F_NOTEXT;

    if (block && !(f.flags & WN_F_NOTEXT)) {
        wn_lines_break(w->L);
        f.ends_line = 1;
    } else if (w->L->item_ended) {
        /* An element right after a link ("<a>title</a><span>03-12</span>") is another box: a
           space, where bare text ("<a>Apple</a>'s") still joins. */
        w->L->pending_space = 1;
    }
    if (!push(w, &f)) {
        w->failed = 1;
        return 0;
    }
    return 1;
}

static void leave(walker *w) {
    if (w->depth == 0) return;
    const wn_frame *f = &w->frames[--w->depth];
    if (f->ends_line) wn_lines_break(w->L);
    else if (f->item) wn_lines_item_end(w->L);
}

static void text(walker *w, xmlNodePtr n) {
    if (w->depth == 0 || n->content == NULL) return;
    const wn_frame *f = &w->frames[w->depth - 1];
    if (f->flags & WN_F_NOTEXT) return;
    wn_lines_text(w->L, n->content, strlen((const char *)n->content), f);
}

int wn_walk(xmlNodePtr first, wn_lines *L, wn_meta *m) {
    walker w = {NULL, 0, 0, L, m, 0};
    xmlNodePtr n = first;
    while (n != NULL && !w.failed && !L->failed) {
        int entered = 0;
        if (n->type == XML_ELEMENT_NODE) entered = enter(&w, n);
        else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) text(&w, n);
        if (entered && n->children != NULL) {
            n = n->children;
            continue;
        }
        if (entered) leave(&w);
        while (n->next == NULL) {
            n = n->parent;
            if (n == NULL || n->type != XML_ELEMENT_NODE) {
                n = NULL;
                break;
            }
            leave(&w);
        }
        if (n != NULL) n = n->next;
    }
    free(w.frames);
    return !w.failed && !L->failed;
}
