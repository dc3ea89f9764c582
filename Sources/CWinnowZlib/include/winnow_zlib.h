#ifndef WINNOW_ZLIB_H
#define WINNOW_ZLIB_H
/*
 * The only place Winnow calls system zlib. Swift sees plain C types and an opaque struct here;
 * <zlib.h> is included in winnow_zlib.c alone.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Stream formats for wn_inflater_open and wn_deflate_buffer.
enum {
    /// One gzip member (RFC 1952): the stream ends at the member's trailer.
    WN_ZFORMAT_GZIP = 1,
    /// A zlib stream (RFC 1950), HTTP `Content-Encoding: deflate` as the RFC means it.
    WN_ZFORMAT_ZLIB = 2,
    /// Raw deflate (RFC 1951), HTTP `deflate` as some servers send it.
    WN_ZFORMAT_RAW = 3,
};

/// Results of wn_inflater_run.
enum {
    /// Progress was made (or none was possible): give more input or more output room.
    WN_INFLATE_OK = 0,
    /// The stream (gzip member) ended; *srcUsed stops right after its trailer.
    WN_INFLATE_END = 1,
    /// The data is corrupt (wn_inflater_message says how).
    WN_INFLATE_DATA_ERROR = -1,
    /// Out of memory.
    WN_INFLATE_MEMORY_ERROR = -2,
    /// Bad arguments or an inflater in a bad state.
    WN_INFLATE_STATE_ERROR = -3,
};

/// An opaque streaming inflater.
typedef struct wn_inflater wn_inflater;

/// A new inflater for format (WN_ZFORMAT_*), or NULL when out of memory or format is unknown.
wn_inflater *wn_inflater_open(int32_t format);

/// Makes the inflater ready for a new stream (the next gzip member). Returns 0, or a negative value.
int32_t wn_inflater_reset(wn_inflater *z);

/// Releases an inflater from wn_inflater_open (NULL is allowed).
void wn_inflater_close(wn_inflater *z);

/// Inflates from src[0..<srcLen] into dst[0..<dstCap]. Writes how many input bytes were used and
/// how many output bytes were produced. Returns a WN_INFLATE_* code. When OK comes back with no
/// input used and no output produced although both were offered, the stream is truncated.
int32_t wn_inflater_run(wn_inflater *z, const uint8_t *src, int64_t srcLen, int64_t *srcUsed,
                        uint8_t *dst, int64_t dstCap, int64_t *dstUsed);

/// zlib's description of the last error, or an empty string (never NULL; owned by the inflater).
const char *wn_inflater_message(const wn_inflater *z);

/// An upper bound on the compressed size of srcLen bytes in any format (for wn_deflate_buffer).
int64_t wn_deflate_bound(int64_t srcLen);

/// Compresses src into one complete stream of format (WN_ZFORMAT_*) at level 0-9 (-1 = default).
/// Returns the compressed size, or a negative value when dstCap is too small or on error.
int64_t wn_deflate_buffer(int32_t format, int32_t level, const uint8_t *src, int64_t srcLen,
                          uint8_t *dst, int64_t dstCap);

#ifdef __cplusplus
}
#endif
#endif
