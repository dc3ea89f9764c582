#ifndef WINNOW_HTML_H
#define WINNOW_HTML_H
/* The only place Winnow calls libxml2's HTML parser. Plain C types only. (Skeleton.) */
#include <stdint.h>
#endif
