#ifndef WINNOW_ZLIB_H
#define WINNOW_ZLIB_H
/* The only place Winnow calls system zlib. Plain C types only. (Skeleton: filled in by the gzip work.) */
#include <stdint.h>
#endif
