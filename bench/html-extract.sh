#!/usr/bin/env bash
# Speed of the HTML extractor (Sources/CWinnowHTML) against libxml2's own parser, in MB/s of HTML
# on one core, median of 3 rounds over every page (rounds interleaved across the four measures, time
# as thread CPU time so other processes on the machine disturb the figures less):
#
#   bare htmlReadMemory   libxml2 parsing to a tree with its default recover options, then freeing it
#   parse as extractor    the same with the extractor's options (what wn_html_extract pays libxml2)
#   walk only             the extractor's two passes over an already parsed tree (score + lines)
#   wn_html_extract       everything: UTF-8 check, parse, walk, free
#
# usage: bench/html-extract.sh [PAGES_DIR]   (default /work/shared/corpus/html_pages/html;
#        *.html and *.html.gz pages; gzip pages are decompressed into a temporary folder first)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/Sources/CWinnowHTML"
pages="${1:-/work/shared/corpus/html_pages/html}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/pages"
python3 - "$pages" "$work/pages" <<'PY'
import glob, gzip, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(os.path.join(src, "*.html")) + glob.glob(os.path.join(src, "*.html.gz"))):
    name = os.path.basename(path)
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as f, open(os.path.join(dst, name[:-3]), "wb") as out:
            shutil.copyfileobj(f, out)
    else:
        shutil.copy(path, os.path.join(dst, name))
PY

cat > "$work/bench.c" <<'C'
#include "winnow_html.h"
#include "wn_internal.h"
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int by_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static const int k_bare = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
static const int k_ours = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                          HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC;

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    DIR *dir = opendir(argv[1]);
    if (dir == NULL) return 2;
    size_t count = 0, cap = 256, total = 0;
    uint8_t **data = malloc(cap * sizeof *data);
    size_t *len = malloc(cap * sizeof *len);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        FILE *f = fopen(path, "rb");
        if (f == NULL) continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (count == cap) {
            cap *= 2;
            data = realloc(data, cap * sizeof *data);
            len = realloc(len, cap * sizeof *len);
        }
        data[count] = malloc((size_t)n + 1);
        len[count] = fread(data[count], 1, (size_t)n, f);
        total += len[count++];
        fclose(f);
    }
    closedir(dir);
    wn_html_page *warm = wn_html_extract((const uint8_t *)"<p>x", 4);
    wn_html_free(warm);
    printf("%zu pages, %.1f MB of HTML\n", count, (double)total / 1e6);

    const char *names[] = {"bare htmlReadMemory", "parse as extractor", "walk only", "wn_html_extract"};
    double rounds[4][3];
    long lines = 0;
    for (int r = 0; r < 3; r++) {
        for (int k = 0; k < 4; k++) {
            double spent = 0;
            for (size_t i = 0; i < count; i++) {
                if (k == 3) {
                    double t = now();
                    wn_html_page *p = wn_html_extract(data[i], (int64_t)len[i]);
                    spent += now() - t;
                    if (r == 0) lines += wn_html_line_count(p);
                    wn_html_free(p);
                    continue;
                }
                double t = now();
                xmlDocPtr doc = k == 0 ? htmlReadMemory((const char *)data[i], (int)len[i], NULL, "UTF-8", k_bare)
                                       : htmlReadMemory((const char *)data[i], (int)len[i], NULL, NULL, k_ours);
                if (k == 2) {
                    wn_lines L;
                    wn_meta m;
                    memset(&L, 0, sizeof L);
                    memset(&m, 0, sizeof m);
                    t = now();
                    if (doc != NULL) {
                        wn_mark_main_text(doc->children);
                        wn_walk(doc->children, &L, &m);
                    }
                    wn_lines_finish(&L);
                    spent += now() - t;
                    wn_lines_free(&L);
                    wn_meta_free(&m);
                    xmlFreeDoc(doc);
                    continue;
                }
                xmlFreeDoc(doc);
                spent += now() - t;
            }
            rounds[k][r] = spent;
        }
    }
    for (int k = 0; k < 4; k++) {
        qsort(rounds[k], 3, sizeof rounds[k][0], by_double);
        printf("%-22s %8.1f MB/s  (%.3f s)\n", names[k], (double)total / 1e6 / rounds[k][1], rounds[k][1]);
    }
    printf("%ld lines extracted\n", lines);
    return 0;
}
C

cc -O2 -I"$src/include" -I"$src" -I/usr/include/libxml2 "$src"/*.c "$work/bench.c" -o "$work/bench" -lxml2 -lpthread
"$work/bench" "$work/pages"
