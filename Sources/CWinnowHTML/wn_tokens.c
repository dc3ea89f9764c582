/* Class/id tokens, ARIA roles and inline styles: what an element's attributes say about the page
   region it belongs to. Tokens are whole words only ("ad" matches "ad-slot" and "topAd" but never
   "head", "read" or "download"). */
#include "wn_internal.h"

#include <string.h>

enum { TOK_NEGATIVE, TOK_POSITIVE, TOK_HEADER, TOK_EMBED };

typedef struct {
    const char *word;
    uint32_t regions;
    uint8_t kind;
} token_entry;

/* Sorted by strcmp for bsearch. Deliberately absent, as too ambiguous on real pages: "text" and
   "body" (text-center, modal-body), "banner" (ad or masthead), "more" (read-more), "top",
   "bottom", "meta", "hidden" (see wn_class_hides), social network names (embedded posts), "main"
   ("main-wrap" holds sidebars as often as not; <main> and role=main still count), "paywall" (it
   wraps the article's own paid part). */
static const token_entry k_tokens[] = {
    {"ad", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"addthis", WN_REGION_SHARE, TOK_NEGATIVE},
    {"ads", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"adsense", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"adslot", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"adunit", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"advert", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"advertisement", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"advertisements", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"advertising", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"adverts", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"article", 0, TOK_POSITIVE},
    {"articlebody", 0, TOK_POSITIVE},
    {"articlecontent", 0, TOK_POSITIVE},
    {"aside", WN_REGION_ASIDE, TOK_NEGATIVE},
    {"bodytext", 0, TOK_POSITIVE},
    {"breadcrumb", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"breadcrumbs", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"caption", WN_REGION_CAPTION, TOK_NEGATIVE},
    {"captions", WN_REGION_CAPTION, TOK_NEGATIVE},
    {"colophon", WN_REGION_FOOTER, TOK_NEGATIVE},
    {"comment", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"comments", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"consent", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"content", 0, TOK_POSITIVE},
    {"cookie", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"cookies", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"copyright", WN_REGION_FOOTER, TOK_NEGATIVE},
    {"credit", WN_REGION_CAPTION, TOK_NEGATIVE},
    {"credits", WN_REGION_CAPTION, TOK_NEGATIVE},
    {"crumb", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"crumbs", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"detail", 0, TOK_POSITIVE},
    {"dfp", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"disqus", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"embed", 0, TOK_EMBED},
    {"embedded", 0, TOK_EMBED},
    {"entry", 0, TOK_POSITIVE},
    {"entrycontent", 0, TOK_POSITIVE},
    {"footer", WN_REGION_FOOTER, TOK_NEGATIVE},
    {"gdpr", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"header", 0, TOK_HEADER},
    {"login", WN_REGION_FORM, TOK_NEGATIVE},
    {"logon", WN_REGION_FORM, TOK_NEGATIVE},
    {"maintext", 0, TOK_POSITIVE},
    {"masthead", 0, TOK_HEADER},
    {"menu", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"menubar", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"menus", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"mostread", WN_REGION_RELATED, TOK_NEGATIVE},
    {"nav", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"navbar", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"navi", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"navigation", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"newsletter", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"outbrain", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"pager", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"pagination", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"popular", WN_REGION_RELATED, TOK_NEGATIVE},
    {"post", 0, TOK_POSITIVE},
    {"postcontent", 0, TOK_POSITIVE},
    {"promo", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"promos", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"promoted", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"promotion", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"rail", WN_REGION_ASIDE, TOK_NEGATIVE},
    {"recommend", WN_REGION_RELATED, TOK_NEGATIVE},
    {"recommendation", WN_REGION_RELATED, TOK_NEGATIVE},
    {"recommendations", WN_REGION_RELATED, TOK_NEGATIVE},
    {"recommended", WN_REGION_RELATED, TOK_NEGATIVE},
    {"related", WN_REGION_RELATED, TOK_NEGATIVE},
    {"replies", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"reply", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"respond", WN_REGION_COMMENTS, TOK_NEGATIVE},
    {"search", WN_REGION_FORM, TOK_NEGATIVE},
    {"searchbar", WN_REGION_FORM, TOK_NEGATIVE},
    {"searchbox", WN_REGION_FORM, TOK_NEGATIVE},
    {"searchform", WN_REGION_FORM, TOK_NEGATIVE},
    {"share", WN_REGION_SHARE, TOK_NEGATIVE},
    {"sharebar", WN_REGION_SHARE, TOK_NEGATIVE},
    {"sharethis", WN_REGION_SHARE, TOK_NEGATIVE},
    {"sharing", WN_REGION_SHARE, TOK_NEGATIVE},
    {"sidebar", WN_REGION_ASIDE, TOK_NEGATIVE},
    {"signin", WN_REGION_FORM, TOK_NEGATIVE},
    {"signup", WN_REGION_FORM, TOK_NEGATIVE},
    {"social", WN_REGION_SHARE, TOK_NEGATIVE},
    {"sponsor", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"sponsored", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"sponsors", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"story", 0, TOK_POSITIVE},
    {"storytext", 0, TOK_POSITIVE},
    {"subnav", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"subscribe", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"subscription", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"taboola", WN_REGION_ADVERT, TOK_NEGATIVE},
    {"tagcloud", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"tags", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"topbar", 0, TOK_HEADER},
    {"topnav", WN_REGION_NAVIGATION, TOK_NEGATIVE},
    {"trending", WN_REGION_RELATED, TOK_NEGATIVE},
    {"trs", 0, TOK_POSITIVE},
    {"tweet", 0, TOK_EMBED},
    {"widget", WN_REGION_ASIDE, TOK_NEGATIVE},
    {"widgets", WN_REGION_ASIDE, TOK_NEGATIVE},
};

enum { k_token_count = sizeof k_tokens / sizeof k_tokens[0], k_max_token = 24 };

static const token_entry *find_token(const char *word) {
    size_t lo = 0, hi = k_token_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(word, k_tokens[mid].word);
        if (c == 0) return &k_tokens[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

static void add_token(wn_tokens *t, const char *word) {
    const token_entry *e = find_token(word);
    if (e == NULL) return;
    switch (e->kind) {
    case TOK_NEGATIVE: t->negative |= e->regions; break;
    case TOK_POSITIVE: t->positive = 1; break;
    case TOK_HEADER: t->header = 1; break;
    default: t->embed = 1; break;
    }
}

static int is_upper(xmlChar c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(xmlChar c) { return c >= 'a' && c <= 'z'; }

void wn_tokens_scan(const xmlChar *value, wn_tokens *t) {
    if (value == NULL) return;
    char word[k_max_token + 1];
    size_t len = 0;
    int too_long = 0;
    for (const xmlChar *p = value;; p++) {
        xmlChar c = *p;
        int letter = is_upper(c) || is_lower(c);
        /* A token ends at a non-letter, or where a lower-case letter meets an upper-case one. */
        int split = !letter || (is_upper(c) && p > value && is_lower(p[-1]));
        if (split && (len > 0 || too_long)) {
            if (!too_long) {
                word[len] = 0;
                add_token(t, word);
            }
            len = 0;
            too_long = 0;
        }
        if (c == 0) break;
        if (!letter) continue;
        if (len == k_max_token) {
            too_long = 1;
            len = 0;
        }
        if (!too_long) word[len++] = (char)(is_upper(c) ? c + 32 : c);
    }
}

/* Utility classes that hide an element from sighted readers, with their lengths. */
static const struct {
    const char *word;
    size_t len;
} k_hiding_classes[] = {
#define W(s) {s, sizeof s - 1}
    W("hidden"), W("hide"), W("invisible"), W("is-hidden"), W("u-hidden"), W("sr-only"), W("visually-hidden"),
    W("visuallyhidden"), W("screen-reader-text"), W("screen-reader-only"), W("element-invisible"), W("offscreen"),
    W("a11y-hidden"),
#undef W
};

int wn_class_hides(const xmlChar *cls) {
    if (cls == NULL) return 0;
    /* Responsive utilities ("hidden md:block") show the element on some screens. */
    if (strchr((const char *)cls, ':') != NULL) return 0;
    const xmlChar *p = cls;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
        const xmlChar *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f') p++;
        size_t len = (size_t)(p - start);
        if (len == 0 || len > 20) continue;
        for (size_t i = 0; i < sizeof k_hiding_classes / sizeof k_hiding_classes[0]; i++) {
            const char *w = k_hiding_classes[i].word;
            if (k_hiding_classes[i].len != len) continue;
            size_t j = 0;
            while (j < len && (start[j] | 0x20) == (xmlChar)w[j]) j++;
            if (j == len) return 1;
        }
    }
    return 0;
}

static int word_is(const xmlChar *start, size_t len, const char *lower) {
    size_t n = strlen(lower);
    if (n != len) return 0;
    for (size_t i = 0; i < n; i++) {
        xmlChar c = start[i];
        if (is_upper(c)) c += 32;
        if (c != (xmlChar)lower[i]) return 0;
    }
    return 1;
}

uint32_t wn_role_regions(const xmlChar *role, int *special) {
    uint32_t regions = 0;
    if (role == NULL) return 0;
    const xmlChar *p = role;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
        const xmlChar *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f') p++;
        size_t n = (size_t)(p - s);
        if (n == 0) continue;
        if (word_is(s, n, "navigation") || word_is(s, n, "menu") || word_is(s, n, "menubar"))
            regions |= WN_REGION_NAVIGATION;
        else if (word_is(s, n, "banner")) *special |= WN_ROLE_BANNER;
        else if (word_is(s, n, "contentinfo")) regions |= WN_REGION_FOOTER;
        else if (word_is(s, n, "complementary")) regions |= WN_REGION_ASIDE;
        else if (word_is(s, n, "search") || word_is(s, n, "form")) regions |= WN_REGION_FORM;
        else if (word_is(s, n, "main")) {
            regions |= WN_REGION_CONTENT;
            *special |= WN_ROLE_MAIN;
        }
    }
    return regions;
}

/* The value after "name:" at p (spaces skipped), or NULL when no colon follows. */
static const xmlChar *declaration_value(const xmlChar *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p != ':') return NULL;
    p++;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

static int starts_with(const xmlChar *p, const char *lower) {
    for (; *lower; p++, lower++) {
        xmlChar c = *p;
        if (is_upper(c)) c += 32;
        if (c != (xmlChar)*lower) return 0;
    }
    return 1;
}

int wn_style_display(const xmlChar *style) {
    if (style == NULL) return 0;
    int display = 0, hidden = 0;
    for (const xmlChar *p = style; *p; p++) {
        /* A property name starts the declaration list or follows ';', '{' or whitespace. */
        if (p != style && !(p[-1] == ';' || p[-1] == '{' || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
            continue;
        if ((*p | 0x20) == 'd' && starts_with(p, "display")) {
            const xmlChar *v = declaration_value(p + 7);
            if (v == NULL) continue;
            if (starts_with(v, "none")) display = WN_STYLE_HIDDEN;
            else if (starts_with(v, "inline")) display = WN_STYLE_INLINE;
            else if (starts_with(v, "block") || starts_with(v, "flex") || starts_with(v, "grid") ||
                     starts_with(v, "table") || starts_with(v, "list-item") || starts_with(v, "flow-root"))
                display = WN_STYLE_BLOCK;
            else display = 0;
        } else if ((*p | 0x20) == 'v' && starts_with(p, "visibility")) {
            const xmlChar *v = declaration_value(p + 10);
            if (v != NULL) hidden = starts_with(v, "hidden") || starts_with(v, "collapse");
        }
    }
    return display | (hidden ? WN_STYLE_HIDDEN : 0);
}
