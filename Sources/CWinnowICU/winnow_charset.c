#include "winnow_icu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

/* Counts each invalid or unmappable sequence and writes U+FFFD in its place. */
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                                 int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    (void)codeUnits;
    (void)length;
    if (reason > UCNV_IRREGULAR) return; /* reset, close, clone */
    int64_t *count = (int64_t *)context;
    static const UChar replacement[1] = {0xFFFD};
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, replacement, 1, 0, err);
    (*count)++;
}

int32_t wn_charset_exists(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !cnv) return 0;
    ucnv_close(cnv);
    return 1;
}

void wn_charset_free(uint8_t *buffer) { free(buffer); }

/* Converts between two charsets through ICU's pivot, growing the output as needed. `count`
   (when not NULL) receives the number of replaced input sequences. */
static int32_t convert(const char *fromName, const char *toName, const uint8_t *src, int64_t srcLen, uint8_t **out,
                       int64_t *outLen, int64_t *count) {
    *out = NULL;
    *outLen = 0;
    if (!fromName || !toName || srcLen < 0 || (srcLen > 0 && !src)) return -2;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *from = ucnv_open(fromName, &status);
    if (U_FAILURE(status) || !from) return -1;
    status = U_ZERO_ERROR;
    UConverter *to = ucnv_open(toName, &status);
    if (U_FAILURE(status) || !to) { ucnv_close(from); return -1; }
    if (count) ucnv_setToUCallBack(from, count_and_substitute, count, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(from); ucnv_close(to); return -2; }

    /* Most pages grow by less than half (two-byte CJK becomes three-byte UTF-8); grow on demand. */
    int64_t cap = srcLen + srcLen / 2 + 64;
    uint8_t *buf = malloc((size_t)cap);
    int32_t rc = buf ? 0 : -3;
    UChar pivot[4096];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    const char *source = (const char *)src, *limit = (const char *)src + srcLen;
    char *target = (char *)buf;
    UBool reset = 1;
    while (rc == 0) {
        status = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &target, (char *)buf + cap, &source, limit, pivot, &pivotSource, &pivotTarget,
                       pivot + sizeof pivot / sizeof pivot[0], reset, 1, &status);
        reset = 0;
        if (status != U_BUFFER_OVERFLOW_ERROR) {
            if (U_FAILURE(status)) rc = -2;
            break;
        }
        int64_t used = (int64_t)(target - (char *)buf);
        int64_t grown = cap * 2;
        uint8_t *p = realloc(buf, (size_t)grown);
        if (!p) { rc = -3; break; }
        buf = p;
        cap = grown;
        target = (char *)buf + used;
    }
    ucnv_close(from);
    ucnv_close(to);
    if (rc != 0) { free(buf); return rc; }
    *out = buf;
    *outLen = (int64_t)(target - (char *)buf);
    return 0;
}

int32_t wn_charset_to_utf8(const char *charset, const uint8_t *src, int64_t srcLen, uint8_t **out,
                           int64_t *outLen, int64_t *replaced) {
    *replaced = 0;
    int64_t count = 0;
    int32_t rc = convert(charset, "UTF-8", src, srcLen, out, outLen, &count);
    if (rc == 0) *replaced = count;
    return rc;
}

int32_t wn_charset_from_utf8(const char *charset, const uint8_t *src, int64_t srcLen, uint8_t **out,
                             int64_t *outLen) {
    return convert("UTF-8", charset, src, srcLen, out, outLen, NULL);
}

int32_t wn_charset_detect(const uint8_t *src, int32_t srcLen, int32_t isHTML, char *name, int32_t nameCap) {
    if (!name || nameCap <= 0) return -2;
    name[0] = 0;
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -2;
    ucsdet_enableInputFilter(det, isHTML ? 1 : 0);
    ucsdet_setText(det, (const char *)src, srcLen, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(det, &status) : NULL;
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match) {
        const char *found = ucsdet_getName(match, &status);
        int32_t c = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found) {
            snprintf(name, (size_t)nameCap, "%s", found);
            confidence = c;
        }
    }
    ucsdet_close(det);
    return confidence;
}
