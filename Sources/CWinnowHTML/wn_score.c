/* First pass: find the element holding the page's main text, the way readability-style
   extractors score candidates. Every block whose own non-link text has at least k_min_block
   visible characters adds that count to its parent and half of it to its grandparent; the element
   with the highest score holds the main text. It and its ancestors are flagged as wrappers: a
   furniture class or tag on them (<form id=aspnetForm>, <div class="has-sidebar">) describes the
   page layout, not furniture, and the walk ignores it. */
#include "wn_internal.h"

#include <stdlib.h>

enum { k_min_block = 25, k_min_best = 100 };

typedef struct {
    uint32_t direct; /* visible non-link characters of the block's own text */
    int32_t block;   /* stack index of the nearest block frame (itself when a block) */
    uint8_t link;
} score_frame;

static uintptr_t add_score(xmlNodePtr n, uintptr_t amount) {
    uintptr_t priv = WN_PRIV(n);
    uintptr_t score = priv >> WN_PRIV_SCORE_SHIFT;
    uintptr_t limit = UINTPTR_MAX >> WN_PRIV_SCORE_SHIFT;
    score = amount > limit - score ? limit : score + amount;
    WN_SET_PRIV(n, (priv & ((1u << WN_PRIV_SCORE_SHIFT) - 1)) | (score << WN_PRIV_SCORE_SHIFT));
    return score;
}

static uint32_t visible_count(const xmlChar *s) {
    uint32_t n = 0;
    for (; *s; s++)
        if (*s > 0x20 && (*s & 0xC0) != 0x80 && n < UINT32_MAX) n++;
    return n;
}

typedef struct {
    score_frame *frames;
    size_t depth, cap;
    xmlNodePtr best;
    uintptr_t best_score;
    int failed;
} scorer;

static int push(scorer *s, const wn_tag *tag) {
    if (s->depth == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        score_frame *f = realloc(s->frames, cap * sizeof *f);
        if (f == NULL) return 0;
        s->frames = f;
        s->cap = cap;
    }
    score_frame *parent = s->depth ? &s->frames[s->depth - 1] : NULL;
    score_frame *f = &s->frames[s->depth];
    f->direct = 0;
    f->block = (tag->flags & WN_T_BLOCK) || parent == NULL ? (int32_t)s->depth : parent->block;
    f->link = (uint8_t)((parent && parent->link) || (tag->flags & WN_T_A));
    s->depth++;
    return 1;
}

static void credit(scorer *s, xmlNodePtr n, uintptr_t amount) {
    if (n == NULL || n->type != XML_ELEMENT_NODE || amount == 0) return;
    uintptr_t score = add_score(n, amount);
    if (score > s->best_score) {
        s->best_score = score;
        s->best = n;
    }
}

static void leave(scorer *s, xmlNodePtr n) {
    if (s->depth == 0) return;
    score_frame *f = &s->frames[--s->depth];
    if (f->block == (int32_t)s->depth && f->direct >= k_min_block) {
        credit(s, n->parent, f->direct);
        if (n->parent != NULL) credit(s, n->parent->parent, f->direct / 2);
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
                if (!push(&s, tag)) s.failed = 1;
                else entered = 1;
            }
        } else if (n->type == XML_TEXT_NODE && n->content != NULL && s.depth > 0) {
            score_frame *f = &s.frames[s.depth - 1];
            if (!f->link) {
                score_frame *b = &s.frames[f->block];
                uint32_t add = visible_count(n->content);
                b->direct = add > UINT32_MAX - b->direct ? UINT32_MAX : b->direct + add;
            }
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
    if (s.failed || s.best == NULL || s.best_score < k_min_best) return;
    WN_SET_PRIV(s.best, WN_PRIV(s.best) | WN_PRIV_MAIN);
    for (xmlNodePtr p = s.best; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
        WN_SET_PRIV(p, WN_PRIV(p) | WN_PRIV_WRAPPER);
}
