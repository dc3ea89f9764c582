/* Tag table: which elements are blocks, which are never shown, which imply regions. Elements not
   listed (span, b, em, custom elements...) are inline, as browsers treat unknown elements. */
#include "wn_internal.h"

#include <string.h>

#define B WN_T_BLOCK
#define OTHER WN_BLOCK_OTHER

/* Sorted by strcmp for bsearch; the last entry is the default for unknown names. */
static const wn_tag k_tags[] = {
    {"a", WN_T_A, OTHER, 0, 0},
    {"address", B, OTHER, 0, 0},
    {"applet", WN_T_SKIP, OTHER, 0, 0},
    {"article", B | WN_T_ARTICLE, OTHER, 0, WN_REGION_CONTENT},
    {"aside", B, OTHER, 0, WN_REGION_ASIDE},
    {"audio", WN_T_SKIP, OTHER, 0, 0},
    {"blockquote", B, WN_BLOCK_QUOTE, 0, 0},
    {"body", B | WN_T_NOTOKENS, OTHER, 0, 0},
    {"br", WN_T_BR, OTHER, 0, 0},
    {"button", 0, OTHER, 0, WN_REGION_FORM},
    {"canvas", WN_T_SKIP, OTHER, 0, 0},
    {"caption", B, OTHER, 0, 0},
    {"center", B, OTHER, 0, 0},
    {"datalist", WN_T_SKIP, OTHER, 0, 0},
    {"dd", B, WN_BLOCK_LIST_ITEM, 0, 0},
    {"details", B, OTHER, 0, 0},
    {"dialog", B, OTHER, 0, 0},
    {"dir", B, OTHER, 0, 0},
    {"div", B, OTHER, 0, 0},
    {"dl", B, OTHER, 0, 0},
    {"dt", B, WN_BLOCK_LIST_ITEM, 0, 0},
    {"embed", WN_T_SKIP, OTHER, 0, 0},
    {"fieldset", B, OTHER, 0, 0},
    {"figcaption", B, OTHER, 0, WN_REGION_CAPTION},
    {"figure", B, OTHER, 0, 0},
    {"footer", B, OTHER, 0, WN_REGION_FOOTER},
    {"form", B, OTHER, 0, WN_REGION_FORM},
    {"frame", WN_T_SKIP, OTHER, 0, 0},
    {"frameset", WN_T_SKIP, OTHER, 0, 0},
    {"h1", B, WN_BLOCK_HEADING, 1, 0},
    {"h2", B, WN_BLOCK_HEADING, 2, 0},
    {"h3", B, WN_BLOCK_HEADING, 3, 0},
    {"h4", B, WN_BLOCK_HEADING, 4, 0},
    {"h5", B, WN_BLOCK_HEADING, 5, 0},
    {"h6", B, WN_BLOCK_HEADING, 6, 0},
    {"head", WN_T_HEAD, OTHER, 0, 0},
    {"header", B | WN_T_HEADER, OTHER, 0, 0},
    {"hgroup", B, OTHER, 0, 0},
    {"hr", B, OTHER, 0, 0},
    {"html", B | WN_T_NOTOKENS | WN_T_META, OTHER, 0, 0},
    {"iframe", WN_T_SKIP, OTHER, 0, 0},
    {"input", 0, OTHER, 0, WN_REGION_FORM},
    {"legend", B, OTHER, 0, 0},
    {"li", B, WN_BLOCK_LIST_ITEM, 0, 0},
    {"link", WN_T_SKIP | WN_T_META, OTHER, 0, 0},
    {"listing", B | WN_T_PRE, WN_BLOCK_PREFORMATTED, 0, 0},
    {"main", B | WN_T_ARTICLE, OTHER, 0, WN_REGION_CONTENT},
    {"menu", B, OTHER, 0, WN_REGION_NAVIGATION},
    {"meta", WN_T_SKIP | WN_T_META, OTHER, 0, 0},
    {"nav", B, OTHER, 0, WN_REGION_NAVIGATION},
    {"noembed", WN_T_SKIP, OTHER, 0, 0},
    {"noframes", WN_T_SKIP, OTHER, 0, 0},
    {"noscript", WN_T_SKIP, OTHER, 0, 0},
    {"object", WN_T_SKIP, OTHER, 0, 0},
    {"ol", B, OTHER, 0, 0},
    {"optgroup", B, OTHER, 0, 0},
    {"option", B, OTHER, 0, 0},
    {"p", B, WN_BLOCK_PARAGRAPH, 0, 0},
    {"param", WN_T_SKIP, OTHER, 0, 0},
    {"plaintext", B | WN_T_PRE, WN_BLOCK_PREFORMATTED, 0, 0},
    {"pre", B | WN_T_PRE, WN_BLOCK_PREFORMATTED, 0, 0},
    {"rp", WN_T_SKIP, OTHER, 0, 0},
    {"rt", WN_T_SKIP, OTHER, 0, 0},
    {"script", WN_T_SKIP | WN_T_META, OTHER, 0, 0},
    {"search", B, OTHER, 0, WN_REGION_FORM},
    {"section", B, OTHER, 0, 0},
    {"select", B, OTHER, 0, WN_REGION_FORM},
    {"source", WN_T_SKIP, OTHER, 0, 0},
    {"style", WN_T_SKIP, OTHER, 0, 0},
    {"summary", B, OTHER, 0, 0},
    {"svg", WN_T_SKIP, OTHER, 0, 0},
    {"table", B, OTHER, 0, 0},
    {"tbody", B, OTHER, 0, 0},
    {"td", B, WN_BLOCK_TABLE_CELL, 0, 0},
    {"template", WN_T_SKIP, OTHER, 0, 0},
    {"textarea", B | WN_T_PRE, OTHER, 0, WN_REGION_FORM},
    {"tfoot", B, OTHER, 0, 0},
    {"th", B, WN_BLOCK_TABLE_CELL, 0, 0},
    {"thead", B, OTHER, 0, 0},
    {"time", WN_T_META, OTHER, 0, 0},
    {"title", WN_T_SKIP | WN_T_META, OTHER, 0, 0},
    {"tr", B, OTHER, 0, 0},
    {"track", WN_T_SKIP, OTHER, 0, 0},
    {"ul", B, OTHER, 0, 0},
    {"video", WN_T_SKIP, OTHER, 0, 0},
    {"xmp", B | WN_T_PRE, WN_BLOCK_PREFORMATTED, 0, 0},
    {"", 0, OTHER, 0, 0}, /* unknown: inline */
};

enum { k_known = sizeof k_tags / sizeof k_tags[0] - 1 };
_Static_assert(k_known + 1 < 255, "tag indexes must fit the 8 bits kept in _private");

static size_t lookup(const xmlChar *name) {
    if (name == NULL) return k_known;
    size_t lo = 0, hi = k_known;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp((const char *)name, k_tags[mid].name);
        if (c == 0) return mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return k_known;
}

const wn_tag *wn_tag_of(xmlNodePtr element) {
    uintptr_t priv = WN_PRIV(element);
    uintptr_t cached = priv & WN_PRIV_TAG_MASK;
    if (cached != 0) return &k_tags[cached - 1];
    size_t index = lookup(element->name);
    WN_SET_PRIV(element, priv | (uintptr_t)(index + 1));
    return &k_tags[index];
}
