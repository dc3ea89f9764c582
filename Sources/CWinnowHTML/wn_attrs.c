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
            if (strcmp(name, "aria-hidden") == 0) a->aria_hidden = (uint8_t)wn_ieq(value_of(p), "true");
            break;
        case 'c':
            if (strcmp(name, "class") == 0) KEEP(cls);
            else if (strcmp(name, "content") == 0) KEEP(content);
            break;
        case 'd':
            if (strcmp(name, "datetime") == 0) KEEP(datetime);
            break;
        case 'h':
            if (strcmp(name, "href") == 0) KEEP(href);
            else if (strcmp(name, "hidden") == 0) a->hidden = 1;
            else if (strcmp(name, "http-equiv") == 0) KEEP(http_equiv);
            break;
        case 'i':
            if (strcmp(name, "id") == 0) KEEP(id);
            else if (strcmp(name, "itemprop") == 0) KEEP(itemprop);
            break;
        case 'l':
            if (strcmp(name, "lang") == 0) KEEP(lang);
            break;
        case 'n':
            if (strcmp(name, "name") == 0) KEEP(name);
            break;
        case 'p':
            if (strcmp(name, "property") == 0) KEEP(property);
            else if (strcmp(name, "pubdate") == 0) a->pubdate = 1;
            break;
        case 'r':
            if (strcmp(name, "role") == 0) KEEP(role);
            else if (strcmp(name, "rel") == 0) KEEP(rel);
            break;
        case 's':
            if (strcmp(name, "style") == 0) KEEP(style);
            break;
        case 't':
            if (strcmp(name, "type") == 0) KEEP(type);
            break;
        case 'x':
            if (strcmp(name, "xml:lang") == 0 && a->lang == NULL) a->lang = value_of(p);
            break;
        default: break;
        }
    }
}
