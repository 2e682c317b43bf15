/* entities.c: decodes HTML character references, named and numeric, double-escaped or not. */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

#define ENTITIES_MAX_ROUNDS 3  /* "&amp;amp;lt;" is as deep as real text goes */
#define ENTITIES_MAX_NAME 32

static const char *entities_lookup(const char *name, size_t len)
{
    size_t lo = 0, hi = clean_nentities;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(clean_entities[mid].name, name, len);
        if (c == 0 && clean_entities[mid].name[len] != '\0')
            c = 1;
        if (c < 0)
            lo = mid + 1;
        else if (c > 0)
            hi = mid;
        else
            return clean_entities[mid].utf8;
    }
    return NULL;
}

/* The code point a numeric reference means: HTML reads 128-159 as Windows-1252, and invalid
 * values as U+FFFD. */
static int32_t entities_numeric(int32_t v)
{
    if (v >= 0x80 && v <= 0x9F)
        return clean_codepages[1].high[v - 0x80];
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0xFFFD;
    return v;
}

/* One pass over S; returns 1 if a reference was decoded. */
static int entities_pass(const char *s, size_t len, quarry_buf *out)
{
    int changed = 0;
    size_t copied = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '&')
            continue;
        const char *semi = memchr(s + i + 1, ';', len - i - 1 < ENTITIES_MAX_NAME + 2 ? len - i - 1
                                                                                    : ENTITIES_MAX_NAME + 2);
        if (!semi)
            continue;
        const char *name = s + i + 1;
        size_t nlen = (size_t)(semi - name);
        if (nlen == 0)
            continue;
        const char *utf8 = NULL;
        int32_t cp = -1;
        if (name[0] == '#') {
            int hex = nlen > 1 && (name[1] == 'x' || name[1] == 'X');
            size_t start = hex ? 2 : 1, k;
            int32_t v = 0;
            for (k = start; k < nlen; k++) {
                char c = name[k];
                int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0)
                    break;
                if (v < 0x110000)
                    v = v * (hex ? 16 : 10) + d;
            }
            if (k != nlen || k == start)
                continue;
            cp = entities_numeric(v);
        } else {
            utf8 = entities_lookup(name, nlen);
            if (!utf8)
                continue;
        }
        quarry_buf_append(out, s + copied, i - copied);
        if (utf8)
            quarry_buf_append(out, utf8, strlen(utf8));
        else
            utf8_append(out, cp);
        copied = (size_t)(semi - s) + 1;
        i = copied - 1;
        changed = 1;
    }
    quarry_buf_append(out, s + copied, len - copied);
    return changed;
}

int entities_decode(const char *s, size_t len, quarry_buf *out)
{
    if (!memchr(s, '&', len)) {
        quarry_buf_append(out, s, len);
        return 0;
    }
    quarry_buf a = {0}, b = {0};
    int changed = entities_pass(s, len, &a);
    for (int round = 1; changed && round < ENTITIES_MAX_ROUNDS && memchr(a.data, '&', a.len); round++) {
        b.len = 0;
        if (!entities_pass(a.data, a.len, &b))
            break;
        quarry_buf t = a;
        a = b;
        b = t;
    }
    quarry_buf_append(out, a.data, a.len);
    quarry_buf_free(&a);
    quarry_buf_free(&b);
    return changed;
}
