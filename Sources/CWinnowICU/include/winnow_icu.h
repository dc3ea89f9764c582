#ifndef WINNOW_ICU_H
#define WINNOW_ICU_H
/*
 * The only place Winnow calls system ICU. Swift sees plain C types here; <unicode/...> is
 * included in winnow_icu.c alone, because ICU's renamed symbols and its headers do not work
 * from Swift next to Foundation's bundled ICU.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Prepares the NFKC case-fold normalizer and the Traditional->Simplified table.
/// Returns 0 on success; otherwise writes a message into errbuf and returns an ICU error code.
int32_t wn_icu_init(char *errbuf, int32_t errcap);

/// Normalizes UTF-8 text for comparison: NFKC case folding (which also folds full-width forms),
/// then Traditional->Simplified Chinese character by character. Writes UTF-8 into dst.
/// Returns the number of bytes the result needs; when that exceeds dstCap nothing useful was
/// written and the caller retries with a larger buffer. Returns a negative value on error.
int32_t wn_normalize_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap);

/// Maps one code point Traditional->Simplified (identity for everything else).
uint32_t wn_simplify_scalar(uint32_t scalar);

/// An opaque compiled ICU regular expression.
typedef struct wn_regex wn_regex;

/// Compiles a UTF-16 pattern. flags: 1 = case-insensitive, 2 = multiline.
/// Returns NULL on error, with a message (and position, when ICU gives one) in errbuf.
wn_regex *wn_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, char *errbuf, int32_t errcap);

/// A private copy for use on another thread (a compiled regex is not safe to share).
wn_regex *wn_regex_clone(const wn_regex *regex);

/// Releases a regex from wn_regex_open or wn_regex_clone.
void wn_regex_close(wn_regex *regex);

/// Searches UTF-8 text (converted to UTF-16 internally, where ICU's search is fastest) and writes
/// the 0-based line number (lines split on '\n') of each match that lies within one line, at most
/// once per line, up to cap. Returns the count, -2 when the time limit stopped the search (lines
/// found before that are written), or another negative value on error.
int32_t wn_regex_match_lines_utf8(wn_regex *regex, const uint8_t *text, int32_t length, int32_t timeLimit,
                                  int32_t *lines, int32_t cap);

/* ---- Charsets (winnow_charset.c) ---- */

/// Converts srcLen bytes in the charset named `charset` (an ICU converter name or alias, NUL
/// terminated) to UTF-8. Invalid and unmappable sequences become U+FFFD; their number is written
/// to *replaced. On success returns 0 and a malloc'd buffer in *out (release it with
/// wn_charset_free) of *outLen bytes; returns -1 when ICU has no such charset, -3 when out of
/// memory, or another negative value on a conversion error.
int32_t wn_charset_to_utf8(const char *charset, const uint8_t *src, int64_t srcLen, uint8_t **out,
                           int64_t *outLen, int64_t *replaced);

/// The reverse of wn_charset_to_utf8: UTF-8 to the named charset (unmappable characters become
/// the charset's substitute). Same results and ownership rules. Used to build test fixtures.
int32_t wn_charset_from_utf8(const char *charset, const uint8_t *src, int64_t srcLen, uint8_t **out,
                             int64_t *outLen);

/// Releases a buffer from wn_charset_to_utf8 or wn_charset_from_utf8 (NULL is allowed).
void wn_charset_free(uint8_t *buffer);

/// Whether ICU has a converter for `charset` (1) or not (0).
int32_t wn_charset_exists(const char *charset);

/// Guesses the charset of undeclared text with ICU's detector (markup is ignored when isHTML is
/// nonzero). Writes the name (NUL terminated) into name and returns the confidence 0-100, or a
/// negative value when nothing was detected or on error.
int32_t wn_charset_detect(const uint8_t *src, int32_t srcLen, int32_t isHTML, char *name, int32_t nameCap);

#ifdef __cplusplus
}
#endif
#endif
