/* utf8.c: UTF-8 decoding and encoding, and repair of bytes that are not UTF-8. */
#include "clean.h"

#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

int32_t utf8_surrogates(int32_t hi, int32_t lo)
{
    if (hi < 0xD800 || hi > 0xDBFF || lo < 0xDC00 || lo > 0xDFFF)
        return -1;
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

void utf8_append(quarry_buf *out, int32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    quarry_buf_append(out, b, n);
}

int utf8_is_ascii(const char *s, size_t len)
{
    size_t i = 0;
    /* Eight bytes at a time: the common case is a long ASCII news story. */
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            return 0;
    }
    for (; i < len; i++)
        if ((unsigned char)s[i] & 0x80)
            return 0;
    return 1;
}

int utf8_is_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = u[i] < 0x80 ? 1 : utf8_decode(u + i, len - i, &cp);
        if (!n)
            return 0;
        i += n;
    }
    return 1;
}

size_t utf8_repair_bytes(quarry_buf *out, const char *s, size_t len)
{
    const codepage *cp1252 = &clean_codepages[1];
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, i = 0, run = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = utf8_decode(u + i, len - i, &cp);
        if (n) {
            i += n;
            continue;
        }
        /* Text written in Windows-1252 and labelled UTF-8 is the usual cause. */
        quarry_buf_append(out, s + run, i - run);
        utf8_append(out, cp1252->high[u[i] - 0x80]);
        bad++;
        run = ++i;
    }
    quarry_buf_append(out, s + run, len - run);
    return bad;
}

int utf8_next(const char **s, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)*s;
    if (!*u)
        return 0;
    /* 4, not the string's length: utf8_decode reads on only while bytes continue a sequence,
     * and the NUL that ends the string never does, so it is never read past. */
    size_t l = utf8_decode(u, 4, cp);
    if (!l)
        return 0;
    *s += l;
    return 1;
}
