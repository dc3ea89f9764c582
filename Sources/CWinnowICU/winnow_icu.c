#include "winnow_icu.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static const UNormalizer2 *g_nfkc_cf = NULL;
static uint16_t g_t2s[65536];
static UErrorCode g_init_status = U_ZERO_ERROR;
static char g_init_message[256];
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* Ranges holding Traditional characters that have a Simplified form. */
static const uint32_t k_han_ranges[][2] = {
    {0x2E80, 0x2FDF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF},
};

/* The Traditional->Simplified table takes ICU ~15 ms to derive; it is cached per ICU version in
   $WINNOW_CACHE_DIR, else $XDG_CACHE_HOME/winnow, else ~/.cache/winnow. Any problem with the
   cache (missing, unreadable, read-only disk) just means the table is derived again. */
static const char k_cache_magic[8] = {'W', 'N', 'T', '2', 'S', '0', '0', '1'};

static int cache_path(char *out, size_t cap) {
    UVersionInfo v;
    char version[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, version);
    const char *dir = getenv("WINNOW_CACHE_DIR");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (dir && *dir) n = snprintf(out, cap, "%s/t2s-icu%s.bin", dir, version);
    else if (xdg && *xdg) n = snprintf(out, cap, "%s/winnow/t2s-icu%s.bin", xdg, version);
    else if (home && *home) n = snprintf(out, cap, "%s/.cache/winnow/t2s-icu%s.bin", home, version);
    else return 0;
    return n > 0 && (size_t)n < cap;
}

static int load_cached_table(void) {
    char path[1024];
    if (!cache_path(path, sizeof path)) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char magic[8];
    int ok = fread(magic, 1, 8, f) == 8 && memcmp(magic, k_cache_magic, 8) == 0 && fread(g_t2s, sizeof g_t2s, 1, f) == 1;
    fclose(f);
    return ok;
}

static void store_cached_table(void) {
    char path[1024], tmp[1100], dir[1024];
    if (!cache_path(path, sizeof path)) return;
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) return;
    *slash = 0;
    /* Create the folder (and its parent, for ~/.cache/winnow). */
    char *parent = strrchr(dir, '/');
    if (parent && parent != dir) { *parent = 0; mkdir(dir, 0755); *parent = '/'; }
    mkdir(dir, 0755);
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) return;
    int ok = fwrite(k_cache_magic, 1, 8, f) == 8 && fwrite(g_t2s, sizeof g_t2s, 1, f) == 1;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) unlink(tmp);
}

static void build_tables(void) {
    UErrorCode status = U_ZERO_ERROR;
    g_nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        g_init_status = status;
        snprintf(g_init_message, sizeof g_init_message, "ICU NFKC_Casefold unavailable: %s", u_errorName(status));
        return;
    }
    if (load_cached_table()) return;
    for (uint32_t c = 0; c < 65536; c++) g_t2s[c] = (uint16_t)c;
    static const UChar id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
    UTransliterator *trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) {
        g_init_status = status;
        snprintf(g_init_message, sizeof g_init_message, "ICU transliterator Hant-Hans unavailable: %s", u_errorName(status));
        return;
    }
    for (size_t r = 0; r < sizeof k_han_ranges / sizeof k_han_ranges[0]; r++) {
        for (uint32_t c = k_han_ranges[r][0]; c <= k_han_ranges[r][1]; c++) {
            UChar buf[8] = {(UChar)c, 0};
            int32_t len = 1, limit = 1;
            UErrorCode st = U_ZERO_ERROR;
            utrans_transUChars(trans, buf, &len, 8, 0, &limit, &st);
            if (U_SUCCESS(st) && len == 1 && buf[0] != (UChar)c && !U16_IS_SURROGATE(buf[0])) g_t2s[c] = buf[0];
        }
    }
    utrans_close(trans);
    store_cached_table();
}

int32_t wn_icu_init(char *errbuf, int32_t errcap) {
    pthread_once(&g_once, build_tables);
    if (U_FAILURE(g_init_status)) {
        if (errbuf && errcap > 0) snprintf(errbuf, (size_t)errcap, "%s", g_init_message);
        return (int32_t)g_init_status;
    }
    return 0;
}

uint32_t wn_simplify_scalar(uint32_t scalar) {
    pthread_once(&g_once, build_tables);
    return scalar < 65536 ? g_t2s[scalar] : scalar;
}

int32_t wn_normalize_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap) {
    pthread_once(&g_once, build_tables);
    if (U_FAILURE(g_init_status)) return -1;
    if (srcLen == 0) return 0;

    UChar stack16[2048], stackNorm[4096];
    UChar *in16 = stack16, *norm = stackNorm;
    int32_t cap16 = (int32_t)(sizeof stack16 / sizeof stack16[0]);
    int32_t capNorm = (int32_t)(sizeof stackNorm / sizeof stackNorm[0]);
    int32_t result = -1;

    /* UTF-8 -> UTF-16 never needs more code units than bytes. */
    if (srcLen > cap16) {
        cap16 = srcLen;
        in16 = malloc(sizeof(UChar) * (size_t)cap16);
        if (!in16) return -3;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16 = 0;
    u_strFromUTF8WithSub(in16, cap16, &len16, (const char *)src, srcLen, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) goto done;

    /* NFKC case folding can expand; ask ICU for the size when the buffer is short. */
    if (len16 * 3 + 16 > capNorm) {
        capNorm = len16 * 3 + 16;
        norm = malloc(sizeof(UChar) * (size_t)capNorm);
        if (!norm) { result = -3; goto done; }
    }
    int32_t lenNorm = unorm2_normalize(g_nfkc_cf, in16, len16, norm, capNorm, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (norm != stackNorm) free(norm);
        capNorm = lenNorm + 1;
        norm = malloc(sizeof(UChar) * (size_t)capNorm);
        if (!norm) { result = -3; goto done; }
        status = U_ZERO_ERROR;
        lenNorm = unorm2_normalize(g_nfkc_cf, in16, len16, norm, capNorm, &status);
    }
    if (U_FAILURE(status)) goto done;

    for (int32_t i = 0; i < lenNorm; i++) norm[i] = g_t2s[norm[i]];

    int32_t len8 = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8((char *)dst, dstCap, &len8, norm, lenNorm, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) result = len8;

done:
    if (in16 != stack16) free(in16);
    if (norm != stackNorm) free(norm);
    return result;
}

struct wn_regex {
    URegularExpression *re;
};

wn_regex *wn_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, char *errbuf, int32_t errcap) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    uint32_t f = 0;
    if (flags & 1) f |= UREGEX_CASE_INSENSITIVE;
    if (flags & 2) f |= UREGEX_MULTILINE;
    if (flags & 4) f |= UREGEX_UWORD;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, f, &pe, &status);
    if (U_FAILURE(status)) {
        if (errbuf && errcap > 0)
            snprintf(errbuf, (size_t)errcap, "%s at offset %d", u_errorName(status), (int)pe.offset);
        return NULL;
    }
    wn_regex *out = malloc(sizeof *out);
    if (!out) { uregex_close(re); return NULL; }
    out->re = re;
    return out;
}

wn_regex *wn_regex_clone(const wn_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(regex->re, &status);
    if (U_FAILURE(status)) return NULL;
    wn_regex *out = malloc(sizeof *out);
    if (!out) { uregex_close(re); return NULL; }
    out->re = re;
    return out;
}

void wn_regex_close(wn_regex *regex) {
    if (!regex) return;
    uregex_close(regex->re);
    free(regex);
}

int32_t wn_regex_match_lines_utf8(wn_regex *regex, const uint8_t *text, int32_t length, int32_t timeLimit,
                                  int32_t *lines, int32_t cap) {
    static const UChar empty[1] = {0};
    UChar stackBuf[4096];
    UChar *units = stackBuf;
    if (length > (int32_t)(sizeof stackBuf / sizeof stackBuf[0])) {
        units = malloc(sizeof(UChar) * (size_t)length);
        if (!units) return -3;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16 = 0;
    u_strFromUTF8WithSub(units, length > 4096 ? length : 4096, &len16, (const char *)text, length, 0xFFFD, NULL, &status);
    int32_t n = 0, result = 0;
    if (U_FAILURE(status)) { result = -1; goto done; }
    uregex_setTimeLimit(regex->re, timeLimit, &status);
    uregex_setText(regex->re, units, len16, &status);
    if (U_FAILURE(status)) { result = -1; goto done; }
    int32_t pos = 0, line = 0, lastLine = -1;
    while (n < cap) {
        UBool found = uregex_findNext(regex->re, &status);
        if (status == U_REGEX_TIME_OUT) { result = -2; break; }
        if (U_FAILURE(status)) { result = -1; break; }
        if (!found) break;
        int32_t start = uregex_start(regex->re, 0, &status);
        int32_t end = uregex_end(regex->re, 0, &status);
        if (U_FAILURE(status)) { result = -1; break; }
        for (; pos < start; pos++) if (units[pos] == 0x0A) line++;
        int spans = 0;
        for (int32_t k = start; k < end; k++) if (units[k] == 0x0A) { spans = 1; break; }
        if (!spans && line != lastLine) { lines[n++] = line; lastLine = line; }
    }
    {
        UErrorCode reset = U_ZERO_ERROR;
        uregex_setText(regex->re, empty, 0, &reset);
    }
done:
    if (units != stackBuf) free(units);
    if (result < 0) return result;
    return n;
}
