/* entities.c: decodes HTML character references, named and numeric, double-escaped or not. */
#include "clean.h"

#include <ctype.h>
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

/* The value of the numeric reference NAME (NLEN bytes, "#8220" or "#x201C", without its '&'
 * and ';'), or -1 if it is none. */
static int32_t entities_number(const char *name, size_t nlen)
{
    if (nlen < 2 || name[0] != '#')
        return -1;
    int hex = name[1] == 'x' || name[1] == 'X';
    size_t start = hex ? 2 : 1, k;
    int32_t v = 0;
    for (k = start; k < nlen; k++) {
        char c = name[k];
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        if (v < 0x110000)
            v = v * (hex ? 16 : 10) + d;
    }
    return k == start ? -1 : v;
}

/* The references sloppy HTML writes without their ';' ("Fish &amp chips", "&nbsp", "&copy 2019"),
 * which browsers read all the same; taken so only before a byte that cannot go on a name. */
static const char *const entities_bare[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};

/* The length of the bare reference (entities_bare) that S[I..LEN) begins with after its '&', or
 * 0 if none does. */
static size_t entities_bare_at(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; k < sizeof entities_bare / sizeof *entities_bare; k++) {
        size_t n = strlen(entities_bare[k]);
        if (len - i - 1 < n || memcmp(s + i + 1, entities_bare[k], n) != 0)
            continue;
        unsigned char next = i + 1 + n < len ? (unsigned char)s[i + 1 + n] : ' ';
        if (next == ';' || next == '=' || next == '_' || (next < 0x80 && isalnum(next)))
            return 0;
        return n;
    }
    return 0;
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
        const char *name = s + i + 1;
        size_t nlen = semi ? (size_t)(semi - name) : 0, end = semi ? (size_t)(semi - s) + 1 : 0;
        const char *utf8 = NULL;
        int32_t cp = -1;
        if (nlen && name[0] != '#' && !(utf8 = entities_lookup(name, nlen)))
            nlen = 0; /* "&amp chips; ...": the ';' is another's */
        if (!nlen && (nlen = entities_bare_at(s, len, i)) != 0) {
            utf8 = entities_lookup(name, nlen);
            end = i + 1 + nlen;
        }
        if (nlen == 0)
            continue;
        if (name[0] == '#') {
            int32_t v = entities_number(name, nlen);
            if (v < 0)
                continue;
            /* A character outside the Basic Multilingual Plane written as its two UTF-16
             * halves, as some encoders do ("&#xD83D;&#xDE00;" for one emoji): one character. */
            if (v >= 0xD800 && v <= 0xDBFF && end + 3 < len && s[end] == '&' && s[end + 1] == '#') {
                const char *low_semi = memchr(s + end + 2, ';', len - end - 2 < 10 ? len - end - 2 : 10);
                int32_t low = low_semi ? entities_number(s + end + 1, (size_t)(low_semi - s - end - 1)) : -1;
                if (utf8_surrogates(v, low) >= 0) {
                    v = utf8_surrogates(v, low);
                    end = (size_t)(low_semi - s) + 1;
                }
            }
            cp = entities_numeric(v);
        }
        quarry_buf_append(out, s + copied, i - copied);
        if (utf8)
            quarry_buf_append(out, utf8, strlen(utf8));
        else
            utf8_append(out, cp);
        copied = end;
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
