#include "winnow_zlib.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct wn_inflater {
    z_stream zs;
    int32_t format;
    char message[160];
};

/* zlib counts in uInt; larger buffers are fed in slices of this size. */
static const int64_t k_slice = 1 << 30;

static int window_bits(int32_t format) {
    switch (format) {
    case WN_ZFORMAT_GZIP: return 16 + MAX_WBITS;
    case WN_ZFORMAT_ZLIB: return MAX_WBITS;
    case WN_ZFORMAT_RAW: return -MAX_WBITS;
    default: return 0;
    }
}

static void set_message(wn_inflater *z, const char *fallback) {
    const char *m = z->zs.msg ? z->zs.msg : fallback;
    size_t n = strlen(m);
    if (n >= sizeof z->message) n = sizeof z->message - 1;
    memcpy(z->message, m, n);
    z->message[n] = 0;
}

wn_inflater *wn_inflater_open(int32_t format) {
    int bits = window_bits(format);
    if (bits == 0) return NULL;
    wn_inflater *z = calloc(1, sizeof *z);
    if (!z) return NULL;
    z->format = format;
    if (inflateInit2(&z->zs, bits) != Z_OK) {
        free(z);
        return NULL;
    }
    return z;
}

int32_t wn_inflater_reset(wn_inflater *z) {
    if (!z) return WN_INFLATE_STATE_ERROR;
    z->message[0] = 0;
    return inflateReset(&z->zs) == Z_OK ? 0 : WN_INFLATE_STATE_ERROR;
}

void wn_inflater_close(wn_inflater *z) {
    if (!z) return;
    inflateEnd(&z->zs);
    free(z);
}

int32_t wn_inflater_run(wn_inflater *z, const uint8_t *src, int64_t srcLen, int64_t *srcUsed,
                        uint8_t *dst, int64_t dstCap, int64_t *dstUsed) {
    *srcUsed = 0;
    *dstUsed = 0;
    if (!z || srcLen < 0 || dstCap < 0 || (srcLen > 0 && !src) || (dstCap > 0 && !dst)) return WN_INFLATE_STATE_ERROR;
    for (;;) {
        uInt inSlice = (uInt)(srcLen - *srcUsed > k_slice ? k_slice : srcLen - *srcUsed);
        uInt outSlice = (uInt)(dstCap - *dstUsed > k_slice ? k_slice : dstCap - *dstUsed);
        if (outSlice == 0) return WN_INFLATE_OK;
        z->zs.next_in = (Bytef *)(src ? src + *srcUsed : NULL);
        z->zs.avail_in = inSlice;
        z->zs.next_out = dst + *dstUsed;
        z->zs.avail_out = outSlice;
        int rc = inflate(&z->zs, Z_NO_FLUSH);
        int64_t usedIn = (int64_t)(inSlice - z->zs.avail_in);
        int64_t usedOut = (int64_t)(outSlice - z->zs.avail_out);
        *srcUsed += usedIn;
        *dstUsed += usedOut;
        switch (rc) {
        case Z_STREAM_END: return WN_INFLATE_END;
        case Z_OK:
            if (usedIn == 0 && usedOut == 0) return WN_INFLATE_OK;
            if (*srcUsed == srcLen || *dstUsed == dstCap) return WN_INFLATE_OK;
            continue;
        case Z_BUF_ERROR: return WN_INFLATE_OK; /* no progress possible: needs input or room */
        case Z_NEED_DICT: set_message(z, "a preset dictionary is required"); return WN_INFLATE_DATA_ERROR;
        case Z_DATA_ERROR: set_message(z, "corrupt data"); return WN_INFLATE_DATA_ERROR;
        case Z_MEM_ERROR: set_message(z, "out of memory"); return WN_INFLATE_MEMORY_ERROR;
        default: set_message(z, "inflater error"); return WN_INFLATE_STATE_ERROR;
        }
    }
}

const char *wn_inflater_message(const wn_inflater *z) { return z ? z->message : ""; }

int64_t wn_deflate_bound(int64_t srcLen) {
    if (srcLen < 0) return -1;
    /* deflateBound's stored-block worst case, plus the largest header and trailer (gzip). */
    return srcLen + srcLen / 1000 + (srcLen >> 12) + (srcLen >> 14) + (srcLen >> 25) + 64 + 18;
}

int64_t wn_deflate_buffer(int32_t format, int32_t level, const uint8_t *src, int64_t srcLen,
                          uint8_t *dst, int64_t dstCap) {
    int bits = window_bits(format);
    if (bits == 0 || srcLen < 0 || dstCap < 0 || level < -1 || level > 9) return -1;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, level, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -2;
    int64_t inUsed = 0, outUsed = 0;
    int rc = Z_OK;
    while (rc == Z_OK) {
        uInt inSlice = (uInt)(srcLen - inUsed > k_slice ? k_slice : srcLen - inUsed);
        uInt outSlice = (uInt)(dstCap - outUsed > k_slice ? k_slice : dstCap - outUsed);
        if (outSlice == 0) { rc = Z_BUF_ERROR; break; }
        zs.next_in = (Bytef *)(src ? src + inUsed : NULL);
        zs.avail_in = inSlice;
        zs.next_out = dst + outUsed;
        zs.avail_out = outSlice;
        int flush = inUsed + inSlice == srcLen ? Z_FINISH : Z_NO_FLUSH;
        rc = deflate(&zs, flush);
        inUsed += (int64_t)(inSlice - zs.avail_in);
        outUsed += (int64_t)(outSlice - zs.avail_out);
        if (rc == Z_BUF_ERROR && zs.avail_out == 0) break;
        if (rc == Z_BUF_ERROR) rc = Z_OK;
    }
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? outUsed : -3;
}
