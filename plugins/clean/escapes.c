/* escapes.c: a text whose JSON string escapes were written out once more ("Fed\u2019s",
 * "rally\n\nStocks", \"quoted\"), as JSON encoded twice, or kept inside a CSV cell, leaves them. */
#include "clean.h"

#include <string.h>

/* The value of the hexadecimal digit C, or -1. */
static int escapes_hex(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The code unit of "\uXXXX" at S (N bytes left, S[0] the backslash), or -1. */
static int32_t escapes_unit(const char *s, size_t n)
{
    if (n < 6 || s[1] != 'u')
        return -1;
    int32_t unit = 0;
    for (size_t i = 2; i < 6; i++) {
        int d = escapes_hex((unsigned char)s[i]);
        if (d < 0)
            return -1;
        unit = unit << 4 | d;
    }
    return unit;
}

/* The code point of the escape at S ("\u2019", or a surrogate pair "\ud83d\ude00"), its length
 * in *LEN; -1 if S begins no "\u" escape. A half of a pair alone is U+FFFD. */
static int32_t escapes_code_point(const char *s, size_t n, size_t *len)
{
    int32_t hi = escapes_unit(s, n);
    if (hi < 0)
        return -1;
    *len = 6;
    if (hi < 0xD800 || hi > 0xDFFF)
        return hi;
    int32_t pair = utf8_surrogates(hi, n >= 12 && s[6] == '\\' ? escapes_unit(s + 6, n - 6) : -1);
    if (pair < 0)
        return 0xFFFD;
    *len = 12;
    return pair;
}

/* Whether "\n" at S (S[1] the 'n') ends a line of the text it was: before another escape, a
 * capital, a digit, a quotation mark or a space, or at the end. "C:\news" has one that is none. */
static int escapes_line_end(const char *s, size_t n)
{
    if (n < 3)
        return 1;
    unsigned char c = (unsigned char)s[2];
    return c == '\\' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == ' ';
}

int escapes_detect(const char *s, size_t len)
{
    if (memchr(s, '\n', len))
        return 0; /* a text escaped again holds no line break of its own */
    size_t signs = 0;
    for (const char *p = memchr(s, '\\', len); p; p = memchr(p, '\\', len - (size_t)(p - s))) {
        size_t left = len - (size_t)(p - s), used = 2;
        if (left >= 2 && p[1] == 'u') {
            int32_t cp = escapes_code_point(p, left, &used);
            if (cp >= 0x80)
                return 1; /* a character past ASCII written as an escape: beyond doubt */
            signs += cp >= 0;
            if (cp < 0)
                used = 1;
        } else if (left >= 2 && p[1] == 'n') {
            signs += (size_t)escapes_line_end(p, left);
        } else if (left >= 2 && p[1] == '"') {
            signs++;
        } else {
            used = left >= 2 && p[1] == '\\' ? 2 : 1;
        }
        if (signs >= 2)
            return 1;
        p += used;
        if (p >= s + len)
            break;
    }
    return 0;
}

size_t escapes_decode(const char *s, size_t len, quarry_buf *out)
{
    size_t done = 0, copied = 0;
    for (const char *p = memchr(s, '\\', len); p; p = memchr(p, '\\', len - (size_t)(p - s))) {
        size_t at = (size_t)(p - s), left = len - at, used = 2;
        int32_t cp = -1;
        switch (left >= 2 ? p[1] : 0) {
        case 'n': cp = '\n'; break;
        case 't': cp = '\t'; break;
        case 'r': cp = -2; break; /* a line break is "\r\n" or "\n": the '\n' makes it */
        case 'b': case 'f': cp = -2; break;
        case '"': case '\\': case '/': cp = (unsigned char)p[1]; break;
        case 'u': cp = escapes_code_point(p, left, &used); break;
        }
        if (cp == -1) { /* no escape JSON has ("\d" of a pattern): the backslash stays */
            p++;
            if (p >= s + len)
                break;
            continue;
        }
        quarry_buf_append(out, s + copied, at - copied);
        /* Controls but tab and newline go, as the character clean-up would drop them: a NUL
         * ("\u0000") must not reach the steps that read the text as a string. */
        if (cp >= 0x20 || cp == '\t' || cp == '\n')
            utf8_append(out, cp);
        copied = at + used;
        done++;
        p = s + copied;
        if (copied >= len)
            break;
    }
    quarry_buf_append(out, s + copied, len - copied);
    return done;
}
