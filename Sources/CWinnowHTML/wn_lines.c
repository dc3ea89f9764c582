/* Line building: text runs in, lines out. Whitespace collapses as CSS `white-space: normal` does
   (kept, with newlines splitting lines, inside <pre>); control characters other than tab are
   dropped; a line with no visible character is dropped. */
#include "wn_internal.h"

#include <stdlib.h>
#include <string.h>

int wn_buf_grow(wn_buf *b, size_t extra) {
    if (b->failed) return 0;
    if (extra > SIZE_MAX - b->len) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    uint8_t *data = realloc(b->data, cap);
    if (data == NULL) {
        b->failed = 1;
        return 0;
    }
    b->data = data;
    b->cap = cap;
    return 1;
}

enum { CH_VISIBLE, CH_SPACE, CH_DROP };

/* Length of the UTF-8 sequence at s (at most `left` bytes), or 0 when it is malformed. */
static size_t sequence_length(const uint8_t *s, size_t left) {
    uint8_t c = s[0];
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || len > left) return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80) return 0;
    return len;
}

/* What a non-ASCII character is on a line: U+00A0, U+3000 and U+2028/9 are spaces; C1 controls,
   U+200B and U+FEFF are dropped. */
static int classify(const uint8_t *s, size_t len) {
    if (len == 2 && s[0] == 0xC2) return s[1] == 0xA0 ? CH_SPACE : s[1] < 0xA0 ? CH_DROP : CH_VISIBLE;
    if (len == 3) {
        if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return CH_SPACE;
        if (s[0] == 0xE2 && s[1] == 0x80) {
            if (s[2] == 0x8B) return CH_DROP;
            if (s[2] == 0xA8 || s[2] == 0xA9) return CH_SPACE;
        }
        if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return CH_DROP;
    }
    return CH_VISIBLE;
}

/* The first visible character of a run: the line takes its block from the first run and keeps
   only the regions every run shares. */
static void begin_run(wn_lines *L, const wn_frame *f) {
    if (L->visible == 0) {
        L->block = f->block;
        L->level = f->level;
        L->regions = f->regions;
    } else {
        L->regions &= f->regions;
    }
}

void wn_lines_item_end(wn_lines *L) { L->item_ended = 1; }

static void normal_run(wn_lines *L, const uint8_t *s, size_t n, const wn_frame *f) {
    const int link = (f->flags & WN_F_LINK) != 0;
    if (L->item_ended && (f->flags & WN_F_ITEM)) L->pending_space = 1;
    int started = 0;
    uint8_t *out = L->text.data + L->text.len;
    const uint8_t *line = L->text.data + L->line_start;
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t len = 1;
        int kind;
        if (c < 0x80) {
            if (c > 0x20 && c != 0x7F) {
                /* A run of visible ASCII, copied at once. */
                size_t j = i + 1;
                while (j < n && s[j] > 0x20 && s[j] < 0x7F) j++;
                if (!started) begin_run(L, f), started = 1;
                if (L->pending_space && out > line) *out++ = ' ';
                L->pending_space = 0;
                memcpy(out, s + i, j - i);
                out += j - i;
                L->visible += (int32_t)(j - i);
                if (link) L->link += (int32_t)(j - i);
                i = j;
                continue;
            }
            kind = (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') ? CH_SPACE : CH_DROP;
        } else {
            len = sequence_length(s + i, n - i);
            if (len == 0) len = 1, kind = CH_DROP;
            else kind = classify(s + i, len);
        }
        if (kind == CH_SPACE) {
            L->pending_space = 1;
        } else if (kind == CH_VISIBLE) {
            if (!started) begin_run(L, f), started = 1;
            if (L->pending_space && out > line) *out++ = ' ';
            L->pending_space = 0;
            memcpy(out, s + i, len);
            out += len;
            L->visible++;
            if (link) L->link++;
        }
        i += len;
    }
    if (started) L->item_ended = 0;
    L->text.len = (size_t)(out - L->text.data);
}

static void pre_run(wn_lines *L, const uint8_t *s, size_t n, const wn_frame *f) {
    const int link = (f->flags & WN_F_LINK) != 0;
    int started = 0;
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t len = 1;
        int kind = CH_VISIBLE;
        if (c == '\n' || c == '\r') {
            wn_lines_break(L);
            if (!wn_buf_reserve(&L->text, n - i + 1)) return;
            started = 0;
            i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c < 0x80) {
            if (c == ' ' || c == '\t') {
                L->text.data[L->text.len++] = c;
                i++;
                continue;
            }
            if (c < 0x20 || c == 0x7F) kind = CH_DROP;
        } else {
            len = sequence_length(s + i, n - i);
            if (len == 0) len = 1, kind = CH_DROP;
            else kind = classify(s + i, len);
        }
        if (kind == CH_SPACE) {
            L->text.data[L->text.len++] = ' ';
        } else if (kind == CH_VISIBLE) {
            if (!started) begin_run(L, f), started = 1;
            memcpy(L->text.data + L->text.len, s + i, len);
            L->text.len += len;
            L->visible++;
            if (link) L->link++;
        }
        i += len;
    }
}

void wn_lines_text(wn_lines *L, const xmlChar *s, size_t n, const wn_frame *frame) {
    if (L->failed || s == NULL || n == 0) return;
    /* Output never outgrows input, plus one collapsed space. */
    if (n > SIZE_MAX - 2 || !wn_buf_reserve(&L->text, n + 2)) {
        L->failed = 1;
        return;
    }
    if (frame->flags & WN_F_PRE) pre_run(L, s, n, frame);
    else normal_run(L, s, n, frame);
    if (L->text.failed) L->failed = 1;
}

static void reset_line(wn_lines *L) {
    L->line_start = L->text.len;
    L->visible = 0;
    L->link = 0;
    L->regions = 0;
    L->block = WN_BLOCK_OTHER;
    L->level = 0;
    L->pending_space = 0;
    L->item_ended = 0;
}

void wn_lines_break(wn_lines *L) {
    if (L->failed) return;
    if (L->visible == 0) {
        L->text.len = L->line_start;
        reset_line(L);
        return;
    }
    size_t end = L->text.len;
    while (end > L->line_start && (L->text.data[end - 1] == ' ' || L->text.data[end - 1] == '\t')) end--;
    L->text.len = end;
    if (!wn_buf_reserve(&L->text, 1)) {
        L->failed = 1;
        return;
    }
    if (L->count == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 256;
        if (cap > (size_t)INT32_MAX || cap > SIZE_MAX / sizeof(wn_html_line)) {
            L->failed = 1;
            return;
        }
        wn_html_line *lines = realloc(L->lines, cap * sizeof(wn_html_line));
        if (lines == NULL) {
            L->failed = 1;
            return;
        }
        L->lines = lines;
        L->cap = cap;
    }
    wn_html_line *rec = &L->lines[L->count++];
    rec->regions = L->regions;
    rec->block = L->block;
    rec->heading_level = L->level;
    rec->reserved = 0;
    rec->link_chars = L->link;
    rec->visible_chars = L->visible;
    L->text.data[L->text.len++] = '\n';
    reset_line(L);
}

void wn_lines_finish(wn_lines *L) {
    wn_lines_break(L);
    if (L->text.len > 0 && L->text.data[L->text.len - 1] == '\n') L->text.len--;
    /* NUL-terminated for C callers; the terminator is not part of the length. */
    if (L->text.data != NULL && wn_buf_reserve(&L->text, 1)) L->text.data[L->text.len] = 0;
}

void wn_lines_free(wn_lines *L) {
    free(L->text.data);
    free(L->lines);
    memset(L, 0, sizeof *L);
}
