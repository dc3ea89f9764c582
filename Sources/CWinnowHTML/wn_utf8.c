/* Input hygiene before libxml2 sees the page: invalid UTF-8 would make libxml2 switch the rest of
   the page to Latin-1, and NUL bytes can make its encoding sniffing pick UCS-4. Invalid sequences
   become U+FFFD (one per maximal invalid subpart, as Swift's String(decoding:) does) and NUL
   becomes a space. Valid input is not copied. */
#include "wn_internal.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of s (at most `left`) forming a valid UTF-8 sequence (*complete = 1), or the length of
   the longest valid prefix of one (*complete = 0, at least 1 byte is consumed). */
static size_t scan_sequence(const uint8_t *s, size_t left, int *complete) {
    uint8_t c = s[0];
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        *complete = 1;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *complete = 0;
        return 1;
    }
    size_t k = 1;
    while (k < need && k < left) {
        uint8_t b = s[k];
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
        k++;
    }
    *complete = k == need;
    return k;
}

/* Index of the first byte needing repair (NUL or start of an invalid sequence), or n. */
static size_t first_problem(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            if (((x | ((x - ones) & ~x)) & highs) == 0) {
                i += 8;
                continue;
            }
        }
        if (s[i] == 0) return i;
        int complete;
        size_t k = scan_sequence(s + i, n - i, &complete);
        if (!complete) return i;
        i += k;
    }
    return n;
}

int wn_utf8_sanitize(const uint8_t *s, size_t n, uint8_t **copy, size_t *copy_len, int32_t *replaced) {
    *copy = NULL;
    *copy_len = 0;
    *replaced = 0;
    size_t i = first_problem(s, n);
    if (i == n) return 1;
    /* Each repaired byte grows to at most 3. */
    if (n - i > (SIZE_MAX - i - 1) / 3) return 0;
    uint8_t *out = malloc(i + (n - i) * 3 + 1);
    if (out == NULL) return 0;
    memcpy(out, s, i);
    size_t len = i;
    while (i < n) {
        if (s[i] == 0) {
            out[len++] = ' ';
            i++;
            continue;
        }
        int complete;
        size_t k = scan_sequence(s + i, n - i, &complete);
        if (complete) {
            memcpy(out + len, s + i, k);
            len += k;
        } else {
            out[len++] = 0xEF, out[len++] = 0xBF, out[len++] = 0xBD;
            if (*replaced < INT32_MAX) (*replaced)++;
        }
        i += k;
    }
    *copy = out;
    *copy_len = len;
    return 1;
}
