/* The attributes an element is judged by, read in one pass over its attribute list. libxml2's
   HTML parser lower-cases attribute names and decodes entities in values. */
#include "wn_internal.h"

#include <string.h>

static const xmlChar k_empty[] = {0};

static const xmlChar *value_of(xmlAttrPtr attr) {
    xmlNodePtr child = attr->children;
    if (child == NULL || child->content == NULL) return k_empty;
    if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE) return k_empty;
    return child->content;
}

int wn_ieq(const xmlChar *value, const char *lower) {
    if (value == NULL) return 0;
    for (; *lower; value++, lower++) {
        xmlChar c = *value;
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != (xmlChar)*lower) return 0;
    }
    return *value == 0;
}

/* Equality of an attribute name and a literal (inline: most names differ in the first letters). */
static inline int is(const char *name, const char *lit) {
    while (*lit && *name == *lit) name++, lit++;
    return *name == *lit;
}

#define KEEP(field) \
    do { \
        if (a->field == NULL) a->field = value_of(p); \
    } while (0)

void wn_attrs_read(xmlNodePtr element, wn_attrs *a) {
    memset(a, 0, sizeof *a);
    for (xmlAttrPtr p = element->properties; p != NULL; p = p->next) {
        const char *name = (const char *)p->name;
        if (name == NULL) continue;
        switch (name[0]) {
        case 'a':
            if (is(name, "aria-hidden")) a->aria_hidden = (uint8_t)wn_ieq(value_of(p), "true");
            break;
        case 'c':
            if (is(name, "class")) KEEP(cls);
            else if (is(name, "content")) KEEP(content);
            break;
        case 'd':
            if (is(name, "datetime")) KEEP(datetime);
            break;
        case 'h':
            if (is(name, "href")) KEEP(href);
            else if (is(name, "hidden")) a->hidden = 1;
            else if (is(name, "http-equiv")) KEEP(http_equiv);
            break;
        case 'i':
            if (is(name, "id")) KEEP(id);
            else if (is(name, "itemprop")) KEEP(itemprop);
            break;
        case 'l':
            if (is(name, "lang")) KEEP(lang);
            break;
        case 'n':
            if (is(name, "name")) KEEP(name);
            break;
        case 'p':
            if (is(name, "property")) KEEP(property);
            else if (is(name, "pubdate")) a->pubdate = 1;
            break;
        case 'r':
            if (is(name, "role")) KEEP(role);
            else if (is(name, "rel")) KEEP(rel);
            break;
        case 's':
            if (is(name, "style")) KEEP(style);
            break;
        case 't':
            if (is(name, "type")) KEEP(type);
            break;
        case 'x':
            if (is(name, "xml:lang") && a->lang == NULL) a->lang = value_of(p);
            break;
        default: break;
        }
    }
}
