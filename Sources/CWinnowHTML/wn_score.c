/* First pass: find the element holding the page's main text, the way readability-style
   extractors score candidates. Every block (headings aside) whose own non-link text has at least
   k_min_block visible characters adds that count to its parent, half of it to its grandparent and
   half to itself (a <div> of <br>-separated text is a candidate of its own). A candidate's score
   is then weighed by what the markup of it and its ancestors says (wn_marks_weight: a comments
   token lowers it most, another furniture tag or token lowers it, <article>, a content token or
   itemprop=articleBody raise it), by its share of text outside links, and down when most of its
   text is in a list of teasers (linked titles over excerpts: other articles). The element with the
   highest weighed score holds the main text. Hidden elements (structured-data copies, closed
   dialogs) are not scored. The winner and its ancestors are flagged as wrappers: a furniture
   class or tag on them (<form id=aspnetForm>, <div class="has-sidebar">) describes the page
   layout, not furniture, and the walk ignores it. Lists of teasers are flagged for the walk.
   The pass also reads every element's attributes once and caches what they say (wn_elem). */
#include "wn_internal.h"

#include <stdlib.h>
#include <string.h>

enum { k_min_block = 25, k_min_best = 100 };

/* A teaser: an element opening with a link (a title) of at least k_teaser_title characters
   followed by at least k_teaser_excerpt characters of other text, k_teaser_max at most. */
enum { k_teaser_title = 10, k_teaser_excerpt = 25, k_teaser_max = 1000 };

enum { LEAD_NONE, LEAD_TEXT, LEAD_LINK };

typedef struct {
    uint32_t score;      /* credits from the blocks below */
    uint32_t teaser_text; /* visible characters of the children that are teasers */
    uint32_t teasers;     /* how many children are teasers */
    uint32_t direct;     /* visible non-link characters of the block's own text */
    uint32_t text, link; /* visible characters of the subtree, and those inside links */
    int32_t block;       /* stack index of the nearest block frame (itself when a block) */
    uint8_t marks;       /* WN_MARK_* of the element and its ancestors */
    uint8_t link_flag;   /* inside <a> */
    uint8_t hidden;      /* inside a hidden element: not scored */
    uint8_t quote;       /* inside <blockquote>: an embedded post opening with a hashtag is no teaser */
    uint8_t lead;        /* LEAD_*: whether the element's first visible text is a link's */
} score_frame;

static uint32_t visible_count(const xmlChar *s) {
    uint32_t n = 0;
    for (; *s; s++)
        if (*s > 0x20 && (*s & 0xC0) != 0x80 && n < UINT32_MAX) n++;
    return n;
}

static uint32_t add_sat(uint32_t a, uint32_t b) { return b > UINT32_MAX - a ? UINT32_MAX : a + b; }

typedef struct {
    score_frame *frames;
    size_t depth, cap;
    xmlNodePtr best;
    double best_score;
    int failed;
} scorer;

static int push(scorer *s, xmlNodePtr n, const wn_tag *tag) {
    if (s->depth == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        score_frame *f = cap <= SIZE_MAX / sizeof *f ? realloc(s->frames, cap * sizeof *f) : NULL;
        if (f == NULL) return 0;
        s->frames = f;
        s->cap = cap;
    }
    const score_frame *parent = s->depth ? &s->frames[s->depth - 1] : NULL;
    score_frame *f = &s->frames[s->depth];
    wn_attrs a;
    wn_elem e;
    wn_elem_read(n, tag, &a, &e);
    wn_elem_cache(n, &e);
    memset(f, 0, sizeof *f);
    f->block = (tag->flags & WN_T_BLOCK) || parent == NULL ? (int32_t)s->depth : parent->block;
    f->link_flag = (uint8_t)((parent && parent->link_flag) || (tag->flags & WN_T_A));
    f->hidden = (uint8_t)((parent && parent->hidden) || (e.flags & WN_E_HIDDEN));
    f->quote = (uint8_t)((parent && parent->quote) || tag->block == WN_BLOCK_QUOTE);
    f->marks = (uint8_t)((parent ? parent->marks : 0) | wn_class_marks(tag, &e));
    s->depth++;
    return 1;
}

static void credit(score_frame *f, uint32_t amount) { f->score = add_sat(f->score, amount); }

/* A title linked over an excerpt: another article's teaser (outside quotes: an embedded post may
   open with a hashtag). */
static int is_teaser(const score_frame *f) {
    return !f->quote && f->lead == LEAD_LINK && f->link >= k_teaser_title && f->text - f->link >= k_teaser_excerpt &&
           f->text <= k_teaser_max;
}

/* Two or more teasers holding most of the element's text. */
static int is_teaser_list(const score_frame *f) {
    return f->teasers >= 2 && (double)f->teaser_text * 2 > (double)f->text;
}

/* The candidate's score as weighed by its markup, its links and its teasers. */
static double weighed(const score_frame *f) {
    if (f->score < k_min_best || f->text == 0) return 0;
    double outside_links = 1.0 - (double)f->link / (double)f->text;
    double w = wn_marks_weight(f->marks);
    if (is_teaser_list(f)) w *= 0.3;
    return (double)f->score * w * outside_links;
}

static void leave(scorer *s, xmlNodePtr n) {
    if (s->depth == 0) return;
    score_frame *f = &s->frames[--s->depth];
    score_frame *parent = s->depth > 0 ? &s->frames[s->depth - 1] : NULL;
    score_frame *grand = s->depth > 1 ? &s->frames[s->depth - 2] : NULL;
    if (parent != NULL) {
        parent->text = add_sat(parent->text, f->text);
        parent->link = add_sat(parent->link, f->link);
        if (parent->lead == LEAD_NONE) parent->lead = f->lead;
        if (is_teaser(f)) {
            parent->teasers = add_sat(parent->teasers, 1);
            parent->teaser_text = add_sat(parent->teaser_text, f->text);
        }
    }
    /* Headings name the text; they are not the text (a headline block outweighs a short snippet). */
    if (f->block == (int32_t)s->depth && f->direct >= k_min_block && wn_tag_of(n)->block != WN_BLOCK_HEADING) {
        /* A block that is all text (a <div> of <br>-separated lines) is a candidate of its own. */
        credit(f, f->direct / 2);
        if (parent != NULL) credit(parent, f->direct);
        if (grand != NULL) credit(grand, f->direct / 2);
    }
    /* Every block below has been left: the element's score is complete. */
    if (is_teaser_list(f)) WN_SET_PRIV(n, WN_PRIV(n) | WN_PRIV_TEASERS);
    double score = weighed(f);
    if (score > s->best_score) {
        s->best_score = score;
        s->best = n;
    }
}

static void text(scorer *s, xmlNodePtr n) {
    score_frame *f = &s->frames[s->depth - 1];
    if (f->hidden) return;
    uint32_t add = visible_count(n->content);
    if (add == 0) return;
    if (f->lead == LEAD_NONE) f->lead = f->link_flag ? LEAD_LINK : LEAD_TEXT;
    f->text = add_sat(f->text, add);
    if (f->link_flag) {
        f->link = add_sat(f->link, add);
    } else {
        score_frame *b = &s->frames[f->block];
        b->direct = add_sat(b->direct, add);
    }
}

void wn_mark_main_text(xmlNodePtr first) {
    scorer s = {0};
    xmlNodePtr n = first;
    while (n != NULL && !s.failed) {
        int entered = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const wn_tag *tag = wn_tag_of(n);
            if (!(tag->flags & (WN_T_SKIP | WN_T_HEAD))) {
                if (!push(&s, n, tag)) s.failed = 1;
                else entered = 1;
            }
        } else if (n->type == XML_TEXT_NODE && n->content != NULL && s.depth > 0) {
            text(&s, n);
        }
        if (entered && n->children != NULL) {
            n = n->children;
            continue;
        }
        if (entered) leave(&s, n);
        while (n->next == NULL) {
            n = n->parent;
            if (n == NULL || n->type != XML_ELEMENT_NODE) {
                n = NULL;
                break;
            }
            leave(&s, n);
        }
        if (n != NULL) n = n->next;
    }
    free(s.frames);
    if (s.failed || s.best == NULL) return;
    WN_SET_PRIV(s.best, WN_PRIV(s.best) | WN_PRIV_MAIN);
    for (xmlNodePtr p = s.best; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
        WN_SET_PRIV(p, WN_PRIV(p) | WN_PRIV_WRAPPER);
}
