/* Page metadata: title, Open Graph fields, canonical address, publication time, language.
   The first non-empty value of each field wins. */
#include "wn_internal.h"

#include <stdlib.h>
#include <string.h>

enum { k_meta_cap = 2048 };

/* Stores a field with whitespace collapsed and control characters dropped (at most k_meta_cap bytes). */
static void set_field(wn_meta *m, int field, const xmlChar *s, size_t n) {
    if (field < 0 || field >= WN_META_COUNT || m->value[field] != NULL || s == NULL || n == 0) return;
    size_t cap = n < k_meta_cap ? n : k_meta_cap;
    uint8_t *out = malloc(cap + 1);
    if (out == NULL) {
        m->failed = 1;
        return;
    }
    size_t len = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        int is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                       (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0);
        if (is_space) {
            if (c == 0xC2) i++;
            space = len > 0;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        size_t seq = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + seq > n || len + space + seq > cap) break;
        if (space) out[len++] = ' ';
        space = 0;
        memcpy(out + len, s + i, seq);
        len += seq;
        i += seq - 1;
    }
    if (len == 0) {
        free(out);
        return;
    }
    out[len] = 0;
    m->value[field] = out;
    m->length[field] = (int32_t)len;
}

static void set_value(wn_meta *m, int field, const xmlChar *s) {
    if (s != NULL) set_field(m, field, s, strlen((const char *)s));
}

/* <meta name=...> values naming the publication time. */
static const char *const k_date_names[] = {
    "article:published_time", "og:published_time", "og:article:published_time", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "publishtime", "publish_time", "date",
    "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "datepublished", "sailthru.date",
    "parsely-pub-date", "publication_date", "original-publish-date", "article_date_original",
};

static int names_date(const xmlChar *key) {
    if (key == NULL) return 0;
    for (size_t i = 0; i < sizeof k_date_names / sizeof k_date_names[0]; i++)
        if (wn_ieq(key, k_date_names[i])) return 1;
    return 0;
}

static void meta_tag(wn_meta *m, const wn_attrs *a) {
    const xmlChar *content = a->content;
    if (content == NULL) return;
    const xmlChar *key = a->property != NULL ? a->property : a->name;
    if (wn_ieq(key, "og:title")) set_value(m, WN_META_OG_TITLE, content);
    else if (wn_ieq(key, "og:url")) set_value(m, WN_META_OG_URL, content);
    else if (wn_ieq(key, "og:site_name")) set_value(m, WN_META_SITE_NAME, content);
    else if (names_date(a->property) || names_date(a->name) || wn_ieq(a->itemprop, "datepublished"))
        set_value(m, WN_META_PUBLISHED, content);
    else if (wn_ieq(a->http_equiv, "content-language")) set_value(m, WN_META_LANG, content);
}

/* 1 when a space-separated list holds `word` (ASCII case-insensitive). */
static int has_word(const xmlChar *list, const char *word) {
    if (list == NULL) return 0;
    size_t n = strlen(word);
    const xmlChar *p = list;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
        const xmlChar *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f') p++;
        if ((size_t)(p - s) != n) continue;
        size_t i = 0;
        while (i < n && (s[i] | 0x20) == (xmlChar)word[i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

static void title_tag(wn_meta *m, xmlNodePtr element) {
    if (m->value[WN_META_TITLE] != NULL) return;
    wn_buf text = {0};
    for (xmlNodePtr c = element->children; c != NULL; c = c->next) {
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || c->content == NULL) continue;
        size_t n = strlen((const char *)c->content);
        if (n > k_meta_cap * 4) n = k_meta_cap * 4;
        if (!wn_buf_reserve(&text, n + 1)) break;
        memcpy(text.data + text.len, c->content, n);
        text.len += n;
        if (text.len > k_meta_cap * 4) break;
    }
    if (text.failed) m->failed = 1;
    set_field(m, WN_META_TITLE, text.data, text.len);
    free(text.data);
}

/* The string value of "datePublished" in JSON text (a plain search, not a JSON parse). */
static void json_ld(wn_meta *m, const xmlChar *s, size_t n) {
    static const char key[] = "\"datePublished\"";
    const size_t k = sizeof key - 1;
    for (size_t i = 0; i + k <= n; i++) {
        const void *hit = memchr(s + i, '"', n - i - k + 1);
        if (hit == NULL) return;
        i = (size_t)((const xmlChar *)hit - s);
        if (memcmp(s + i, key, k) != 0) continue;
        size_t j = i + k;
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) j++;
        if (j >= n || s[j] != ':') continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) j++;
        if (j >= n || s[j] != '"') continue;
        size_t start = ++j;
        while (j < n && s[j] != '"' && s[j] != '\\' && j - start < 64) j++;
        if (j < n && s[j] == '"' && j > start) {
            set_field(m, WN_META_JSONLD_PUBLISHED, s + start, j - start);
            return;
        }
    }
}

static void script_tag(wn_meta *m, xmlNodePtr element, const wn_attrs *a) {
    if (m->value[WN_META_JSONLD_PUBLISHED] != NULL || a->type == NULL) return;
    if (strstr((const char *)a->type, "ld+json") == NULL) return;
    for (xmlNodePtr c = element->children; c != NULL; c = c->next)
        if (c->content != NULL && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE))
            json_ld(m, c->content, strlen((const char *)c->content));
}

void wn_meta_element(wn_meta *m, xmlNodePtr element, const wn_tag *tag, const wn_attrs *a, int in_article) {
    const char *name = tag->name;
    if (a->itemprop != NULL && wn_ieq(a->itemprop, "datepublished"))
        set_value(m, WN_META_PUBLISHED, a->content != NULL ? a->content : a->datetime);
    if (!(tag->flags & WN_T_META)) return;
    switch (name[0]) {
    case 'h': /* html */
        set_value(m, WN_META_LANG, a->lang);
        break;
    case 'l': /* link */
        if (has_word(a->rel, "canonical")) set_value(m, WN_META_CANONICAL, a->href);
        break;
    case 'm': /* meta */
        meta_tag(m, a);
        break;
    case 's': /* script */
        script_tag(m, element, a);
        break;
    case 't':
        if (strcmp(name, "title") == 0) title_tag(m, element);
        else if (a->datetime != NULL && (in_article || a->pubdate)) set_value(m, WN_META_TIME_PUBLISHED, a->datetime);
        break;
    default: break;
    }
}

void wn_meta_free(wn_meta *m) {
    for (int i = 0; i < WN_META_COUNT; i++) free(m->value[i]);
    memset(m, 0, sizeof *m);
}
